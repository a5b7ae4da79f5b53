package org.sekisho.maritime.domain.patrol;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.sekisho.core.Outcome;
import org.sekisho.maritime.domain.geo.Geo;

/**
 * Decides whether a camera sighting is explained by AIS: a vessel is "dark" when no AIS position
 * lies within {@code maxDistanceNm} of the sighting and {@code maxTimeApart} of its time. A
 * sighting with only a bearing is placed on that bearing at half the camera's range.
 */
public final class DarkVesselCheck {
  /** What the check found. */
  public sealed interface Result {
    /** Where the sighting was placed. */
    double lat();

    double lon();
  }

  /** An AIS vessel explains the sighting. */
  public record Explained(double lat, double lon, AisContact nearest, double distanceNm)
      implements Result {}

  /** Nothing on AIS near the sighting. */
  public record Dark(double lat, double lon) implements Result {}

  private final double maxDistanceNm;
  private final Duration maxTimeApart;

  public DarkVesselCheck(double maxDistanceNm, Duration maxTimeApart) {
    this.maxDistanceNm = maxDistanceNm;
    this.maxTimeApart = maxTimeApart;
  }

  public Duration maxTimeApart() {
    return maxTimeApart;
  }

  public double maxDistanceNm() {
    return maxDistanceNm;
  }

  /**
   * How far beyond its stated range and sector a camera operator's estimate may lie (range and
   * bearing are judged by eye): 10% of the range plus 0.5 nm, and 5 degrees.
   */
  static final double RANGE_SLACK = 1.1;

  static final double RANGE_SLACK_NM = 0.5;
  static final double SECTOR_SLACK_DEG = 5;

  /**
   * Where a sighting was, or a rejection naming what is missing or impossible: a position outside
   * what the camera can see (beyond its range, or outside its field of view) names {@code lat}, a
   * bearing outside its field of view names {@code bearingDeg}.
   */
  public static Outcome<double[]> place(Sighting s, CameraSite site) {
    if (Geo.valid(s.lat(), s.lon())) {
      double nm = Geo.distanceNm(site.lat(), site.lon(), s.lat(), s.lon());
      double reach = site.rangeNm() * RANGE_SLACK + RANGE_SLACK_NM;
      if (nm > reach) {
        return Outcome.rejected(
            "sighting-out-of-view",
            "lat",
            String.format(
                java.util.Locale.ROOT,
                "position is %.1f nm from camera %s, which sees %.1f nm: expected a position"
                    + " within its range",
                nm,
                site.id(),
                site.rangeNm()));
      }
      // a position on the camera itself has no bearing to check
      if (nm > RANGE_SLACK_NM
          && !inSector(site, Geo.bearingDeg(site.lat(), site.lon(), s.lat(), s.lon()))) {
        return Outcome.rejected(
            "sighting-out-of-view",
            "lat",
            "position lies outside camera "
                + site.id()
                + "'s field of view ("
                + sector(site)
                + "): expected a position it can see");
      }
      return Outcome.accepted(new double[] {s.lat(), s.lon()});
    }
    if (Double.isNaN(s.bearingDeg())) {
      return Outcome.rejected(
          "sighting-no-position", "lat", "a sighting needs a position estimate or a bearing");
    }
    if (!inSector(site, s.bearingDeg())) {
      return Outcome.rejected(
          "sighting-out-of-view",
          "bearingDeg",
          "bearing "
              + s.bearingDeg()
              + " lies outside camera "
              + site.id()
              + "'s field of view ("
              + sector(site)
              + ")");
    }
    double distDeg = site.rangeNm() / 2 / 60.0;
    double rad = Math.toRadians(s.bearingDeg());
    double lat = site.lat() + Math.cos(rad) * distDeg;
    double lon = site.lon() + Math.sin(rad) * distDeg / Math.cos(Math.toRadians(site.lat()));
    return Outcome.accepted(new double[] {lat, Geo.normalizeLon(lon)});
  }

  /** Checks a placed sighting against the AIS contacts around it (any order). */
  public Result check(Sighting s, double lat, double lon, List<AisContact> contacts) {
    Optional<AisContact> best = Optional.empty();
    double bestNm = Double.POSITIVE_INFINITY;
    for (AisContact c : contacts) {
      if (Duration.between(c.time(), s.time()).abs().compareTo(maxTimeApart) > 0) {
        continue;
      }
      double d = Geo.distanceNm(lat, lon, c.lat(), c.lon());
      if (d <= maxDistanceNm && d < bestNm) {
        bestNm = d;
        best = Optional.of(c);
      }
    }
    if (best.isEmpty()) {
      return new Dark(lat, lon);
    }
    return new Explained(lat, lon, best.get(), Math.round(1000 * bestNm) / 1000.0);
  }

  private static boolean inSector(CameraSite site, double bearing) {
    return site.fovDeg() >= 360
        || Geo.angleBetween(site.bearingDeg(), bearing) <= site.fovDeg() / 2 + SECTOR_SLACK_DEG;
  }

  private static String sector(CameraSite site) {
    return String.format(
        java.util.Locale.ROOT,
        "bearing %.0f ± %.0f degrees, %.1f nm",
        site.bearingDeg(),
        site.fovDeg() / 2,
        site.rangeNm());
  }
}
