package org.sekisho.targeting.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.targeting.assessment.adapter.model.KcsViews;
import org.sekisho.targeting.assessment.adapter.model.ReleasedModelScorer;
import org.sekisho.targeting.assessment.application.AssessmentStore;
import org.sekisho.targeting.assessment.application.ModelReasons.Referral;
import org.sekisho.targeting.assessment.application.ModelReasonsWorker;
import org.sekisho.targeting.assessment.application.RiskScorer;
import org.sekisho.targeting.assessment.application.StoredAssessment;
import org.sekisho.targeting.assessment.domain.Assessment;
import org.sekisho.targeting.assessment.domain.ModelScore;
import org.sekisho.targeting.criteria.Declarations;
import org.sekisho.targeting.criteria.domain.DeclarationView;
import org.sekisho.targeting.model.TestData;
import org.sekisho.targeting.model.adapter.xgboost.XgboostTrainer;
import org.sekisho.targeting.model.application.BoostingParameters;
import org.sekisho.targeting.model.application.TrainRiskModel;
import org.sekisho.targeting.model.domain.FeatureSet;
import org.sekisho.targeting.model.domain.KcsDeclaration;

/**
 * The model-reasons worker: referrals explained together give the reasons they get one by one, each
 * with the model that scored it; a full queue never holds up the assessing thread, and what did not
 * fit is read back from the store.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ModelReasonsWorkerTest {
  /** Reasons added by the worker thread, by assessment id. */
  static final class Reasons implements AssessmentStore {
    final Map<Long, List<String>> added = new ConcurrentHashMap<>();
    final List<Integer> storedTogether = Collections.synchronizedList(new ArrayList<>());

    @Override
    public StoredAssessment saveIfAbsent(
        Assessment a, DeclarationView d, String json, Instant at, boolean exactReasonsFollow) {
      throw new UnsupportedOperationException();
    }

    @Override
    public java.util.Optional<StoredAssessment> byKey(String recordKey) {
      return java.util.Optional.empty();
    }

    @Override
    public java.util.Optional<StoredAssessment> byId(long id) {
      return java.util.Optional.empty();
    }

    @Override
    public int carryOver(
        List<org.sekisho.targeting.assessment.domain.ConsignmentSelection> selected, Instant at) {
      return 0;
    }

    @Override
    public Map<String, org.sekisho.targeting.assessment.domain.ConsignmentSelection> consignments(
        java.util.Collection<String> keys) {
      return Map.of();
    }

    @Override
    public void addModelReasons(long id, List<String> reasons) {
      added.put(id, reasons);
    }

    @Override
    public void addModelReasons(Map<Long, List<String>> reasonsById) {
      storedTogether.add(reasonsById.size());
      added.putAll(reasonsById);
    }

    @Override
    public List<StoredAssessment> waitingForModelReasons(int max) {
      return List.of();
    }
  }

  /** A model that says which declaration it explains and how many it was given at once. */
  static final class Counting implements RiskScorer {
    final String name;
    final List<Integer> blocks = Collections.synchronizedList(new ArrayList<>());

    Counting(String name) {
      this.name = name;
    }

    @Override
    public ModelScore score(DeclarationView d) {
      return new ModelScore(0.5, name);
    }

    @Override
    public List<String> explain(DeclarationView d, int max) {
      return List.of(name + " explains " + d.sourceId());
    }

    @Override
    public List<List<String>> explainAll(List<DeclarationView> ds, int max) {
      blocks.add(ds.size());
      return RiskScorer.super.explainAll(ds, max);
    }
  }

  private static Referral referral(long id, RiskScorer m) {
    return new Referral(id, m, Declarations.coffee("D" + id, "TH", 1000, 10));
  }

  private static void awaitReasons(Reasons store, int n) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (store.added.size() < n && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    assertThat(store.added).hasSize(n);
  }

  @Test
  void referralsWaitingTogetherAreExplainedInOneBlockAndStoredTogether() throws Exception {
    Reasons store = new Reasons();
    Counting m = new Counting("m1");
    try (ModelReasonsWorker w =
        new ModelReasonsWorker(store, max -> List.of(), 1000, Duration.ofMillis(50), Thread::new)) {
      for (long id = 1; id <= 300; id++) {
        w.later(referral(id, m));
      }
      w.start();
      awaitReasons(store, 300);
    }
    // queued before the thread started: a full block and the rest
    assertThat(m.blocks).containsExactly(ModelReasonsWorker.BLOCK, 300 - ModelReasonsWorker.BLOCK);
    assertThat(store.storedTogether)
        .containsExactly(ModelReasonsWorker.BLOCK, 300 - ModelReasonsWorker.BLOCK);
    assertThat(store.added.get(7L)).containsExactly("m1 explains D7");
  }

  @Test
  void eachReferralOfABlockIsExplainedWithTheModelThatScoredIt() throws Exception {
    Reasons store = new Reasons();
    Counting old = new Counting("old");
    Counting released = new Counting("new");
    try (ModelReasonsWorker w =
        new ModelReasonsWorker(store, max -> List.of(), 100, Duration.ofMillis(50), Thread::new)) {
      w.later(referral(1, old));
      w.later(referral(2, released));
      w.later(referral(3, old));
      w.start();
      awaitReasons(store, 3);
    }
    assertThat(store.added.get(1L)).containsExactly("old explains D1");
    assertThat(store.added.get(2L)).containsExactly("new explains D2");
    assertThat(store.added.get(3L)).containsExactly("old explains D3");
    assertThat(old.blocks).containsExactly(2);
    assertThat(released.blocks).containsExactly(1);
  }

  @Test
  void aFullQueueNeverHoldsTheAssessmentAndWhatDidNotFitIsReadBackFromTheStore() throws Exception {
    Reasons store = new Reasons();
    Counting m = new Counting("m1");
    List<Referral> all = new ArrayList<>();
    for (long id = 1; id <= 10; id++) {
      all.add(referral(id, m));
    }
    // the store's view: every referral without reasons yet, oldest first
    IntFunction<List<Referral>> waiting =
        max -> all.stream().filter(r -> !store.added.containsKey(r.id())).limit(max).toList();
    try (ModelReasonsWorker w =
        new ModelReasonsWorker(store, waiting, 3, Duration.ofMillis(10), Thread::new)) {
      long t0 = System.nanoTime();
      all.forEach(w::later);
      assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.MILLISECONDS.toNanos(100));
      assertThat(w.stats().queued()).isEqualTo(3);
      assertThat(w.stats().leftToStore()).isEqualTo(7);
      w.start();
      awaitReasons(store, 10);
      assertThat(w.stats().caughtUp()).isGreaterThanOrEqualTo(7);
    }
    for (long id = 1; id <= 10; id++) {
      assertThat(store.added.get(id)).containsExactly("m1 explains D" + id);
    }
  }

  @Test
  void closingExplainsWhatIsStillQueued() {
    Reasons store = new Reasons();
    Counting m = new Counting("m1");
    ModelReasonsWorker w =
        new ModelReasonsWorker(store, max -> List.of(), 100, Duration.ofSeconds(5), Thread::new);
    w.start();
    for (long id = 1; id <= 20; id++) {
      w.later(referral(id, m));
    }
    w.close();
    assertThat(store.added).hasSize(20);
  }

  @Test
  void aRealModelGivesTheSameReasonsInBlocksAsOneByOne() {
    List<KcsDeclaration> train = TestData.read("train-3000.csv");
    List<KcsDeclaration> valid = TestData.read("valid-1000.csv");
    BoostingParameters p =
        new BoostingParameters(6, 0, 0.3, 1, 0.8, 0.8, 1, 256, 40, 5, 5, 5, 1, 3);
    var trained =
        new TrainRiskModel(
                new XgboostTrainer(),
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
            .train(new TrainRiskModel.Request(train, valid, Map.of(), p, FeatureSet.DEFAULT, true));
    RiskScorer m = new ReleasedModelScorer(trained.model(), "m-test");
    List<DeclarationView> ds = valid.stream().limit(300).map(KcsViews::view).toList();
    Reasons store = new Reasons();
    try (ModelReasonsWorker w =
        new ModelReasonsWorker(store, max -> List.of(), 1000, Duration.ofMillis(50), Thread::new)) {
      for (int i = 0; i < ds.size(); i++) {
        w.later(new Referral(i, m, ds.get(i)));
      }
      w.start();
      w.close();
    }
    assertThat(store.storedTogether).containsExactly(256, 44);
    int withReasons = 0;
    for (int i = 0; i < ds.size(); i++) {
      List<String> one = m.explain(ds.get(i), 3);
      assertThat(store.added.get((long) i)).as("referral %d", i).isEqualTo(one);
      withReasons += one.isEmpty() ? 0 : 1;
    }
    assertThat(withReasons).isGreaterThan(100);
  }
}
