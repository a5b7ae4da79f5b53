package org.sekisho.targeting.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.core.Outcome;
import org.sekisho.targeting.assessment.application.AssessRecords;
import org.sekisho.targeting.assessment.application.AssessmentRequests;
import org.sekisho.targeting.assessment.application.AssessmentStore;
import org.sekisho.targeting.assessment.application.ModelReasons;
import org.sekisho.targeting.assessment.application.ModelVersions;
import org.sekisho.targeting.assessment.application.RiskScorer;
import org.sekisho.targeting.assessment.application.StoredAssessment;
import org.sekisho.targeting.assessment.domain.ActiveCriterion;
import org.sekisho.targeting.assessment.domain.Assessment;
import org.sekisho.targeting.assessment.domain.ModelScore;
import org.sekisho.targeting.assessment.domain.RuleBook;
import org.sekisho.targeting.criteria.Declarations;
import org.sekisho.targeting.criteria.domain.CriteriaLanguage;
import org.sekisho.targeting.criteria.domain.DeclarationView;
import org.sekisho.targeting.criteria.domain.TraderHistory;
import org.sekisho.targeting.selectivity.domain.Lane;
import org.sekisho.targeting.selectivity.domain.LaneLabels;
import org.sekisho.targeting.selectivity.domain.OfficeProfile;
import org.sekisho.targeting.selectivity.domain.Selectivity;
import org.sekisho.targeting.selectivity.domain.SelectivityConfig;

