package org.sekisho.maritime.domain.track;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds AIS gaps: a vessel silent for longer than the threshold that applies where it went silent.
 * Duplicate reports (same vessel, same time) count once. An open gap is one still running at the
 * end of the UTC day of the vessel's last position (GFW pipe-gaps' convention), reported only when
 * asked for. Pure and stateless.
 */
public final class GapDetector {

  /** Parameters per area: the silence allowed where the vessel was last seen, if any. */
  @FunctionalInterface
  public interface GapThreshold {
    /** Empty where gaps are not of interest (in port, at anchorage, outside the watch area). */
    Optional<Duration> at(double lat, double lon);

    /** The same threshold everywhere. */
    static GapThreshold everywhere(Duration d) {
      return (lat, lon) -> Optional.of(d);
    }
  }

  private final GapThreshold threshold;
  private final boolean reportOpenGaps;

  public GapDetector(GapThreshold threshold, boolean reportOpenGaps) {
    this.threshold = threshold;
    this.reportOpenGaps = reportOpenGaps;
  }

  /** The gaps in {@code fixes} (any order, any vessels), ordered by vessel then time. */
  public List<AisGap> detect(List<PositionFix> fixes) {
    Map<String, List<PositionFix>> byVessel = new LinkedHashMap<>();
    for (PositionFix f : fixes) {
      byVessel.computeIfAbsent(f.vesselId(), k -> new ArrayList<>()).add(f);
    }
    List<AisGap> gaps = new ArrayList<>();
    for (List<PositionFix> track : byVessel.values()) {
      track.sort(Comparator.comparing(PositionFix::time));
      PositionFix previous = null;
      for (PositionFix f : track) {
        if (previous != null && previous.time().equals(f.time())) {
          continue; // duplicate report
        }
        if (previous != null) {
          Duration silence = Duration.between(previous.time(), f.time());
          if (exceeds(previous, silence)) {
            gaps.add(new AisGap(previous, f, silence));
          }
        }
        previous = f;
      }
      if (reportOpenGaps && previous != null) {
        Instant endOfDay =
            previous
                .time()
                .atZone(ZoneOffset.UTC)
                .toLocalDate()
                .plusDays(1)
                .atStartOfDay()
                .toInstant(ZoneOffset.UTC);
        Duration silence = Duration.between(previous.time(), endOfDay);
        if (exceeds(previous, silence)) {
          gaps.add(new AisGap(previous, null, silence));
        }
      }
    }
    return gaps;
  }

  private boolean exceeds(PositionFix at, Duration silence) {
    return threshold.at(at.lat(), at.lon()).map(t -> silence.compareTo(t) > 0).orElse(false);
  }
}
