package org.sekisho.passenger.screening.adapter.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.passenger.screening.domain.FlightRef;
import org.sekisho.passenger.screening.domain.Hit;
import org.sekisho.passenger.screening.domain.PassengerFacts;
import org.sekisho.passenger.screening.domain.Reason;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;

/** Screening storage on embedded PostgreSQL: travellers, trips, hits kept once, dispositions. */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JdbcScreeningStoreTest {
  private static final Instant AT = Instant.parse("2026-11-27T08:00:00Z");
  private final JdbcScreeningStore store;
  private final Database db;

  JdbcScreeningStoreTest(Database db) {
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("passenger")));
    this.db = db;
    this.store = new JdbcScreeningStore(db.jdbi());
  }

  @Test
  void retentionMasksTheTravellersOfOldFlightsAndDeletesThemLater() {
    long f =
        store.flight(
            new FlightRef("JL", "0009", LocalDate.of(2025, 1, 5), "BOG", "NRT"), "arrival");
    store.replaceTravellers(
        f, "JL/M", List.of(traveller("KM", "JL/M", "DOC1", LocalDate.of(2025, 1, 5))));
    store.recordHits(
        f,
        List.of(
            new Hit(
                "KM",
                "Aiko Tanaka",
                "JL/M",
                Hit.Kind.RULE,
                "rule:1",
                "Cash",
                "low",
                1,
                List.of(Reason.text("why")))),
        AT);
    var pnrStore = new org.sekisho.passenger.pnr.adapter.db.JdbcPnrStore(db.jdbi());
    pnrStore.maskReceivedBefore(Instant.parse("2025-07-01T00:00:00Z"));
    assertThat(store.travellers(f)).isEmpty();
    assertThat(store.hits(f).get(0).hit().subjectName()).isEqualTo("***");
    assertThat(store.hits(f).get(0).hit().explanation()).isEmpty();
    pnrStore.deleteReceivedBefore(Instant.parse("2030-01-01T00:00:00Z"));
    assertThat(store.flightById(f)).isEmpty();
  }

  @Test
  void retentionMasksADispositionsCommentAndTheListedNameAWatchlistHitShowed() {
    long f =
        store.flight(
            new FlightRef("JL", "0010", LocalDate.of(2025, 1, 6), "BOG", "NRT"), "arrival");
    store.recordHits(
        f,
        List.of(
            new Hit(
                "JL/M/1",
                "Aiko Tanaka",
                "JL/M",
                Hit.Kind.WATCHLIST,
                "watchlist:alerts/A-1",
                "Aiko Tanaka",
                "high",
                0.9,
                List.of(Reason.text("name 0.9")))),
        AT);
    long hit = store.hits(f).get(0).id();
    assertThat(store.dispose(hit, "false-positive", "Aiko TANAKA passport TK1 checked", "u", AT))
        .isTrue();
    var pnrStore = new org.sekisho.passenger.pnr.adapter.db.JdbcPnrStore(db.jdbi());
    pnrStore.maskReceivedBefore(Instant.parse("2025-07-01T00:00:00Z"));
    var masked = store.hit(hit).orElseThrow();
    assertThat(masked.comment()).isEqualTo("***");
    assertThat(masked.hit().title()).isEqualTo("***");
    assertThat(masked.hit().subjectKey()).doesNotContain("JL/M/1");
    // what hit and how it was judged stay
    assertThat(masked.status()).isEqualTo("false-positive");
    assertThat(masked.hit().source()).isEqualTo("watchlist:alerts/A-1");
    int left =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select (select count(*) from passenger.screening_hit where comment"
                                + " like '%TK1%' or title like '%Tanaka%') + (select count(*)"
                                + " from passenger.screening_decision where comment like"
                                + " '%TK1%')")
                        .mapTo(Integer.class)
                        .one());
    // the decision history keeps the disposition, not the comment
    assertThat(left).isZero();
    assertThat(store.decisions(hit)).singleElement().extracting(d -> d.comment()).isEqualTo("***");
  }

  static PassengerFacts traveller(String key, String booking, String doc, LocalDate day) {
    return new PassengerFacts(
        key,
        "PNR",
        booking,
        1,
        "Tanaka | x",
        "Aiko\nMarie",
        LocalDate.of(1990, 2, 3),
        "JP",
        doc,
        "JP",
        "F",
        day,
        3.0,
        List.of("CA", "C|C"),
        true,
        List.of("BOG", "NRT"),
        "BOG",
        "NRT",
        2,
        Double.NaN,
        true,
        Set.of("name"),
        "12345678",
        "22C",
        "Y",
        List.of());
  }

  @Test
  void travellersAreReplacedPerBookingAndReadBackAsWritten() {
    long f =
        store.flight(
            new FlightRef("JL", "0001", LocalDate.of(2026, 11, 27), "BOG", "NRT"), "arrival");
    assertThat(
            store.flight(
                new FlightRef("JL", "0001", LocalDate.of(2026, 11, 27), "BOG", "NRT"), "arrival"))
        .isEqualTo(f);
    PassengerFacts a = traveller("JL/AAA/TANAKA/AIKO", "JL/AAA", "TK1", LocalDate.of(2026, 11, 27));
    store.replaceTravellers(f, "JL/AAA", List.of(a));
    store.replaceTravellers(f, "JL/AAA", List.of(a));
    store.replaceTravellers(f, "API", List.of());
    List<PassengerFacts> back = store.travellers(f);
    assertThat(back).hasSize(1);
    assertThat(back.get(0)).usingRecursiveComparison().ignoringFields("bagWeightKg").isEqualTo(a);
    assertThat(back.get(0).bagWeightKg()).isNaN();
  }

  @Test
  void earlierFlightsOfTheSameTravellerWithinThirtyDaysAreCounted() {
    long today =
        store.flight(
            new FlightRef("JL", "0002", LocalDate.of(2026, 11, 27), "LIM", "NRT"), "arrival");
    long week =
        store.flight(
            new FlightRef("JL", "0003", LocalDate.of(2026, 11, 20), "LIM", "NRT"), "arrival");
    long old =
        store.flight(
            new FlightRef("JL", "0004", LocalDate.of(2026, 9, 1), "LIM", "NRT"), "arrival");
    store.replaceTravellers(
        today, "JL/B1", List.of(traveller("K1", "JL/B1", "DOC9", LocalDate.of(2026, 11, 27))));
    store.replaceTravellers(
        week, "JL/B2", List.of(traveller("K2", "JL/B2", "DOC9", LocalDate.of(2026, 11, 20))));
    store.replaceTravellers(
        old, "JL/B3", List.of(traveller("K3", "JL/B3", "DOC9", LocalDate.of(2026, 9, 1))));
    assertThat(store.tripsLast30Days(today)).containsEntry("K1", 1);
    assertThat(store.tripsLast30Days(old)).doesNotContainKey("K3");
  }

  @Test
  void aHitIsStoredOnceAndDisposedOfOnce() {
    long f =
        store.flight(
            new FlightRef("JL", "0005", LocalDate.of(2026, 11, 27), "FRA", "HND"), "arrival");
    Hit hit =
        new Hit(
            "K",
            "Aiko Tanaka",
            "JL/C",
            Hit.Kind.RULE,
            "rule:1",
            "Cash",
            "high",
            30,
            List.of(Reason.text("why")));
    assertThat(store.recordHits(f, List.of(hit), AT)).isEqualTo(1);
    Hit again =
        new Hit(
            "K",
            "Aiko Tanaka",
            "JL/C",
            Hit.Kind.RULE,
            "rule:1",
            "Cash",
            "high",
            30,
            List.of(Reason.text("why 2")));
    assertThat(store.recordHits(f, List.of(again), AT.plusSeconds(60))).isZero();
    List<org.sekisho.passenger.screening.application.ScreeningStore.HitRow> hits = store.hits(f);
    assertThat(hits).hasSize(1);
    assertThat(hits.get(0).hit().explanation()).containsExactly("why 2");
    long id = hits.get(0).id();
    assertThat(store.dispose(id, "confirmed", "seen at the gate", "pnr", AT)).isTrue();
    assertThat(store.dispose(id, "no-match", "again", "pnr", AT)).isFalse();
    store.recordHits(f, List.of(hit), AT.plusSeconds(120));
    assertThat(store.hit(id).orElseThrow().status()).isEqualTo("confirmed");
    assertThat(store.hit(id).orElseThrow().hit().explanation()).containsExactly("why 2");
    assertThat(store.flightById(f).orElseThrow().openHits()).isZero();
  }
}
