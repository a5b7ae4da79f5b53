package org.sekisho.passenger.screening.adapter.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.core.Outcome;
import org.sekisho.passenger.pnr.adapter.PnrContext;
import org.sekisho.passenger.pnr.adapter.db.JdbcPnrStore;
import org.sekisho.passenger.pnr.application.PnrStore;
import org.sekisho.passenger.pnr.domain.PnrPush;
import org.sekisho.passenger.pnr.domain.PnrgovParser;
import org.sekisho.passenger.screening.application.ScreeningStore;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * The demo seeding: its PNRGOV pushes parse without warnings, and after seeding the day's flights
 * show open hits of every kind — each demo rule, the watchlist names in Japanese, Cyrillic and
 * Arabic script, and a companion of a seizure-linked person; seeding twice adds nothing.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PassengerDemoTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-27T01:00:00Z"), ZoneOffset.UTC);

  @Test
  void theDemoPushesParseCleanly() {
    List<String> pushes = new ArrayList<>(PassengerDemo.pushes(LocalDate.of(2026, 11, 27)));
    pushes.add(PassengerDemo.oldPush(LocalDate.of(2026, 11, 27)));
    for (String text : pushes) {
      Outcome<PnrPush> o = new PnrgovParser(CLOCK).parse(text);
      assertThat(o.problems()).isEmpty();
      assertThat(o.orElseThrow().warnings()).isEmpty();
    }
  }

  @Test
  void seededFlightsShowHitsOfEveryKindAndSeedingAgainAddsNothing(Database db, @TempDir Path dir) {
    AuditLog audit = new AuditLog(db.jdbi());
    PnrContext context = new PnrContext(db, audit, CLOCK, dir, "customs-jp");
    db.migrate(
        Stream.concat(Stream.of(Migrations.of("platform")), context.migrations().stream())
            .toList());
    PassengerDemo.Summary first = PassengerDemo.seed(context, CLOCK);
    assertThat(first.listsCreated()).isEqualTo(4);
    assertThat(first.rulesSaved()).isEqualTo(PassengerDemo.RULES.size());
    assertThat(first.flights()).isEqualTo(6);

    ScreeningStore store = context.screeningStore();
    List<String> seen = new ArrayList<>();
    for (ScreeningStore.FlightRow f :
        store.flights(LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 27), "")) {
      assertThat(f.direction()).isEqualTo("arrival");
      // overnight flights land the next day: none arrives before it departs
      assertThat(f.schedule().arrival()).as(f.ref().toString()).isAfter(f.schedule().departure());
      for (ScreeningStore.HitRow h : store.hits(f.id())) {
        seen.add(h.hit().subjectName() + " | " + h.hit().title());
      }
    }
    assertThat(seen)
        .contains(
            "CARLOS RIOS | Cash, booked late, one way",
            "CARLOS RIOS | One way through a source country",
            "RICARDO ALVAREZ MENDOZA | Card from a flagged issuer",
            "MILAN KOVAC | Contact phone on a list",
            "MILAN KOVAC | Bags out of pattern",
            "OMAR FAROUK HADDAD | Booked by a flagged agency",
            "ANNA MOROZOVA | Companion of a seizure-linked person");
    assertThat(seen).anyMatch(s -> s.startsWith("TARO YAMADA | ") && s.contains("山田"));
    assertThat(seen).anyMatch(s -> s.startsWith("DMITRY VOLKOV | ") && s.contains("Волков"));
    // the Arabic-script entry is found through its Latin alias written another way
    assertThat(seen).contains("OMAR FAROUK HADDAD | Umar Farouq Haddad");
    assertThat(seen).anyMatch(s -> s.startsWith("VIKTOR MOROZOV | "));
    assertThat(seen).anyMatch(s -> s.startsWith("RICARDO ALVAREZ MENDOZA | Ricardo"));
    // ordinary travellers stay quiet: hits are a handful per flight, not the whole cabin
    assertThat(first.openHits()).isBetween(14, 40);

    // one booking holds a version old enough to be masked by retention, and today's version
    List<PnrStore.Version> rebooked = new JdbcPnrStore(db.jdbi()).versions("JL", "JL2OLD");
    assertThat(rebooked).hasSize(2);
    assertThat(rebooked.get(0).masked()).isTrue();
    assertThat(rebooked.get(0).receivedAt())
        .isBefore(CLOCK.instant().minus(java.time.Duration.ofDays(180)));
    assertThat(rebooked.get(1).masked()).isFalse();
    assertThat(rebooked.get(1).facts().names()).hasSize(2);
    assertThat(
            context
                .ingest()
                .pnr(PassengerDemo.oldPush(LocalDate.of(2026, 11, 27)), "test")
                .orElseThrow()
                .duplicate())
        .isTrue();

    PassengerDemo.Summary again = PassengerDemo.seed(context, CLOCK);
    assertThat(new JdbcPnrStore(db.jdbi()).versions("JL", "JL2OLD")).hasSize(2);
    assertThat(again.listsCreated()).isZero();
    assertThat(again.rulesSaved()).isZero();
    assertThat(again.watchlistVersions()).isEqualTo(first.watchlistVersions());
    assertThat(again.openHits()).isEqualTo(first.openHits());
    context.close();
  }
}
