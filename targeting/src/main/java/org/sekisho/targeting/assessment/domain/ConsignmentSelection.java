package org.sekisho.targeting.assessment.domain;

import java.util.Optional;
import org.sekisho.targeting.criteria.domain.DeclarationView;
import org.sekisho.targeting.selectivity.domain.Lane;

/**
 * The lane a consignment (its transport document, assessed before arrival) holds when the goods it
 * carries are declared: the declaration is given at least that lane, so that goods selected before
 * arrival are not released because their declaration alone looks clean.
 *
 * @param recordKey the transport document's record key ({@code transport-document:B/L})
 * @param assessmentId the consignment's assessment
 * @param lane the consignment's lane as it stands (after any analyst's decision)
 */
public record ConsignmentSelection(String recordKey, long assessmentId, Lane lane) {
  /** Who a lane change carried over from a consignment is recorded as made by. */
  public static final String DECIDED_BY = "system:consignment";

  /**
   * What a consignment's assessment carries over to its declaration: its lane as it stands, unless
   * that lane is green (released by selectivity or by an analyst) or the goods have already been
   * examined and nothing was found. An examination that found an infraction still carries over.
   */
  public static Optional<ConsignmentSelection> carried(
      String recordKey, long assessmentId, Lane lane, boolean examinedNothingFound) {
    if (lane == Lane.GREEN || examinedNothingFound) {
      return Optional.empty();
    }
    return Optional.of(new ConsignmentSelection(recordKey, assessmentId, lane));
  }

  /** The reason kept with a declaration raised after it was assessed. */
  public String laterReason() {
    return "its consignment "
        + DeclarationView.sourceIdOf(recordKey)
        + " was selected "
        + lane.code()
        + " after this declaration was assessed (assessment "
        + assessmentId
        + ")";
  }

  /**
   * The reason kept with a declaration lowered because an analyst lowered its consignment to this
   * lane.
   */
  public String loweredReason() {
    return "its consignment "
        + DeclarationView.sourceIdOf(recordKey)
        + " was lowered to "
        + lane.code()
        + " (assessment "
        + assessmentId
        + ")";
  }

  /**
   * The reason kept with a declaration lowered because its consignment's examination found nothing.
   */
  public String nothingFoundReason() {
    return "its consignment "
        + DeclarationView.sourceIdOf(recordKey)
        + " was examined and nothing was found (assessment "
        + assessmentId
        + ")";
  }

  /** The reason shown with the declaration's assessment. */
  public String reason() {
    return "consignment "
        + DeclarationView.sourceIdOf(recordKey)
        + " was selected "
        + lane.code()
        + " before arrival (assessment "
        + assessmentId
        + ")";
  }
}
