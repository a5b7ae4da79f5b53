package org.sekisho.names.adapter.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.sekisho.core.Country;
import org.sekisho.core.InputFiles;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.names.adapter.file.CsvReader;
import org.sekisho.names.adapter.file.EvaluationSets;
import org.sekisho.names.adapter.file.FollowTheMoneyJson;
import org.sekisho.names.adapter.file.PairsCsv;
import org.sekisho.names.adapter.file.WatchlistCsv;
import org.sekisho.names.adapter.kuromoji.KuromojiReadings;
import org.sekisho.names.application.Confusion;
import org.sekisho.names.application.NameEvaluation;
import org.sekisho.names.application.PairScoring;
import org.sekisho.names.domain.NameMatcher;
import org.sekisho.names.domain.watchlist.PartialDate;
import org.sekisho.names.domain.watchlist.ScreeningSubject;
import org.sekisho.names.domain.watchlist.Severity;
import org.sekisho.names.domain.watchlist.Watchlist;
import org.sekisho.names.domain.watchlist.WatchlistEntry;
import org.sekisho.names.domain.watchlist.WatchlistHit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sekisho names …}: name matching across scripts. */
@Command(
    name = "names",
    mixinStandardHelpOptions = true,
    description = "Name matching across scripts: score pairs, evaluate, screen against watchlists.",
    subcommands = {
      NamesCommand.Pairs.class,
      NamesCommand.Evaluate.class,
      NamesCommand.Screen.class
    })
