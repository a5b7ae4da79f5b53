package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import org.sekisho.intel.adapter.db.JdbcIntelQueries;
import org.sekisho.intel.application.Actor;
import org.sekisho.intel.application.IngestPorts;
import org.sekisho.intel.application.IngestRecords;
import org.sekisho.intel.application.IntelViews;
import org.sekisho.intel.domain.Normalize;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * A person written 鈴木美咲, 鈴木 美咲 or 鈴木　美咲 is one entity and each form finds the records of all three;
 * half-width ｽｽﾞｷ ﾐｻｷ is the full-width スズキミサキ. Migration V15 re-keys the entities and documents
 * stored before.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CjkNameSpacingTest {
  private static final Actor CLI = new Actor("system:test", "customs-jp", true);
  private static final IntelViews.Reader READER = new IntelViews.Reader("analyst", "customs-jp");
  private final Database db;
  private final IngestRecords ingest;
  private final JdbcIntelQueries queries;

  CjkNameSpacingTest(Database db, @TempDir Path tmp) {
    this.db = db;
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("intel")));
    Clock clock = Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC);
    this.ingest = TestIngest.wire(db, tmp, clock, e -> {}, IngestPorts.RecordsStored.NONE);
    this.queries = new JdbcIntelQueries(db.jdbi(), ZoneOffset.UTC, clock, TestIngest.JSON);
  }

  @Test
  void aCjkNameIsOneKeyHoweverItIsSpacedAndLatinNamesKeepTheirSortedKey() {
    assertThat(Normalize.personKey("鈴木 美咲"))
        .isEqualTo(Normalize.personKey("鈴木美咲"))
        .isEqualTo(Normalize.personKey("鈴木　美咲"))
        .isEqualTo("鈴木美咲");
    assertThat(Normalize.personKey("ｽｽﾞｷ ﾐｻｷ"))
        .isEqualTo(Normalize.personKey("スズキ ミサキ"))
        .isEqualTo(Normalize.personKey("スズキミサキ"))
        .isEqualTo("スズキミサキ");
    assertThat(Normalize.personKey("佐々木 健 様")).isEqualTo("佐々木健");
    assertThat(Normalize.personKey("김 민준")).isEqualTo(Normalize.personKey("김민준"));
    // order matters in these scripts, as written: the family name first
    assertThat(Normalize.personKey("美咲 鈴木")).isEqualTo("美咲鈴木");
    assertThat(Normalize.personKey("Suzuki Misaki"))
        .isEqualTo(Normalize.personKey("MISAKI SUZUKI"))
        .isEqualTo("MISAKI SUZUKI");
    // a name mixing scripts keeps the sorted key
    assertThat(Normalize.personKey("鈴木 Misaki")).isEqualTo(Normalize.personKey("Misaki 鈴木"));
  }

  private void ingest(String lines) {
    InputStream in = new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8));
    assertThat(ingest.ingest(RecordKind.SEIZURE, "json", "test", in, CLI).orElseThrow().stored())
        .isPositive();
  }

  private static String seizure(String id, String name) {
    return "{\"seizureId\":\""
        + id
        + "\",\"date\":\"2026-11-20\",\"commodity\":\"gold\",\"persons\":[{\"name\":\""
        + name
        + "\",\"dateOfBirth\":\"1990-04-01\"}]}\n";
  }

  /** The person entity each seizure of {@code prefix} is linked to. */
  private Map<String, Long> persons(String prefix) {
    Map<String, Long> out = new TreeMap<>();
    db.jdbi()
        .useHandle(
            h ->
                h.createQuery(
                        "select r.source_id, e.id from intel.record r join intel.record_entity re"
                            + " on re.record_id = r.id join intel.entity e on e.id = re.entity_id"
                            + " where e.type = 'person' and r.source_id like :p")
                    .bind("p", prefix + "%")
                    .map((rs, c) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(e -> out.put(e.getKey(), e.getValue())));
    return out;
  }

  private List<String> found(String q) {
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
    return p.hits().stream().map(IntelViews.Hit::sourceId).sorted().toList();
  }

  private List<IntelViews.Candidate> candidates(long entity) {
    return queries.entity(entity, READER, 200).orElseThrow().candidates();
  }

  @Test
  void aCjkNameWithItsPartsInTheOtherOrderIsOfferedAsAMergeCandidate() {
    ingest(
        seizure("ORD-1", "ジョン スミス")
            + seizure("ORD-2", "スミス ジョン")
            + seizure("ORD-3", "スミス・ジョン")
            + seizure("ORD-4", "ｽﾐｽ･ｼﾞｮﾝ")
            + seizure("ORD-5", "王 小明")
            + seizure("ORD-6", "小明 王")
            + seizure("ORD-7", "鈴木 美咲"));
    Map<String, Long> persons = persons("ORD-");
    // ・ and ･ separate a name's parts as a space does
    assertThat(persons.get("ORD-3")).isEqualTo(persons.get("ORD-2"));
    assertThat(persons.get("ORD-4")).isEqualTo(persons.get("ORD-2"));
    assertThat(persons.get("ORD-1")).isNotEqualTo(persons.get("ORD-2"));
    for (String[] pair :
        List.of(
            new String[] {"ORD-1", "ORD-2"},
            new String[] {"ORD-2", "ORD-1"},
            new String[] {"ORD-5", "ORD-6"},
            new String[] {"ORD-6", "ORD-5"})) {
      assertThat(candidates(persons.get(pair[0])))
          .as(pair[0])
          .anySatisfy(
              c -> {
                assertThat(c.id()).isEqualTo(persons.get(pair[1]));
                assertThat(c.sharedType()).isEqualTo("name-order");
              });
    }
    // a name in one order only has none; nor does the spacing fix change: 鈴木 美咲 is 鈴木美咲
    assertThat(candidates(persons.get("ORD-7")))
        .noneMatch(c -> c.sharedType().equals("name-order"));
    assertThat(Normalize.otherOrderPersonKeys("ジョン・スミス")).containsExactly("スミスジョン");
    assertThat(Normalize.otherOrderPersonKeys("鈴木美咲")).isEmpty();
    assertThat(Normalize.otherOrderPersonKeys("John Smith")).isEmpty();
  }

  @Test
  void everySpacingAndWidthOfTheNameFindsTheSameEntityAndItsRecords() {
    ingest(
        seizure("SP-1", "鈴木美咲")
            + seizure("SP-2", "鈴木 美咲")
            + seizure("SP-3", "鈴木　美咲")
            + seizure("SP-4", "ｽｽﾞｷ ﾐｻｷ")
            + seizure("SP-5", "スズキミサキ"));
    Map<String, Long> persons = persons("SP-");
    assertThat(persons.get("SP-2")).isEqualTo(persons.get("SP-1"));
    assertThat(persons.get("SP-3")).isEqualTo(persons.get("SP-1"));
    assertThat(persons.get("SP-5")).isEqualTo(persons.get("SP-4"));
    // the kanji and the katakana spellings are two entities, each finding the other's records by
    // its reading (SUZUKI MISAKI)
    for (String q : List.of("鈴木美咲", "鈴木 美咲", "鈴木　美咲", "ｽｽﾞｷ ﾐｻｷ", "スズキミサキ", "スズキ ミサキ")) {
      assertThat(found(q)).as(q).containsExactlyInAnyOrder("SP-1", "SP-2", "SP-3", "SP-4", "SP-5");
    }
  }

  @Test
  void migrationFifteenReKeysPersonsAndDocumentsStoredBefore() throws Exception {
    ingest(seizure("MG-1", "高橋美咲") + seizure("MG-2", "高橋 美咲") + seizure("MG-3", "中村 健"));
    long kept = persons("MG-").get("MG-1");
    db.jdbi()
        .useTransaction(
            h -> {
              // as stored before V15: MG-2 under the sorted key, its document without the pair
              // across the space; MG-3's entity under its sorted key alone
              long old =
                  h.createUpdate(
                          "insert into intel.entity (type, key, display) values ('person', ?, ?)")
                      .bind(0, "美咲 高橋|1990-04-01")
                      .bind(1, "高橋 美咲")
                      .executeAndReturnGeneratedKeys("id")
                      .mapTo(Long.class)
                      .one();
              h.execute(
                  "update intel.record_entity re set entity_id = ? from intel.record r where"
                      + " r.id = re.record_id and r.source_id = 'MG-2' and re.entity_id = ?",
                  old,
                  kept);
              h.execute(
                  "update intel.record set doc = ts_delete(doc, '橋美') where source_id in ('MG-2')");
              h.execute(
                  "update intel.entity e set key = '中村 健|1990-04-01' from intel.record_entity"
                      + " re, intel.record r where re.entity_id = e.id and r.id = re.record_id and"
                      + " r.source_id = 'MG-3' and e.type = 'person'");
            });
    assertThat(persons("MG-").get("MG-2")).isNotEqualTo(kept);
    assertThat(found("高橋美咲")).containsExactly("MG-1");

    String v15;
    try (InputStream in =
        getClass().getResourceAsStream("/db/intel/V15__cjk_names_without_spacing.sql")) {
      v15 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    db.jdbi().useTransaction(h -> h.createScript(v15).execute());
    assertThat(persons("MG-").get("MG-2")).isEqualTo(kept);
    assertThat(found("高橋美咲")).containsExactly("MG-1", "MG-2");
    String key =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select key from intel.entity where id = ?")
                        .bind(0, persons("MG-").get("MG-3"))
                        .mapTo(String.class)
                        .one());
    assertThat(key).isEqualTo("中村健|1990-04-01");
    // run again: nothing moves
    db.jdbi().useTransaction(h -> h.createScript(v15).execute());
    assertThat(persons("MG-").get("MG-2")).isEqualTo(kept);
    long stale =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from intel.entity where type = 'person' and key like"
                                + " '% %|%'")
                        .mapTo(Long.class)
                        .one());
    assertThat(stale).isZero();
  }
}
