package org.sekisho.passenger.egate.domain.declaration;

import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.core.TypedAmounts;
import org.sekisho.passenger.egate.domain.mrz.NameTransliteration;

/**
 * Reads the traveller's declaration form (Form C No. 5360 fields as named form values) into a
 * {@link CustomsDeclaration}. Every problem is reported at once, each naming its field and the
 * expected form (code {@code invalid-field} or {@code missing-field}). Never throws. Stateless.
 *
 * <p>Field names: {@code flight, departedFrom, arrival, surname, givenNames, nationality,
 * birthDate, passportNumber, occupation, address, phone, family20, family6, familyUnder6,
 * familyPassports, prohibited, overAllowance, commercial, forOthers, cash, unaccompanied,
 * unaccompaniedPieces}, and the goods rows of the form's B side, {@code goodName1, goodQuantity1,
 * goodValue1} up to row {@value DeclarationQrFormat#MAX_GOODS}: the form asks for them when a
 * question of 1 (prohibited, over the allowance, commercial, for others) or 3 (unaccompanied) is
 * answered Yes, and then at least one row is required ({@link Mistake#GOODS_REQUIRED} on field
 * {@code goods}). Dates are ISO ({@code 2026-01-15}). Each yes/no question ({@link #QUESTIONS})
 * must be answered {@code yes} or {@code no} ({@code true}/{@code false} also, any case): an empty
 * answer is {@code missing-field}, any other value {@code invalid-field}, never read as "no". Names
 * may be typed with Latin letters as printed in the passport (MÜLLER, JOSÉ): they are written as
 * the MRZ writes them (MUELLER, JOSE), which is what the gate compares with the passport.
 *
 * <p>A field not among these ({@code passportNo}, {@code goodName11}) is refused, {@link
 * Mistake#UNKNOWN_FIELD} on its own name naming the fields taken (and the one likely meant), so
 * that a misspelt field is never signed as if it had been left empty.
 *
 * <p>Each problem is also a {@link FieldError}: a {@link Mistake} (whose {@link Mistake#key()} the
 * page translates) with its arguments, so the page can show it in the reader's language.
 */
public final class DeclarationForm {

  /** The longest goods name, in characters. */
  public static final int MAX_GOOD_CHARS = 30;

  /** The longest goods name in the QR, in UTF-8 bytes (30 CJK characters take 90). */
  public static final int MAX_GOOD_BYTES = 90;

  /** The most of one article a row may give. */
  public static final int MAX_GOOD_QUANTITY = 9_999;

  /** The highest value in yen a row may give. */
  public static final long MAX_GOOD_VALUE = 999_999_999L;

  /** The goods row field names, for row {@code row} (1-based). */
  public static List<String> goodsFields(int row) {
    return List.of("goodName" + row, "goodQuantity" + row, "goodValue" + row);
  }

  private static final Pattern GOOD_FIELD = Pattern.compile("good(Name|Quantity|Value)([0-9]+)");

  /**
   * For a goods row field ({@code goodValue3}), its column ({@code value}) and row ({@code 3});
   * empty for any other field.
   */
  public static java.util.Optional<Map.Entry<String, Integer>> goodsCell(String field) {
    java.util.regex.Matcher m = GOOD_FIELD.matcher(field);
    return m.matches()
        ? java.util.Optional.of(
            Map.entry(m.group(1).toLowerCase(Locale.ROOT), Integer.parseInt(m.group(2))))
        : java.util.Optional.empty();
  }

  private static List<String> fields() {
    List<String> all = new ArrayList<>(BASE_FIELDS);
    for (int i = 1; i <= DeclarationQrFormat.MAX_GOODS; i++) {
      all.addAll(goodsFields(i));
    }
    return List.copyOf(all);
  }

  private static final List<String> BASE_FIELDS =
      List.of(
          "flight",
          "departedFrom",
          "arrival",
          "surname",
          "givenNames",
          "nationality",
          "birthDate",
          "passportNumber",
          "occupation",
          "address",
          "phone",
          "family20",
          "family6",
          "familyUnder6",
          "familyPassports",
          "prohibited",
          "overAllowance",
          "commercial",
          "forOthers",
          "cash",
          "unaccompanied",
          "unaccompaniedPieces");

