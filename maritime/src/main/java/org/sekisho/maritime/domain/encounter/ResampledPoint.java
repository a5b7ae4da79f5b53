package org.sekisho.maritime.domain.encounter;

/**
 * A vessel's position interpolated onto the fixed time grid that encounter detection compares
 * vessels on.
 *
 * @param vesselId MMSI or segment id
 * @param epochMilli grid time (a multiple of the resampling increment since the epoch)
 * @param lat latitude in degrees
 * @param lon longitude in degrees
 * @param speedKnots interpolated speed over ground, NaN when not reported
 * @param pointDensity how much real data backs this point: increment / max(bracket, increment),
 *     rounded to 2 decimals (1 when the vessel reported at least once per increment)
 */
public record ResampledPoint(
    String vesselId,
    long epochMilli,
    double lat,
    double lon,
    double speedKnots,
    double pointDensity) {}
