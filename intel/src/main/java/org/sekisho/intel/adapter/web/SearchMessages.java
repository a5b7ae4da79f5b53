package org.sekisho.intel.adapter.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import org.sekisho.core.Problem;
import org.sekisho.intel.application.IntelViews.SearchQuery;
import org.sekisho.intel.domain.FieldRules;
import org.sekisho.platform.i18n.Messages;

/**
 * Why a search parameter was refused, in the reader's language, for the search page: a NUL
 * character or an over-long text by its code ({@code search.error.<code>}), from after to as such
 * ({@code search.error.order}), anything else by its parameter ({@code search.error.<field>}), with
 * what was typed; the English message the API answers with stands in where no text is written.
 */
public final class SearchMessages {
  private SearchMessages() {}

  /**
   * @param typed the search's parameters as typed, by name ({@code q}, {@code from}, …)
   */
  public static String why(Messages t, Problem p, Map<String, String> typed) {
    String field = p.field() == null ? "" : p.field();
    String value = FieldRules.shorten(typed.getOrDefault(field, ""));
    String key;
    Object[] args;
    if (p.code().equals("invalid-character") || p.code().equals("too-long")) {
      key = "search.error." + p.code();
      args = new Object[] {value, maxLength(field)};
    } else if (field.equals("from") && isDay(typed.get("from")) && isDay(typed.get("to"))) {
      // both days read, so the refusal is their order
      key = "search.error.order";
      args = new Object[] {typed.get("from"), typed.get("to")};
    } else {
      key = "search.error." + field;
      args = new Object[] {value};
    }
    String text = t.get(key, args);
    return text.equals(key) ? p.message() : text;
  }

  private static int maxLength(String field) {
    return switch (field) {
      case "q" -> SearchQuery.MAX_TEXT;
      case "office" -> FieldRules.MAX_OFFICE;
      default -> FieldRules.MAX_ID;
    };
  }

  private static boolean isDay(String s) {
    if (s == null || s.isBlank()) {
      return false;
    }
    try {
      LocalDate.parse(s.strip());
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
