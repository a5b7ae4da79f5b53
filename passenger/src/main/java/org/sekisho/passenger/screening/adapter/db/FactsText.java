package org.sekisho.passenger.screening.adapter.db;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.sekisho.passenger.screening.domain.PassengerFacts;

/**
 * {@link PassengerFacts} as stored text: one {@code name=value} per line, lists separated by {@code
 * |}, with {@code \}, line breaks and {@code |} escaped. Reads what it writes; a missing line reads
 * as empty.
 */
final class FactsText {
  private FactsText() {}

  static String write(PassengerFacts f) {
    StringBuilder b = new StringBuilder();
    put(b, "key", f.key());
    put(b, "source", f.source());
    put(b, "booking", f.booking());
    put(b, "version", String.valueOf(f.version()));
    put(b, "surname", f.surname());
    put(b, "given", f.givenName());
    put(b, "dob", f.dateOfBirth() == null ? "" : f.dateOfBirth().toString());
    put(b, "nationality", f.nationality());
    put(b, "document", f.documentNumber());
    put(b, "documentCountry", f.documentCountry());
    put(b, "gender", f.gender());
    put(b, "departure", f.departureDate() == null ? "" : f.departureDate().toString());
    put(b, "daysBefore", num(f.bookingDaysBeforeDeparture()));
    putRaw(b, "payments", join(f.payments()));
    put(b, "oneWay", String.valueOf(f.oneWay()));
    putRaw(b, "route", join(f.route()));
    put(b, "origin", f.origin());
    put(b, "destination", f.destination());
    put(b, "bags", String.valueOf(f.bags()));
    put(b, "bagKg", num(f.bagWeightKg()));
    put(b, "alone", String.valueOf(f.travellingAlone()));
    putRaw(b, "changed", join(List.copyOf(f.changed())));
    put(b, "agency", f.agency());
    put(b, "seat", f.seat());
    put(b, "class", f.bookingClass());
    putRaw(b, "companions", join(f.companions()));
    putRaw(b, "phones", join(f.phones()));
    putRaw(b, "cardBins", join(f.cardBins()));
    put(b, "previousName", f.previousName());
    return b.toString();
  }

  static PassengerFacts read(String text) {
    Map<String, String> m = new HashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        m.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return new PassengerFacts(
        one(m, "key"),
        one(m, "source"),
        one(m, "booking"),
        intOf(one(m, "version")),
        one(m, "surname"),
        one(m, "given"),
        date(one(m, "dob")),
        one(m, "nationality"),
        one(m, "document"),
        one(m, "documentCountry"),
        one(m, "gender"),
        date(one(m, "departure")),
        dbl(one(m, "daysBefore")),
        many(m, "payments"),
        Boolean.parseBoolean(one(m, "oneWay")),
        many(m, "route"),
        one(m, "origin"),
        one(m, "destination"),
        intOf(one(m, "bags")),
        dbl(one(m, "bagKg")),
        Boolean.parseBoolean(one(m, "alone")),
        new LinkedHashSet<>(many(m, "changed")),
        one(m, "agency"),
        one(m, "seat"),
        one(m, "class"),
        many(m, "companions"),
        many(m, "phones"),
        many(m, "cardBins"),
        one(m, "previousName"));
  }

  private static void put(StringBuilder b, String name, String value) {
    putRaw(b, name, value == null ? "" : escape(value));
  }

  private static void putRaw(StringBuilder b, String name, String escaped) {
    b.append(name).append('=').append(escaped).append('\n');
  }

  private static String join(List<String> values) {
    List<String> esc = new ArrayList<>();
    for (String v : values) {
      esc.add(escape(v));
    }
    return String.join("|", esc);
  }

  private static String one(Map<String, String> m, String name) {
    String raw = m.getOrDefault(name, "");
    return unescape(raw);
  }

  private static List<String> many(Map<String, String> m, String name) {
    String raw = m.getOrDefault(name, "");
    if (raw.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length()) {
        cur.append(c).append(raw.charAt(++i));
      } else if (c == '|') {
        out.add(unescape(cur.toString()));
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(unescape(cur.toString()));
    return out;
  }

  /** Escapes a list element: backslash, line breaks and the separator. */
  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("|", "\\p");
  }

  private static String unescape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        b.append(
            switch (n) {
              case 'n' -> '\n';
              case 'r' -> '\r';
              case 'p' -> '|';
              default -> n;
            });
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static String num(double d) {
    return Double.isNaN(d) ? "" : String.valueOf(d);
  }

  private static double dbl(String s) {
    try {
      return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static int intOf(String s) {
    try {
      return s.isEmpty() ? 0 : Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static LocalDate date(String s) {
    try {
      return s.isEmpty() ? null : LocalDate.parse(s);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }
}
