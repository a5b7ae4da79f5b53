package org.sekisho.passenger.egate.domain.declaration;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;

/**
 * Reads the traveller's declaration form (Form C No. 5360 fields as named form values) into a
 * {@link CustomsDeclaration}. Every problem is reported at once, each naming its field and the
 * expected form (code {@code invalid-field} or {@code missing-field}). Never throws. Stateless.
 *
 * <p>Field names: {@code flight, departedFrom, arrival, surname, givenNames, nationality,
 * birthDate, passportNumber, occupation, address, phone, family20, family6, familyUnder6,
 * prohibited, overAllowance, commercial, forOthers, cash, unaccompanied, unaccompaniedPieces}.
 * Dates are ISO ({@code 2026-01-15}); yes/no questions are "yes" when the value is {@code on},
 * {@code yes} or {@code true}.
 */
public final class DeclarationForm {
  /** Every field name, in form order. */
  public static final List<String> FIELDS =
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
          "prohibited",
          "overAllowance",
          "commercial",
          "forOthers",
          "cash",
          "unaccompanied",
          "unaccompaniedPieces");

  private static final Pattern FLIGHT = Pattern.compile("[A-Z0-9]{2,3} ?[0-9]{1,5}[A-Z]?");
  private static final Pattern LATIN_NAME = Pattern.compile("[A-Z][A-Z' -]{0,38}");
  private static final Pattern NATIONALITY = Pattern.compile("[A-Z]{1,3}");
  private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{1,9}");
  private static final Pattern PHONE = Pattern.compile("[0-9+() -]{0,20}");

  private DeclarationForm() {}

  public static Outcome<CustomsDeclaration> read(Map<String, String> form, LocalDate today) {
    List<Problem> problems = new ArrayList<>();
    Reader r = new Reader(form, problems);
    String flight = r.upper("flight", FLIGHT, "a flight number such as NH110", true);
    String from = r.text("departedFrom", 60, true);
    LocalDate arrival = r.date("arrival", today.minusDays(30), today.plusDays(90));
    String surname = r.upper("surname", LATIN_NAME, "Latin letters as in the passport", true);
    String given = r.upper("givenNames", LATIN_NAME, "Latin letters as in the passport", false);
    String nationality =
        r.upper("nationality", NATIONALITY, "the ICAO code of the passport, e.g. JPN", true);
    LocalDate birth = r.date("birthDate", LocalDate.of(1900, 1, 1), today);
    String passport =
        r.upper("passportNumber", PASSPORT, "up to 9 letters and digits as printed", true);
    String occupation = r.text("occupation", 60, false);
    String address = r.text("address", 80, true);
    String phone = r.matching("phone", PHONE, "digits, spaces, + ( ) and -, up to 20");
    int adults = r.count("family20", 20);
    int minors = r.count("family6", 20);
    int infants = r.count("familyUnder6", 20);
    boolean unaccompanied = r.yes("unaccompanied");
    int pieces = r.count("unaccompaniedPieces", 99);
    if (unaccompanied && pieces == 0) {
      problems.add(
          Problem.of(
              "invalid-field",
              "unaccompaniedPieces",
              "give the number of pieces sent separately (1-99)"));
    }
    CustomsDeclaration.Answers answers =
        new CustomsDeclaration.Answers(
            r.yes("prohibited"),
            r.yes("overAllowance"),
            r.yes("commercial"),
            r.yes("forOthers"),
            r.yes("cash"),
            unaccompanied);
    if (!problems.isEmpty()) {
      return new Outcome.Rejected<>(problems);
    }
    return Outcome.accepted(
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
            unaccompanied ? pieces : 0));
  }

  private record Reader(Map<String, String> form, List<Problem> problems) {
    String raw(String field) {
      String v = form.get(field);
      return v == null ? "" : v.strip();
    }

    String text(String field, int maxChars, boolean required) {
      String v = raw(field);
      if (required && v.isEmpty()) {
        problems.add(Problem.of("missing-field", field, "required"));
      } else if (v.codePointCount(0, v.length()) > maxChars
          || v.getBytes(StandardCharsets.UTF_8).length > 255) {
        problems.add(
            Problem.of("invalid-field", field, "at most " + maxChars + " characters, got longer"));
      } else if (v.chars().anyMatch(Character::isISOControl)) {
        problems.add(Problem.of("invalid-field", field, "control characters are not allowed"));
      }
      return v;
    }

    String upper(String field, Pattern p, String expected, boolean required) {
      String v = raw(field).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
      if (v.isEmpty()) {
        if (required) {
          problems.add(Problem.of("missing-field", field, "required: " + expected));
        }
        return v;
      }
      if (!p.matcher(v).matches()) {
        problems.add(Problem.of("invalid-field", field, "expected " + expected));
      }
      return v;
    }

    String matching(String field, Pattern p, String expected) {
      String v = raw(field);
      if (!p.matcher(v).matches()) {
        problems.add(Problem.of("invalid-field", field, "expected " + expected));
      }
      return v;
    }

    LocalDate date(String field, LocalDate min, LocalDate max) {
      String v = raw(field);
      if (v.isEmpty()) {
        problems.add(Problem.of("missing-field", field, "required: a date as YYYY-MM-DD"));
        return min;
      }
      try {
        LocalDate d = LocalDate.parse(v);
        if (d.isBefore(min) || d.isAfter(max)) {
          problems.add(
              Problem.of("invalid-field", field, "expected a date from " + min + " to " + max));
        }
        return d;
      } catch (DateTimeParseException e) {
        problems.add(Problem.of("invalid-field", field, "expected a date as YYYY-MM-DD"));
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
          problems.add(Problem.of("invalid-field", field, "expected a number from 0 to " + max));
          return 0;
        }
        return n;
      } catch (NumberFormatException e) {
        problems.add(Problem.of("invalid-field", field, "expected a whole number 0-" + max));
        return 0;
      }
    }

    boolean yes(String field) {
      String v = raw(field).toLowerCase(Locale.ROOT);
      return v.equals("on") || v.equals("yes") || v.equals("true");
    }
  }
}
