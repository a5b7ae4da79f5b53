package org.sekisho.passenger.pnr.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads telephone numbers and e-mail addresses out of airline contact text: CTC elements of OSI
 * free text, and the free text of the contact SSRs CTCE and CTCM.
 */
final class Contacts {
  private static final Pattern CTC =
      Pattern.compile("^(?:[A-Z0-9]{2,3}\\s+)?(?:[A-Z]{3}\\s+)?CTC\\s?([A-Z])\\s*(.*)$");
  private static final Pattern DIGITS = Pattern.compile("\\+?\\d(?:[\\d \\-./()]*\\d)?");
  // the language of notification a contact SSR may end with: /EN (after a single slash)
  private static final Pattern LANGUAGE = Pattern.compile("(?<=[^/])/[A-Za-z]{2}$");

  private Contacts() {}

  /** A contact found in a text: exactly one of phone or email is present. */
  record Found(Optional<Phone> phone, Optional<Email> email) {}

  /** The contact in {@code text} when it is a CTC element; empty otherwise. */
  static Optional<Found> fromCtc(String text) {
    String t = text.strip().toUpperCase(Locale.ROOT);
    Matcher m = CTC.matcher(t);
    if (!m.matches()) {
      return Optional.empty();
    }
    String type = m.group(1);
    String rest = m.group(2).strip();
    if (type.equals("E")) {
      return Optional.of(
          new Found(Optional.empty(), Optional.of(new Email(decodeEmail(rest), text.strip()))));
    }
    return phone(type, rest, text.strip())
        .map(p -> new Found(Optional.of(p), Optional.<Email>empty()));
  }

  /**
   * The contact an SSR CTCE (e-mail) or CTCM (mobile phone) carries in its free text, as IATA
   * Resolution 830d has passengers' contacts sent: {@code ADA..LOVE//EXAMPLE.COM/EN} or {@code
   * 447123456789/EN}, a language of notification after the last single slash being left out. Empty
   * for other codes, and for text holding no address ({@code //}) or number.
   */
  static Optional<Found> fromContactSsr(String code, String text) {
    String t = text.strip();
    if (t.startsWith("/") && !t.startsWith("//")) {
      t = t.substring(1);
    }
    t = LANGUAGE.matcher(t).replaceFirst("");
    if (code.equals("CTCE")) {
      String address = decodeEmail(t);
      return address.contains("@") && address.indexOf('@') > 0 && !address.endsWith("@")
          ? Optional.of(new Found(Optional.empty(), Optional.of(new Email(address, text.strip()))))
          : Optional.empty();
    }
    if (code.equals("CTCM")) {
      return phone("M", t, text.strip()).map(p -> new Found(Optional.of(p), Optional.empty()));
    }
    return Optional.empty();
  }

  /** A phone number in free text (e.g. the telephone of an ADD); empty when no digits. */
  static Optional<Phone> phoneIn(String text) {
    Optional<Found> ctc = fromCtc(text);
    if (ctc.isPresent()) {
      return ctc.get().phone();
    }
    return phone("", text.strip(), text.strip());
  }

  private static Optional<Phone> phone(String type, String rest, String text) {
    Matcher d = DIGITS.matcher(rest);
    if (!d.find()) {
      return Optional.empty();
    }
    String digits = d.group().replaceAll("[^0-9]", "");
    if (digits.length() < 4) {
      return Optional.empty();
    }
    return Optional.of(new Phone(type, digits, text));
  }

  /** {@code MOLLY..LOBB//GMAIL.COM} to {@code MOLLY_LOBB@GMAIL.COM}. */
  static String decodeEmail(String s) {
    String t = s.strip();
    int space = t.indexOf(' ');
    if (space > 0) {
      t = t.substring(0, space);
    }
    return t.replace("//", "@").replace("./", "-").replace("..", "_");
  }
}
