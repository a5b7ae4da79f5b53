package org.sekisho.targeting.assessment.application;

import org.sekisho.targeting.criteria.domain.DeclarationView;
import org.sekisho.targeting.criteria.domain.TraderHistory;

/** Port: counters of the declarant's and importer's earlier declarations and infractions. */
@FunctionalInterface
public interface TraderHistories {
  TraderHistory of(DeclarationView d);
}
