package org.sekisho.targeting.criteria.application;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.sekisho.targeting.criteria.domain.DeclarationView;

/** Port: declarations assessed before, for dry runs of criteria. */
public interface DeclarationHistory {
  /**
   * Records assessed since {@code from}, newest first, at most {@code limit}; of those offices only
   * when {@code offices} is not empty.
   */
  List<DeclarationView> assessedSince(Instant from, Set<String> offices, int limit);
}
