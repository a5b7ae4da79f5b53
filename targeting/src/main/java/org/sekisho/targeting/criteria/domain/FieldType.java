package org.sekisho.targeting.criteria.domain;

/** The types of the criteria language. */
public enum FieldType {
  /** An exact code or identifier: country, HS code, office, party. Compared ignoring case. */
  CODE,
  /** Free text: matched with {@code contains}. */
  TEXT,
  /** A decimal number. */
  NUMBER;

  public String title() {
    return switch (this) {
      case CODE -> "code";
      case TEXT -> "text";
      case NUMBER -> "number";
    };
  }
}
