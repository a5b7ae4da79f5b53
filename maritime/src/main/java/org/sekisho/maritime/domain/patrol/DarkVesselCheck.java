package org.sekisho.maritime.domain.patrol;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.maritime.domain.geo.Geo;

/**
 * Decides whether a camera sighting is explained by AIS. A sighting with a position is explained by
 * an AIS position within {@code maxDistanceNm} of it and {@code maxTimeApart} of its time. A
 * sighting with only a bearing says nothing about how far out the vessel was: it is explained by
 * any AIS position (within {@code maxTimeApart}) in the wedge along that bearing, {@link
 * #BEARING_TOLERANCE_DEG} either side (or within {@code maxDistanceNm} of the line of sight), out
 * to the camera's range; it is shown on the map at half the camera's range along the bearing (a
 * great-circle destination). A vessel is "dark" only when nothing explains it.
 */
public final class DarkVesselCheck {
  /** What the check found. */
  public sealed interface Result {
    /** Where the sighting was placed. */
    double lat();

    double lon();
  }

  /**
   * An AIS vessel explains the sighting.
   *
   * @param distanceNm how far the AIS position lies from the sighting's position, or, for a
   *     sighting with only a bearing, from its line of sight
   */
  public record Explained(double lat, double lon, AisContact nearest, double distanceNm)
      implements Result {}

  /** Nothing on AIS near the sighting. */
  public record Dark(double lat, double lon) implements Result {}

  /**
   * Not checked: no AIS report at all was received from the camera's waters ({@link
   * WatchedArea#around}) around the sighting's time, so the feed covering the camera was down and
   * silence on AIS says nothing about this vessel (a report from an ocean away does not count).
   *
   * @param lastReport the newest AIS report received from the camera's waters before the sighting,
   *     or null for none ever
   */
  public record NotChecked(double lat, double lon, java.time.Instant lastReport)
      implements Result {}

  /**
   * How far either side of a reported bearing a vessel may lie and still be the one seen: bearings
   * are taken by eye from the camera's picture.
   */
  public static final double BEARING_TOLERANCE_DEG = 10;

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
            Problem.of(
                    "sighting-out-of-view",
                    "lat",
                    String.format(
                        java.util.Locale.ROOT,
                        "position is %.1f nm from camera %s, which sees %.1f nm: expected a"
                            + " position within its range",
                        nm,
                        site.id(),
                        site.rangeNm()))
                .worded("range", oneDecimal(nm), site.id(), oneDecimal(site.rangeNm())));
      }
      // a position on the camera itself has no bearing to check
      if (nm > RANGE_SLACK_NM
          && !inSector(site, Geo.bearingDeg(site.lat(), site.lon(), s.lat(), s.lon()))) {
        return Outcome.rejected(
            Problem.of(
                    "sighting-out-of-view",
                    "lat",
                    "position lies outside camera "
                        + site.id()
                        + "'s field of view ("
                        + sector(site)
                        + "): expected a position it can see")
                .worded(
                    "sector",
                    site.id(),
                    sectorArgs(site)[0],
                    sectorArgs(site)[1],
                    sectorArgs(site)[2]));
      }
      return Outcome.accepted(new double[] {s.lat(), s.lon()});
    }
    if (Double.isNaN(s.bearingDeg())) {
      return Outcome.rejected(
          Problem.of(
                  "sighting-no-position",
                  "lat",
                  "a sighting needs a position estimate or a bearing")
              .worded("none"));
    }
    if (!inSector(site, s.bearingDeg())) {
      return Outcome.rejected(
          Problem.of(
                  "sighting-out-of-view",
                  "bearingDeg",
                  "bearing "
                      + s.bearingDeg()
                      + " lies outside camera "
                      + site.id()
                      + "'s field of view ("
                      + sector(site)
                      + ")")
              .worded(
                  "bearing",
                  degrees(s.bearingDeg()),
                  site.id(),
                  sectorArgs(site)[0],
                  sectorArgs(site)[1],
                  sectorArgs(site)[2]));
    }
    // only where it is drawn: the check looks along the whole bearing
    return Outcome.accepted(
        Geo.destination(site.lat(), site.lon(), s.bearingDeg(), site.rangeNm() / 2));
  }

  /** How far from the camera a sighting may lie: its range, plus the operator's slack. */
  public static double reachNm(CameraSite site) {
    return site.rangeNm() * RANGE_SLACK + RANGE_SLACK_NM;
  }

  /**
   * Checks a sighting placed by {@link #place} against the AIS contacts around it (any order): a
   * sighting with a position against that point, a bearing-only one against the wedge along its
   * bearing from {@code site}.
   */
  public Result check(Sighting s, CameraSite site, double lat, double lon, List<AisContact> c) {
    if (Geo.valid(s.lat(), s.lon()) || Double.isNaN(s.bearingDeg())) {
      return check(s, lat, lon, c);
    }
    Optional<AisContact> best = Optional.empty();
    double bestNm = Double.POSITIVE_INFINITY;
    double reach = reachNm(site);
    for (AisContact a : c) {
      if (Duration.between(a.time(), s.time()).abs().compareTo(maxTimeApart) > 0) {
        continue;
      }
      double d = Geo.distanceNm(site.lat(), site.lon(), a.lat(), a.lon());
      if (d > reach) {
        continue;
      }
      double off;
      if (d <= maxDistanceNm) {
        off = d; // at the camera: every bearing passes near it
      } else {
        double angle =
            Geo.angleBetween(
                Geo.bearingDeg(site.lat(), site.lon(), a.lat(), a.lon()), s.bearingDeg());
        if (angle >= 90) {
          continue; // behind the camera
        }
        // how far off the line of sight it lies
        off = d * Math.sin(Math.toRadians(angle));
        if (angle > BEARING_TOLERANCE_DEG && off > maxDistanceNm) {
          continue;
        }
      }
      if (off < bestNm) {
        bestNm = off;
        best = Optional.of(a);
      }
    }
    if (best.isEmpty()) {
      return new Dark(lat, lon);
    }
    return new Explained(lat, lon, best.get(), Math.round(1000 * bestNm) / 1000.0);
  }

  /** Checks a sighting placed at a point against the AIS contacts around it (any order). */
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

  /** A camera's sector as its wording quotes it: centre bearing, half width, range (nm). */
  private static String[] sectorArgs(CameraSite site) {
    return new String[] {
      degrees(site.bearingDeg()), degrees(site.fovDeg() / 2), oneDecimal(site.rangeNm())
    };
  }

  /** Whole degrees as typed: 10, not 10.0; 12.5 stays 12.5. */
  private static String degrees(double d) {
    return d == Math.rint(d)
        ? String.valueOf((long) d)
        : String.format(java.util.Locale.ROOT, "%.1f", d);
  }

  private static String oneDecimal(double d) {
    return String.format(java.util.Locale.ROOT, "%.1f", d);
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
