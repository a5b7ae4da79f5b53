package org.sekisho.targeting.adapter;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.sekisho.core.Outcome;
import org.sekisho.core.audit.AuditTrail;
import org.sekisho.platform.BoundedContext;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.web.NavItem;
import org.sekisho.platform.web.WebModule;
import org.sekisho.targeting.adapter.db.JdbcAssessments;
import org.sekisho.targeting.adapter.db.JdbcCriteriaStore;
import org.sekisho.targeting.adapter.db.JdbcIntakeCursor;
import org.sekisho.targeting.adapter.db.JdbcListStore;
import org.sekisho.targeting.adapter.db.JdbcModelRegistry;
import org.sekisho.targeting.adapter.files.ModelFolders;
import org.sekisho.targeting.adapter.web.ModelReleaseWeb;
import org.sekisho.targeting.adapter.web.SelectivityWeb;
import org.sekisho.targeting.adapter.web.TargetingWeb;
import org.sekisho.targeting.assessment.adapter.json.DeclarationJson;
import org.sekisho.targeting.assessment.application.AssessRecords;
import org.sekisho.targeting.assessment.application.AssessmentRequests;
import org.sekisho.targeting.assessment.application.CatchUpAssessments;
import org.sekisho.targeting.assessment.application.ModelReasonsWorker;
import org.sekisho.targeting.assessment.application.RiskScorer;
import org.sekisho.targeting.assessment.application.StoredDeclarations;
import org.sekisho.targeting.assessment.domain.RuleBook;
import org.sekisho.targeting.criteria.application.CriteriaCatalogue;
import org.sekisho.targeting.criteria.application.CurrentRules;
import org.sekisho.targeting.criteria.application.ReferenceLists;
import org.sekisho.targeting.criteria.application.StoredCriterion;
import org.sekisho.targeting.criteria.domain.ReferenceList;
import org.sekisho.targeting.release.application.ModelLifecycle;
import org.sekisho.targeting.release.application.ReleasedModel;
import org.sekisho.targeting.selectivity.adapter.SelectivityFile;
import org.sekisho.targeting.selectivity.adapter.SelectivityProperties;
import org.sekisho.targeting.selectivity.application.SelectivitySettings;
import org.sekisho.targeting.selectivity.domain.Selectivity;
import org.sekisho.targeting.selectivity.domain.SelectivityConfig;
import org.sekisho.targeting.worklist.application.Worklist;

/**
 * Wiring of the targeting context (criteria, lists, assessments, selectivity, worklist) for the
 * composition root. Reads, under {@code <dataDir>/targeting/}:
 *
 * <ul>
 *   <li>{@code selectivity.properties}: seed, lane labels, expected/random rates per office (see
 *       {@link SelectivityProperties}); absent: 5 % red expected, 1 % random, colour labels. Read
 *       at start; administrators change it at {@code /targeting/selectivity}, which rewrites the
 *       file and puts the new settings in force at once (see {@link SelectivitySettings});
 *   <li>{@code models/<version>/}: the registered risk models (docs/formats/risk-model.md), one of
 *       them released (see {@link ModelLifecycle}); none released: no model (probability 0,
 *       criteria only);
 *   <li>{@code model/}: the model directory released before the registry existed; taken in as
 *       version 1 (released) on the first start with an empty registry, ignored after that.
 * </ul>
 *
 * Construction fails with an {@link IllegalStateException} naming the problem when a present file
 * is unusable. Call {@link #start()} after migrations (loads the rule book and the released model)
 * and {@link #close()} at the end.
 */
public final class TargetingContext implements BoundedContext {
  private final Database db;
  private final AssessRecords assess;
  private final JdbcAssessments assessments;
  private final Clock clock;
  private final CurrentRules rules;
  private final CriteriaCatalogue catalogue;
  private final ReferenceLists lists;
  private final TargetingWeb web;
  private final SelectivitySettings selectivity;
  private final SelectivityWeb selectivityWeb;
  private final ReleasedModel released;
  private final ModelFolders models;
  private final ModelLifecycle lifecycle;
  private final ModelReleaseWeb modelsWeb;
  private final Path legacy;
  private ScheduledExecutorService watcher;
  private final ModelReasonsWorker reasons;

