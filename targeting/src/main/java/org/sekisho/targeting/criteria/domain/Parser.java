package org.sekisho.targeting.criteria.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser of the criteria grammar (docs/formats/criteria.md). A syntax error ends
 * the criterion it is in; parsing resumes at the next {@code criterion} so that later criteria are
 * still checked.
 */
final class Parser {
  private final List<Token> tokens;
  private final List<CriteriaProblem> problems;
  private final Vocabulary<?, ?> vocabulary;
  private int at;

  /** Most levels of {@code (} and {@code not} inside one another in a condition. */
  static final int MAX_NESTING = 50;

  private int depth;

  /** Ends the current criterion; carries no stack trace (it is control flow, not a failure). */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stop() {
      super(null, null, false, false);
    }
  }

  Parser(List<Token> tokens, List<CriteriaProblem> problems) {
    this(tokens, problems, Vocabulary.CARGO);
  }

  /** A parser whose {@code then} clauses and hints come from {@code vocabulary}. */
  Parser(List<Token> tokens, List<CriteriaProblem> problems, Vocabulary<?, ?> vocabulary) {
    this.tokens = tokens;
    this.problems = problems;
    this.vocabulary = vocabulary;
  }

  List<Syntax.Criterion> criteria() {
    List<Syntax.Criterion> out = new ArrayList<>();
    if (peek().kind() == Token.Kind.END) {
      problems.add(
          new CriteriaProblem(
              "criteria-syntax",
              peek().line(),
              peek().column(),
              CriteriaProblem.Text.of("criteria.problem.criterion-first", "expected 'criterion'")));
    }
    while (peek().kind() != Token.Kind.END) {
      try {
        out.add(criterion());
      } catch (Stop s) {
        // skip to the next criterion
        while (peek().kind() != Token.Kind.END && !peek().is("criterion")) {
          at++;
        }
      }
    }
    return out;
  }

  private Syntax.Criterion criterion() {
    Token start = expect("criterion", "'criterion' to start a criterion");
    Token name = expectKind(Token.Kind.STRING, "the criterion's name in double quotes");
    expect("when", "'when' before the conditions");
    Syntax.Expr when = or();
    expect("then", "'and', 'or' or 'then' after a condition");
    List<Syntax.Clause> clauses = new ArrayList<>();
    while (clause(peek()) != null) {
      Token kw = next();
      ClauseDefinition def = clause(kw);
      Token value;
      if (def.kind() == ClauseDefinition.Kind.WORD) {
        value = expectKind(Token.Kind.WORD, def.expected());
      } else {
        value = expectKind(Token.Kind.NUMBER, def.expected());
        if (def.kind() == ClauseDefinition.Kind.PERCENT) {
          expect("%", "'%' after the " + kw.text() + " share");
        }
      }
      clauses.add(new Syntax.Clause(kw, value));
    }
    if (clauses.isEmpty()) {
      fail(peek(), vocabulary.clauseHint());
    }
    Token becauseWord = expect("because", "'because' and the reason in plain language");
    Token because = expectKind(Token.Kind.STRING, "the reason in double quotes after 'because'");
    return new Syntax.Criterion(start, name, when, clauses, because, becauseWord);
  }

  private Syntax.Expr or() {
    List<Syntax.Expr> parts = new ArrayList<>();
    parts.add(and());
    while (peek().is("or")) {
      conditionAfter(next());
      parts.add(and());
    }
    return parts.size() == 1 ? parts.get(0) : new Syntax.Or(parts);
  }

  private Syntax.Expr and() {
    List<Syntax.Expr> parts = new ArrayList<>();
    parts.add(unary());
    while (peek().is("and")) {
      conditionAfter(next());
      parts.add(unary());
    }
    return parts.size() == 1 ? parts.get(0) : new Syntax.And(parts);
  }

  /**
   * Refuses an {@code and} or {@code or} that ends the conditions: what follows it is a word that
   * ends them (then, because, a closing parenthesis) or nothing, said at that word as a missing
   * condition, not read as a field named {@code then} (whose "operator" would be its lane).
   */
  private void conditionAfter(Token op) {
    Token t = peek();
    if (t.kind() == Token.Kind.END
        || t.is("then")
        || t.is("because")
        || t.is("criterion")
        || t.is(")")) {
      throw fail(t, "a condition after '" + op.text() + "'");
    }
  }

  private Syntax.Expr unary() {
    if (peek().is("not") || peek().is("(")) {
      // each level is a frame of this parser, of the checker and of every evaluation: a text
      // nested thousands deep would exhaust the stack
      if (depth == MAX_NESTING) {
        problems.add(
            new CriteriaProblem(
                "criteria-syntax",
                peek().line(),
                peek().column(),
                CriteriaProblem.Text.of(
                    "criteria.problem.nested",
                    "nested too deeply: at most {0} levels of '(' and 'not' inside one another",
                    Integer.toString(MAX_NESTING))));
        throw new Stop();
      }
      depth++;
      try {
        if (peek().is("not")) {
          next();
          return new Syntax.Not(unary());
        }
        next();
        Syntax.Expr e = or();
        expect(")", "')' to close the '('");
        return e;
      } finally {
        depth--;
      }
    }
    return condition();
  }

  private Syntax.Expr condition() {
    Token field = expectKind(Token.Kind.WORD, vocabulary.fieldHint());
    Token opTok = peek();
    Syntax.Op op;
    List<Token> values = new ArrayList<>();
    switch (opTok.text()) {
      case "=", "!=", "<", "<=", ">", ">=" -> {
        if (opTok.kind() != Token.Kind.SYMBOL) {
          throw fail(opTok, "an operator after the field name");
        }
        next();
        op =
            switch (opTok.text()) {
              case "=" -> Syntax.Op.EQ;
              case "!=" -> Syntax.Op.NE;
              case "<" -> Syntax.Op.LT;
              case "<=" -> Syntax.Op.LE;
              case ">" -> Syntax.Op.GT;
              default -> Syntax.Op.GE;
            };
        values.add(value());
      }
      case "between" -> {
        next();
        op = Syntax.Op.BETWEEN;
        values.add(expectKind(Token.Kind.NUMBER, "a number after 'between'"));
        expect("and", "'and' between the two bounds");
        values.add(expectKind(Token.Kind.NUMBER, "a number after 'and'"));
      }
      case "starts" -> {
        next();
        expect("with", "'with' after 'starts'");
        op = Syntax.Op.STARTS_WITH;
        values.addAll(valueList());
      }
      case "contains" -> {
        next();
        op = Syntax.Op.CONTAINS;
        values.addAll(valueList());
      }
      case "not", "in" -> {
        next();
        boolean negated = opTok.is("not");
        if (negated) {
          expect("in", "'in' after 'not'");
        }
        if (peek().is("list")) {
          next();
          op = negated ? Syntax.Op.NOT_IN_LIST : Syntax.Op.IN_LIST;
          values.add(expectKind(Token.Kind.STRING, "the list's name in double quotes"));
        } else {
          op = negated ? Syntax.Op.NOT_IN : Syntax.Op.IN;
          values.addAll(valueList());
        }
      }
      default ->
          throw fail(
              opTok,
              "an operator after the field name: =, !=, <, <=, >, >=, between, in, not in,"
                  + " in list, starts with or contains");
    }
    return new Syntax.Condition(field, op, opTok, values);
  }

  private ClauseDefinition clause(Token t) {
    if (t.kind() != Token.Kind.WORD) {
      return null;
    }
    for (ClauseDefinition d : vocabulary.clauses()) {
      if (d.keyword().equals(t.text())) {
        return d;
      }
    }
    return null;
  }

  private List<Token> valueList() {
    List<Token> out = new ArrayList<>();
    if (peek().is("(")) {
      next();
      out.add(value());
      while (peek().is(",")) {
        next();
        out.add(value());
      }
      expect(")", "',' or ')' in the list of values");
    } else {
      out.add(value());
    }
    return out;
  }

  private Token value() {
    Token t = peek();
    if (t.kind() == Token.Kind.STRING || t.kind() == Token.Kind.NUMBER) {
      return next();
    }
    throw fail(t, "a value: text in double quotes or a number");
  }

  private Token peek() {
    return tokens.get(at);
  }

  private Token next() {
    Token t = tokens.get(at);
    if (t.kind() != Token.Kind.END) {
      at++;
    }
    return t;
  }

  private Token expect(String word, String what) {
    if (!peek().is(word)) {
      throw fail(peek(), what);
    }
    return next();
  }

  private Token expectKind(Token.Kind kind, String what) {
    if (peek().kind() != kind) {
      throw fail(peek(), what);
    }
    return next();
  }

  private Stop fail(Token found, String expected) {
    problems.add(
        new CriteriaProblem(
            "criteria-syntax",
            found.line(),
            found.column(),
            CriteriaProblem.Text.of(
                "criteria.problem.expected",
                "expected {0}, found {1}",
                expectedText(expected),
                found.found())));
    throw new Stop();
  }

  /** What the parser expected, by the words it says it in (cargo criteria's hints included). */
  private static final java.util.Map<String, String> EXPECTED =
      java.util.Map.ofEntries(
          java.util.Map.entry("'criterion' to start a criterion", "criterion"),
          java.util.Map.entry("the criterion's name in double quotes", "name"),
          java.util.Map.entry("'when' before the conditions", "when"),
          java.util.Map.entry("'and', 'or' or 'then' after a condition", "then"),
          java.util.Map.entry("'because' and the reason in plain language", "because"),
          java.util.Map.entry("the reason in double quotes after 'because'", "reason"),
          java.util.Map.entry("')' to close the '('", "close"),
          java.util.Map.entry("an operator after the field name", "operator"),
          java.util.Map.entry(
              "an operator after the field name: =, !=, <, <=, >, >=, between, in, not in,"
                  + " in list, starts with or contains",
              "operators"),
          java.util.Map.entry("a number after 'between'", "between-number"),
          java.util.Map.entry("'and' between the two bounds", "between-and"),
          java.util.Map.entry("a number after 'and'", "and-number"),
          java.util.Map.entry("'with' after 'starts'", "with"),
          java.util.Map.entry("'in' after 'not'", "in"),
          java.util.Map.entry("the list's name in double quotes", "list-name"),
          java.util.Map.entry("',' or ')' in the list of values", "values-close"),
          java.util.Map.entry("a value: text in double quotes or a number", "value"),
          java.util.Map.entry("a field name such as hs, origin or value_per_kg", "field"),
          java.util.Map.entry("'lane' or 'weight' after 'then'", "clause"),
          java.util.Map.entry("a lane: red, yellow, blue or green", "lane"));

  private static CriteriaProblem.Text expectedText(String expected) {
    String key = EXPECTED.get(expected);
    if (key != null) {
      return CriteriaProblem.Text.of("criteria.expect." + key, expected);
    }
    var whole = java.util.regex.Pattern.compile("a whole number after '(\\w+)'").matcher(expected);
    if (whole.matches()) {
      return CriteriaProblem.Text.of(
          "criteria.expect.whole", "a whole number after '{0}'", whole.group(1));
    }
    var condition = java.util.regex.Pattern.compile("a condition after '(\\w+)'").matcher(expected);
    if (condition.matches()) {
      return CriteriaProblem.Text.of(
          "criteria.expect.condition", "a condition after '{0}'", condition.group(1));
    }
    var share = java.util.regex.Pattern.compile("'%' after the (\\w+) share").matcher(expected);
    if (share.matches()) {
      return CriteriaProblem.Text.of(
          "criteria.expect.percent", "'%' after the {0} share", share.group(1));
    }
    // another vocabulary's words: as it writes them
    return CriteriaProblem.Text.plain(expected);
  }
}
