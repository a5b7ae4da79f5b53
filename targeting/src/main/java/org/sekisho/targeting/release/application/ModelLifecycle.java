package org.sekisho.targeting.release.application;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.core.audit.AuditTrail;
import org.sekisho.targeting.assessment.application.ModelVersions;
import org.sekisho.targeting.assessment.application.RiskScorer;
import org.sekisho.targeting.model.domain.RankingFigures;
import org.sekisho.targeting.model.domain.RankingMetrics;
import org.sekisho.targeting.release.domain.Lifecycle;
import org.sekisho.targeting.release.domain.ModelVersion;

/**
 * Registers, approves, releases and restores risk models, audits every step (who, when, version,
 * figures) and swaps the running assessor's model when the released one changes. Callers check that
 * the actor is an administrator; the second-person rule is checked here. Thread-safe.
 */
public final class ModelLifecycle implements ModelVersions {
  private static final System.Logger LOG = System.getLogger(ModelLifecycle.class.getName());

  /** Who acts: user name and agency, as the audit log records them. */
  public record Actor(String username, String agency) {}

  private final ModelRegistry registry;
  private final ModelFiles files;
  private final AuditTrail audit;
  private final Clock clock;
  private final ReleasedModel running;
  // one model besides the running one, for replays of assessments made with an older model
  private volatile Map.Entry<String, RiskScorer> replayed;

  public ModelLifecycle(
      ModelRegistry registry,
      ModelFiles files,
      AuditTrail audit,
      Clock clock,
      ReleasedModel running) {
    this.registry = registry;
    this.files = files;
    this.audit = audit;
    this.clock = clock;
    this.running = running;
  }

  public List<ModelVersion> all() {
    return registry.all();
  }

  public Optional<ModelVersion> find(int version) {
    return registry.find(version);
  }

  /**
   * Checks, before anything is evaluated, that {@code dir} may be registered with figures measured
   * on the file {@code evaluation} (name and SHA-256): it is a model directory, it is not
   * registered yet, and its encodings and trees were not fitted on that file (figures on its own
   * training data say how well it remembers, and would mislead the approver). Changes nothing.
   */
  public Outcome<ModelFiles.Inspected> screen(Path dir, String evaluationName, String sha256) {
    Outcome<ModelFiles.Inspected> in = files.inspect(dir);
    if (!in.isAccepted()) {
      return in;
    }
    ModelFiles.Inspected m = in.orElseThrow();
    Optional<ModelVersion> same = registry.byContentHash(m.contentHash());
    if (same.isEmpty()) {
      same = registry.byModelId(m.modelId());
    }
    if (same.isPresent()) {
      return Outcome.rejected(
          "conflict",
          "model",
          "model " + m.modelId() + " is already registered as version " + same.get().version());
    }
    for (var f : m.fittedOn()) {
      if (f.sha256().equalsIgnoreCase(sha256)) {
        return Outcome.rejected(
            "trained-on-evaluation-file",
            "valid",
            evaluationName
                + " (sha256 "
                + sha256
                + "): the model was trained on this file (its manifest lists "
                + f.name()
                + " with the same sha256 among the files its encodings and trees were fitted on),"
                + " so figures on it would overstate how well the model ranks new declarations;"
                + " evaluate it on a later file it has not seen");
      }
    }
    return in;
  }

  /**
   * Registers a model directory with the figures measured on {@code evaluatedOn}: its files are
   * copied into the registry and it becomes {@code evaluated}. The same files twice are refused;
   * callers first {@link #screen} the evaluation file, before spending time evaluating on it.
   */
  public Outcome<ModelVersion> register(
      Path dir, RankingFigures figures, String evaluatedOn, Actor by) {
    Outcome<ModelFiles.Inspected> in = screen(dir, evaluatedOn, "");
    if (!in.isAccepted()) {
      return new Outcome.Rejected<>(in.problems());
    }
    ModelFiles.Inspected m = in.orElseThrow();
    int version = registry.nextVersion();
    Outcome<Path> kept = files.keep(dir, version, m.contentHash());
    if (!kept.isAccepted()) {
      return new Outcome.Rejected<>(kept.problems());
    }
    Instant at = clock.instant();
    ModelVersion v =
        ModelVersion.evaluated(
            version, m.modelId(), m.contentHash(), figures, evaluatedOn, by.username(), at);
    if (!registry.add(v)) {
      return Outcome.rejected(
          "conflict", "model", "version " + version + " was registered by someone else meanwhile");
    }
    record(by, at, "targeting.model.register", v, Map.of());
    return Outcome.accepted(v);
  }

