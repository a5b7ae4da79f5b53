package org.sekisho.intel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A phone number written without its country code is read in the party's country, else in the
 * country of the office that handled the record, and only then kept as its digits.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PhoneKeysTest {
  @Test
  void aJapaneseMobileOfAHungarianPartyAtAJapaneseOfficeIsReadAsJapanese() {
    // Hungary's trunk prefix is 06: 090-… is no Hungarian number
    assertThat(Normalize.phoneKey("090-7777-1515", "HU", "JP")).isEqualTo("+819077771515");
    assertThat(QueryKeys.of("+81 90 7777 1515").keys())
        .singleElement()
        .satisfies(k -> assertThat(k.key()).isEqualTo("+819077771515"));
  }

  @Test
  void aNumberValidInThePartysCountryKeepsThatReading() {
    assertThat(Normalize.phoneKey("06 1 234 5678", "HU", "JP")).isEqualTo("+3612345678");
    assertThat(Normalize.phoneKey("(03) 3094-7412", "JP", "JP")).isEqualTo("+81330947412");
    assertThat(Normalize.phoneKey("+36 1 234 5678", "JP", "JP")).isEqualTo("+3612345678");
    // the party's country, not the office's, when both could read it
    assertThat(Normalize.phoneKey("020 7946 0018", "GB", "JP")).isEqualTo("+442079460018");
  }

  @Test
  void zeroZeroAndTheCountryCodeIsTheInternationalNumber() {
    // as dialled from Europe; Japan's own international prefix is 010
    assertThat(Normalize.phoneKey("0081330947412", "JP")).isEqualTo("+81330947412");
    assertThat(Normalize.phoneKey("0081-3-3094-7412", "DE", "JP")).isEqualTo("+81330947412");
    assertThat(Normalize.phoneKey("010 81 3 3094 7412", "JP")).isEqualTo("+81330947412");
    assertThat(QueryKeys.of("0081330947412").keys())
        .singleElement()
        .satisfies(k -> assertThat(k.key()).isEqualTo("+81330947412"));
    // a national number that is valid stays national
    assertThat(Normalize.phoneKey("03-3094-7412", "JP")).isEqualTo("+81330947412");
  }

  @Test
  void withoutAnOfficeCountryOrWhereNeitherReadsItTheDigitsAreKeptAsBefore() {
    assertThat(Normalize.phoneKey("090-7777-1515", "HU")).isEqualTo("09077771515");
    assertThat(Normalize.phoneKey("090-7777-1515", "HU", "")).isEqualTo("09077771515");
    assertThat(Normalize.phoneKey("12", "HU", "JP")).isEqualTo("12");
  }

  @Test
  void anOfficesCountryIsItsFirstTwoLettersWhenTheyAreACountry() {
    assertThat(EntityExtraction.officeCountry("JPTYO")).isEqualTo("JP");
    assertThat(EntityExtraction.officeCountry("hubud")).isEqualTo("HU");
    for (String none : List.of("", "J", "QQ123", "12345")) {
      assertThat(EntityExtraction.officeCountry(none)).as(none).isEmpty();
    }
  }
}
