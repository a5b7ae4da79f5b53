package org.sekisho.targeting.release.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.sekisho.targeting.model.domain.RankingFigures;

/**
 * One registered risk model: its registry number, the model's own id (recorded with every
 * assessment), the hash of its files, its evaluation figures and who moved it through the
 * lifecycle.
 *
 * @param version registry number, 1, 2, 3 … in order of registration
 * @param modelId the model directory's {@code versionId} (what assessments record)
 * @param contentHash SHA-256 over the model files; the stored copy must still match it
 * @param status where it stands
 * @param figures precision and recall at the top 1/2/5/10 % and AUC on {@code evaluatedOn}
 * @param evaluatedOn the file the figures were measured on (name and SHA-256)
 * @param registeredBy who registered it
 * @param registeredAt when
 * @param approvedBy the approving administrator, empty until approved
 * @param approvedAt when approved
 * @param releasedBy who released (or restored) it last, empty until released
 * @param releasedAt when released (or restored) last
 */
public record ModelVersion(
    int version,
    String modelId,
    String contentHash,
    ModelStatus status,
    RankingFigures figures,
    String evaluatedOn,
    String registeredBy,
    Instant registeredAt,
    String approvedBy,
    Optional<Instant> approvedAt,
    String releasedBy,
    Optional<Instant> releasedAt) {
  public ModelVersion {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(registeredBy, "registeredBy");
    Objects.requireNonNull(registeredAt, "registeredAt");
    evaluatedOn = evaluatedOn == null ? "" : evaluatedOn;
    approvedBy = approvedBy == null ? "" : approvedBy;
    releasedBy = releasedBy == null ? "" : releasedBy;
    approvedAt = approvedAt == null ? Optional.empty() : approvedAt;
    releasedAt = releasedAt == null ? Optional.empty() : releasedAt;
  }

  /** A freshly registered model, waiting for approval. */
  public static ModelVersion evaluated(
      int version,
      String modelId,
      String contentHash,
      RankingFigures figures,
      String evaluatedOn,
      String by,
      Instant at) {
    return new ModelVersion(
        version,
        modelId,
        contentHash,
        ModelStatus.EVALUATED,
        figures,
        evaluatedOn,
        by,
        at,
        "",
        Optional.empty(),
        "",
        Optional.empty());
  }

  /**
   * The model directory that was in production before the registry existed, taken in as released
   * (it was released by being copied into place; nobody approved it here).
   */
  public static ModelVersion legacyRelease(
      int version,
      String modelId,
      String contentHash,
      RankingFigures figures,
      String evaluatedOn,
      Instant at) {
    return new ModelVersion(
        version,
        modelId,
        contentHash,
        ModelStatus.RELEASED,
        figures,
        evaluatedOn,
        LEGACY,
        at,
        LEGACY,
        Optional.of(at),
        LEGACY,
        Optional.of(at));
  }

  /** The actor recorded for the legacy model directory's import. */
  public static final String LEGACY = "system:legacy-model-directory";

  ModelVersion with(ModelStatus s) {
    return new ModelVersion(
        version,
        modelId,
        contentHash,
        s,
        figures,
        evaluatedOn,
        registeredBy,
        registeredAt,
        approvedBy,
        approvedAt,
        releasedBy,
        releasedAt);
  }

  ModelVersion approved(String by, Instant at) {
    return new ModelVersion(
        version,
        modelId,
        contentHash,
        ModelStatus.APPROVED,
        figures,
        evaluatedOn,
        registeredBy,
        registeredAt,
        by,
        Optional.of(at),
        releasedBy,
        releasedAt);
  }

  ModelVersion released(String by, Instant at) {
    return new ModelVersion(
        version,
        modelId,
        contentHash,
        ModelStatus.RELEASED,
        figures,
        evaluatedOn,
        registeredBy,
        registeredAt,
        approvedBy,
        approvedAt,
        by,
        Optional.of(at));
  }
}
