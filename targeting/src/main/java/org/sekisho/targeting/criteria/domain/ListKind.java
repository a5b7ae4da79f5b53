package org.sekisho.targeting.criteria.domain;

import java.util.Locale;
import java.util.Optional;
import org.sekisho.core.Country;
import org.sekisho.core.Problem;

/**
 * What a reference list holds. The kind decides how entries are normalised and checked, and which
 * fields a criterion may test against the list.
 */
public enum ListKind {
  /** Trader ids or party names. */
  PARTIES,
  /** ISO 3166-1 alpha-2 codes. */
  COUNTRIES,
  /** HS codes or prefixes (2–10 digits); a code is on the list when it starts with an entry. */
  HS_CODES,
  /** Bills of lading, air waybills and other transport-document numbers. */
  DOCUMENTS,
  /** Addresses as written. */
  ADDRESSES,
  /** Phone numbers (compared digits only). */
  PHONES;

  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<ListKind> ofCode(String s) {
    for (ListKind k : values()) {
      if (k.code().equalsIgnoreCase(s == null ? "" : s.strip())) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** The entry in its normal form, or a refusal saying why it is not a valid entry of this kind. */
  public Entry normalise(String raw) {
    String s = raw == null ? "" : raw.strip();
    if (s.isEmpty()) {
      return Entry.bad("empty entry", "entry-empty");
    }
    return switch (this) {
      case PARTIES, DOCUMENTS, ADDRESSES -> Entry.ok(Normal.code(s));
      case COUNTRIES -> {
        String c = Normal.code(s);
        yield Country.isValidOrUnknown(c)
            ? Entry.ok(c)
            : Entry.bad(
                "expected an ISO 3166-1 alpha-2 country code (ZZ: unknown), got '" + s + "'",
                "entry-country",
                s);
      }
      case HS_CODES -> {
        // full-width digits (０９０２) are the same code: NFKC folds them
        String h =
            java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC)
                .replace(".", "")
                .replace(" ", "");
        yield h.matches("\\d{2,10}")
            ? Entry.ok(h)
            : Entry.bad(
                "expected an HS code or prefix of 2 to 10 digits, got '" + s + "'", "entry-hs", s);
      }
      case PHONES -> {
        String p = Normal.phone(s);
        yield Normal.nationalNumber(p).length() >= 5
            ? Entry.ok(p)
            : Entry.bad(
                "expected a phone number with at least 5 digits, got '" + s + "'",
                "entry-phone",
                s);
      }
    };
  }

  /**
   * A normalised entry, or the reason it was refused: an {@code invalid-entry} problem, worded, its
   * field left to the caller (a form's value, a file's line) to name with {@link Problem#at}.
   */
  public record Entry(String value, Optional<Problem> refusal) {
    static Entry ok(String v) {
      return new Entry(v, Optional.empty());
    }

    static Entry bad(String why, String key, Object... args) {
      return new Entry("", Optional.of(Problem.of("invalid-entry", "", why).worded(key, args)));
    }

    public boolean valid() {
      return refusal.isEmpty();
    }
  }
}
