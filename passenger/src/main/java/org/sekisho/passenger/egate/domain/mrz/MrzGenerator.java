package org.sekisho.passenger.egate.domain.mrz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;

/**
 * Produces the MRZ lines for a document (fields to MRZ), computing every check digit.
 *
 * <p>Names are transliterated per Doc 9303 part 3 and truncated when too long (given names first,
 * keeping at least their initial). Codes may be given as English country names. Input that cannot
 * be printed is rejected with every problem found; unknown state codes are refused unless {@code
 * allowUnknownCodes} (useful for specimens). Stateless and thread-safe.
 */
public final class MrzGenerator {
  private final NameTransliteration.Variant variant;
  private final boolean allowUnknownCodes;

  public MrzGenerator(NameTransliteration.Variant variant, boolean allowUnknownCodes) {
    this.variant = variant;
    this.allowUnknownCodes = allowUnknownCodes;
  }

  /** Generator with the ICAO transliteration that refuses unknown codes. */
  public MrzGenerator() {
    this(NameTransliteration.Variant.ICAO, false);
  }

  public Outcome<List<String>> generate(MrzData d) {
    List<Problem> problems = new ArrayList<>();
    MrzFormat f = d.format();
    String docCode = pad(plain(d.documentCode()), 2);
    if (docCode.length() > 2 || docCode.startsWith("<")) {
      problems.add(Problem.of("mrz-document-code", "document_code", "expected 1 or 2 letters"));
    }
    String state = code("issuing_state", d.issuingState(), problems);
    String nationality = code("nationality", d.nationality(), problems);
    String birth = date("birth_date", d.birthDate(), problems);
    String expiry = date("expiry_date", d.expiryDate(), problems);
    String sex = plain(d.sex());
    sex = sex.isEmpty() ? "<" : sex;
    if (!sex.matches("[MFX<]")) {
      problems.add(Problem.of("mrz-invalid-sex", "sex", "expected M, F, X or empty, got " + sex));
    }
    String number = plain(d.documentNumber()).replaceAll("<+$", "");
    boolean longNumberAllowed = f == MrzFormat.TD1 || f == MrzFormat.TD2;
    if (number.isEmpty() || (number.length() > 9 && !longNumberAllowed)) {
      problems.add(
          Problem.of(
              "mrz-document-number",
              "document_number",
              "expected 1 to 9 characters, got '" + number + "'"));
    }
    String optional = plain(d.optionalData());
    String optional2 = plain(d.optionalData2());
    String numberField;
    char numberCheck;
    if (number.length() > 9) {
      // Long numbers: 9 characters, a filler, the rest plus its check digit in the optional data.
      numberField = number.substring(0, 9);
      numberCheck = '<';
      optional = number.substring(9) + CheckDigit.of(number) + "<" + optional;
    } else {
      numberField = pad(number, 9);
      numberCheck = CheckDigit.of(numberField);
    }
    int optionalWidth =
        switch (f) {
          case TD1 -> 15;
          case TD2 -> 7;
          case TD3 -> 14;
          case MRVA -> 16;
          case MRVB -> 8;
        };
    if (optional.length() > optionalWidth) {
      problems.add(
          Problem.of(
              "mrz-optional-data",
              "optional_data",
              "at most " + optionalWidth + " characters fit, got " + optional.length()));
    }
    if (optional2.length() > 11 || (f != MrzFormat.TD1 && !optional2.isEmpty())) {
      problems.add(
          Problem.of(
              "mrz-optional-data",
              "optional_data_2",
              "only TD1 has a second optional field of 11"));
    }
    String name = name(d.surname(), d.givenNames(), f.nameWidth(), problems);
    if (!problems.isEmpty()) {
      return new Outcome.Rejected<>(problems);
    }
    String opt = pad(optional, optionalWidth);
    String dates = birth + CheckDigit.of(birth) + sex + expiry + CheckDigit.of(expiry);
    List<String> lines = new ArrayList<>();
    switch (f) {
      case TD1 -> {
        String l1 = docCode + state + numberField + numberCheck + opt;
        String opt2 = pad(optional2, 11);
        String l2 = dates + nationality + opt2;
        String composite = l1.substring(5) + l2.substring(0, 7) + l2.substring(8, 15) + opt2;
        lines.add(l1);
        lines.add(l2 + CheckDigit.of(composite));
        lines.add(name);
      }
      case TD2, TD3 -> {
        String l2 = numberField + numberCheck + nationality + dates + opt;
        if (f == MrzFormat.TD3) {
          l2 += opt.chars().allMatch(c -> c == '<') ? '<' : CheckDigit.of(opt);
        }
        String composite = l2.substring(0, 10) + l2.substring(13, 20) + l2.substring(21);
        lines.add(docCode + state + name);
        lines.add(l2 + CheckDigit.of(composite));
      }
      case MRVA, MRVB -> {
        lines.add(docCode + state + name);
        lines.add(numberField + numberCheck + nationality + dates + opt);
      }
    }
    return Outcome.accepted(List.copyOf(lines));
  }

