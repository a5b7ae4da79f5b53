package org.sekisho.intel.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.core.audit.AuditTrail;
import org.sekisho.intel.application.IngestPorts.Archived;
import org.sekisho.intel.application.IngestPorts.IngestLog;
import org.sekisho.intel.application.IngestPorts.RawArchive;
import org.sekisho.intel.application.IngestPorts.RecordStore;
import org.sekisho.intel.application.IngestPorts.RowSources;
import org.sekisho.intel.application.IngestReport.RowProblem;
import org.sekisho.intel.domain.EntityExtraction;
import org.sekisho.intel.domain.Fields;
import org.sekisho.intel.domain.IntelRecord;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.intel.domain.RecordReader;
import org.sekisho.intel.domain.SearchTokens;

/**
 * Ingests one input file: archives the raw bytes first, then streams rows, validates each, stores
 * good ones in atomic batches (idempotent by source id) and reports every bad row with its field
 * and reason. A crash loses at most the batch in flight, which a rerun stores without duplicating
 * earlier batches.
 */
public final class IngestRecords {
  public static final Set<String> FORMATS = Set.of("json", "csv", "kcs");

  private final RawArchive archive;
  private final RowSources sources;
  private final RecordStore store;
  private final IngestLog log;
  private final RecordReader reader;
  private final AuditTrail audit;
  private final Clock clock;
  private final int batchSize;
  private final IngestPorts.RecordsStored listener;

  public IngestRecords(
      RawArchive archive,
      RowSources sources,
      RecordStore store,
      IngestLog log,
      RecordReader reader,
      AuditTrail audit,
      Clock clock,
      int batchSize) {
    this(
        archive,
        sources,
        store,
        log,
        reader,
        audit,
        clock,
        batchSize,
        IngestPorts.RecordsStored.NONE);
  }

  /**
   * @param listener told about every stored batch (targeting assesses them)
   */
  public IngestRecords(
      RawArchive archive,
      RowSources sources,
      RecordStore store,
      IngestLog log,
      RecordReader reader,
      AuditTrail audit,
      Clock clock,
      int batchSize,
      IngestPorts.RecordsStored listener) {
    this.listener = listener;
    this.archive = archive;
    this.sources = sources;
    this.store = store;
    this.log = log;
    this.reader = reader;
    this.audit = audit;
    this.clock = clock;
    this.batchSize = batchSize;
  }

  public Outcome<IngestReport> ingest(
      RecordKind kind, String format, String sourceName, InputStream in, Actor actor) {
    if (!FORMATS.contains(format)) {
      return Outcome.rejected(
          "invalid-format", "format", "expected one of json, csv, kcs; got '" + format + "'");
    }
    if (format.equals("kcs") && kind != RecordKind.DECLARATION) {
      return Outcome.rejected(
          "invalid-format",
          "format",
          "the kcs format holds declarations only, not " + kind.plural());
    }
    Instant started = clock.instant();
    Archived raw;
    try {
      raw = archive.archive(kind.plural(), sourceName, in);
    } catch (IOException e) {
      throw new UncheckedIOException("could not archive the raw input", e);
    }
    long run =
        log.open(
            kind.plural(),
            format,
            sourceName,
            actor.username(),
            raw.sha256(),
            raw.path().toString());
    long rows = 0;
    long rejected = 0;
    List<RowProblem> problems = new ArrayList<>();
    List<StoredRecord> batch = new ArrayList<>(batchSize);
    BatchWriter writer = new BatchWriter(store, listener);
    try (writer;
        InputStream body = raw.open();
        RowSource src = sources.open(kind.plural(), format, body)) {
      while (src.hasNext()) {
        RowSource.Row row = src.next();
        rows++;
        Outcome<StoredRecord> outcome = validate(kind, row.fields(), actor, run);
        switch (outcome) {
          case Outcome.Accepted<StoredRecord> a -> {
            batch.add(a.value());
            if (batch.size() >= batchSize) {
              writer.submit(batch);
              batch = new ArrayList<>(batchSize);
            }
          }
          case Outcome.Rejected<StoredRecord> r -> {
            rejected++;
            if (problems.size() < IngestReport.MAX_LISTED) {
              String id =
                  row.fields() instanceof Outcome.Accepted<Fields> f
                      ? sourceId(kind, f.value())
                      : "";
              for (Problem p : r.problems()) {
                problems.add(new RowProblem(row.number(), id, p));
              }
            }
          }
        }
      }
      if (!batch.isEmpty()) {
        writer.submit(batch);
      }
      writer.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the archived input " + raw.path(), e);
    }
    long stored = writer.stored();
    long duplicates = writer.duplicates();
    IngestReport report =
        new IngestReport(
            run,
            kind.plural(),
            format,
            sourceName,
            rows,
            stored,
            duplicates,
            rejected,
            List.copyOf(problems),
            raw.sha256(),
            raw.path().toString(),
            Duration.between(started, clock.instant()).toMillis());
    log.close(report);
    audit.record(
        new AuditEvent(
            clock.instant(),
            actor.username(),
            actor.agency(),
            "ingest",
            "ingest-run:" + run,
            Map.of(
                "kind", kind.plural(),
                "format", format,
                "source", sourceName,
                "stored", Long.toString(stored),
                "rejected", Long.toString(rejected),
                "sha256", raw.sha256())));
    return Outcome.accepted(report);
  }

