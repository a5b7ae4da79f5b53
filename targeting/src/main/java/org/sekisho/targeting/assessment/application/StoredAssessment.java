package org.sekisho.targeting.assessment.application;

import java.time.Instant;
import org.sekisho.targeting.assessment.domain.Assessment;
import org.sekisho.targeting.criteria.domain.TraderHistory;

/**
 * An assessment as kept: with its row id, when it was made and the history counters it used.
 *
 * @param modelReasonsPending the model's exact reasons are still to be added (its quick ones, if
 *     any, stand in until then); false once they are added or given up
 */
public record StoredAssessment(
    long id,
    Assessment assessment,
    Instant assessedAt,
    TraderHistory history,
    String json,
    boolean modelReasonsPending) {}
