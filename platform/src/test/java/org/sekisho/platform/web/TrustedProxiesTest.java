package org.sekisho.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
  private final TrustedProxies proxies = TrustedProxies.parse("127.0.0.1, 10.0.0.0/8, fd00::/8");

  @Test
  void aClientBehindATrustedProxyIsTheAddressTheProxyNames() {
    assertThat(proxies.client("127.0.0.1", "203.0.113.7")).isEqualTo("203.0.113.7");
    // two proxies of ours: the right-most address not ours is the client
    assertThat(proxies.client("10.1.2.3", "203.0.113.7, 10.9.9.9")).isEqualTo("203.0.113.7");
    assertThat(proxies.client("fd12::1", "2001:db8::5")).isEqualTo("2001:db8::5");
  }

  @Test
  void aClientCannotChooseItsOwnAddress() {
    // written by the client itself, left of what our proxy appended
    assertThat(proxies.client("127.0.0.1", "198.51.100.1, 203.0.113.7")).isEqualTo("203.0.113.7");
    // sent straight to the server, not through a proxy we trust: the header is not read
    assertThat(proxies.client("203.0.113.7", "127.0.0.1")).isEqualTo("203.0.113.7");
    assertThat(TrustedProxies.NONE.client("127.0.0.1", "203.0.113.7")).isEqualTo("127.0.0.1");
    // garbage in the header: the last address vouched for
    assertThat(proxies.client("127.0.0.1", "evil.example, 203.0.113.7")).isEqualTo("203.0.113.7");
    assertThat(proxies.client("127.0.0.1", "not-an-address")).isEqualTo("127.0.0.1");
    assertThat(proxies.client("127.0.0.1", null)).isEqualTo("127.0.0.1");
  }

  @Test
  void rangesMatchTheirLeadingBitsOnly() {
    TrustedProxies p = TrustedProxies.parse("192.168.4.0/22");
    assertThat(p.client("192.168.7.255", "203.0.113.7")).isEqualTo("203.0.113.7");
    assertThat(p.client("192.168.8.0", "203.0.113.7")).isEqualTo("192.168.8.0");
    assertThat(TrustedProxies.parse("0.0.0.0/0").client("8.8.8.8", "203.0.113.7"))
        .isEqualTo("203.0.113.7");
    assertThat(TrustedProxies.parse("").isEmpty()).isTrue();
    assertThat(TrustedProxies.parse(null).isEmpty()).isTrue();
  }

  @Test
  void anEntryThatIsNoAddressIsRefusedNamingIt() {
    assertThatThrownBy(() -> TrustedProxies.parse("127.0.0.1, proxy.internal"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SEKISHO_TRUSTED_PROXIES")
        .hasMessageContaining("'proxy.internal'")
        .hasMessageContaining("names are not taken");
    assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33"))
        .hasMessageContaining("at most /32");
    assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/x")).hasMessageContaining("bits");
    assertThatThrownBy(() -> TrustedProxies.parse("300.1.1.1")).hasMessageContaining("'300.1.1.1'");
  }
}
