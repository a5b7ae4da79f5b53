package org.sekisho.targeting.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sekisho.core.Outcome;
import org.sekisho.targeting.assessment.adapter.json.DeclarationJson;
import org.sekisho.targeting.criteria.domain.DeclarationView;

/** Fuzz: mutated declaration JSON is always read or refused with a named problem, never thrown. */
class DeclarationJsonProperties {
  private static final String SEED =
      "{\"declarationId\":\"D1\",\"date\":\"2026-11-27T08:12:00+09:00\",\"office\":\"JPTYO\","
          + "\"importer\":{\"name\":\"Sakura\",\"id\":\"JP1\"},\"items\":[{\"hsCode\":\"090121\","
          + "\"origin\":\"TH\",\"netMassKg\":\"120.5\",\"customsValue\":\"350000\"}]}";

  private final DeclarationJson json = new DeclarationJson();

  @Provide
  Arbitrary<String> mutated() {
    Arbitrary<Integer> pos = Arbitraries.integers().between(0, SEED.length());
    return Arbitraries.oneOf(
        pos.flatMap(
            a ->
                Arbitraries.integers()
                    .between(1, 10)
                    .map(
                        n ->
                            SEED.substring(0, a) + SEED.substring(Math.min(SEED.length(), a + n)))),
        pos.flatMap(
            a ->
                Arbitraries.of(
                        "\"", "{", "}", "[", "]", ",", ":", "-1", "null", "\"x\"", "1e400",
                        "\\u0000")
                    .map(s -> SEED.substring(0, a) + s + SEED.substring(a))),
        Arbitraries.strings().ofMaxLength(60));
  }

  @Property(tries = 3000)
  void readingNeverThrowsAndRefusalsNameTheProblem(@ForAll("mutated") String text) {
    Outcome<DeclarationView> o = json.parse("declaration", text);
    if (o.isAccepted()) {
      assertThat(o.orElseThrow().sourceId()).isNotBlank();
      assertThat(o.orElseThrow().items()).isNotEmpty();
    } else {
      o.problems().forEach(p -> assertThat(p.message()).isNotBlank());
    }
  }
}
