package org.sekisho.targeting.release.domain;

import java.time.Instant;
import java.util.Optional;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;

/**
 * The risk-model lifecycle as pure functions: evaluated → approved (by a second person) → released
 * (the released one before becomes retired); a retired model may be restored, which releases it
 * again. Who may act at all (administrators) is checked by the caller; these rules hold whoever
 * asks.
 */
public final class Lifecycle {
  private Lifecycle() {}

  /** A release: the model now released and the one it replaced, if any. */
  public record Release(ModelVersion released, Optional<ModelVersion> retired) {}

  /** Approves an evaluated model; the approver must not be the person who registered it. */
  public static Outcome<ModelVersion> approve(ModelVersion m, String by, Instant at) {
    if (by == null || by.isBlank()) {
      return Outcome.rejected("missing-field", "by", "the approving administrator is required");
    }
    if (m.status() != ModelStatus.EVALUATED) {
      return Outcome.rejected(
          Problem.of(
                  "conflict",
                  "status",
                  "model version "
                      + m.version()
                      + " is "
                      + m.status().code()
                      + "; only an evaluated model can be approved")
              .worded("model-approve", m.version(), m.status().code()));
    }
    if (m.registeredBy().equalsIgnoreCase(by.strip())) {
      return Outcome.rejected(
          Problem.of(
                  "forbidden",
                  "by",
                  by.strip()
                      + " registered model version "
                      + m.version()
                      + "; another administrator must approve it")
              .worded("model-second-person", by.strip(), m.version()));
    }
    return Outcome.accepted(m.approved(by.strip(), at));
  }

  /** Releases an approved model in place of {@code current}. */
  public static Outcome<Release> release(
      ModelVersion m, Optional<ModelVersion> current, String by, Instant at) {
    if (m.status() != ModelStatus.APPROVED) {
      boolean retired = m.status() == ModelStatus.RETIRED;
      return Outcome.rejected(
          Problem.of(
                  "conflict",
                  "status",
                  "model version "
                      + m.version()
                      + " is "
                      + m.status().code()
                      + (retired
                          ? "; restore it instead"
                          : "; only an approved model can be released"))
              .worded(
                  retired ? "model-restore-instead" : "model-release",
                  m.version(),
                  m.status().code()));
    }
    return swap(m, current, by, at);
  }

  /** Releases a retired model again in place of {@code current}. */
  public static Outcome<Release> restore(
      ModelVersion m, Optional<ModelVersion> current, String by, Instant at) {
    if (m.status() != ModelStatus.RETIRED) {
      return Outcome.rejected(
          Problem.of(
                  "conflict",
                  "status",
                  "model version "
                      + m.version()
                      + " is "
                      + m.status().code()
                      + "; only a retired model can be restored")
              .worded("model-restore", m.version(), m.status().code()));
    }
    return swap(m, current, by, at);
  }

  private static Outcome<Release> swap(
      ModelVersion m, Optional<ModelVersion> current, String by, Instant at) {
    if (by == null || by.isBlank()) {
      return Outcome.rejected("missing-field", "by", "the releasing administrator is required");
    }
    if (current.isPresent() && current.get().status() != ModelStatus.RELEASED) {
      return Outcome.rejected(
          Problem.of(
                  "conflict",
                  "status",
                  "model version " + current.get().version() + " is not released")
              .worded("model-not-released", current.get().version()));
    }
    return Outcome.accepted(
        new Release(m.released(by.strip(), at), current.map(c -> c.with(ModelStatus.RETIRED))));
  }
}
