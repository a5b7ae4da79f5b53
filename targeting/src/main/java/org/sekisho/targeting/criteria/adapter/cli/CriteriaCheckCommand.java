package org.sekisho.targeting.criteria.adapter.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sekisho.core.InputFiles;
import org.sekisho.targeting.criteria.domain.CriteriaLanguage;
import org.sekisho.targeting.criteria.domain.CriteriaProblem;
import org.sekisho.targeting.criteria.domain.Criterion;
import org.sekisho.targeting.criteria.domain.ListCsv;
import org.sekisho.targeting.criteria.domain.ListKind;
import org.sekisho.targeting.criteria.domain.ReferenceList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sekisho criteria check FILE}: parses and type-checks a criteria file (docs/formats/
 * criteria.md) and prints every problem as {@code FILE:LINE:COLUMN: message}.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a criteria file; prints FILE:LINE:COLUMN: message for each problem.",
      "Exit 0 when every criterion compiles and every --list file reads without problems, 1 when"
          + " there are problems (in the criteria or in a list), 2 on usage errors."
    })
public final class CriteriaCheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "Criteria text (UTF-8).")
  Path file;

  @Option(
      names = "--list",
      paramLabel = "NAME:KIND:CSV",
      description =
          "A list the criteria may name, e.g. high-risk-origins:countries:origins.csv (repeatable;"
              + " kinds: parties, countries, hs-codes, documents, addresses, phones).")
  List<String> lists = List.of();

  /** Picocli needs a public no-argument constructor. */
  public CriteriaCheckCommand() {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, ReferenceList> named = new HashMap<>();
    int listProblems = 0;
    for (String l : lists) {
      String[] p = l.split(":", 3);
      if (p.length != 3 || !ReferenceList.validName(p[0]) || ListKind.ofCode(p[1]).isEmpty()) {
        throw new ParameterException(
            spec.commandLine(),
            "--list " + l + ": expected NAME:KIND:CSV, e.g. high-risk-origins:countries:o.csv");
      }
      Path listFile = readable(Path.of(p[2]), "--list " + l);
      String csv;
      try {
        csv = Files.readString(listFile, StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        throw new ParameterException(
            spec.commandLine(), "--list " + l + ": cannot read " + p[2] + " (" + e + ")");
      }
      ListKind kind = ListKind.ofCode(p[1]).orElseThrow();
      ListCsv.Read read = ListCsv.read(csv, kind);
      read.problems().forEach(pr -> err.println(p[2] + ": " + pr.field() + ": " + pr.message()));
      listProblems += read.problems().size();
      named.put(
          p[0],
          new ReferenceList(
              p[0],
              kind,
              1,
              read.rows().stream()
                  .map(ListCsv.Row::value)
                  .collect(java.util.stream.Collectors.toSet())));
    }
    readable(file, "FILE");
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      err.println(file + ": cannot read (" + e.getClass().getSimpleName() + ")");
      return 1;
    }
    CriteriaLanguage.Compiled c = CriteriaLanguage.compile(text, named);
    for (CriteriaProblem p : c.problems()) {
      out.println(file + ":" + p.line() + ":" + p.column() + ": " + p.message());
    }
    if (!c.ok()) {
      out.println(
          c.problems().size()
              + " problem(s); nothing compiled"
              + (listProblems > 0 ? "; " + listProblems + " problem(s) in --list files" : ""));
      return 1;
    }
    if (listProblems > 0) {
      // the criteria compile, but against lists missing the entries refused: the check is not ok
      // until the lists read cleanly (a header row or a bad code would go unnoticed otherwise)
      out.println(
          listProblems
              + " problem(s) in --list files (on stderr): the criteria compile, but not against"
              + " the lists as written; not ok");
      return 1;
    }
    for (Criterion k : c.criteria()) {
      out.println(
          file
              + ":"
              + k.line()
              + ": ok \""
              + k.name()
              + "\" lane "
              + k.lane().map(l -> l.code()).orElse("-")
              + " weight "
              + k.weight()
              + (k.samplePercent() < 100 ? " sample " + k.samplePercent() + "%" : ""));
    }
    return 0;
  }

  /**
   * {@code file}, or a usage error (exit 2, one line) when it is not there or is a folder: a wrong
   * argument, not criteria with problems.
   */
  private Path readable(Path file, String named) {
    InputFiles.unreadable(file)
        .ifPresent(
            why -> {
              throw new ParameterException(spec.commandLine(), named + ": " + why);
            });
    return file;
  }
}
