package org.sekisho.maritime.domain.patrol;

import java.util.ArrayList;
import java.util.List;
import org.sekisho.maritime.domain.geo.Geo;

/**
 * The waters the administration watches: within {@link #WATCH_RADIUS_NM} of each camera site and of
 * each patrol boat on duty. The feed's freshness is judged, and the picture drawn, on these waters
 * alone: one report from a vessel an ocean away says nothing about whether the receivers covering
 * the watched coast still work. With no camera and no boat, every water is watched.
 *
 * @param circles the watched circles; empty: everywhere
 */
public record WatchedArea(List<Circle> circles) {
  /**
   * How far out from a camera or a boat on station the watch reaches: what a boat at 20 kn covers
   * in three hours, and the receivers along the coast hear (so a bay's port, 43 nm up from a camera
   * at its mouth, is watched).
   */
  public static final double WATCH_RADIUS_NM = 60;

  /**
   * How far a coastal AIS receiver hears a vessel (VHF line of sight from a mast to a ship's
   * antenna, about 20 to 40 nm): a report from within this of a camera shows the feed covering the
   * camera is up.
   */
  public static final double RECEIVER_RANGE_NM = 40;

  /** A watched circle around a camera or a boat. */
  public record Circle(double lat, double lon, double radiusNm) {
    /** Whether the position lies within the circle (great-circle distance). */
    public boolean contains(double lat, double lon) {
      return Geo.valid(lat, lon) && Geo.distanceNm(this.lat, this.lon, lat, lon) <= radiusNm;
    }
  }

  public WatchedArea {
    circles = List.copyOf(circles);
  }

  /** Every water: no camera or boat says where the watch is kept. */
  public static final WatchedArea EVERYWHERE = new WatchedArea(List.of());

  /** The waters around these cameras and boats on duty ({@link #EVERYWHERE} for none of either). */
  public static WatchedArea of(List<CameraSite> sites, List<PatrolBoat> boats) {
    List<Circle> c = new ArrayList<>();
    for (CameraSite s : sites) {
      c.add(new Circle(s.lat(), s.lon(), WATCH_RADIUS_NM));
    }
    for (PatrolBoat b : boats) {
      if (Geo.valid(b.lat(), b.lon())) {
        c.add(new Circle(b.lat(), b.lon(), WATCH_RADIUS_NM));
      }
    }
    return new WatchedArea(c);
  }

  /**
   * The waters the feed covering a camera hears: {@link #RECEIVER_RANGE_NM} around it, or its own
   * reach when farther.
   */
  public static Circle around(CameraSite site) {
    return new Circle(
        site.lat(), site.lon(), Math.max(RECEIVER_RANGE_NM, DarkVesselCheck.reachNm(site)));
  }

  /** Whether no camera or boat narrows the watch. */
  public boolean everywhere() {
    return circles.isEmpty();
  }

  /** Whether a position is watched: within any circle, or anywhere when every water is. */
  public boolean contains(double lat, double lon) {
    if (everywhere()) {
      return true;
    }
    for (Circle c : circles) {
      if (c.contains(lat, lon)) {
        return true;
      }
    }
    return false;
  }
}
