package org.sekisho.intel.adapter.web;

import org.sekisho.core.Problem;
import org.sekisho.intel.application.EntityMerges;
import org.sekisho.platform.i18n.Messages;

/**
 * Why a merge or an undo was refused, in the reader's language: the refusal's code and field pick
 * the text ({@code entity.error.<code>.<field>}, else {@code entity.error.<code>}); the English
 * message the API answers with stands in for a refusal no text is written for.
 */
public final class MergeMessages {
  private MergeMessages() {}

  /**
   * @param self whether the entity to merge is the page's entity itself
   * @param other the other entity or merge as the form named it ({1} in the texts)
   */
  public static String why(Messages t, Problem p, boolean self, String other) {
    Object[] args = {EntityMerges.MIN_REASON, other == null ? "" : other};
    if (self) {
      return t.get("entity.error.self", args);
    }
    if (!p.key().isEmpty()) {
      // a refusal worded with its own values (the two IMO numbers of two ships)
      String worded = "entity.error." + p.key();
      String text = t.get(worded, p.args().toArray());
      if (!text.equals(worded)) {
        return text;
      }
    }
    String field = p.field() == null ? "" : p.field();
    String specific = "entity.error." + p.code() + "." + field;
    String text = t.get(specific, args);
    if (!text.equals(specific)) {
      return text;
    }
    String general = "entity.error." + p.code();
    text = t.get(general, args);
    return text.equals(general) ? p.message() : text;
  }
}
