package org.sekisho.intel.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class FiguresTest {
  @Test
  void wholePartsAreGroupedInThousandsAndFractionsKeptWhole() {
    assertThat(Figures.grouped(new BigDecimal("29690464"))).isEqualTo("29,690,464");
    assertThat(Figures.grouped(new BigDecimal("534564"))).isEqualTo("534,564");
    assertThat(Figures.grouped(new BigDecimal("999"))).isEqualTo("999");
    assertThat(Figures.grouped(new BigDecimal("1000"))).isEqualTo("1,000");
    assertThat(Figures.grouped(new BigDecimal("12500.12345"))).isEqualTo("12,500.12345");
    assertThat(Figures.grouped(new BigDecimal("-1234567.5"))).isEqualTo("-1,234,567.5");
    assertThat(Figures.grouped(new BigDecimal("1E-7"))).isEqualTo("0.0000001");
    assertThat(Figures.grouped(new BigDecimal("1.5E+6"))).isEqualTo("1,500,000");
  }

  @Property
  void withoutItsCommasTheFigureIsThePlainNumber(
      @ForAll long unscaled, @ForAll @IntRange(min = -12, max = 12) int scale) {
    BigDecimal n = new BigDecimal(BigInteger.valueOf(unscaled), scale);
    String shown = Figures.grouped(n);
    assertThat(shown.replace(",", "")).isEqualTo(n.toPlainString());
    // a comma only ever stands between two digits of the whole part, every three from the right
    String whole = shown.split("\\.")[0].replace("-", "");
    assertThat(whole).matches("\\d{1,3}(,\\d{3})*");
  }
}
