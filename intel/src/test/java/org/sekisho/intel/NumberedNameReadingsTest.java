package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import db.intel.V21__readings_keep_numbers;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.intel.adapter.db.EntityReadings;
import org.sekisho.intel.adapter.db.JdbcIntelQueries;
import org.sekisho.intel.application.Actor;
import org.sekisho.intel.application.IngestPorts;
import org.sekisho.intel.application.IngestRecords;
import org.sekisho.intel.application.IntelViews;
import org.sekisho.intel.domain.NameReading;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * The reading of a name written in Japanese keeps the digits and Latin letters that tell numbered
 * parties apart (サクラ物産 571 and サクラ物産 12 are SAKURA BUSSAN 571 and SAKURA BUSSAN 12, not one reading
 * shared by hundreds of companies), half-width and where the name has them; migration V21 reads
 * again the stored parties whose names hold them, and no other.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NumberedNameReadingsTest {
  private static final Actor CLI = new Actor("system:test", "customs-jp", true);
  private static final IntelViews.Reader READER = new IntelViews.Reader("officer", "customs-jp");
  private final Database db;
  private final IngestRecords ingest;
  private final JdbcIntelQueries queries;

  NumberedNameReadingsTest(Database db, @TempDir Path tmp) {
    this.db = db;
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("intel")));
    Clock clock = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);
    this.ingest = TestIngest.wire(db, tmp, clock, e -> {}, IngestPorts.RecordsStored.NONE);
    this.queries = new JdbcIntelQueries(db.jdbi(), ZoneOffset.UTC, clock, TestIngest.JSON);
  }

  @Test
  void aCompanysReadingKeepsItsNumberAndLettersHalfWidthWhereTheNameHasThem() {
    NameReading r = EntityReadings.shared();
    assertThat(r.of("company", "サクラ物産 571")).isEqualTo("SAKURA BUSSAN 571");
    assertThat(r.of("company", "サクラ物産 12")).isEqualTo("SAKURA BUSSAN 12");
    assertThat(r.of("company", "株式会社サクラ物産５７１")).isEqualTo("SAKURA BUSSAN 571");
    assertThat(r.of("company", "サクラ物産 ABC")).isEqualTo("SAKURA BUSSAN ABC");
    assertThat(r.of("company", "サクラ物産 ＡＢＣ")).isEqualTo("SAKURA BUSSAN ABC");
    assertThat(r.of("company", "第2サクラ物産")).isEqualTo("DAI 2 SAKURA BUSSAN");
    assertThat(r.of("company", "三井物産 2号")).isEqualTo("MITSUIBUSSAN 2 GO");
    assertThat(r.of("company", "サクラ物産 571 Co., Ltd.")).isEqualTo("SAKURA BUSSAN 571");
    // as the key of its romaji spelling (Sakura Bussan 571), so each is found by its own
    assertThat(r.ofEntity("company", "サクラ物産 571", "サクラ物産 571|JP"))
        .isEqualTo("SAKURA BUSSAN 571|JP");
    // names without digits or letters read as before; Chinese names still have no reading
    assertThat(r.of("company", "清水商事株式会社")).isEqualTo("SHIMIZUSHOJI");
    assertThat(r.of("company", "サクラ物産")).isEqualTo("SAKURA BUSSAN");
    assertThat(r.of("person", "王小明 2")).isNull();
  }

  @Test
  void aPersonsReadingKeepsTheDigitsTooSortedAsTheRomajiKeyIs() {
    NameReading r = EntityReadings.shared();
    // the key of YAMADA TARO 2 (a person's key sorts its parts)
    assertThat(r.of("person", "山田太郎2")).isEqualTo("2 TARO YAMADA");
    assertThat(r.of("person", "山田 太郎 ２")).isEqualTo("2 TARO YAMADA");
    assertThat(r.of("person", "ヤマダ タロウ 3")).isEqualTo("3 TARO YAMADA");
    assertThat(r.of("person", "山田太郎")).isEqualTo("TARO YAMADA");
  }

  @Test
  void aRomajiSearchWithTheNumberFindsTheKanjiCompanyWithThatNumberAndNoOther() {
    ingest(
        seizure("NS-1", "田中一郎", "サクラ物産 571")
            + seizure("NS-2", "佐藤花子", "サクラ物産 12")
            + seizure("NS-3", "鈴木次郎", "サクラ物産"));
    Map<String, Long> ids = recordIds("NS-");
    assertThat(hits("Sakura Bussan 571"))
        .contains(ids.get("NS-1"))
        .doesNotContain(ids.get("NS-2"), ids.get("NS-3"));
    assertThat(hits("Sakura Bussan 12"))
        .contains(ids.get("NS-2"))
        .doesNotContain(ids.get("NS-1"), ids.get("NS-3"));
    // the unnumbered name is its own party, not every numbered one
    assertThat(hits("Sakura Bussan"))
        .contains(ids.get("NS-3"))
        .doesNotContain(ids.get("NS-1"), ids.get("NS-2"));
  }

  @Test
  void migrationTwentyOneReadsAgainThePartiesWhoseNamesHoldDigitsOrLettersAndNoOther()
      throws Exception {
    ingest(
        seizure("NM-1", "山田太郎2", "サクラ物産 571")
            + seizure("NM-2", "小野寺裕子", "サクラ物産 ABC")
            + seizure("NM-3", "Jane Roe 2", "清水物産株式会社"));
    // as the reader before stored them: without the number, or none where letters were mixed in
    db.jdbi()
        .useHandle(
            h -> {
              h.execute(
                  "update intel.entity set reading = 'SAKURA BUSSAN' where display = 'サクラ物産 571'");
              h.execute("update intel.entity set reading = null where display = 'サクラ物産 ABC'");
              h.execute(
                  "update intel.entity set reading = 'TARO YAMADA|1990-04-01' where display ="
                      + " '山田太郎2'");
              // names without digits or letters are not read again: a mark shows they were left
              h.execute("update intel.entity set reading = 'LEFT' where display = '清水物産株式会社'");
            });
    try (Connection c = db.dataSource().getConnection()) {
      assertThat(V21__readings_keep_numbers.reread(c, 2)).isEqualTo(3);
      assertThat(V21__readings_keep_numbers.reread(c, 2)).isZero(); // again: nothing changes
    }
    assertThat(reading("サクラ物産 571")).isEqualTo("SAKURA BUSSAN 571");
    assertThat(reading("サクラ物産 ABC")).isEqualTo("SAKURA BUSSAN ABC");
    assertThat(reading("山田太郎2")).isEqualTo("2 TARO YAMADA|1990-04-01");
    assertThat(reading("清水物産株式会社")).isEqualTo("LEFT");
    assertThat(reading("小野寺裕子")).isEqualTo("ONODERA YUKO|1990-04-01");
    assertThat(reading("Jane Roe 2")).isNull();
  }

  private void ingest(String lines) {
    InputStream in = new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8));
    assertThat(ingest.ingest(RecordKind.SEIZURE, "json", "test", in, CLI).orElseThrow().stored())
        .isPositive();
  }

  /** A seizure naming a person born on 1990-04-01 and a company. */
  private static String seizure(String id, String person, String company) {
    return "{\"seizureId\":\""
        + id
        + "\",\"date\":\"2026-11-20\",\"commodity\":\"gold\",\"persons\":[{\"name\":\""
        + person
        + "\",\"dateOfBirth\":\"1990-04-01\"}],\"companies\":[{\"name\":\""
        + company
        + "\"}]}\n";
  }

  private Map<String, Long> recordIds(String prefix) {
    Map<String, Long> out = new TreeMap<>();
    db.jdbi()
        .useHandle(
            h ->
                h.createQuery("select source_id, id from intel.record where source_id like :p")
                    .bind("p", prefix + "%")
                    .map((rs, c) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(e -> out.put(e.getKey(), e.getValue())));
    return out;
  }

  private String reading(String display) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("select reading from intel.entity where display = :d")
                    .bind("d", display)
                    .mapTo(String.class)
                    .one());
  }

  private List<Long> hits(String q) {
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
            READER);
    return p.hits().stream().map(IntelViews.Hit::id).toList();
  }
}
