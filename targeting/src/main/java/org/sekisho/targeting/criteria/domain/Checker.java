package org.sekisho.targeting.criteria.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sekisho.targeting.selectivity.domain.Lane;

/**
 * Type-checks parsed cargo criteria against the field catalogue ({@link Field}, through {@link
 * Vocabulary#CARGO}) and the lists that exist, and compiles each condition to a {@link Test}. Every
 * problem found is reported, each at the token it concerns.
 */
final class Checker {
  private final ConditionCompiler<DeclarationView, ItemView> conditions;
  private final List<CriteriaProblem> problems;

  Checker(Map<String, ReferenceList> lists, List<CriteriaProblem> problems) {
    this.conditions = new ConditionCompiler<>(Vocabulary.CARGO, lists, problems);
    this.problems = problems;
  }

  Optional<Criterion> check(Syntax.Criterion c) {
    int before = problems.size();
    String name = c.name().text().strip();
    if (name.isEmpty() || name.length() > 200) {
      type(
          c.name(),
          CriteriaProblem.Text.of(
              "criteria.problem.name-length", "the name must have 1 to 200 characters"));
    }
    Condition<DeclarationView, ItemView> condition = conditions.expr(c.when());
    Test when = condition::test;
    Optional<Lane> lane = Optional.empty();
    int weight = 0;
    int sample = 100;
    Set<String> seen = new HashSet<>();
    for (Syntax.Clause cl : c.then()) {
      if (!seen.add(cl.keyword().text())) {
        type(
            cl.keyword(),
            CriteriaProblem.Text.of(
                "criteria.problem.twice", "'{0}' is given twice", cl.keyword().text()));
        continue;
      }
      switch (cl.keyword().text()) {
        case "lane" -> {
          lane = Lane.ofCode(cl.value().text());
          if (lane.isEmpty()) {
            type(
                cl.value(),
                CriteriaProblem.Text.of(
                    "criteria.problem.unknown-lane",
                    "unknown lane '{0}'; lanes are red, yellow, blue, green",
                    cl.value().text()));
          }
        }
        case "weight" ->
            weight =
                whole(
                    cl.value(),
                    0,
                    1000,
                    CriteriaProblem.Text.of("criteria.what.weight", "a weight"));
        default ->
            sample =
                whole(
                    cl.value(),
                    1,
                    100,
                    CriteriaProblem.Text.of("criteria.what.sample", "a sample share"));
      }
    }
    String reason = c.because().text().strip();
    if (reason.length() < 5) {
      type(
          c.because(),
          CriteriaProblem.Text.of(
              "criteria.problem.reason-short",
              "the reason must say in plain language why (at least 5 characters)"));
    } else if (reason.length() > 500) {
      type(
          c.because(),
          CriteriaProblem.Text.of(
              "criteria.problem.reason-long", "the reason is longer than 500 characters"));
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(new Criterion(name, lane, weight, sample, reason, when, c.start().line()));
  }

  private int whole(Token t, int min, int max, CriteriaProblem.Text what) {
    try {
      if (!t.text().contains(".")) {
        int v = Integer.parseInt(t.text());
        if (v >= min && v <= max) {
          return v;
        }
      }
    } catch (NumberFormatException e) {
      // falls through to the problem
    }
    type(
        t,
        CriteriaProblem.Text.of(
            "criteria.problem.whole",
            "{0} is a whole number from {1} to {2}, got {3}",
            what,
            Integer.toString(min),
            Integer.toString(max),
            t.text()));
    return min;
  }

  private void type(Token at, CriteriaProblem.Text text) {
    problems.add(new CriteriaProblem("criteria-type", at.line(), at.column(), text));
  }

  private void type(Token at, String message) {
    problems.add(new CriteriaProblem("criteria-type", at.line(), at.column(), message));
  }
}
