package org.sekisho.maritime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sekisho.maritime.adapter.cli.AisBenchCommand;
import org.sekisho.maritime.adapter.cli.AisDecodeCommand;
import org.sekisho.maritime.adapter.cli.AisReplayCommand;
import org.sekisho.maritime.adapter.cli.MaritimeBenchCommand;
import org.sekisho.maritime.adapter.cli.PassageBenchCommand;
import picocli.CommandLine;

/**
 * Every maritime command's {@code --help} prints cleanly: picocli reads descriptions as format
 * strings, so a lone {@code %} would print a {@code [picocli WARN]} line.
 */
class CommandHelpTest {

  @Test
  void everyCommandsHelpPrintsWithoutPicocliWarnings() {
    PrintStream before = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      // picocli's warnings go to System.err, not to the command's error writer
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      for (Object command :
          List.of(
              new AisDecodeCommand(),
              new AisReplayCommand(),
              new AisBenchCommand(),
              new MaritimeBenchCommand(),
              new PassageBenchCommand())) {
        CommandLine cl = new CommandLine(command);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("--help")).as(cl.getCommandName()).isZero();
        assertThat(err.toString()).as(cl.getCommandName()).isEmpty();
        assertThat(out.toString()).as(cl.getCommandName()).contains("Usage:");
      }
    } finally {
      System.setErr(before);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
  }

  @Test
  void thePassageBenchPrintsBothPassesAndRefusesNonsense() {
    CommandLine cl = new CommandLine(new PassageBenchCommand());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    assertThat(cl.execute("--pairs", "20", "--max-nm", "200")).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("first pass")
        .contains("second pass")
        .containsPattern("20 passages of at most 200 nm; by sea p50 [0-9.]+ ms")
        .contains("longer than the straight line");
    assertThat(cl.execute("--pairs", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--pairs and --max-nm must be greater than 0");
  }
}
