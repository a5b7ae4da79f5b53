package org.sekisho.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CodesTest {

  @Test
  void hsCodeRestoresTheLeadingZeroThatSpreadsheetsDrop() {
    assertThat(HsCode.parse("hs", "90121").orElseThrow().digits()).isEqualTo("090121");
    assertThat(HsCode.parse("hs", "0901.21").orElseThrow().chapter()).isEqualTo("09");
  }

  @Test
  void hsCodeRejectionNamesFieldAndExpectedForm() {
    Outcome<HsCode> o = HsCode.parse("items[2].hs", "ABC");
    assertThat(o.isAccepted()).isFalse();
    assertThat(o.problems().get(0).field()).isEqualTo("items[2].hs");
    assertThat(o.problems().get(0).message()).contains("digits").contains("ABC");
  }

  @Test
  void countryAcceptsIsoCodesOnly() {
    assertThat(Country.parse("origin", " jp ").orElseThrow().code()).isEqualTo("JP");
    assertThat(Country.parse("origin", "ZZ").isAccepted()).isFalse();
    assertThat(Country.parse("origin", null).isAccepted()).isFalse();
  }

  @Test
  void whereAFieldAllowsItZzStandsForAnUnknownCountry() {
    Country unknown = Country.parseOrUnknown("origin", "zz").orElseThrow();
    assertThat(unknown.code()).isEqualTo(Country.UNKNOWN);
    assertThat(unknown.displayName(java.util.Locale.ENGLISH)).isEqualTo("Unknown Region");
    assertThat(Country.parseOrUnknown("origin", "CN").orElseThrow().code()).isEqualTo("CN");
    assertThat(Country.parseOrUnknown("origin", "XX").problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("origin");
              assertThat(p.message()).contains("ZZ: unknown").contains("'XX'");
            });
    // a port is never in an unknown country
    assertThat(UnLocode.parse("port", "ZZABC").isAccepted()).isFalse();
  }

  @Test
  void unLocodeNeedsAKnownCountryAndThreeCharacters() {
    assertThat(UnLocode.parse("port", "JP TYO").orElseThrow().country().code()).isEqualTo("JP");
    assertThat(UnLocode.parse("port", "QQTYO").isAccepted()).isFalse();
    assertThat(UnLocode.parse("port", "JPT1O").isAccepted()).isFalse();
  }

  @Test
  void moneyRefusesNegativeAmountsAndUnknownCurrencies() {
    assertThat(Money.parse("value", "12.50", "JPY").orElseThrow().toString())
        .isEqualTo("12.50 JPY");
    assertThat(Money.parse("value", "-1", "JPY").isAccepted()).isFalse();
    assertThat(Money.parse("value", "1", "XXQ").isAccepted()).isFalse();
    assertThat(Money.parse("value", "one", "JPY").problems().get(0).code())
        .isEqualTo("invalid-amount");
  }
}
