package org.sekisho.passenger.screening.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.BiFunction;

/**
 * One line of a hit's explanation (or a reason the system gives in a hit's comment) as a message
 * key with its arguments, so that it is stored once, independent of language, and shown in the
 * reader's language ({@code i18n/screening_*.properties}, keys under {@code screening.why.}).
 * Stored lines compare equal whenever the same evidence is behind them, whatever language anyone
 * reads them in, so a dismissed match still reopens only when its evidence changed.
 *
 * <p>Arguments are the data (names, dates, scores as text, {@link Locale#ROOT} numbers); an
 * argument made by {@link #term} is itself a key (a severity, a kind of match) and is shown in the
 * reader's language too.
 *
 * @param key the message key, e.g. {@code screening.why.corroboration}
 * @param args its arguments, in order
 */
public record Reason(String key, List<String> args) {
  /** Where explanation keys live. */
  public static final String PREFIX = "screening.why.";

  // control characters no name or document holds: start of an encoded line, argument separator,
  // marker of an argument that is a key
  private static final char START = '\u001e';
  private static final char SEP = '\u001f';
  private static final char TERM = '\u001d';

  private static final Properties ENGLISH = load();

  public Reason {
    args = args.stream().map(Reason::clean).toList();
  }

  /** {@code screening.why.<what>} with the arguments as text. */
  public static Reason of(String what, Object... args) {
    List<String> out = new ArrayList<>(args.length);
    for (Object a : args) {
      out.add(String.valueOf(a));
    }
    return new Reason(PREFIX + what, out);
  }

  /** A line that is already text (a rule author's "because", a line stored before keys). */
  public static Reason text(String line) {
    return of("text", line);
  }

  /** An argument that is a message key, shown in the reader's language. */
  public static String term(String key) {
    return TERM + key;
  }

  /** The key of an argument made by {@link #term}; empty for an argument that is data. */
  public static java.util.Optional<String> termOf(String arg) {
    return arg != null && !arg.isEmpty() && arg.charAt(0) == TERM
        ? java.util.Optional.of(arg.substring(1))
        : java.util.Optional.empty();
  }

  /** The stored form; {@link #decode} reads it back. */
  public String encode() {
    StringBuilder b = new StringBuilder().append(START).append(key);
    for (String a : args) {
      b.append(SEP).append(a);
    }
    return b.toString();
  }

  /** Whether a stored line or comment is an encoded reason (and not free text). */
  public static boolean encoded(String stored) {
    return stored != null && !stored.isEmpty() && stored.charAt(0) == START;
  }

  /** A stored line: an encoded reason, or (written before keys, or free text) a text line. */
  public static Reason decode(String stored) {
    if (!encoded(stored)) {
      return text(stored == null ? "" : stored);
    }
    String[] parts = stored.substring(1).split(String.valueOf(SEP), -1);
    List<String> args = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      args.add(parts[i]);
    }
    return new Reason(parts[0], args);
  }

  /**
   * The line in a language: {@code messages} gives the text of a key with its arguments (as the
   * platform's message lookup does).
   */
  public String render(BiFunction<String, Object[], String> messages) {
    Object[] shown = new Object[args.size()];
    for (int i = 0; i < shown.length; i++) {
      String a = args.get(i);
      shown[i] =
          !a.isEmpty() && a.charAt(0) == TERM ? messages.apply(a.substring(1), new Object[0]) : a;
    }
    return messages.apply(key, shown);
  }

  /** The line in English (the API's {@code explanation}, logs and tests). */
  public String english() {
    return render(Reason::englishText);
  }

  /** A stored line or comment in English; free text as it is. */
  public static String english(String stored) {
    return encoded(stored) ? decode(stored).english() : stored;
  }

  private static String englishText(String key, Object[] args) {
    String pattern = ENGLISH.getProperty(key);
    if (pattern == null) {
      return key;
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(args);
  }

  private static String clean(String a) {
    if (a == null) {
      return "";
    }
    return a.replace(START, ' ').replace(SEP, ' ');
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = Reason.class.getResourceAsStream("/i18n/screening_en.properties")) {
      if (in != null) {
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
