package org.sekisho.passenger.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sekisho.passenger.screening.domain.ScreeningRule;

/** Fuzz: mutated passenger rules never crash the compiler and every refusal says where. */
class PassengerRuleProperties {
  private static final String SEED =
      "criterion \"Cash\" when payment in (\"CA\", \"MS\") and via in (\"CO\") and"
          + " booking_days_before_departure between 0 and 3 and not pnr_changed = \"name\" then"
          + " severity high weight 40 because \"cash, late, through a source country\"";

  @Provide
  Arbitrary<String> mutated() {
    Arbitrary<Integer> pos = Arbitraries.integers().between(0, SEED.length());
    Arbitrary<String> insert =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(5),
            Arbitraries.of("\"", "(", ")", "and", "severity", "weight", "lane red", "\n", "99999"));
    return pos.flatMap(p -> insert.map(s -> SEED.substring(0, p) + s + SEED.substring(p)));
  }

  @Property(tries = 2000)
  void passengerRulesNeverThrowAndRefusalsSayWhere(@ForAll("mutated") String text) {
    var o = ScreeningRule.compile(text);
    if (!o.isAccepted()) {
      assertThat(o.problems()).isNotEmpty();
      assertThat(o.problems().get(0).field()).matches("line \\d+, column \\d+");
    } else {
      assertThat(List.of("low", "medium", "high", "critical"))
          .contains(new ScreeningRule(1, o.orElseThrow()).severity());
    }
  }
}
