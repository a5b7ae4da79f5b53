package org.sekisho.intel.adapter.web;

import java.util.List;
import java.util.Map;

/**
 * A form the server refused, as the page it re-renders shows it: which form ({@code share}, {@code
 * revoke:police-jp} on a record page; {@code add}, {@code end:12}, {@code revoke:345} on the desk),
 * the field at fault, the reason in the reader's language, and what was typed, so nothing has to be
 * typed again.
 *
 * @param values the form's fields as sent (names as in the form)
 * @param kinds the record kinds ticked (the agreement form), as sent
 */
public record FormRefusal(
    String form, String field, String message, Map<String, String> values, List<String> kinds) {
  public FormRefusal {
    values = Map.copyOf(values);
    kinds = List.copyOf(kinds);
  }

  /** What was typed in {@code name}, or empty. */
  public String value(String name) {
    return values.getOrDefault(name, "");
  }

  /** Whether this is the refusal of {@code f}. */
  public boolean of(String f) {
    return form.equals(f);
  }
}
