package org.sekisho.targeting.assessment.domain;

import java.util.List;
import java.util.Optional;
import org.sekisho.targeting.selectivity.domain.Lane;
import org.sekisho.targeting.selectivity.domain.Selection;

/**
 * The result of assessing one record: risk score, lane and why, and the versions of criteria, lists
 * and model used, so that replaying the input with the same versions gives the same result.
 *
 * @param recordKey {@code kind:sourceId}
 * @param score risk score: model probability × 100 plus the weights of the criteria that hit
 * @param modelProbability the model's probability alone
 * @param criteriaLane the most severe lane asked for by a criterion hit (before sampling)
 * @param selection the lane chosen by selectivity and on what basis
 * @param hits the criteria that hit, each with its reason and list hits
 * @param modelReasons the model's top feature contributions (for referred declarations)
 * @param consignment for a declaration, the lane its consignment was selected for before arrival,
 *     which the declaration was given at least (an input, kept so the lane can be explained and
 *     replayed)
 */
public record Assessment(
    String recordKey,
    String office,
    double score,
    double modelProbability,
    Lane criteriaLane,
    Selection selection,
    List<CriterionHit> hits,
    List<String> modelReasons,
    String criteriaVersions,
    String listVersions,
    String modelVersion,
    Optional<ConsignmentSelection> consignment) {
  public Assessment {
    hits = List.copyOf(hits);
    modelReasons = List.copyOf(modelReasons);
    consignment = consignment == null ? Optional.empty() : consignment;
  }

  /** The same assessment with other model reasons. */
  public Assessment withModelReasons(List<String> reasons) {
    return new Assessment(
        recordKey,
        office,
        score,
        modelProbability,
        criteriaLane,
        selection,
        hits,
        reasons,
        criteriaVersions,
        listVersions,
        modelVersion,
        consignment);
  }

  /** The reason given for a random selection (pages name it in the reader's language). */
  public static final String RANDOM_REASON = "random selection (measures the true infraction rate)";

  /** The reason given for a top-up selection. */
  public static final String TOP_UP_REASON = "top-up to the office's expected rate by score";

  /** The reason given for a criterion's hit selected after its maximum hits without selection. */
  public static final String FORCED_REASON = "selected after the maximum hits without selection";

  public Lane lane() {
    return selection.lane();
  }

  /**
   * Every reason in plain language: the consignment's selection before arrival, criteria, list
   * hits, how selectivity chose, then the model's factors.
   */
  public List<String> reasons() {
    List<String> out = new java.util.ArrayList<>();
    consignment.ifPresent(c -> out.add(c.reason()));
    for (CriterionHit h : hits) {
      out.add(h.name() + ": " + h.reason());
    }
    // two criteria may hit on the same list entry: it is said once
    java.util.Set<String> listHits = new java.util.LinkedHashSet<>();
    for (CriterionHit h : hits) {
      listHits.addAll(h.listHits());
    }
    out.addAll(listHits);
    basisReason(selection.basis()).ifPresent(out::add);
    out.addAll(modelReasons);
    return out;
  }

  /**
   * Why the record holds its lane now that its consignment holds {@code consignmentNow}: the lane
   * its selection stands on, its basis code and reasons. As made ({@link #reasons()}) while the
   * consignment holds the lane it carried over; once an analyst lowered it (or its examination
   * found nothing), the consignment's selection before arrival no longer stands: it is given as
   * lowered while it still raises the record above its own lane, and is left out once it does not,
   * the record then holding its own lane on its own basis (its criteria, a random draw, a top-up,
   * or none), with that basis's reason.
   *
   * @param consignmentNow the consignment's lane as it stands; empty when unknown or none carried
   */
  public Standing standing(Optional<Lane> consignmentNow) {
    if (consignment.isEmpty()
        || consignmentNow.isEmpty()
        || !consignment.get().lane().moreSevereThan(consignmentNow.get())) {
      return new Standing(selection.lane(), selection.basis().code(), reasons());
    }
    ConsignmentSelection was = consignment.get();
    Lane now = consignmentNow.get();
    List<String> out = new java.util.ArrayList<>(reasons());
    out.remove(was.reason());
    if (selection.basis() != Selection.Basis.CONSIGNMENT) {
      // its lane was its own: the consignment's selection only drops out
      return new Standing(selection.lane(), selection.basis().code(), out);
    }
    if (now.moreSevereThan(selection.own())) {
      out.add(
          0, new ConsignmentSelection(was.recordKey(), was.assessmentId(), now).loweredReason());
      return new Standing(now, Selection.Basis.CONSIGNMENT.code(), out);
    }
    // the reason of its own basis goes where reasons() puts a selection's: before the model's
    basisReason(selection.ownBasis()).ifPresent(r -> out.add(out.size() - modelReasons.size(), r));
    return new Standing(selection.own(), selection.ownBasis().code(), out);
  }

  /** The reason {@link #reasons()} gives for a selection on {@code basis}, if it gives one. */
  private static Optional<String> basisReason(Selection.Basis basis) {
    return switch (basis) {
      case RANDOM -> Optional.of(RANDOM_REASON);
      case TOP_UP -> Optional.of(TOP_UP_REASON);
      case FORCED_AFTER_MAX_HITS -> Optional.of(FORCED_REASON);
      default -> Optional.empty();
    };
  }

  /**
   * Why a record holds its lane as things stand (see {@link #standing}).
   *
   * @param lane the lane its selection stands on: as selected, or the lane it fell back to
   * @param basis the basis code ({@code criteria}, {@code consignment}, …)
   * @param reasons every reason in plain language
   */
  public record Standing(Lane lane, String basis, List<String> reasons) {
    public Standing {
      reasons = List.copyOf(reasons);
    }
  }
}
