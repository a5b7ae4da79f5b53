package org.sekisho.targeting.assessment.application;

import java.util.Optional;
import org.sekisho.targeting.assessment.domain.ConsignmentSelection;
import org.sekisho.targeting.criteria.domain.DeclarationView;
import org.sekisho.targeting.criteria.domain.TraderHistory;

/**
 * Port: what assessing one record reads besides the record, in one look-up: its traders' counters
 * and, for a declaration naming a transport document, the lane that consignment carries over. A
 * store that can answer both at once spares the assessment API a database round trip.
 */
public interface AssessmentInputs extends TraderHistories {
  /** The counters and the carried lane of one record. */
  record Inputs(TraderHistory history, Optional<ConsignmentSelection> consignment) {}

  /**
   * @param transportDocument the number of the transport document {@code d} declares the goods of,
   *     as targeting compares them ({@link DeclarationView#transportDocument}), if any
   */
  Inputs inputs(DeclarationView d, Optional<String> transportDocument);

  /**
   * {@link #inputs} where the counters may come from what the store saw last rather than from a
   * look-up, for an assessment stored by {@link AssessmentStore#saveAlone}, which checks them and
   * stores nothing if they have moved.
   */
  default Inputs standing(DeclarationView d, Optional<String> transportDocument) {
    return inputs(d, transportDocument);
  }
}