  /** Every field name, in form order. */
  public static final List<String> FIELDS = fields();

  /** The yes/no questions, in form order; each must be answered. */
  public static final List<String> QUESTIONS =
      List.of("prohibited", "overAllowance", "commercial", "forOthers", "cash", "unaccompanied");

  /** The most bytes one text field may take in the signed QR (UTF-8). */
  public static final int MAX_FIELD_BYTES = 255;

  private static final Pattern FLIGHT = Pattern.compile("[A-Z0-9]{2,3} ?[0-9]{1,5}[A-Z]?");
  private static final Pattern LATIN_NAME = Pattern.compile("[A-Z][A-Z' -]{0,38}");
  // Letters of the Latin script with their marks, as a passport's visual zone prints them.
  private static final Pattern LATIN_SCRIPT = Pattern.compile("[\\p{IsLatin}\\p{M}' -]+");
  private static final Pattern NATIONALITY = Pattern.compile("[A-Z]{1,3}");
  private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{1,9}");
  private static final Pattern PHONE = Pattern.compile("[0-9+() -]{0,20}");
  private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private DeclarationForm() {}

  /**
   * What can be wrong with a field: the message key the page translates ({@code
   * declaration.error.*} in the {@code egate} bundles) and the English text the API answers, both
   * {@link MessageFormat} patterns over the error's arguments.
   */
  public enum Mistake {
    REQUIRED("missing-field", "required", "required"),
    REQUIRED_DATE("missing-field", "requiredDate", "required: a date as YYYY-MM-DD"),
    REQUIRED_ANSWER("missing-field", "requiredAnswer", "required: answer Yes or No"),
    ANSWER_YES_NO("invalid-field", "answerYesNo", "expected yes or no, got \"{0}\""),
    FLIGHT("invalid-field", "flight", "expected a flight number such as NH110"),
    NAME_LATIN(
        "invalid-field",
        "nameLatin",
        "expected the name in Latin letters as printed in the passport (a name in another script"
            + " as in its machine-readable zone); letters such as Ü or É are accepted and"
            + " written as the machine-readable zone writes them (MÜLLER as MUELLER)"),
    NATIONALITY("invalid-field", "nationality", "expected the ICAO code of the passport, e.g. JPN"),
    PASSPORT("invalid-field", "passport", "expected up to 9 letters and digits as printed"),
    TOO_LONG("invalid-field", "tooLong", "at most {0} characters, got {1}"),
    TOO_MANY_BYTES(
        "invalid-field",
        "tooManyBytes",
        "too long for the QR code: at most {0} bytes in UTF-8, got {1} (a Japanese character"
            + " takes 3 bytes, an emoji 4)"),
    CONTROL("invalid-field", "control", "control characters are not allowed"),
    INVISIBLE(
        "invalid-field",
        "invisible",
        "invisible formatting characters (such as right-to-left marks or zero-width spaces) are"
            + " not allowed"),
    PHONE("invalid-field", "phone", "expected digits, spaces, + ( ) and -, up to 20"),
    DATE_FORMAT("invalid-field", "dateFormat", "expected a date as YYYY-MM-DD, got {0}"),
    DATE_IMPOSSIBLE("invalid-field", "dateImpossible", "{0} is not a day of the calendar"),
    DATE_RANGE("invalid-field", "dateRange", "expected a date from {0} to {1}"),
    NUMBER_RANGE("invalid-field", "numberRange", "expected a number from 0 to {0}"),
    NUMBER_FORMAT("invalid-field", "numberFormat", "expected a whole number from 0 to {0}"),
    PIECES("invalid-field", "pieces", "give the number of pieces sent separately (1-99)"),
    GOODS_REQUIRED(
        "missing-field",
        "goodsRequired",
        "list the goods you carry (name, quantity and value in yen), at least one row: you answered"
            + " Yes to a question of 1 or 3"),
    GOOD_QUANTITY("invalid-field", "goodQuantity", "expected a whole number from 1 to {0}"),
    GOOD_VALUE(
        "invalid-field",
        "goodValue",
        "expected the value in yen as a whole number from 0 to {0} (such as 25000 or 25,000)"),
    FAMILY_PASSPORT(
        "invalid-field",
        "familyPassport",
        "expected each family member passport as its ICAO code and number, such as JPN TR1234567,"
            + " separated by commas or lines; got \"{0}\""),
    FAMILY_PASSPORT_TWICE(
        "invalid-field",
        "familyPassportTwice",
        "{0} is listed twice, or is the passport of the declarant"),
    FAMILY_PASSPORT_COUNT(
        "invalid-field",
        "familyPassportCount",
        "{0} passports listed for {1} accompanying family members declared: list at most one per"
            + " member"),
    UNKNOWN_FIELD(
        "unknown-field",
        "unknownField",
        "field \"{0}\" is not taken here; the form takes {1}, and goodNameN, goodQuantityN and"
            + " goodValueN for the goods rows N = 1 to {2}"),
    UNKNOWN_FIELD_MEANT(
        "unknown-field",
        "unknownFieldMeant",
        "field \"{0}\" is not taken here: did you mean {3}? The form takes {1}, and goodNameN,"
            + " goodQuantityN and goodValueN for the goods rows N = 1 to {2}");

