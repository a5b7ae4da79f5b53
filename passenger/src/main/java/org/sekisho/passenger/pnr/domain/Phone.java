package org.sekisho.passenger.pnr.domain;

/**
 * A telephone number from the PNR contacts (ADD, OSI/SSR CTC free text, SSR CTCM).
 *
 * @param type contact type letter when the text gives one ({@code M} mobile, {@code H} home, {@code
 *     B} business, {@code P} phone, {@code T} travel agent), empty otherwise
 * @param number the digits of the number
 * @param text the contact text as sent
 * @param passengerReference the reference number (TIF) of the passenger whose part of the record it
 *     came in, or that its SSR names; empty when it is the booking's (it came before any passenger,
 *     or its passenger has no reference)
 */
public record Phone(String type, String number, String text, String passengerReference) {
  public Phone {
    passengerReference = passengerReference == null ? "" : passengerReference;
  }

  /** A contact of the booking as a whole. */
  public Phone(String type, String number, String text) {
    this(type, number, text, "");
  }

  /** The same number filed under the passenger with reference {@code reference}. */
  public Phone of(String reference) {
    return new Phone(type, number, text, reference);
  }
}
