package org.sekisho.targeting.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.targeting.assessment.domain.ActiveCriterion;
import org.sekisho.targeting.assessment.domain.Assessment;
import org.sekisho.targeting.assessment.domain.Assessor;
import org.sekisho.targeting.assessment.domain.ModelScore;
import org.sekisho.targeting.assessment.domain.RuleBook;
import org.sekisho.targeting.criteria.Declarations;
import org.sekisho.targeting.criteria.domain.CriteriaLanguage;
import org.sekisho.targeting.criteria.domain.ListKind;
import org.sekisho.targeting.criteria.domain.ReferenceList;
import org.sekisho.targeting.selectivity.domain.Lane;
import org.sekisho.targeting.selectivity.domain.LaneLabels;
import org.sekisho.targeting.selectivity.domain.OfficeProfile;
import org.sekisho.targeting.selectivity.domain.Selectivity;
import org.sekisho.targeting.selectivity.domain.SelectivityConfig;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AssessorTest {
  private static final Map<String, ReferenceList> LISTS =
      Map.of("origins", new ReferenceList("origins", ListKind.COUNTRIES, 2, Set.of("TH")));

  private static RuleBook book() {
    var coffee =
        CriteriaLanguage.compileOne(
                "criterion \"Cheap coffee\" when hs starts with \"0901\" and origin in list"
                    + " \"origins\" and value_per_kg < 200 then lane yellow weight 30 because"
                    + " \"cheap coffee\"",
                LISTS)
            .criteria()
            .get(0);
    var laptops =
        CriteriaLanguage.compileOne(
                "criterion \"Laptops\" when hs starts with \"8471\" then weight 5 because \"laptops"
                    + " are often undervalued\"",
                LISTS)
            .criteria()
            .get(0);
    var osakaOnly =
        CriteriaLanguage.compileOne(
                "criterion \"Osaka\" when items > 0 then lane red because \"osaka only test\"",
                LISTS)
            .criteria()
            .get(0);
    return new RuleBook(
        List.of(
            new ActiveCriterion(1, 3, coffee, Set.of(), Optional.empty(), Optional.empty()),
            new ActiveCriterion(2, 1, laptops, Set.of(), Optional.empty(), Optional.empty()),
            new ActiveCriterion(
                3, 1, osakaOnly, Set.of("JPOSA"), Optional.empty(), Optional.empty())),
        LISTS);
  }

  private static Selectivity quiet() {
    return new Selectivity(
        new SelectivityConfig(1, Map.of(), OfficeProfile.red(0, 0, 0), LaneLabels.colours()));
  }

  @Test
  void criteriaWeightsAndTheModelScoreAddUpAndTheMostSevereLaneWins() {
    Assessment a =
        Assessor.assess(
            Declarations.coffee("D1", "TH", 1000, 10), book(), new ModelScore(0.25, "m1"), quiet());
    assertThat(a.score()).isEqualTo(25 + 30 + 5);
    assertThat(a.lane()).isEqualTo(Lane.YELLOW);
    assertThat(a.hits()).extracting(h -> h.key()).containsExactly("c1v3", "c2v1");
    // the Osaka-only c3v1 could not have hit a record of another office: not among those used
    assertThat(a.criteriaVersions()).isEqualTo("c1v3,c2v1");
    assertThat(a.listVersions()).isEqualTo("originsv2");
    assertThat(a.modelVersion()).isEqualTo("m1");
    assertThat(a.reasons())
        .contains("Cheap coffee: cheap coffee", "list \"origins\" v2: origin TH");
  }

  @Test
  void officeScopeKeepsACriterionToItsOffices() {
    Assessment a =
        Assessor.assess(
            Declarations.coffee("D2", "BR", 1000, 10), book(), ModelScore.NONE, quiet());
    assertThat(a.hits()).extracting(h -> h.criterionId()).containsExactly(2L);
    assertThat(a.lane()).isEqualTo(Lane.GREEN);
  }

  @Test
  void replayingTheSameInputWithTheSameVersionsGivesTheSameAssessment() {
    var d = Declarations.coffee("D3", "TH", 500, 10);
    Assessment first = Assessor.assess(d, book(), new ModelScore(0.4, "m1"), quiet());
    Assessment again = Assessor.assess(d, book(), new ModelScore(0.4, "m1"), quiet());
    assertThat(again).isEqualTo(first);
  }
}