  /**
   * Stores batches on background threads while the caller parses the next ones, so parsing, the
   * JVM's share of storing and the database's share overlap, and the database works on two batches
   * at once. Each batch is stored atomically; batches may commit out of order, which is safe
   * because storing is idempotent by source id: after a failure, a rerun adds whatever is missing.
   * The first failure is rethrown on the caller's thread.
   */
  private static final class BatchWriter implements AutoCloseable {
    private static final int WRITERS = 2;
    private final RecordStore store;
    private final IngestPorts.RecordsStored listener;
    private final java.util.concurrent.ExecutorService threads =
        java.util.concurrent.Executors.newFixedThreadPool(
            WRITERS,
            r -> {
              Thread t = new Thread(r, "ingest-writer");
              t.setDaemon(true);
              return t;
            });
    private final java.util.ArrayDeque<java.util.concurrent.Future<Integer>> inFlight =
        new java.util.ArrayDeque<>();
    private final java.util.ArrayDeque<Integer> inFlightSizes = new java.util.ArrayDeque<>();
    private long stored;
    private long duplicates;

    BatchWriter(RecordStore store, IngestPorts.RecordsStored listener) {
      this.store = store;
      this.listener = listener;
    }

    void submit(List<StoredRecord> batch) {
      while (inFlight.size() >= WRITERS) {
        awaitOldest();
      }
      inFlightSizes.add(batch.size());
      inFlight.add(
          threads.submit(
              () -> {
                int added = store.saveBatch(batch);
                listener.stored(batch.stream().map(StoredRecord::record).toList());
                return added;
              }));
    }

    /** Waits for every batch in flight. */
    void finish() {
      RuntimeException first = null;
      while (!inFlight.isEmpty()) {
        try {
          awaitOldest();
        } catch (RuntimeException e) {
          if (first == null) {
            first = e;
          }
        }
      }
      if (first != null) {
        throw first;
      }
    }

    private void awaitOldest() {
      java.util.concurrent.Future<Integer> f = inFlight.poll();
      int size = inFlightSizes.poll();
      try {
        int added = f.get();
        stored += added;
        duplicates += size - added;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while storing a batch", e);
      } catch (java.util.concurrent.ExecutionException e) {
        // Let the other batches in flight end (each commits or rolls back whole) before the
        // failure travels up.
        drainQuietly();
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(e.getCause());
      }
    }

    private void drainQuietly() {
      while (!inFlight.isEmpty()) {
        inFlightSizes.poll();
        try {
          inFlight.poll().get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (java.util.concurrent.ExecutionException e) {
          // The first failure is the one reported.
        }
      }
    }

    long stored() {
      return stored;
    }

    long duplicates() {
      return duplicates;
    }

    @Override
    public void close() {
      threads.shutdownNow();
    }
  }

  private static String sourceId(RecordKind kind, Fields f) {
    return switch (kind) {
      case DECLARATION -> f.text("declarationId");
      case TRANSPORT_DOCUMENT -> f.text("number");
      case CONVEYANCE_MOVEMENT -> f.text("movementId");
      case POSTAL_ITEM -> f.text("itemId");
      case SEIZURE -> f.text("seizureId");
    };
  }

  private Outcome<StoredRecord> validate(
      RecordKind kind, Outcome<Fields> fields, Actor actor, long run) {
    if (!(fields instanceof Outcome.Accepted<Fields> accepted)) {
      return new Outcome.Rejected<>(fields.problems());
    }
    Fields f = accepted.value();
    String agency = f.text("agency");
    if (agency.isEmpty()) {
      agency = actor.agency();
    } else if (!agency.equals(actor.agency()) && !actor.mayAssignAgency()) {
      return Outcome.rejected(
          "forbidden-agency",
          "agency",
          "you may ingest records for your own agency (" + actor.agency() + ") only");
    }
    String owner = agency;
    List<String> shared = f.strings("sharedWith");
    return reader
        .read(kind, f)
        .map(
            (IntelRecord r) ->
                new StoredRecord(
                    r,
                    owner,
                    shared,
                    EntityExtraction.of(r),
                    SearchTokens.of(r.searchText() + " " + r.title()),
                    run));
  }
}
