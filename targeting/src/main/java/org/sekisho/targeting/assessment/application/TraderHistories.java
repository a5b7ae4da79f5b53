package org.sekisho.targeting.assessment.application;

import java.util.List;
import org.sekisho.targeting.criteria.domain.DeclarationView;
import org.sekisho.targeting.criteria.domain.TraderHistory;

/** Port: counters of the declarant's and importer's earlier declarations and infractions. */
@FunctionalInterface
public interface TraderHistories {
  TraderHistory of(DeclarationView d);

  /**
   * {@link #of} for several declarations as the counters stand now (one look-up where possible).
   */
  default List<TraderHistory> ofAll(List<DeclarationView> ds) {
    return ds.stream().map(this::of).toList();
  }
}
