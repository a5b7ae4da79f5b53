package org.sekisho.passenger.pnr.domain;

/**
 * An e-mail address from CTCE contact text (OSI, or the SSR CTCE), decoded from the airline form
 * ({@code //} for {@code @}, {@code ..} for {@code _}, {@code ./} for {@code -}).
 *
 * @param address decoded address
 * @param text the contact text as sent
 * @param passengerReference the reference number (TIF) of the passenger whose part of the record it
 *     came in, or that its SSR names; empty when it is the booking's
 */
public record Email(String address, String text, String passengerReference) {
  public Email {
    passengerReference = passengerReference == null ? "" : passengerReference;
  }

  /** A contact of the booking as a whole. */
  public Email(String address, String text) {
    this(address, text, "");
  }

  /** The same address filed under the passenger with reference {@code reference}. */
  public Email of(String reference) {
    return new Email(address, text, reference);
  }
}