  /** Approves an evaluated model; the approver must not be its registrar. */
  public Outcome<ModelVersion> approve(int version, Actor by) {
    Optional<ModelVersion> m = registry.find(version);
    if (m.isEmpty()) {
      return notFound(version);
    }
    Instant at = clock.instant();
    Outcome<ModelVersion> o = Lifecycle.approve(m.get(), by.username(), at);
    if (!o.isAccepted()) {
      return o;
    }
    if (!registry.approve(o.orElseThrow())) {
      return changed(version);
    }
    record(by, at, "targeting.model.approve", o.orElseThrow(), Map.of());
    return o;
  }

  /** Releases an approved model: the assessor scores with it from now on. */
  public Outcome<ModelVersion> release(int version, Actor by) {
    return swap(version, by, false);
  }

  /** Releases a retired model again (undoing a release). */
  public Outcome<ModelVersion> restore(int version, Actor by) {
    return swap(version, by, true);
  }

  private Outcome<ModelVersion> swap(int version, Actor by, boolean restore) {
    Optional<ModelVersion> m = registry.find(version);
    if (m.isEmpty()) {
      return notFound(version);
    }
    Optional<ModelVersion> current = registry.released();
    Instant at = clock.instant();
    Outcome<Lifecycle.Release> o =
        restore
            ? Lifecycle.restore(m.get(), current, by.username(), at)
            : Lifecycle.release(m.get(), current, by.username(), at);
    if (!o.isAccepted()) {
      return new Outcome.Rejected<>(o.problems());
    }
    // load (and check) the files before anything changes: a damaged copy is never released
    Outcome<RiskScorer> scorer = files.open(version, m.get().contentHash());
    if (!scorer.isAccepted()) {
      return new Outcome.Rejected<>(scorer.problems());
    }
    Lifecycle.Release r = o.orElseThrow();
    if (!registry.release(r)) {
      return changed(version);
    }
    running.swap(version, scorer.orElseThrow());
    Map<String, String> extra = new LinkedHashMap<>();
    r.retired()
        .ifPresent(
            x -> {
              extra.put("replaces", Integer.toString(x.version()));
              extra.put("replacesModel", x.modelId());
            });
    record(
        by,
        at,
        restore ? "targeting.model.restore" : "targeting.model.release",
        r.released(),
        extra);
    return Outcome.accepted(r.released());
  }

  /**
   * At start: takes a legacy model directory in as version 1 (released) when the registry is empty,
   * then puts the released model in use. A released model whose files are damaged is reported and
   * left out (the assessor then scores without a model) rather than stopping the system.
   */
  public void start(Optional<Path> legacy, Optional<RankingFigures> legacyFigures) {
    adoptLegacy(legacy, legacyFigures);
    refresh();
  }

  /**
   * Takes a legacy model directory in as version 1 (released, audited as such) when the registry is
   * empty; does nothing otherwise.
   *
   * @throws IllegalStateException when the directory is not a usable model
   */
  public void adoptLegacy(Optional<Path> legacy, Optional<RankingFigures> figures) {
    if (legacy.isEmpty() || !registry.all().isEmpty()) {
      return;
    }
    Path dir = legacy.get();
    Outcome<ModelFiles.Inspected> in = files.inspect(dir);
    if (!in.isAccepted()) {
      throw new IllegalStateException("targeting/model: " + in.problems());
    }
    ModelFiles.Inspected m = in.orElseThrow();
    Outcome<Path> kept = files.keep(dir, 1, m.contentHash());
    if (!kept.isAccepted()) {
      throw new IllegalStateException("targeting/model: " + kept.problems());
    }
    Instant at = clock.instant();
    ModelVersion v =
        ModelVersion.legacyRelease(
            1,
            m.modelId(),
            m.contentHash(),
            figures.orElse(new RankingFigures(0, 0, Map.of(), Map.of(), Double.NaN)),
            figures.isPresent() ? "manifest validation" : "",
            at);
    if (registry.add(v)) {
      record(
          new Actor(ModelVersion.LEGACY, ""),
          at,
          "targeting.model.release",
          v,
          Map.of("source", dir.toString()));
    }
  }

