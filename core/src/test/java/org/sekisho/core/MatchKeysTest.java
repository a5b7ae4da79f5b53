package org.sekisho.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MatchKeysTest {
  @Test
  void spellingsOfOneCompanyShareAKey() {
    assertThat(
            java.util.stream.Stream.of("株式会社鈴木物産", "㈱鈴木物産", "（株）鈴木物産", "(株) 鈴木物産", "鈴木物産株式会社")
                .map(MatchKeys::companyKey))
        .containsOnly("鈴木物産");
    assertThat(MatchKeys.companyKey("Orchid Foods Co., Ltd."))
        .isEqualTo(MatchKeys.companyKey("ORCHID FOODS COMPANY LIMITED"))
        .isEqualTo("ORCHID FOODS");
    // a different trader stays different
    assertThat(MatchKeys.companyKey("鈴木商事")).isNotEqualTo(MatchKeys.companyKey("鈴木物産"));
  }

  @Test
  void personsAndAddresses() {
    assertThat(MatchKeys.personKey("Mr. YAMADA Taro"))
        .isEqualTo(MatchKeys.personKey("taro yamada"));
    assertThat(MatchKeys.addressKey("〒650-0045 兵庫県神戸市中央区港島1-11-4"))
        .isEqualTo(MatchKeys.addressKey("兵庫県神戸市中央区港島1丁目11番4号"))
        .isEqualTo(MatchKeys.addressKey("兵庫県神戸市中央区港島１－１１－４"));
    assertThat(MatchKeys.addressKey("兵庫県神戸市中央区港島1-11-5"))
        .isNotEqualTo(MatchKeys.addressKey("兵庫県神戸市中央区港島1-11-4"));
  }
}
