package org.sekisho.passenger.screening.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.core.Outcome;
import org.sekisho.passenger.screening.adapter.db.JdbcScreeningStore;
import org.sekisho.passenger.screening.domain.FlightRef;
import org.sekisho.passenger.screening.domain.PassengerFacts;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * The PNR unit's reference lists on embedded PostgreSQL: created, imported from CSV with bad rows
 * refused by line, versioned; rules that test them are refused when a list is unknown, and every
 * saved rule version records the list versions it was checked against; screening uses the current
 * entries.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReferenceListsAndRuleVersionsTest {
  private final JdbcScreeningStore store;
  private final Database db;
  private final PassengerScreening screening;
  private final ScreeningLists lists;
  private final PassengerRules rules;

  ReferenceListsAndRuleVersionsTest(Database db) {
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("passenger")));
    this.db = db;
    this.store = new JdbcScreeningStore(db.jdbi());
    Clock clock = Clock.fixed(Instant.parse("2026-11-27T08:00:00Z"), ZoneOffset.UTC);
    AuditLog audit = new AuditLog(db.jdbi());
    this.screening = new PassengerScreening(store, audit, clock, "JP");
    this.lists = new ScreeningLists(store, screening, audit, clock);
    this.rules = new PassengerRules(store, screening, audit, clock);
  }

  private static final String RULE =
      "criterion \"Through a source country\"\n"
          + "  when via in list \"source-countries\" and payment = \"CA\"\n"
          + "  then severity high weight 25 because \"paid cash, route through a source country\"";

  @Test
  void aListIsCreatedImportedAndVersionedAndItsBadRowsAreRefusedByLine() {
    assertThat(lists.create("Source Countries", "countries", "", "hana").problems())
        .extracting(p -> p.code())
        .containsExactly("invalid-name");
    assertThat(lists.create("bins", "hs-codes", "", "hana").problems().get(0).message())
        .contains("countries, airports, card-bins, phones, agencies, documents");
    var created = lists.create("source-countries", "countries", "drug source countries", "hana");
    assertThat(created.orElseThrow().version()).isEqualTo(1);
    assertThat(lists.create("source-countries", "countries", "", "hana").problems().get(0).code())
        .isEqualTo("conflict");

    ScreeningLists.Imported first =
        lists
            .importCsv(
                "source-countries",
                new StringReader("value,note\nCO,coca\nPER,coca\nXX,typo\nBO\n"),
                "hana")
            .orElseThrow();
    assertThat(first.added()).isEqualTo(3);
    assertThat(first.version()).isEqualTo(2);
    assertThat(first.refused()).extracting(p -> p.field()).containsExactly("line 4");
    assertThat(store.listEntries("source-countries", 10))
        .extracting(ScreeningStore.ListEntry::value)
        .containsExactly("BO", "CO", "PE");

    // the same rows again change nothing: the version stays
    ScreeningLists.Imported again =
        lists
            .importCsv("source-countries", new StringReader("CO,coca\nPE,coca\nBO\n"), "hana")
            .orElseThrow();
    assertThat(again.added()).isZero();
    assertThat(again.version()).isEqualTo(2);

    assertThat(lists.add("source-countries", "ve", "", "hana").orElseThrow().version())
        .isEqualTo(3);
    assertThat(lists.remove("source-countries", "BO", "hana").orElseThrow()).isTrue();
    assertThat(lists.remove("source-countries", "BO", "hana").orElseThrow()).isFalse();
    assertThat(store.referenceList("source-countries").orElseThrow().version()).isEqualTo(4);
    assertThat(lists.importCsv("nope", new StringReader("CO"), "hana").problems().get(0).code())
        .isEqualTo("not-found");
    assertThat(audited("screening.list.import", "list:source-countries")).isEqualTo(2);
  }

  @Test
  void aRuleNamingAnUnknownListIsRefusedWithLineAndColumnAndVersionsRecordTheListsUsed() {
    Outcome<Long> refused = rules.save(0, RULE.replace("source-countries", "nowhere"), "hana");
    assertThat(refused.isAccepted()).isFalse();
    assertThat(refused.problems().get(0).field()).isEqualTo("line 2, column 20");
    assertThat(refused.problems().get(0).message()).startsWith("no list named 'nowhere'");

    lists.create("risk-countries", "countries", "", "hana");
    lists.importCsv("risk-countries", new StringReader("CO\nAU\n"), "hana");
    long id =
        rules.save(0, RULE.replace("source-countries", "risk-countries"), "hana").orElseThrow();
    lists.add("risk-countries", "PE", "", "hana");
    assertThat(
            rules
                .save(
                    id,
                    RULE.replace("source-countries", "risk-countries").replace("25", "30"),
                    "hana")
                .orElseThrow())
        .isEqualTo(id);
    List<ScreeningStore.RuleVersion> versions = store.ruleVersions(id);
    assertThat(versions).extracting(ScreeningStore.RuleVersion::version).containsExactly(1, 2);
    assertThat(versions.get(0).lists()).isEqualTo(Map.of("risk-countries", 2));
    assertThat(versions.get(1).lists()).isEqualTo(Map.of("risk-countries", 3));
    assertThat(versions.get(0).text()).contains("weight 25");
    ScreeningStore.RuleRow row = store.rule(id).orElseThrow();
    assertThat(row.version()).isEqualTo(2);
    assertThat(row.lists()).isEqualTo(Map.of("risk-countries", 3));
  }

  @Test
  void screeningTestsTheListAsItIsNowAndHitsNameItsVersion() {
    lists.create("watch-countries", "countries", "", "hana");
    lists.add("watch-countries", "CO", "", "hana");
    long rule =
        rules.save(0, RULE.replace("source-countries", "watch-countries"), "hana").orElseThrow();
    long flight =
        store.flight(
            new FlightRef("JL", "0047", java.time.LocalDate.of(2026, 11, 27), "SYD", "NRT"),
            "arrival");
    store.replaceTravellers(flight, "JL/ABC123", List.of(traveller()));
    screening.screenFlight(flight, "test");
    assertThat(hitsOf(flight, rule)).isEmpty();

    // the list gains Australia: the next screening hits, and says which list version
    lists.add("watch-countries", "AU", "", "hana");
    screening.screenFlight(flight, "test");
    List<ScreeningStore.HitRow> hits = hitsOf(flight, rule);
    assertThat(hits).hasSize(1);
    assertThat(hits.get(0).hit().explanation())
        .containsExactly(
            "paid cash, route through a source country",
            "list \"watch-countries\" v3: via AU",
            // the value of every field the rule tests, so the reviewer sees what made it true
            "via = AU, JP",
            "payment = CA");
  }

  @Test
  void anEngineInAnotherProcessPicksUpNewRulesListsAndWatchlistsBeforeItsNextFlight() {
    PassengerScreening other =
        new PassengerScreening(store, new AuditLog(db.jdbi()), Clock.systemUTC(), "JP");
    other.ensureLoaded();
    long flight =
        store.flight(
            new FlightRef("QF", "0025", java.time.LocalDate.of(2026, 11, 27), "SYD", "NRT"),
            "arrival");
    store.replaceTravellers(flight, "JL/ABC123", List.of(traveller()));
    lists.create("other-countries", "countries", "", "hana");
    lists.add("other-countries", "AU", "", "hana");
    long rule =
        rules.save(0, RULE.replace("source-countries", "other-countries"), "hana").orElseThrow();
    // the command line imports a watchlist without telling any engine
    new WatchlistImport(
            store, WatchlistImport.Reload.NONE, new AuditLog(db.jdbi()), Clock.systemUTC())
        .importList(
            "cli-alerts",
            org.sekisho.names.domain.watchlist.Severity.HIGH,
            "csv",
            new StringReader(
                "list,id,name,aliases,birth_dates,nationalities,documents\n"
                    + "x,C1,Anna Smith,,1985-03-01,gb,\n"),
            "cli:hana")
        .orElseThrow();
    other.screenFlight(flight, "test");
    assertThat(hitsOf(flight, rule)).hasSize(1);
    assertThat(store.hits(flight))
        .extracting(h -> h.hit().source())
        .contains("watchlist:cli-alerts/C1");
  }

  /** The hits of one rule (other tests of this class save rules in the same database). */
  private List<ScreeningStore.HitRow> hitsOf(long flight, long rule) {
    return store.hits(flight).stream()
        .filter(h -> h.hit().source().equals("rule:" + rule))
        .toList();
  }

  private static PassengerFacts traveller() {
    return new PassengerFacts(
        "JL/ABC123/SMITH/ANNA",
        "PNR",
        "JL/ABC123",
        1,
        "SMITH",
        "ANNA",
        java.time.LocalDate.of(1985, 3, 1),
        "GB",
        "123456789",
        "GB",
        "F",
        java.time.LocalDate.of(2026, 11, 27),
        2,
        List.of("CA"),
        true,
        List.of("SYD", "NRT"),
        "SYD",
        "NRT",
        1,
        20,
        true,
        java.util.Set.of(),
        "",
        "12A",
        "Y",
        List.of());
  }

  private int audited(String action, String subject) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select count(*) from platform.audit_log where action = :a and subject ="
                            + " :s")
                    .bind("a", action)
                    .bind("s", subject)
                    .mapTo(Integer.class)
                    .one());
  }
}
