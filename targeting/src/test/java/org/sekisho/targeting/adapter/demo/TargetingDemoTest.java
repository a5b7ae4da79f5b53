package org.sekisho.targeting.adapter.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
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
import org.sekisho.targeting.assessment.application.RiskScorer;
import org.sekisho.targeting.assessment.domain.Assessment;
import org.sekisho.targeting.criteria.application.StoredCriterion;
import org.sekisho.targeting.selectivity.domain.Lane;

/**
 * The demo's lists and criteria go through the analysts' use cases, are all released and in force
 * at once, hit the records intelligence points at, and seeding again changes nothing.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TargetingDemoTest {
  private final Database db;

  TargetingDemoTest(Database db) {
    this.db = db;
  }

  private static final TargetingDemo.Intelligence KNOWN =
      new TargetingDemo.Intelligence(
          List.of("JP2097735177373"),
          List.of("03-3094-7412"),
          List.of("佐藤 花子"),
          List.of("東京都港区芝浦1丁目2番3号"),
          List.of("TH", "CN"),
          List.of("2402", "7113"),
          Map.of("JP2097735177373", "named in seizure S-20261127-001"));

  @Test
  void theDemoTargetsWhatIntelligenceKnowsAndSeedsOnce(@TempDir Path dir) {
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("targeting")));
    TargetingContext ctx =
        new TargetingContext(db, new AuditLog(db.jdbi()), Clock.systemUTC(), dir, RiskScorer.NONE);
    ctx.start();
    try {
      TargetingDemo.Summary first =
          TargetingDemo.seed(ctx.referenceLists(), ctx.criteriaCatalogue(), KNOWN);
      assertThat(first.listsCreated()).isEqualTo(6);
      assertThat(first.entriesAdded()).isEqualTo(8);
      assertThat(first.criteriaReleased()).isEqualTo(TargetingDemo.CRITERIA.size());
      assertThat(ctx.criteriaCatalogue().latest())
          .extracting(StoredCriterion::status)
          .containsOnly(StoredCriterion.Status.RELEASED);

      TargetingDemo.Summary again =
          TargetingDemo.seed(ctx.referenceLists(), ctx.criteriaCatalogue(), KNOWN);
      assertThat(again).isEqualTo(new TargetingDemo.Summary(0, 0, 0));
      assertThat(ctx.criteriaCatalogue().latest()).hasSize(TargetingDemo.CRITERIA.size());

      // a declaration of the seized trader, with the network's phone written the +81 way
      Assessment seized =
          ctx.assessRecords()
              .assessJson(
                  "declaration",
                  "{\"declarationId\":\"DEMO-1\",\"date\":\"2026-11-27\",\"office\":\"JPYOK\","
                      + "\"importer\":{\"name\":\"Mori Shoji\",\"id\":\"JP2097735177373\","
                      + "\"phone\":\"+81 3 3094 7412\"},"
                      + "\"items\":[{\"hsCode\":\"090121\",\"origin\":\"BR\"}]}")
              .orElseThrow()
              .assessment();
      assertThat(seized.lane()).isEqualTo(Lane.RED);
      assertThat(seized.hits())
          .extracting(h -> h.name())
          .containsExactlyInAnyOrder("Trader named in a seizure", "Phone of a network under watch");
      // the list entry says which seizure named the trader
      assertThat(ctx.referenceLists().entries("seized-traders", "JP2097735177373", 0, 10).rows())
          .extracting(e -> e.note())
          .containsExactly("named in seizure S-20261127-001");
      // a parcel to the hub addressee
      Assessment parcel =
          ctx.assessRecords()
              .assessJson(
                  "postal-item",
                  "{\"itemId\":\"EE123456785JP\",\"date\":\"2026-11-27\",\"office\":\"JPTYO-MAIL\","
                      + "\"addressee\":{\"name\":\"佐藤 花子\"},\"sender\":{\"name\":\"X\","
                      + "\"country\":\"CN\"},\"contents\":\"toy\",\"originCountry\":\"CN\"}")
              .orElseThrow()
              .assessment();
      assertThat(parcel.hits()).extracting(h -> h.name()).contains("Parcels to a hub addressee");
    } finally {
      ctx.close();
    }
  }
}
