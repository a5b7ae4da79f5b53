package org.sekisho.targeting.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.sekisho.targeting.adapter.cli.RiskCommand;
import org.sekisho.targeting.model.TestData;
import picocli.CommandLine;

/** Small real models (seconds to train) and a runner for the risk commands. */
final class TestModels {
  private TestModels() {}

  record Run(int exit, String out, String err) {}

  static Run risk(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new RiskCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  /** Trains a small model into {@code out}; seeds give different models. */
  static Path train(Path out, long seed) {
    return train(out, seed, false);
  }

  /**
   * Trains a small model into {@code out}; with {@code refit} its encodings and trees are learnt
   * again on train+valid, as {@code risk train} does by default.
   */
  static Path train(Path out, long seed, boolean refit) {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "train",
                "--format",
                "kcs",
                "--train",
                TestData.path("train-3000.csv").toString(),
                "--valid",
                TestData.path("valid-1000.csv").toString(),
                "--out",
                out.toString(),
                "--seed",
                Long.toString(seed),
                "--max-rounds",
                "12",
                "--eta",
                "0.3",
                "--max-depth",
                "4"));
    if (!refit) {
      args.add("--no-refit");
    }
    Run r = risk(args.toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isZero();
    return out;
  }

  static String trainFile() {
    return TestData.path("train-3000.csv").toString();
  }

  static String valid() {
    return TestData.path("valid-1000.csv").toString();
  }
}
