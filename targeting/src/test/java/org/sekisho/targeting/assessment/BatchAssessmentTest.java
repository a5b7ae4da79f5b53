package org.sekisho.targeting.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.targeting.adapter.TargetingContext;
import org.sekisho.targeting.assessment.application.AssessRecords;
import org.sekisho.targeting.assessment.application.AssessmentRequests.Request;
import org.sekisho.targeting.assessment.application.RiskScorer;
import org.sekisho.targeting.criteria.Declarations;

/**
 * Assessing a stored batch at once stores what assessing its records one at a time stores: the same
 * lanes, scores and trader histories (earlier declarations of a trader in the same batch counted),
 * each record once, repeats and records assessed before skipped, and the same counters.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BatchAssessmentTest {
  private final Database db;

  BatchAssessmentTest(Database db) {
    this.db = db;
  }

  private static Request declaration(String id, String importer, String declarant, String value) {
    return new Request("declaration", id, Declarations.json(id, importer, declarant, value));
  }

  /** Two overlapping batches: the second repeats five of the first, the first repeats one key. */
  private static List<List<Request>> batches() {
    Random random = new Random(11);
    String[] importers = {"IMP-A", "IMP-B", "IMP-C", "BRK-X", ""};
    String[] declarants = {"BRK-X", "BRK-Y", "IMP-A", ""};
    List<Request> all = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      all.add(
          declaration(
              "D-" + i,
              importers[random.nextInt(importers.length)],
              declarants[random.nextInt(declarants.length)],
              Integer.toString(1000 + random.nextInt(900_000))));
    }
    List<Request> first = new ArrayList<>(all.subList(0, 25));
    first.add(10, all.get(3));
    return List.of(first, all.subList(20, 40));
  }

  private List<String> stored(Path dir, Consumer<AssessRecords> assess) {
    db.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "truncate targeting.assessment, targeting.trader_history restart identity"
                        + " cascade"));
    TargetingContext ctx =
        new TargetingContext(db, new AuditLog(db.jdbi()), Clock.systemUTC(), dir, RiskScorer.NONE);
    ctx.start();
    try {
      assess.accept(ctx.assessRecords());
    } finally {
      ctx.close();
    }
    List<String> rows =
        new ArrayList<>(
            db.jdbi()
                .withHandle(
                    h ->
                        h.createQuery(
                                "select concat_ws(' ', record_key, lane, criteria_lane, basis,"
                                    + " final_lane, status, score, importer_key, declarant_key,"
                                    + " hist_declarant_decl, hist_declarant_infr,"
                                    + " hist_importer_decl, hist_importer_infr, declaration_date,"
                                    + " model_reasons_pending) from targeting.assessment order by"
                                    + " id")
                            .mapTo(String.class)
                            .list()));
    rows.addAll(
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select concat_ws(' ', role, trader_key, declarations, infractions)"
                                + " from targeting.trader_history order by role, trader_key")
                        .mapTo(String.class)
                        .list()));
    return rows;
  }

  @Test
  void aBatchStoresWhatOneAtATimeStores(@TempDir Path dir) {
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("targeting")));
    List<List<Request>> batches = batches();

    // The reference: the same requests, repeats included, one call each.
    List<String> oneByOne =
        stored(
            dir,
            records ->
                batches.stream()
                    .flatMap(List::stream)
                    .forEach(
                        r -> records.assess(r.recordKind(), r.sourceId(), r.declarationJson())));
    List<String> batched = stored(dir, records -> batches.forEach(records::assessAll));

    assertThat(batched).isEqualTo(oneByOne);
    // 40 records once each, then the traders' counters
    assertThat(batched.stream().filter(r -> r.startsWith("declaration:"))).hasSize(40);
    assertThat(batched)
        .contains("importer IMP-A " + count(batches, "\"id\":\"IMP-A\"},\"decl") + " 0");
    // later declarations of an importer count the earlier ones, of the same batch too
    assertThat(
            batched.stream()
                .filter(r -> r.startsWith("declaration:"))
                .map(r -> Long.parseLong(r.split(" ")[11]))
                .max(Long::compare)
                .orElseThrow())
        .isGreaterThan(3);
  }

  /** Distinct records whose JSON contains {@code fragment}. */
  private static long count(List<List<Request>> batches, String fragment) {
    return batches.stream()
        .flatMap(List::stream)
        .filter(r -> r.declarationJson().contains(fragment))
        .map(Request::sourceId)
        .distinct()
        .count();
  }
}
