package org.sekisho.targeting.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
import org.sekisho.targeting.assessment.application.AssessmentRequests.Request;
import org.sekisho.targeting.assessment.application.ModelReasons;
import org.sekisho.targeting.assessment.application.StoredAssessment;

/**
 * Whether a referral still waits for its exact model reasons is what the store says: set when it is
 * stored with quick reasons (one at a time or in a batch), cleared when the exact reasons are added
 * and when they are given up, even though the reasons are then empty.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StoredReasonsPendingTest {
  private final JdbcAssessments store;

  StoredReasonsPendingTest(Database db) {
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("targeting")));
    this.store = new JdbcAssessments(db.jdbi(), new DeclarationJson());
  }

  @Test
  void pendingUntilTheExactReasonsAreAddedOrGivenUp() {
    List<ModelReasons.Referral> queue = new ArrayList<>();
    AssessRecords records =
        ModelReasonsAfterStoringTest.records(
            store, ModelReasonsAfterStoringTest.model("m1", "importer: new"), queue);
    StoredAssessment one = records.assessJson("declaration", "P1").orElseThrow();
    records.assessAll(List.of(new Request("declaration", "P2", "P2")));
    StoredAssessment two = store.byKey("declaration:P2").orElseThrow();

    assertThat(one.modelReasonsPending()).isTrue();
    assertThat(store.byId(one.id()).orElseThrow().modelReasonsPending()).isTrue();
    assertThat(two.modelReasonsPending()).isTrue();
    assertThat(queue).extracting(ModelReasons.Referral::id).containsExactly(one.id(), two.id());

    store.addModelReasons(one.id(), List.of("importer: new (+0.40, exact SHAP)"));
    // the model is gone, say: nothing to add, and it stops waiting
    store.addModelReasons(two.id(), List.of());

    StoredAssessment explained = store.byId(one.id()).orElseThrow();
    StoredAssessment givenUp = store.byId(two.id()).orElseThrow();
    assertThat(explained.modelReasonsPending()).isFalse();
    assertThat(explained.assessment().modelReasons())
        .containsExactly("importer: new (+0.40, exact SHAP)");
    assertThat(givenUp.modelReasonsPending()).isFalse();
    assertThat(givenUp.assessment().modelReasons()).isEmpty();
  }
}