/**
 * A referral's model reasons: inline they are part of the stored assessment; on a worker they are
 * added to the stored assessment after it is returned, computed with the model that scored it.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ModelReasonsAfterStoringTest {
  /** In-memory store. */
  static final class Store implements AssessmentStore {
    final Map<String, StoredAssessment> byKey = new HashMap<>();
    final Map<Long, List<String>> added = new HashMap<>();
    final Set<Long> waiting = new java.util.HashSet<>();

    @Override
    public StoredAssessment saveIfAbsent(
        Assessment a, DeclarationView d, String json, Instant at, boolean exactReasonsFollow) {
      return byKey.computeIfAbsent(
          a.recordKey(),
          k -> {
            StoredAssessment s =
                new StoredAssessment(
                    byKey.size() + 1, a, at, d.history(), json, exactReasonsFollow);
            if (exactReasonsFollow) {
              waiting.add(s.id());
            }
            return s;
          });
    }

    @Override
    public Optional<StoredAssessment> byKey(String recordKey) {
      return Optional.ofNullable(byKey.get(recordKey));
    }

    @Override
    public int carryOver(
        List<org.sekisho.targeting.assessment.domain.ConsignmentSelection> selected, Instant at) {
      return 0;
    }

    @Override
    public Map<String, org.sekisho.targeting.assessment.domain.ConsignmentSelection> consignments(
        java.util.Collection<String> keys) {
      Map<String, org.sekisho.targeting.assessment.domain.ConsignmentSelection> out =
          new HashMap<>();
      for (String k : keys) {
        byKey("transport-document:" + k)
            .flatMap(
                s ->
                    org.sekisho.targeting.assessment.domain.ConsignmentSelection.carried(
                        s.assessment().recordKey(), s.id(), s.assessment().lane(), false))
            .ifPresent(c -> out.put(k, c));
      }
      return out;
    }

    @Override
    public Optional<StoredAssessment> byId(long id) {
      return byKey.values().stream().filter(s -> s.id() == id).findFirst();
    }

    @Override
    public void addModelReasons(long id, List<String> reasons) {
      added.put(id, reasons);
      waiting.remove(id);
    }

    @Override
    public List<StoredAssessment> waitingForModelReasons(int max) {
      return byKey.values().stream().filter(s -> waiting.contains(s.id())).limit(max).toList();
    }
  }

  static RiskScorer model(String version, String reason) {
    return new RiskScorer() {
      @Override
      public ModelScore score(DeclarationView d) {
        return new ModelScore(0.5, version);
      }

      @Override
      public List<String> explain(DeclarationView d, int max) {
        return List.of(reason);
      }

      @Override
      public List<String> quickReasons(DeclarationView d, int max) {
        return List.of(reason + " (quick)");
      }
    };
  }

  /**
   * Every declaration referred red by a criterion, scored by {@code model}; stored in {@code
   * store}.
   */
  static AssessRecords records(
      AssessmentStore store, RiskScorer model, List<ModelReasons.Referral> queue) {
    var red =
        CriteriaLanguage.compileOne(
                "criterion \"All\" when items > 0 then lane red because \"every one\"", Map.of())
            .criteria()
            .get(0);
    RuleBook book =
        new RuleBook(
            List.of(new ActiveCriterion(1, 1, red, Set.of(), Optional.empty(), Optional.empty())),
            Map.of());
    return new AssessRecords(
        (kind, json) -> Outcome.accepted(Declarations.coffee(json, "TH", 1000, 10)),
        d -> TraderHistory.NONE,
        () -> book,
        model,
        new Selectivity(
            new SelectivityConfig(1, Map.of(), OfficeProfile.red(0, 0, 0), LaneLabels.colours())),
        store,
        (cv, lv) -> Optional.of(book),
        ModelVersions.NONE,
        queue == null ? AssessRecords.INLINE : queue::add,
        event -> {},
        Clock.systemUTC());
  }

  @Test
  void inlineReasonsArePartOfTheReturnedAssessment() {
    Store store = new Store();
    StoredAssessment s =
        records(store, model("m1", "importer: new"), null)
            .assessJson("declaration", "D1")
            .orElseThrow();
    assertThat(s.assessment().lane()).isEqualTo(Lane.RED);
    assertThat(s.assessment().modelReasons()).containsExactly("importer: new");
    assertThat(store.added).isEmpty();
    assertThat(store.waitingForModelReasons(10)).isEmpty();
  }

  @Test
  void onAWorkerTheReasonsFollowTheStoredAssessmentOnceAndOnlyForNewOnes() {
    Store store = new Store();
    List<ModelReasons.Referral> queue = new ArrayList<>();
    AssessRecords r = records(store, model("m1", "importer: new"), queue);
    StoredAssessment s = r.assessJson("declaration", "D1").orElseThrow();
    // the quick reasons come with the answer; the stored assessment still waits for exact ones
    assertThat(s.assessment().modelReasons()).containsExactly("importer: new (quick)");
    assertThat(store.added).isEmpty();
    assertThat(store.waitingForModelReasons(10))
        .extracting(StoredAssessment::id)
        .containsExactly(s.id());
    assertThat(queue).hasSize(1);
    ModelReasons.Referral q = queue.getFirst();
    assertThat(q.id()).isEqualTo(s.id());
    assertThat(q.model().explain(q.declaration(), 3)).containsExactly("importer: new");
    // the same record again: the stored one, and no second explanation
    assertThat(r.assessJson("declaration", "D1").orElseThrow().id()).isEqualTo(s.id());
    assertThat(queue).hasSize(1);
  }

  @Test
  void aBatchStoresQuickReasonsAndHandsOnlyItsNewReferralsToTheWorker() {
    Store store = new Store();
    List<ModelReasons.Referral> queue = new ArrayList<>();
    AssessRecords r = records(store, model("m1", "importer: new"), queue);
    r.assessAll(
        List.of(
            new AssessmentRequests.Request("declaration", "B1", "B1"),
            new AssessmentRequests.Request("declaration", "B2", "B2"),
            new AssessmentRequests.Request("declaration", "B1", "B1")));
    assertThat(queue).extracting(q -> q.declaration().sourceId()).containsExactly("B1", "B2");
    assertThat(store.byKey("declaration:B1").orElseThrow().assessment().modelReasons())
        .containsExactly("importer: new (quick)");
    assertThat(store.waitingForModelReasons(10)).hasSize(2);
    // B2 again with a new one: only the new one is assessed and explained
    r.assessAll(
        List.of(
            new AssessmentRequests.Request("declaration", "B2", "B2"),
            new AssessmentRequests.Request("declaration", "B3", "B3")));
    assertThat(queue).extracting(q -> q.declaration().sourceId()).containsExactly("B1", "B2", "B3");
    assertThat(queue.getLast().id()).isEqualTo(store.byKey("declaration:B3").orElseThrow().id());
  }

  @Test
  void withoutAModelNothingIsExplained() {
    Store store = new Store();
    List<ModelReasons.Referral> queue = new ArrayList<>();
    records(store, RiskScorer.NONE, queue).assessJson("declaration", "D1").orElseThrow();
    assertThat(queue).isEmpty();
  }
}
