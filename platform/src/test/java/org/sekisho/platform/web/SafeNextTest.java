package org.sekisho.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where the sign-in form may send the user next: this site's own pages only. */
class SafeNextTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "//evil.example/",
        "/\t/evil.example/",
        "/\n/evil.example/",
        "/\r/evil.example/",
        "\t//evil.example/",
        "/\\evil.example/",
        "/ /evil.example/",
        "/\u000b/evil.example/",
        "/\u00a0/evil.example/",
        "/\u3000/evil.example/",
        "https://evil.example/",
        "evil.example",
        "javascript:alert(1)",
        "/search?q=%zz",
        ""
      })
  void anythingABrowserCouldReadAsAnotherSiteGoesToTheStartPage(String next) {
    assertThat(PlatformRoutes.safeNext(next)).isEqualTo("/");
  }

  @Test
  void thisSitesPagesAreKeptWithTheirQuery() {
    assertThat(PlatformRoutes.safeNext("/search?q=%E6%A3%AE&from=2026-11-01"))
        .isEqualTo("/search?q=%E6%A3%AE&from=2026-11-01");
    assertThat(PlatformRoutes.safeNext("/records/12#parties")).isEqualTo("/records/12#parties");
    assertThat(PlatformRoutes.safeNext(null)).isEqualTo("/");
  }

  @Test
  void aPageWrittenWithJapaneseAsItIsIsKeptPercentEncoded() {
    // a Location header carries bytes as Latin-1: 森 sent as it is arrived as "?" or nothing
    assertThat(PlatformRoutes.safeNext("/search?q=森&country=CN"))
        .isEqualTo("/search?q=%E6%A3%AE&country=CN");
    assertThat(PlatformRoutes.safeNext("/entities/7#山田"))
        .isEqualTo("/entities/7#%E5%B1%B1%E7%94%B0");
  }
}
