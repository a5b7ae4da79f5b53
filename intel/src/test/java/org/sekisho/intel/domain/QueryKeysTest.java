package org.sekisho.intel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class QueryKeysTest {
  @Test
  void aPhoneNumberWrittenAnyWayGivesTheKeyItsEntityHas() {
    String key = Normalize.phoneKey("03-3094-7412", "JP");
    for (String q : List.of("03-3094-7412", "+81 3 3094 7412", "(03) 3094-7412", "０３－３０９４－７４１２")) {
      QueryKeys.Split s = QueryKeys.of(q);
      assertThat(s.keys()).as(q).singleElement().satisfies(k -> assertThat(k.key()).isEqualTo(key));
      assertThat(s.keys().get(0).type()).isEqualTo("phone");
      assertThat(s.rest()).as(q).isEmpty();
    }
    QueryKeys.Split mixed = QueryKeys.of("Mori 03-3094-7412 heroin");
    assertThat(mixed.keys()).extracting(QueryKeys.KeyTerm::key).containsExactly(key);
    assertThat(mixed.rest()).isEqualTo("Mori   heroin");
  }

  @Test
  void aContainerNumberWithOrWithoutSpacesGivesItsIsoKey() {
    for (String q : List.of("CSQU3054383", "csqu 305438 3", "CSQU-305438-3")) {
      assertThat(QueryKeys.of(q).keys())
          .as(q)
          .singleElement()
          .satisfies(
              k -> {
                assertThat(k.type()).isEqualTo("container");
                assertThat(k.key()).isEqualTo("CSQU3054383");
                assertThat(k.joined()).isEqualTo("csqu3054383");
              });
    }
    // a wrong check digit is no container number
    assertThat(QueryKeys.of("CSQU3054384").keys()).isEmpty();
  }

  @Test
  void idsNamesAndShortNumbersAreNoPhoneNumbers() {
    for (String q :
        List.of(
            "B7-123456",
            "JP1001234",
            "97061800",
            "2026-11-27",
            "1234567890",
            "Mori Shoji",
            "森商事",
            "03) 3094 (7412")) {
      QueryKeys.Split s = QueryKeys.of(q);
      assertThat(s.keys()).as(q).isEmpty();
      assertThat(s.rest()).isEqualTo(q);
    }
  }
}
