package org.sekisho.targeting.criteria.domain;

/** One token of a criteria text, with where it starts. */
record Token(Kind kind, String text, int line, int column) {
  enum Kind {
    WORD,
    STRING,
    NUMBER,
    SYMBOL,
    END
  }

  boolean is(String word) {
    return (kind == Kind.WORD || kind == Kind.SYMBOL) && text.equals(word);
  }

  /** {@link #describe()} as a text in the reader's language. */
  CriteriaProblem.Text found() {
    return switch (kind) {
      case END -> CriteriaProblem.Text.of("criteria.found.end", "end of text");
      case STRING -> CriteriaProblem.Text.of("criteria.found.text", "text \"{0}\"", shorten(text));
      case NUMBER -> CriteriaProblem.Text.of("criteria.found.number", "number {0}", text);
      case WORD -> CriteriaProblem.Text.of("criteria.found.word", "'{0}'", shorten(text));
      case SYMBOL -> CriteriaProblem.Text.of("criteria.found.word", "'{0}'", text);
    };
  }

  String describe() {
    return switch (kind) {
      case END -> "end of text";
      case STRING -> "text \"" + shorten(text) + "\"";
      case NUMBER -> "number " + text;
      case WORD -> "'" + shorten(text) + "'";
      case SYMBOL -> "'" + text + "'";
    };
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
