package org.sekisho.maritime.domain.encounter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.sekisho.maritime.domain.geo.Geo;

/**
 * Finds encounters between vessels, incrementally, on resampled positions (the method of Global
 * Fishing Watch's encounters pipeline). For every grid time, each vessel's neighbours within {@code
 * maxAdjacencyKm} are found (nearest first, at most {@code maxTrackedNeighbours}); a vessel and a
 * neighbour closer than the area's limit form a run that lasts while every grid point of the vessel
 * has that neighbour within the limit. A run of at least two points that lasts the area's minimum
 * duration, at no more than its median speed, is an {@link Encounter} from that vessel's side.
 *
 * <p>Grid points may arrive out of order up to {@code lagMillis} (the resampler's maximum gap); a
 * grid time is evaluated once the watermark passed by {@link #advanceTo} is {@code lagMillis}
 * beyond it, and points for grid times already evaluated are ignored. Memory: the pending grid
 * times plus one small aggregate per open run. Not thread-safe.
 */
public final class EncounterDetector {
  private static final double KM_PER_DEGREE = Geo.EARTH_RADIUS_KM * Math.PI / 180.0;
  private static final int MAX_SAMPLES = 4096;

  private final EncounterRules rules;
  private final double maxAdjacencyKm;
  private final int maxTracked;
  private final long lagMillis;
  private final Consumer<Encounter> out;
  private final double cellDeg;
  private final int lonCells;
  private final TreeMap<Long, List<ResampledPoint>> slots = new TreeMap<>();
  private final Map<String, Map<String, Run>> open = new HashMap<>();
  private long evaluatedThrough = Long.MIN_VALUE;
  private long pointsEvaluated;

  /**
   * @param rules limits per area
   * @param maxAdjacencyKm radius searched for neighbours (GFW: 1 km); must be at least every area's
   *     encounter distance
   * @param maxTrackedNeighbours how many nearest neighbours are considered per point (GFW: 100)
   * @param lagMillis how late a grid point may arrive (the resampler's maximum gap)
   * @param out receives encounters as their runs end
   */
  public EncounterDetector(
      EncounterRules rules,
      double maxAdjacencyKm,
      int maxTrackedNeighbours,
      long lagMillis,
      Consumer<Encounter> out) {
    this.rules = rules;
    this.maxAdjacencyKm = maxAdjacencyKm;
    this.maxTracked = maxTrackedNeighbours;
    this.lagMillis = lagMillis;
    this.out = out;
    this.cellDeg = Math.max(maxAdjacencyKm, 0.001) / KM_PER_DEGREE;
    this.lonCells = (int) Math.ceil(360.0 / cellDeg);
  }

  /** Takes one grid point; false when its grid time was already evaluated (too late). */
  public boolean add(ResampledPoint p) {
    if (p.epochMilli() <= evaluatedThrough) {
      return false;
    }
    slots.computeIfAbsent(p.epochMilli(), k -> new ArrayList<>()).add(p);
    return true;
  }

  /** Evaluates every grid time at least {@code lagMillis} older than {@code watermarkMilli}. */
  public void advanceTo(long watermarkMilli) {
    while (!slots.isEmpty() && slots.firstKey() + lagMillis <= watermarkMilli) {
      Map.Entry<Long, List<ResampledPoint>> e = slots.pollFirstEntry();
      evaluate(e.getKey(), e.getValue());
    }
  }

  /** Evaluates everything pending and ends every open run (end of input). */
  public void flush() {
    advanceTo(Long.MAX_VALUE);
    for (Map<String, Run> runs : open.values()) {
      for (Run r : runs.values()) {
        r.emit();
      }
    }
    open.clear();
  }

  /** Grid points evaluated so far. */
  public long pointsEvaluated() {
    return pointsEvaluated;
  }

  /** Number of runs currently open (vessel pairs together right now, from either side). */
  public int openRuns() {
    int n = 0;
    for (Map<String, Run> m : open.values()) {
      n += m.size();
    }
    return n;
  }

