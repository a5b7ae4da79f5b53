package org.sekisho.targeting.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.audit.AuditVerification;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.targeting.adapter.TargetingContext;
import org.sekisho.targeting.adapter.db.JdbcAssessments;
import org.sekisho.targeting.assessment.adapter.json.DeclarationJson;
import org.sekisho.targeting.assessment.application.AssessRecords;
import org.sekisho.targeting.assessment.application.AssessmentRequests;
import org.sekisho.targeting.assessment.application.RiskScorer;
import org.sekisho.targeting.assessment.application.StoredAssessment;
import org.sekisho.targeting.assessment.domain.Assessment;
import org.sekisho.targeting.criteria.Declarations;
import org.sekisho.targeting.criteria.application.CriteriaCatalogue;
import org.sekisho.targeting.criteria.application.DryRun;
import org.sekisho.targeting.criteria.domain.TraderHistory;
import org.sekisho.targeting.selectivity.domain.Lane;
import org.sekisho.targeting.worklist.application.Worklist;

/**
 * A record sent to {@code POST /api/assess} alone is not a declaration until the intelligence
 * database stores it: its assessment moves no trader's history and no dry run counts it; stored
 * later with the same content it is counted once, and stored with other content it is assessed
 * anew, the lone assessment superseded with its reason and the change audited as the system's.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LoneAssessmentsTest {
  private final Database db;
  private TargetingContext ctx;
  private Worklist worklist;

  LoneAssessmentsTest(Database db) {
    this.db = db;
  }

  @BeforeEach
  void start(@TempDir Path dir) {
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("targeting")));
    ctx =
        new TargetingContext(db, new AuditLog(db.jdbi()), Clock.systemUTC(), dir, RiskScorer.NONE);
    ctx.start();
    worklist =
        new Worklist(new JdbcAssessments(db.jdbi(), new DeclarationJson()), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    ctx.close();
  }

  private long count(String sql) {
    Long n = db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    return n;
  }

  private long declarations(String role, String trader) {
    Optional<Long> n =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select declarations from targeting.trader_history where role = :r"
                                + " and trader_key = :k")
                        .bind("r", role)
                        .bind("k", trader)
                        .mapTo(Long.class)
                        .findOne());
    return n.orElse(0L);
  }

  private static String json(String id, String importer, String declarant) {
    return Declarations.json(id, importer, declarant, "5000");
  }

  /** The entries the assessment API appends, for an analyst. */
  private static final AssessRecords.SubmittedEntries ENTRIES =
      new AssessRecords.SubmittedEntries() {
        @Override
        public AuditEvent assessed(Assessment a) {
          return entry(a.recordKey(), a.lane().code());
        }

        @Override
        public AuditEvent answeredAgain(StoredAssessment before) {
          return entry(before.assessment().recordKey(), "again");
        }
      };

  private static AuditEvent entry(String recordKey, String lane) {
    return new AuditEvent(
        Instant.parse("2026-11-28T09:00:00Z"),
        "analyst",
        "customs-jp",
        "targeting.assess",
        recordKey,
        Map.of("lane", lane));
  }

  private StoredAssessment submit(String json) {
    return ctx.assessRecords().assessSubmitted("declaration", json, ENTRIES).orElseThrow();
  }

  private long entries(String recordKey) {
    return count(
        "select count(*) from platform.audit_log where action = 'targeting.assess' and subject = '"
            + recordKey
            + "'");
  }

  @Test
  void countersMovedElsewhereAreReadAgainBeforeARecordSentAloneIsStoredWithItsEntry() {
    StoredAssessment first = submit(json("CAS-1", "IMP-CAS", "DEC-CAS"));
    assertThat(first.history()).isEqualTo(new TraderHistory(0, 0, 0, 0));
    // another process (an ingest) counts these traders' declarations and an infraction: the
    // counters the store remembers from the first call are stale now
    db.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "insert into targeting.trader_history (role, trader_key, declarations,"
                        + " infractions) values ('importer', 'IMP-CAS', 4, 1), ('declarant',"
                        + " 'DEC-CAS', 7, 0)"));
    StoredAssessment second = submit(json("CAS-2", "IMP-CAS", "DEC-CAS"));
    assertThat(second.history()).isEqualTo(new TraderHistory(7, 0, 4, 1));
    // as stored, not only as answered
    assertThat(
            count(
                "select hist_declarant_decl * 1000 + hist_importer_decl * 10 + hist_importer_infr"
                    + " from targeting.assessment where id = "
                    + second.id()))
        .isEqualTo(7041);
    // and a third, on counters remembered from the second call's reading, is stored at once
    assertThat(submit(json("CAS-3", "IMP-CAS", "DEC-CAS")).history())
        .isEqualTo(new TraderHistory(7, 0, 4, 1));
    // each with its one entry, naming the lane; the chain intact
    for (StoredAssessment s : List.of(first, second)) {
      assertThat(entries(s.assessment().recordKey())).isEqualTo(1);
    }
    assertThat(
            count(
                "select count(*) from platform.audit_log where subject = '"
                    + second.assessment().recordKey()
                    + "' and details like '%\"lane\":\""
                    + second.assessment().lane().code()
                    + "\"%'"))
        .isEqualTo(1);
    assertThat(new AuditLog(db.jdbi()).verify()).isInstanceOf(AuditVerification.Ok.class);
  }

  @Test
  void aRecordSentAgainGivesItsAssessmentWithAnotherEntryAndOtherContentIsRefusedWithoutOne() {
    String sent = json("AGAIN-1", "IMP-AG", "DEC-AG");
    StoredAssessment first = submit(sent);
    StoredAssessment again = submit(sent);
    assertThat(again.id()).isEqualTo(first.id());
    String key = first.assessment().recordKey();
    // the caller was answered twice: two reads of the decision in the log, one assessment
    assertThat(entries(key)).isEqualTo(2);
    assertThat(
            count(
                "select count(*) from platform.audit_log where subject = '"
                    + key
                    + "' and details like '%again%'"))
        .isEqualTo(1);
    assertThat(count("select count(*) from targeting.assessment where record_key = '" + key + "'"))
        .isEqualTo(1);

    var refused =
        ctx.assessRecords()
            .assessSubmitted("declaration", json("AGAIN-1", "IMP-OTHER", "DEC-AG"), ENTRIES);
    assertThat(refused.isAccepted()).isFalse();
    assertThat(refused.problems().get(0).code()).isEqualTo("conflict");
    assertThat(entries(key)).isEqualTo(2);
    assertThat(new AuditLog(db.jdbi()).verify())
        .isEqualTo(new AuditVerification.Ok(count("select count(*) from platform.audit_log")));
  }

  private static AssessmentRequests.Request stored(String json) {
    return new AssessmentRequests.Request("declaration", "x", json);
  }

  @Test
  void trialCallsMoveNoTradersHistoryAndAStoredRecordIsCountedOnce() {
    int declaredBefore = examined();
    for (int i = 0; i < 3; i++) {
      assertThat(
              ctx.assessRecords()
                  .assessSubmitted("declaration", json("TRY-" + i, "IMP-T", "DEC-T"), ENTRIES)
                  .isAccepted())
          .isTrue();
    }
    assertThat(declarations("declarant", "DEC-T")).isZero();
    assertThat(declarations("importer", "IMP-T")).isZero();
    // the dry run looks at declared records only
    assertThat(examined()).isEqualTo(declaredBefore);

    // the intelligence database stores one of them as sent: counted now, once
    ctx.assessRecords().assessAll(List.of(stored(json("TRY-1", "IMP-T", "DEC-T"))));
    ctx.assessRecords().assessAll(List.of(stored(json("TRY-1", "IMP-T", "DEC-T"))));
    assertThat(declarations("declarant", "DEC-T")).isEqualTo(1);
    assertThat(declarations("importer", "IMP-T")).isEqualTo(1);
    assertThat(examined()).isEqualTo(declaredBefore + 1);
  }

  /** How many assessed records a dry run over the last 30 days looks at. */
  private int examined() {
    DryRun dry =
        ctx.criteriaCatalogue()
            .dryRun(
                "criterion \"Any\" when items > 0 then lane red because \"every record\"",
                30,
                Set.of())
            .orElseThrow();
    return dry.examined();
  }

  @Test
  void aRecordStoredWithOtherContentThanSentAloneIsAssessedAnewAndTheOldOneSuperseded() {
    var lists = ctx.referenceLists();
    assertThat(lists.create("seized-traders", "parties", "test", "analyst").isAccepted()).isTrue();
    assertThat(lists.add("seized-traders", "IMP-SEIZED", "seized 2026", "analyst").isAccepted())
        .isTrue();
    CriteriaCatalogue criteria = ctx.criteriaCatalogue();
    long id =
        criteria
            .save(
                new CriteriaCatalogue.Draft(
                    Optional.empty(),
                    "criterion \"Seized traders\" when importer in list \"seized-traders\" then"
                        + " lane red because \"importer named in a seizure\"",
                    Set.of(),
                    Optional.empty(),
                    Optional.empty()),
                "analyst")
            .orElseThrow()
            .id();
    assertThat(criteria.release(id, 1, "admin").isAccepted()).isTrue();

    StoredAssessment lone =
        ctx.assessRecords()
            .assessSubmitted("declaration", json("DRVW13-0020", "IMP-CLEAN", "DEC-1"), ENTRIES)
            .orElseThrow();
    assertThat(lone.assessment().criteriaLane()).isEqualTo(Lane.GREEN);

    // stored by ingest under the same id, naming a seized trader as importer
    String declared = json("DRVW13-0020", "IMP-SEIZED", "DEC-1");
    ctx.assessRecords().assessAll(List.of(stored(declared)));

    StoredAssessment now =
        ctx.assessRecords()
            .assessJson("declaration", declared)
            .orElseThrow(); // the record as stored: its assessment in force
    assertThat(now.id()).isNotEqualTo(lone.id());
    assertThat(now.assessment().criteriaLane()).isEqualTo(Lane.RED);
    var old = worklist.item(lone.id()).orElseThrow();
    assertThat(old.status().code()).isEqualTo("superseded");
    assertThat(old.supersededBy()).contains(now.id());
    assertThat(old.supersededReason()).contains("other content");
    var current = worklist.item(now.id()).orElseThrow();
    assertThat(current.assessedAlone()).isFalse();
    assertThat(current.status().code()).isEqualTo("open");
    // counted once, as the stored record
    assertThat(declarations("importer", "IMP-SEIZED")).isEqualTo(1);
    assertThat(declarations("importer", "IMP-CLEAN")).isZero();
    // a system decision in the audit log, by ids
    assertThat(
            count(
                "select count(*) from platform.audit_log where action ="
                    + " 'targeting.assessment.supersede' and actor = 'system:targeting' and"
                    + " subject = 'assessment:"
                    + lone.id()
                    + "' and details like '%assessment:"
                    + now.id()
                    + "%'"))
        .isEqualTo(1);
    // a second delivery of the stored record changes nothing
    ctx.assessRecords().assessAll(List.of(stored(declared)));
    assertThat(
            count(
                "select count(*) from targeting.assessment where record_key = '"
                    + now.assessment().recordKey()
                    + "'"))
        .isEqualTo(2);
  }

  @Test
  void aCorrectedOutcomeMovesTheTradersInfractionCount() {
    ctx.assessRecords().assessAll(List.of(stored(json("FIX-1", "IMP-FIX", "DEC-FIX"))));
    long id =
        ctx.assessRecords()
            .assessJson("declaration", json("FIX-1", "IMP-FIX", "DEC-FIX"))
            .orElseThrow()
            .id();
    assertThat(worklist.decide(id, "red", "refer for examination", "analyst").isAccepted())
        .isTrue();
    assertThat(
            worklist
                .recordOutcome(id, "infraction", "100", false, "short shipped", "inspector")
                .isAccepted())
        .isTrue();
    assertThat(infractions("IMP-FIX")).isEqualTo(1);
    assertThat(
            worklist
                .correctOutcome(
                    id, 0, "nothing-found", "", false, "as declared", "recount matched", "insp2")
                .isAccepted())
        .isTrue();
    assertThat(infractions("IMP-FIX")).isZero();
    // on a version no longer current: refused, nothing moves
    assertThat(
            worklist
                .correctOutcome(id, 0, "infraction", "5", false, "again", "second look", "insp3")
                .problems()
                .get(0)
                .code())
        .isEqualTo("conflict");
    assertThat(infractions("IMP-FIX")).isZero();
  }

  private long infractions(String importer) {
    Long n =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select infractions from targeting.trader_history where role ="
                                + " 'importer' and trader_key = :k")
                        .bind("k", importer)
                        .mapTo(Long.class)
                        .one());
    return n;
  }
}
