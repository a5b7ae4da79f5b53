package org.sekisho.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.intel.application.Actor;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.targeting.assessment.application.CatchUpAssessments;

/**
 * Declarations, postal items and transport documents that were stored by a process that stopped
 * before assessing them are assessed when Sekisho next starts, so none is left out of the lanes and
 * worklists.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CatchUpOnStartTest {
  private static final String DECLARATIONS =
      "{\"declarationId\":\"C1\",\"date\":\"2026-11-27\",\"office\":\"JPTYO\","
          + "\"importer\":{\"kind\":\"company\",\"name\":\"株式会社サクラ物産\",\"country\":\"JP\"},"
          + "\"items\":[{\"hsCode\":\"090121\",\"description\":\"roasted coffee\",\"origin\":\"BR\"}]}\n"
          + "{\"declarationId\":\"C2\",\"date\":\"2026-11-27\",\"office\":\"JPOSA\","
          + "\"importer\":{\"kind\":\"company\",\"name\":\"Sakura Bussan KK\",\"country\":\"JP\"},"
          + "\"items\":[{\"hsCode\":\"847130\",\"description\":\"laptop\",\"origin\":\"CN\","
          + "\"netMassKg\":\"12.5\",\"customsValue\":\"241.58000000000004\"}]}\n"
          + "{\"declarationId\":\"C3\",\"date\":\"2026-11-26\",\"office\":\"JPTYO\","
          + "\"items\":[{\"hsCode\":\"711319\",\"description\":\"gold chain\",\"origin\":\"AE\"}]}\n";

  private static final String POSTAL_ITEMS =
      "{\"itemId\":\"EE123456785JP\",\"date\":\"2026-11-27\",\"office\":\"JPTYO\","
          + "\"contents\":\"gold bar\",\"hsCode\":\"7108\",\"declaredValue\":\"30\","
          + "\"weightKg\":\"1.2\",\"originCountry\":\"HK\","
          + "\"addressee\":{\"name\":\"山田太郎\",\"country\":\"JP\"}}\n"
          + "{\"itemId\":\"CP876543216CN\",\"date\":\"2026-11-27\",\"contents\":\"toys\"}\n";

  private static final String TRANSPORT_DOCUMENTS =
      "{\"number\":\"HDMU872760780\",\"documentType\":\"MBL\",\"date\":\"2026-11-28\","
          + "\"office\":\"JPNAH\",\"consignee\":{\"name\":\"株式会社旭貿易\"},"
          + "\"portOfLoading\":\"CNTSN\",\"portOfDischarge\":\"JPNAH\","
          + "\"goodsDescription\":\"whisky\",\"hsCode\":\"220830\",\"packages\":\"757\"}\n";

  private static long count(Database db, String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  @Test
  void declarationsStoredButNeverAssessedAreAssessedWhenSekishoNextStarts(
      Database db, @TempDir Path dir) throws Exception {
    // a process that stores without assessing, and stops (is never closed)
    Sekisho stopped = new Sekisho(db, dir, Clock.systemUTC(), false);
    assertThat(stopped.firstCatchUp()).isEmpty();
    ingest(stopped, RecordKind.DECLARATION, DECLARATIONS);
    ingest(stopped, RecordKind.POSTAL_ITEM, POSTAL_ITEMS);
    ingest(stopped, RecordKind.TRANSPORT_DOCUMENT, TRANSPORT_DOCUMENTS);
    ingest(stopped, RecordKind.SEIZURE, "{\"seizureId\":\"S1\",\"date\":\"2026-11-27\"}\n");
    assertThat(count(db, "select count(*) from targeting.assessment")).isZero();

    Sekisho sekisho = new Sekisho(db, dir, Clock.systemUTC());
    try {
      List<CatchUpAssessments.Result> r =
          sekisho.firstCatchUp().orElseThrow().get(60, TimeUnit.SECONDS);

      // stored just now: checked and assessed, but the cursors wait until they have settled;
      // consignments first, so that declarations meet their consignment's lane
      assertThat(r)
          .containsExactly(
              new CatchUpAssessments.Result(1, 1, 1, 0),
              new CatchUpAssessments.Result(3, 3, 3, 0),
              new CatchUpAssessments.Result(2, 2, 2, 0));
      assertThat(
              count(
                  db,
                  "select count(*) from targeting.assessment where record_key in"
                      + " ('declaration:C1', 'declaration:C2', 'declaration:C3') and lane <> ''"))
          .isEqualTo(3);
      assertThat(
              count(
                  db,
                  "select count(*) from targeting.assessment where record_key in"
                      + " ('postal-item:EE123456785JP', 'postal-item:CP876543216CN') and lane <> ''"))
          .isEqualTo(2);
      assertThat(
              count(
                  db,
                  "select count(*) from targeting.assessment where record_key ="
                      + " 'transport-document:HDMU872760780' and lane <> ''"))
          .isEqualTo(1);
      assertThat(count(db, "select count(*) from targeting.assessment")).isEqualTo(6);
      // what operators alert on
      var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
      sekisho.assessing().bindTo(registry);
      assertThat(caughtUp(registry, "intel.declarations", "assessed")).isEqualTo(3);
      assertThat(caughtUp(registry, "intel.postal-items", "assessed")).isEqualTo(2);
      assertThat(caughtUp(registry, "intel.transport-documents", "assessed")).isEqualTo(1);
      assertThat(caughtUp(registry, "intel.declarations", "refused")).isZero();
    } finally {
      sekisho.close();
    }
  }

  private static double caughtUp(
      io.micrometer.core.instrument.MeterRegistry registry, String feed, String outcome) {
    return registry
        .get("sekisho.assessment.catch.up.records")
        .tag("feed", feed)
        .tag("outcome", outcome)
        .functionCounter()
        .count();
  }

  private static void ingest(Sekisho s, RecordKind kind, String jsonl) {
    s.ingest()
        .ingest(
            kind,
            "json",
            "test",
            new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)),
            new Actor("system:test", "customs-jp", true))
        .orElseThrow();
  }
}
