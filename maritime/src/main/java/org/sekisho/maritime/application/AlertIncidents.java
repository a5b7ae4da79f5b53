package org.sekisho.maritime.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sekisho.maritime.domain.geo.Geo;

/**
 * Groups related alerts into incidents: one meeting at sea raises an encounter (or, when a fishing
 * vessel met one that is not fishing, a fishing meeting instead) and loitering for both vessels,
 * and an officer handles it once. Two alerts are related when they name a vessel in common, their
 * times overlap (within {@link #SLACK}) and their places lie within {@link #NEAR_NM} (or one has no
 * place); relation is transitive. Pure: the same ranked alerts give the same incidents in the same
 * order.
 */
public final class AlertIncidents {
  /** Alerts this far apart in time still belong together (a loitering run starts a little late). */
  public static final Duration SLACK = Duration.ofMinutes(30);

  /** Alerts this far apart at sea still belong together (nautical miles). */
  public static final double NEAR_NM = 5.0;

  /**
   * One incident: its parts in rank order, the first (the most urgent) leading it.
   *
   * @param parts at least one
   */
  public record Incident(List<MaritimeService.RankedAlert> parts) {
    public Incident {
      parts = List.copyOf(parts);
      if (parts.isEmpty()) {
        throw new IllegalArgumentException("an incident has at least one alert");
      }
    }

    /** The most urgent part: its score, kind, place and boats are the incident's. */
    public MaritimeService.RankedAlert lead() {
      return parts.get(0);
    }

    /** Whether {@code alertId} is one of the parts. */
    public boolean contains(long alertId) {
      return parts.stream().anyMatch(p -> p.alert().id() == alertId);
    }
  }

  private AlertIncidents() {}

  /**
   * Incidents of {@code ranked} (most urgent first), most urgent first: an incident ranks where its
   * most urgent part does.
   */
  public static List<Incident> group(List<MaritimeService.RankedAlert> ranked) {
    int n = ranked.size();
    int[] root = new int[n];
    for (int i = 0; i < n; i++) {
      root[i] = i;
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (related(ranked.get(i), ranked.get(j))) {
          int a = find(root, i);
          int b = find(root, j);
          // the lower index (the more urgent alert) stays the root, so it leads
          root[Math.max(a, b)] = Math.min(a, b);
        }
      }
    }
    Map<Integer, List<MaritimeService.RankedAlert>> groups = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(find(root, i), k -> new ArrayList<>()).add(ranked.get(i));
    }
    List<Incident> out = new ArrayList<>();
    groups.values().forEach(parts -> out.add(new Incident(parts)));
    return out;
  }

  private static int find(int[] root, int i) {
    while (root[i] != i) {
      root[i] = root[root[i]];
      i = root[i];
    }
    return i;
  }

  /** Same vessel, overlapping time, nearby place. */
  static boolean related(MaritimeService.RankedAlert x, MaritimeService.RankedAlert y) {
    MaritimeRecords.Alert a = x.alert();
    MaritimeRecords.Alert b = y.alert();
    if (!shareVessel(a, b)) {
      return false;
    }
    if (!overlap(a, x.asOf(), b, y.asOf())) {
      return false;
    }
    if (Double.isNaN(a.lat()) || Double.isNaN(b.lat())) {
      return true;
    }
    return Geo.distanceNm(a.lat(), a.lon(), b.lat(), b.lon()) <= NEAR_NM;
  }

  private static boolean shareVessel(MaritimeRecords.Alert a, MaritimeRecords.Alert b) {
    Set<Integer> mine = new java.util.HashSet<>();
    if (a.mmsi() != null) {
      mine.add(a.mmsi());
    }
    if (a.otherMmsi() != null) {
      mine.add(a.otherMmsi());
    }
    return (b.mmsi() != null && mine.contains(b.mmsi()))
        || (b.otherMmsi() != null && mine.contains(b.otherMmsi()));
  }

  /** An alert lasts from its time to its end, or to the picture's time while it goes on. */
  private static boolean overlap(
      MaritimeRecords.Alert a, Instant aAsOf, MaritimeRecords.Alert b, Instant bAsOf) {
    Instant aEnd = end(a, aAsOf).plus(SLACK);
    Instant bEnd = end(b, bAsOf).plus(SLACK);
    return !a.time().isAfter(bEnd) && !b.time().isAfter(aEnd);
  }

  private static Instant end(MaritimeRecords.Alert a, Instant asOf) {
    if (a.end() != null) {
      return a.end();
    }
    // an open gap goes on; a one-moment alert (a port call, a sighting) ends where it starts
    return "gap".equals(a.kind()) && asOf != null && asOf.isAfter(a.time()) ? asOf : a.time();
  }
}
