package org.sekisho.maritime.domain.track;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Learns where a fishing vessel usually fishes and notices when it fishes elsewhere. Fishing is
 * approximated by speed (between {@code minKnots} and {@code maxKnots}); time is counted per cell
 * of {@code cellDegrees}. Once a vessel has {@code learnFor} of fishing time, fishing for {@code
 * alertAfter} in cells that hold less than {@code minShare} of its history is an excursion,
 * reported once; fishing in a usual cell again ends it. Memory: at most {@code maxCells} counters
 * per vessel (the smallest are dropped). Not thread-safe: one instance per vessel, owned by the
 * tracker.
 */
public final class FishingGrounds {

  /** Parameters; {@link #standard()} suits trawlers and longliners alike only roughly. */
  public record Parameters(
      double minKnots,
      double maxKnots,
      double cellDegrees,
      Duration learnFor,
      double minShare,
      Duration alertAfter,
      int maxCells) {
    public static Parameters standard() {
      return new Parameters(0.5, 5.0, 0.5, Duration.ofHours(24), 0.02, Duration.ofHours(2), 256);
    }
  }

  private final Parameters p;
  private final Map<Long, Long> secondsByCell = new HashMap<>();
  private long totalSeconds;
  private long lastMs = Long.MIN_VALUE;
  private long awaySeconds;
  private boolean reported;

  public FishingGrounds(Parameters p) {
    this.p = p;
  }

  /**
   * Takes one report of the vessel (time order); returns true when this report completes an
   * excursion to unusual grounds (once per excursion).
   */
  public boolean report(long ms, double lat, double lon, double speedKnots) {
    long dt = lastMs == Long.MIN_VALUE ? 0 : Math.min((ms - lastMs) / 1000, 600);
    lastMs = ms;
    if (Double.isNaN(speedKnots) || speedKnots < p.minKnots() || speedKnots > p.maxKnots()) {
      return false;
    }
    long cell =
        ((long) Math.floor((lat + 90) / p.cellDegrees()) << 32)
            | (Math.floorMod((long) Math.floor((lon + 180) / p.cellDegrees()), 1L << 32));
    boolean learned = totalSeconds >= p.learnFor().toSeconds();
    boolean unusual = learned && secondsByCell.getOrDefault(cell, 0L) < p.minShare() * totalSeconds;
    boolean alert = false;
    if (unusual) {
      awaySeconds += dt;
      if (!reported && awaySeconds >= p.alertAfter().toSeconds()) {
        reported = true;
        alert = true;
      }
    } else {
      awaySeconds = 0;
      reported = false;
      secondsByCell.merge(cell, dt, Long::sum);
      totalSeconds += dt;
      if (secondsByCell.size() > p.maxCells()) {
        dropSmallest();
      }
    }
    return alert;
  }

  private void dropSmallest() {
    Long smallest = null;
    long min = Long.MAX_VALUE;
    for (Iterator<Map.Entry<Long, Long>> it = secondsByCell.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Long, Long> e = it.next();
      if (e.getValue() < min) {
        min = e.getValue();
        smallest = e.getKey();
      }
    }
    if (smallest != null) {
      totalSeconds -= secondsByCell.remove(smallest);
    }
  }

  /** Fishing time learned so far. */
  public Duration learned() {
    return Duration.ofSeconds(totalSeconds);
  }
}