  private void evaluate(long time, List<ResampledPoint> points) {
    evaluatedThrough = Math.max(evaluatedThrough, time);
    int n = points.size();
    pointsEvaluated += n;
    HashMap<Long, int[]> cells = new HashMap<>();
    for (int i = 0; i < n; i++) {
      ResampledPoint p = points.get(i);
      long key = cellKey(latCell(p.lat()), lonCell(p.lon()));
      int[] list = cells.get(key);
      if (list == null) {
        list = new int[] {0, 0, 0, 0, 0};
        cells.put(key, list);
      } else if (list[0] + 1 == list.length) {
        list = Arrays.copyOf(list, list.length * 2);
        cells.put(key, list);
      }
      list[++list[0]] = i;
    }
    List<Neighbour> near = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ResampledPoint p = points.get(i);
      near.clear();
      int latC = latCell(p.lat());
      int lonC = lonCell(p.lon());
      double bandLat = Math.min(89.9, Math.abs(p.lat()) + 2 * cellDeg);
      int k = (int) Math.min(lonCells / 2, Math.ceil(1.0 / Math.cos(Math.toRadians(bandLat))));
      for (int dLat = -1; dLat <= 1; dLat++) {
        for (int dLon = -k; dLon <= k; dLon++) {
          int[] list = cells.get(cellKey(latC + dLat, Math.floorMod(lonC + dLon, lonCells)));
          if (list == null) {
            continue;
          }
          for (int c = 1; c <= list[0]; c++) {
            int j = list[c];
            if (j == i) {
              continue;
            }
            ResampledPoint q = points.get(j);
            double d = Geo.distanceKm(p.lat(), p.lon(), q.lat(), q.lon());
            if (d <= maxAdjacencyKm && !q.vesselId().equals(p.vesselId())) {
              near.add(new Neighbour(q, d));
            }
          }
        }
      }
      update(p, near);
    }
  }

  private void update(ResampledPoint p, List<Neighbour> near) {
    Map<String, Run> runs = open.get(p.vesselId());
    if (near.isEmpty() && runs == null) {
      return;
    }
    near.sort(
        (a, b) -> {
          int c = Double.compare(a.distanceKm, b.distanceKm);
          return c != 0 ? c : a.point.vesselId().compareTo(b.point.vesselId());
        });
    Optional<EncounterRules.Limits> limits = rules.at(p.lat(), p.lon());
    int considered = Math.min(near.size(), maxTracked);
    List<String> active = new ArrayList<>(considered);
    if (limits.isPresent()) {
      for (int i = 0; i < considered; i++) {
        Neighbour nb = near.get(i);
        if (nb.distanceKm <= limits.get().maxDistanceKm()) {
          if (runs == null) {
            runs = new HashMap<>();
            open.put(p.vesselId(), runs);
          }
          String other = nb.point.vesselId();
          Run r = runs.get(other);
          if (r == null) {
            r = new Run(p.vesselId(), other, limits.get());
            runs.put(other, r);
          }
          r.append(p, nb.point, nb.distanceKm);
          active.add(other);
        }
      }
    }
    if (runs != null) {
      for (Iterator<Map.Entry<String, Run>> it = runs.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<String, Run> e = it.next();
        if (!active.contains(e.getKey())) {
          e.getValue().emit();
          it.remove();
        }
      }
      if (runs.isEmpty()) {
        open.remove(p.vesselId());
      }
    }
  }

  private int latCell(double lat) {
    return (int) Math.floor((lat + 90.0) / cellDeg);
  }

  private int lonCell(double lon) {
    return Math.floorMod((int) Math.floor((lon + 180.0) / cellDeg), lonCells);
  }

  private static long cellKey(int latCell, int lonCell) {
    return ((long) latCell << 32) ^ (lonCell & 0xffffffffL);
  }

  private record Neighbour(ResampledPoint point, double distanceKm) {}

  /** Aggregates of one open run: enough for the encounter's figures, bounded in size. */
  private final class Run {
    final String vessel1;
    final String vessel2;
    final EncounterRules.Limits limits;
    int count;
    long startMs;
    long endMs;
    double startLat;
    double startLon;
    double endLat;
    double endLon;
    double sumLat;
    double sumCos;
    double sumSin;
    double density1;
    double density2;
    double[] distances = new double[8];
    double[] speeds = new double[8];
    int speedCount;

    Run(String vessel1, String vessel2, EncounterRules.Limits limits) {
      this.vessel1 = vessel1;
      this.vessel2 = vessel2;
      this.limits = limits;
    }

    void append(ResampledPoint p, ResampledPoint q, double distanceKm) {
      if (count == 0) {
        startMs = p.epochMilli();
        startLat = p.lat();
        startLon = p.lon();
      } else if (speedCount < MAX_SAMPLES) {
        double seconds = (p.epochMilli() - endMs) / 1000.0;
        double mps = 1000 * Geo.distanceKm(endLat, endLon, p.lat(), p.lon()) / seconds;
        if (speedCount == speeds.length) {
          speeds = Arrays.copyOf(speeds, speeds.length * 2);
        }
        speeds[speedCount++] = mps;
      }
      if (count < MAX_SAMPLES) {
        if (count == distances.length) {
          distances = Arrays.copyOf(distances, distances.length * 2);
        }
        distances[count] = distanceKm;
      }
      count++;
      endMs = p.epochMilli();
      endLat = p.lat();
      endLon = p.lon();
      sumLat += p.lat();
      sumCos += Math.cos(Math.toRadians(p.lon()));
      sumSin += Math.sin(Math.toRadians(p.lon()));
      density1 += p.pointDensity();
      density2 += q.pointDensity();
    }

    void emit() {
      if (count < 2 || endMs - startMs < limits.minDuration().toMillis()) {
        return;
      }
      double medianSpeedKnots = median(speeds, speedCount) * 1.94384;
      if (medianSpeedKnots > limits.maxMedianSpeedKnots()) {
        return;
      }
      out.accept(
          new Encounter(
              vessel1,
              vessel2,
              Instant.ofEpochMilli(startMs),
              Instant.ofEpochMilli(endMs),
              sumLat / count,
              Math.toDegrees(Math.atan2(sumSin / count, sumCos / count)),
              median(distances, Math.min(count, MAX_SAMPLES)),
              medianSpeedKnots,
              (int) Math.rint(density1),
              (int) Math.rint(density2),
              startLat,
              startLon,
              endLat,
              endLon));
    }
  }

  private static double median(double[] values, int n) {
    double[] s = Arrays.copyOf(values, n);
    Arrays.sort(s);
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