    private final String code;
    private final String key;
    private final String english;

    Mistake(String code, String key, String english) {
      this.code = code;
      this.key = key;
      this.english = english;
    }

    /** The problem code: {@code missing-field}, {@code invalid-field} or {@code unknown-field}. */
    public String code() {
      return code;
    }

    /** The message key in the {@code egate} bundles. */
    public String key() {
      return "declaration.error." + key;
    }

    /** The English pattern (what the API answers). */
    public String english() {
      return english;
    }
  }

  /**
   * One field's mistake.
   *
   * @param field the form field, one of {@link #FIELDS}, or the field given that is none of them
   * @param mistake what is wrong
   * @param args the message arguments, already text (limits, dates, the value given)
   */
  public record FieldError(String field, Mistake mistake, List<String> args) {
    public FieldError {
      args = List.copyOf(args);
    }

    /** The problem the API answers, its message in English. */
    public Problem problem() {
      String message =
          args.isEmpty()
              ? mistake.english()
              : new MessageFormat(mistake.english(), Locale.ENGLISH).format(args.toArray());
      return Problem.of(mistake.code(), field, message);
    }
  }

  /** The form read: a declaration, or every mistake at once (in form order). */
  public sealed interface Reading {
    /** The form holds a declaration. */
    record Filled(CustomsDeclaration declaration) implements Reading {}

    /** The form was refused; never empty. */
    record Refused(List<FieldError> errors) implements Reading {
      public Refused {
        errors = List.copyOf(errors);
      }
    }
  }

  /** Reads the form; the problems name each field with its message in English. */
  public static Outcome<CustomsDeclaration> read(Map<String, String> form, LocalDate today) {
    return switch (check(form, today)) {
      case Reading.Filled f -> Outcome.accepted(f.declaration());
      case Reading.Refused r ->
          new Outcome.Rejected<>(r.errors().stream().map(FieldError::problem).toList());
    };
  }

