package org.sekisho.intel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlightKeyTest {
  @Test
  void aFlightNumberIsKeyedWithoutSpacesOrLeadingZerosAndAShipsNameIsNone() {
    assertThat(EntityExtraction.flightKey("FX680")).isEqualTo("FX680");
    assertThat(EntityExtraction.flightKey("jl 0621")).isEqualTo("JL621");
    assertThat(EntityExtraction.flightKey("ＮＨ１０Ａ")).isEqualTo("NH10A");
    assertThat(EntityExtraction.flightKey("9W0123")).isEqualTo("9W123");
    for (String notAFlight :
        new String[] {"CMA CGM HARMONY", "EVER GIVEN", "12345", "", "MSC 123"}) {
      assertThat(EntityExtraction.flightKey(notAFlight)).as(notAFlight).isEmpty();
    }
  }
}
