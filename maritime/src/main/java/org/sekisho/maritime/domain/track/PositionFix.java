package org.sekisho.maritime.domain.track;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One reported position of a vessel.
 *
 * @param vesselId MMSI or another stable vessel identifier
 * @param time when the position was valid
 * @param lat latitude in degrees, or NaN when not reported
 * @param lon longitude in degrees, or NaN when not reported
 * @param receiver kind of station that picked the report up
 */
public record PositionFix(
    String vesselId, Instant time, double lat, double lon, Receiver receiver) {

  /** Kind of receiving station, as AIS data providers label it. */
  public enum Receiver {
    TERRESTRIAL,
    SATELLITE,
    DYNAMIC,
    UNKNOWN;

    /**
     * From a provider's label ("terrestrial", "satellite", "dynamic"); anything else is unknown.
     */
    public static Receiver of(String label) {
      if (label == null) {
        return UNKNOWN;
      }
      return switch (label.toLowerCase(Locale.ROOT)) {
        case "terrestrial" -> TERRESTRIAL;
        case "satellite" -> SATELLITE;
        case "dynamic" -> DYNAMIC;
        default -> UNKNOWN;
      };
    }
  }

  public PositionFix {
    Objects.requireNonNull(vesselId, "vesselId");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(receiver, "receiver");
  }

  /** A fix from an unknown kind of receiver. */
  public PositionFix(String vesselId, Instant time, double lat, double lon) {
    this(vesselId, time, lat, lon, Receiver.UNKNOWN);
  }
}
