package org.sekisho.targeting.criteria.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The criteria language over any {@link Vocabulary}: the same syntax, line:column problems, list
 * tests and {@code because} reasons as cargo criteria ({@link CriteriaLanguage}), with the fields
 * and {@code then} clauses of the vocabulary. Never throws on any input text.
 */
public final class RuleLanguage {
  private RuleLanguage() {}

  /**
   * One compiled rule.
   *
   * @param name the author's title
   * @param then the {@code then} clauses by keyword, values as written (words lower case)
   * @param reason the plain-language reason shown with every hit
   * @param when the compiled conditions
   * @param line the line the rule starts on in its text
   */
  public record Rule<S, P>(
      String name, Map<String, String> then, String reason, Condition<S, P> when, int line) {
    public Rule {
      then = Map.copyOf(then);
    }

    /** True when the conditions hold for {@code subject} (and {@code part}, if any). */
    public boolean hits(S subject, P part) {
      return when.test(subject, part, null);
    }

    /** The list matches behind a hit (call only after {@link #hits} returned true). */
    public List<String> evidence(S subject, P part) {
      List<String> ev = new ArrayList<>();
      when.test(subject, part, ev);
      return List.copyOf(new java.util.LinkedHashSet<>(ev));
    }

    /** A clause's value, if given. */
    public Optional<String> clause(String keyword) {
      return Optional.ofNullable(then.get(keyword));
    }
  }

  /** The compiled rules (in text order), or the problems sorted by position. */
  public record Compiled<S, P>(List<Rule<S, P>> rules, List<CriteriaProblem> problems) {
    public Compiled {
      rules = List.copyOf(rules);
      problems = List.copyOf(problems);
    }

    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /**
   * Compiles {@code text} against {@code vocabulary} and the lists that exist now ({@code lists} by
   * name).
   *
   * @return rules only when there is no problem at all
   */
  public static <S, P> Compiled<S, P> compile(
      String text, Vocabulary<S, P> vocabulary, Map<String, ReferenceList> lists) {
    List<CriteriaProblem> problems = new ArrayList<>();
    if (text == null) {
      text = "";
    }
    if (text.length() > CriteriaLanguage.MAX_LENGTH) {
      return new Compiled<>(
          List.of(),
          List.of(
              new CriteriaProblem(
                  "criteria-syntax",
                  1,
                  1,
                  "text longer than " + CriteriaLanguage.MAX_LENGTH + " characters")));
    }
    List<Token> tokens = new Lexer(text, problems).tokens();
    List<Syntax.Criterion> parsed = new Parser(tokens, problems, vocabulary).criteria();
    ConditionCompiler<S, P> conditions = new ConditionCompiler<>(vocabulary, lists, problems);
    List<Rule<S, P>> out = new ArrayList<>();
    for (Syntax.Criterion c : parsed) {
      check(c, vocabulary, conditions, problems).ifPresent(out::add);
    }
    problems.sort(
        Comparator.comparingInt(CriteriaProblem::line).thenComparingInt(CriteriaProblem::column));
    return problems.isEmpty()
        ? new Compiled<>(out, List.of())
        : new Compiled<>(List.of(), problems);
  }

  /** Compiles a text that must hold exactly one rule (editors save one at a time). */
  public static <S, P> Compiled<S, P> compileOne(
      String text, Vocabulary<S, P> vocabulary, Map<String, ReferenceList> lists) {
    Compiled<S, P> c = compile(text, vocabulary, lists);
    if (c.ok() && c.rules().size() != 1) {
      int line = c.rules().size() > 1 ? c.rules().get(1).line() : 1;
      return new Compiled<>(
          List.of(),
          List.of(
              new CriteriaProblem(
                  "criteria-syntax",
                  line,
                  1,
                  "save one rule at a time; this text holds " + c.rules().size())));
    }
    return c;
  }

  private static <S, P> Optional<Rule<S, P>> check(
      Syntax.Criterion c,
      Vocabulary<S, P> vocabulary,
      ConditionCompiler<S, P> conditions,
      List<CriteriaProblem> problems) {
    int before = problems.size();
    String name = c.name().text().strip();
    if (name.isEmpty() || name.length() > 200) {
      type(problems, c.name(), "the name must have 1 to 200 characters");
    }
    Condition<S, P> when = conditions.expr(c.when());
    Map<String, String> then = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (Syntax.Clause cl : c.then()) {
      String kw = cl.keyword().text();
      if (!seen.add(kw)) {
        type(problems, cl.keyword(), "'" + kw + "' is given twice");
        continue;
      }
      ClauseDefinition def =
          vocabulary.clauses().stream().filter(d -> d.keyword().equals(kw)).findFirst().get();
      String value = cl.value().text();
      if (def.kind() == ClauseDefinition.Kind.WORD) {
        if (!def.words().isEmpty() && !def.words().contains(value)) {
          type(
              problems,
              cl.value(),
              "unknown " + kw + " '" + value + "'; expected " + String.join(", ", def.words()));
        }
      } else if (!wholeIn(value, def.min(), def.max())) {
        type(
            problems,
            cl.value(),
            "'"
                + kw
                + "' takes a whole number from "
                + def.min()
                + " to "
                + def.max()
                + ", got "
                + value);
      }
      then.put(kw, value);
    }
    String reason = c.because().text().strip();
    if (reason.length() < 5) {
      type(
          problems,
          c.because(),
          "the reason must say in plain language why (at least 5 characters)");
    } else if (reason.length() > 500) {
      type(problems, c.because(), "the reason is longer than 500 characters");
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(new Rule<>(name, then, reason, when, c.start().line()));
  }

  private static boolean wholeIn(String s, int min, int max) {
    if (s.contains(".") || s.length() > 9) {
      return false;
    }
    try {
      int v = Integer.parseInt(s);
      return v >= min && v <= max;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static void type(List<CriteriaProblem> problems, Token at, String message) {
    problems.add(new CriteriaProblem("criteria-type", at.line(), at.column(), message));
  }
}
