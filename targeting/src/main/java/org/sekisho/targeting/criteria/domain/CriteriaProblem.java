package org.sekisho.targeting.criteria.domain;

import java.util.List;
import org.sekisho.core.Problem;

/**
 * Why a criteria text was refused, at a 1-based line and column (columns count UTF-16 chars).
 *
 * @param code {@code criteria-syntax} or {@code criteria-type}
 * @param message the problem in English
 * @param text the same as a message key with arguments, for pages in the reader's language
 */
public record CriteriaProblem(String code, int line, int column, String message, Text text) {
  /** A problem whose message has no key: shown in English whatever the reader's language. */
  public CriteriaProblem(String code, int line, int column, String message) {
    this(code, line, column, message, Text.plain(message));
  }

  /** A problem whose message is {@code text} ({@link Text#english()} is the message). */
  public CriteriaProblem(String code, int line, int column, Text text) {
    this(code, line, column, text.english(), text);
  }

  /**
   * A message as a key ({@code criteria.problem.…} of the {@code i18n.targeting} bundle) with its
   * arguments, each a plain value (shown as written: a field name, a value from the text) or
   * another text (translated in turn); {@code english} is the message in English, for when the key
   * is unknown or no translation is wanted.
   */
  public record Text(String key, List<Object> args, String english) {
    public Text {
      args = List.copyOf(args);
    }

    /** Text without a key: the same in every language. */
    public static Text plain(String english) {
      return new Text("", List.of(), english);
    }

    /**
     * A keyed text; its English is {@code english} ({@code {0}}, {@code {1}}… replaced by the
     * arguments' English).
     */
    public static Text of(String key, String english, Object... args) {
      String e = english;
      for (int i = 0; i < args.length; i++) {
        Object a = args[i];
        e = e.replace("{" + i + "}", a instanceof Text t ? t.english() : String.valueOf(a));
      }
      return new Text(key, List.of(args), e);
    }
  }

  @Override
  public String toString() {
    return line + ":" + column + ": " + message;
  }

  /** As a core problem whose field names the position ({@code line 3, column 14}). */
  public Problem toProblem() {
    return Problem.of(code, "line " + line + ", column " + column, message);
  }
}
