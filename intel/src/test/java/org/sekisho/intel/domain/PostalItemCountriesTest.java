package org.sekisho.intel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A postal item without originCountry still concerns its sender's and addressee's countries (a
 * country=CN search finds an item sent from China), and its title leaves out what it does not say.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PostalItemCountriesTest {
  private static Party party(String name, String country) {
    return new Party("person", name, "", "", "", "", country, "", "");
  }

  private static PostalItem item(
      String origin,
      String destination,
      String senderCountry,
      String addresseeCountry,
      String what) {
    return new PostalItem(
        "RR900000019JP",
        Instant.EPOCH,
        "",
        party("Li Wei", senderCountry),
        party("Taro Yamada", addresseeCountry),
        what,
        "",
        null,
        "",
        null,
        origin,
        destination,
        "");
  }

  @Test
  void theSendersTheAddresseesAndTheDestinationCountriesAreAmongTheItemsCountries() {
    assertThat(item("", "", "CN", "JP", "tea").countries()).containsExactly("CN", "JP");
    assertThat(item("VN", "", "CN", "JP", "tea").countries()).containsExactly("VN", "CN", "JP");
    // the destination too: an item sent to JP is found by country=JP
    assertThat(item("CN", "JP", "CN", "", "tea").countries()).containsExactly("CN", "JP");
    assertThat(item("JP", "US", "JP", "", "tea").countries()).containsExactly("JP", "US");
    assertThat(item("", "US", "JP", "GB", "tea").countries()).containsExactly("JP", "US", "GB");
    assertThat(item("", "", "", "", "tea").countries()).isEmpty();
  }

  @Test
  void aTitleLeavesNoDanglingSeparatorForWhatTheItemDoesNotSay() {
    assertThat(item("CN", "JP", "", "", "tea").title())
        .isEqualTo("Postal item RR900000019JP · CN → JP · tea");
    // no originCountry: the sender's country says where it comes from (an arrow, no word to
    // translate)
    assertThat(item("", "", "CN", "JP", "tea").title())
        .isEqualTo("Postal item RR900000019JP · CN → JP · tea");
    assertThat(item("", "", "CN", "", "tea").title())
        .isEqualTo("Postal item RR900000019JP · CN → · tea");
    assertThat(item("", "JP", "", "", "").title()).isEqualTo("Postal item RR900000019JP · → JP");
    assertThat(item("", "", "", "", "tea").title()).isEqualTo("Postal item RR900000019JP · tea");
    assertThat(item("", "", "", "", "").title()).isEqualTo("Postal item RR900000019JP");
  }
}
