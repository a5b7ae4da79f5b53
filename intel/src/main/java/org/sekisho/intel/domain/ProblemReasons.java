package org.sekisho.intel.domain;

import java.util.regex.Pattern;
import org.sekisho.core.Problem;

/**
 * A refused row's reason as the ingest log keeps it: what the field should have held, never what
 * the row held. The messages the ingest answers with quote the value at fault ({@code expected an
 * ISO date (1980-04-01), got '1980-13-45'}), which helps whoever sent the file and has it; the log
 * outlives the request and is read by others, so a name, date of birth or document number quoted
 * there would be a second copy of personal data beside the archived input. Pure.
 */
public final class ProblemReasons {
  private ProblemReasons() {}

  // Every message that quotes a value does so after "got" (", got '…'", "; got '…'", "got 12"):
  // the rules of RecordReader, FieldRules, RecordFormat and the core codes all write it that way.
  private static final Pattern GOT = Pattern.compile("(?:^|[\\s,;(])got\\s");

  /**
   * Codes whose message goes on, after a colon, with a parser's own words, which may quote the
   * broken input (Jackson's {@code Unrecognized token 'SUZUKI'}).
   */
  private static boolean quotesParser(String code) {
    return code.equals("invalid-json")
        || code.equals("invalid-csv")
        || code.equals("invalid-header");
  }

  // A quoted value anywhere in a message ("no agency 'SUZUKI-AGENCY' is registered"): a quote
  // opening after a space or bracket and closing before one, so that an apostrophe inside a word
  // (the format's) is no quote. The same pattern cuts stored reasons in V16.
  private static final Pattern QUOTED =
      Pattern.compile(
          "(?<![^\\s(\\[=:,])(?:'[^']*'|\"[^\"]*\"|「[^」]*」|“[^”]*”)(?![^\\s)\\],;:.!?])");

  private static final Pattern SPACES = Pattern.compile("\\s{2,}");

  /** How a field name the log does not keep is written there instead. */
  public static final String UNKNOWN_FIELD = "(unknown field)";

  // A field name as our formats write them: ASCII letters, digits, _ and -, parts joined by dots,
  // list items by [n]; at most 100 characters.
  private static final Pattern PLAUSIBLE_FIELD =
      Pattern.compile(
          "[A-Za-z0-9_\\-]+(?:\\[[0-9]{1,9}\\])*(?:\\.[A-Za-z0-9_\\-]+(?:\\[[0-9]{1,9}\\])*)*");

  /**
   * The field as the log keeps it: the field of an {@code unknown-field} problem is a JSON key or
   * CSV column the row gave, which is input and may be anything (a name, a date of birth), so it is
   * kept only when it looks like a field name ({@code importr}, {@code items[0].valeu}: ASCII
   * letters, digits, {@code _} and {@code -}, dotted parts and list items, at most 100 characters),
   * else written {@link #UNKNOWN_FIELD}. Any other problem's field is one of the format's own.
   */
  public static String field(Problem p) {
    String f = p.field() == null ? "" : p.field();
    if (!"unknown-field".equals(p.code())) {
      return f;
    }
    return f.length() <= 100 && PLAUSIBLE_FIELD.matcher(f).matches() ? f : UNKNOWN_FIELD;
  }

  /**
   * The reason without any value of the row: a parser's words after the first colon are left out,
   * and so is everything from the first {@code got} on (a JSON type named by {@code invalid-type}
   * is kept: it names a shape of our own, not a value), and any quoted value elsewhere ({@code no
   * agency 'X' is registered} is kept as {@code no agency is registered}). The code stands in when
   * nothing is left.
   */
  public static String withoutValues(Problem p) {
    String m = p.message() == null ? "" : p.message();
    String code = p.code() == null ? "" : p.code();
    if (quotesParser(code)) {
      int colon = m.indexOf(':');
      if (colon >= 0) {
        m = m.substring(0, colon);
      }
    }
    if (!code.equals("invalid-type")) {
      var got = GOT.matcher(m);
      if (got.find()) {
        m = m.substring(0, got.start());
      }
    }
    m = SPACES.matcher(QUOTED.matcher(m).replaceAll("")).replaceAll(" ").strip();
    while (!m.isEmpty() && ",;(".indexOf(m.charAt(m.length() - 1)) >= 0) {
      m = m.substring(0, m.length() - 1).strip();
    }
    return m.isEmpty() ? code : m;
  }
}
