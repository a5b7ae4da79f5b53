package org.sekisho.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sekisho.app.Sekisho;
import org.sekisho.core.Outcome;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.platform.audit.AuditEntry;
import org.sekisho.platform.audit.AuditPage;
import org.sekisho.platform.audit.AuditQuery;
import org.sekisho.platform.audit.AuditVerification;
import org.sekisho.platform.web.AuditWeb;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Audit-log tools.",
    subcommands = {AuditCommand.Verify.class, AuditCommand.ListEntries.class})
final class AuditCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Who reads or checks the log from this machine's command line, in the audit log. */
  static final String ACTOR = "system:cli";

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** An audit entry for what the machine's user did here, as {@code sekisho search} writes one. */
  private static void audit(Sekisho s, String action, Map<String, String> details) {
    Map<String, String> d = new LinkedHashMap<>(details);
    d.put("channel", "cli");
    d.put("osUser", System.getProperty("user.name", ""));
    s.audit()
        .record(
            new AuditEvent(
                s.clock().instant(), ACTOR, Sekisho.agency(), action, AuditWeb.SUBJECT, d));
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description =
          "Recompute the hash chain; exit 0 when intact, 1 at the first broken entry (audited).")
  static final class Verify implements Callable<Integer> {
    @Mixin DataDirOption data;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      try (Sekisho s = Sekisho.open(data.resolve(), Clock.systemUTC())) {
        AuditVerification v = s.audit().verify();
        switch (v) {
          case AuditVerification.Ok ok ->
              audit(s, "audit.verify", Map.of("result", "ok", "entries", "" + ok.entries()));
          case AuditVerification.Broken b ->
              audit(s, "audit.verify", Map.of("result", "broken", "seq", "" + b.seq()));
        }
        return switch (v) {
          case AuditVerification.Ok ok -> {
            spec.commandLine()
                .getOut()
                .println("OK: " + ok.entries() + " entries, hash chain intact");
            yield 0;
          }
          case AuditVerification.Broken b -> {
            spec.commandLine().getOut().println("BROKEN at entry " + b.seq() + ": " + b.reason());
            yield 1;
          }
        };
      }
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "List audit-log entries, newest first (the read is audited with the machine's user).",
        "Times are shown and read in the administration's zone (SEKISHO_ZONE, default"
            + " Asia/Tokyo)."
      })
  static final class ListEntries implements Callable<Integer> {
    @Mixin DataDirOption data;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--actor", paramLabel = "A", description = "user name or system:<job>")
    String actor;

    @Option(names = "--agency", paramLabel = "AGENCY", description = "the actor's agency")
    String agency;

    @Option(
        names = "--action",
        paramLabel = "X",
        description = "an action, or every action beginning so: targeting. or targeting.*")
    String action;

    @Option(
        names = "--subject",
        paramLabel = "S",
        description = "a subject such as record:42, or every subject beginning so: record:*")
    String subject;

    @Option(
        names = "--from",
        paramLabel = "D",
        description =
            "from a date (2026-11-27), a local time (2026-11-27T09:30) or a time with"
                + " an offset")
    String from;

    @Option(names = "--to", paramLabel = "D", description = "up to (a date includes its whole day)")
    String to;

    @Option(names = "--text", paramLabel = "T", description = "text in the entry's details")
    String text;

    @Option(
        names = "--before",
        paramLabel = "SEQ",
        description = "only entries older than this one (the next page)")
    String before;

    @Option(
        names = "--limit",
        paramLabel = "N",
        description = "entries to show, 1 to 500 (default ${DEFAULT-VALUE})",
        defaultValue = "50")
    String limit;

    @Option(names = "--json", description = "print the page as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
      Map<String, String> params = new LinkedHashMap<>();
      params.put("actor", actor);
      params.put("agency", agency);
      params.put("action", action);
      params.put("subject", subject);
      params.put("from", from);
      params.put("to", to);
      params.put("q", text);
      params.put("before", before);
      params.put("limit", limit);
      ZoneId zone = Sekisho.zone();
      // refused in one line, exit 2, before any database starts: as the API refuses it
      AuditQuery q =
          switch (AuditQuery.parse(params, zone)) {
            case Outcome.Accepted<AuditQuery> a -> a.value();
            case Outcome.Rejected<AuditQuery> r -> throw refusal(r.problems().get(0));
          };
      try (Sekisho s = Sekisho.open(data.resolve(), Clock.systemUTC())) {
        AuditPage page =
            switch (s.auditSearch().search(q)) {
              case Outcome.Accepted<AuditPage> a -> a.value();
              case Outcome.Rejected<AuditPage> r -> throw refusal(r.problems().get(0));
            };
        Map<String, String> details = new LinkedHashMap<>(q.given());
        details.put("shown", Integer.toString(page.entries().size()));
        audit(s, "audit.read", details);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
          out.println(s.json().writeValueAsString(AuditWeb.asJson(page, zone)));
        } else {
          print(out, page, zone);
        }
        out.flush();
      }
      return 0;
    }

    private CommandLine.ParameterException refusal(org.sekisho.core.Problem p) {
      String option = p.field().equals("q") ? "--text" : "--" + p.field();
      return new CommandLine.ParameterException(
          spec.commandLine(), (p.field().isEmpty() ? "" : option + ": ") + p.message());
    }

    private static void print(PrintWriter out, AuditPage page, ZoneId zone) {
      DateTimeFormatter time = AuditWeb.timeFormat(zone);
      for (AuditEntry e : page.entries()) {
        out.printf(
            "%8d  %s  %-16s %-14s %-28s %-22s %s%n",
            e.seq(),
            time.format(e.at()),
            e.actor(),
            e.agency().isEmpty() ? "-" : e.agency(),
            e.action(),
            e.subject().isEmpty() ? "-" : e.subject(),
            AuditWeb.detailsLine(e.details()));
      }
      if (page.entries().isEmpty()) {
        out.println("no entries match");
      }
      if (page.textScanCapped()) {
        out.println(
            "the text was looked for in the newest "
                + String.format("%,d", org.sekisho.platform.audit.AuditSearch.TEXT_SCAN)
                + " entries the other filters select; older ones may match");
      }
      if (page.more()) {
        out.println("older entries: the same with --before " + page.next().getAsLong());
      }
    }
  }
}
