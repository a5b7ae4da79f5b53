package org.sekisho.passenger.screening.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.core.Outcome;
import org.sekisho.names.domain.watchlist.Severity;
import org.sekisho.names.domain.watchlist.WatchlistEntry;
import org.sekisho.passenger.screening.adapter.db.JdbcScreeningStore;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * Importing a named watchlist as a whole on embedded PostgreSQL: a new version replaces the
 * entries, the same content again (in any row order) keeps the version, bad rows are listed and
 * good ones kept, a file without one valid row leaves the list as it was.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NamedWatchlistImportTest {
  static final String HEADER =
      "list,id,name,aliases,birth_dates,nationalities,documents,severity\n";
  static final String A1 = "x,A1,Ivan Petrovich Sidorov,Иван Сидоров,1970-03-15,ru,P123 456,low\n";
  static final String A2 = "x,A2,山田太郎,やまだ たろう,1965,jp,,\n";
  static final String A3 = "x,A3,Omar Haddad,عمر حداد,1980,sy,,\n";
  static final String BAD = "x,A4,Bad Date,,1975-13,ru,,\n";

  private final JdbcScreeningStore store;
  private final WatchlistImport imports;
  private final AtomicInteger reloads = new AtomicInteger();

  NamedWatchlistImportTest(Database db) {
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("passenger")));
    this.store = new JdbcScreeningStore(db.jdbi());
    this.imports =
        new WatchlistImport(
            store,
            (user, agency, cause) -> reloads.incrementAndGet(),
            new AuditLog(db.jdbi()),
            Clock.fixed(Instant.parse("2026-11-27T08:00:00Z"), ZoneOffset.UTC));
  }

  private Outcome<WatchlistImport.ListReport> csv(String list, String text) {
    return imports.importList(list, Severity.HIGH, "csv", new StringReader(text), "hana");
  }

  private List<WatchlistEntry> entries(String list) {
    List<WatchlistEntry> out = new ArrayList<>();
    store.entries(
        e -> {
          if (e.listName().equals(list)) {
            out.add(e);
          }
        });
    return out;
  }

  @Test
  void aNewVersionReplacesTheEntriesAndTheSameContentKeepsTheVersion() {
    WatchlistImport.ListReport first = csv("national-alerts", HEADER + A1 + A2 + BAD).orElseThrow();
    assertThat(first.version()).isEqualTo(1);
    assertThat(first.previousVersion()).isZero();
    assertThat(first.imported()).isEqualTo(2);
    assertThat(first.problems()).hasSize(1);
    assertThat(first.problems().get(0).field()).startsWith("row 4");
    List<WatchlistEntry> now = entries("national-alerts");
    assertThat(now)
        .extracting(WatchlistEntry::id, WatchlistEntry::severity)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("A1", Severity.HIGH),
            org.assertj.core.groups.Tuple.tuple("A2", Severity.HIGH));
    assertThat(reloads.get()).isEqualTo(1);

    // the same rows in another order (and the bad row fixed away): recognised, version kept
    WatchlistImport.ListReport same = csv("national-alerts", HEADER + A2 + A1).orElseThrow();
    assertThat(same.unchanged()).isTrue();
    assertThat(same.version()).isEqualTo(1);
    assertThat(reloads.get()).isEqualTo(1);

    // A2 leaves, A3 comes: version 2, one removed
    WatchlistImport.ListReport next = csv("national-alerts", HEADER + A1 + A3).orElseThrow();
    assertThat(next.unchanged()).isFalse();
    assertThat(next.version()).isEqualTo(2);
    assertThat(next.previousVersion()).isEqualTo(1);
    assertThat(next.removed()).isEqualTo(1);
    assertThat(next.removedIds()).containsExactly("A2");
    assertThat(next.kept()).isEmpty();
    assertThat(entries("national-alerts"))
        .extracting(WatchlistEntry::id)
        .containsExactlyInAnyOrder("A1", "A3");
    assertThat(store.watchlistVersions("national-alerts"))
        .extracting(ScreeningStore.WatchlistVersionRow::version)
        .containsExactly(2, 1);

    // a different severity is different content
    assertThat(
            imports
                .importList(
                    "national-alerts",
                    Severity.LOW,
                    "csv",
                    new StringReader(HEADER + A1 + A3),
                    "hana")
                .orElseThrow()
                .version())
        .isEqualTo(3);
  }

  @Test
  void aFileWithoutOneValidRowLeavesTheListAsItWas() {
    csv("seizure-linked", HEADER + A1).orElseThrow();
    Outcome<WatchlistImport.ListReport> bad = csv("seizure-linked", HEADER + BAD);
    assertThat(bad.isAccepted()).isFalse();
    assertThat(bad.problems().get(0).code()).isEqualTo("no-entries");
    assertThat(bad.problems().get(0).message()).contains("left at version 1");
    assertThat(bad.problems().get(1).field()).startsWith("row 2");
    assertThat(entries("seizure-linked")).extracting(WatchlistEntry::id).containsExactly("A1");
    assertThat(csv("Bad Name", HEADER + A1).problems().get(0).code()).isEqualTo("invalid-name");
    assertThat(
            imports
                .importList("ok", Severity.HIGH, "xml", new StringReader(""), "hana")
                .problems()
                .get(0)
                .code())
        .isEqualTo("invalid-format");
  }

  @Test
  void followTheMoneyEntitiesGoToTheNamedListWhateverTheirDatasets() {
    String ftm =
        "{\"id\":\"ru-1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Ivan Sidorov\"],"
            + "\"birthDate\":[\"1970\"]},\"datasets\":[\"ru_sanctions\"]}\n"
            + "not json\n";
    WatchlistImport.ListReport r =
        imports
            .importList("sanctions", Severity.CRITICAL, "ftm", new StringReader(ftm), "hana")
            .orElseThrow();
    assertThat(r.imported()).isEqualTo(1);
    assertThat(r.problems()).extracting(p -> p.field()).containsExactly("line 2");
    assertThat(entries("sanctions")).extracting(WatchlistEntry::id).containsExactly("ru-1");
    assertThat(entries("ru_sanctions")).isEmpty();
  }

  /** One FollowTheMoney entity line of {@code schema} named {@code name}. */
  private static String entity(String id, String schema, String name) {
    return "{\"id\":\""
        + id
        + "\",\"schema\":\""
        + schema
        + "\",\"properties\":{\"name\":[\""
        + name
        + "\"]},\"datasets\":[\"us_ofac_sdn\"]}\n";
  }

  @Test
  void followTheMoneyEntitiesOfSchemasNotScreenedAreLeftOutCountedPerSchemaWithTheReason() {
    String ftm =
        entity("p-1", "Person", "Ivan Sidorov")
            + entity("c-1", "Company", "Sidorov Trading LLC")
            + entity("c-2", "Company", "Baltic Shipping LLC")
            + entity("v-1", "Vessel", "SEA STAR")
            + entity("l-1", "LegalEntity", "Omar Haddad")
            + "{\"id\":\"s-1\",\"schema\":\"Sanction\",\"properties\":{\"entity\":[\"p-1\"]}}\n"
            + "{\"id\":\"a-1\",\"schema\":\"Address\",\"properties\":{\"full\":[\"Moscow\"]}}\n"
            + entity("o-1", "Organization", "Sidorov Foundation")
            + "not json\n"
            + "{\"id\":\"v-2\",\"schema\":\"Vessel\",\"properties\":{\"name\":[\"SEA\n"
            + "{\"id\":\"v-3\",\"schema\":\"Vessel\",\"properties\":{\"name\":[\"SEA\\u0000STAR\"]}}\n";
    // a list of its own: another test's "sanctions" entries would be kept here, as rows are refused
    WatchlistImport.ListReport r =
        imports
            .importList(
                "sanctions-schemas", Severity.CRITICAL, "ftm", new StringReader(ftm), "hana")
            .orElseThrow();
    assertThat(r.imported()).isEqualTo(2);
    assertThat(entries("sanctions-schemas"))
        .extracting(WatchlistEntry::id)
        .containsExactlyInAnyOrder("p-1", "l-1");
    assertThat(r.leftOut())
        .extracting(l -> l.schema() + " " + l.entities() + " " + l.code())
        .containsExactly(
            "Address 1 not-a-party",
            "Company 2 organisation",
            "Organization 1 organisation",
            "Sanction 1 not-a-party",
            "Vessel 1 not-a-person");
    assertThat(r.leftOut().get(1).reason()).contains("not a person");
    assertThat(r.leftOutCount()).isEqualTo(6);
    // the lines after a left-out entity keep their numbers; broken lines are refused as before,
    // whatever schema they name
    assertThat(r.problems())
        .extracting(p -> p.code() + " " + p.field())
        .containsExactly(
            "malformed-json line 9",
            "malformed-json line 10",
            "invalid-character line 11 properties.name[0]");
    assertThat(r.refused()).isEqualTo(3);
  }

  @Test
  void aFollowTheMoneyFileOfOrganisationsOnlyIsRefusedSayingWhatWasLeftOutAndWhy() {
    String ftm =
        entity("c-1", "Company", "Sidorov Trading LLC") + entity("v-1", "Vessel", "SEA STAR");
    var o = imports.importList("vessels", Severity.HIGH, "ftm", new StringReader(ftm), "hana");
    assertThat(o.isAccepted()).isFalse();
    assertThat(o.problems().get(0).code()).isEqualTo("no-entries");
    assertThat(o.problems().get(0).message()).contains("2 entities of schemas not screened");
    assertThat(o.problems())
        .extracting(p -> p.code() + " " + p.field())
        .containsExactly("no-entries file", "left-out schema Company", "left-out schema Vessel");
    assertThat(store.watchlist("vessels")).isEmpty();
  }

  @Test
  void aMergeImportOfFollowTheMoneyReportsTheEntitiesLeftOutToo() {
    WatchlistImport.Report r =
        imports.followTheMoney(
            new java.io.BufferedReader(
                new StringReader(
                    entity("p-9", "Person", "Olga Petrova")
                        + entity("c-9", "PublicBody", "Ministry of Trade"))),
            "fallback",
            Severity.HIGH,
            "hana");
    assertThat(r.imported()).isEqualTo(1);
    assertThat(r.leftOut())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.schema()).isEqualTo("PublicBody");
              assertThat(l.entities()).isEqualTo(1);
              assertThat(l.code()).isEqualTo("organisation");
            });
  }
}
