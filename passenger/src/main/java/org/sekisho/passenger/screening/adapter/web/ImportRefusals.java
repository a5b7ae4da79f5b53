package org.sekisho.passenger.screening.adapter.web;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sekisho.core.Problem;
import org.sekisho.passenger.pnr.adapter.web.ApiRefusals;
import org.sekisho.platform.i18n.Messages;

/**
 * A watchlist import's refused rows in the reader's language, whole: where ({@code row 3
 * nationalities} as "3 行目の国籍（nationalities）") and why ("「ZZ」は ISO 3166-1 alpha-2 の国コード…"), from the
 * {@code screening.import.*} bundle keys, and the schemas a FollowTheMoney import leaves out. The
 * code and the field stay as they are (what clients match on), and an English reader keeps the
 * readers' English words byte for byte.
 *
 * <p>The rows are refused by the {@code names} module's CSV and FollowTheMoney readers, each
 * refusal with its wording ({@link Problem#key()}, worded as {@code screening.import.reason.<key>})
 * and the values it quotes ({@link Problem#args()}), so that nothing is read back out of the
 * English. The position is the field, in the form the readers document ({@code header}, {@code
 * schema S}, {@code row N [column]}, {@code line N [property or JSON path]}). A refusal this class
 * has no words for is framed as {@link ApiRefusals} frames any other. Stateless and thread-safe.
 */
final class ImportRefusals {
  private static final Pattern POSITION = Pattern.compile("(row|line) ([0-9]+)(?: (.+))?");
  private static final Pattern NTH_COLUMN = Pattern.compile("column ([0-9]+)");
  private static final String REASON = "screening.import.reason.";

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
    if (p.key().isEmpty()) {
      return Optional.empty();
    }
    Object[] args = p.args().toArray();
    if (p.key().equals("left-out") && args.length == 2) {
      // the count, and why the schema is left out by its code
      args = new Object[] {args[0], leftOut(t, p.args().get(1))};
    }
    String key = REASON + p.key();
    String text = t.get(key, args);
    return text.equals(key) ? Optional.empty() : Optional.of(text);
  }

  /**
   * Why entities of a schema are left out ({@link
   * org.sekisho.passenger.screening.domain.ScreenedSchemas.LeftOut#code()}), in words.
   */
  static String leftOut(Messages t, String code) {
    return t.get("screening.import.leftOut." + code);
  }
}
