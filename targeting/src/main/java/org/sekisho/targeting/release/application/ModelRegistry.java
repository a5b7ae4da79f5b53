package org.sekisho.targeting.release.application;

import java.util.List;
import java.util.Optional;
import org.sekisho.targeting.release.domain.Lifecycle;
import org.sekisho.targeting.release.domain.ModelVersion;

/**
 * Port: the registry of risk models and their lifecycle state. Every change is conditional on the
 * state it was decided from, so two administrators acting at once cannot both win.
 */
public interface ModelRegistry {
  /** Every registered model, newest first. */
  List<ModelVersion> all();

  Optional<ModelVersion> find(int version);

  Optional<ModelVersion> byContentHash(String contentHash);

  Optional<ModelVersion> byModelId(String modelId);

  /** The released model, if any. */
  Optional<ModelVersion> released();

  /** The number the next registration gets. */
  int nextVersion();

  /** Adds a model; false when its version, model id or content hash is already registered. */
  boolean add(ModelVersion m);

  /** Stores an approval; false when the model is no longer evaluated. */
  boolean approve(ModelVersion approved);

  /**
   * Stores a release in one transaction (the new one released, the one it replaced retired); false
   * when either changed state in the meantime.
   */
  boolean release(Lifecycle.Release r);
}
