package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
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
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * The same company name in two countries is two companies; links stored when the key was the name
 * alone are moved to the keys of their parties' countries by migration V5.
 */
@ExtendWith(PostgresExtension.class)
class CompanyCountryKeysTest {
  private static final Actor CLI = new Actor("system:test", "customs-jp", true);
  private final Database db;
  private final IngestRecords ingest;

  CompanyCountryKeysTest(Database db, @TempDir Path tmp) {
    this.db = db;
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("intel")));
    Clock clock = Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC);
    this.ingest = TestIngest.wire(db, tmp, clock, e -> {}, IngestPorts.RecordsStored.NONE);
  }

  /** A declaration whose seller is ORCHID FOODS of {@code country} (none when empty). */
  private static String declaration(String id, String country, String importer) {
    return "{\"declarationId\":\""
        + id
        + "\",\"date\":\"2026-11-27\",\"office\":\"JPTYO\",\"importer\":{\"name\":\""
        + importer
        + "\",\"country\":\"JP\"},\"exporter\":{\"name\":\"Orchid Foods Co., Ltd.\""
        + (country.isEmpty() ? "" : ",\"country\":\"" + country + "\"")
        + "},\"items\":[{\"hsCode\":\"210690\"}]}\n";
  }

  private void ingest(String lines) {
    InputStream in = new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8));
    assertThat(
            ingest.ingest(RecordKind.DECLARATION, "json", "test", in, CLI).orElseThrow().stored())
        .isPositive();
  }

  /** The company key each of the declarations' sellers is linked to, by declaration. */
  private Map<String, String> sellers(String prefix) {
    Map<String, String> out = new TreeMap<>();
    db.jdbi()
        .useHandle(
            h ->
                h.createQuery(
                        "select r.source_id, e.key from intel.record r join intel.record_entity re"
                            + " on re.record_id = r.id join intel.entity e on e.id = re.entity_id"
                            + " where re.role = 'seller' and r.source_id like :p")
                    .bind("p", prefix + "%")
                    .map((rs, c) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> out.put(e.getKey(), e.getValue())));
    return out;
  }

  @Test
  void theSameNameInTwoCountriesIsTwoCompanies() {
    ingest(
        declaration("CK-1", "TW", "Kitsune Shoji KK")
            + declaration("CK-2", "KR", "Tanuki Bussan KK")
            + declaration("CK-3", "tw", "Kitsune Shoji KK")
            + declaration("CK-4", "", "Kitsune Shoji KK"));
    assertThat(sellers("CK-"))
        .containsExactlyEntriesOf(
            new TreeMap<>(
                Map.of(
                    "CK-1", "ORCHID FOODS|TW",
                    "CK-2", "ORCHID FOODS|KR",
                    "CK-3", "ORCHID FOODS|TW",
                    "CK-4", "ORCHID FOODS")));
  }

  @Test
  void migrationFiveMovesLinksStoredUnderTheNameAloneToTheirCountries() throws IOException {
    ingest(
        declaration("MK-1", "TH", "Kitsune Shoji KK")
            + declaration("MK-2", "VN", "Tanuki Bussan KK")
            + declaration("MK-3", "", "Kitsune Shoji KK")
            + declaration("MK-4", "MY", "Kitsune Shoji KK"));
    db.jdbi()
        .useTransaction(
            h -> {
              // as stored before V5: every seller under the name alone (MK-3's already is)
              long old =
                  h.createQuery(
                          "select id from intel.entity where type = 'company' and key = 'ORCHID"
                              + " FOODS'")
                      .mapTo(Long.class)
                      .one();
              h.execute(
                  "update intel.record_entity re set entity_id = ? from intel.entity e, intel.record"
                      + " r where e.id = re.entity_id and r.id = re.record_id and r.source_id in"
                      + " ('MK-1', 'MK-2') and e.key like 'ORCHID FOODS|%'",
                  old);
              // an analyst merged MY's into another company: that stays as the analyst left it
              long other =
                  h.createUpdate(
                          "insert into intel.entity (type, key, display) values ('company',"
                              + " 'ORCHID FOOD', 'Orchid Food')")
                      .executeAndReturnGeneratedKeys("id")
                      .mapTo(Long.class)
                      .one();
              h.execute(
                  "update intel.entity set merged_into = ? where key = 'ORCHID FOODS|MY'", other);
              h.execute(
                  "insert into intel.entity_merge (survivor_id, merged_id, reason, actor, at)"
                      + " select ?, id, 'same trader', 'ana', now() from intel.entity where key ="
                      + " 'ORCHID FOODS|MY'",
                  other);
              h.execute(
                  "delete from intel.entity e where key in ('ORCHID FOODS|TH', 'ORCHID FOODS|VN')"
                      + " and not exists (select 1 from intel.record_entity re where"
                      + " re.entity_id = e.id)");
            });
    assertThat(sellers("MK-"))
        .containsEntry("MK-1", "ORCHID FOODS")
        .containsEntry("MK-2", "ORCHID FOODS");

    String v5;
    try (InputStream in =
        getClass().getResourceAsStream("/db/intel/V5__company_country_keys.sql")) {
      v5 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    db.jdbi().useTransaction(h -> h.createScript(v5).execute());

    assertThat(sellers("MK-"))
        .containsExactlyEntriesOf(
            new TreeMap<>(
                Map.of(
                    "MK-1", "ORCHID FOODS|TH",
                    "MK-2", "ORCHID FOODS|VN",
                    "MK-3", "ORCHID FOODS",
                    "MK-4", "ORCHID FOODS|MY")));
    // the name-only company keeps the record that gives no country; run again, nothing moves
    db.jdbi().useTransaction(h -> h.createScript(v5).execute());
    assertThat(sellers("MK-")).containsEntry("MK-1", "ORCHID FOODS|TH").hasSize(4);
    long merged =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from intel.entity where key like 'ORCHID FOOD%'"
                                + " and merged_into is not null")
                        .mapTo(Long.class)
                        .one());
    assertThat(merged).isEqualTo(1);
  }
}
