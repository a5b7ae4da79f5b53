package org.sekisho.targeting.criteria.domain;

/**
 * One goods item as criteria see it. Codes normalised, description kept lower case for {@code
 * contains}; an absent number is {@link Double#NaN} (every comparison with it is false).
 */
public record ItemView(
    String hs,
    String description,
    String origin,
    double quantity,
    double netMassKg,
    double customsValue,
    String currency,
    double dutyRate) {
  public ItemView {
    hs = Normal.hs(hs);
    description = Normal.text(description);
    origin = Normal.code(origin);
    currency = Normal.code(currency);
  }

  /** Declared value per kilogram of net mass; NaN without a positive mass or a value. */
  public double valuePerKg() {
    return netMassKg > 0 ? customsValue / netMassKg : Double.NaN;
  }

  public static final ItemView NONE =
      new ItemView("", "", "", Double.NaN, Double.NaN, Double.NaN, "", Double.NaN);
}