  private String code(String field, String raw, List<Problem> problems) {
    Optional<String> resolved = IcaoCodes.resolve(raw);
    if (resolved.isPresent()) {
      return pad(resolved.get(), 3);
    }
    String asIs = plain(raw);
    if (allowUnknownCodes && asIs.matches("[A-Z]{1,3}")) {
      return pad(asIs, 3);
    }
    problems.add(
        Problem.of(
            "mrz-unknown-code",
            field,
            "'" + raw + "' is neither an ICAO code nor an English country name"));
    return "<<<";
  }

  private static String date(String field, String raw, List<Problem> problems) {
    String s = raw.strip();
    if (!s.matches("\\d{6}")) {
      problems.add(Problem.of("mrz-invalid-date", field, "expected YYMMDD, got '" + raw + "'"));
      return "000000";
    }
    return s;
  }

  private String name(String surname, String given, int width, List<Problem> problems) {
    String primary = squeeze(NameTransliteration.toMrz(surname, variant));
    String secondary = squeeze(NameTransliteration.toMrz(given, variant));
    if (primary.isEmpty()) {
      problems.add(
          Problem.of(
              "mrz-missing-name",
              "surname",
              "the surname has no character that can be written in the MRZ"));
      return "";
    }
    String full = secondary.isEmpty() ? primary : primary + "<<" + secondary;
    if (full.length() > width) {
      // Doc 9303 part 3 4.6: shorten the secondary identifier first, down to its initial, then the
      // primary; the field then ends in a letter, which signals the truncation.
      int room = width - primary.length() - 2;
      if (!secondary.isEmpty() && room >= 1) {
        full = primary + "<<" + secondary.substring(0, room).replaceAll("<+$", "");
      } else {
        full =
            primary.substring(
                0, Math.min(primary.length(), secondary.isEmpty() ? width : width - 3));
        full = secondary.isEmpty() ? full : full.replaceAll("<+$", "") + "<<" + secondary.charAt(0);
        full = full.length() > width ? full.substring(0, width) : full;
      }
    }
    return pad(full, width);
  }

  /** Runs of fillers inside one identifier collapse to one; leading and trailing ones go. */
  private static String squeeze(String s) {
    return s.replaceAll("<+", "<").replaceAll("^<|<$", "");
  }

  /** Upper case, spaces to fillers, anything outside the MRZ alphabet dropped. */
  private static String plain(String s) {
    String u = s.toUpperCase(Locale.ROOT).replace(' ', '<');
    return u.replaceAll("[^A-Z0-9<]", "");
  }

  private static String pad(String s, int width) {
    StringBuilder b = new StringBuilder(s);
    while (b.length() < width) {
      b.append('<');
    }
    return b.toString();
  }
}
