package org.sekisho.maritime.domain.patrol;

/**
 * A coastal camera: where it stands and what it sees.
 *
 * @param bearingDeg centre of the field of view, degrees true
 * @param fovDeg width of the field of view in degrees
 * @param rangeNm how far it can make out a vessel, nautical miles
 */
public record CameraSite(
    String id,
    String name,
    double lat,
    double lon,
    double bearingDeg,
    double fovDeg,
    double rangeNm) {}
