package org.sekisho.targeting.criteria.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a criteria text into tokens. Words are folded to lower case (keywords and field names
 * ignore case); {@code #} starts a comment to the end of the line. Bad characters and unterminated
 * strings become problems, and lexing goes on so that later errors are reported too.
 */
final class Lexer {
  private final String src;
  private final List<CriteriaProblem> problems;
  private int pos;
  private int line = 1;
  private int col = 1;

  Lexer(String src, List<CriteriaProblem> problems) {
    this.src = src;
    this.problems = problems;
  }

  List<Token> tokens() {
    List<Token> out = new ArrayList<>();
    while (true) {
      skipBlanks();
      if (pos >= src.length()) {
        out.add(new Token(Token.Kind.END, "", line, col));
        return out;
      }
      int l = line;
      int c = col;
      char ch = src.charAt(pos);
      if (isWordStart(ch)) {
        int start = pos;
        while (pos < src.length() && isWordPart(src.charAt(pos))) {
          advance();
        }
        out.add(
            new Token(Token.Kind.WORD, src.substring(start, pos).toLowerCase(Locale.ROOT), l, c));
      } else if (isDigit(ch)) {
        // full-width digits (as a Japanese keyboard writes them) are the same number: NFKC folds
        // them, and the token holds ASCII digits
        StringBuilder n = new StringBuilder();
        while (pos < src.length() && isDigit(src.charAt(pos))) {
          n.append(ascii(src.charAt(pos)));
          advance();
        }
        if (pos + 1 < src.length()
            && (src.charAt(pos) == '.' || src.charAt(pos) == '\uFF0E')
            && isDigit(src.charAt(pos + 1))) {
          n.append('.');
          advance();
          while (pos < src.length() && isDigit(src.charAt(pos))) {
            n.append(ascii(src.charAt(pos)));
            advance();
          }
        }
        out.add(new Token(Token.Kind.NUMBER, n.toString(), l, c));
      } else if (ch == '"') {
        out.add(string(l, c));
      } else if ("(),=%".indexOf(ch) >= 0) {
        advance();
        out.add(new Token(Token.Kind.SYMBOL, String.valueOf(ch), l, c));
      } else if (ch == '<' || ch == '>' || ch == '!') {
        advance();
        if (pos < src.length() && src.charAt(pos) == '=') {
          advance();
          out.add(new Token(Token.Kind.SYMBOL, ch + "=", l, c));
        } else if (ch == '!') {
          problems.add(
              new CriteriaProblem(
                  "criteria-syntax",
                  l,
                  c,
                  CriteriaProblem.Text.of("criteria.problem.bang", "expected '!=' after '!'")));
        } else {
          out.add(new Token(Token.Kind.SYMBOL, String.valueOf(ch), l, c));
        }
      } else {
        problems.add(
            new CriteriaProblem(
                "criteria-syntax",
                l,
                c,
                CriteriaProblem.Text.of(
                    "criteria.problem.character",
                    "unexpected character '{0}'; text goes between double quotes",
                    new String(Character.toChars(src.codePointAt(pos))))));
        advance();
        if (Character.isLowSurrogate(pos < src.length() ? src.charAt(pos) : 'x')) {
          advance();
        }
      }
    }
  }

  private Token string(int l, int c) {
    advance(); // opening quote
    StringBuilder b = new StringBuilder();
    while (pos < src.length()) {
      char ch = src.charAt(pos);
      if (ch == '\n' || ch == '\r') {
        break;
      }
      advance();
      if (ch == '"') {
        return new Token(Token.Kind.STRING, b.toString(), l, c);
      }
      if (ch == '\\' && pos < src.length() && (src.charAt(pos) == '"' || src.charAt(pos) == '\\')) {
        b.append(src.charAt(pos));
        advance();
      } else {
        b.append(ch);
      }
    }
    problems.add(
        new CriteriaProblem(
            "criteria-syntax",
            l,
            c,
            CriteriaProblem.Text.of(
                "criteria.problem.unclosed",
                "text is not closed: a '\"' is missing before the line ends")));
    return new Token(Token.Kind.STRING, b.toString(), l, c);
  }

  private void skipBlanks() {
    while (pos < src.length()) {
      char ch = src.charAt(pos);
      if (ch == '#') {
        while (pos < src.length() && src.charAt(pos) != '\n') {
          advance();
        }
      } else if (Character.isWhitespace(ch) || ch == '\u3000' || ch == '\uFEFF') {
        advance();
      } else {
        return;
      }
    }
  }

  private void advance() {
    char ch = src.charAt(pos++);
    if (ch == '\n') {
      line++;
      col = 1;
    } else if (ch == '\r') {
      if (pos < src.length() && src.charAt(pos) == '\n') {
        return; // the \n that follows ends the line
      }
      line++;
      col = 1;
    } else {
      col++;
    }
  }

  /** An ASCII digit, or a full-width one (U+FF10 to U+FF19). */
  private static boolean isDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= '\uFF10' && c <= '\uFF19');
  }

  private static char ascii(char digit) {
    return digit >= '\uFF10' ? (char) ('0' + (digit - '\uFF10')) : digit;
  }

  private static boolean isWordStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isWordPart(char c) {
    return isWordStart(c) || (c >= '0' && c <= '9');
  }
}
