package org.sekisho.intel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OfficeNamesTest {
  @Test
  void aPlaceTypedInKanjiOrRomajiWithOrWithoutItsOfficeIsItsLocode() {
    assertThat(OfficeNames.locode("東京")).hasValue("JPTYO");
    assertThat(OfficeNames.locode("東京税関")).hasValue("JPTYO");
    assertThat(OfficeNames.locode("成田空港")).hasValue("JPNRT");
    assertThat(OfficeNames.locode("横浜港")).hasValue("JPYOK");
    assertThat(OfficeNames.locode("門司税関支署")).hasValue("JPMOJ");
    assertThat(OfficeNames.locode(" tokyo ")).hasValue("JPTYO");
    assertThat(OfficeNames.locode("Ｏｓａｋａ Customs")).hasValue("JPOSA");
    assertThat(OfficeNames.locode("Kansai Airport")).hasValue("JPKIX");
  }

  @Test
  void aTextNamingNoKnownPlaceIsNone() {
    assertThat(OfficeNames.locode("JPTYO")).isEmpty();
    assertThat(OfficeNames.locode("税関")).isEmpty();
    assertThat(OfficeNames.locode("京")).isEmpty();
    assertThat(OfficeNames.locode("")).isEmpty();
    assertThat(OfficeNames.locode(null)).isEmpty();
  }
}
