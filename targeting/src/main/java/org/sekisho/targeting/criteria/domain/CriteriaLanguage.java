package org.sekisho.targeting.criteria.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The analysts' criteria language (grammar in docs/formats/criteria.md): parses, type-checks and
 * compiles a text of one or more criteria. Never throws on any input text: problems come back as
 * values with line and column.
 */
public final class CriteriaLanguage {
  /** Longest text accepted, in characters. */
  public static final int MAX_LENGTH = 100_000;

  private CriteriaLanguage() {}

  /** The compiled criteria (in text order), or the problems sorted by position. */
  public record Compiled(List<Criterion> criteria, List<CriteriaProblem> problems) {
    public Compiled {
      criteria = List.copyOf(criteria);
      problems = List.copyOf(problems);
    }

    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /**
   * Compiles {@code text} against the lists that exist now ({@code lists} by name).
   *
   * @return criteria only when there is no problem at all
   */
  public static Compiled compile(String text, Map<String, ReferenceList> lists) {
    List<CriteriaProblem> problems = new ArrayList<>();
    if (text == null) {
      text = "";
    }
    if (text.length() > MAX_LENGTH) {
      return new Compiled(
          List.of(),
          List.of(
              new CriteriaProblem(
                  "criteria-syntax",
                  1,
                  1,
                  CriteriaProblem.Text.of(
                      "criteria.problem.too-long",
                      "text longer than {0} characters",
                      Integer.toString(MAX_LENGTH)))));
    }
    List<Token> tokens = new Lexer(text, problems).tokens();
    List<Syntax.Criterion> parsed = new Parser(tokens, problems).criteria();
    Checker checker = new Checker(lists, problems);
    List<Criterion> out = new ArrayList<>();
    for (Syntax.Criterion c : parsed) {
      checker.check(c).ifPresent(out::add);
    }
    problems.sort(
        Comparator.comparingInt(CriteriaProblem::line).thenComparingInt(CriteriaProblem::column));
    return problems.isEmpty() ? new Compiled(out, List.of()) : new Compiled(List.of(), problems);
  }

  /** Compiles a text that must hold exactly one criterion (the editor saves one at a time). */
  public static Compiled compileOne(String text, Map<String, ReferenceList> lists) {
    Compiled c = compile(text, lists);
    if (c.ok() && c.criteria().size() != 1) {
      Optional<Criterion> second = c.criteria().stream().skip(1).findFirst();
      return new Compiled(
          List.of(),
          List.of(
              new CriteriaProblem(
                  "criteria-syntax",
                  second.map(Criterion::line).orElse(1),
                  1,
                  CriteriaProblem.Text.of(
                      "criteria.problem.one-at-a-time",
                      "save one criterion at a time; this text holds {0}",
                      Integer.toString(c.criteria().size())))));
    }
    return c;
  }
}
