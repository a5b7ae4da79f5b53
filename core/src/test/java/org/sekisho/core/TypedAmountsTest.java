package org.sekisho.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypedAmountsTest {
  @Test
  void amountsAsTypedWithAJapaneseInputMethodOrAKeyboardAreThePlainNumber() {
    assertThat(TypedAmounts.plain("１２，５００円")).isEqualTo("12500");
    assertThat(TypedAmounts.plain("￥１２５００")).isEqualTo("12500");
    assertThat(TypedAmounts.plain("¥ 12,500")).isEqualTo("12500");
    assertThat(TypedAmounts.plain("\\12,500")).isEqualTo("12500");
    assertThat(TypedAmounts.plain("12,500 JPY")).isEqualTo("12500");
    assertThat(TypedAmounts.plain("12,500.50 jpy")).isEqualTo("12500.50");
    assertThat(TypedAmounts.plain("１２５００．５０")).isEqualTo("12500.50");
    assertThat(TypedAmounts.plain("1,234,567")).isEqualTo("1234567");
    assertThat(TypedAmounts.plain(" 3000円 ")).isEqualTo("3000");
  }

  @Test
  void commasOutOfPlaceAreLeftForTheCallerToRefuseAndOnlyACurrencyIsNoAmount() {
    assertThat(TypedAmounts.plain("12,50")).isEqualTo("12,50");
    assertThat(TypedAmounts.plain("1,2,3")).isEqualTo("1,2,3");
    assertThat(TypedAmounts.plain("12,5000")).isEqualTo("12,5000");
    assertThat(TypedAmounts.plain("円")).isNull();
    assertThat(TypedAmounts.plain("¥")).isNull();
    assertThat(TypedAmounts.plain("")).isEmpty();
    assertThat(TypedAmounts.plain(null)).isEmpty();
    assertThat(TypedAmounts.plain("abc")).isEqualTo("abc");
  }
}
