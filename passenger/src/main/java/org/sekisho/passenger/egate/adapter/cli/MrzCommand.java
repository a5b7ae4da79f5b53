package org.sekisho.passenger.egate.adapter.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.passenger.egate.domain.mrz.MachineReadableZone;
import org.sekisho.passenger.egate.domain.mrz.MrzCheck;
import org.sekisho.passenger.egate.domain.mrz.MrzData;
import org.sekisho.passenger.egate.domain.mrz.MrzFormat;
import org.sekisho.passenger.egate.domain.mrz.MrzGenerator;
import org.sekisho.passenger.egate.domain.mrz.MrzParser;
import org.sekisho.passenger.egate.domain.mrz.NameTransliteration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sekisho mrz}: read and write ICAO Doc 9303 machine-readable zones. */
@Command(
    name = "mrz",
    mixinStandardHelpOptions = true,
    description =
        "Read and write passport, ID-card and visa machine-readable zones (ICAO Doc 9303).",
    subcommands = {MrzCommand.Parse.class, MrzCommand.Generate.class})
public final class MrzCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  public MrzCommand() {}

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 2;
  }

  /** {@code sekisho mrz parse LINE1 LINE2 [LINE3] [--json]}. */
  @Command(
      name = "parse",
      mixinStandardHelpOptions = true,
      description = {
        "Parse 2 or 3 MRZ lines: layout, fields, check digits, expiry.",
        "Exit 0 when the lines could be parsed (even if a check digit is wrong), 1 otherwise."
      })
  public static final class Parse implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..3", paramLabel = "LINE", description = "MRZ lines, top first")
    List<String> lines = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON object")
    boolean json;

    @Option(
        names = "--on",
        paramLabel = "YYYY-MM-DD",
        description = "Judge expiry on this date instead of today (UTC)")
    LocalDate on;

    public Parse() {}

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Clock clock =
          on == null
              ? Clock.systemUTC()
              : Clock.fixed(on.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
      Outcome<MachineReadableZone> outcome = new MrzParser(clock).parse(lines);
      LocalDate today = LocalDate.now(clock);
      Map<String, Object> report = report(outcome, today);
      if (json) {
        out.println(Json.write(report));
      } else {
        printText(out, outcome, today);
      }
      out.flush();
      return outcome.isAccepted() ? 0 : 1;
    }

    static Map<String, Object> report(Outcome<MachineReadableZone> outcome, LocalDate today) {
      Map<String, Object> r = new LinkedHashMap<>();
      switch (outcome) {
        case Outcome.Accepted<MachineReadableZone> a -> {
          MachineReadableZone m = a.value();
          r.put("format", m.format().name());
          r.put("valid", m.valid());
          r.put("expired", m.expiredOn(today));
          r.put("fields", m.fields());
          List<Object> checks = new ArrayList<>();
          for (MrzCheck c : m.checks()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("field", c.field());
            cm.put("ok", c.ok());
            cm.put("present", String.valueOf(c.present()));
            cm.put("computed", String.valueOf(c.computed()));
            checks.add(cm);
          }
          r.put("checks", checks);
          r.put("errors", errors(m.problems()));
        }
        case Outcome.Rejected<MachineReadableZone> rej -> {
          r.put("format", null);
          r.put("valid", false);
          r.put("expired", false);
          r.put("fields", Map.of());
          r.put("checks", List.of());
          r.put("errors", errors(rej.problems()));
        }
      }
      return r;
    }

    private static List<Object> errors(List<Problem> problems) {
      List<Object> out = new ArrayList<>();
      for (Problem p : problems) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("code", p.code());
        e.put("field", p.field());
        e.put("message", p.message());
        out.add(e);
      }
      return out;
    }

    private static void printText(
        PrintWriter out, Outcome<MachineReadableZone> outcome, LocalDate today) {
      switch (outcome) {
        case Outcome.Accepted<MachineReadableZone> a -> {
          MachineReadableZone m = a.value();
          out.printf(
              "%s  %s%s%n",
              m.format(), m.valid() ? "valid" : "INVALID", m.expiredOn(today) ? ", EXPIRED" : "");
          m.fields().forEach((k, v) -> out.printf("  %-22s %s%n", k, v));
          for (MrzCheck c : m.checks()) {
            out.printf(
                "  check %-16s %s (printed %s, computed %s)%n",
                c.field(), c.ok() ? "ok" : "WRONG", c.present(), c.computed());
          }
          m.problems().forEach(p -> out.println("  error: " + p));
        }
        case Outcome.Rejected<MachineReadableZone> r ->
            r.problems().forEach(p -> out.println("error: " + p));
      }
    }
  }

  /** {@code sekisho mrz generate ...}: fields to MRZ lines. */
  @Command(
      name = "generate",
      mixinStandardHelpOptions = true,
      description =
          "Print the MRZ lines for the given fields (names in any script are transliterated).")
  public static final class Generate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--format", required = true, description = "TD1, TD2, TD3, MRVA or MRVB")
    MrzFormat format;

    @Option(names = "--type", required = true, description = "document code, e.g. P, ID, V")
    String type;

    @Option(names = "--state", required = true, description = "issuing state: code or English name")
    String state;

    @Option(names = "--surname", required = true)
    String surname;

    @Option(names = "--given-names", defaultValue = "")
    String given;

    @Option(names = "--number", required = true, description = "document number")
    String number;

    @Option(names = "--nationality", required = true, description = "code or English name")
    String nationality;

    @Option(names = "--birth", required = true, description = "YYMMDD")
    String birth;

    @Option(names = "--sex", defaultValue = "", description = "M, F, X or empty")
    String sex;

    @Option(names = "--expiry", required = true, description = "YYMMDD")
    String expiry;

    @Option(
        names = "--optional",
        defaultValue = "",
        description = "optional data / personal number")
    String optional;

    @Option(names = "--optional2", defaultValue = "", description = "TD1 line-2 optional data")
    String optional2;

    @Option(
        names = "--transliteration",
        defaultValue = "ICAO",
        description = "ICAO, UKRAINIAN or SERBIAN")
    NameTransliteration.Variant variant;

    @Option(names = "--allow-unknown-codes", description = "accept state codes ICAO does not list")
    boolean allowUnknown;

    public Generate() {}

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      MrzData data =
          new MrzData(
              format,
              type,
              state,
              surname,
              given,
              number,
              nationality,
              birth,
              sex,
              expiry,
              optional,
              optional2);
      Outcome<List<String>> lines = new MrzGenerator(variant, allowUnknown).generate(data);
      switch (lines) {
        case Outcome.Accepted<List<String>> a -> a.value().forEach(out::println);
        case Outcome.Rejected<List<String>> r ->
            r.problems().forEach(p -> out.println("error: " + p));
      }
      out.flush();
      return lines.isAccepted() ? 0 : 1;
    }
  }
}
