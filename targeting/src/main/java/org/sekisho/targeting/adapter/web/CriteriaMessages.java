package org.sekisho.targeting.adapter.web;

import org.sekisho.platform.i18n.Messages;
import org.sekisho.targeting.criteria.domain.CriteriaProblem;

/** The criteria checker's problems in the reader's language, with their line and column. */
public final class CriteriaMessages {
  private CriteriaMessages() {}

  /** {@code line 3, column 14: …} (or {@code 3 行 14 列: …}). */
  public static String line(Messages t, CriteriaProblem p) {
    return t.get("criteria.at", Integer.toString(p.line()), Integer.toString(p.column()))
        + ": "
        + text(t, p.text());
  }

  /**
   * A problem's text from the bundle, its arguments translated in turn; the English the checker
   * wrote when the text has no key or the bundle does not know it.
   */
  public static String text(Messages t, CriteriaProblem.Text x) {
    if (x.key().isEmpty()) {
      return x.english();
    }
    Object[] args =
        x.args().stream()
            .map(a -> a instanceof CriteriaProblem.Text n ? text(t, n) : String.valueOf(a))
            .toArray();
    String out = t.get(x.key(), args);
    return out.equals(x.key()) ? x.english() : out;
  }
}
