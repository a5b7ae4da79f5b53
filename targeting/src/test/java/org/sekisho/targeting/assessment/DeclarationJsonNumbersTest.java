package org.sekisho.targeting.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.sekisho.core.Outcome;
import org.sekisho.targeting.assessment.adapter.json.DeclarationJson;
import org.sekisho.targeting.criteria.domain.DeclarationView;

/**
 * Item numbers are read as the intelligence database writes them, so that every declaration it
 * stored can be assessed: the Korea Customs file holds values such as 241.58000000000004.
 */
class DeclarationJsonNumbersTest {
  private final DeclarationJson json = new DeclarationJson();

  private Outcome<DeclarationView> withValue(String customsValue) {
    return json.parse(
        "declaration",
        "{\"declarationId\":\"D1\",\"date\":\"2026-11-27\",\"office\":\"JPTYO\","
            + "\"importer\":{\"name\":\"Sakura\",\"id\":\"JP1\"},\"items\":[{\"hsCode\":\"090121\","
            + "\"origin\":\"TH\",\"netMassKg\":\"120.5\",\"customsValue\":"
            + customsValue
            + "}]}");
  }

  @Test
  void floatArtefactsAndScientificNotationAreRead() {
    assertThat(withValue("\"241.58000000000004\"").orElseThrow().items().get(0).customsValue())
        .isEqualTo(241.58000000000004);
    assertThat(withValue("2359189.8000000003").orElseThrow().items().get(0).customsValue())
        .isEqualTo(2359189.8000000003);
    assertThat(withValue("\"1.5E+7\"").orElseThrow().items().get(0).customsValue())
        .isEqualTo(1.5e7);
  }

  @Test
  void negativeMalformedAndHugeNumbersAreRefusedByName() {
    assertThat(withValue("\"-1\"").problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("items[0].customsValue");
              assertThat(p.message()).contains("non-negative decimal").contains("'-1'");
            });
    assertThat(withValue("\"12,5\"").problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("'12,5'"));
    assertThat(withValue("\"1e400\"").problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("below 10^15"));
  }

  @Property(tries = 500)
  void everyNonNegativeValueJavaWritesIsReadBackExactly(
      @ForAll @DoubleRange(min = 0, max = 9e14) double value) {
    for (String written :
        new String[] {
          Double.toString(value), BigDecimal.valueOf(value).toString(), new BigDecimal(value) + ""
        }) {
      assertThat(withValue("\"" + written + "\"").orElseThrow().items().get(0).customsValue())
          .as(written)
          .isEqualTo(value);
    }
  }
}
