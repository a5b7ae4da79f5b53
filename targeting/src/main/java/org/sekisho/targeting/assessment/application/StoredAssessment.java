package org.sekisho.targeting.assessment.application;

import java.time.Instant;
import org.sekisho.targeting.assessment.domain.Assessment;
import org.sekisho.targeting.criteria.domain.TraderHistory;

/** An assessment as kept: with its row id, when it was made and the history counters it used. */
public record StoredAssessment(
    long id, Assessment assessment, Instant assessedAt, TraderHistory history, String json) {}
