package org.sekisho.targeting.criteria.domain;

import java.util.List;

/** The parsed, not yet type-checked, form of a criteria text. */
final class Syntax {
  private Syntax() {}

  sealed interface Expr permits And, Or, Not, Condition {}

  /**
   * Conditions joined by {@code and}, in text order: a chain is one node, not a tree as deep as it
   * is long, so that no long chain can exhaust the stack when it is checked or evaluated.
   */
  record And(List<Expr> parts) implements Expr {
    And {
      parts = List.copyOf(parts);
    }
  }

  /** Conditions joined by {@code or}, in text order (one node, as {@link And}). */
  record Or(List<Expr> parts) implements Expr {
    Or {
      parts = List.copyOf(parts);
    }
  }

  record Not(Expr inner) implements Expr {}

  enum Op {
    EQ("="),
    NE("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    BETWEEN("between"),
    IN("in"),
    NOT_IN("not in"),
    IN_LIST("in list"),
    NOT_IN_LIST("not in list"),
    STARTS_WITH("starts with"),
    CONTAINS("contains");

    final String text;

    Op(String text) {
      this.text = text;
    }
  }

  /** {@code field op values}; for list operators {@code values} holds the list name. */
  record Condition(Token field, Op op, Token opToken, List<Token> values) implements Expr {}

  /** A clause after {@code then}: {@code lane red}, {@code weight 40}, {@code sample 20 %}. */
  record Clause(Token keyword, Token value) {}

  record Criterion(
      Token start, Token name, Expr when, List<Clause> then, Token because, Token becauseWord) {}
}
