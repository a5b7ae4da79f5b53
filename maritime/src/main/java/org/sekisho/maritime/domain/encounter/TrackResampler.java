package org.sekisho.maritime.domain.encounter;

import java.time.Duration;
import java.util.function.Consumer;
import org.sekisho.maritime.domain.geo.Geo;

/**
 * Interpolates one vessel's reports onto a grid aligned with midnight UTC, incrementally: each new
 * report yields the grid points between it and the previous one. Brackets of {@code maxGap} or more
 * are not interpolated across, and neither is midnight UTC (each UTC day is resampled on its own,
 * so daily and long runs agree). No extrapolation. Reports out of time order, or repeating the
 * previous time, are ignored.
 *
 * <p>Not thread-safe; one {@link Track} per vessel, owned by the caller.
 */
public final class TrackResampler {
  private static final long DAY_MS = 86_400_000L;

  private final long incrementMs;
  private final long maxGapMs;

  public TrackResampler(Duration increment, Duration maxGap) {
    if (increment.isNegative() || increment.isZero()) {
      throw new IllegalArgumentException("increment must be positive");
    }
    this.incrementMs = increment.toMillis();
    this.maxGapMs = maxGap.toMillis();
  }

  /** The resampling state of one vessel: its previous report. */
  public static final class Track {
    private final String vesselId;
    private long lastMs = Long.MIN_VALUE;
    private double lat;
    private double lon;
    private double speed;
    private boolean firstOfDay;

    public Track(String vesselId) {
      this.vesselId = vesselId;
    }

    public String vesselId() {
      return vesselId;
    }

    /** Time of the last report taken, or {@link Long#MIN_VALUE} before the first. */
    public long lastEpochMilli() {
      return lastMs;
    }
  }

  public long incrementMillis() {
    return incrementMs;
  }

  public long maxGapMillis() {
    return maxGapMs;
  }

  /**
   * Takes one report and hands every grid point it completes to {@code out}, in time order.
   *
   * @return false when the report was ignored (out of order, duplicate time or no position)
   */
  public boolean add(
      Track t,
      long epochMilli,
      double lat,
      double lon,
      double speedKnots,
      Consumer<ResampledPoint> out) {
    if (!Geo.valid(lat, lon) || epochMilli <= t.lastMs) {
      return false;
    }
    if (t.lastMs == Long.MIN_VALUE
        || Math.floorDiv(epochMilli, DAY_MS) != Math.floorDiv(t.lastMs, DAY_MS)) {
      remember(t, epochMilli, lat, lon, speedKnots, true);
      return true;
    }
    long dt = epochMilli - t.lastMs;
    if (dt < maxGapMs) {
      long first =
          t.firstOfDay
              ? Math.ceilDiv(t.lastMs, incrementMs) * incrementMs
              : (Math.floorDiv(t.lastMs, incrementMs) + 1) * incrementMs;
      long last = Math.floorDiv(epochMilli, incrementMs) * incrementMs;
      double density = Math.round(100.0 * incrementMs / Math.max(dt, incrementMs)) / 100.0;
      for (long g = first; g <= last; g += incrementMs) {
        double mix = (double) (g - t.lastMs) / dt;
        double[] p = Geo.interpolate(t.lat, t.lon, lat, lon, mix);
        double speed = speedKnots * mix + t.speed * (1 - mix);
        out.accept(new ResampledPoint(t.vesselId, g, p[0], p[1], speed, density));
      }
    }
    remember(t, epochMilli, lat, lon, speedKnots, false);
    return true;
  }

  /**
   * Takes up a report taken before (by a tracker that has since stopped) as this track's previous
   * one, yielding no grid point: those up to it were yielded then. The next report is interpolated
   * from it as from any previous report. Ignored, returning false, as {@link #add} ignores it.
   */
  public boolean resume(Track t, long epochMilli, double lat, double lon, double speedKnots) {
    if (!Geo.valid(lat, lon) || epochMilli <= t.lastMs) {
      return false;
    }
    // not the day's first: a grid point at its very time was yielded with the bracket it ended
    remember(t, epochMilli, lat, lon, speedKnots, false);
    return true;
  }

  private static void remember(
      Track t, long ms, double lat, double lon, double speed, boolean firstOfDay) {
    t.lastMs = ms;
    t.lat = lat;
    t.lon = lon;
    t.speed = speed;
    t.firstOfDay = firstOfDay;
  }
}
