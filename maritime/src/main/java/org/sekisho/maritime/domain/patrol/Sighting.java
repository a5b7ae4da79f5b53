package org.sekisho.maritime.domain.patrol;

import java.time.Instant;

/**
 * A vessel seen by a camera.
 *
 * @param lat estimated latitude, NaN when only a bearing is known
 * @param lon estimated longitude, NaN when only a bearing is known
 * @param bearingDeg bearing from the camera, NaN when not given
 * @param sizeM estimated length in metres, NaN when unknown
 * @param vesselType estimated type ("fishing", "cargo", "small craft"...), or null
 * @param imageRef reference to the image in the camera system, or null
 */
public record Sighting(
    String siteId,
    Instant time,
    double lat,
    double lon,
    double bearingDeg,
    double sizeM,
    String vesselType,
    String imageRef) {}
