package org.sekisho.intel.adapter.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sekisho.core.Problem;
import org.sekisho.platform.i18n.Messages;

/**
 * Intel's API refusals and refused ingest rows in the reader's language ({@code ?lang=}, cookie,
 * {@code Accept-Language}): the code and field stay as they are, only the message is worded from
 * the bundles. English answers keep the handler's English message word for word, which API clients
 * and scripts already match on; another language gets the bundle's text, and the English message
 * stands in for a refusal no text is written for.
 */
final class ApiMessages {
  private ApiMessages() {}

  // the value a message quotes after "got" ("…, got '1980-13-45'"), as the rules write it
  private static final Pattern GOT = Pattern.compile("got '([^']*)'|got \"([^\"]*)\"|got (\\S+)$");

  /** Whether {@code t} is English, whose answers keep the handler's words. */
  static boolean english(Messages t) {
    return t == null || t.english();
  }

  /**
   * The value {@code message} quotes after {@code got}, or empty: for a refusal that carries no
   * wording of its own (core's and platform's parsers), whose value is read back out of the
   * English.
   */
  static String quoted(String message) {
    Matcher m = GOT.matcher(message == null ? "" : message);
    if (!m.find()) {
      return "";
    }
    for (int g = 1; g <= 3; g++) {
      if (m.group(g) != null) {
        return m.group(g);
      }
    }
    return "";
  }

  /**
   * A refusal of intel's API in the reader's language: the text {@code api.error.<code>.<key>} of a
   * refusal worded by its rule ({@link Problem#key}), else {@code api.error.<code>.<field>} (a list
   * field's index left out), else {@code api.error.<code>}, with the field as {0}, the value the
   * refusal quotes as {1} (its first argument, {@link Problem#args}; read out of the English
   * message only for a refusal without arguments), the English message as {2} and any further
   * arguments from {3} on; the message itself in English or when no text is written.
   */
  static String why(Messages t, Problem p) {
    if (english(t)) {
      return p.message();
    }
    String field = p.field() == null ? "" : p.field();
    List<String> values = p.args();
    Object[] args = new Object[Math.max(3, values.size() + 2)];
    args[0] = field;
    args[1] = values.isEmpty() ? quoted(p.message()) : values.get(0);
    args[2] = p.message();
    for (int i = 1; i < values.size(); i++) {
      args[i + 2] = values.get(i);
    }
    // a refusal worded by its rule (an unknown field with the fields taken) has a text of its own
    if (!p.key().isEmpty()) {
      String worded = "api.error." + p.code() + "." + p.key();
      String text = t.get(worded, args);
      if (!text.equals(worded)) {
        return text;
      }
    }
    String specific = "api.error." + p.code() + "." + field.replaceAll("\\[\\d+]$", "");
    String text = t.get(specific, args);
    if (!text.equals(specific)) {
      return text;
    }
    String general = "api.error." + p.code();
    text = t.get(general, args);
    return text.equals(general) ? p.message() : text;
  }

  /**
   * Why an ingest row was refused, in the reader's language: a refusal worded by its rule ({@link
   * Problem#key}) as {@code api.row.<code>.<key>}, the field as {0} and the rule's values from {1}
   * on (the fields of the format, the days allowed, the value the row held), so that a Japanese row
   * reads wholly in Japanese; any other as {@link #row(Messages, String, String, String)}; the
   * English message itself in English.
   */
  static String row(Messages t, Problem p) {
    if (english(t)) {
      return p.message();
    }
    if (!p.key().isEmpty()) {
      Object[] args = new Object[p.args().size() + 1];
      args[0] = p.field().isEmpty() ? "-" : p.field();
      for (int i = 0; i < p.args().size(); i++) {
        args[i + 1] = p.args().get(i);
      }
      String key = "api.row." + p.code() + "." + p.key();
      String text = t.get(key, args);
      if (!text.equals(key)) {
        return text;
      }
    }
    return row(t, p.code(), p.field(), p.message());
  }

  /**
   * Why an ingest row was refused, for a refusal without a wording of its own (a stored one, whose
   * values were cut): {@code api.row.<code>} (else {@code api.row}) naming the field ({0}) around
   * the rule's own English detail ({1}); the English message itself in English.
   */
  static String row(Messages t, String code, String field, String message) {
    if (english(t)) {
      return message;
    }
    Object[] args = {
      field == null || field.isEmpty() ? "-" : field, message == null ? "" : message
    };
    String key = "api.row." + code;
    String text = t.get(key, args);
    return text.equals(key) ? t.get("api.row", args) : text;
  }
}
