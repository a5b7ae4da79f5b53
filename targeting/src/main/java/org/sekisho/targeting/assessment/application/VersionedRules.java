package org.sekisho.targeting.assessment.application;

import java.util.Optional;
import org.sekisho.targeting.assessment.domain.RuleBook;

/** Port: rebuilds the rule book named by an assessment's version strings (for replay). */
@FunctionalInterface
public interface VersionedRules {
  /** Empty when a named version no longer exists. */
  Optional<RuleBook> of(String criteriaVersions, String listVersions);
}
