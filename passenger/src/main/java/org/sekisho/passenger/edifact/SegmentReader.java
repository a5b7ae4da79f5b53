package org.sekisho.passenger.edifact;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the text of an interchange into segments (ISO 9735 syntax level A/B and the IATA usage).
 *
 * <p>Lenient where real feeds are messy, and says so with a warning: line breaks inside segments
 * (fixed-width wrapping) are dropped unless a line break is itself a service character; blanks
 * between segments are skipped; a UNA with only five characters (decimal mark left out) is read; a
 * typographic apostrophe (U+2019) in place of the {@code '} terminator ends a segment when a
 * segment tag follows; text that does not start with a segment tag is skipped. NUL characters
 * (U+0000) between segments are blanks (padding); a value (component) holding one is left out (read
 * as empty) with the warning {@code invalid-character} naming the segment, element, component and
 * where the NUL is, so that nothing PostgreSQL cannot store reaches the records. Never throws for
 * any input. Stateless and thread-safe.
 */
public final class SegmentReader {

  /** Segments read, the service characters in force, and what was wrong on the way. */
  public record Result(
      ServiceCharacters serviceCharacters, List<Segment> segments, List<Warning> warnings) {
    public Result {
      segments = List.copyOf(segments);
      warnings = List.copyOf(warnings);
    }
  }

  private static final char TYPOGRAPHIC_APOSTROPHE = '\u2019';

  /**
   * Why a segment holding a NUL character (U+0000) is left out, after "segment TAG ": the
   * platform's standard wording ({@code Web.NUL_REASON}).
   */
  static final String NUL_REASON =
      "contains a NUL character (U+0000), which cannot be stored; remove it";

  /** Reads {@code text}. */
  public Result read(String text) {
    List<Warning> warnings = new ArrayList<>();
    Cursor cursor = new Cursor(text);
    cursor.skipBlanks(null);
    ServiceCharacters chars = ServiceCharacters.DEFAULT;
    if (text.startsWith("UNA", cursor.pos)) {
      chars = readUna(cursor, warnings);
    }
    List<Segment> segments = new ArrayList<>();
    int ordinal = 0;
    while (true) {
      cursor.skipBlanks(chars);
      if (cursor.atEnd()) {
        break;
      }
      ordinal++;
      Segment segment = readSegment(cursor, chars, ordinal, warnings);
      if (segment == null) {
        ordinal--;
      } else {
        segments.add(segment);
      }
    }
    return new Result(chars, segments, warnings);
  }

  private static ServiceCharacters readUna(Cursor cursor, List<Warning> warnings) {
    String text = cursor.text;
    Position at = cursor.position(0);
    int start = cursor.pos + 3;
    // The advice is six characters; some senders leave out the decimal mark, which shows as the
    // next segment tag starting one character early.
    String six = text.length() >= start + 6 ? text.substring(start, start + 6) : null;
    int unb = text.indexOf("UN", start);
    String between = unb < 0 ? "" : stripLineBreaks(text.substring(start, unb));
    if (six != null && (between.length() == 6 || between.length() != 5)) {
      ServiceCharacters chars =
          new ServiceCharacters(
              six.charAt(0),
              six.charAt(1),
              six.charAt(2),
              six.charAt(3),
              six.charAt(4),
              six.charAt(5));
      if (!distinct(chars)) {
        warnings.add(
            new Warning(
                "invalid-una",
                at,
                "UNA",
                "service string advice '"
                    + printable(six)
                    + "' repeats a character; expected six distinct characters"
                    + " (component, element, decimal, release, repetition, terminator);"
                    + " using the defaults :+.? '"));
        cursor.pos = start + 6;
        return ServiceCharacters.DEFAULT;
      }
      cursor.pos = start + 6;
      if (chars.segment() == TYPOGRAPHIC_APOSTROPHE
          && count(text, '\'') > count(text, TYPOGRAPHIC_APOSTROPHE)) {
        warnings.add(
            new Warning(
                "typographic-terminator",
                at,
                "UNA",
                "service string advice names a typographic apostrophe (U+2019) as segment"
                    + " terminator but the segments end with '; read with '"));
        return new ServiceCharacters(
            chars.component(),
            chars.element(),
            chars.decimal(),
            chars.release(),
            chars.repetition(),
            '\'');
      }
      return chars;
    }
    if (between.length() == 5) {
      ServiceCharacters chars =
          new ServiceCharacters(
              between.charAt(0),
              between.charAt(1),
              '.',
              between.charAt(2),
              between.charAt(3),
              between.charAt(4));
      warnings.add(
          new Warning(
              "short-una",
              at,
              "UNA",
              "service string advice '"
                  + printable(between)
                  + "' has 5 characters, expected 6; read as component, element, release,"
                  + " repetition, terminator with decimal mark '.'"));
      cursor.pos = start + text.substring(start, unb).indexOf(between.charAt(4)) + 1;
      return distinct(chars) ? chars : ServiceCharacters.DEFAULT;
    }
    warnings.add(
        new Warning(
            "invalid-una",
            at,
            "UNA",
            "service string advice is cut short; expected UNA followed by six characters; using"
                + " the defaults :+.? '"));
    cursor.pos = text.length();
    return ServiceCharacters.DEFAULT;
  }

  private static int count(String text, char c) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  private static boolean distinct(ServiceCharacters c) {
    String s =
        ""
            + c.component()
            + c.element()
            + c.release()
            + c.segment()
            + (c.repetition() == ' ' ? "" : String.valueOf(c.repetition()));
    return s.chars().distinct().count() == s.length()
        && !Character.isLetterOrDigit(c.segment())
        && !Character.isLetterOrDigit(c.element());
  }

  private static String stripLineBreaks(String s) {
    int end = s.length();
    while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
      end--;
    }
    // keep a whitespace terminator if nothing else is left to be the terminator
    return s.substring(0, end);
  }

  private static Segment readSegment(
      Cursor cursor, ServiceCharacters chars, int ordinal, List<Warning> warnings) {
    String text = cursor.text;
    int start = cursor.pos;
    Position position = cursor.position(ordinal);
    List<DataElement> elements = new ArrayList<>();
    List<List<String>> repetitions = new ArrayList<>();
    List<String> components = new ArrayList<>();
    StringBuilder value = new StringBuilder();
    boolean terminated = false;
    boolean lineBreaksAreData = chars.isService('\n') || chars.isService('\r');
    int i = start;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == chars.release()) {
        if (i + 1 < n
            && text.charAt(i + 1) == chars.segment()
            && startsLine(text, i + 2)
            && tagFollows(text, i + 2, chars)) {
          // "TEXT?'" + line break + "TVL+...": a release character left dangling at the end of
          // a segment would otherwise swallow the next segment
          warnings.add(
              new Warning(
                  "dangling-release",
                  position,
                  "",
                  "release character '"
                      + chars.release()
                      + "' before the segment terminator at the end of a line; read as a"
                      + " terminator, the release character dropped"));
          i += 2;
          terminated = true;
          break;
        }
        if (i + 1 < n) {
          value.append(text.charAt(i + 1));
          i += 2;
        } else {
          warnings.add(
              new Warning(
                  "dangling-release",
                  position,
                  "",
                  "release character '"
                      + chars.release()
                      + "' at the very end of the text releases nothing; ignored"));
          i++;
        }
        continue;
      }
      if (c == chars.segment()) {
        i++;
        terminated = true;
        break;
      }
      if (c == TYPOGRAPHIC_APOSTROPHE
          && chars.segment() == '\''
          && tagFollows(text, i + 1, chars)) {
        warnings.add(
            new Warning(
                "typographic-terminator",
                position,
                "",
                "segment ended with a typographic apostrophe (U+2019) instead of '; read as the"
                    + " segment terminator"));
        i++;
        terminated = true;
        break;
      }
      if (c == chars.element()) {
        components.add(value.toString());
        value.setLength(0);
        repetitions.add(components);
        components = new ArrayList<>();
        elements.add(new DataElement(repetitions));
        repetitions = new ArrayList<>();
      } else if (c == chars.component()) {
        components.add(value.toString());
        value.setLength(0);
      } else if (chars.isRepetition(c)) {
        components.add(value.toString());
        value.setLength(0);
        repetitions.add(components);
        components = new ArrayList<>();
      } else if ((c == '\n' || c == '\r') && !lineBreaksAreData) {
        // wrapped line: the break is not part of the data
      } else {
        value.append(c);
      }
      i++;
    }
    components.add(value.toString());
    repetitions.add(components);
    elements.add(new DataElement(repetitions));
    cursor.pos = i;
    String raw = text.substring(start, i);
    String tag = elements.get(0).component(0).strip();
    if (!isTag(tag)) {
      warnings.add(
          new Warning(
              "unreadable-segment",
              position,
              "",
              "text '"
                  + abbreviate(raw)
                  + "' does not start with a segment tag (three letters or digits); skipped"));
      return null;
    }
    if (raw.indexOf('\u0000') >= 0) {
      leaveOutNul(elements, text, position, tag, warnings);
    }
    if (!terminated) {
      warnings.add(
          new Warning(
              "unterminated-segment",
              position,
              tag,
              "segment "
                  + tag
                  + " is not closed by the terminator '"
                  + chars.segment()
                  + "' before the end of the text; read up to the end"));
    }
    return new Segment(tag, elements.subList(1, elements.size()), position, raw);
  }

  /**
   * Empties every component of the segment that holds a NUL character (U+0000), which PostgreSQL
   * cannot store, with a warning each naming the element, the component and where the NUL is: the
   * value is left out, as a value of the wrong form is, and the segment keeps its place (so what
   * follows it still belongs to the same traveller or booking).
   */
  private static void leaveOutNul(
      List<DataElement> elements,
      String text,
      Position position,
      String tag,
      List<Warning> warnings) {
    int from = position.offset();
    for (int e = 0; e < elements.size(); e++) {
      List<List<String>> repetitions = elements.get(e).repetitions();
      List<List<String>> cleaned = new ArrayList<>(repetitions.size());
      boolean changed = false;
      for (List<String> components : repetitions) {
        List<String> c = new ArrayList<>(components);
        for (int k = 0; k < c.size(); k++) {
          String v = c.get(k);
          int count = (int) v.chars().filter(ch -> ch == 0).count();
          if (count == 0) {
            continue;
          }
          int at = text.indexOf('\u0000', from);
          warnings.add(
              new Warning(
                  "invalid-character",
                  position,
                  tag,
                  "segment "
                      + tag
                      + " element "
                      + e
                      + (c.size() > 1 ? " component " + (k + 1) : "")
                      + " "
                      + NUL_REASON
                      + " (at "
                      + at(text, position, at)
                      + "); left out"));
          for (int n = 0; n < count; n++) {
            from = text.indexOf('\u0000', from) + 1;
          }
          c.set(k, "");
          changed = true;
        }
        cleaned.add(c);
      }
      if (changed) {
        elements.set(e, new DataElement(cleaned));
      }
    }
  }

  /** Line and column of {@code offset}, counted on from the segment's {@code position}. */
  private static String at(String text, Position position, int offset) {
    int line = position.line();
    int column = position.column();
    for (int k = position.offset(); k < offset; k++) {
      if (text.charAt(k) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return "line " + line + ", column " + column;
  }

  private static boolean tagFollows(String text, int from, ServiceCharacters chars) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    if (i + 3 > text.length()) {
      return i >= text.length();
    }
    for (int k = i; k < i + 3; k++) {
      char c = text.charAt(k);
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    if (i + 3 == text.length()) {
      return true;
    }
    char next = text.charAt(i + 3);
    return next == chars.element() || next == chars.segment();
  }

  private static boolean startsLine(String text, int from) {
    return from < text.length() && (text.charAt(from) == '\n' || text.charAt(from) == '\r');
  }

  static boolean isTag(String tag) {
    if (tag.length() != 3) {
      return false;
    }
    for (int k = 0; k < 3; k++) {
      char c = tag.charAt(k);
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return Character.isLetter(tag.charAt(0));
  }

  static String abbreviate(String s) {
    String flat = printable(s);
    return flat.length() <= 40 ? flat : flat.substring(0, 37) + "...";
  }

  static String printable(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (Character.isISOControl(c)) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** A read position in the text with line and column bookkeeping. */
  private static final class Cursor {
    final String text;
    int pos;
    private int lineStartPos;
    private int line = 1;
    private int countedTo;

    Cursor(String text) {
      this.text = text;
    }

    boolean atEnd() {
      return pos >= text.length();
    }

    void skipBlanks(ServiceCharacters chars) {
      while (pos < text.length()) {
        char c = text.charAt(pos);
        boolean blank = Character.isWhitespace(c) || c == '\uFEFF' || c == '\u0000';
        if (!blank || (chars != null && chars.isService(c))) {
          return;
        }
        pos++;
      }
    }

    Position position(int ordinal) {
      for (; countedTo < pos; countedTo++) {
        if (text.charAt(countedTo) == '\n') {
          line++;
          lineStartPos = countedTo + 1;
        }
      }
      return new Position(ordinal, line, pos - lineStartPos + 1, pos);
    }
  }
}