  /** Dates records in {@link DeclarationJson#DEFAULT_ZONE} (Asia/Tokyo). */
  public TargetingContext(Database db, AuditTrail audit, Clock clock, Path dataDir) {
    this(db, audit, clock, dataDir, DeclarationJson.DEFAULT_ZONE);
  }

  /**
   * @param zone the administration's zone ({@code SEKISHO_ZONE}): the calendar in which a record's
   *     date is read for effective dates, dry runs and histories
   */
  public TargetingContext(Database db, AuditTrail audit, Clock clock, Path dataDir, ZoneId zone) {
    this(db, audit, clock, dataDir, RiskScorer.NONE, true, zone);
  }

  /**
   * Most referrals queued in memory for their model reasons; more wait in the store and are read
   * back once the queue has drained.
   */
  public static final int REASONS_QUEUE = 4_096;

  /**
   * How long the first queued referral waits for others to be explained in the same block: at 20–30
   * referrals a second a block of 20–30 costs about half as much CPU per referral as one alone.
   */
  public static final java.time.Duration REASONS_LINGER = java.time.Duration.ofSeconds(1);

  /**
   * The model-reasons thread, at the lowest CPU priority where the system allows it: its TreeSHAP
   * blocks take seconds of CPU, and the assessing threads must come first.
   */
  private static Thread reasonsThread(Runnable r) {
    Thread t =
        new Thread(
            () -> {
              lowerThisThreadsPriority();
              r.run();
            },
            "targeting-model-reasons");
    t.setDaemon(true);
    return t;
  }

