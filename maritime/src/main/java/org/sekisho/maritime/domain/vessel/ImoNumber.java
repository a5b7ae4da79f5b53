package org.sekisho.maritime.domain.vessel;

/** IMO ship identification numbers: seven digits, the last a check digit. */
public final class ImoNumber {
  private ImoNumber() {}

  /** True for a seven-digit number whose check digit is right (weights 7 to 2, modulo 10). */
  public static boolean valid(int imo) {
    if (imo < 1_000_000 || imo > 9_999_999) {
      return false;
    }
    int sum = 0;
    int rest = imo / 10;
    for (int weight = 2; weight <= 7; weight++) {
      sum += (rest % 10) * weight;
      rest /= 10;
    }
    return sum % 10 == imo % 10;
  }

  /** The valid IMO number with six leading digits {@code base} (100000 to 999999). */
  public static int withCheckDigit(int base) {
    int sum = 0;
    int rest = base;
    for (int weight = 2; weight <= 7; weight++) {
      sum += (rest % 10) * weight;
      rest /= 10;
    }
    return base * 10 + sum % 10;
  }
}
