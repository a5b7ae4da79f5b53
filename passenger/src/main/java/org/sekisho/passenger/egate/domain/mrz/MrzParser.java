package org.sekisho.passenger.egate.domain.mrz;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;

/**
 * Reads an ICAO Doc 9303 machine-readable zone (TD1, TD2, TD3, MRV-A, MRV-B).
 *
 * <p>Contract: never throws on any input. Lines whose number and width match no layout are
 * rejected; anything else is read into a {@link MachineReadableZone} that lists every problem found
 * (bad characters with their position, unknown state codes, impossible dates, wrong check digits).
 * Thread-safe and stateless apart from the clock, which decides the century of two-digit years.
 */
public final class MrzParser {
  private final Clock clock;

  public MrzParser(Clock clock) {
    this.clock = clock;
  }

  /** Recognises the layout from the lines and reads them. */
  public Outcome<MachineReadableZone> parse(List<String> rawLines) {
    if (rawLines == null || rawLines.isEmpty()) {
      return Outcome.rejected("mrz-line-count", "lines", "expected 2 or 3 MRZ lines, got none");
    }
    List<String> lines = new ArrayList<>();
    for (String l : rawLines) {
      lines.add(l == null ? "" : l.strip());
    }
    Optional<MrzFormat> format = recognise(lines);
    if (format.isEmpty()) {
      List<Integer> widths = lines.stream().map(String::length).toList();
      return Outcome.rejected(
          "mrz-layout",
          "lines",
          "no Doc 9303 layout has "
              + lines.size()
              + " lines of widths "
              + widths
              + "; expected 3x30 (TD1), 2x36 (TD2, MRV-B) or 2x44 (TD3, MRV-A)");
    }
    return Outcome.accepted(new Reading(format.get(), lines, LocalDate.now(clock)).read());
  }

  /**
   * Whether {@code rawLines} have the shape of a Doc 9303 MRZ as a document reader gives it: 2 or 3
   * lines (each stripped of surrounding spaces), all of one layout's width (2×44 TD3 or MRV-A, 2×36
   * TD2 or MRV-B, 3×30 TD1) and only the MRZ alphabet (A-Z, 0-9, '<'). Such lines are text a reader
   * never gives for a document: a misread to try again, not a document to judge. Lines of the right
   * shape may still be invalid (check digits, dates, codes); {@link #parse} lists that.
   *
   * @return empty when the shape is right; otherwise the first problem, its field {@code mrz} (the
   *     number of lines) or {@code mrz[i]} (the line at index {@code i}, from 0), worded by key
   *     {@code lines} (count), {@code width} (expected width, width got), {@code width-two} (the
   *     first of two lines: width got), {@code width-like} (expected width, width got, the first
   *     line's number) or {@code character} (the character, its position from 1)
   */
  public static Optional<Problem> shape(List<String> rawLines) {
    int n = rawLines == null ? 0 : rawLines.size();
    if (n < 2 || n > 3) {
      return Optional.of(
          Problem.of(
                  "mrz-line-count",
                  "mrz",
                  "expected 2 MRZ lines (a passport: TD3, 2 of 44 characters; TD2, 2 of 36) or 3"
                      + " (TD1, 3 of 30), got "
                      + n)
              .worded("lines", n));
    }
    List<String> lines = new ArrayList<>();
    for (String l : rawLines) {
      lines.add(l == null ? "" : l.strip());
    }
    int first = lines.get(0).length();
    for (int i = 0; i < n; i++) {
      int w = lines.get(i).length();
      String field = "mrz[" + i + "]";
      if (n == 3 && w != 30) {
        return Optional.of(
            Problem.of("mrz-layout", field, "expected 30 characters (TD1), got " + w)
                .worded("width", "30", w));
      }
      if (n == 2 && i == 0 && w != 44 && w != 36) {
        return Optional.of(
            Problem.of(
                    "mrz-layout",
                    field,
                    "expected 44 characters (TD3 passport) or 36 (TD2), got " + w)
                .worded("width-two", w));
      }
      if (n == 2 && i == 1 && w != first) {
        return Optional.of(
            Problem.of(
                    "mrz-layout",
                    field,
                    "expected " + first + " characters, as line 1 has, got " + w)
                .worded("width-like", first, w, 1));
      }
    }
    for (int i = 0; i < n; i++) {
      String l = lines.get(i);
      for (int p = 0; p < l.length(); p++) {
        if (CheckDigit.valueOf(l.charAt(p)) < 0) {
          String shown = printable(l.charAt(p));
          return Optional.of(
              Problem.of(
                      "mrz-invalid-character",
                      "mrz[" + i + "]",
                      "character "
                          + shown
                          + " at position "
                          + (p + 1)
                          + " is not in the MRZ alphabet (A-Z, 0-9 and the filler '<')")
                  .worded("character", shown, p + 1));
        }
      }
    }
    return Optional.empty();
  }