  /** Reads the form, keeping each mistake as a value the page can translate. */
  public static Reading check(Map<String, String> form, LocalDate today) {
    List<FieldError> problems = new ArrayList<>();
    // a misspelt field ("passportNo") would otherwise sign a declaration without it
    for (String name : form.keySet()) {
      if (!FIELDS.contains(name)) {
        problems.add(unknown(name));
      }
    }
    Reader r = new Reader(form, problems);
    String flight = r.upper("flight", FLIGHT, Mistake.FLIGHT, true);
    String from = r.text("departedFrom", 60, true);
    LocalDate arrival = r.date("arrival", today.minusDays(30), today.plusDays(90));
    String surname = r.name("surname", true);
    String given = r.name("givenNames", false);
    String nationality = r.upper("nationality", NATIONALITY, Mistake.NATIONALITY, true);
    if (NATIONALITY.matcher(nationality).matches()
        && !org.sekisho.passenger.egate.domain.mrz.IcaoCodes.isKnown(nationality)) {
      // JP for JPN, or a made-up code: the gate would refer the traveller for a nationality that
      // does not match the passport without telling them why, so the form says it here
      r.add("nationality", Mistake.NATIONALITY);
    }
    LocalDate birth = r.date("birthDate", LocalDate.of(1900, 1, 1), today);
    String passport = r.upper("passportNumber", PASSPORT, Mistake.PASSPORT, true);
    String occupation = r.text("occupation", 60, false);
    String address = r.text("address", 80, true);
    String phone = r.matching("phone", PHONE, Mistake.PHONE);
    int adults = r.count("family20", 20);
    int minors = r.count("family6", 20);
    int infants = r.count("familyUnder6", 20);
    List<CustomsDeclaration.MemberPassport> members =
        r.memberPassports("familyPassports", nationality, passport, adults + minors + infants);
    boolean prohibited = r.yes("prohibited");
    boolean overAllowance = r.yes("overAllowance");
    boolean commercial = r.yes("commercial");
    boolean forOthers = r.yes("forOthers");
    boolean cash = r.yes("cash");
    boolean unaccompanied = r.yes("unaccompanied");
    int pieces = r.count("unaccompaniedPieces", 99);
    if (unaccompanied && pieces == 0) {
      problems.add(new FieldError("unaccompaniedPieces", Mistake.PIECES, List.of()));
    }
    int beforeGoods = problems.size();
    List<CustomsDeclaration.Good> goods = r.goods();
    boolean goodsRefused = problems.size() > beforeGoods;
    CustomsDeclaration.Answers answers =
        new CustomsDeclaration.Answers(
            prohibited, overAllowance, commercial, forOthers, cash, unaccompanied);
    if (answers.goodsToDeclare() && goods.isEmpty() && !goodsRefused) {
      // the form's B side: "fill in if you answered Yes to any question of 1 or 3"
      problems.add(new FieldError("goods", Mistake.GOODS_REQUIRED, List.of()));
    }
    if (!problems.isEmpty()) {
      return new Reading.Refused(problems);
    }
    return new Reading.Filled(
        new CustomsDeclaration(
            flight,
            from,
            arrival,
            surname,
            given,
            nationality,
            birth,
            passport,
            occupation,
            address,
            phone,
            new CustomsDeclaration.FamilyMembers(adults, minors, infants),
            answers,
            unaccompanied ? pieces : 0,
            members,
            goods));
  }

  /** A field the form does not take: named, with the fields it takes and the one likely meant. */
  private static FieldError unknown(String name) {
    String taken = String.join(", ", BASE_FIELDS);
    String rows = Integer.toString(DeclarationQrFormat.MAX_GOODS);
    return org.sekisho.core.Spelling.nearest(name, FIELDS, 2)
        .map(m -> new FieldError(name, Mistake.UNKNOWN_FIELD_MEANT, List.of(name, taken, rows, m)))
        .orElseGet(() -> new FieldError(name, Mistake.UNKNOWN_FIELD, List.of(name, taken, rows)));
  }

  /** One member's passport as written: the ICAO code, then the number, a space or colon between. */
  private static final Pattern MEMBER_PASSPORT =
      Pattern.compile("([A-Z]{3})\\s*[ :]\\s*([A-Z0-9]{1,9})");

  private record Reader(Map<String, String> form, List<FieldError> problems) {
    String raw(String field) {
      String v = form.get(field);
      return v == null ? "" : v.strip();
    }

    void add(String field, Mistake m, Object... args) {
      problems.add(
          new FieldError(field, m, java.util.Arrays.stream(args).map(String::valueOf).toList()));
    }

