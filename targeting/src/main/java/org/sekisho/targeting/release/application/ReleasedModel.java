package org.sekisho.targeting.release.application;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.sekisho.targeting.assessment.application.RiskScorer;
import org.sekisho.targeting.assessment.domain.ModelScore;
import org.sekisho.targeting.criteria.domain.DeclarationView;

/**
 * The model the running assessor scores with, swapped atomically when another is released: an
 * assessment takes a {@link #snapshot()} once and scores and explains with that one model, so it
 * never mixes two. Thread-safe.
 */
public final class ReleasedModel implements RiskScorer {
  /** The model in use and its registry number (0: not from the registry). */
  public record Running(int version, RiskScorer scorer) {}

  private final AtomicReference<Running> running;

  public ReleasedModel(RiskScorer initial) {
    this.running = new AtomicReference<>(new Running(0, initial));
  }

  /** Puts {@code scorer} (registry number {@code version}) in use for every later assessment. */
  public void swap(int version, RiskScorer scorer) {
    running.set(new Running(version, scorer));
  }

  public Running running() {
    return running.get();
  }

  @Override
  public RiskScorer snapshot() {
    return running.get().scorer();
  }

  @Override
  public ModelScore score(DeclarationView d) {
    return snapshot().score(d);
  }

  @Override
  public List<String> explain(DeclarationView d, int max) {
    return snapshot().explain(d, max);
  }

  @Override
  public List<String> quickReasons(DeclarationView d, int max) {
    return snapshot().quickReasons(d, max);
  }

  @Override
  public List<List<String>> explainAll(List<DeclarationView> ds, int max) {
    return snapshot().explainAll(ds, max);
  }

  @Override
  public List<List<String>> explainAll(List<DeclarationView> ds, int max, Runnable pausePoint) {
    return snapshot().explainAll(ds, max, pausePoint);
  }
}
