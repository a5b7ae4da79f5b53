package org.sekisho.passenger.screening.application;

import java.io.BufferedReader;
import java.io.Reader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sekisho.core.Problem;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.core.audit.AuditTrail;
import org.sekisho.names.adapter.file.FollowTheMoneyJson;
import org.sekisho.names.adapter.file.WatchlistCsv;
import org.sekisho.names.domain.watchlist.Severity;
import org.sekisho.names.domain.watchlist.WatchlistEntry;

/**
 * Imports watchlist entries from CSV (docs/formats/watchlist.md) or FollowTheMoney JSON lines: good
 * entries are stored (replacing the same list and id), bad rows come back as problems, and the
 * screening engine is reloaded. Audited.
 */
public final class WatchlistImport {
  private static final int BATCH = 5_000;
  private final ScreeningStore store;
  private final PassengerScreening screening;
  private final AuditTrail audit;
  private final Clock clock;

  public WatchlistImport(
      ScreeningStore store, PassengerScreening screening, AuditTrail audit, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.screening = Objects.requireNonNull(screening, "screening");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** What an import did: entries written and the rows refused. */
  public record Report(int imported, List<Problem> problems) {
    public Report {
      problems = List.copyOf(problems);
    }
  }

  public Report csv(Reader in, String user) {
    Batch b = new Batch();
    List<Problem> problems = WatchlistCsv.read(in, b::add);
    return finish(b, problems, "csv", user);
  }

  public Report followTheMoney(BufferedReader in, String listName, Severity severity, String user) {
    Batch b = new Batch();
    List<Problem> problems = FollowTheMoneyJson.read(in, listName, severity, b::add);
    return finish(b, problems, "ftm", user);
  }

  private Report finish(Batch b, List<Problem> problems, String format, String user) {
    b.flush();
    audit.record(
        new AuditEvent(
            clock.instant(),
            user,
            "",
            "screening.watchlist.import",
            "watchlist",
            Map.of(
                "format", format,
                "imported", String.valueOf(b.written),
                "refused", String.valueOf(problems.size()))));
    if (b.written > 0) {
      screening.reload();
    }
    return new Report(b.written, problems);
  }

  private final class Batch {
    private final List<WatchlistEntry> pending = new ArrayList<>();
    private int written;

    void add(WatchlistEntry e) {
      pending.add(e);
      if (pending.size() >= BATCH) {
        flush();
      }
    }

    void flush() {
      if (!pending.isEmpty()) {
        written += store.putEntries(List.copyOf(pending), clock.instant());
        pending.clear();
      }
    }
  }
}
