package org.sekisho.passenger.pnr.domain;

/**
 * One difference between two versions of a booking.
 *
 * @param kind what changed
 * @param added true when {@code value} appeared, false when it disappeared
 * @param value the value, as in {@link BookingFacts}
 */
public record BookingChange(Kind kind, boolean added, String value) {
  /** The aspects of a booking whose changes are tracked. */
  public enum Kind {
    NAME,
    SEAT,
    PAYMENT,
    ITINERARY
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT)
        + (added ? " added: " : " removed: ")
        + value;
  }
}
