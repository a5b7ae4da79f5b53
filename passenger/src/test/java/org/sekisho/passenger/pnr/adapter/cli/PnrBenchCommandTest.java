package org.sekisho.passenger.pnr.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.passenger.pnr.domain.Passenger;
import org.sekisho.passenger.pnr.domain.PnrPush;
import org.sekisho.passenger.pnr.domain.PnrgovParser;
import picocli.CommandLine;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PnrBenchCommandTest {
  @Test
  void theSyntheticFlightPushParsesIntoFiveHundredPassengersWithSeatsAndBags() {
    PnrPush push =
        new PnrgovParser(Clock.systemUTC()).parse(PnrBenchCommand.synthetic(500)).orElseThrow();
    assertThat(push.pnrs()).hasSize(250);
    Passenger p = push.pnrs().get(7).passengers().get(1);
    assertThat(p.documents()).hasSize(1);
    assertThat(p.seats()).hasSize(2);
    assertThat(p.bagCount()).isEqualTo(2);
    assertThat(push.warnings()).extracting(w -> w.code()).containsOnly("segment-count");
  }

  @Test
  void theBenchPrintsItsFigures() {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new PnrBenchCommand());
    cl.setOut(new PrintWriter(out));
    assertThat(cl.execute("--seconds", "1", "--passengers", "20")).isZero();
    assertThat(out.toString()).contains("20 passengers per push").contains("p99");
  }
}
