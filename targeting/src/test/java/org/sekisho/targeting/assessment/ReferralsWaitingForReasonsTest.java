package org.sekisho.targeting.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.targeting.adapter.db.JdbcAssessments;
import org.sekisho.targeting.assessment.adapter.json.DeclarationJson;
import org.sekisho.targeting.assessment.application.AssessRecords;
import org.sekisho.targeting.assessment.application.ModelReasons;
import org.sekisho.targeting.assessment.application.ModelVersions;
import org.sekisho.targeting.assessment.application.RiskScorer;
import org.sekisho.targeting.assessment.domain.ActiveCriterion;
import org.sekisho.targeting.assessment.domain.ModelScore;
import org.sekisho.targeting.assessment.domain.RuleBook;
import org.sekisho.targeting.criteria.domain.CriteriaLanguage;
import org.sekisho.targeting.criteria.domain.DeclarationView;
import org.sekisho.targeting.selectivity.domain.LaneLabels;
import org.sekisho.targeting.selectivity.domain.OfficeProfile;
import org.sekisho.targeting.selectivity.domain.Selectivity;
import org.sekisho.targeting.selectivity.domain.SelectivityConfig;

/**
 * Referrals the worker could not queue stay stored as waiting for their model reasons and are read
 * back, oldest first, with the model that scored them, until reasons (possibly none) are added.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReferralsWaitingForReasonsTest {
  private final Database db;

  ReferralsWaitingForReasonsTest(Database db) {
    this.db = db;
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("targeting")));
  }

  private static String declaration(String id, String origin) {
    return "{\"declarationId\":\""
        + id
        + "\",\"date\":\"2026-11-27T08:12:00+09:00\",\"office\":\"JPTYO\",\"modeOfTransport\":\"4\","
        + "\"importer\":{\"name\":\"Importer\",\"id\":\"IMP-1\"},"
        + "\"exporter\":{\"name\":\"Golden Lotus\",\"country\":\"TH\"},"
        + "\"countryOfDeparture\":\"TH\",\"items\":[{\"hsCode\":\"090121\",\"origin\":\""
        + origin
        + "\",\"netMassKg\":\"10\",\"customsValue\":\"5000\",\"currency\":\"JPY\"}]}";
  }

  @Test
  void aReferralNobodyQueuedIsReadBackUntilItsReasonsAreAdded() {
    JdbcAssessments store = new JdbcAssessments(db.jdbi(), new DeclarationJson());
    var red =
        CriteriaLanguage.compileOne(
                "criterion \"Thai origin\" when origin = \"TH\" then lane red because \"Thai origin seen\"",
                Map.of())
            .criteria()
            .get(0);
    RuleBook book =
        new RuleBook(
            List.of(new ActiveCriterion(1, 1, red, Set.of(), Optional.empty(), Optional.empty())),
            Map.of());
    RiskScorer model =
        new RiskScorer() {
          @Override
          public ModelScore score(DeclarationView d) {
            return new ModelScore(0.4, "m-waiting");
          }

          @Override
          public List<String> explain(DeclarationView d, int max) {
            return List.of("origin " + d.items().getFirst().origin());
          }

          @Override
          public List<String> quickReasons(DeclarationView d, int max) {
            return List.of("origin " + d.items().getFirst().origin() + " (quick)");
          }
        };
    List<ModelReasons.Referral> dropped = new ArrayList<>();
    AssessRecords records =
        new AssessRecords(
            new DeclarationJson(),
            store,
            () -> book,
            model,
            new Selectivity(
                new SelectivityConfig(
                    1, Map.of(), OfficeProfile.red(0, 0, 0), LaneLabels.colours())),
            store,
            (cv, lv) -> Optional.of(book),
            ModelVersions.NONE,
            dropped::add,
            event -> {},
            Clock.systemUTC());
    long first = records.assessJson("declaration", declaration("W-1", "TH")).orElseThrow().id();
    long green = records.assessJson("declaration", declaration("W-2", "JP")).orElseThrow().id();
    long second = records.assessJson("declaration", declaration("W-3", "TH")).orElseThrow().id();
    assertThat(dropped).extracting(ModelReasons.Referral::id).containsExactly(first, second);

    List<ModelReasons.Referral> waiting = records.waitingForModelReasons(10);
    // the green one never waits; the referrals come back oldest first, with the model that scored
    // them and the declaration as assessed
    assertThat(waiting).extracting(ModelReasons.Referral::id).containsExactly(first, second);
    assertThat(waiting).allMatch(r -> r.model() == model);
    assertThat(waiting.getFirst().declaration().sourceId()).isEqualTo("W-1");
    assertThat(records.waitingForModelReasons(1)).hasSize(1);

    // stored with their quick reasons, which do not end the wait for the exact ones
    assertThat(store.byId(first).orElseThrow().assessment().modelReasons())
        .containsExactly("origin TH (quick)");
    store.addModelReasons(Map.of(first, List.of("origin TH"), second, List.of()));
    assertThat(records.waitingForModelReasons(10)).isEmpty();
    assertThat(store.byId(first).orElseThrow().assessment().modelReasons())
        .containsExactly("origin TH");
    assertThat(store.byId(green).orElseThrow().assessment().modelReasons()).isEmpty();
  }
}