  /** A character as a refusal quotes it: itself in quotes, or its code point when invisible. */
  private static String printable(char c) {
    return Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSurrogate(c)
        ? String.format(Locale.ROOT, "U+%04X", (int) c)
        : "'" + c + "'";
  }

  /** The layout for these lines: by line count and width, visas by their leading 'V'. */
  public static Optional<MrzFormat> recognise(List<String> lines) {
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    int width = lines.get(0).length();
    for (String l : lines) {
      if (l.length() != width) {
        return Optional.empty();
      }
    }
    boolean visa = lines.get(0).startsWith("V");
    return switch (lines.size() * 100 + width) {
      case 330 -> Optional.of(MrzFormat.TD1);
      case 236 -> Optional.of(visa ? MrzFormat.MRVB : MrzFormat.TD2);
      case 244 -> Optional.of(visa ? MrzFormat.MRVA : MrzFormat.TD3);
      default -> Optional.empty();
    };
  }

  /** One pass over one set of lines, collecting fields, checks and problems. */
  private static final class Reading {
    private final MrzFormat format;
    private final List<String> lines;
    private final LocalDate today;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<MrzCheck> checks = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private Optional<LocalDate> birth = Optional.empty();
    private Optional<LocalDate> expiry = Optional.empty();

    Reading(MrzFormat format, List<String> lines, LocalDate today) {
      this.format = format;
      this.lines = lines;
      this.today = today;
    }

    MachineReadableZone read() {
      checkAlphabet();
      String l1 = lines.get(0);
      String l2 = lines.get(1);
      documentCode(l1.substring(0, 2));
      code("issuing_state", l1.substring(2, 5), 1, 3);
      switch (format) {
        case TD1 -> readTd1(l1, l2, lines.get(2));
        case TD2, MRVB, TD3, MRVA -> readTwoLine(l1, l2);
      }
      return new MachineReadableZone(format, lines, ordered(), checks, problems, birth, expiry);
    }

    private void readTd1(String l1, String l2, String l3) {
      String number = l1.substring(5, 14);
      char numberCheck = l1.charAt(14);
      String opt1 = l1.substring(15, 30);
      documentNumber(number, numberCheck, opt1, 1, 15);
      fields.put("optional1", opt1);
      date("birth_date", l2.substring(0, 6), l2.charAt(6), 2, 1);
      sex(l2.charAt(7), 2, 8);
      date("expiry_date", l2.substring(8, 14), l2.charAt(14), 2, 9);
      code("nationality", l2.substring(15, 18), 2, 16);
      fields.put("optional2", l2.substring(18, 29));
      names(l3, 3, 1);
      composite(
          l1.substring(5, 30) + l2.substring(0, 7) + l2.substring(8, 15) + l2.substring(18, 29),
          l2.charAt(29));
    }

