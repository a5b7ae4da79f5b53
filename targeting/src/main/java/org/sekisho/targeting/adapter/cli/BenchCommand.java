package org.sekisho.targeting.adapter.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code sekisho bench}: groups this context's benchmarks (for stand-alone runs; the launcher may
 * wire {@link ScoringBenchCommand} under its own {@code bench} command instead).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks.",
    subcommands = {ScoringBenchCommand.class, AssessBenchCommand.class})
public final class BenchCommand implements Runnable {
  /** Picocli needs a public no-argument constructor. */
  public BenchCommand() {}

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** Runs the benchmarks stand-alone. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchCommand()).execute(args));
  }
}
