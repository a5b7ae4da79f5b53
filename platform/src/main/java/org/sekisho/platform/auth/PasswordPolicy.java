package org.sekisho.platform.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be, as a named list of small pure functions that each return the reason
 * for a refusal, or nothing ({@link #RULES}, checked in order; the first reason is given). An
 * administrator choosing a temporary password, the {@code sekisho user} command and a user choosing
 * their own all go through it; a generated password is drawn until it passes.
 *
 * <p>A reason names its rule and never quotes the password: refusals are audited by their key and
 * shown to whoever typed it. Thread-safe: the list of common words is read once and not changed.
 */
public final class PasswordPolicy {
  private PasswordPolicy() {}

  /** Shortest password anyone may choose or be given. */
  public static final int MIN_LENGTH = 12;

  /** Longest password taken: hashing is deliberately slow, and grows with the input. */
  public static final int MAX_LENGTH = 256;

  /** Fewest different characters a password has (case not counted). */
  public static final int MIN_DISTINCT = 5;

  /**
   * Fewest characters a password has outside repeats and runs of consecutive keys: {@code
   * Xk!7aaaaaaaa} and {@code 123456789Ab!} are mostly a pattern, whatever their length.
   */
  public static final int MIN_UNPATTERNED = 6;

  /** The longest unit whose repetition counts as a pattern ({@code abcabc…}, {@code 2026 2026}). */
  static final int MAX_UNIT = 6;

  /** The shortest run along a keyboard row, the alphabet or the digits that counts as a pattern. */
  static final int MIN_RUN = 4;

  /**
   * A password to judge, with what it must not contain.
   *
   * @param field the input field it came in ({@code password}, {@code newPassword}, {@code
   *     SEKISHO_PASSWORD}), which a refusal names
   * @param username the account's user name
   * @param agency the code and the registered name of the account's agency; empty when not known
   */
  public record Candidate(String field, String password, String username, List<String> agency) {
    public Candidate {
      password = password == null ? "" : password;
      username = username == null ? "" : username;
      agency = List.copyOf(agency);
    }
  }

  /** One rule; empty when the password keeps it. */
  @FunctionalInterface
  public interface Rule {
    Optional<AccountRefusal> check(Candidate c);
  }

  /** Every rule, in the order their reasons are given. */
  public static final List<Rule> RULES =
      List.of(
          PasswordPolicy::longEnough,
          PasswordPolicy::notTooLong,
          PasswordPolicy::notBlank,
          PasswordPolicy::notRepeated,
          PasswordPolicy::enoughDifferentCharacters,
          PasswordPolicy::notARun,
          PasswordPolicy::notTheUserName,
          PasswordPolicy::notTheAgency,
          PasswordPolicy::notCommon);

  // no 0/O, 1/l/I: a generated password is read aloud or copied by hand
  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  /**
   * A generated password: four groups of four characters (about 92 bits), such as {@code
   * k7Qm-3xTz-…}, drawn again in the rare case {@code keeps} refuses it (a run such as {@code abcd}
   * breaks a rule; a caller judges it for the accounts it is for).
   *
   * @param keeps whether the drawn password keeps the rules for the accounts it is for
   * @throws IllegalStateException when a thousand draws were all refused (rules no draw can keep)
   */
  public static String generate(
      java.util.random.RandomGenerator random, java.util.function.Predicate<String> keeps) {
    for (int attempt = 0; attempt < 1000; attempt++) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < 16; i++) {
        if (i > 0 && i % 4 == 0) {
          out.append('-');
        }
        out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      String drawn = out.toString();
      if (keeps.test(drawn)) {
        return drawn;
      }
    }
    throw new IllegalStateException("no generated password kept the password rules");
  }

  /** The first reason any rule gives, or empty when {@code c} may be a password. */
  public static Optional<AccountRefusal> judge(Candidate c) {
    for (Rule r : RULES) {
      Optional<AccountRefusal> why = r.check(c);
      if (why.isPresent()) {
        return why;
      }
    }
    return Optional.empty();
  }

  static Optional<AccountRefusal> longEnough(Candidate c) {
    int length = length(c.password());
    return length < MIN_LENGTH
        ? Optional.of(
            AccountRefusal.invalid(c.field(), "account.error.password.short", MIN_LENGTH, length))
        : Optional.empty();
  }

  static Optional<AccountRefusal> notTooLong(Candidate c) {
    return length(c.password()) > MAX_LENGTH
        ? Optional.of(AccountRefusal.invalid(c.field(), "account.error.password.long", MAX_LENGTH))
        : Optional.empty();
  }

  static Optional<AccountRefusal> notBlank(Candidate c) {
    return c.password().isBlank()
        ? Optional.of(AccountRefusal.invalid(c.field(), "account.error.password.blank"))
        : Optional.empty();
  }

  /**
   * Not mostly one character or a short unit repeated: {@code aaaaaaaaaaaa}, {@code abcabcabcabc},
   * {@code 2026!2026!2026!}, {@code Xk!7aaaaaaaaa}.
   */
  static Optional<AccountRefusal> notRepeated(Candidate c) {
    int[] cp = fold(c.password()).codePoints().toArray();
    boolean[] marked = new boolean[cp.length];
    markRepeats(cp, marked);
    return cp.length - count(marked) < MIN_UNPATTERNED
        ? Optional.of(AccountRefusal.invalid(c.field(), "account.error.password.repeated"))
        : Optional.empty();
  }

  /** At least {@value #MIN_DISTINCT} different characters: not {@code 112233112233}. */
  static Optional<AccountRefusal> enoughDifferentCharacters(Candidate c) {
    long distinct = fold(c.password()).codePoints().distinct().count();
    return distinct < MIN_DISTINCT
        ? Optional.of(
            AccountRefusal.invalid(
                c.field(), "account.error.password.fewCharacters", MIN_DISTINCT, distinct))
        : Optional.empty();
  }

  /**
   * Not mostly runs of consecutive keys, letters or digits ({@code 123456789012}, {@code
   * qwertyuiop12}, {@code 1qaz2wsx3edc}, {@code abcd1234efgh}), repeats counted with them.
   */
  static Optional<AccountRefusal> notARun(Candidate c) {
    int[] cp = fold(c.password()).codePoints().toArray();
    boolean[] marked = new boolean[cp.length];
    markRepeats(cp, marked);
    markRuns(cp, marked);
    int outside = cp.length - count(marked);
    return outside < MIN_UNPATTERNED
        ? Optional.of(
            AccountRefusal.invalid(
                c.field(), "account.error.password.sequence", outside, MIN_UNPATTERNED))
        : Optional.empty();
  }

  /**
   * Not containing the user name (its separators left out: {@code Tanaka Hanako 1} holds {@code
   * tanaka.hanako}), nor a part of it of four characters or more ({@code tanaka}).
   */
  static Optional<AccountRefusal> notTheUserName(Candidate c) {
    return containsAny(c.password(), names(List.of(c.username())))
        ? Optional.of(AccountRefusal.invalid(c.field(), "account.error.password.username"))
        : Optional.empty();
  }

  /**
   * Not containing the agency's code or name, nor a word of them of four characters or more ({@code
   * JapanCustoms2026}, {@code customs-jp!!}, {@code police…}).
   */
  static Optional<AccountRefusal> notTheAgency(Candidate c) {
    if (c.agency().isEmpty() || !containsAny(c.password(), names(c.agency()))) {
      return Optional.empty();
    }
    String code = c.agency().get(0);
    String name = c.agency().size() > 1 ? c.agency().get(1) : code;
    return Optional.of(
        AccountRefusal.invalid(c.field(), "account.error.password.agency", name, code));
  }

  /**
   * Not one of the commonest words passwords are made of, or two of them run together, once the
   * digits and symbols around it are taken off and look-alike digits and symbols read as letters:
   * {@code Password2026!}, {@code P@ssw0rd1234}, {@code 2026sunshine!!}, {@code dragonmaster99}.
   */
  static Optional<AccountRefusal> notCommon(Candidate c) {
    for (String core : cores(fold(c.password()))) {
      if (CommonWords.WORDS.contains(core) || twoWords(core)) {
        return Optional.of(AccountRefusal.invalid(c.field(), "account.error.password.common"));
      }
    }
    return Optional.empty();
  }

  // ---- the pieces

  private static int length(String s) {
    return s == null ? 0 : s.codePointCount(0, s.length());
  }

  /** As compared: full-width letters and digits as ASCII, and case left out. */
  static String fold(String s) {
    return Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }

  private static int count(boolean[] marked) {
    int n = 0;
    for (boolean m : marked) {
      if (m) {
        n++;
      }
    }
    return n;
  }

  /**
   * Marks each character that repeats the one {@code p} places before it ({@code p} up to {@value
   * #MAX_UNIT}) in a stretch at least {@code p} long (at least 2 for {@code p = 1}, so that the
   * double letters of words are not a pattern).
   */
  private static void markRepeats(int[] cp, boolean[] marked) {
    for (int p = 1; p <= MAX_UNIT; p++) {
      int start = -1;
      for (int i = p; i <= cp.length; i++) {
        boolean same = i < cp.length && cp[i] == cp[i - p];
        if (same && start < 0) {
          start = i;
        } else if (!same && start >= 0) {
          if (i - start >= Math.max(2, p)) {
            Arrays.fill(marked, start, i, true);
          }
          start = -1;
        }
      }
    }
  }

  /**
   * Marks the characters of each run of at least {@value #MIN_RUN} consecutive characters going one
   * way along one of {@link #SEQUENCES}.
   */
  private static void markRuns(int[] cp, boolean[] marked) {
    int start = 0;
    Set<Integer> along = Set.of();
    for (int i = 1; i <= cp.length; i++) {
      Set<Integer> step =
          i < cp.length ? STEPS.getOrDefault(pair(cp[i - 1], cp[i]), Set.of()) : Set.of();
      Set<Integer> both = new HashSet<>(along);
      both.retainAll(step);
      if (!both.isEmpty()) {
        along = both;
        continue;
      }
      // the run that ended at i - 1
      if (!along.isEmpty() && i - start >= MIN_RUN) {
        Arrays.fill(marked, start, i, true);
      }
      start = i - 1;
      along = step;
    }
  }

  /**
   * Keyboard rows (unshifted and shifted) and columns, the alphabet, the digits (0 after 9, as on
   * the keyboard) and the kana in their order; a run goes either way along one of them.
   */
  static final List<String> SEQUENCES =
      List.of(
          "abcdefghijklmnopqrstuvwxyz",
          "01234567890",
          "`1234567890-=",
          "~!@#$%^&*()_+",
          "qwertyuiop[]\\",
          "asdfghjkl;'",
          "zxcvbnm,./",
          "qwertyuiop{}|",
          "asdfghjkl:\"",
          "zxcvbnm<>?",
          "1qaz",
          "2wsx",
          "3edc",
          "4rfv",
          "5tgb",
          "6yhn",
          "7ujm",
          "8ik,",
          "9ol.",
          "0p;/",
          "7894561230",
          "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん",
          "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン");

  /** For each pair of neighbours in a sequence: which sequences, which way (2 × index + way). */
  private static final Map<Long, Set<Integer>> STEPS = steps();

  private static Map<Long, Set<Integer>> steps() {
    Map<Long, Set<Integer>> out = new HashMap<>();
    for (int s = 0; s < SEQUENCES.size(); s++) {
      int[] cp = SEQUENCES.get(s).codePoints().toArray();
      for (int i = 1; i < cp.length; i++) {
        out.computeIfAbsent(pair(cp[i - 1], cp[i]), k -> new HashSet<>()).add(2 * s);
        out.computeIfAbsent(pair(cp[i], cp[i - 1]), k -> new HashSet<>()).add(2 * s + 1);
      }
    }
    out.replaceAll((k, v) -> Set.copyOf(v));
    return Map.copyOf(out);
  }

  private static long pair(int a, int b) {
    return ((long) a << 32) | (b & 0xffffffffL);
  }

  /**
   * The names a password must not contain: each whole (separators left out) from three characters,
   * and each part (between separators) from four, or from two when not written in Latin letters
   * (税関).
   */
  private static Set<String> names(List<String> given) {
    Set<String> out = new HashSet<>();
    for (String g : given) {
      String f = fold(g);
      String whole = lettersAndDigits(f);
      if (whole.length() >= 3 || (whole.length() >= 2 && !ascii(whole))) {
        out.add(whole);
      }
      for (String part : f.split("[^\\p{L}\\p{N}]+")) {
        if (part.length() >= 4 || (part.length() >= 2 && !ascii(part))) {
          out.add(part);
        }
      }
    }
    return out;
  }

  private static boolean ascii(String s) {
    return s.chars().allMatch(ch -> ch < 128);
  }

  /** Whether the password, as written or with look-alikes read as letters, holds one of them. */
  private static boolean containsAny(String password, Set<String> names) {
    if (names.isEmpty()) {
      return false;
    }
    String f = fold(password);
    List<String> forms =
        List.of(
            lettersAndDigits(f),
            lettersAndDigits(lookAlikes(f, 'i')),
            lettersAndDigits(lookAlikes(f, 'l')));
    for (String form : forms) {
      for (String n : names) {
        if (form.contains(n)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String lettersAndDigits(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
    return out.toString();
  }

  private static String lettersOnly(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints().filter(Character::isLetter).forEach(out::appendCodePoint);
    return out.toString();
  }

  /** Digits and symbols that stand in for letters ({@code p@ssw0rd}); 1 as {@code one}. */
  private static String lookAlikes(String s, char one) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      out.append(
          switch (ch) {
            case '0' -> 'o';
            case '1', '!', '|' -> one;
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7', '+' -> 't';
            case '8' -> 'b';
            case '9' -> 'g';
            default -> ch;
          });
    }
    return out.toString();
  }

  /** {@code s} without the characters other than letters at its start and its end. */
  private static String trimmed(String s) {
    int[] cp = s.codePoints().toArray();
    int from = 0;
    int to = cp.length;
    while (from < to && !Character.isLetter(cp[from])) {
      from++;
    }
    while (to > from && !Character.isLetter(cp[to - 1])) {
      to--;
    }
    return new String(cp, from, to - from);
  }

  /**
   * The words a folded password may be made of: the digits and symbols around it taken off and
   * look-alikes read as letters (in either order), or every character but letters left out.
   */
  private static List<String> cores(String f) {
    List<String> out = new ArrayList<>();
    for (char one : new char[] {'i', 'l'}) {
      out.add(lettersOnly(lookAlikes(trimmed(f), one)));
      out.add(lettersOnly(trimmed(lookAlikes(f, one))));
    }
    out.add(lettersOnly(f));
    out.removeIf(String::isEmpty);
    return out;
  }

  /** Whether {@code core} is two common words run together ({@code monkeydragon}). */
  private static boolean twoWords(String core) {
    for (int i = CommonWords.SHORTEST; i <= core.length() - CommonWords.SHORTEST; i++) {
      if (CommonWords.WORDS.contains(core.substring(0, i))
          && CommonWords.WORDS.contains(core.substring(i))) {
        return true;
      }
    }
    return false;
  }

  /** The list shipped as {@code common-passwords.txt} beside this class, read on first use. */
  static final class CommonWords {
    private CommonWords() {}

    static final int SHORTEST = 4;

    static final Set<String> WORDS = read();

    private static Set<String> read() {
      Set<String> out = new HashSet<>();
      try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
        if (in == null) {
          throw new IllegalStateException("common-passwords.txt is missing beside PasswordPolicy");
        }
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          String w = line.strip();
          if (!w.isEmpty() && !w.startsWith("#")) {
            out.add(w);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return Set.copyOf(out);
    }
  }
}
