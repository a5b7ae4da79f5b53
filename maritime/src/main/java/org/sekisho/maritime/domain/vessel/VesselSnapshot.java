package org.sekisho.maritime.domain.vessel;

import java.time.Instant;

/**
 * What is known about a vessel at one moment: identity and static data merged from AIS types 5, 19
 * and 24, flag from the MMSI, and its last position.
 *
 * @param name vessel name, or null when not yet received
 * @param imo IMO number, or 0 when unknown
 * @param callSign call sign, or null
 * @param shipType AIS ship and cargo type (30 = fishing), or 0 when unknown
 * @param flag ISO 3166-1 alpha-2 from the MMSI's MID, or null
 * @param lastSeen time of the last position, or null
 * @param speedKnots speed over ground, NaN when not available
 * @param course course over ground in degrees, NaN when not available
 */
public record VesselSnapshot(
    int mmsi,
    String name,
    int imo,
    String callSign,
    int shipType,
    String destination,
    String flag,
    Instant lastSeen,
    double lat,
    double lon,
    double speedKnots,
    double course,
    int navStatus) {

  /** AIS ship type 30 is fishing. */
  public boolean fishing() {
    return shipType == 30;
  }

  /** Ship type known and not fishing. */
  public boolean knownNonFishing() {
    return shipType != 0 && shipType != 30;
  }
}