    private void readTwoLine(String l1, String l2) {
      names(l1.substring(5), 1, 6);
      String number = l2.substring(0, 9);
      char numberCheck = l2.charAt(9);
      int optionalEnd =
          switch (format) {
            case TD2 -> 35;
            case TD3 -> 42;
            default -> format.width();
          };
      String optional = l2.substring(28, optionalEnd);
      documentNumber(number, numberCheck, format == MrzFormat.TD2 ? optional : "", 2, 10);
      code("nationality", l2.substring(10, 13), 2, 11);
      date("birth_date", l2.substring(13, 19), l2.charAt(19), 2, 14);
      sex(l2.charAt(20), 2, 21);
      date("expiry_date", l2.substring(21, 27), l2.charAt(27), 2, 22);
      switch (format) {
        case TD3 -> {
          fields.put("personal_number", optional);
          char present = l2.charAt(42);
          char computed = CheckDigit.of(optional);
          boolean empty = optional.chars().allMatch(c -> c == '<');
          // An empty personal number may carry '<' or '0' as its check digit (Doc 9303 part 4).
          boolean ok = present == computed || (empty && present == '<');
          check("personal_number", optional, present, computed, ok, 2, 43);
          composite(
              l2.substring(0, 10) + l2.substring(13, 20) + l2.substring(21, 43), l2.charAt(43));
        }
        case TD2 -> {
          fields.put("optional", optional);
          composite(
              l2.substring(0, 10) + l2.substring(13, 20) + l2.substring(21, 35), l2.charAt(35));
        }
        default -> fields.put("optional", optional);
      }
    }

    private void checkAlphabet() {
      for (int li = 0; li < lines.size(); li++) {
        String l = lines.get(li);
        for (int i = 0; i < l.length(); i++) {
          if (CheckDigit.valueOf(l.charAt(i)) < 0) {
            problems.add(
                Problem.of(
                    "mrz-invalid-character",
                    at(li + 1, i + 1),
                    "character '"
                        + l.charAt(i)
                        + "' is not in the MRZ alphabet (A-Z, 0-9 and the filler '<')"));
          }
        }
      }
    }

    private void documentCode(String code) {
      fields.put("document_code", code);
      char first = code.charAt(0);
      boolean ok =
          switch (format) {
            case TD3 -> first == 'P';
            case MRVA, MRVB -> first == 'V';
            case TD1, TD2 -> first == 'I' || first == 'A' || first == 'C';
          };
      if (!ok || !Character.isLetter(first)) {
        problems.add(
            Problem.of(
                "mrz-document-code",
                at(1, 1),
                "document code '"
                    + code
                    + "' does not fit a "
                    + format
                    + " layout (expected "
                    + switch (format) {
                      case TD3 -> "'P'";
                      case MRVA, MRVB -> "'V'";
                      case TD1, TD2 -> "'I', 'A' or 'C'";
                    }
                    + " first)"));
      }
    }

    private void code(String field, String raw, int line, int pos) {
      fields.put(field, raw);
      String code = raw.replace("<", "");
      boolean wellFormed = raw.matches("[A-Z]{1,3}<{0,2}") && !code.isEmpty();
      if (!wellFormed || !IcaoCodes.isKnown(code)) {
        problems.add(
            Problem.of(
                "mrz-unknown-code",
                field + " (" + at(line, pos) + ")",
                "'" + raw + "' is not an ICAO Doc 9303 state, organisation or nationality code"));
      }
    }

    private void documentNumber(String number, char check, String optional, int line, int pos) {
      String data = number;
      char present = check;
      // A number longer than 9 characters continues in the optional data; its check digit then
      // ends that continuation and the usual check position holds a filler (Doc 9303 parts 5, 6).
      boolean overflow =
          check == '<'
              && !optional.isEmpty()
              && optional.charAt(0) != '<'
              && (format == MrzFormat.TD1 || format == MrzFormat.TD2);
      if (overflow) {
        int end = optional.indexOf('<');
        String ext = end < 0 ? optional : optional.substring(0, end);
        data = number + ext.substring(0, ext.length() - 1);
        present = ext.charAt(ext.length() - 1);
      }
      fields.put("document_number", data.replace("<", ""));
      char computed = CheckDigit.of(data);
      check("document_number", data, present, computed, present == computed, line, pos);
    }

