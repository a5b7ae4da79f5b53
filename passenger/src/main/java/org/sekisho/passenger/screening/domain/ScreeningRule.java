package org.sekisho.passenger.screening.domain;

import java.util.Map;
import org.sekisho.core.Outcome;
import org.sekisho.targeting.criteria.domain.CriteriaProblem;
import org.sekisho.targeting.criteria.domain.RuleLanguage;

/**
 * One enabled passenger rule, compiled.
 *
 * @param id the stored rule's id (hits name it)
 * @param rule the compiled text
 */
public record ScreeningRule(long id, RuleLanguage.Rule<ScreenedPassenger, Void> rule) {

  /** Compiles a text that holds exactly one rule; problems carry line and column. */
  public static Outcome<RuleLanguage.Rule<ScreenedPassenger, Void>> compile(String text) {
    RuleLanguage.Compiled<ScreenedPassenger, Void> c =
        RuleLanguage.compileOne(text, PassengerVocabulary.PASSENGER, Map.of());
    if (c.ok()) {
      return Outcome.accepted(c.rules().get(0));
    }
    return new Outcome.Rejected<>(c.problems().stream().map(CriteriaProblem::toProblem).toList());
  }

  public String name() {
    return rule.name();
  }

  /** {@code medium} unless the rule says otherwise. */
  public String severity() {
    return rule.clause("severity").orElse("medium");
  }

  public int weight() {
    return Integer.parseInt(rule.clause("weight").orElse("0"));
  }
}
