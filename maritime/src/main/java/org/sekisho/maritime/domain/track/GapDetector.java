package org.sekisho.maritime.domain.track;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds AIS gaps in a batch of positions: a vessel silent for longer than the threshold that
 * applies where it went silent. Duplicate reports (same vessel, same time) count once. Follows GFW
 * pipe-gaps' conventions for processing a date range:
 *
 * <ul>
 *   <li>positions before the range are context: a gap is reported when its last position before the
 *       silence is no earlier than the range start minus the threshold;
 *   <li>an open gap from an earlier run is closed by the vessel's first position inside the range;
 *   <li>an open gap is a last position whose silence until the end of the range's last day (or of
 *       its own day, without a range) exceeds the threshold.
 * </ul>
 *
 * Pure and stateless. For live data, {@link GapWatch} gives the same gaps incrementally.
 */
public final class GapDetector {
  /** How far back {@link AisGap#before()} counts positions. */
  public static final Duration COVERAGE_WINDOW = Duration.ofHours(12);

  /** Parameters per area: the silence allowed where the vessel was last seen, if any. */
  @FunctionalInterface
  public interface GapThreshold {
    /** Empty where gaps are not of interest (in port, at anchorage, outside the watch area). */
    Optional<Duration> at(double lat, double lon);

    /** The same threshold everywhere. */
    static GapThreshold everywhere(Duration d) {
      Optional<Duration> o = Optional.of(d);
      return (lat, lon) -> o;
    }
  }

  /** Whole UTC days processed: from {@code start} inclusive to {@code end} exclusive. */
  public record DateRange(LocalDate start, LocalDate end) {
    public DateRange {
      if (!end.isAfter(start)) {
        throw new IllegalArgumentException("date range end must be after its start");
      }
    }

    Instant startInstant() {
      return start.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    Instant endInstant() {
      return end.atStartOfDay().toInstant(ZoneOffset.UTC);
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
    return detect(fixes, null, Map.of());
  }

  /**
   * The gaps of a date range.
   *
   * @param fixes positions of the range plus any earlier context (any order, any vessels)
   * @param range the range processed, or null for all of {@code fixes}
   * @param openGaps gaps left open by an earlier run, by vessel id
   */
  public List<AisGap> detect(
      List<PositionFix> fixes, DateRange range, Map<String, AisGap> openGaps) {
    Map<String, List<PositionFix>> byVessel = new LinkedHashMap<>();
    for (PositionFix f : fixes) {
      if (range != null && !f.time().isBefore(range.endInstant())) {
        continue;
      }
      byVessel.computeIfAbsent(f.vesselId(), k -> new ArrayList<>()).add(f);
    }
    List<AisGap> gaps = new ArrayList<>();
    for (List<PositionFix> raw : byVessel.values()) {
      raw.sort(Comparator.comparing(PositionFix::time));
      List<PositionFix> track = new ArrayList<>(raw.size());
      for (PositionFix f : raw) {
        if (track.isEmpty() || !track.get(track.size() - 1).time().equals(f.time())) {
          track.add(f);
        }
      }
      closePrevious(track, range, openGaps.get(track.get(0).vesselId()), gaps);
      for (int i = 1; i < track.size(); i++) {
        PositionFix off = track.get(i - 1);
        PositionFix on = track.get(i);
        Optional<Duration> limit = threshold.at(off.lat(), off.lon());
        if (limit.isEmpty() || !inRange(off, range, limit.get())) {
          continue;
        }
        Duration silence = Duration.between(off.time(), on.time());
        if (silence.compareTo(limit.get()) > 0) {
          gaps.add(new AisGap(off, on, silence, before(track, i - 1)));
        }
      }
      if (reportOpenGaps) {
        PositionFix last = track.get(track.size() - 1);
        Optional<Duration> limit = threshold.at(last.lat(), last.lon());
        LocalDate day =
            range != null
                ? range.end().minusDays(1)
                : last.time().atZone(ZoneOffset.UTC).toLocalDate();
        Instant evaluated = day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Duration silence = Duration.between(last.time(), evaluated);
        if (limit.isPresent()
            && inRange(last, range, limit.get())
            && silence.compareTo(limit.get()) > 0) {
          gaps.add(new AisGap(last, null, silence, before(track, track.size() - 1)));
        }
      }
    }
    return gaps;
  }

  private static void closePrevious(
      List<PositionFix> track, DateRange range, AisGap previous, List<AisGap> gaps) {
    if (previous == null || !previous.open()) {
      return;
    }
    Instant from = range != null ? range.startInstant() : previous.off().time().plusNanos(1);
    for (PositionFix f : track) {
      if (!f.time().isBefore(from)) {
        gaps.add(
            new AisGap(
                previous.off(),
                f,
                Duration.between(previous.off().time(), f.time()),
                previous.before()));
        return;
      }
    }
  }

  private static boolean inRange(PositionFix off, DateRange range, Duration limit) {
    return range == null || !off.time().isBefore(range.startInstant().minus(limit));
  }

  /** Positions in the coverage window ending at {@code track[i]}, the position itself included. */
  static AisGap.PositionsBefore before(List<PositionFix> track, int i) {
    Instant from = track.get(i).time().minus(COVERAGE_WINDOW);
    int total = 0;
    int ter = 0;
    int sat = 0;
    int dyn = 0;
    for (int j = i; j >= 0 && !track.get(j).time().isBefore(from); j--) {
      total++;
      switch (track.get(j).receiver()) {
        case TERRESTRIAL -> ter++;
        case SATELLITE -> sat++;
        case DYNAMIC -> dyn++;
        case UNKNOWN -> {}
      }
    }
    return new AisGap.PositionsBefore(total, ter, sat, dyn);
  }
}
