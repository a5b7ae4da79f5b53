package org.sekisho.targeting.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.targeting.criteria.domain.ClauseDefinition;
import org.sekisho.targeting.criteria.domain.CriteriaProblem;
import org.sekisho.targeting.criteria.domain.FieldDefinition;
import org.sekisho.targeting.criteria.domain.ListKind;
import org.sekisho.targeting.criteria.domain.ReferenceList;
import org.sekisho.targeting.criteria.domain.RuleLanguage;
import org.sekisho.targeting.criteria.domain.Vocabulary;

/** The criteria language over a vocabulary other than cargo's: same syntax, own fields. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RuleLanguageTest {
  record Traveller(String nationality, double bags, boolean alone, List<String> via) {}

  static final Vocabulary<Traveller, Void> TRAVEL =
      new Vocabulary<>(
          "travel",
          List.of(
              FieldDefinition.<Traveller, Void>codes(
                  "nationality",
                  "nationality",
                  Set.of(ListKind.COUNTRIES),
                  1,
                  FieldDefinition::countryCheck,
                  (t, alt) -> t.nationality()),
              FieldDefinition.<Traveller, Void>number("bags", "checked bags", Traveller::bags),
              FieldDefinition.<Traveller, Void>flag(
                  "travelling_alone", "one passenger on the booking", Traveller::alone),
              FieldDefinition.<Traveller, Void>codes(
                  "via",
                  "countries of the route",
                  Set.of(ListKind.COUNTRIES),
                  4,
                  FieldDefinition::countryCheck,
                  (t, alt) -> alt < t.via().size() ? t.via().get(alt) : "")),
          List.of(
              ClauseDefinition.word(
                  "severity", "a severity: low, medium, high", List.of("low", "medium", "high")),
              ClauseDefinition.whole("weight", 0, 1000)),
          "a field name such as via or bags",
          "'severity' or 'weight' after 'then'");

  static final Map<String, ReferenceList> LISTS =
      Map.of("sources", new ReferenceList("sources", ListKind.COUNTRIES, 3, Set.of("CO", "VE")));

  @Test
  void aRuleOverAnotherVocabularyHitsWithItsReasonClausesAndListEvidence() {
    RuleLanguage.Compiled<Traveller, Void> c =
        RuleLanguage.compile(
            "criterion \"Alone via source\" when travelling_alone = \"yes\" and via in list"
                + " \"sources\" and bags >= 2 then severity high weight 40 because \"alone,"
                + " through a source country, heavy\"",
            TRAVEL,
            LISTS);
    assertThat(c.problems()).isEmpty();
    RuleLanguage.Rule<Traveller, Void> rule = c.rules().get(0);
    assertThat(rule.then()).containsEntry("severity", "high").containsEntry("weight", "40");
    Traveller hit = new Traveller("JP", 2, true, List.of("US", "CO"));
    assertThat(rule.hits(hit, null)).isTrue();
    assertThat(rule.evidence(hit, null)).containsExactly("list \"sources\" v3: via CO");
    assertThat(rule.hits(new Traveller("JP", 2, false, List.of("CO")), null)).isFalse();
    assertThat(rule.hits(new Traveller("JP", 1, true, List.of("CO")), null)).isFalse();
    assertThat(rule.hits(new Traveller("JP", 3, true, List.of("US", "MX")), null)).isFalse();
  }

  @Test
  void problemsOfAnotherVocabularyComeWithLineAndColumn() {
    RuleLanguage.Compiled<Traveller, Void> c =
        RuleLanguage.compile(
            "criterion \"x\" when hs = \"0901\"\n  and travelling_alone = \"maybe\"\n"
                + "  then weight 3 because \"short\"",
            TRAVEL,
            LISTS);
    assertThat(c.problems())
        .extracting(CriteriaProblem::toString)
        .containsExactly(
            "1:20: unknown field 'hs'; fields are nationality, bags, travelling_alone, via",
            "2:26: travelling_alone is \"yes\" or \"no\", got \"maybe\"");
    assertThat(
            RuleLanguage.compile(
                    "criterion \"x\" when bags > 1\n  then lane red because \"short\"",
                    TRAVEL,
                    LISTS)
                .problems())
        .extracting(CriteriaProblem::toString)
        .containsExactly("2:8: expected 'severity' or 'weight' after 'then', found 'lane'");
    assertThat(
            RuleLanguage.compile(
                    "criterion \"x\" when via = \"XX\" then severity extreme weight 2000"
                        + " because \"because\"",
                    TRAVEL,
                    LISTS)
                .problems())
        .extracting(CriteriaProblem::toString)
        .containsExactly(
            "1:26: \"XX\" is not an ISO 3166-1 alpha-2 country code (ZZ: unknown)",
            "1:45: unknown severity 'extreme'; expected low, medium, high",
            "1:60: 'weight' takes a whole number from 0 to 1000, got 2000");
  }

  @Test
  void saveOneRuleAtATime() {
    String two =
        "criterion \"a\" when bags > 1 then weight 1 because \"heavy bags\"\n"
            + "criterion \"b\" when bags > 2 then weight 1 because \"heavier bags\"";
    assertThat(RuleLanguage.compile(two, TRAVEL, LISTS).rules()).hasSize(2);
    assertThat(RuleLanguage.compileOne(two, TRAVEL, LISTS).problems())
        .extracting(CriteriaProblem::line)
        .containsExactly(2);
  }

  private static final String SEED =
      "criterion \"Alone\" when travelling_alone = \"yes\" and (via in (\"CO\", \"VE\") or not via"
          + " in list \"sources\") and bags between 1 and 5 then severity low weight 5 because"
          + " \"why not\"\n";

  @Provide
  Arbitrary<String> mutated() {
    Arbitrary<Integer> pos = Arbitraries.integers().between(0, SEED.length());
    Arbitrary<String> insert =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(5),
            Arbitraries.of("\"", "(", ")", ",", "and", "not", "list", "<", "then", "%", "\n"));
    return Arbitraries.oneOf(
        pos.flatMap(p -> insert.map(s -> SEED.substring(0, p) + s + SEED.substring(p))),
        pos.flatMap(
            p ->
                Arbitraries.integers()
                    .between(0, 8)
                    .map(
                        n ->
                            SEED.substring(0, p)
                                + SEED.substring(Math.min(SEED.length(), p + n)))));
  }

  @Property(tries = 2000)
  void mutatedRulesNeverThrowAndEveryProblemHasAPosition(@ForAll("mutated") String text) {
    RuleLanguage.Compiled<Traveller, Void> c = RuleLanguage.compile(text, TRAVEL, LISTS);
    assertThat(c.ok() ? c.rules() : c.problems()).isNotEmpty();
    for (CriteriaProblem p : c.problems()) {
      assertThat(p.line()).isPositive();
      assertThat(p.column()).isPositive();
      assertThat(p.message()).isNotBlank();
    }
    for (RuleLanguage.Rule<Traveller, Void> r : c.rules()) {
      r.hits(new Traveller("", Double.NaN, false, List.of()), null);
    }
  }
}
