package org.sekisho.targeting.adapter;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sekisho.core.Outcome;
import org.sekisho.core.audit.AuditTrail;
import org.sekisho.platform.BoundedContext;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.web.NavItem;
import org.sekisho.platform.web.WebModule;
import org.sekisho.targeting.adapter.db.JdbcAssessments;
import org.sekisho.targeting.adapter.db.JdbcCriteriaStore;
import org.sekisho.targeting.adapter.db.JdbcListStore;
import org.sekisho.targeting.adapter.web.TargetingWeb;
import org.sekisho.targeting.assessment.adapter.json.DeclarationJson;
import org.sekisho.targeting.assessment.adapter.model.ReleasedModelScorer;
import org.sekisho.targeting.assessment.application.AssessRecords;
import org.sekisho.targeting.assessment.application.AssessmentRequests;
import org.sekisho.targeting.assessment.application.RiskScorer;
import org.sekisho.targeting.assessment.domain.RuleBook;
import org.sekisho.targeting.criteria.application.CriteriaCatalogue;
import org.sekisho.targeting.criteria.application.CurrentRules;
import org.sekisho.targeting.criteria.application.ReferenceLists;
import org.sekisho.targeting.criteria.application.StoredCriterion;
import org.sekisho.targeting.criteria.domain.ReferenceList;
import org.sekisho.targeting.selectivity.adapter.SelectivityProperties;
import org.sekisho.targeting.selectivity.domain.Selectivity;
import org.sekisho.targeting.selectivity.domain.SelectivityConfig;
import org.sekisho.targeting.worklist.application.Worklist;

/**
 * Wiring of the targeting context (criteria, lists, assessments, selectivity, worklist) for the
 * composition root. Reads, under {@code <dataDir>/targeting/}:
 *
 * <ul>
 *   <li>{@code selectivity.properties}: seed, lane labels, expected/random rates per office (see
 *       {@link SelectivityProperties}); absent: 5 % red expected, 1 % random, colour labels;
 *   <li>{@code model/}: the released risk model directory (docs/formats/risk-model.md); absent: no
 *       model (probability 0, criteria only).
 * </ul>
 *
 * Construction fails with an {@link IllegalStateException} naming the problem when a present file
 * is unusable. Call {@link #start()} after migrations (loads the rule book).
 */
public final class TargetingContext implements BoundedContext {
  private final Database db;
  private final AssessRecords assess;
  private final CurrentRules rules;
  private final TargetingWeb web;
  private final SelectivityConfig selectivity;

  public TargetingContext(Database db, AuditTrail audit, Clock clock, Path dataDir) {
    this(db, audit, clock, dataDir, model(dataDir.resolve("targeting").resolve("model")));
  }

  /** With an explicit risk model (tests, or a model released elsewhere). */
  public TargetingContext(
      Database db, AuditTrail audit, Clock clock, Path dataDir, RiskScorer model) {
    this.db = db;
    Path home = dataDir.resolve("targeting");
    try {
      Files.createDirectories(home);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException("cannot create " + home, e);
    }
    Outcome<SelectivityConfig> cfg =
        SelectivityProperties.read(home.resolve("selectivity.properties"));
    if (!cfg.isAccepted()) {
      throw new IllegalStateException("targeting/selectivity.properties: " + cfg.problems());
    }
    this.selectivity = cfg.orElseThrow();
    DeclarationJson parser = new DeclarationJson();
    JdbcCriteriaStore criteriaStore = new JdbcCriteriaStore(db.jdbi());
    JdbcListStore listStore = new JdbcListStore(db.jdbi());
    JdbcAssessments assessments = new JdbcAssessments(db.jdbi(), parser);
    this.rules = new CurrentRules(criteriaStore, listStore);
    this.assess =
        new AssessRecords(
            parser,
            assessments,
            rules::book,
            model,
            new Selectivity(selectivity),
            assessments,
            (cv, lv) -> versioned(criteriaStore, listStore, rules, cv, lv),
            clock);
    CriteriaCatalogue catalogue =
        new CriteriaCatalogue(criteriaStore, listStore, rules, assessments, clock);
    this.web =
        new TargetingWeb(
            assess,
            catalogue,
            new ReferenceLists(listStore, rules),
            new Worklist(assessments, clock),
            selectivity.labels());
  }

  private static RiskScorer model(Path dir) {
    if (!Files.isDirectory(dir)) {
      return RiskScorer.NONE;
    }
    Outcome<RiskScorer> m = ReleasedModelScorer.open(dir);
    if (!m.isAccepted()) {
      throw new IllegalStateException("targeting/model: " + m.problems());
    }
    return m.orElseThrow();
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

  /** Loads the rule book in force; call once after {@link Database#migrate}. */
  @Override
  public void start() {
    rules.reload();
  }

  @Override
  public void close() {
    // nothing runs in the background
  }

  @Override
  public List<WebModule> webModules() {
    return List.of(web);
  }

  @Override
  public List<NavItem> nav() {
    return List.of(
        new NavItem("/targeting/worklist", "nav.targeting.worklist", TargetingWeb.ANALYSTS),
        new NavItem("/targeting/referrals", "nav.targeting.referrals", TargetingWeb.INSPECTORS),
        new NavItem("/targeting/criteria", "nav.targeting.criteria", TargetingWeb.CRITERIA_READ));
  }

  @Override
  public List<String> messageBundles() {
    return List.of("i18n.targeting");
  }

  /** For intel's ingest: assess every stored declaration or postal item at once. */
  public AssessmentRequests assessmentRequests() {
    return assess;
  }

  public AssessRecords assessRecords() {
    return assess;
  }

  public SelectivityConfig selectivity() {
    return selectivity;
  }

  Database database() {
    return db;
  }
}
