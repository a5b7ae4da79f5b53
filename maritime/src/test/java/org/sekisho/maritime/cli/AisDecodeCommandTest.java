package org.sekisho.maritime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.maritime.adapter.cli.AisDecodeCommand;
import picocli.CommandLine;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AisDecodeCommandTest {
  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new AisDecodeCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void printsOneJsonLinePerMessageAndListsBrokenSentencesOnStderr() throws IOException {
    Path f = dir.resolve("in.nmea");
    Files.writeString(
        f,
        "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\n"
            + "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4B\n"
            + "!AIVDM,1,1,,A,16SteH0P00Jt63hHaa6SagvJ087r,0*42\n");
    Run r = run(f.toString(), "--json");
    assertThat(r.exit()).isZero();
    assertThat(r.out().lines())
        .hasSize(2)
        .first()
        .asString()
        .startsWith("{\"class\":\"AIS\",\"device\":\"stdin\",\"type\":1,")
        .contains("\"mmsi\":371798000");
    assertThat(r.err())
        .contains("2 messages decoded, 1 broken")
        .contains("line 2")
        .contains("nmea-checksum-mismatch");
  }

  @Test
  void aMissingFileIsExitOneWithAMessage() {
    Run r = run(dir.resolve("nope.nmea").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("cannot read");
  }

  @Test
  void anUnknownOptionIsAUsageErrorExitTwo() {
    assertThat(run("--bogus").exit()).isEqualTo(2);
  }
}
