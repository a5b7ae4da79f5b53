package org.sekisho.names.application;

import java.util.ArrayList;
import java.util.List;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.names.domain.NameMatcher;

/**
 * Scores a stream of name pairs: each accepted row is compared and handed to the sink at once (no
 * whole-file load); each rejected row is collected with its problem and the rest go on.
 *
 * <p>Not thread-safe: one run at a time per instance.
 */
public final class PairScoring {

  /** Where rows come from: one outcome per data row, in file order. */
  public interface PairSource extends Iterable<Outcome<NamePair>> {}

  /** Where scored pairs go. */
  public interface ScoredPairSink {
    void accept(ScoredPair scored);
  }

  /** What a run did. */
  public record Report(int scored, int matches, List<Problem> rejected) {
    public Report {
      rejected = List.copyOf(rejected);
    }
  }

  private final NameMatcher matcher;
  private final double threshold;

  public PairScoring(NameMatcher matcher, double threshold) {
    this.matcher = matcher;
    this.threshold = threshold;
  }

  public Report run(PairSource source, ScoredPairSink sink) {
    int scored = 0;
    int matches = 0;
    List<Problem> rejected = new ArrayList<>();
    for (Outcome<NamePair> row : source) {
      switch (row) {
        case Outcome.Accepted<NamePair> a -> {
          NamePair p = a.value();
          var c = matcher.compare(p.left(), p.right());
          boolean match = c.score() >= threshold;
          sink.accept(new ScoredPair(p, c, match));
          scored++;
          if (match) {
            matches++;
          }
        }
        case Outcome.Rejected<NamePair> r -> rejected.addAll(r.problems());
      }
    }
    return new Report(scored, matches, rejected);
  }
}
