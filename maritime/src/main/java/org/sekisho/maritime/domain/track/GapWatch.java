package org.sekisho.maritime.domain.track;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.sekisho.maritime.domain.geo.Geo;

/**
 * Live AIS gap detection: positions arrive in time order, {@link #evaluate} is called at chosen
 * moments (the end of each UTC day, or "now"), optionally judging each vessel on the reports heard
 * in its own waters ({@link Waters}). A closed gap is reported when a vessel reappears after more
 * than its threshold; an open gap once, at the first evaluation after the vessel has been silent
 * for more than its threshold. A gap reported open is reported again, closed, when the vessel
 * reappears. Memory: one position per vessel. Not thread-safe.
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

  /**
   * Which waters a place lies in, as silence is judged: the watched waters (round the cameras and
   * the boats on duty) or the rest. A vessel is silent on AIS only while reports go on being heard
   * in its own waters, so that a receiver down in the one is not outweighed by reports the other's
   * receivers hear.
   */
  @FunctionalInterface
  public interface Waters {
    /** Every water is one (no camera or boat narrows the watch): any report shows it heard. */
    Waters ONE = (lat, lon) -> true;

    /**
     * Whether the place lies in the watched waters. A place not known (NaN) that is not watched
     * lies in no water: a report from it shows neither waters heard.
     */
    boolean watched(double lat, double lon);
  }

  /** Reports every gap that is open at {@code now} and not yet reported. */
  public void evaluate(Instant now) {
    for (State s : vessels.values()) {
      openAt(s, now);
    }
  }

  /**
   * Reports every gap open and not yet reported, each vessel judged at the newest report heard in
   * its own waters (its last position's, see {@link Waters}), never later than {@code now}: where
   * nothing has been heard since a vessel's last report, its receivers may be down, and its silence
   * says nothing about it.
   *
   * @param heard a report heard at or after {@code now} and not taken here (the one that moved
   *     event time past midnight), or null; it shows its own waters heard up to {@code now}
   */
  public void evaluate(Instant now, Waters waters, PositionFix heard) {
    List<State> inside = new ArrayList<>();
    List<State> outside = new ArrayList<>();
    Instant heardInside = null;
    Instant heardOutside = null;
    for (State s : vessels.values()) {
      if (s.last == null) {
        continue;
      }
      if (waters.watched(s.last.lat(), s.last.lon())) {
        inside.add(s);
        heardInside = later(heardInside, s.last.time());
      } else {
        // a vessel of no known place is judged with the rest, as a map without it would show it
        outside.add(s);
        heardOutside =
            Geo.valid(s.last.lat(), s.last.lon())
                ? later(heardOutside, s.last.time())
                : heardOutside;
      }
    }
    if (heard != null) {
      if (waters.watched(heard.lat(), heard.lon())) {
        heardInside = later(heardInside, heard.time());
      } else if (Geo.valid(heard.lat(), heard.lon())) {
        heardOutside = later(heardOutside, heard.time());
      }
    }
    for (State s : inside) {
      openAt(s, earlier(now, heardInside));
    }
    for (State s : outside) {
      openAt(s, earlier(now, heardOutside));
    }
  }

  /** Reports {@code s}'s gap when it is open at {@code now} and not yet reported. */
  private void openAt(State s, Instant now) {
    if (s.reportedOpen || s.last == null || now == null) {
      return;
    }
    Optional<Duration> limit = threshold.at(s.last.lat(), s.last.lon());
    Duration silence = Duration.between(s.last.time(), now);
    if (limit.isPresent() && silence.compareTo(limit.get()) > 0) {
      out.accept(new AisGap(s.last, null, silence));
      s.reportedOpen = true;
    }
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }

  private static Instant earlier(Instant a, Instant b) {
    return b == null || a.isBefore(b) ? a : b;
  }

  /** The vessel's last position, if any. */
  public Optional<PositionFix> last(String vesselId) {
    State s = vessels.get(vesselId);
    return s == null ? Optional.empty() : Optional.ofNullable(s.last);
  }
}