  /**
   * Puts the registry's released model in use if it is not already (a release made by another
   * process, e.g. the command line). Cheap when nothing changed: one query.
   */
  public void refresh() {
    Optional<ModelVersion> r = registry.released();
    if (r.isEmpty() || r.get().version() == running.running().version()) {
      return;
    }
    Outcome<RiskScorer> s = files.open(r.get().version(), r.get().contentHash());
    if (s.isAccepted()) {
      running.swap(r.get().version(), s.orElseThrow());
    } else {
      LOG.log(
          System.Logger.Level.ERROR,
          "released model version {0} cannot be used: {1}",
          r.get().version(),
          s.problems());
    }
  }

  @Override
  public Optional<RiskScorer> scorer(String modelId) {
    RiskScorer now = running.snapshot();
    Optional<ModelVersion> m = registry.byModelId(modelId);
    if (m.isEmpty()) {
      return Optional.empty();
    }
    if (m.get().version() == running.running().version()) {
      return Optional.of(now);
    }
    Map.Entry<String, RiskScorer> cached = replayed;
    if (cached != null && cached.getKey().equals(modelId)) {
      return Optional.of(cached.getValue());
    }
    Outcome<RiskScorer> s = files.open(m.get().version(), m.get().contentHash());
    if (!s.isAccepted()) {
      return Optional.empty();
    }
    replayed = Map.entry(modelId, s.orElseThrow());
    return Optional.of(s.orElseThrow());
  }

  private void record(
      Actor by, Instant at, String action, ModelVersion v, Map<String, String> extra) {
    Map<String, String> d = new LinkedHashMap<>(figures(v.figures()));
    d.put("version", Integer.toString(v.version()));
    d.put("model", v.modelId());
    d.put("contentHash", v.contentHash());
    d.put("status", v.status().code());
    d.put("evaluatedOn", v.evaluatedOn());
    d.putAll(extra);
    audit.record(new AuditEvent(at, by.username(), by.agency(), action, "model:" + v.version(), d));
  }

  /** The figures as audit details: precision/recall at each cut and AUC. */
  public static Map<String, String> figures(RankingFigures f) {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("rows", Long.toString(f.n()));
    d.put("frauds", Long.toString(f.positives()));
    for (int p : RankingMetrics.PERCENTAGES) {
      Double pr = f.precision().get(p);
      Double rc = f.recall().get(p);
      d.put("precision@" + p, pr == null ? "" : String.format(Locale.ROOT, "%.4f", pr));
      d.put("recall@" + p, rc == null ? "" : String.format(Locale.ROOT, "%.4f", rc));
    }
    d.put("auc", Double.isNaN(f.auc()) ? "" : String.format(Locale.ROOT, "%.4f", f.auc()));
    return d;
  }

  private static <T> Outcome<T> notFound(int version) {
    return Outcome.rejected(
        Problem.of("not-found", "version", "no model version " + version)
            .worded("model-none", version));
  }

  private static <T> Outcome<T> changed(int version) {
    return Outcome.rejected(
        Problem.of(
                "conflict",
                "version",
                "model version " + version + " changed meanwhile; look again")
            .worded("model-changed", version));
  }

  /**
   * The figures {@code risk train} measured on its validation file before any refit, as the
   * version's manifest keeps them; shown beside the registered figures, labelled as such.
   */
  public Optional<ModelFiles.EarlyStopping> earlyStopping(int version) {
    return files.earlyStopping(version);
  }

  /** The registered model in use now, if it came from the registry. */
  public Optional<ModelVersion> inUse() {
    int v = running.running().version();
    return v == 0 ? Optional.empty() : registry.find(v);
  }
}
