package org.sekisho.names.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sekisho.names.domain.NameMatcher;
import org.sekisho.names.domain.watchlist.ScreeningSubject;
import org.sekisho.names.domain.watchlist.Watchlist;
import org.sekisho.names.domain.watchlist.WatchlistHit;

/**
 * Measures the matcher against labelled data: pairs that are or are not the same name, and
 * screening queries that should hit one known entry or none. Scores are computed once, so one run
 * can report several thresholds.
 */
public final class NameEvaluation {

  /** Two names and whether they name the same person. */
  public record LabelledPair(String left, String right, boolean same) {}

  /** A screening query and the id of the entry it should hit (empty: it should hit nothing). */
  public record LabelledQuery(ScreeningSubject subject, Optional<String> expectedId) {}

  /** Scores of positives and negatives, ready to be cut at any threshold. */
  public record Scores(double[] positives, double[] negatives) {
    public Confusion at(double threshold) {
      Confusion c = Confusion.empty();
      for (double s : positives) {
        c = c.add(true, s >= threshold);
      }
      for (double s : negatives) {
        c = c.add(false, s >= threshold);
      }
      return c;
    }
  }

  private final NameMatcher matcher;

  public NameEvaluation(NameMatcher matcher) {
    this.matcher = matcher;
  }

  public Scores scorePairs(List<LabelledPair> pairs) {
    List<Double> pos = new ArrayList<>();
    List<Double> neg = new ArrayList<>();
    for (LabelledPair p : pairs) {
      double s = matcher.compare(p.left(), p.right()).score();
      (p.same() ? pos : neg).add(s);
    }
    return new Scores(
        pos.stream().mapToDouble(Double::doubleValue).toArray(),
        neg.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /**
   * Screens each query: a positive query counts as found when its expected entry is among the hits
   * at or above the threshold; every hit on another entry counts as a false positive.
   */
  public Confusion screen(Watchlist list, List<LabelledQuery> queries, double threshold) {
    Confusion c = Confusion.empty();
    for (LabelledQuery q : queries) {
      List<WatchlistHit> hits = list.screen(q.subject(), threshold);
      boolean found = false;
      int wrong = 0;
      for (WatchlistHit h : hits) {
        if (q.expectedId().isPresent() && q.expectedId().get().equals(h.entry().id())) {
          found = true;
        } else {
          wrong++;
        }
      }
      if (q.expectedId().isPresent()) {
        c = c.add(true, found);
      } else if (wrong == 0) {
        c = c.add(false, false);
      }
      for (int i = 0; i < wrong; i++) {
        c = c.add(false, true);
      }
    }
    return c;
  }
}
