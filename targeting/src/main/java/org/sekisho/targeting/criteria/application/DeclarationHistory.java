package org.sekisho.targeting.criteria.application;

import java.time.Instant;
import java.util.List;
import org.sekisho.targeting.criteria.domain.DeclarationView;

/** Port: declarations assessed before, for dry runs of criteria. */
public interface DeclarationHistory {
  /**
   * Declarations assessed since {@code from}, newest first, at most {@code limit}; of one office
   * when {@code office} is not empty.
   */
  List<DeclarationView> assessedSince(Instant from, String office, int limit);
}
