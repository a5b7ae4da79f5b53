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
import org.sekisho.intel.domain.FieldRules;
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
  private final IngestPorts.Agencies agencies;
  private final IngestPorts.SharingAgreements agreements;
  private final IngestPorts.IngestShares shares;

  public IngestRecords(
      RawArchive archive,
      RowSources sources,
      RecordStore store,
      IngestLog log,
      RecordReader reader,
      AuditTrail audit,
      Clock clock,
      int batchSize,
      IngestPorts.Agencies agencies,
      IngestPorts.SharingAgreements agreements,
      IngestPorts.IngestShares shares) {
    this(
        archive,
        sources,
        store,
        log,
        reader,
        audit,
        clock,
        batchSize,
        agencies,
        agreements,
        shares,
        IngestPorts.RecordsStored.NONE);
  }

  /**
   * @param agencies the registered agencies, which alone a record may belong to or be shared with
   * @param agreements the sharing agreements, under which alone a record is shared at ingest
   * @param shares keeps the sharings written into the stored records, with their agreements
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
      IngestPorts.Agencies agencies,
      IngestPorts.SharingAgreements agreements,
      IngestPorts.IngestShares shares,
      IngestPorts.RecordsStored listener) {
    this.agencies = agencies;
    this.agreements = agreements;
    this.shares = shares;
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
    return ingest(kind, format, sourceName, in, actor, IngestPorts.Progress.NONE);
  }

  /**
   * As {@link #ingest(RecordKind, String, String, InputStream, Actor)}, telling {@code progress}.
   */
  public Outcome<IngestReport> ingest(
      RecordKind kind,
      String format,
      String sourceName,
      InputStream in,
      Actor actor,
      IngestPorts.Progress progress) {
    if (!FORMATS.contains(format)) {
      return Outcome.rejected(
          Problem.of(
                  "invalid-format",
                  "format",
                  "expected one of json, csv, kcs; got '" + format + "'")
              .worded("not-a-format", format));
    }
    if (format.equals("kcs") && kind != RecordKind.DECLARATION) {
      return Outcome.rejected(
          "invalid-format",
          "format",
          "the kcs format holds declarations only, not " + kind.plural());
    }
    java.util.Optional<Problem> badSource =
        FieldRules.text("source", sourceName, FieldRules.MAX_NAME);
    if (badSource.isPresent()) {
      return new Outcome.Rejected<>(List.of(badSource.get()));
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
            actor.agency(),
            raw.sha256(),
            raw.path().toString());
    long rows = 0;
    List<RowSource.Row> chunk = new ArrayList<>(batchSize);
    java.util.Set<String> registered = agencies.registered();
    IngestPorts.SharingRules sharing = agreements.now();
    // the partners records of this run are shared with, filled from the writer threads
    java.util.Set<String> partners = java.util.concurrent.ConcurrentHashMap.newKeySet();
    BatchWriter writer =
        new BatchWriter(
            store,
            listener,
            progress,
            fields -> validate(kind, fields, actor, run, registered, sharing, partners),
            f -> sourceId(kind, f),
            idField(kind));
    try (writer;
        InputStream body = raw.open();
        RowSource src = sources.open(kind.plural(), format, body)) {
      // This thread only reads rows; validating them and storing the good ones happens on the
      // writer threads, so that the two cores share the work.
      while (src.hasNext()) {
        chunk.add(src.next());
        rows++;
        if (chunk.size() >= batchSize) {
          writer.submit(chunk);
          chunk = new ArrayList<>(batchSize);
        }
      }
      if (!chunk.isEmpty()) {
        writer.submit(chunk);
      }
      writer.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the archived input " + raw.path(), e);
    }
    long rejected = writer.rejected();
    List<RowProblem> problems = writer.problems();
    if (rows == 0) {
      // an empty body stores nothing and says so, rather than a report of zeros alone
      problems =
          List.of(
              new RowProblem(
                  0,
                  "",
                  Problem.of(
                      IngestReport.EMPTY_INPUT,
                      "body",
                      "the input held no rows: expected "
                          + switch (format) {
                            case "json" -> "one JSON object a line (or a JSON array)";
                            default -> "a header line and a row a line";
                          })));
    }
    long stored = writer.stored();
    if (!partners.isEmpty()) {
      // a sharing written into the data is kept and audited as a liaison officer's is: by record,
      // partner and the agreement that allowed it
      for (IngestPorts.IngestShare s :
          shares.keep(run, partners, actor.username(), clock.instant(), sharing::agreement)) {
        audit.record(
            new AuditEvent(
                clock.instant(),
                actor.username(),
                actor.agency(),
                "record.shared",
                "record:" + s.recordId(),
                Map.of(
                    "agency", s.partner(),
                    "agreement", Long.toString(s.agreementId()),
                    "ingestRun", Long.toString(run))));
      }
    }
    long duplicates = writer.duplicates();
    long conflicts = writer.conflicts();
    IngestReport report =
        new IngestReport(
            run,
            kind.plural(),
            format,
            sourceName,
            rows,
            stored,
            duplicates,
            conflicts,
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
                "duplicates", Long.toString(duplicates),
                "conflicts", Long.toString(conflicts),
                "rejected", Long.toString(rejected),
                "sha256", raw.sha256())));
    return Outcome.accepted(report);
  }

  /**
   * What validating one chunk of rows gave: how many of its good records were new, how many were
   * stored already with other content, and the problems of its rows in row order.
   */
  private record ChunkResult(
      int added, int accepted, int conflicts, int rejected, List<RowProblem> problems) {}

  /**
   * Validates chunks of rows and stores their good records on background threads while the caller
   * reads the next chunks, so reading, validating, the JVM's share of storing and the database's
   * share overlap, and the database works on two batches at once. Each batch is stored atomically;
   * batches may commit out of order, which is safe because storing is idempotent by source id:
   * after a failure, a rerun adds whatever is missing. Results are gathered in the order the chunks
   * were read, so problems are listed in row order. The first failure is rethrown on the caller's
   * thread.
   */
  private static final class BatchWriter implements AutoCloseable {
    private static final int WRITERS = 2;
    private final RecordStore store;
    private final IngestPorts.RecordsStored listener;
    private final IngestPorts.Progress progress;
    private final java.util.function.Function<Outcome<Fields>, Outcome<StoredRecord>> validator;
    private final java.util.function.Function<Fields, String> sourceIds;
    private final java.util.concurrent.ExecutorService threads =
        java.util.concurrent.Executors.newFixedThreadPool(
            WRITERS,
            r -> {
              Thread t = new Thread(r, "ingest-writer");
              t.setDaemon(true);
              return t;
            });
    private final java.util.ArrayDeque<java.util.concurrent.Future<ChunkResult>> inFlight =
        new java.util.ArrayDeque<>();
    private final List<RowProblem> problems = new ArrayList<>();
    private final String idField;
    private long stored;
    private long duplicates;
    private long conflicts;
    private long rejected;

    BatchWriter(
        RecordStore store,
        IngestPorts.RecordsStored listener,
        IngestPorts.Progress progress,
        java.util.function.Function<Outcome<Fields>, Outcome<StoredRecord>> validator,
        java.util.function.Function<Fields, String> sourceIds,
        String idField) {
      this.idField = idField;
      this.store = store;
      this.listener = listener;
      this.progress = progress;
      this.validator = validator;
      this.sourceIds = sourceIds;
    }

    void submit(List<RowSource.Row> chunk) {
      while (inFlight.size() >= WRITERS) {
        awaitOldest();
      }
      inFlight.add(threads.submit(() -> validateAndStore(chunk)));
    }

    private ChunkResult validateAndStore(List<RowSource.Row> chunk) {
      List<StoredRecord> batch = new ArrayList<>(chunk.size());
      List<Long> rowsOf = new ArrayList<>(chunk.size());
      List<RowProblem> found = new ArrayList<>();
      int bad = 0;
      for (RowSource.Row row : chunk) {
        Outcome<Fields> fields = row.fields();
        switch (validator.apply(fields)) {
          case Outcome.Accepted<StoredRecord> a -> {
            batch.add(a.value());
            rowsOf.add(row.number());
          }
          case Outcome.Rejected<StoredRecord> r -> {
            bad++;
            if (found.size() < IngestReport.MAX_LISTED) {
              String id =
                  fields instanceof Outcome.Accepted<Fields> f ? sourceIds.apply(f.value()) : "";
              for (Problem p : r.problems()) {
                found.add(new RowProblem(row.rowOf(p.field()), id, p));
              }
            }
          }
        }
      }
      if (batch.isEmpty()) {
        return new ChunkResult(0, 0, 0, bad, found);
      }
      IngestPorts.Saved saved = store.saveBatch(batch);
      listener.stored(List.copyOf(batch));
      if (!saved.conflicting().isEmpty()) {
        for (int at : saved.conflicting()) {
          if (found.size() >= IngestReport.MAX_LISTED) {
            break;
          }
          found.add(
              new RowProblem(
                  rowsOf.get(at),
                  batch.get(at).record().sourceId(),
                  Problem.of(
                      IngestReport.CONFLICTING_VERSION,
                      idField,
                      "a record with this "
                          + idField
                          + " is already stored, or came earlier in this input, with different"
                          + " content: the stored version was kept and this row was not stored")));
        }
        found.sort(java.util.Comparator.comparingLong(RowProblem::row));
      }
      return new ChunkResult(saved.added(), batch.size(), saved.conflicting().size(), bad, found);
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
      java.util.concurrent.Future<ChunkResult> f = inFlight.poll();
      try {
        ChunkResult r = f.get();
        stored += r.added();
        duplicates += r.accepted() - r.added() - r.conflicts();
        conflicts += r.conflicts();
        rejected += r.rejected();
        // conflicts are among the records already present, as progress reports them
        progress.advanced(
            stored + duplicates + conflicts + rejected, stored, duplicates + conflicts, rejected);
        for (RowProblem p : r.problems()) {
          // Rows are listed whole: the cap is checked when a new row's problems begin.
          if (problems.size() >= IngestReport.MAX_LISTED
              && p.row() != problems.get(problems.size() - 1).row()) {
            break;
          }
          problems.add(p);
        }
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

    long conflicts() {
      return conflicts;
    }

    long rejected() {
      return rejected;
    }

    List<RowProblem> problems() {
      return problems;
    }

    @Override
    public void close() {
      threads.shutdownNow();
    }
  }

  /**
   * No such agency, naming the registered ones in {@code registered}: only those the ingesting user
   * may know of (a partner's users are not told which other agencies exist).
   */
  private static Problem unknownAgency(
      String field, String code, java.util.Set<String> registered) {
    String known = String.join(", ", new java.util.TreeSet<>(registered));
    String shown = FieldRules.shorten(code);
    Problem p =
        Problem.of(
            "unknown-agency",
            field,
            "no agency '"
                + shown
                + "' is registered"
                + (known.isEmpty() ? "" : " (registered: " + known + ")")
                + "; an administrator registers partner agencies with `sekisho agency add`");
    return known.isEmpty() ? p.worded("unknown", shown) : p.worded("unknown-listed", shown, known);
  }

  /** The row's source id as the problem list shows it: always storable, shortened when too long. */
  private static String sourceId(RecordKind kind, Fields f) {
    String id = rawSourceId(kind, f);
    return FieldRules.text("", id, FieldRules.MAX_ID).isEmpty() ? id : FieldRules.shorten(id);
  }

  private static String rawSourceId(RecordKind kind, Fields f) {
    return f.text(idField(kind));
  }

  /** The field that holds a record's source id. */
  private static String idField(RecordKind kind) {
    return switch (kind) {
      case DECLARATION -> "declarationId";
      case TRANSPORT_DOCUMENT -> "number";
      case CONVEYANCE_MOVEMENT -> "movementId";
      case POSTAL_ITEM -> "itemId";
      case SEIZURE -> "seizureId";
    };
  }

  private Outcome<StoredRecord> validate(
      RecordKind kind,
      Outcome<Fields> fields,
      Actor actor,
      long run,
      java.util.Set<String> registered,
      IngestPorts.SharingRules sharing,
      java.util.Set<String> partners) {
    if (!(fields instanceof Outcome.Accepted<Fields> accepted)) {
      return new Outcome.Rejected<>(fields.problems());
    }
    Fields f = accepted.value();
    String agency = f.text("agency");
    List<String> shared = f.strings("sharedWith");
    List<Problem> unstorable = new ArrayList<>();
    FieldRules.text("agency", agency, FieldRules.MAX_ID).ifPresent(unstorable::add);
    for (int i = 0; i < shared.size(); i++) {
      FieldRules.text("sharedWith[" + i + "]", shared.get(i), FieldRules.MAX_ID)
          .ifPresent(unstorable::add);
      if (shared.get(i).isBlank()) {
        // an empty entry shares with nobody: a slip that must not pass for a sharing
        unstorable.add(
            Problem.of(
                    "invalid-value",
                    "sharedWith[" + i + "]",
                    "expected the code of an agency to share the record with, e.g. police-jp; an"
                        + " empty one names none")
                .worded("empty-share"));
      } else if (!registered.contains(shared.get(i))) {
        // a mistyped code would share with nobody now and with whoever is given it later
        unstorable.add(
            unknownAgency(
                "sharedWith[" + i + "]", shared.get(i), sharing.seenBy(actor, registered)));
      }
    }
    if (!agency.isEmpty() && !registered.contains(agency)) {
      unstorable.add(unknownAgency("agency", agency, sharing.seenBy(actor, registered)));
    }
    if (!unstorable.isEmpty()) {
      // The record's own fields are checked too, so that the row's every problem is listed.
      List<Problem> all = new ArrayList<>(unstorable);
      all.addAll(reader.read(kind, f).problems());
      return new Outcome.Rejected<>(all);
    }
    if (agency.isEmpty()) {
      agency = actor.agency();
    } else if (!agency.equals(actor.agency()) && !actor.mayAssignAgency()) {
      return Outcome.rejected(
          Problem.of(
                  "forbidden-agency",
                  "agency",
                  "you may ingest records for your own agency (" + actor.agency() + ") only")
              .worded("own-agency", actor.agency()));
    }
    String owner = agency;
    // a sharing written into the data goes no further than the liaison officer's would: under an
    // agreement in force that covers the kind
    List<Problem> notAgreed = new ArrayList<>();
    for (int i = 0; i < shared.size(); i++) {
      int at = i;
      sharing
          .refusal(owner, shared.get(i), kind)
          .ifPresent(
              // worded by its partner, so that a reader of another language is told the whole
              // refusal in it, not the rule's English around a translated lead
              why ->
                  notAgreed.add(
                      Problem.of("no-agreement", "sharedWith[" + at + "]", why)
                          .worded("none", shared.get(at))));
    }
    if (!notAgreed.isEmpty()) {
      return new Outcome.Rejected<>(notAgreed);
    }
    shared.stream().filter(p -> !p.equals(owner)).forEach(partners::add);
    return reader
        .read(kind, f)
        .map(
            (IntelRecord r) ->
                new StoredRecord(
                    r,
                    owner,
                    shared,
                    EntityExtraction.of(r),
                    SearchTokens.of(r.searchText() + "\n" + r.title()),
                    run));
  }
}
