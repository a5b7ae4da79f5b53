package org.sekisho.names.adapter.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Stand-alone parent for running {@code bench names} from this module's tests; the launcher wires
 * {@link ScreeningBenchCommand} under its own {@code sekisho bench}.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks.",
    subcommands = ScreeningBenchCommand.class)
public final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  public BenchCommand() {}

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 2;
  }
}
