package org.sekisho.targeting.assessment.adapter.model;

import java.nio.file.Path;
import java.util.List;
import org.sekisho.core.Outcome;
import org.sekisho.targeting.assessment.application.RiskScorer;
import org.sekisho.targeting.assessment.domain.ModelScore;
import org.sekisho.targeting.criteria.domain.DeclarationView;
import org.sekisho.targeting.model.adapter.store.ModelDirectory;
import org.sekisho.targeting.model.domain.Reason;
import org.sekisho.targeting.model.domain.RiskModel;

/** The released risk model (a model directory) behind the {@link RiskScorer} port. */
public final class ReleasedModelScorer implements RiskScorer {
  private final RiskModel model;
  private final String version;
  private final ThreadLocal<float[]> scratch;

  public ReleasedModelScorer(RiskModel model, String version) {
    this.model = model;
    this.version = version;
    this.scratch = ThreadLocal.withInitial(() -> new float[model.encoder().width()]);
  }

  /** Reads a model directory; rejected with the reason when it cannot be used. */
  public static Outcome<RiskScorer> open(Path dir) {
    return ModelDirectory.read(dir)
        .map(l -> new ReleasedModelScorer(l.model(), l.manifest().versionId()));
  }

  @Override
  public ModelScore score(DeclarationView d) {
    return new ModelScore(model.score(KcsViews.kcs(d), scratch.get()), version);
  }

  @Override
  public List<String> explain(DeclarationView d, int max) {
    return model.reasons(KcsViews.kcs(d), max).stream().map(Reason::toString).toList();
  }

  @Override
  public List<String> quickReasons(DeclarationView d, int max) {
    return model.pathReasons(KcsViews.kcs(d), max).stream().map(Reason::toString).toList();
  }

  /**
   * One pass over the trees' leaves for the whole block (see {@link RiskModel#reasons(List, int)}).
   */
  @Override
  public List<List<String>> explainAll(List<DeclarationView> ds, int max) {
    return explainAll(ds, max, () -> {});
  }

  @Override
  public List<List<String>> explainAll(List<DeclarationView> ds, int max, Runnable pausePoint) {
    return model.reasons(ds.stream().map(KcsViews::kcs).toList(), max, pausePoint).stream()
        .map(rs -> rs.stream().map(Reason::toString).toList())
        .toList();
  }
}
