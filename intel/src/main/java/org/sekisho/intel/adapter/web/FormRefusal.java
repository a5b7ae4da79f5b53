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
    String form,
    String field,
    String message,
    Map<String, String> values,
    List<String> kinds,
    Map<String, String> errors) {
  /**
   * @param field the first field at fault
   * @param message why, for the first field at fault
   * @param errors every field at fault (indexes dropped: {@code kinds[1]} is {@code kinds}) with
   *     why, in the form's order, for a form that reports all its problems at once
   */
  public FormRefusal {
    values = Map.copyOf(values);
    kinds = List.copyOf(kinds);
    errors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(errors));
  }

  /** A form refused for one field. */
  public FormRefusal(
      String form, String field, String message, Map<String, String> values, List<String> kinds) {
    this(
        form,
        field,
        message,
        values,
        kinds,
        field == null ? Map.of() : Map.of(field.replaceAll("\\[\\d+]$", ""), message));
  }

  /** Why {@code name} was refused, or empty when it was not. */
  public String error(String name) {
    return errors.getOrDefault(name, "");
  }

  /** Whether {@code name} was refused. */
  public boolean refusedField(String name) {
    return errors.containsKey(name);
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
