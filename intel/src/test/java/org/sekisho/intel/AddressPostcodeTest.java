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
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.intel.application.Actor;
import org.sekisho.intel.application.IngestPorts;
import org.sekisho.intel.application.IngestRecords;
import org.sekisho.intel.domain.Normalize;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * A Japanese postcode written before or after an address does not make it another address; links
 * stored under keys that held one are moved by migration V7.
 */
@ExtendWith(PostgresExtension.class)
class AddressPostcodeTest {
  private static final Actor CLI = new Actor("system:test", "customs-jp", true);
  private static final String KOBE = "兵庫県神戸市中央区港島1-11-4";
  private final Database db;
  private final IngestRecords ingest;

  AddressPostcodeTest(Database db, @TempDir Path tmp) {
    this.db = db;
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("intel")));
    Clock clock = Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC);
    this.ingest = TestIngest.wire(db, tmp, clock, e -> {}, IngestPorts.RecordsStored.NONE);
  }

  @Test
  void aLeadingOrTrailingPostcodeIsNoPartOfTheKeyAndBlockNumbersStay() {
    for (String written :
        List.of(
            "〒650-0045 兵庫県神戸市中央区港島1-11-4",
            "〒6500045兵庫県神戸市中央区港島1丁目11番4号",
            "650-0045 兵庫県神戸市中央区港島1丁目11番4号",
            "兵庫県神戸市中央区港島1-11-4 〒650-0045",
            "〒６５０－００４５　兵庫県神戸市中央区港島１丁目１１番４号",
            "兵庫県神戸市中央区港島1丁目11番4号")) {
      assertThat(Normalize.addressKey(written)).as(written).isEqualTo(KOBE);
    }
    assertThat(Normalize.addressKey("1-11-4 Minatojima, Chuo-ku, Kobe 650-0045"))
        .isEqualTo(Normalize.addressKey("1-11-4 Minatojima, Chuo-ku, Kobe"));
    // digits that are the address's own are kept
    assertThat(Normalize.addressKey("港町1-2-3 4")).isEqualTo("港町1-2-3-4");
    assertThat(Normalize.addressKey("Unit 1-23, 456-7890-1 Ave")).contains("456-7890-1");
  }

  private void ingest(String lines) {
    InputStream in = new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8));
    assertThat(
            ingest.ingest(RecordKind.DECLARATION, "json", "test", in, CLI).orElseThrow().stored())
        .isPositive();
  }

  private static String declaration(String id, String address) {
    return "{\"declarationId\":\""
        + id
        + "\",\"date\":\"2026-11-27\",\"office\":\"JPUKB\",\"importer\":{\"name\":\"港島商事\","
        + "\"address\":\""
        + address
        + "\"},\"items\":[{\"hsCode\":\"090121\"}]}\n";
  }

  /** The address key each declaration's importer is linked to. */
  private Map<String, String> addresses(String prefix) {
    Map<String, String> out = new TreeMap<>();
    db.jdbi()
        .useHandle(
            h ->
                h.createQuery(
                        "select r.source_id, e.key from intel.record r join intel.record_entity re"
                            + " on re.record_id = r.id join intel.entity e on e.id = re.entity_id"
                            + " where e.type = 'address' and r.source_id like :p")
                    .bind("p", prefix + "%")
                    .map((rs, c) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> out.put(e.getKey(), e.getValue())));
    return out;
  }

  @Test
  void migrationSevenMovesLinksStoredUnderAKeyWithAPostcode() throws Exception {
    ingest(
        declaration("PC-1", "〒650-0045 " + KOBE)
            + declaration("PC-2", "兵庫県神戸市中央区港島1丁目11番4号")
            + declaration("PC-3", KOBE + " 〒650-0045")
            + declaration("PC-4", "〒650-0045" + KOBE));
    assertThat(addresses("PC-")).containsOnlyKeys("PC-1", "PC-2", "PC-3", "PC-4");
    assertThat(addresses("PC-").values()).containsOnly(KOBE);
    db.jdbi()
        .useTransaction(
            h -> {
              // as stored before V7: PC-1 and PC-3 under the keys that kept the postcode
              for (String[] old :
                  new String[][] {
                    {"PC-1", "650-0045 " + KOBE},
                    {"PC-3", KOBE + " 650-0045"},
                    {"PC-4", "650-0045" + KOBE}
                  }) {
                long id =
                    h.createUpdate(
                            "insert into intel.entity (type, key, display) values ('address', ?,"
                                + " ?)")
                        .bind(0, old[1])
                        .bind(1, old[1])
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one();
                h.execute(
                    "update intel.record_entity re set entity_id = ? from intel.entity e,"
                        + " intel.record r where e.id = re.entity_id and r.id = re.record_id and"
                        + " r.source_id = ? and e.type = 'address'",
                    id,
                    old[0]);
              }
            });
    assertThat(addresses("PC-")).containsEntry("PC-1", "650-0045 " + KOBE);

    String v7;
    try (InputStream in =
        getClass().getResourceAsStream("/db/intel/V7__address_keys_without_postcode.sql")) {
      v7 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    db.jdbi().useTransaction(h -> h.createScript(v7).execute());
    assertThat(addresses("PC-").values()).containsExactly(KOBE, KOBE, KOBE, KOBE);
    // run again, nothing moves; the keys with the postcode are gone with their last link
    db.jdbi().useTransaction(h -> h.createScript(v7).execute());
    assertThat(addresses("PC-").values()).containsExactly(KOBE, KOBE, KOBE, KOBE);
    long stale =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from intel.entity where type = 'address' and key like"
                                + " '%650-0045%'")
                        .mapTo(Long.class)
                        .one());
    assertThat(stale).isZero();
  }
}
