package org.sekisho.targeting.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.core.Outcome;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.targeting.adapter.TargetingContext;
import org.sekisho.targeting.assessment.application.RiskScorer;
import org.sekisho.targeting.criteria.application.CriteriaCatalogue;
import org.sekisho.targeting.criteria.application.StoredCriterion;

/**
 * At most one version of a criterion is in force: releases of three versions at the same moment
 * leave one released, each either done or refused as a conflict; and a database where races left
 * two released is repaired by the migration that makes the database refuse a second one.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CriterionReleaseRaceTest {
  private static final String SOURCE =
      "criterion \"Coffee %d\"\n  when hs starts with \"0901\"\n  then lane red weight %d\n"
          + "  because \"Coffee declared below market price\"\n";

  @Test
  void releasesOfThreeVersionsAtOnceLeaveExactlyOneInForceAndTheOthersDoneOrRefusedAsConflicts(
      Database db, @TempDir Path dir) throws Exception {
    // a database where two versions were left released by races before the fix (schema of V8)
    Flyway.configure()
        .dataSource(db.dataSource())
        .schemas("targeting")
        .createSchemas(true)
        .table("flyway_history")
        .locations("classpath:db/targeting")
        .target("8")
        .load()
        .migrate();
    db.jdbi()
        .useHandle(
            h -> {
              h.execute(
                  "insert into targeting.criterion (id, created_by, created_at) values"
                      + " (900, 'kim', now())");
              for (int v = 1; v <= 3; v++) {
                h.execute(
                    "insert into targeting.criterion_version (criterion_id, version, name, source,"
                        + " owner, status, saved_at, released_at) values (900, ?, 'old', 'x',"
                        + " 'kim', ?, now(), now() - make_interval(mins => ?))",
                    v,
                    v == 2 ? "draft" : "released",
                    // version 1 was released last: it is the one kept
                    v == 1 ? 1 : 10);
              }
              // disabled before who and why were kept
              h.execute(
                  "insert into targeting.criterion (id, created_by, created_at) values"
                      + " (901, 'kim', now())");
              h.execute(
                  "insert into targeting.criterion_version (criterion_id, version, name, source,"
                      + " owner, status, saved_at) values (901, 1, 'gone', 'x', 'kim', 'disabled',"
                      + " now())");
            });
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("targeting")));
    TargetingContext ctx =
        new TargetingContext(db, new AuditLog(db.jdbi()), Clock.systemUTC(), dir, RiskScorer.NONE);
    CriteriaCatalogue catalogue = ctx.criteriaCatalogue();
    assertThat(catalogue.history(900))
        .extracting(StoredCriterion::version, StoredCriterion::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3, StoredCriterion.Status.SUPERSEDED),
            org.assertj.core.groups.Tuple.tuple(2, StoredCriterion.Status.DRAFT),
            org.assertj.core.groups.Tuple.tuple(1, StoredCriterion.Status.RELEASED));

    assertThat(catalogue.states().get(901L).code()).isEqualTo("disabled");
    assertThat(catalogue.states().get(901L).disabled().orElseThrow().by()).isEmpty();
    assertThat(catalogue.states().get(900L).code()).isEqualTo("in-force");

    long id = save(catalogue, Optional.empty(), 1);
    save(catalogue, Optional.of(id), 2);
    save(catalogue, Optional.of(id), 3);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    int conflicts = 0;
    try {
      for (int round = 0; round < 12; round++) {
        CyclicBarrier start = new CyclicBarrier(3);
        List<Future<Outcome<StoredCriterion>>> answers = new ArrayList<>();
        for (int v = 1; v <= 3; v++) {
          int version = v;
          answers.add(
              pool.submit(
                  () -> {
                    start.await();
                    return catalogue.release(id, version, "ada");
                  }));
        }
        List<Integer> done = new ArrayList<>();
        for (Future<Outcome<StoredCriterion>> f : answers) {
          Outcome<StoredCriterion> o = f.get(30, TimeUnit.SECONDS);
          if (o.isAccepted()) {
            done.add(o.orElseThrow().version());
          } else {
            assertThat(o.problems().get(0).code()).isEqualTo("conflict");
            // lost the race, or released in an earlier round and in force still
            assertThat(o.problems().get(0).message()).containsAnyOf("reload", "in force already");
            conflicts++;
          }
        }
        List<StoredCriterion> inForce =
            catalogue.history(id).stream()
                .filter(c -> c.status() == StoredCriterion.Status.RELEASED)
                .toList();
        assertThat(inForce).as("round %d", round).hasSize(1);
        assertThat(done).as("round %d", round).isNotEmpty().contains(inForce.get(0).version());
      }
    } finally {
      pool.shutdownNow();
    }
    // the rule book holds one version of the criterion
    assertThat(
            catalogue.latest().stream()
                .filter(c -> c.id() == id && c.status() == StoredCriterion.Status.RELEASED)
                .count())
        .isEqualTo(1);
    // a second released version is refused by the database itself
    String second =
        db.jdbi()
            .withHandle(
                h -> {
                  try {
                    h.execute(
                        "update targeting.criterion_version set status = 'released' where"
                            + " criterion_id = ?",
                        id);
                    return "accepted";
                  } catch (RuntimeException e) {
                    return "refused";
                  }
                });
    assertThat(second).isEqualTo("refused");
    System.out.println("conflicts in 12 rounds of 3 releases: " + conflicts);
  }

  private static long save(CriteriaCatalogue catalogue, Optional<Long> id, int weight) {
    return catalogue
        .save(
            new CriteriaCatalogue.Draft(
                id,
                String.format(java.util.Locale.ROOT, SOURCE, weight, weight),
                Set.of(),
                Optional.empty(),
                Optional.empty()),
            "kim")
        .orElseThrow()
        .id();
  }
}
