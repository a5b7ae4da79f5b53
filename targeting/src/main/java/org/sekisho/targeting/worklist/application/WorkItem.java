package org.sekisho.targeting.worklist.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sekisho.targeting.selectivity.domain.Lane;

/**
 * One assessed record as analysts and inspectors see it.
 *
 * @param lane the lane selectivity chose, as it stands: a declaration whose consignment was lowered
 *     below the lane it carried over stands on the consignment's lane now, or on its own lane
 * @param basis why it holds {@code lane} ({@code criteria}, {@code random}, {@code top-up}, {@code
 *     consignment}, …); a random selection is never lowered below {@code lane}
 * @param finalLane the lane after an analyst's decision (equal to {@code lane} until then)
 * @param modelReasonsPending the model's exact reasons are still to come (see {@link
 *     org.sekisho.targeting.assessment.application.StoredAssessment})
 * @param assessedAlone the record was sent for assessment alone ({@code POST /api/assess}) and is
 *     not in the intelligence database, which has no page of it
 * @param supersededBy the assessment that replaced this one (status {@link WorkStatus#SUPERSEDED}):
 *     the record, sent alone first, was stored by the intelligence database with other content
 * @param supersededReason why, as kept; empty unless superseded
 * @param drawn the lane a random draw selected the record for on its own, when one did (its {@code
 *     lane} on basis {@code random}, or the own lane of a declaration its consignment holds
 *     higher): no decision lowers it below that lane, whatever its consignment holds
 * @param heldBy the consignment that holds it above its own lane, when its lane was carried to it
 *     after its own assessment (see {@link HeldBy})
 */
public record WorkItem(
    long id,
    String recordKey,
    String office,
    double score,
    Lane lane,
    String basis,
    Lane finalLane,
    WorkStatus status,
    List<String> reasons,
    boolean modelReasonsPending,
    Instant assessedAt,
    Versions versions,
    Optional<Outcome> outcome,
    List<LaneChange> changes,
    boolean assessedAlone,
    Optional<Long> supersededBy,
    String supersededReason,
    Optional<Lane> drawn,
    Optional<HeldBy> heldBy) {
  public WorkItem {
    reasons = List.copyOf(reasons);
    changes = List.copyOf(changes);
  }

  /** The same item, held by {@code by}. */
  public WorkItem heldBy(HeldBy by) {
    return new WorkItem(
        id,
        recordKey,
        office,
        score,
        lane,
        basis,
        finalLane,
        status,
        reasons,
        modelReasonsPending,
        assessedAt,
        versions,
        outcome,
        changes,
        assessedAlone,
        supersededBy,
        supersededReason,
        drawn,
        Optional.of(by));
  }

  /**
   * Every reason: why its consignment holds it ({@link HeldBy#reason()}) first when one does, then
   * {@link #reasons()}.
   */
  public List<String> allReasons() {
    if (heldBy.isEmpty()) {
      return reasons;
    }
    List<String> out = new java.util.ArrayList<>(reasons.size() + 1);
    out.add(heldBy.get().reason());
    out.addAll(reasons);
    return out;
  }

  /**
   * The consignment (transport document) whose lane a declaration holds because it was carried to
   * it after the declaration's own assessment (the consignment selected later, or raised by an
   * analyst), while that lane stands above the declaration's own: the declaration's own reasons do
   * not say why it stands there, the consignment's do.
   *
   * @param recordKey the consignment's record key ({@code transport-document:B/L})
   * @param assessmentId the consignment's assessment
   * @param lane the lane the declaration holds by it
   * @param reasons why the consignment holds its lane, as its own work item says them
   * @param decision the analyst's decision that set the consignment's lane, when one did
   */
  public record HeldBy(
      String recordKey,
      long assessmentId,
      Lane lane,
      List<String> reasons,
      Optional<LaneChange> decision) {
    public HeldBy {
      reasons = List.copyOf(reasons);
    }

    /**
     * In plain English, as the API gives it: {@code held red by its consignment L1 (assessment 7):
     * <its reasons>; decided red by ana: <comment>}.
     */
    public String reason() {
      List<String> why = new java.util.ArrayList<>(reasons);
      decision.ifPresent(
          d -> why.add("decided " + d.to().code() + " by " + d.by() + ": " + d.comment()));
      return "held "
          + lane.code()
          + " by its consignment "
          + org.sekisho.targeting.criteria.domain.DeclarationView.sourceIdOf(recordKey)
          + " (assessment "
          + assessmentId
          + ")"
          + (why.isEmpty() ? "" : ": " + String.join("; ", why));
    }
  }

  /**
   * How many lane changes the item has had (an analyst's decision, or its consignment's lane
   * carried to it): a decision names the version it was taken on, and is refused when the item
   * moved on since.
   */
  public int version() {
    return changes.size();
  }

  /**
   * A recorded inspection outcome, as corrected last.
   *
   * @param by who recorded it (or corrected it last)
   * @param corrections each correction with the outcome before it, oldest first
   */
  public record Outcome(
      InspectionResult result,
      BigDecimal revenue,
      boolean seizure,
      String note,
      String by,
      List<Correction> corrections) {
    public Outcome {
      corrections = List.copyOf(corrections);
    }

    /** How many times it was corrected: a correction names the version it was made on. */
    public int version() {
      return corrections.size();
    }
  }

  /**
   * A correction of an outcome: the outcome before it ({@code from…}, recorded by {@code fromBy}),
   * and who corrected it, when and why.
   */
  public record Correction(
      InspectionResult fromResult,
      BigDecimal fromRevenue,
      boolean fromSeizure,
      String fromNote,
      String fromBy,
      String comment,
      String by,
      Instant at) {}

  /**
   * The versions an assessment used: criteria ({@code c1v2,c4v1}), reference lists ({@code
   * high-risk-origins v3,…}) and model (empty for none).
   */
  public record Versions(String criteria, String lists, String model) {
    /** As the API gives it: {@code criteria c1v1; lists l v2; model none}. */
    public String line() {
      return "criteria "
          + criteria
          + "; lists "
          + lists
          + "; model "
          + (model.isEmpty() ? "none" : model);
    }
  }

  /** An analyst's lane decision. */
  public record LaneChange(Lane from, Lane to, String comment, String by, Instant at) {}
}
