package org.sekisho.targeting.selectivity.domain;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ASYCUDA-style selectivity over the stream of assessed declarations, per office:
 *
 * <ol>
 *   <li>each criterion hit asks for a lane; a sampled criterion ({@code sample 20%}) is selected
 *       when the record's draw falls in its share, or anyway once the lane's maximum number of hits
 *       without selection is reached;
 *   <li>a declaration not sent to red is picked at random with each more severe lane's minimum
 *       random rate (marked random: these measure the true infraction rate);
 *   <li>a would-be-green declaration is topped up into a lane whose share over the office's recent
 *       window is below the expected rate, when its score is among that top share of recent scores
 *       and carries a risk signal (above 0; strictly above the threshold when the threshold is the
 *       window's lowest score, so ties at the bottom never fill a lane first come, first served).
 * </ol>
 *
 * <p>Draws come from {@link Draw} (seeded, keyed by record), so the same stream gives the same
 * lanes. The counters and windows are state: one instance per running engine, safe for many threads
 * (calls are serialised per instance). A record seen among the last {@value #REMEMBERED} is given a
 * lane without being counted again: a declaration sent twice (a client retrying after a timeout, a
 * file ingested again) must not move its office's rates.
 *
 * <p>The settings may be replaced while records are being assessed ({@link #reconfigure}): the
 * windows, the counts of hits without selection and the remembered records are kept, and the next
 * selection uses the new settings.
 */
public final class Selectivity {
  /** How many recent decisions and scores per office the top-up looks at. */
  public static final int WINDOW = 1000;

  /** Fewer scores than this and no top-up is made: the score quantile is not known yet. */
  public static final int WARM_UP = 20;

  /** How many recent record keys are remembered to recognise a repeat. */
  public static final int REMEMBERED = 100_000;

  // guarded by this: replaced by reconfigure, read by select
  private SelectivityConfig config;
  private final Map<String, OfficeState> offices = new HashMap<>();
  private final int remembered;
  private final java.util.Set<String> seen;

  public Selectivity(SelectivityConfig config) {
    this(config, REMEMBERED);
  }

  /**
   * @param remembered how many recent record keys to remember as counted; 0 counts every call
   *     (benchmarks that replay the same declarations as new ones)
   */
  public Selectivity(SelectivityConfig config, int remembered) {
    this.config = config;
    this.remembered = remembered;
    this.seen =
        java.util.Collections.newSetFromMap(
            new java.util.LinkedHashMap<>() {
              @Override
              protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > remembered;
              }
            });
  }

  /** The settings in force. */
  public synchronized SelectivityConfig config() {
    return config;
  }

  /**
   * Puts {@code next} in force for every selection from now on. What was learnt from the records
   * already seen is kept: each office's window of recent lanes and scores (so a lane's share is
   * compared with its new expected rate at once), each criterion's count of hits without selection
   * (compared with the new maximum at its next hit) and the remembered records. Records already
   * given a lane keep it. A new seed changes the draws of records seen from now on.
   */
  public synchronized void reconfigure(SelectivityConfig next) {
    this.config = java.util.Objects.requireNonNull(next, "next");
  }

  /**
   * Chooses the lane of one declaration and counts it into its office's window, unless the same
   * record was counted recently.
   *
   * @param office the declaring office, or one of its streams ({@code JPYOK/transport-document})
   * @param recordKey stable identity of the record (kind and source id)
   * @param hits the criteria hits that ask for a lane
   * @param score the declaration's risk score (higher is riskier)
   */
  public Selection select(String office, String recordKey, List<LaneHit> hits, double score) {
    return select(office, recordKey, hits, score, Lane.GREEN);
  }

  /**
   * {@link #select(String, String, List, double)} for a record that must have at least the lane
   * {@code carried} (its consignment's, chosen before arrival): it takes that lane unless a
   * criterion or a random draw asks for a more severe one, and it counts in the office's window
   * with the lane it is given, as the inspection capacity it takes. A record whose own criteria or
   * random draw give it that lane anyway holds it on that basis (a random selection is then not
   * lowered as the consignment's would be); a top-up, which only fills the office's capacity, does
   * not take the consignment's place.
   */
  public synchronized Selection select(
      String office, String recordKey, List<LaneHit> hits, double score, Lane carried) {
    OfficeProfile profile = config.profile(office);
    OfficeState state = offices.computeIfAbsent(office, o -> new OfficeState());
    boolean counted = remembered == 0 || seen.add(recordKey);
    Lane lane = carried;
    Lane own = Lane.GREEN;
    Selection.Basis basis =
        carried == Lane.GREEN ? Selection.Basis.NONE : Selection.Basis.CONSIGNMENT;
    Selection.Basis ownBasis = Selection.Basis.NONE;
    for (LaneHit h : hits) {
      boolean selected;
      Selection.Basis why = Selection.Basis.CRITERIA;
      if (h.samplePercent() >= 100) {
        selected = true;
      } else {
        double u = Draw.uniform(config.seed(), recordKey, "sample:" + h.criterionKey());
        selected = u * 100 < h.samplePercent();
        if (!selected) {
          int missed = state.missed.getOrDefault(h.criterionKey(), 0) + 1;
          if (counted) {
            state.missed.put(h.criterionKey(), missed);
          }
          int max = profile.of(h.lane()).maxHitsWithoutSelection();
          if (max > 0 && missed > max) {
            selected = true;
            why = Selection.Basis.FORCED_AFTER_MAX_HITS;
          }
        }
        if (selected && counted) {
          state.missed.remove(h.criterionKey());
        }
      }
      if (selected && h.lane().moreSevereThan(lane)) {
        lane = h.lane();
        basis = why;
      }
      if (selected && h.lane().moreSevereThan(own)) {
        own = h.lane();
        ownBasis = why;
      }
    }
    // the same draws decide the lane the record would have had without its consignment's, so that
    // lowering the consignment later gives back what its own assessment would have given
    double u = Draw.uniform(config.seed(), recordKey, "random");
    Lane drawn = randomLane(profile, u, lane);
    if (drawn != lane) {
      lane = drawn;
      basis = Selection.Basis.RANDOM;
    }
    Lane ownDrawn = randomLane(profile, u, own);
    if (ownDrawn != own) {
      own = ownDrawn;
      ownBasis = Selection.Basis.RANDOM;
    }
    if (lane == Lane.GREEN) {
      Lane topUp = topUp(profile, state, score);
      if (topUp != lane) {
        lane = topUp;
        basis = Selection.Basis.TOP_UP;
      }
    }
    if (own == Lane.GREEN && carried != Lane.GREEN) {
      own = topUp(profile, state, score);
      ownBasis = own == Lane.GREEN ? Selection.Basis.NONE : Selection.Basis.TOP_UP;
    }
    if (counted) {
      state.add(lane, score);
    }
    if (carried == Lane.GREEN) {
      return new Selection(lane, basis);
    }
    // a record that would have had its lane on its own owes it to its own selection (a random
    // draw among them, which must be examined as drawn), the consignment's only seconding it
    return own == lane && ownBasis != Selection.Basis.TOP_UP
        ? new Selection(lane, ownBasis, own, ownBasis)
        : new Selection(lane, basis, own, ownBasis);
  }

  /** The lane a random draw {@code u} selects, if it is more severe than {@code lane}. */
  private static Lane randomLane(OfficeProfile profile, double u, Lane lane) {
    double cumulative = 0;
    for (Lane l : Lane.values()) {
      if (!l.moreSevereThan(lane)) {
        break;
      }
      cumulative += profile.of(l).minimumRandomRate();
      if (u < cumulative) {
        return l;
      }
    }
    return lane;
  }

  /**
   * The lane a would-be-green record is topped up to by its score, or green. Only a score that
   * carries a risk signal (above 0) is topped up: without a model most scores are 0, and a
   * threshold of 0 would send records with no signal at all to red while scored ones go green.
   */
  private static Lane topUp(OfficeProfile profile, OfficeState state, double score) {
    if (state.scores.size() < WARM_UP) {
      return Lane.GREEN;
    }
    for (Lane l : Lane.values()) {
      double expected = profile.of(l).expectedRate();
      if (l == Lane.GREEN || expected <= 0) {
        continue;
      }
      if (state.share(l) < expected && state.amongTop(score, expected)) {
        return l;
      }
    }
    return Lane.GREEN;
  }

  /** The share of each lane over an office's recent window, for the worklist header. */
  public synchronized Map<Lane, Double> recentShares(String office) {
    OfficeState s = offices.get(office);
    Map<Lane, Double> out = new EnumMap<>(Lane.class);
    for (Lane l : Lane.values()) {
      out.put(l, s == null ? 0.0 : s.share(l));
    }
    return out;
  }

  /**
   * An office's (or stream's) recent window as the worklist header and the settings page show it.
   *
   * @param size how many records the window holds (at most {@value #WINDOW})
   * @param shares the share (0–1) of each lane among them; all 0 when the window is empty
   */
  public record Window(int size, Map<Lane, Double> shares) {
    public Window {
      shares = Map.copyOf(shares);
    }
  }

  /** The window of one office or stream; empty (size 0) when none of its records was seen. */
  public synchronized Window window(String office) {
    OfficeState s = offices.get(office);
    return new Window(s == null ? 0 : s.lanes.size(), recentShares(office));
  }

  /**
   * The windows of every office and stream with records seen since this instance was made, by
   * office code; a snapshot.
   */
  public synchronized Map<String, Window> windows() {
    Map<String, Window> out = new java.util.TreeMap<>();
    for (String office : offices.keySet()) {
      out.put(office, window(office));
    }
    return out;
  }

  private static final class OfficeState {
    final Map<String, Integer> missed = new HashMap<>();
    final ArrayDeque<Lane> lanes = new ArrayDeque<>();
    final int[] laneCounts = new int[Lane.values().length];
    final ArrayDeque<Double> scores = new ArrayDeque<>();

    double share(Lane l) {
      return lanes.isEmpty() ? 0 : (double) laneCounts[l.ordinal()] / lanes.size();
    }

    double[] sorted = new double[0];
    int sinceSort = Integer.MAX_VALUE;

    /**
     * Whether {@code score} is among the top {@code share} of recent scores: above 0 and at or
     * above the score at that rank; strictly above it when that score is the window's lowest, since
     * then every record tied at the bottom would qualify and the first to come would fill the lane,
     * whatever their order by risk.
     */
    boolean amongTop(double score, double share) {
      if (!(score > 0)) {
        return false;
      }
      double threshold = threshold(share);
      return threshold > sorted[0] ? score >= threshold : score > threshold;
    }

    /**
     * The score at the top {@code share} of recent scores; the sorted copy is refreshed every 64
     * scores, which keeps the cost per declaration small and the result deterministic.
     */
    double threshold(double share) {
      if (sinceSort >= 64) {
        sorted = new double[scores.size()];
        int i = 0;
        for (double d : scores) {
          sorted[i++] = d;
        }
        Arrays.sort(sorted);
        sinceSort = 0;
      }
      int rank = (int) Math.floor(sorted.length * (1 - share));
      return sorted[Math.min(Math.max(rank, 0), sorted.length - 1)];
    }

    void add(Lane lane, double score) {
      lanes.addLast(lane);
      laneCounts[lane.ordinal()]++;
      if (lanes.size() > WINDOW) {
        laneCounts[lanes.removeFirst().ordinal()]--;
      }
      scores.addLast(score);
      if (sinceSort < Integer.MAX_VALUE) {
        sinceSort++;
      }
      if (scores.size() > WINDOW) {
        scores.removeFirst();
      }
    }
  }
}
