package org.sekisho.maritime.domain.encounter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Batch encounter search over a finished set of reports (a day, a case file): sorts the reports by
 * time and runs them through the same incremental resampler and detector that the live tracker
 * uses, so both give the same answers.
 *
 * @param increment resampling grid (GFW: 10 minutes)
 * @param maxGap brackets this long or longer are not interpolated (GFW: 70 minutes)
 * @param maxAdjacencyKm neighbour search radius (GFW: 1 km)
 * @param maxTrackedNeighbours nearest neighbours considered per point (GFW: 100)
 * @param rules limits per area
 */
public record EncounterSearch(
    Duration increment,
    Duration maxGap,
    double maxAdjacencyKm,
    int maxTrackedNeighbours,
    EncounterRules rules) {

  /** One position report. */
  public record Report(String vesselId, Instant time, double lat, double lon, double speedKnots) {}

  /** The parameters of GFW's encounters pipeline, with the given limits everywhere. */
  public static EncounterSearch gfw(EncounterRules rules) {
    return new EncounterSearch(Duration.ofMinutes(10), Duration.ofSeconds(4200), 1.0, 100, rules);
  }

  public EncounterSearch withMaxTrackedNeighbours(int n) {
    return new EncounterSearch(increment, maxGap, maxAdjacencyKm, n, rules);
  }

  /** Raw directional encounters, ordered by vessel 1, then start. */
  public List<Encounter> find(List<Report> reports) {
    List<Report> sorted = new ArrayList<>(reports);
    sorted.sort(Comparator.comparing(Report::time));
    TrackResampler resampler = new TrackResampler(increment, maxGap);
    List<Encounter> found = new ArrayList<>();
    EncounterDetector detector =
        new EncounterDetector(
            rules, maxAdjacencyKm, maxTrackedNeighbours, maxGap.toMillis(), found::add);
    Map<String, TrackResampler.Track> tracks = new HashMap<>();
    for (Report r : sorted) {
      TrackResampler.Track t = tracks.computeIfAbsent(r.vesselId(), TrackResampler.Track::new);
      long ms = r.time().toEpochMilli();
      resampler.add(t, ms, r.lat(), r.lon(), r.speedKnots(), detector::add);
      detector.advanceTo(ms);
    }
    detector.flush();
    found.sort(Comparator.comparing(Encounter::vessel1).thenComparing(Encounter::start));
    return found;
  }
}
