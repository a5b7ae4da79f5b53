package org.sekisho.passenger.screening.adapter.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sekisho.core.InputFiles;
import org.sekisho.passenger.screening.adapter.db.JdbcScreeningStore;
import org.sekisho.passenger.screening.domain.PassengerVocabulary;
import org.sekisho.passenger.screening.domain.ScreenedPassenger;
import org.sekisho.passenger.screening.domain.ScreeningList;
import org.sekisho.passenger.screening.domain.ScreeningRule;
import org.sekisho.platform.db.Database;
import org.sekisho.targeting.criteria.domain.CriteriaProblem;
import org.sekisho.targeting.criteria.domain.FieldDefinition;
import org.sekisho.targeting.criteria.domain.RuleLanguage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sekisho screening check FILE…}: checks passenger rule files
 * (docs/formats/passenger-rules.md) and prints every problem as {@code FILE:LINE:COLUMN: message};
 * {@code --fields} lists the fields. Exit 0 when every file compiles, 1 when a file has problems or
 * cannot be read.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Check passenger rule files; print FILE:LINE:COLUMN: problem for each problem.")
public final class ScreeningRulesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "rule files (UTF-8)", arity = "0..*")
  List<Path> files = List.of();

  @Option(names = "--fields", description = "list the fields passenger rules may test")
  boolean fields;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "check 'in list' against the reference lists stored in this data directory (without it,"
              + " every list is unknown)")
  Path dataDir;

  /** Opens the database of a data directory (tests give their own). */
  java.util.function.Function<Path, Database> database = WatchlistCommand::open;

  public ScreeningRulesCommand() {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (fields) {
      for (FieldDefinition<ScreenedPassenger, Void> f : PassengerVocabulary.PASSENGER.fields()) {
        out.printf("%-30s %-6s %s%n", f.code(), f.type().title(), f.meaning());
      }
    }
    if (files.isEmpty() && !fields) {
      err.println("give at least one rule file, or --fields");
      return 2;
    }
    // a rule file that is not there is a wrong argument (exit 2), not rules with problems (exit 1)
    for (Path file : files) {
      Optional<String> why = InputFiles.unreadable(file);
      if (why.isPresent()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "FILE: " + why.get());
      }
    }
    Map<String, ScreeningList> lists = Map.of();
    if (dataDir != null && !files.isEmpty()) {
      try (Database db = database.apply(dataDir.toAbsolutePath())) {
        lists = new JdbcScreeningStore(db.jdbi()).referenceLists();
      }
      out.println("checking against " + lists.size() + " reference list(s) of " + dataDir);
    }
    int bad = 0;
    for (Path file : files) {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        err.println(file + ": cannot read: " + e.getMessage());
        bad++;
        continue;
      }
      RuleLanguage.Compiled<ScreenedPassenger, Void> c =
          RuleLanguage.compile(
              text, PassengerVocabulary.PASSENGER, ScreeningList.forLanguage(lists));
      if (c.ok()) {
        out.println(file + ": " + c.rules().size() + " rule(s), no problem");
      } else {
        bad++;
        for (CriteriaProblem p : c.problems()) {
          out.println(file + ":" + ScreeningRule.inPassengerWords(p));
        }
      }
    }
    return bad == 0 ? 0 : 1;
  }
}