    String text(String field, int maxChars, boolean required) {
      String v = raw(field);
      int chars = v.codePointCount(0, v.length());
      int bytes = v.getBytes(StandardCharsets.UTF_8).length;
      if (required && v.isEmpty()) {
        add(field, Mistake.REQUIRED);
      } else if (chars > maxChars) {
        add(field, Mistake.TOO_LONG, maxChars, chars);
      } else if (bytes > MAX_FIELD_BYTES) {
        // The QR's limit is in bytes: emoji and CJK fit fewer than the character limit says.
        add(field, Mistake.TOO_MANY_BYTES, MAX_FIELD_BYTES, bytes);
      } else if (v.chars().anyMatch(Character::isISOControl)) {
        add(field, Mistake.CONTROL);
      } else if (v.codePoints().anyMatch(c -> Character.getType(c) == Character.FORMAT)) {
        // Bidi overrides and zero-width characters would be signed into the QR and shown
        // reordered or hidden in officers' records.
        add(field, Mistake.INVISIBLE);
      }
      return v;
    }

    /**
     * A name as printed in the passport: Latin letters with their marks are written as the MRZ
     * writes them (ICAO 9303 part 3: MÜLLER becomes MUELLER), which the gate compares.
     */
    String name(String field, boolean required) {
      String v = raw(field).replaceAll("\\s+", " ");
      if (v.isEmpty()) {
        if (required) {
          add(field, Mistake.REQUIRED);
        }
        return v;
      }
      if (!LATIN_SCRIPT.matcher(v).matches()) {
        add(field, Mistake.NAME_LATIN);
        return v.toUpperCase(Locale.ROOT);
      }
      String mrz =
          NameTransliteration.toMrz(v.replace("'", ""), NameTransliteration.Variant.ICAO)
              .replace('<', ' ')
              .strip();
      if (!LATIN_NAME.matcher(mrz).matches()) {
        add(field, Mistake.NAME_LATIN);
      }
      return mrz;
    }

    String upper(String field, Pattern p, Mistake expected, boolean required) {
      String v = raw(field).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
      if (v.isEmpty()) {
        if (required) {
          add(field, Mistake.REQUIRED);
        }
        return v;
      }
      if (!p.matcher(v).matches()) {
        add(field, expected);
      }
      return v;
    }

    String matching(String field, Pattern p, Mistake expected) {
      String v = raw(field);
      if (!p.matcher(v).matches()) {
        add(field, expected);
      }
      return v;
    }

    LocalDate date(String field, LocalDate min, LocalDate max) {
      String v = raw(field);
      if (v.isEmpty()) {
        add(field, Mistake.REQUIRED_DATE);
        return min;
      }
      try {
        LocalDate d = LocalDate.parse(v);
        if (d.isBefore(min) || d.isAfter(max)) {
          add(field, Mistake.DATE_RANGE, min, max);
        }
        return d;
      } catch (DateTimeParseException e) {
        // 2026-02-30 is in the right form but no such day exists: say so, not "use YYYY-MM-DD".
        add(
            field,
            ISO_DATE.matcher(v).matches() ? Mistake.DATE_IMPOSSIBLE : Mistake.DATE_FORMAT,
            v);
        return min;
      }
    }

    int count(String field, int max) {
      String v = raw(field);
      if (v.isEmpty()) {
        return 0;
      }
      try {
        int n = Integer.parseInt(v);
        if (n < 0 || n > max) {
          add(field, Mistake.NUMBER_RANGE, max);
          return 0;
        }
        return n;
      } catch (NumberFormatException e) {
        add(field, Mistake.NUMBER_FORMAT, max);
        return 0;
      }
    }

