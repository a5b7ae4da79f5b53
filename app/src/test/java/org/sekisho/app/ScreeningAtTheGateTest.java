package org.sekisho.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.names.domain.watchlist.Severity;
import org.sekisho.passenger.egate.domain.mrz.MachineReadableZone;
import org.sekisho.passenger.egate.domain.mrz.MrzData;
import org.sekisho.passenger.egate.domain.mrz.MrzFormat;
import org.sekisho.passenger.egate.domain.mrz.MrzGenerator;
import org.sekisho.passenger.egate.domain.mrz.MrzParser;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * The e-Gate asks passenger screening about the passport in front of it, over the real screening
 * store: a listed traveller is a hit, whatever airline data there is, and others are not.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ScreeningAtTheGateTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-28T03:00:00Z"), ZoneOffset.UTC);

  @Test
  void aTravellerOnAWatchlistIsAHitAtTheGateAndANamesakeBornElsewhenIsStillCheckedByDocument(
      Database db, @TempDir Path dir) {
    try (Sekisho s = new Sekisho(db, dir, CLOCK, false)) {
      String csv =
          "list,id,name,birth_dates,nationalities,documents\n"
              + "alerts,NA-7,Taro Yamada,1972-04-18,jp,TR4471023\n";
      assertThat(
              s.pnr()
                  .watchlists()
                  .importList("gate-alerts", Severity.HIGH, "csv", new StringReader(csv), "test")
                  .orElseThrow()
                  .toString())
          .isNotEmpty();
      ScreeningAtTheGate gate = new ScreeningAtTheGate(s.pnr().screening(), CLOCK);

      List<String> listed = gate.hits(passport("YAMADA", "TARO", "TR4471023", "720418"));
      assertThat(listed).singleElement().asString().startsWith("high ").contains("NA-7");

      // the listed passport under another name is still the listed passport
      assertThat(gate.hits(passport("SATO", "JIRO", "TR4471023", "800101"))).hasSize(1);
      // someone else entirely passes
      assertThat(gate.hits(passport("SUZUKI", "HANAKO", "TK1234567", "900303"))).isEmpty();
    }
  }

  private static MachineReadableZone passport(
      String surname, String given, String number, String birth) {
    List<String> lines =
        new MrzGenerator()
            .generate(
                new MrzData(
                    MrzFormat.TD3,
                    "P",
                    "JPN",
                    surname,
                    given,
                    number,
                    "JPN",
                    birth,
                    "M",
                    "310630",
                    "",
                    ""))
            .orElseThrow();
    return new MrzParser(CLOCK).parse(lines).orElseThrow();
  }
}
