package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.intel.adapter.db.JdbcIntelQueries;
import org.sekisho.intel.application.Actor;
import org.sekisho.intel.application.IngestPorts;
import org.sekisho.intel.application.IngestRecords;
import org.sekisho.intel.application.IntelViews;
import org.sekisho.intel.domain.Normalize;
import org.sekisho.intel.domain.QueryKeys;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.intel.domain.SearchTokens;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * A phone number written with any dash (minus sign, the dashes U+2010 to U+2015, the full-width
 * hyphen, ー between digits) is the number written with ASCII hyphens: one entity key, and found by
 * a search however the query writes it.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PhoneDashFormsTest {
  private static final Actor CLI = new Actor("system:test", "customs-jp", true);

  /** 03-3094-7412 with every dash form in turn, the ASCII one first. */
  private static final List<String> WRITTEN =
      List.of(
          "03-3094-7412",
          "03\u22123094\u22127412",
          "03\u30FC3094\u30FC7412",
          "03\uFF0D3094\uFF0D7412",
          "03\u20103094\u20107412",
          "03\u20113094\u20117412",
          "03\u20123094\u20127412",
          "03\u20133094\u20137412",
          "03\u20143094\u20147412",
          "03\u20153094\u20157412",
          "\uFF10\uFF13\u30FC\uFF13\uFF10\uFF19\uFF14\u30FC\uFF17\uFF14\uFF11\uFF12");

  private final Database db;
  private final IngestRecords ingest;
  private final JdbcIntelQueries queries;

  PhoneDashFormsTest(Database db, @TempDir Path tmp) {
    this.db = db;
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("intel")));
    Clock clock = Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC);
    this.ingest = TestIngest.wire(db, tmp, clock, e -> {}, IngestPorts.RecordsStored.NONE);
    this.queries = new JdbcIntelQueries(db.jdbi(), ZoneOffset.UTC, clock, TestIngest.JSON);
  }

  @Test
  void everyDashFormGivesTheKeyAndTheQueryKeyOfTheAsciiHyphen() {
    for (String w : WRITTEN) {
      assertThat(Normalize.phoneKey(w, "JP", "JP")).as(w).isEqualTo("+81330947412");
      assertThat(QueryKeys.of("ask " + w).keys())
          .as(w)
          .singleElement()
          .satisfies(k -> assertThat(k.key()).isEqualTo("+81330947412"));
      assertThat(QueryKeys.of("ask " + w).rest()).as(w).isEqualTo("ask");
    }
    // a written identifier is also one joined token, as with ASCII hyphens
    assertThat(SearchTokens.of("B7\u2212123456")).contains("b7123456");
    assertThat(SearchTokens.forQuery("B7\u2010123456")).containsExactly("b7123456");
    // ー between letters is the prolonged sound mark it is: コーヒー stays a word
    assertThat(Normalize.dashes("コーヒー 03ー1")).isEqualTo("コーヒー 03-1");
    assertThat(QueryKeys.of("コーヒー").rest()).isEqualTo("コーヒー");
  }

  @Test
  void recordsWritingTheNumberWithAnyDashAreOnePhoneAndFoundByEveryForm() {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < WRITTEN.size(); i++) {
      lines
          .append("{\"declarationId\":\"DASH-")
          .append(i)
          .append("\",\"date\":\"2026-11-20\",\"office\":\"JPTYO\",\"importer\":{\"name\":")
          .append("\"Dash Trading ")
          .append(i)
          .append("\",\"country\":\"JP\",\"phone\":\"")
          .append(WRITTEN.get(i))
          .append("\"},\"items\":[{\"hsCode\":\"090121\"}]}\n");
    }
    var report =
        ingest
            .ingest(
                RecordKind.DECLARATION,
                "json",
                "test",
                new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)),
                CLI)
            .orElseThrow();
    assertThat(report.stored()).isEqualTo(WRITTEN.size());
    List<String> keys =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select distinct e.key from intel.entity e join intel.record_entity re"
                                + " on re.entity_id = e.id join intel.record r on r.id ="
                                + " re.record_id where e.type = 'phone' and r.source_id like"
                                + " 'DASH-%'")
                        .mapTo(String.class)
                        .list());
    assertThat(keys).containsExactly("+81330947412");
    for (String q : WRITTEN) {
      IntelViews.SearchPage p =
          queries.search(
              new IntelViews.SearchQuery(
                  q,
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  0,
                  50),
              new IntelViews.Reader("analyst", "customs-jp"));
      assertThat(p.hits()).as(q).hasSize(WRITTEN.size());
    }
  }
}