    /**
     * The passports of accompanying family members, who pass the e-Gate each with their own
     * passport under this declaration: entries such as {@code JPN TR1234567} separated by commas,
     * semicolons or lines; each a known ICAO code and a passport number, none twice nor the
     * declarant's own, and no more than the family members declared. Optional: empty when none are
     * listed.
     */
    List<CustomsDeclaration.MemberPassport> memberPassports(
        String field, String nationality, String passport, int declared) {
      String v = raw(field).toUpperCase(Locale.ROOT);
      if (v.isEmpty()) {
        return List.of();
      }
      List<CustomsDeclaration.MemberPassport> out = new ArrayList<>();
      java.util.Set<String> seen = new java.util.HashSet<>();
      seen.add(nationality + " " + passport);
      for (String entry : v.split("[,;\\n\\r]+")) {
        String e = entry.strip();
        if (e.isEmpty()) {
          continue;
        }
        java.util.regex.Matcher m = MEMBER_PASSPORT.matcher(e);
        if (!m.matches() || !org.sekisho.passenger.egate.domain.mrz.IcaoCodes.isKnown(m.group(1))) {
          add(field, Mistake.FAMILY_PASSPORT, e.length() > 20 ? e.substring(0, 20) : e);
          return List.of();
        }
        CustomsDeclaration.MemberPassport p =
            new CustomsDeclaration.MemberPassport(m.group(1), m.group(2));
        if (!seen.add(p.toString())) {
          add(field, Mistake.FAMILY_PASSPORT_TWICE, p.toString());
          return List.of();
        }
        out.add(p);
      }
      if (out.size() > declared) {
        add(field, Mistake.FAMILY_PASSPORT_COUNT, out.size(), declared);
        return List.of();
      }
      return out;
    }

    /**
     * The goods rows: a row left wholly blank is skipped; in any other a name, a quantity from 1
     * and a value in yen are required (digits, commas, spaces and a leading ¥ or a trailing 円 are
     * accepted in numbers, as people write prices).
     */
    List<CustomsDeclaration.Good> goods() {
      List<CustomsDeclaration.Good> out = new ArrayList<>();
      for (int i = 1; i <= DeclarationQrFormat.MAX_GOODS; i++) {
        List<String> f = goodsFields(i);
        if (raw(f.get(0)).isEmpty() && raw(f.get(1)).isEmpty() && raw(f.get(2)).isEmpty()) {
          continue;
        }
        int before = problems.size();
        String name = text(f.get(0), MAX_GOOD_CHARS, true);
        if (problems.size() == before
            && name.getBytes(StandardCharsets.UTF_8).length > MAX_GOOD_BYTES) {
          add(
              f.get(0),
              Mistake.TOO_MANY_BYTES,
              MAX_GOOD_BYTES,
              name.getBytes(StandardCharsets.UTF_8).length);
        }
        long quantity = amount(f.get(1), 1, MAX_GOOD_QUANTITY, Mistake.GOOD_QUANTITY);
        long value = amount(f.get(2), 0, MAX_GOOD_VALUE, Mistake.GOOD_VALUE);
        if (problems.size() == before) {
          out.add(new CustomsDeclaration.Good(name, (int) quantity, value));
        }
      }
      return out;
    }

    private long amount(String field, long min, long max, Mistake expected) {
      // as a Japanese input method types it (１２，５００円) or a keyboard (¥12,500)
      String v = TypedAmounts.plain(raw(field));
      if (v == null) {
        add(field, expected, String.format(Locale.ROOT, "%,d", max));
        return min;
      }
      if (v.isEmpty()) {
        add(field, Mistake.REQUIRED);
        return min;
      }
      if (!v.matches("[0-9]{1,12}")) {
        add(field, expected, String.format(Locale.ROOT, "%,d", max));
        return min;
      }
      long n = Long.parseLong(v);
      if (n < min || n > max) {
        add(field, expected, String.format(Locale.ROOT, "%,d", max));
        return min;
      }
      return n;
    }

    /** An explicit answer: yes or no (true/false); an empty or other value is refused. */
    boolean yes(String field) {
      String v = raw(field).toLowerCase(Locale.ROOT);
      switch (v) {
        case "yes", "true" -> {
          return true;
        }
        case "no", "false" -> {
          return false;
        }
        case "" -> add(field, Mistake.REQUIRED_ANSWER);
        default -> add(field, Mistake.ANSWER_YES_NO, v.length() > 20 ? v.substring(0, 20) : v);
      }
      return false;
    }
  }
}
