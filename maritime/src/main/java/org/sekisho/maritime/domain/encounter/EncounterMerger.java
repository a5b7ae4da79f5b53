package org.sekisho.maritime.domain.encounter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges raw encounters of the same two vessels (from both sides) into meetings: encounters that
 * start less than {@code minGapBetween} after the previous one ended belong to the same meeting.
 * Means are weighted by duration; medians are medians of the encounters' medians. Pure.
 */
public final class EncounterMerger {
  private final Duration minGapBetween;

  public EncounterMerger(Duration minGapBetween) {
    this.minGapBetween = minGapBetween;
  }

  /** Meetings ordered by vessel pair, then start time. */
  public List<MergedEncounter> merge(List<Encounter> raw) {
    Map<String, List<Encounter>> byPair = new LinkedHashMap<>();
    for (Encounter e : raw) {
      String a = first(e);
      String b = a.equals(e.vessel1()) ? e.vessel2() : e.vessel1();
      byPair.computeIfAbsent(a + "\u0000" + b, k -> new ArrayList<>()).add(e);
    }
    List<MergedEncounter> result = new ArrayList<>();
    List<String> pairs = new ArrayList<>(byPair.keySet());
    pairs.sort(Comparator.naturalOrder());
    for (String pair : pairs) {
      List<Encounter> list = byPair.get(pair);
      list.sort(
          Comparator.comparing(Encounter::start)
              .thenComparing(Encounter::end)
              .thenComparing(Encounter::vessel1)
              .thenComparing(Encounter::vessel2));
      String a = pair.substring(0, pair.indexOf('\u0000'));
      String b = pair.substring(pair.indexOf('\u0000') + 1);
      List<Encounter> group = new ArrayList<>();
      for (Encounter e : list) {
        if (!group.isEmpty()
            && Duration.between(group.get(group.size() - 1).end(), e.start())
                    .compareTo(minGapBetween)
                >= 0) {
          result.add(combine(a, b, group));
          group = new ArrayList<>();
        }
        group.add(e);
      }
      if (!group.isEmpty()) {
        result.add(combine(a, b, group));
      }
    }
    return result;
  }

  private static String first(Encounter e) {
    return e.vessel1().compareTo(e.vessel2()) <= 0 ? e.vessel1() : e.vessel2();
  }

  private static MergedEncounter combine(String a, String b, List<Encounter> group) {
    double total = 0;
    double lat = 0;
    double sin = 0;
    double cos = 0;
    int pointsA = 0;
    int pointsB = 0;
    double[] speeds = new double[group.size()];
    double[] distances = new double[group.size()];
    var start = group.get(0).start();
    var end = group.get(0).end();
    for (int i = 0; i < group.size(); i++) {
      Encounter e = group.get(i);
      double w = Math.max(e.duration().toSeconds(), 1);
      total += w;
      lat += w * e.meanLat();
      sin += w * Math.sin(Math.toRadians(e.meanLon()));
      cos += w * Math.cos(Math.toRadians(e.meanLon()));
      if (e.vessel1().equals(a)) {
        pointsA += e.vessel1Points();
        pointsB += e.vessel2Points();
      } else {
        pointsA += e.vessel2Points();
        pointsB += e.vessel1Points();
      }
      speeds[i] = e.medianSpeedKnots();
      distances[i] = e.medianDistanceKm();
      start = e.start().isBefore(start) ? e.start() : start;
      end = e.end().isAfter(end) ? e.end() : end;
    }
    return new MergedEncounter(
        a,
        b,
        start,
        end,
        lat / total,
        Math.toDegrees(Math.atan2(sin, cos)),
        median(distances),
        median(speeds),
        pointsA,
        pointsB);
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    java.util.Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
