package org.sekisho.maritime.domain.track;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Live AIS gap detection: positions arrive in time order, {@link #evaluate} is called at chosen
 * moments (the end of each UTC day, or "now"). A closed gap is reported when a vessel reappears
 * after more than its threshold; an open gap once, at the first evaluation after the vessel has
 * been silent for more than its threshold. A gap reported open is reported again, closed, when the
 * vessel reappears. Memory: one position per vessel. Not thread-safe.
 */
public final class GapWatch {
  private final GapDetector.GapThreshold threshold;
  private final Consumer<AisGap> out;
  private final Map<String, State> vessels = new HashMap<>();

  private static final class State {
    PositionFix last;
    boolean reportedOpen;
  }

  public GapWatch(GapDetector.GapThreshold threshold, Consumer<AisGap> out) {
    this.threshold = threshold;
    this.out = out;
  }

  /** Takes one position; earlier or same-time positions of the same vessel are ignored. */
  public void position(PositionFix fix) {
    State s = vessels.computeIfAbsent(fix.vesselId(), k -> new State());
    if (s.last != null) {
      if (!fix.time().isAfter(s.last.time())) {
        return;
      }
      Optional<Duration> limit = threshold.at(s.last.lat(), s.last.lon());
      Duration silence = Duration.between(s.last.time(), fix.time());
      if (limit.isPresent() && silence.compareTo(limit.get()) > 0) {
        out.accept(new AisGap(s.last, fix, silence));
      }
    }
    s.last = fix;
    s.reportedOpen = false;
  }

  /** Reports every gap that is open at {@code now} and not yet reported. */
  public void evaluate(Instant now) {
    for (State s : vessels.values()) {
      if (s.reportedOpen || s.last == null) {
        continue;
      }
      Optional<Duration> limit = threshold.at(s.last.lat(), s.last.lon());
      Duration silence = Duration.between(s.last.time(), now);
      if (limit.isPresent() && silence.compareTo(limit.get()) > 0) {
        out.accept(new AisGap(s.last, null, silence));
        s.reportedOpen = true;
      }
    }
  }

  /** The vessel's last position, if any. */
  public Optional<PositionFix> last(String vesselId) {
    State s = vessels.get(vesselId);
    return s == null ? Optional.empty() : Optional.ofNullable(s.last);
  }
}
