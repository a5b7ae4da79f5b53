package org.sekisho.targeting.assessment.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sekisho.targeting.criteria.domain.DeclarationView;
import org.sekisho.targeting.selectivity.domain.Lane;
import org.sekisho.targeting.selectivity.domain.LaneHit;
import org.sekisho.targeting.selectivity.domain.Selection;
import org.sekisho.targeting.selectivity.domain.Selectivity;

/**
 * Folds the rule book and the model score into an assessment and lets selectivity choose the lane.
 * The fold is pure; selectivity keeps per-office counters (see {@link Selectivity}).
 */
public final class Assessor {
  private Assessor() {}

  /** Score = model probability × 100 + Σ weights of the hits. */
  public static double score(double probability, List<CriterionHit> hits) {
    double s = probability * 100;
    for (CriterionHit h : hits) {
      s += h.weight();
    }
    return s;
  }

  /** The most severe lane the hits ask for; green when none asks. */
  public static Lane criteriaLane(List<CriterionHit> hits) {
    Lane lane = Lane.GREEN;
    for (CriterionHit h : hits) {
      if (h.lane().isPresent()) {
        lane = Lane.max(lane, h.lane().get());
      }
    }
    return lane;
  }

  /**
   * The stream whose rates a record's lane is chosen within: its office for declarations and postal
   * items (the goods being cleared), office and kind for transport documents, so that consignments
   * assessed before arrival neither use up nor fill the office's rates for declarations.
   */
  public static String stream(DeclarationView d) {
    return d.recordKind().equals("transport-document")
        ? d.office() + "/" + d.recordKind()
        : d.office();
  }

  /** Assesses {@code d}: hits, score, lane. Model reasons are added by the caller if wanted. */
  public static Assessment assess(
      DeclarationView d, RuleBook book, ModelScore model, Selectivity selectivity) {
    return assess(d, book, model, selectivity, Optional.empty());
  }

  /**
   * Assesses {@code d} as {@link #assess(DeclarationView, RuleBook, ModelScore, Selectivity)} does,
   * giving it at least the lane its consignment was selected for before arrival. That lane changes
   * neither the score nor the criteria lane: it is an input, kept with the assessment.
   */
  public static Assessment assess(
      DeclarationView d,
      RuleBook book,
      ModelScore model,
      Selectivity selectivity,
      Optional<ConsignmentSelection> consignment) {
    List<CriterionHit> hits = book.evaluate(d);
    double score = score(model.probability(), hits);
    List<LaneHit> laneHits = new ArrayList<>(hits.size());
    for (CriterionHit h : hits) {
      h.lane().ifPresent(l -> laneHits.add(new LaneHit(h.key(), l, h.samplePercent())));
    }
    Selection sel =
        selectivity.select(
            stream(d),
            d.key(),
            laneHits,
            score,
            consignment.map(ConsignmentSelection::lane).orElse(Lane.GREEN));
    return new Assessment(
        d.key(),
        d.office(),
        score,
        model.probability(),
        criteriaLane(hits),
        sel,
        hits,
        List.of(),
        book.criteriaVersions(d),
        book.listVersions(),
        model.modelVersion(),
        consignment);
  }
}
