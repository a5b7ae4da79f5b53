package org.sekisho.targeting.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.targeting.assessment.domain.Assessment;
import org.sekisho.targeting.assessment.domain.ConsignmentSelection;
import org.sekisho.targeting.assessment.domain.CriterionHit;
import org.sekisho.targeting.selectivity.domain.Lane;
import org.sekisho.targeting.selectivity.domain.Selection;
import org.sekisho.targeting.selectivity.domain.Selection.Basis;

/**
 * Why a declaration given its consignment's red holds its lane once the consignment is released:
 * its own lane, on the basis it would have had alone, each with its own reason; while the
 * consignment stands, or is lowered but still above the declaration's own lane, the consignment.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class AssessmentStandingTest {
  private static final CriterionHit YELLOW_HIT =
      new CriterionHit(
          7,
          2,
          "Watched broker",
          Optional.of(Lane.YELLOW),
          10,
          30,
          "broker seen before",
          List.of());
  private static final ConsignmentSelection RED_BILL =
      new ConsignmentSelection("transport-document:B1", 41, Lane.RED);

  /** A declaration carried to red by {@link #RED_BILL}, its own lane {@code own} on {@code why}. */
  private static Assessment carried(Lane own, Basis why, List<CriterionHit> hits) {
    return new Assessment(
        "declaration:D1",
        "JPTYO",
        12.5,
        0.1,
        hits.isEmpty() ? Lane.GREEN : Lane.YELLOW,
        new Selection(Lane.RED, Basis.CONSIGNMENT, own, why),
        hits,
        List.of("model: origin TH"),
        "c7v2",
        "",
        "test-1",
        Optional.of(RED_BILL));
  }

  @Test
  void releasedItsOwnLaneStandsOnTheBasisItWouldHaveHadAloneWithThatBasissReason() {
    Optional<Lane> released = Optional.of(Lane.GREEN);
    assertThat(carried(Lane.BLUE, Basis.RANDOM, List.of()).standing(released))
        .isEqualTo(
            new Assessment.Standing(
                Lane.BLUE, "random", List.of(Assessment.RANDOM_REASON, "model: origin TH")));
    assertThat(carried(Lane.BLUE, Basis.TOP_UP, List.of()).standing(released))
        .isEqualTo(
            new Assessment.Standing(
                Lane.BLUE, "top-up", List.of(Assessment.TOP_UP_REASON, "model: origin TH")));
    assertThat(carried(Lane.YELLOW, Basis.CRITERIA, List.of(YELLOW_HIT)).standing(released))
        .isEqualTo(
            new Assessment.Standing(
                Lane.YELLOW,
                "criteria",
                List.of("Watched broker: broker seen before", "model: origin TH")));
    assertThat(
            carried(Lane.YELLOW, Basis.FORCED_AFTER_MAX_HITS, List.of(YELLOW_HIT))
                .standing(released))
        .isEqualTo(
            new Assessment.Standing(
                Lane.YELLOW,
                "forced-after-max-hits",
                List.of(
                    "Watched broker: broker seen before",
                    Assessment.FORCED_REASON,
                    "model: origin TH")));
    assertThat(carried(Lane.GREEN, Basis.NONE, List.of()).standing(released))
        .isEqualTo(new Assessment.Standing(Lane.GREEN, "none", List.of("model: origin TH")));
  }

  @Test
  void whileTheConsignmentStandsOrStillRaisesItTheConsignmentIsItsBasis() {
    Assessment a = carried(Lane.BLUE, Basis.RANDOM, List.of());
    String before = "consignment B1 was selected red before arrival (assessment 41)";
    assertThat(a.standing(Optional.of(Lane.RED)))
        .isEqualTo(
            new Assessment.Standing(Lane.RED, "consignment", List.of(before, "model: origin TH")));
    assertThat(a.standing(Optional.empty()).basis()).isEqualTo("consignment");
    assertThat(a.standing(Optional.of(Lane.YELLOW)))
        .isEqualTo(
            new Assessment.Standing(
                Lane.YELLOW,
                "consignment",
                List.of(
                    "its consignment B1 was lowered to yellow (assessment 41)",
                    "model: origin TH")));
    // lowered to its own lane: that lane is its own draw's
    assertThat(a.standing(Optional.of(Lane.BLUE)).basis()).isEqualTo("random");
  }

  @Test
  void aRecordHeldOnItsOwnBasisLosesOnlyTheConsignmentsReasonWhenItIsReleased() {
    Assessment a =
        new Assessment(
            "declaration:D2",
            "JPTYO",
            0,
            0,
            Lane.GREEN,
            new Selection(Lane.RED, Basis.RANDOM, Lane.RED, Basis.RANDOM),
            List.of(),
            List.of(),
            "",
            "",
            "",
            Optional.of(RED_BILL));
    assertThat(a.reasons())
        .containsExactly(
            "consignment B1 was selected red before arrival (assessment 41)",
            Assessment.RANDOM_REASON);
    assertThat(a.standing(Optional.of(Lane.GREEN)))
        .isEqualTo(new Assessment.Standing(Lane.RED, "random", List.of(Assessment.RANDOM_REASON)));
  }
}
