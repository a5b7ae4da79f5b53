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
  /**
   * Phone numbers, stored in their international form {@code +CC NSN} ({@link Normal#phone}); one
   * written without its country code is read as Japanese.
   */
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
        if (Normal.nationalNumber(p).length() < 5) {
          yield Entry.bad(
              "expected a phone number with at least 5 digits, got '" + s + "'", "entry-phone", s);
        }
        String international = international(s, p);
        yield international.isEmpty()
            ? Entry.bad(
                "expected a phone number that reads as an international number, such as +81 3"
                    + " 3094 7412 (one written without its country code is read as Japanese), got"
                    + " '"
                    + s
                    + "'",
                "entry-phone-international",
                s)
            : Entry.ok(international);
      }
    };
  }

  /** The country whose numbers a phone entry written without its country code is read in. */
  public static final int HOME_CALLING_CODE = 81;

  /**
   * A phone key ({@link Normal#phone}) in its international form: as it is when written with its
   * country code ({@code +} or {@code 00}), read as a Japanese number ({@link #HOME_CALLING_CODE},
   * as the intelligence database reads such numbers) when written nationally; empty when it reads
   * as no international number that normalises to itself ({@code +1 010…}, kept as digits).
   */
  static String international(String written, String key) {
    String w = java.text.Normalizer.normalize(written, java.text.Normalizer.Form.NFKC).strip();
    // as Normal.phone tells them: a + or 00 before the digits says the country code follows
    boolean national = !key.startsWith("+") && !w.startsWith("+") && !Normal.hs(w).startsWith("00");
    String e = national ? "+" + HOME_CALLING_CODE + " " + key : key;
    return e.startsWith("+") && Normal.phone(e).equals(e) ? e : "";
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
