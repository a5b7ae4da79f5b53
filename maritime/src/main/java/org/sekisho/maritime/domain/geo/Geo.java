package org.sekisho.maritime.domain.geo;

/** Great-circle arithmetic on a spherical Earth (radius 6371 km), the convention GFW uses. */
public final class Geo {
  /** Mean Earth radius in kilometres. */
  public static final double EARTH_RADIUS_KM = 6371.0;

  /** Kilometres in one nautical mile. */
  public static final double KM_PER_NM = 1.852;

  private Geo() {}

  /** Haversine distance in kilometres between two points given in degrees. */
  public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double s1 = Math.sin(0.5 * dLat);
    double s2 = Math.sin(0.5 * dLon);
    double h = s1 * s1 + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * s2 * s2;
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(h, 1.0)));
  }

  /** Distance in nautical miles. */
  public static double distanceNm(double lat1, double lon1, double lat2, double lon2) {
    return distanceKm(lat1, lon1, lat2, lon2) / KM_PER_NM;
  }

  /** Longitude normalised into [-180, 180). */
  public static double normalizeLon(double lon) {
    double l = ((lon + 180.0) % 360.0 + 360.0) % 360.0 - 180.0;
    return l;
  }

  /**
   * Linear interpolation between two positions, taking the short way across the antimeridian.
   *
   * @param mix 0 gives the first position, 1 the second
   * @return {lat, lon}
   */
  public static double[] interpolate(
      double lat0, double lon0, double lat1, double lon1, double mix) {
    double dLon = lon1 - lon0;
    if (dLon > 180) {
      dLon -= 360;
    } else if (dLon < -180) {
      dLon += 360;
    }
    double lon = lon0 + dLon * mix;
    if (lon < -180 || lon >= 180) {
      lon = normalizeLon(lon);
    }
    return new double[] {lat0 + (lat1 - lat0) * mix, lon};
  }

  /** True when both coordinates are present and on the globe. */
  public static boolean valid(double lat, double lon) {
    return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
  }

  /** Initial great-circle bearing from the first point to the second, degrees true 0-360. */
  public static double bearingDeg(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dl = Math.toRadians(lon2 - lon1);
    double y = Math.sin(dl) * Math.cos(p2);
    double x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
    double b = Math.toDegrees(Math.atan2(y, x));
    return (b + 360) % 360;
  }

  /** Smallest angle between two bearings, 0-180 degrees. */
  public static double angleBetween(double a, double b) {
    double d = Math.abs(((a - b) % 360 + 360) % 360);
    return d > 180 ? 360 - d : d;
  }

  /**
   * The point {@code distanceNm} from a start along the great circle leaving it on {@code
   * bearingDeg}: correct at the poles and across the antimeridian (longitude in [-180, 180)).
   *
   * @return {lat, lon}
   */
  public static double[] destination(double lat, double lon, double bearingDeg, double distanceNm) {
    double d = distanceNm * KM_PER_NM / EARTH_RADIUS_KM;
    double p1 = Math.toRadians(lat);
    double b = Math.toRadians(bearingDeg);
    double p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
    double l2 =
        Math.toRadians(lon)
            + Math.atan2(
                Math.sin(b) * Math.sin(d) * Math.cos(p1),
                Math.cos(d) - Math.sin(p1) * Math.sin(p2));
    return new double[] {Math.toDegrees(p2), normalizeLon(Math.toDegrees(l2))};
  }
}