    private void date(String field, String raw, char present, int line, int pos) {
      fields.put(field, raw);
      char computed = CheckDigit.of(raw);
      Optional<LocalDate> date = calendarDate(field, raw, line, pos);
      if (field.equals("birth_date")) {
        birth = date;
      } else {
        expiry = date;
      }
      check(field, raw, present, computed, present == computed, line, pos + 6);
    }

    private Optional<LocalDate> calendarDate(String field, String raw, int line, int pos) {
      boolean unknownParts =
          field.equals("birth_date") && raw.matches("\\d{2}(\\d{2}|<<)(\\d{2}|<<)");
      if (!raw.matches("\\d{6}")) {
        if (!unknownParts) {
          problems.add(
              Problem.of(
                  "mrz-invalid-date",
                  field + " (" + at(line, pos) + ")",
                  "'" + raw + "' is not a date of the form YYMMDD"));
        }
        return Optional.empty();
      }
      int yy = Integer.parseInt(raw.substring(0, 2));
      int mm = Integer.parseInt(raw.substring(2, 4));
      int dd = Integer.parseInt(raw.substring(4, 6));
      try {
        LocalDate d = LocalDate.of(2000 + yy, mm, dd);
        if (field.equals("birth_date")) {
          // Nobody is born in the future: a two-digit year after today belongs to the 1900s.
          return Optional.of(d.isAfter(today) ? d.minusYears(100) : d);
        }
        return Optional.of(d.getYear() > today.getYear() + 50 ? d.minusYears(100) : d);
      } catch (DateTimeException e) {
        // Also covers 29 February in a year that is leap in one century and not the other: the
        // 2000s candidate is tried first, then the 1900s.
        try {
          return Optional.of(LocalDate.of(1900 + yy, mm, dd));
        } catch (DateTimeException e2) {
          problems.add(
              Problem.of(
                  "mrz-invalid-date",
                  field + " (" + at(line, pos) + ")",
                  "'" + raw + "' is not a calendar date (YYMMDD)"));
          return Optional.empty();
        }
      }
    }

    private void sex(char c, int line, int pos) {
      fields.put("sex", String.valueOf(c));
      if (c != 'M' && c != 'F' && c != 'X' && c != '<') {
        problems.add(
            Problem.of(
                "mrz-invalid-sex",
                "sex (" + at(line, pos) + ")",
                "'" + c + "' is not a sex code (expected M, F, X or '<')"));
      }
    }

    private void names(String raw, int line, int pos) {
      int split = raw.indexOf("<<");
      String primary = split < 0 ? raw : raw.substring(0, split);
      String secondary = split < 0 ? "" : raw.substring(split + 2);
      fields.put("primary_identifier", primary.replace('<', ' ').strip());
      fields.put("secondary_identifier", secondary.replace('<', ' ').strip());
      if (primary.replace("<", "").isEmpty()) {
        problems.add(
            Problem.of(
                "mrz-missing-name",
                "primary_identifier (" + at(line, pos) + ")",
                "the name field has no primary identifier before '<<'"));
      }
    }

    private void composite(String data, char present) {
      char computed = CheckDigit.of(data);
      check("composite", data, present, computed, present == computed, 2, format.width());
    }

    private void check(
        String field, String data, char present, char computed, boolean ok, int line, int pos) {
      checks.add(new MrzCheck(field, data, present, computed, ok));
      if (!ok) {
        problems.add(
            Problem.of(
                "mrz-check-digit",
                field + " (" + at(line, pos) + ")",
                "check digit '" + present + "' does not match the computed '" + computed + "'"));
      }
    }

    private Map<String, String> ordered() {
      Map<String, String> out = new LinkedHashMap<>();
      for (String k : MachineReadableZone.FIELD_ORDER) {
        if (fields.containsKey(k)) {
          out.put(k, fields.get(k));
        }
      }
      return out;
    }

    private static String at(int line, int pos) {
      return String.format(Locale.ROOT, "line %d, position %d", line, pos);
    }
  }
}
