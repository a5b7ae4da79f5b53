package org.sekisho.core;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** An amount in an ISO 4217 currency. */
public record Money(BigDecimal amount, Currency currency) {
  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
  }

  public static Money of(String amount, String currency) {
    return new Money(new BigDecimal(amount), Currency.getInstance(currency));
  }

  public static Outcome<Money> parse(String field, String amount, String currency) {
    BigDecimal a;
    try {
      a = new BigDecimal(amount.strip());
    } catch (NumberFormatException | NullPointerException e) {
      return Outcome.rejected(
          "invalid-amount",
          field,
          "expected a decimal number such as 1234.50, got '" + amount + "'");
    }
    if (a.signum() < 0) {
      return Outcome.rejected("invalid-amount", field, "amount must not be negative: " + amount);
    }
    Currency c;
    try {
      c = Currency.getInstance(currency == null ? "" : currency.strip());
    } catch (IllegalArgumentException e) {
      return Outcome.rejected(
          "invalid-currency", field, "expected an ISO 4217 currency code, got '" + currency + "'");
    }
    return Outcome.accepted(new Money(a, c));
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }
}
