package org.sekisho.targeting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sekisho.targeting.adapter.cli.AssessBenchCommand;
import org.sekisho.targeting.adapter.cli.RiskCommand;
import org.sekisho.targeting.adapter.cli.ScoringBenchCommand;
import org.sekisho.targeting.assessment.adapter.cli.TargetingBenchCommand;
import org.sekisho.targeting.criteria.adapter.cli.CriteriaCommand;
import picocli.CommandLine;

/**
 * Every targeting command's {@code --help} prints cleanly: picocli reads descriptions as format
 * strings, so a lone {@code %} ("top 1, 2, 5 and 10 %") printed a {@code [picocli WARN]} line and a
 * mangled description.
 */
class CommandHelpTest {

  @Test
  void everyCommandsHelpPrintsWithoutPicocliWarnings() {
    List<CommandLine> all = new ArrayList<>();
    for (Object root :
        List.of(
            new RiskCommand(),
            new CriteriaCommand(),
            new ScoringBenchCommand(),
            new AssessBenchCommand(),
            new TargetingBenchCommand())) {
      collect(new CommandLine(root), all);
    }
    assertThat(all).hasSizeGreaterThan(10);
    PrintStream before = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    List<String> helps = new ArrayList<>();
    try {
      // picocli's warnings go to System.err, not to the command's error writer
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      for (CommandLine cl : all) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("--help")).as(cl.getCommandName()).isZero();
        assertThat(err.toString()).as(cl.getCommandName()).isEmpty();
        helps.add(out.toString());
      }
    } finally {
      System.setErr(before);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    String help = String.join("\n", helps);
    assertThat(help).contains("10 %").doesNotContain("%%");
  }

  private static void collect(CommandLine cl, List<CommandLine> into) {
    into.add(cl);
    cl.getSubcommands().values().forEach(s -> collect(s, into));
  }
}
