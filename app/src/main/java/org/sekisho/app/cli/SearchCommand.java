package org.sekisho.app.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sekisho.app.Sekisho;
import org.sekisho.core.Country;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.intel.application.IntelViews.Hit;
import org.sekisho.intel.application.IntelViews.Reader;
import org.sekisho.intel.application.IntelViews.SearchPage;
import org.sekisho.intel.application.IntelViews.SearchQuery;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.platform.web.AuditWeb;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = "Search the intelligence database (audited).")
final class SearchCommand implements Callable<Integer> {
  @Mixin DataDirOption data;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "TEXT",
      description = "words, names or numbers")
  String text = "";

  @Option(names = "--kind")
  String kind;

  @Option(names = "--from")
  LocalDate from;

  @Option(names = "--to")
  LocalDate to;

  @Option(names = "--office")
  String office;

  @Option(names = "--country")
  String country;

  @Option(names = "--hs", description = "HS chapter, heading or subheading (2, 4 or 6 digits)")
  String hs;

  @Option(names = "--limit", defaultValue = "20")
  int limit;

  @Option(
      names = "--agency",
      defaultValue = "customs-jp",
      description = "search as this agency (default ${DEFAULT-VALUE})")
  String agency;

  @Option(names = "--json", description = "print the result page as JSON")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (limit < 1 || limit > 1000) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be 1..1000");
    }
    // the same refusals as the API: a filter that can match nothing is a mistake, not "0 records"
    if (kind != null) {
      String k = kind.strip().toLowerCase(Locale.ROOT);
      kind =
          RecordKind.ofCode(k)
              .or(() -> RecordKind.ofPlural(k))
              .map(RecordKind::code)
              .orElseThrow(
                  () ->
                      new CommandLine.ParameterException(
                          spec.commandLine(),
                          "--kind expects declaration, transport-document, conveyance-movement,"
                              + " postal-item or seizure, got '"
                              + kind
                              + "'"));
    }
    if (country != null
        && !country.isBlank()
        && !Country.isValidOrUnknown(country.strip().toUpperCase(Locale.ROOT))) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--country expects an ISO 3166-1 alpha-2 code, e.g. CN, got '" + country + "'");
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--from " + from + " is after --to " + to);
    }
    SearchQuery q =
        new SearchQuery(
            text,
            Optional.ofNullable(kind),
            Optional.ofNullable(from),
            Optional.ofNullable(to),
            Optional.ofNullable(office),
            Optional.ofNullable(country),
            Optional.ofNullable(hs),
            0,
            limit);
    // a bad value (a NUL, an over-long text) is one line and exit 2, before the database starts
    if (!q.problems().isEmpty()) {
      var p = q.problems().get(0);
      throw new CommandLine.ParameterException(spec.commandLine(), p.field() + ": " + p.message());
    }
    try (Sekisho s = Sekisho.open(data.resolve(), Clock.systemUTC())) {
      SearchPage p = s.queries().search(q, new Reader("system:cli", agency));
      // what was asked and by whom on this machine, as the API's search entry says
      Map<String, String> details = new LinkedHashMap<>(q.auditDetails(p.total()));
      details.put("osUser", System.getProperty("user.name", ""));
      s.audit()
          .record(new AuditEvent(s.clock().instant(), "system:cli", agency, "search", "", details));
      var out = spec.commandLine().getOut();
      // times as the pages, the export and `audit list` show them: the administration's zone
      DateTimeFormatter time = AuditWeb.timeFormat(Sekisho.zone());
      if (json) {
        out.println(s.json().writeValueAsString(p));
      } else {
        out.println(p.total() + (p.totalCapped() ? "+" : "") + " records");
        // an office that holds nothing readable: which offices do (東京 is JPTYO in records)
        p.officeMiss().ifPresent(m -> out.println(m.message()));
        for (Hit h : p.hits()) {
          out.printf(
              "%8d  %s  %-20s %s%n",
              h.id(),
              h.eventTime() == null ? "-" : time.format(h.eventTime()),
              h.kind(),
              h.title());
        }
        p.entities()
            .forEach(
                e ->
                    out.printf(
                        "  entity %d  %s  %s  (%.2f, %d records)%n",
                        e.id(), e.type(), e.display(), e.similarity(), e.records()));
      }
      out.flush();
    }
    return 0;
  }
}
