package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.intel.adapter.db.JdbcMergeStore;
import org.sekisho.intel.application.IntelViews;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * A name query in one script finds the records of the parties written in another that it matches by
 * reading (山田花子, YAMADA HANAKO, ヤマダハナコ find one another's records), and after a merge the records
 * of the merged party are found through either name; a reader learns nothing of a merge from the
 * records of a party it sees none of.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SearchByReadingRecordsTest {
  private final Database db;
  private final SeizureSearchFixture fixture;

  SearchByReadingRecordsTest(Database db, @TempDir Path tmp) {
    this.db = db;
    this.fixture = new SeizureSearchFixture(db, tmp);
  }

  @Test
  void aNameInEveryScriptFindsTheRecordsOfThePartyWrittenInTheOthers() {
    fixture.ingest(
        seizure("RK-1", "山田花子", "黒潮商会株式会社")
            + seizure("RK-2", "山田 花子", "Kanto Marine")
            + seizure("RR-1", "YAMADA HANAKO", "Orchid Foods")
            + seizure("RR-2", "Hanako Yamada", "Kansai Marine")
            + seizure("RT-1", "ヤマダ ハナコ", "Tokai Trading")
            + seizure("RX-1", "YAMADA TARO", "Kanagawa Foods"));
    Map<String, Long> ids = fixture.recordIds("");
    List<Long> all =
        List.of(
            ids.get("RK-1"), ids.get("RK-2"), ids.get("RR-1"), ids.get("RR-2"), ids.get("RT-1"));
    for (String q :
        List.of("Yamada Hanako", "HANAKO YAMADA", "山田花子", "山田 花子", "ヤマダ ハナコ", "ヤマダハナコ")) {
      assertThat(fixture.hits(q)).as(q).containsAll(all).doesNotContain(ids.get("RX-1"));
    }
  }

  @Test
  void aCompanyNameInKanjiWithoutItsLegalFormFindsTheCompanyWrittenInRomaji() {
    // 森商事 alone is too short for the dictionary to call Japanese rather than Chinese
    fixture.ingest(
        seizure("CK-1", "Sato Ichiro", "（株）森商事")
            + seizure("CR-1", "Suzuki Jiro", "MORI SHOJI KK")
            + seizure("CX-1", "Ito Saburo", "SHIRATORI SHOJI KK"));
    Map<String, Long> ids = fixture.recordIds("");
    assertThat(fixture.hits("森商事"))
        .contains(ids.get("CK-1"), ids.get("CR-1"))
        .doesNotContain(ids.get("CX-1"));
    assertThat(fixture.hits("Mori Shoji")).contains(ids.get("CK-1"), ids.get("CR-1"));
    // and the party list offers the romaji company beside the kanji one
    assertThat(fixture.page("森商事", SeizureSearchFixture.READER).entities())
        .extracting(e -> e.display())
        .contains("（株）森商事", "MORI SHOJI KK");
  }

  @Test
  void anAddressWrittenEitherWayFindsTheRecordsOfBoth() {
    // one address, written with 丁目番号 in one record and with dashes in another: no search token
    // in common, one address entity
    fixture.ingest(
        placedSeizure("AK-1", "兵庫県神戸市中央区港島1丁目11番4号")
            + placedSeizure("AD-1", "兵庫県神戸市中央区港島1-11-4")
            + placedSeizure("AX-1", "兵庫県神戸市中央区港島1-11-45")
            + placedSeizure("AY-1", "兵庫県神戸市中央区港島1-12-4"));
    Map<String, Long> ids = fixture.recordIds("");
    for (String q : List.of("兵庫県神戸市中央区港島1丁目11番4号", "兵庫県神戸市中央区港島1-11-4", "港島1-11-4", "港島1丁目11番4号")) {
      assertThat(fixture.hits(q))
          .as(q)
          .contains(ids.get("AK-1"), ids.get("AD-1"))
          .doesNotContain(ids.get("AX-1"), ids.get("AY-1"));
    }
  }

  @Test
  void oneKanjiFindsTheNamesItBegins() {
    fixture.ingest(
        seizure("SK-1", "Kato Misaki", "（株）森商事")
            + seizure("SK-2", "Ito Ken", "大森物産")
            + seizure("SK-3", "Ueda Jun", "白鳥商事"));
    Map<String, Long> ids = fixture.recordIds("");
    assertThat(fixture.hits("森"))
        .contains(ids.get("SK-1"), ids.get("SK-2"))
        .doesNotContain(ids.get("SK-3"));
    assertThat(fixture.hits("森 Kato")).containsExactly(ids.get("SK-1"));
  }

  /** A seizure whose person gives an address. */
  private static String placedSeizure(String id, String address) {
    return "{\"seizureId\":\""
        + id
        + "\",\"date\":\"2026-11-20\",\"commodity\":\"gold\",\"persons\":[{\"name\":\"Sato "
        + id
        + "\",\"address\":\""
        + address
        + "\"}]}\n";
  }

  @Test
  void aMergedPartysRecordsAreFoundThroughEitherName() {
    // 裕子 is read Yuko: HIROKO is no reading of it, only an analyst's merge makes them one party
    fixture.ingest(
        seizure("MK-1", "小野寺裕子", "Kanto Marine")
            + seizure("MR-1", "ONODERA HIROKO", "Orchid Foods"));
    Map<String, Long> ids = fixture.recordIds("");
    assertThat(fixture.hits("Onodera Hiroko")).doesNotContain(ids.get("MK-1"));
    assertThat(fixture.hits("小野寺裕子")).doesNotContain(ids.get("MR-1"));
    long kanji = person("MK-1");
    long romaji = person("MR-1");
    assertThat(
            new JdbcMergeStore(db.jdbi())
                .merge(kanji, romaji, "same passport", 0.9, "analyst", Instant.now())
                .isAccepted())
        .isTrue();
    assertThat(fixture.hits("Onodera Hiroko")).contains(ids.get("MK-1"), ids.get("MR-1"));
    assertThat(fixture.hits("小野寺裕子")).contains(ids.get("MK-1"), ids.get("MR-1"));
    // a partner shown only the kanji record learns nothing of the merge from a romaji search
    db.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "update intel.record set shared_with = array['police-jp'] where id = ?",
                    ids.get("MK-1")));
    IntelViews.Reader police = new IntelViews.Reader("officer", "police-jp");
    assertThat(fixture.hits("Onodera Hiroko", police)).isEmpty();
    assertThat(fixture.hits("小野寺裕子", police)).containsExactly(ids.get("MK-1"));
  }

  @Test
  void aNameThatTooManyPartiesBearIsLeftToTheTextIndex() {
    // 19 persons named 田中花子, each with their own date of birth, and one TANAKA HANAKO: 20
    // parties bear the name, few enough to read them all
    StringBuilder twenty = new StringBuilder();
    for (int i = 1; i <= 19; i++) {
      twenty.append(bornSeizure("OH-" + i, "田中花子", "1970-01-" + String.format("%02d", i)));
    }
    fixture.ingest(twenty.toString() + bornSeizure("OR-1", "TANAKA HANAKO", "1990-05-05"));
    Map<String, Long> ids = fixture.recordIds("");
    assertThat(fixture.hits("Tanaka Hanako"))
        .contains(ids.get("OH-1"), ids.get("OH-19"), ids.get("OR-1"));
    // a 21st party: the name narrows nothing any more, and 20 of them would be an arbitrary sample;
    // the
    // romaji spelling still finds its own records through the text index
    fixture.ingest(bornSeizure("OH-20", "田中花子", "1970-02-01"));
    ids = fixture.recordIds("");
    List<Long> common = fixture.hits("Tanaka Hanako");
    assertThat(common).contains(ids.get("OR-1")).doesNotContain(ids.get("OH-1"), ids.get("OH-20"));
    List<Long> kanji = fixture.hits("田中花子");
    assertThat(kanji).contains(ids.get("OH-1"), ids.get("OH-20"));
  }

  private static String seizure(String id, String person, String company) {
    return "{\"seizureId\":\""
        + id
        + "\",\"date\":\"2026-11-20\",\"commodity\":\"gold\",\"persons\":[{\"name\":\""
        + person
        + "\"}],\"companies\":[{\"name\":\""
        + company
        + "\"}]}\n";
  }

  /** A seizure naming one person born on {@code dateOfBirth}, and no company. */
  private static String bornSeizure(String id, String person, String dateOfBirth) {
    return "{\"seizureId\":\""
        + id
        + "\",\"date\":\"2026-11-20\",\"commodity\":\"gold\",\"persons\":[{\"name\":\""
        + person
        + "\",\"dateOfBirth\":\""
        + dateOfBirth
        + "\"}]}\n";
  }

  private long person(String sourceId) {
    Long id =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select e.id from intel.record r join intel.record_entity re on"
                                + " re.record_id = r.id join intel.entity e on e.id = re.entity_id"
                                + " where e.type = 'person' and r.source_id = :s")
                        .bind("s", sourceId)
                        .mapTo(Long.class)
                        .one());
    return id;
  }
}
