package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import db.intel.V21__readings_keep_numbers;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.intel.adapter.db.EntityReadings;
import org.sekisho.intel.domain.NameReading;
import org.sekisho.platform.db.Database;
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
  private final Database db;
  private final SeizureSearchFixture fixture;

  NumberedNameReadingsTest(Database db, @TempDir Path tmp) {
    this.db = db;
    this.fixture = new SeizureSearchFixture(db, tmp);
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
    fixture.ingest(
        seizure("NS-1", "田中一郎", "サクラ物産 571")
            + seizure("NS-2", "佐藤花子", "サクラ物産 12")
            + seizure("NS-3", "鈴木次郎", "サクラ物産"));
    Map<String, Long> ids = fixture.recordIds("NS-");
    assertThat(fixture.hits("Sakura Bussan 571"))
        .contains(ids.get("NS-1"))
        .doesNotContain(ids.get("NS-2"), ids.get("NS-3"));
    assertThat(fixture.hits("Sakura Bussan 12"))
        .contains(ids.get("NS-2"))
        .doesNotContain(ids.get("NS-1"), ids.get("NS-3"));
    // the unnumbered name is its own party, not every numbered one
    assertThat(fixture.hits("Sakura Bussan"))
        .contains(ids.get("NS-3"))
        .doesNotContain(ids.get("NS-1"), ids.get("NS-2"));
  }

  @Test
  void migrationTwentyOneReadsAgainThePartiesWhoseNamesHoldDigitsOrLettersAndNoOther()
      throws Exception {
    fixture.ingest(
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

  private String reading(String display) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("select reading from intel.entity where display = :d")
                    .bind("d", display)
                    .mapTo(String.class)
                    .one());
  }
}
