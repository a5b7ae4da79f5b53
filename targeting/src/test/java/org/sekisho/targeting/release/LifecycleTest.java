package org.sekisho.targeting.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.core.Outcome;
import org.sekisho.targeting.model.domain.RankingFigures;
import org.sekisho.targeting.release.domain.Lifecycle;
import org.sekisho.targeting.release.domain.ModelStatus;
import org.sekisho.targeting.release.domain.ModelVersion;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LifecycleTest {
  private static final Instant T0 = Instant.parse("2026-11-27T01:00:00Z");
  private static final Instant T1 = Instant.parse("2026-11-27T02:00:00Z");
  private static final RankingFigures FIGURES =
      new RankingFigures(1000, 200, Map.of(1, 1.0, 5, 0.98), Map.of(1, 0.05, 5, 0.25), 0.93);

  private static ModelVersion registered(int version, String by) {
    return ModelVersion.evaluated(
        version, "risk-" + version, "hash-" + version, FIGURES, "valid.csv", by, T0);
  }

  private static ModelVersion released(int version) {
    ModelVersion approved = Lifecycle.approve(registered(version, "kim"), "ada", T0).orElseThrow();
    return Lifecycle.release(approved, Optional.empty(), "ada", T0).orElseThrow().released();
  }

  @Test
  void anotherAdministratorApprovesAnEvaluatedModel() {
    ModelVersion a = Lifecycle.approve(registered(2, "kim"), "ada", T1).orElseThrow();
    assertThat(a.status()).isEqualTo(ModelStatus.APPROVED);
    assertThat(a.approvedBy()).isEqualTo("ada");
    assertThat(a.approvedAt()).contains(T1);
    assertThat(a.figures()).isEqualTo(FIGURES);
  }

  @Test
  void whoeverRegisteredAModelCannotApproveIt() {
    Outcome<ModelVersion> o = Lifecycle.approve(registered(2, "ada"), "ADA", T1);
    assertThat(o.isAccepted()).isFalse();
    assertThat(o.problems().getFirst().code()).isEqualTo("forbidden");
    assertThat(o.problems().getFirst().message()).contains("another administrator");
  }

  @Test
  void onlyAnEvaluatedModelCanBeApprovedAndOnlyOnce() {
    ModelVersion a = Lifecycle.approve(registered(2, "kim"), "ada", T1).orElseThrow();
    assertThat(Lifecycle.approve(a, "ben", T1).problems().getFirst().code()).isEqualTo("conflict");
  }

  @Test
  void releasingAnApprovedModelRetiresTheOneReleasedBefore() {
    ModelVersion current = released(1);
    ModelVersion approved = Lifecycle.approve(registered(2, "kim"), "ada", T1).orElseThrow();
    Lifecycle.Release r =
        Lifecycle.release(approved, Optional.of(current), "ben", T1).orElseThrow();
    assertThat(r.released().status()).isEqualTo(ModelStatus.RELEASED);
    assertThat(r.released().releasedBy()).isEqualTo("ben");
    assertThat(r.released().releasedAt()).contains(T1);
    assertThat(r.retired()).get().extracting(ModelVersion::status).isEqualTo(ModelStatus.RETIRED);
    assertThat(r.retired()).get().extracting(ModelVersion::version).isEqualTo(1);
  }

  @Test
  void anUnapprovedModelCannotBeReleased() {
    Outcome<Lifecycle.Release> o =
        Lifecycle.release(registered(2, "kim"), Optional.of(released(1)), "ada", T1);
    assertThat(o.problems().getFirst().code()).isEqualTo("conflict");
    assertThat(o.problems().getFirst().message()).contains("only an approved model");
  }

  @Test
  void aRetiredModelIsRestoredNotReleasedAgain() {
    ModelVersion one = released(1);
    ModelVersion approved = Lifecycle.approve(registered(2, "kim"), "ada", T1).orElseThrow();
    Lifecycle.Release r = Lifecycle.release(approved, Optional.of(one), "ben", T1).orElseThrow();
    ModelVersion retired = r.retired().orElseThrow();
    assertThat(Lifecycle.release(retired, Optional.of(r.released()), "ben", T1).problems())
        .first()
        .extracting(p -> p.message())
        .asString()
        .contains("restore it instead");
    Lifecycle.Release back =
        Lifecycle.restore(retired, Optional.of(r.released()), "ben", T1).orElseThrow();
    assertThat(back.released().version()).isEqualTo(1);
    assertThat(back.released().status()).isEqualTo(ModelStatus.RELEASED);
    assertThat(back.retired()).get().extracting(ModelVersion::version).isEqualTo(2);
  }

  @Test
  void onlyARetiredModelCanBeRestored() {
    ModelVersion approved = Lifecycle.approve(registered(2, "kim"), "ada", T1).orElseThrow();
    assertThat(Lifecycle.restore(approved, Optional.empty(), "ben", T1).problems())
        .first()
        .extracting(p -> p.code())
        .isEqualTo("conflict");
    assertThat(Lifecycle.restore(released(1), Optional.empty(), "ben", T1).isAccepted()).isFalse();
  }

  @Test
  void theFirstReleaseReplacesNothing() {
    ModelVersion approved = Lifecycle.approve(registered(1, "kim"), "ada", T1).orElseThrow();
    assertThat(Lifecycle.release(approved, Optional.empty(), "ada", T1).orElseThrow().retired())
        .isEmpty();
  }
}
