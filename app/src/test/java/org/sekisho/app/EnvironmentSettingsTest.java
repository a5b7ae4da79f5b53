package org.sekisho.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The SEKISHO_* settings: a wrong value is refused naming the variable, never read as default. */
class EnvironmentSettingsTest {
  @Test
  void tlsTakesTrueOrFalseAndRefusesAnythingElse() {
    assertThat(Sekisho.behindTls(null)).isFalse();
    assertThat(Sekisho.behindTls(" ")).isFalse();
    assertThat(Sekisho.behindTls("TRUE")).isTrue();
    assertThat(Sekisho.behindTls("false")).isFalse();
    for (String v : new String[] {"yes", "1", "on", "ture"}) {
      assertThatThrownBy(() -> Sekisho.behindTls(v))
          .as(v)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("SEKISHO_TLS: expected true")
          .hasMessageContaining("'" + v + "'");
    }
  }

  @Test
  void trustedProxiesTakeAddressesAndRangesAndNameTheVariableOtherwise() {
    assertThat(Sekisho.trustedProxies(null).isEmpty()).isTrue();
    assertThat(Sekisho.trustedProxies("127.0.0.1, 10.0.0.0/8").client("10.2.3.4", "203.0.113.7"))
        .isEqualTo("203.0.113.7");
    assertThatThrownBy(() -> Sekisho.trustedProxies("lb.internal"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("SEKISHO_TRUSTED_PROXIES: 'lb.internal'");
  }

  @Test
  void aServersSettingsAreCheckedTogetherNamingTheFirstWrongOne() {
    Sekisho.checkServerSettings(java.util.Map.of());
    Sekisho.checkServerSettings(
        java.util.Map.of("SEKISHO_TLS", "true", "SEKISHO_TRUSTED_PROXIES", "10.0.0.0/8"));
    assertThatThrownBy(
            () ->
                Sekisho.checkServerSettings(
                    java.util.Map.of("SEKISHO_TRUSTED_PROXIES", "proxy.example")))
        .hasMessageStartingWith("SEKISHO_TRUSTED_PROXIES: 'proxy.example'");
    assertThatThrownBy(
            () -> Sekisho.checkServerSettings(java.util.Map.of("SEKISHO_ZONE", "Mars/Base")))
        .hasMessageStartingWith("SEKISHO_ZONE");
  }

  @Test
  void zoneNamesTheVariableWhenTheZoneIsUnknown() {
    assertThat(Sekisho.zone(null)).isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(Sekisho.zone(" Europe/Paris ")).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(Sekisho.zone("+09:00")).isEqualTo(ZoneId.of("+09:00"));
    assertThatThrownBy(() -> Sekisho.zone("Mars/Base"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("SEKISHO_ZONE: 'Mars/Base' is no time zone");
  }

  @Test
  void agencyNamesTheVariableWhenTheCodeIsMalformed() {
    assertThat(Sekisho.agency(null)).isEqualTo("customs-jp");
    assertThat(Sekisho.agency(" customs-kr ")).isEqualTo("customs-kr");
    assertThatThrownBy(() -> Sekisho.agency("Customs JP"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("SEKISHO_AGENCY: ");
  }
}
