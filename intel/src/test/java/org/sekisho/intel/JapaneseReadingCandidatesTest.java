package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import db.intel.V17__japanese_name_readings;
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
 * A party written in kanji (山田太郎, 清水商事株式会社) and its romaji spelling (YAMADA TARO, Shimizu Shoji
 * Co., Ltd.) are candidates of one another by reading, never one entity; a search in either script
 * finds both; a Chinese name is not read as Japanese. Migration V17 reads the parties stored
 * before.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JapaneseReadingCandidatesTest {
  private static final Actor CLI = new Actor("system:test", "customs-jp", true);
  private static final IntelViews.Reader READER = new IntelViews.Reader("analyst", "customs-jp");
  private final Database db;
  private final IngestRecords ingest;
  private final JdbcIntelQueries queries;

  JapaneseReadingCandidatesTest(Database db, @TempDir Path tmp) {
    this.db = db;
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("intel")));
    Clock clock = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);
    this.ingest = TestIngest.wire(db, tmp, clock, e -> {}, IngestPorts.RecordsStored.NONE);
    this.queries = new JdbcIntelQueries(db.jdbi(), ZoneOffset.UTC, clock, TestIngest.JSON);
  }

  @Test
  void readingsAreShapedAsTheKeyOfTheRomajiSpelling() {
    NameReading r = EntityReadings.shared();
    assertThat(r.of("person", "山田太郎")).isEqualTo("TARO YAMADA");
    assertThat(r.of("person", "佐藤 健")).isEqualTo("KEN SATO");
    assertThat(r.of("person", "ヤマダ タロウ")).isEqualTo("TARO YAMADA");
    assertThat(r.of("company", "清水商事株式会社")).isEqualTo("SHIMIZUSHOJI");
    assertThat(r.ofEntity("person", "山田太郎", "山田太郎|1980-01-02")).isEqualTo("TARO YAMADA|1980-01-02");
    // Chinese, Latin and other types have none
    assertThat(r.of("person", "王小明")).isNull();
    assertThat(r.of("person", "Yamada Taro")).isNull();
    assertThat(r.of("vessel", "山田丸")).isNull();
  }

  @Test
  void aKanjiPartyAndItsRomajiSpellingAreCandidatesOfEachOtherNotOneEntity() {
    // no dates of birth: a shared date alone makes two keys similar
    ingest(
        seizure("JR-1", "山田太郎", null, "清水商事株式会社")
            + seizure("JR-2", "YAMADA TARO", null, "Shimizu Shoji Co., Ltd.")
            + seizure("JR-3", "王小明", null, "Hanako Trading")
            + seizure("JR-4", "O SHOMEI", null, "Tanaka Shoten")
            + seizure("JR-5", "小野寺裕子", null, "Kanto Marine")
            + seizure("JR-6", "ONODERA HIROKO", null, "Kansai Marine"));
    Map<String, Long> persons = linked("JR-", "person");
    Map<String, Long> companies = linked("JR-", "company");
    assertThat(persons.get("JR-1")).isNotEqualTo(persons.get("JR-2"));
    assertThat(companies.get("JR-1")).isNotEqualTo(companies.get("JR-2"));
    assertThat(candidateIds(persons.get("JR-1"))).contains(persons.get("JR-2"));
    assertThat(candidateIds(persons.get("JR-2"))).contains(persons.get("JR-1"));
    assertThat(candidateIds(companies.get("JR-1"))).contains(companies.get("JR-2"));
    assertThat(candidateIds(companies.get("JR-2"))).contains(companies.get("JR-1"));
    // the stored reading is the dictionary's (Yuko); Hiroko shares the family name's trigrams
    assertThat(candidateIds(persons.get("JR-5"))).contains(persons.get("JR-6"));
    assertThat(candidateIds(persons.get("JR-6"))).contains(persons.get("JR-5"));
    // 王小明 is not read Japanese (Ō Shōmei): the two stay strangers
    assertThat(candidateIds(persons.get("JR-3"))).doesNotContain(persons.get("JR-4"));
    assertThat(candidateIds(persons.get("JR-4"))).doesNotContain(persons.get("JR-3"));
    // the entity shows the reading it is matched by, so an analyst sees why they are candidates
    assertThat(queries.entity(persons.get("JR-1"), READER, 200).orElseThrow().reading())
        .contains("TARO YAMADA");
    assertThat(queries.entity(persons.get("JR-2"), READER, 200).orElseThrow().reading()).isEmpty();
    assertThat(queries.entity(persons.get("JR-3"), READER, 200).orElseThrow().reading()).isEmpty();
  }

  @Test
  void aSearchInOneScriptFindsThePartyWrittenInTheOther() {
    ingest(seizure("JS-1", "鈴木一郎", "黒潮商会株式会社") + seizure("JS-2", "SUZUKI ICHIRO", "Kanto Marine"));
    long kanji = linked("JS-1", "person").get("JS-1");
    long romaji = linked("JS-2", "person").get("JS-2");
    assertThat(entityHits("Ichiro Suzuki")).contains(kanji, romaji);
    assertThat(entityHits("鈴木一郎")).contains(kanji, romaji);
    long company = linked("JS-1", "company").get("JS-1");
    assertThat(entityHits("Kuroshio Shokai")).contains(company);
  }

  @Test
  void aNameWrittenInKanaMeetsTheSamePartyWrittenInKanjiThroughTheirReadings() {
    // a kana name and the kanji name read the same: neither key shares a trigram with the other
    ingest(
        seizure("JK-1", "田中陽子", null, "㈱田中物産")
            + seizure("JK-2", "タナカ ヨウコ", null, "ｶ)ﾀﾅｶﾌﾞｯｻﾝ")
            + seizure("JK-3", "中村 光", null, "Kanagawa Marine"));
    Map<String, Long> persons = linked("JK-", "person");
    Map<String, Long> companies = linked("JK-", "company");
    assertThat(candidateIds(persons.get("JK-1"))).contains(persons.get("JK-2"));
    assertThat(candidateIds(persons.get("JK-2"))).contains(persons.get("JK-1"));
    // a bank's half-width kana with its ｶ) for 株式会社
    assertThat(candidateIds(companies.get("JK-2"))).contains(companies.get("JK-1"));
    assertThat(candidateIds(companies.get("JK-1"))).contains(companies.get("JK-2"));
    // a search typed in hiragana or katakana offers the party written in kanji
    assertThat(entityHits("たなか ようこ")).contains(persons.get("JK-1"), persons.get("JK-2"));
    assertThat(entityHits("タナカブッサン")).contains(companies.get("JK-1"));
    // and not a stranger
    assertThat(candidateIds(persons.get("JK-1"))).doesNotContain(persons.get("JK-3"));
    assertThat(entityHits("たなか ようこ")).doesNotContain(persons.get("JK-3"));
  }

  @Test
  void aCompanyTypedInKanaFindsTheRecordsOfTheCompanyWrittenInKanji() {
    // kana has no word breaks (タナカブッサン reads TANAKABUSSAN) while the dictionary splits the kanji
    // name (田中物産 reads TANAKA BUSSAN) or keeps it whole (清水商事 reads SHIMIZUSHOJI), and a romaji
    // spelling is keyed word by word: the records are found all the same, whatever the spacing
    ingest(
        seizure("JC-1", "佐々木 実", null, "㈱田中物産")
            + seizure("JC-2", "森 花子", null, "清水商事株式会社")
            + seizure("JC-3", "中村 光", null, "Kanagawa Marine"));
    assertThat(recordHits("タナカブッサン")).containsExactly("JC-1");
    assertThat(recordHits("タナカ ブッサン")).containsExactly("JC-1");
    assertThat(recordHits("シミズ ショウジ")).containsExactly("JC-2");
    assertThat(recordHits("ｼﾐｽﾞｼｮｳｼﾞ")).containsExactly("JC-2");
    // and so does its romaji spelling, keyed word by word
    assertThat(recordHits("Shimizu Shoji")).containsExactly("JC-2");
    assertThat(recordHits("TANAKA BUSSAN")).containsExactly("JC-1");
    // a name that only begins alike is no match
    assertThat(recordHits("タナカブツ")).isEmpty();
  }

  @Test
  void migrationSeventeenReadsThePartiesStoredBefore() throws Exception {
    ingest(seizure("JM-1", "小野寺裕子", "清水物産株式会社") + seizure("JM-2", "Jane Roe", "Acme Ltd"));
    db.jdbi().useHandle(h -> h.execute("update intel.entity set reading = null"));
    assertThat(readings("JM-")).containsOnlyNulls();
    try (Connection c = db.dataSource().getConnection()) {
      V17__japanese_name_readings.fill(c);
      V17__japanese_name_readings.fill(c); // again: nothing changes
    }
    List<String> after = readings("JM-");
    assertThat(after).containsExactlyInAnyOrder("ONODERA YUKO|1990-04-01", "SHIMIZU BUSSAN", null);
  }

  private void ingest(String lines) {
    InputStream in = new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8));
    assertThat(ingest.ingest(RecordKind.SEIZURE, "json", "test", in, CLI).orElseThrow().stored())
        .isPositive();
  }

  private static String seizure(String id, String person, String company) {
    return seizure(id, person, "1990-04-01", company);
  }

  /** A seizure naming a person (born on {@code born}, or with no date when null) and a company. */
  private static String seizure(String id, String person, String born, String company) {
    return "{\"seizureId\":\""
        + id
        + "\",\"date\":\"2026-11-20\",\"commodity\":\"gold\",\"persons\":[{\"name\":\""
        + person
        + (born == null ? "" : "\",\"dateOfBirth\":\"" + born)
        + "\"}],\"companies\":[{\"name\":\""
        + company
        + "\"}]}\n";
  }

  private Map<String, Long> linked(String prefix, String type) {
    Map<String, Long> out = new TreeMap<>();
    db.jdbi()
        .useHandle(
            h ->
                h.createQuery(
                        "select r.source_id, e.id from intel.record r join intel.record_entity re"
                            + " on re.record_id = r.id join intel.entity e on e.id = re.entity_id"
                            + " where e.type = :t and r.source_id like :p")
                    .bind("t", type)
                    .bind("p", prefix + "%")
                    .map((rs, c) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(e -> out.put(e.getKey(), e.getValue())));
    return out;
  }

  private List<String> readings(String prefix) {
    List<String> out =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select distinct e.reading from intel.record r join"
                                + " intel.record_entity re on re.record_id = r.id join"
                                + " intel.entity e on e.id = re.entity_id where e.type in"
                                + " ('person', 'company') and r.source_id like :p")
                        .bind("p", prefix + "%")
                        .mapTo(String.class)
                        .list());
    return out;
  }

  private List<Long> candidateIds(long entity) {
    return queries.entity(entity, READER, 200).orElseThrow().candidates().stream()
        .map(IntelViews.Candidate::id)
        .toList();
  }

  private List<String> recordHits(String q) {
    // the tests share one database: only this test's records count
    return page(q).hits().stream()
        .map(IntelViews.Hit::sourceId)
        .filter(id -> id.startsWith("JC-"))
        .sorted()
        .toList();
  }

  private IntelViews.SearchPage page(String q) {
    return queries.search(
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
  }

  private List<Long> entityHits(String q) {
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
    return p.entities().stream().map(IntelViews.EntityHit::id).toList();
  }
}
