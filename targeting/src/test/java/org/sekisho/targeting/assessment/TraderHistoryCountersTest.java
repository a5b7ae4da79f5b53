package org.sekisho.targeting.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.targeting.adapter.TargetingContext;
import org.sekisho.targeting.adapter.db.JdbcAssessments;
import org.sekisho.targeting.assessment.adapter.json.DeclarationJson;
import org.sekisho.targeting.assessment.application.RiskScorer;
import org.sekisho.targeting.criteria.Declarations;
import org.sekisho.targeting.criteria.domain.DeclarationView;
import org.sekisho.targeting.criteria.domain.TraderHistory;
import org.sekisho.targeting.worklist.application.Worklist;

/**
 * A trader's history (earlier declarations and infractions, as importer and as declarant) read from
 * the counters kept with each assessment and outcome equals counting the stored assessments and
 * outcomes, as it was computed before.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TraderHistoryCountersTest {
  private final Database db;

  TraderHistoryCountersTest(Database db) {
    this.db = db;
  }

  private static String declaration(String id, String importer, String declarant) {
    return Declarations.json(id, importer, declarant, "5000");
  }

  /** The history as it was computed before the counters: counting stored rows. */
  private TraderHistory counted(String imp, String dec) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select count(*) filter (where a.declarant_key = :dec),"
                            + " count(o.assessment_id) filter (where a.declarant_key = :dec and"
                            + " o.result = 'infraction'), count(*) filter (where a.importer_key ="
                            + " :imp), count(o.assessment_id) filter (where a.importer_key = :imp"
                            + " and o.result = 'infraction') from targeting.assessment a left join"
                            + " targeting.outcome o on o.assessment_id = a.id")
                    .bind("imp", imp)
                    .bind("dec", dec)
                    .map(
                        (rs, ctx) ->
                            new TraderHistory(
                                rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                    .one());
  }

  @Test
  void countersEqualCountingTheStoredAssessmentsAndOutcomes(@TempDir Path dir) throws Exception {
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("targeting")));
    Clock clock = Clock.systemUTC();
    TargetingContext ctx =
        new TargetingContext(db, new AuditLog(db.jdbi()), clock, dir, RiskScorer.NONE);
    ctx.start();
    try {
      DeclarationJson parser = new DeclarationJson();
      JdbcAssessments store = new JdbcAssessments(db.jdbi(), parser);
      Worklist worklist = new Worklist(store, clock);
      Random random = new Random(7);
      String[] importers = {"IMP-A", "IMP-B", "IMP-C", "BRK-X"};
      String[] declarants = {"BRK-X", "BRK-Y", "IMP-A"};
      for (int i = 0; i < 60; i++) {
        String imp = importers[random.nextInt(importers.length)];
        String dec = declarants[random.nextInt(declarants.length)];
        String json = declaration("D-" + i, imp, dec);
        long id = ctx.assessRecords().assessJson("declaration", json).orElseThrow().id();
        // the same record again is the stored assessment and counts once
        ctx.assessRecords().assessJson("declaration", json).orElseThrow();
        int r = random.nextInt(3);
        if (r > 0) {
          assertThat(worklist.decide(id, "red", "refer for inspection", "analyst").isAccepted())
              .isTrue();
          String result = r == 1 ? "infraction" : "nothing-found";
          assertThat(
                  worklist
                      .recordOutcome(id, result, "0", false, "what was found", "inspector")
                      .isAccepted())
              .isTrue();
        }
        for (String a : importers) {
          for (String d : declarants) {
            DeclarationView v = parser.parse("declaration", declaration("Q", a, d)).orElseThrow();
            assertThat(store.of(v)).as("%s / %s after %d", a, d, i).isEqualTo(counted(a, d));
          }
        }
      }
      assertThat(counted("IMP-A", "BRK-X").importerInfractions()).isPositive();
    } finally {
      ctx.close();
    }
  }
}
