package org.sekisho.passenger.screening.adapter.web;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sekisho.core.Problem;
import org.sekisho.passenger.pnr.adapter.web.ApiRefusals;
import org.sekisho.passenger.screening.domain.ScreenedSchemas;
import org.sekisho.platform.i18n.Messages;

/**
 * A watchlist import's refused rows in the reader's language, whole: where ({@code row 3
 * nationalities} as "3 行目の国籍（nationalities）") and why ("「ZZ」は ISO 3166-1 alpha-2 の国コード…"), from the
 * {@code screening.import.*} bundle keys, and the schemas a FollowTheMoney import leaves out. The
 * code and the field stay as they are (what clients match on), and an English reader keeps the
 * readers' English words byte for byte.
 *
 * <p>The rows are refused by the {@code names} module's CSV and FollowTheMoney readers, whose
 * refusals carry no wording of their own ({@link Problem#key()} is empty): the position is read
 * from the field, whose form ({@code row N [column]}, {@code line N [property or JSON path]}) the
 * format documents, and the value a reason quotes from between its first and last single quote. A
 * refusal this class has no words for is framed as {@link ApiRefusals} frames any other. Stateless
 * and thread-safe.
 */
final class ImportRefusals {
  private static final Pattern POSITION = Pattern.compile("(row|line) ([0-9]+)(?: (.+))?");
  private static final Pattern NTH_COLUMN = Pattern.compile("column ([0-9]+)");
  private static final Pattern QUOTED = Pattern.compile("'(.*)'", Pattern.DOTALL);
  private static final Pattern FIELD_COUNT =
      Pattern.compile("expected ([0-9]+) fields, found ([0-9]+)");
  private static final Pattern NEVER_CLOSED =
      Pattern.compile("a quoted field opened on line ([0-9]+) is never closed");
  private static final Pattern AFTER_QUOTE =
      Pattern.compile("text after a closing quote in field ([0-9]+)");
  private static final Pattern ENTITY = Pattern.compile("entity (.+?)(?:: | has no name$)");
  private static final Pattern LEFT_OUT = Pattern.compile("^([0-9]+) ");
  private static final Pattern REQUIRED_COLUMN = Pattern.compile("column '([^']*)' is required");

  private ImportRefusals() {}

  /** {@code ps}, each as {@link #worded(Messages, Problem)} words it. */
  static List<Problem> worded(Messages t, List<Problem> ps) {
    return ps.stream().map(p -> worded(t, p)).toList();
  }

  /** {@code p} in {@code t}'s language; {@code p} itself for an English reader. */
  static Problem worded(Messages t, Problem p) {
    if (t == null || t.english()) {
      return p;
    }
    Optional<String> where = where(t, p.field());
    Optional<String> why = reason(t, p);
    if (where.isEmpty() || why.isEmpty()) {
      return ApiRefusals.worded(t, p);
    }
    return new Problem(
        p.code(),
        t.get("screening.import.refused", where.get(), why.get()),
        p.field(),
        p.key(),
        p.args());
  }

  /** The row or line, and the column or property, as the reader says them. */
  private static Optional<String> where(Messages t, String field) {
    if (field.equals("header")) {
      return Optional.of(t.get("screening.import.at.header"));
    }
    if (field.startsWith("schema ")) {
      return Optional.of(t.get("screening.import.at.schema", field.substring("schema ".length())));
    }
    Matcher m = POSITION.matcher(field);
    if (!m.matches()) {
      return Optional.empty();
    }
    String row = t.get("screening.import.at." + m.group(1), m.group(2));
    if (m.group(3) == null) {
      return Optional.of(row);
    }
    String column = m.group(3);
    Matcher nth = NTH_COLUMN.matcher(column);
    if (nth.matches()) {
      // a column whose header cell is empty, named by its place
      return Optional.of(t.get("screening.import.at.nth", row, nth.group(1)));
    }
    String key = "screening.import.column." + column;
    String label = t.get(key);
    return Optional.of(
        label.equals(key)
            ? t.get("screening.import.at.path", row, column)
            : t.get("screening.import.at.column", row, label, column));
  }

  private static Optional<String> reason(Messages t, Problem p) {
    String m = p.message();
    String value = group(QUOTED, m).orElse("");
    String key = "screening.import.reason.";
    return switch (p.code()) {
      case "malformed-csv" -> {
        Optional<String> open = group(NEVER_CLOSED, m);
        if (open.isPresent()) {
          yield Optional.of(t.get(key + "never-closed", open.get()));
        }
        yield Optional.of(
            group(AFTER_QUOTE, m)
                .map(f -> t.get(key + "after-quote", f))
                .orElseGet(() -> t.get(key + "malformed-csv")));
      }
      case "wrong-field-count" -> {
        Matcher c = FIELD_COUNT.matcher(m);
        yield c.find()
            ? Optional.of(t.get(key + "wrong-field-count", c.group(1), c.group(2)))
            : Optional.empty();
      }
      case "invalid-character" -> Optional.of(t.get(key + "invalid-character"));
      case "missing-field" -> Optional.of(t.get(key + "missing-field"));
      case "invalid-date" -> Optional.of(t.get(key + "invalid-date", value));
      case "invalid-country" -> Optional.of(t.get(key + "invalid-country", value));
      case "invalid-document" -> Optional.of(t.get(key + "invalid-document", value));
      case "invalid-severity" -> Optional.of(t.get(key + "invalid-severity", value));
      case "malformed-json" -> Optional.of(t.get(key + "malformed-json"));
      case "missing-schema", "missing-id" -> Optional.of(t.get(key + p.code()));
      case "missing-name" -> group(ENTITY, m).map(id -> t.get(key + "missing-name", id));
      case "value-left-out" -> {
        // a FollowTheMoney birth date or country that could not be read: the entity is kept
        Optional<String> id = group(ENTITY, m);
        String what = p.field().endsWith(" birthDate") ? "date-left-out" : "country-left-out";
        yield id.map(e -> t.get(key + what, e, value));
      }
      case "left-out" -> {
        // "3 Company entities left out: …", its reason the schema's own
        Optional<String> count = group(LEFT_OUT, m);
        Optional<String> code =
            ScreenedSchemas.leftOut(p.field().substring("schema ".length()))
                .map(ScreenedSchemas.LeftOut::code);
        yield count.isPresent() && code.isPresent()
            ? Optional.of(t.get(key + "left-out", count.get(), leftOut(t, code.get())))
            : Optional.empty();
      }
      case "missing-header" -> Optional.of(t.get(key + "missing-header"));
      case "missing-column" -> group(REQUIRED_COLUMN, m).map(c -> t.get(key + "missing-column", c));
      default -> Optional.empty();
    };
  }

  /** Why entities of a schema are left out ({@link ScreenedSchemas.LeftOut#code()}), in words. */
  static String leftOut(Messages t, String code) {
    return t.get("screening.import.leftOut." + code);
  }

  private static Optional<String> group(Pattern p, String s) {
    Matcher m = p.matcher(s);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
