package org.sekisho.intel.application;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sekisho.core.Outcome;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.core.audit.AuditTrail;

/**
 * What an ingest run did, for the agency that ran it: its counts and its refused rows by row, field
 * and reason (no value of a row is kept with them), and, for the user who ran it or an
 * administrator of its agency, the raw input as it was archived, which holds the values. Another
 * agency's run is answered as not found, as an unknown one is; every read of the raw input, and
 * every refused one, is audited by run id.
 */
public final class IngestRuns {
  /** The most problems a listing holds: as many as a run keeps. */
  public static final int MAX_LISTED = IngestReport.MAX_LISTED;

  /** A run as its log keeps it; {@code agency} is empty for a run no agency could be found for. */
  public record Run(
      long id,
      String kind,
      String format,
      String source,
      String actor,
      String agency,
      String sha256,
      Instant startedAt,
      Optional<Instant> finishedAt,
      long rowsRead,
      long stored,
      long duplicates,
      long conflicts,
      long rejected) {}

  /** A refused row as the log keeps it: where and why, not what it held. */
  public record ListedProblem(
      long row, String sourceId, String field, String code, String reason) {}

  /**
   * A run with its problems in row order.
   *
   * @param mayReadRaw whether the asker may read the archived input ({@link #raw})
   */
  public record Listing(Run run, List<ListedProblem> problems, boolean mayReadRaw) {}

  /** The archived input of a run, opened; the caller closes it. */
  public record RawInput(Run run, InputStream in) {}

  /**
   * Who asks.
   *
   * @param anyKind whether the asker may ingest every kind (an investigator ingests seizures only,
   *     and reads seizure runs only)
   * @param administrator whether the asker administers its agency
   */
  public record Asker(String username, String agency, boolean anyKind, boolean administrator) {}

  /** The stored runs, their problems and the archive that holds their inputs. */
  public interface RunLog {
    Optional<Run> run(long id);

    /** The run's problems in row order, at most {@code limit}. */
    List<ListedProblem> problems(long run, int limit);

    /** The run's archived input, decompressed, as it came. */
    InputStream openRaw(long run) throws IOException;
  }

  private final RunLog log;
  private final Clock clock;

  public IngestRuns(RunLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  /** The run when {@code a} may read it: of its own agency, and a kind it may ingest. */
  private Optional<Run> readable(long id, Asker a) {
    return log.run(id)
        .filter(r -> !r.agency().isEmpty() && r.agency().equals(a.agency()))
        .filter(r -> a.anyKind() || r.kind().equals("seizures"));
  }

  private static boolean mayReadRaw(Run r, Asker a) {
    return a.administrator() || r.actor().equals(a.username());
  }

  /** Run {@code id} with its problems; not found when {@code a} may not read it. */
  public Outcome<Listing> listing(long id, Asker a) {
    return readable(id, a)
        .<Outcome<Listing>>map(
            r -> Outcome.accepted(new Listing(r, log.problems(id, MAX_LISTED), mayReadRaw(r, a))))
        .orElseGet(() -> notFound(id));
  }

  /**
   * The archived input of run {@code id}, audited through {@code via} ({@code ingest.raw.read});
   * refused (and audited as {@code ingest.raw.read.denied}) unless {@code a} ran it or administers
   * its agency. Another agency's run, or an unknown one, is not found.
   */
  public Outcome<RawInput> raw(long id, Asker a, AuditTrail via) throws IOException {
    Optional<Run> run = readable(id, a);
    if (run.isEmpty() || !mayReadRaw(run.get(), a)) {
      via.record(
          new AuditEvent(
              clock.instant(),
              a.username(),
              a.agency(),
              "ingest.raw.read.denied",
              "ingest-run:" + id,
              Map.of()));
      if (run.isEmpty()) {
        return notFound(id);
      }
      return Outcome.rejected(
          "forbidden",
          "id",
          "the raw input of an ingest run is read by the user who ran it or an administrator of"
              + " its agency");
    }
    Run r = run.get();
    via.record(
        new AuditEvent(
            clock.instant(),
            a.username(),
            a.agency(),
            "ingest.raw.read",
            "ingest-run:" + id,
            Map.of("kind", r.kind(), "format", r.format(), "sha256", r.sha256())));
    return Outcome.accepted(new RawInput(r, log.openRaw(id)));
  }

  private static <T> Outcome<T> notFound(long id) {
    return Outcome.rejected("not-found", "id", "ingest run " + id + " was not found");
  }
}
