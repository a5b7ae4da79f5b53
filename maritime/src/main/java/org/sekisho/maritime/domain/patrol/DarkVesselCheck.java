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

  /** Where a sighting was, or a rejection naming what is missing. */
  public static Outcome<double[]> place(Sighting s, CameraSite site) {
    if (Geo.valid(s.lat(), s.lon())) {
      return Outcome.accepted(new double[] {s.lat(), s.lon()});
    }
    if (Double.isNaN(s.bearingDeg())) {
      return Outcome.rejected(
          "sighting-no-position", "lat", "a sighting needs a position estimate or a bearing");
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
}