  /**
   * Best effort, Linux only: Java thread priorities are ignored there, but a thread's scheduling
   * can be set by its id (found through {@code /proc/thread-self}). First the idle policy, under
   * which the scheduler hands the core to any ordinary thread as it wakes (nice 19 only weights the
   * shares); where that is refused, nice 19.
   */
  private static void lowerThisThreadsPriority() {
    try {
      String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
      if (!run("chrt", "--idle", "-p", "0", self)) {
        run("renice", "-n", "19", "-p", self);
      }
    } catch (java.io.IOException | RuntimeException e) {
      System.getLogger(TargetingContext.class.getName())
          .log(System.Logger.Level.DEBUG, "model-reasons thread keeps its priority: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean run(String... command) throws java.io.IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(5, TimeUnit.SECONDS)) {
      p.destroy();
      return false;
    }
    return p.exitValue() == 0;
  }

  /**
   * With an explicit risk model in use until the registry releases one (tests, or a model released
   * elsewhere); the legacy {@code model/} directory is not read, and referrals' model reasons are
   * computed before an assessment is returned (the default constructor computes them just after).
   */
  public TargetingContext(
      Database db, AuditTrail audit, Clock clock, Path dataDir, RiskScorer model) {
    this(db, audit, clock, dataDir, model, false, DeclarationJson.DEFAULT_ZONE);
  }

  /** With an explicit risk model, dating records in {@code zone}. */
  public TargetingContext(
      Database db, AuditTrail audit, Clock clock, Path dataDir, RiskScorer model, ZoneId zone) {
    this(db, audit, clock, dataDir, model, false, zone);
  }

  private TargetingContext(
      Database db,
      AuditTrail audit,
      Clock clock,
      Path dataDir,
      RiskScorer model,
      boolean readLegacyModel,
      ZoneId zone) {
    this.db = db;
    Path home = dataDir.resolve("targeting");
    Path legacyDir = home.resolve("model");
    this.legacy = readLegacyModel && Files.isDirectory(legacyDir) ? legacyDir : null;
    try {
      Files.createDirectories(home);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException("cannot create " + home, e);
    }
    SelectivityFile settingsFile = new SelectivityFile(home.resolve("selectivity.properties"));
    String settingsText;
    try {
      settingsText = SelectivityProperties.text(settingsFile.path());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("targeting/selectivity.properties: cannot read: " + e, e);
    }
    Outcome<SelectivityConfig> cfg =
        settingsText.isEmpty()
            ? Outcome.accepted(SelectivityConfig.standard(1))
            : SelectivityProperties.parse(settingsText);
    if (!cfg.isAccepted()) {
      throw new IllegalStateException("targeting/selectivity.properties: " + cfg.problems());
    }
    Selectivity live = new Selectivity(cfg.orElseThrow());
    this.selectivity =
        new SelectivitySettings(
            settingsText, live, SelectivityProperties::parse, settingsFile, clock);
    DeclarationJson parser = new DeclarationJson(zone);
    JdbcCriteriaStore criteriaStore = new JdbcCriteriaStore(db.jdbi());
    JdbcListStore listStore = new JdbcListStore(db.jdbi());
    // with the audit log itself, an assessment sent alone is stored with its entry in one round
    // trip
    JdbcAssessments assessments =
        new JdbcAssessments(db.jdbi(), parser, audit instanceof AuditLog log ? log : null);
    this.assessments = assessments;
    this.clock = clock;
    this.reasons =
        readLegacyModel
            ? new ModelReasonsWorker(
                assessments,
                max -> assessRecords().waitingForModelReasons(max),
                REASONS_QUEUE,
                REASONS_LINGER,
                TargetingContext::reasonsThread)
            : null;
    this.rules = new CurrentRules(criteriaStore, listStore);
    this.released = new ReleasedModel(model);
    this.models = new ModelFolders(home.resolve("models"));
    this.lifecycle =
        new ModelLifecycle(new JdbcModelRegistry(db.jdbi()), models, audit, clock, released);
    this.assess =
        new AssessRecords(
            parser,
            assessments,
            rules::book,
            released,
            live,
            assessments,
            (cv, lv) -> versioned(criteriaStore, listStore, rules, cv, lv),
            lifecycle,
            reasons != null ? reasons : AssessRecords.INLINE,
            audit,
            clock);
    this.catalogue =
        new CriteriaCatalogue(criteriaStore, listStore, rules, assessments, clock, zone);
    this.lists = new ReferenceLists(listStore, rules);
    this.web =
        new TargetingWeb(assess, catalogue, lists, new Worklist(assessments, clock), selectivity);
    this.modelsWeb = new ModelReleaseWeb(lifecycle);
    this.selectivityWeb = new SelectivityWeb(selectivity);
  }

  private static Optional<RuleBook> versioned(
      JdbcCriteriaStore criteria, JdbcListStore lists, CurrentRules rules, String cv, String lv) {
    List<StoredCriterion> versions = new ArrayList<>();
    for (String k : cv.isEmpty() ? new String[0] : cv.split(",")) {
      int v = k.lastIndexOf('v');
      Optional<StoredCriterion> s =
          criteria.version(Long.parseLong(k.substring(1, v)), Integer.parseInt(k.substring(v + 1)));
      if (s.isEmpty()) {
        return Optional.empty();
      }
      versions.add(s.get());
    }
    Map<String, ReferenceList> ls = new HashMap<>();
    for (String k : lv.isEmpty() ? new String[0] : lv.split(",")) {
      int v = k.lastIndexOf('v');
      Optional<ReferenceList> l = lists.at(k.substring(0, v), Integer.parseInt(k.substring(v + 1)));
      if (l.isEmpty()) {
        return Optional.empty();
      }
      ls.put(l.get().name(), l.get());
    }
    return Optional.of(rules.build(versions, ls));
  }

  /** Schema {@code targeting}. */
  @Override
  public List<Migrations> migrations() {
    return List.of(Migrations.of("targeting"));
  }

  /**
   * Loads the rule book in force and the released risk model (taking a legacy {@code model/}
   * directory in as version 1 when the registry is empty), then watches the registry every {@value
   * #WATCH_SECONDS} s for a model released by another process (the command line); call once after
   * {@link Database#migrate}.
   *
   * @throws IllegalStateException when the legacy model directory is unusable
   */
  @Override
  public void start() {
    rules.reload();
    Optional<Path> old = Optional.ofNullable(legacy);
    lifecycle.start(old, old.flatMap(ModelFolders::manifestFigures));
    watcher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "targeting-model-watch");
              t.setDaemon(true);
              return t;
            });
    watcher.scheduleWithFixedDelay(
        this::refreshQuietly, WATCH_SECONDS, WATCH_SECONDS, TimeUnit.SECONDS);
    if (reasons != null) {
      reasons.start();
    }
  }

  /** How often the registry is checked for a release made elsewhere. */
  public static final int WATCH_SECONDS = 5;

  private void refreshQuietly() {
    try {
      lifecycle.refresh();
    } catch (RuntimeException e) {
      System.getLogger(TargetingContext.class.getName())
          .log(System.Logger.Level.WARNING, "model registry check failed: " + e);
    }
  }

  /**
   * Stops the registry watch and explains the referrals still queued (up to 30 s; any left wait in
   * the store for the next start).
   */
  @Override
  public void close() {
    if (watcher != null) {
      watcher.shutdownNow();
    }
    if (reasons != null) {
      reasons.close();
    }
  }

  /**
   * The worker that explains referrals after they are stored (one thread, in blocks); empty with an
   * explicit model, where reasons are computed before an assessment is returned.
   */
  public Optional<ModelReasonsWorker> modelReasonsWorker() {
    return Optional.ofNullable(reasons);
  }

  @Override
  public List<WebModule> webModules() {
    return List.of(web, modelsWeb, selectivityWeb);
  }

  /** The model lifecycle (registry, approvals, releases) for commands and tests. */
  public ModelLifecycle modelLifecycle() {
    return lifecycle;
  }

  /** The model the assessor uses now. */
  public ReleasedModel releasedModel() {
    return released;
  }

  @Override
  public List<NavItem> nav() {
    return List.of(
        new NavItem("/targeting/worklist", "nav.targeting.worklist", TargetingWeb.ANALYSTS),
        new NavItem("/targeting/referrals", "nav.targeting.referrals", TargetingWeb.INSPECTORS),
        new NavItem("/targeting/criteria", "nav.targeting.criteria", TargetingWeb.CRITERIA_READ),
        new NavItem("/targeting/selectivity", "nav.targeting.selectivity", SelectivityWeb.READ),
        new NavItem("/targeting/models", "nav.targeting.models", ModelReleaseWeb.ADMINS));
  }

  @Override
  public List<String> messageBundles() {
    return List.of("i18n.targeting");
  }

  /** For intel's ingest: assess every stored declaration or postal item at once. */
  public AssessmentRequests assessmentRequests() {
    return assess;
  }

  /**
   * How long after a declaration was stored no ingest can still commit one at a lower position (a
   * batch commits within seconds of taking its ids).
   */
  public static final java.time.Duration CATCH_UP_SETTLE = java.time.Duration.ofHours(1);

  /**
   * Assesses the declarations of {@code stored} that were never assessed, from where the last run
   * left off (the cursor is kept in this context's schema); see {@link CatchUpAssessments}.
   */
  public CatchUpAssessments catchUp(StoredDeclarations stored) {
    return new CatchUpAssessments(
        stored,
        assessments,
        assess,
        new JdbcIntakeCursor(db.jdbi(), clock),
        clock,
        CATCH_UP_SETTLE);
  }

  /** Analysts' criteria: save, check, dry run, release (the demo seeds through it). */
  public CriteriaCatalogue criteriaCatalogue() {
    return catalogue;
  }

  /** Analysts' reference lists (the demo seeds through it). */
  public ReferenceLists referenceLists() {
    return lists;
  }

  public AssessRecords assessRecords() {
    return assess;
  }

  /** The selectivity settings in force (they change when an administrator saves new ones). */
  public SelectivityConfig selectivity() {
    return selectivity.config();
  }

  /** The selectivity settings with their text and version, and the one way to change them. */
  public SelectivitySettings selectivitySettings() {
    return selectivity;
  }

  Database database() {
    return db;
  }
}
