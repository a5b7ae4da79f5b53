package org.sekisho.targeting.assessment.application;

import java.time.Instant;
import java.util.Optional;
import org.sekisho.targeting.assessment.domain.Assessment;
import org.sekisho.targeting.criteria.domain.DeclarationView;

/** Port: assessments, one per record. */
public interface AssessmentStore {
  /**
   * Stores an assessment unless one exists for its record; returns the stored one either way (the
   * first is kept).
   */
  StoredAssessment saveIfAbsent(Assessment a, DeclarationView d, String json, Instant at);

  Optional<StoredAssessment> byKey(String recordKey);

  Optional<StoredAssessment> byId(long id);
}
