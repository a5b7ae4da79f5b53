package org.sekisho.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Commands that other bounded contexts contribute, wired in one place. Each context owns its
 * command classes; this class only decides where they hang in the {@code sekisho} tree.
 */
final class Extensions {
  private Extensions() {}

  @Command(
      name = "ais",
      mixinStandardHelpOptions = true,
      description = "AIS (NMEA AIVDM/AIVDO) tools.")
  static final class AisGroup implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(spec.commandLine().getOut());
    }
  }

  @Command(
      name = "screening",
      mixinStandardHelpOptions = true,
      description = "Passenger screening rules (PNR unit).")
  static final class ScreeningGroup implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(spec.commandLine().getOut());
    }
  }

  static void register(CommandLine root) {
    root.addSubcommand(new org.sekisho.app.demo.GenerateCommand());
    CommandLine ais = new CommandLine(new AisGroup());
    ais.addSubcommand(new org.sekisho.maritime.adapter.cli.AisDecodeCommand());
    ais.addSubcommand(new org.sekisho.maritime.adapter.cli.AisReplayCommand());
    root.addSubcommand(ais);
    root.addSubcommand(new org.sekisho.passenger.egate.adapter.cli.MrzCommand());
    root.addSubcommand(new org.sekisho.passenger.egate.adapter.cli.EgateCommand());
    root.addSubcommand(new org.sekisho.names.adapter.cli.NamesCommand());
    root.addSubcommand(new org.sekisho.passenger.screening.adapter.cli.WatchlistCommand());
    root.addSubcommand(new org.sekisho.passenger.pnr.adapter.cli.PnrCommand());
    root.addSubcommand(new org.sekisho.passenger.pnr.adapter.cli.ApiCommand());
    root.addSubcommand(new org.sekisho.targeting.adapter.cli.RiskCommand());
    root.addSubcommand(new org.sekisho.targeting.criteria.adapter.cli.CriteriaCommand());
    CommandLine screening = new CommandLine(new ScreeningGroup());
    screening.addSubcommand(
        new org.sekisho.passenger.screening.adapter.cli.ScreeningRulesCommand());
    root.addSubcommand(screening);
    CommandLine bench = root.getSubcommands().get("bench");
    bench.addSubcommand(new org.sekisho.maritime.adapter.cli.AisBenchCommand());
    bench.addSubcommand(new org.sekisho.maritime.adapter.cli.MaritimeBenchCommand());
    bench.addSubcommand(new org.sekisho.maritime.adapter.cli.PassageBenchCommand());
    bench.addSubcommand(new org.sekisho.passenger.egate.adapter.cli.EgateBenchCommand());
    // The whole-flight figure (rules + watchlist) is the passenger bench; the names
    // library's own (single names, recall, watchlist batch alone) runs as `bench names`.
    bench.addSubcommand(new org.sekisho.passenger.screening.adapter.cli.ScreeningBenchCommand());
    bench.addSubcommand(new org.sekisho.names.adapter.cli.ScreeningBenchCommand());
    bench.addSubcommand(new org.sekisho.passenger.pnr.adapter.cli.PnrBenchCommand());
    bench.addSubcommand(new org.sekisho.targeting.adapter.cli.ScoringBenchCommand());
    bench.addSubcommand(new org.sekisho.targeting.adapter.cli.AssessBenchCommand());
    bench.addSubcommand(new org.sekisho.targeting.assessment.adapter.cli.TargetingBenchCommand());
  }

  /** Runs {@code sekisho generate} with the given arguments; returns its exit code. */
  static int generate(String... args) {
    return Main.commandLine().execute(prepend("generate", args));
  }

  /**
   * Runs {@code sekisho egate specimen --data-dir DIR} (specimen CSCA and passports for the demo's
   * kiosk); returns its exit code.
   */
  static int egateSpecimen(java.nio.file.Path dataDir) {
    return Main.commandLine().execute("egate", "specimen", "--data-dir", dataDir.toString());
  }

  private static String[] prepend(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
