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
