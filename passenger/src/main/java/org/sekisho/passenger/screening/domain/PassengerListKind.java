package org.sekisho.passenger.screening.domain;

import java.util.Locale;
import java.util.Optional;
import org.sekisho.targeting.criteria.domain.ListKind;
import org.sekisho.targeting.criteria.domain.Normal;

/**
 * What a reference list of the PNR unit holds. Each kind is carried into the criteria language as
 * one of its own list kinds ({@link #language()}), one to one, so that the language's type check
 * ("field F takes lists of …") and matching serve passenger rules unchanged: card BINs travel as
 * the language's prefix-matched digit lists, airports as its exact-matched code lists.
 */
public enum PassengerListKind {
  /** ISO 3166-1 alpha-2 countries (alpha-3 accepted on import); fields via, nationality, … */
  COUNTRIES(ListKind.COUNTRIES),
  /** IATA airport codes; fields route, origin, destination. */
  AIRPORTS(ListKind.ADDRESSES),
  /** Payment card BINs (6 to 8 leading digits); field card_bin, matched as a prefix. */
  CARD_BINS(ListKind.HS_CODES),
  /** Phone numbers, digits only; field phone. */
  PHONES(ListKind.PHONES),
  /** IATA numbers or offices of travel agencies; field agency. */
  AGENCIES(ListKind.PARTIES),
  /** Travel document numbers, letters and digits only; field document. */
  DOCUMENTS(ListKind.DOCUMENTS);

  private final ListKind language;

  PassengerListKind(ListKind language) {
    this.language = language;
  }

  /** The criteria language's kind this kind travels as. */
  public ListKind language() {
    return language;
  }

  /** {@code card-bins}, as written in the API and messages. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<PassengerListKind> ofCode(String s) {
    String c = s == null ? "" : s.strip();
    for (PassengerListKind k : values()) {
      if (k.code().equalsIgnoreCase(c)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** Every code, for messages: {@code countries, airports, …}. */
  public static String codes() {
    StringBuilder b = new StringBuilder();
    for (PassengerListKind k : values()) {
      b.append(b.isEmpty() ? "" : ", ").append(k.code());
    }
    return b.toString();
  }

  /** An entry in its stored form, or why it is not a valid entry of this kind. */
  public Entry normalise(String raw) {
    String s = raw == null ? "" : raw.strip();
    if (s.isEmpty()) {
      return Entry.bad("empty entry");
    }
    if (s.length() > 200) {
      return Entry.bad("an entry has at most 200 characters");
    }
    return switch (this) {
      case COUNTRIES -> {
        String c = Places.country(s);
        yield c.isEmpty()
            ? Entry.bad("expected an ISO 3166-1 country code (alpha-2 or alpha-3), got '" + s + "'")
            : Entry.ok(c);
      }
      case AIRPORTS -> {
        String a = Normal.code(s);
        yield a.matches("[A-Z]{3}")
            ? Entry.ok(a)
            : Entry.bad("expected a three-letter IATA airport code, got '" + s + "'");
      }
      case CARD_BINS -> {
        String d = s.replace(" ", "").replace("-", "");
        yield d.matches("\\d{6,8}")
            ? Entry.ok(d)
            : Entry.bad("expected a card BIN of 6 to 8 digits, got '" + s + "'");
      }
      case PHONES -> {
        String p = Normal.phone(s);
        yield p.length() >= 5 && p.length() <= 20
            ? Entry.ok(p)
            : Entry.bad("expected a phone number with 5 to 20 digits, got '" + s + "'");
      }
      case AGENCIES -> Entry.ok(Normal.code(s));
      case DOCUMENTS -> {
        String d = document(s);
        yield d.isEmpty()
            ? Entry.bad("a document number needs letters or digits, got '" + s + "'")
            : Entry.ok(d);
      }
    };
  }

  /** A document number as lists and rules compare it: upper-case letters and digits only. */
  public static String document(String raw) {
    if (raw == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (char c : Normal.code(raw).toCharArray()) {
      if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * A normalised entry, or the reason it was refused.
   *
   * @param value the stored form; empty when refused
   * @param problem why it was refused; empty when valid
   */
  public record Entry(String value, String problem) {
    static Entry ok(String v) {
      return new Entry(v, "");
    }

    static Entry bad(String why) {
      return new Entry("", why);
    }

    public boolean valid() {
      return problem.isEmpty();
    }
  }
}