public final class NamesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  public NamesCommand() {}

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 2;
  }

  /** {@code sekisho names pairs --in FILE.csv --out OUT.csv}. */
  @Command(
      name = "pairs",
      mixinStandardHelpOptions = true,
      description =
          "Score name pairs: input columns id,left,right (header); output id,score,match"
              + " (match at the threshold). Malformed rows are reported on stderr with row number"
              + " and reason; the others are scored.")
  public static final class Pairs implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--in", required = true, description = "input CSV with header id,left,right")
    Path in;

    @Option(names = "--out", required = true, description = "output CSV (id,score,match)")
    Path out;

    @Option(
        names = "--threshold",
        description = "score at or above which a pair is a match (default ${DEFAULT-VALUE})")
    double threshold = NameMatcher.DEFAULT_THRESHOLD;

    @Option(names = "--explain", description = "add a fourth column with the explanation")
    boolean explain;

    public Pairs() {}

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      if (!(threshold >= 0 && threshold <= 1)) {
        throw new ParameterException(
            spec.commandLine(),
            "Invalid value for option '--threshold': expected a number from 0 to 1, got "
                + threshold);
      }
      Optional<String> unreadable = InputFiles.unreadable(in);
      if (unreadable.isPresent()) {
        // refused before the output is created, as a usage error, not a failure half-way
        throw new ParameterException(
            spec.commandLine(),
            "Invalid value for option '--in': "
                + unreadable.get()
                + " (expected a CSV file with the header id,left,right)");
      }
      try (BufferedReader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8);
          BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        Outcome<PairsCsv> source = PairsCsv.open(new CsvReader(reader));
        if (!source.isAccepted()) {
          err.println(in + ": " + source.problems().get(0));
          return 1;
        }
        writer.write(explain ? "id,score,match,explanation\n" : "id,score,match\n");
        PairScoring.Report report =
            new PairScoring(new NameMatcher(KuromojiReadings.normaliser(), true), threshold)
                .run(
                    source.orElseThrow(),
                    s -> {
                      try {
                        writer.write(CsvReader.quote(s.pair().id()));
                        writer.write(
                            String.format(
                                Locale.ROOT, ",%.4f,%s", s.comparison().score(), s.match()));
                        if (explain) {
                          writer.write(',');
                          writer.write(CsvReader.quote(s.comparison().explanation()));
                        }
                        writer.write('\n');
                      } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                      }
                    });
        for (Problem p : report.rejected()) {
          err.println(in + ": " + p);
        }
        spec.commandLine()
            .getOut()
            .printf(
                Locale.ROOT,
                "%d pairs scored, %d matches, %d rows rejected%n",
                report.scored(),
                report.matches(),
                report.rejected().size());
        return 0;
      } catch (NoSuchFileException e) {
        err.println("no such file: " + e.getFile());
        return 1;
      } catch (IOException | java.io.UncheckedIOException e) {
        err.println("cannot read or write: " + e.getMessage());
        return 1;
      }
    }
  }

  /** {@code sekisho names evaluate}: precision, recall and F1 on the public data sets. */
  @Command(
      name = "evaluate",
      mixinStandardHelpOptions = true,
      description =
          "Precision, recall and F1 per data set at the threshold, on the development half (even"
              + " rows, used to choose the default threshold) and the test half (odd rows).")
  public static final class Evaluate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--data",
        description = "the shared name-matching folder (default: found from the working directory)")
    Path data;

    @Option(names = "--threshold", description = "decision threshold (default ${DEFAULT-VALUE})")
    double threshold = NameMatcher.DEFAULT_THRESHOLD;

    @Option(
        names = "--limit",
        description = "positives per Wikidata script and half (default ${DEFAULT-VALUE})")
    int limit = 1500;

    @Option(
        names = "--sweep",
        description = "also print F1 at thresholds 0.70 … 0.95 on the dev half")
    boolean sweep;

    public Evaluate() {}

    static final List<String> SCRIPTS =
        List.of("russian", "arabic", "hebrew", "katakana", "korean", "chinese");

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Path root = data != null ? data : findData();
      if (root == null || !Files.isDirectory(root)) {
        spec.commandLine().getErr().println("name-matching data not found; pass --data DIR");
        return 1;
      }
      EvaluationSets sets = new EvaluationSets(root);
      NameEvaluation eval =
          new NameEvaluation(new NameMatcher(KuromojiReadings.normaliser(), true));
      out.printf(Locale.ROOT, "threshold %.2f, data %s%n", threshold, root);
      try {
        for (boolean dev : new boolean[] {true, false}) {
          String half = dev ? "dev " : "test";
          List<Confusion> all = new ArrayList<>();
          var un = eval.scorePairs(sets.unTypoPairs(dev));
          report(out, half, "un-typos (pairs)", un, all);
          for (String script : SCRIPTS) {
            var s = eval.scorePairs(sets.wikidataPairs(script, dev, limit));
            report(out, half, "wikidata-" + script, s, all);
          }
          Watchlist list = watchlist(sets);
          for (boolean corr : new boolean[] {false, true}) {
            Confusion c = eval.screen(list, sets.screeningQueries(dev, corr), threshold);
            out.printf(
                Locale.ROOT,
                "%s  %-34s %s%n",
                half,
                corr ? "screening (name+dob+nationality)" : "screening (name only)",
                c);
          }
          Confusion micro = all.stream().reduce(Confusion.empty(), Confusion::plus);
          out.printf(Locale.ROOT, "%s  %-34s %s%n", half, "all pair sets (micro)", micro);
          if (dev && sweep) {
            out.println("dev sweep (pair sets, micro-averaged F1 / screening F1):");
            List<NameEvaluation.Scores> scores = new ArrayList<>();
            scores.add(un);
            for (String script : SCRIPTS) {
              scores.add(eval.scorePairs(sets.wikidataPairs(script, true, limit)));
            }
            var queries = sets.screeningQueries(true, false);
            for (int t = 70; t <= 95; t += 5) {
              double th = t / 100.0;
              Confusion m = Confusion.empty();
              for (var s : scores) {
                m = m.plus(s.at(th));
              }
              Confusion sc = eval.screen(list, queries, th);
              out.printf(
                  Locale.ROOT, "  %.2f  pairs F1 %.4f  screening F1 %.4f%n", th, m.f1(), sc.f1());
            }
          }
        }
      } catch (IOException e) {
        spec.commandLine().getErr().println("cannot read data: " + e.getMessage());
        return 1;
      }
      return 0;
    }

    private void report(
        PrintWriter out, String half, String name, NameEvaluation.Scores s, List<Confusion> all) {
      Confusion c = s.at(threshold);
      all.add(c);
      out.printf(Locale.ROOT, "%s  %-34s %s%n", half, name, c);
    }

    private static Watchlist watchlist(EvaluationSets sets) throws IOException {
      Watchlist.Builder b =
          new Watchlist.Builder(new NameMatcher(KuromojiReadings.normaliser(), true));
      sets.screeningList().forEach(b::add);
      return b.build();
    }

    static Path findData() {
      Path cwd = Path.of("").toAbsolutePath();
      for (Path p = cwd; p != null; p = p.getParent()) {
        for (String rel : List.of("shared/data/name-matching", "../shared/data/name-matching")) {
          Path candidate = p.resolve(rel).normalize();
          if (Files.isDirectory(candidate)) {
            return candidate;
          }
        }
      }
      return null;
    }
  }

  /** {@code sekisho names screen}: screen one name against watchlist files. */
  @Command(
      name = "screen",
      mixinStandardHelpOptions = true,
      description =
          "Screen one name (with optional date of birth, nationality, document) against"
              + " watchlists in CSV (docs/formats/watchlist.md) or FollowTheMoney JSON lines.")
  public static final class Screen implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--list",
        required = true,
        description = "watchlist file(s): .csv or .json/.jsonl (FTM)")
    List<Path> lists;

    @Option(names = "--name", required = true, description = "name to screen")
    String name;

    @Option(names = "--dob", description = "date of birth YYYY[-MM[-DD]]")
    String dob;

    @Option(names = "--nationality", description = "ISO 3166 alpha-2")
    String nationality;

    @Option(names = "--document", description = "passport or ID number")
    String document;

    @Option(names = "--threshold", description = "default ${DEFAULT-VALUE}")
    double threshold = NameMatcher.DEFAULT_THRESHOLD;

    public Screen() {}

    private static final String LIST_FORMS =
        "a watchlist .csv (docs/formats/watchlist.md) or FollowTheMoney .json/.jsonl";

    private ParameterException refused(String option, String problem) {
      return new ParameterException(
          spec.commandLine(), "Invalid value for option '" + option + "': " + problem);
    }

    /**
     * Screens the name. A usage error (an option out of range, a name without letters, a list that
     * cannot be read or gives no entries) is refused as a {@link ParameterException} naming the
     * option and what it expects, before anything is screened: a screen against nothing must not
     * read as "0 hits". Rows a list refuses one by one are reported on stderr and the rest
     * screened.
     */
    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (!(threshold > 0 && threshold <= 1)) {
        throw refused("--threshold", "expected a number above 0 and at most 1, got " + threshold);
      }
      NameMatcher matcher = new NameMatcher(KuromojiReadings.normaliser(), true);
      if (matcher.normaliser().normalise(name).isEmpty()) {
        throw refused("--name", "expected a name with letters, got '" + name + "'");
      }
      if (nationality != null && !Country.isValid(nationality.strip().toUpperCase(Locale.ROOT))) {
        // a nationality that is no code would silently corroborate nothing
        throw refused(
            "--nationality",
            "expected an ISO 3166-1 alpha-2 country code such as JP or RU, got '"
                + nationality
                + "'");
      }
      Optional<PartialDate> birth = Optional.empty();
      if (dob != null) {
        Outcome<PartialDate> d = PartialDate.parse("--dob", dob);
        if (!d.isAccepted()) {
          throw refused(
              "--dob",
              "expected a date of birth YYYY[-MM[-DD]], got '"
                  + dob
                  + "' ("
                  + d.problems().get(0).message()
                  + ")");
        }
        birth = Optional.of(d.orElseThrow());
      }
      Watchlist.Builder b = new Watchlist.Builder(matcher);
      List<Problem> problems = new ArrayList<>();
      for (Path p : lists) {
        Optional<String> unreadable = InputFiles.unreadable(p);
        if (unreadable.isPresent()) {
          throw refused("--list", unreadable.get() + " (expected " + LIST_FORMS + ")");
        }
        int[] read = {0};
        List<Problem> fileProblems;
        try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
          String f = p.getFileName().toString().toLowerCase(Locale.ROOT);
          Consumer<WatchlistEntry> sink =
              e -> {
                read[0]++;
                b.add(e);
              };
          fileProblems =
              f.endsWith(".csv")
                  ? WatchlistCsv.read(r, sink)
                  : FollowTheMoneyJson.read(r, f, Severity.HIGH, sink);
        } catch (IOException | java.io.UncheckedIOException e) {
          Throwable cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
          throw refused(
              "--list",
              "cannot read " + p + ": " + cause.getMessage() + " (expected " + LIST_FORMS + ")");
        }
        if (read[0] == 0) {
          // a file that gave nothing was not screened against: say why, do not report 0 hits
          String why =
              fileProblems.isEmpty()
                  ? "the file has no rows"
                  : fileProblems.get(0)
                      + (fileProblems.size() > 1
                          ? " and " + (fileProblems.size() - 1) + " more problems"
                          : "");
          String expected =
              p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")
                  ? "a header " + String.join(",", WatchlistCsv.COLUMNS) + " and at least one row"
                  : "FollowTheMoney entities, one JSON object a line";
          throw refused(
              "--list",
              "no watchlist entries read from " + p + ": " + why + "; expected " + expected);
        }
        problems.addAll(fileProblems);
      }
      for (Problem p : problems) {
        err.println(p);
      }
      Watchlist list = b.build();
      ScreeningSubject subject =
          new ScreeningSubject(
              name,
              birth,
              Optional.ofNullable(nationality).map(s -> s.strip().toLowerCase(Locale.ROOT)),
              Optional.ofNullable(document));
      List<WatchlistHit> hits = list.screen(subject, threshold);
      out.printf(Locale.ROOT, "%d entries, %d hits%n", list.size(), hits.size());
      for (WatchlistHit h : hits) {
        out.println(h.explanation());
      }
      return 0;
    }
  }
}
