package org.sekisho.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.sekisho.intel.application.IngestPorts.RecordsStored;
import org.sekisho.intel.application.StoredRecord;
import org.sekisho.intel.domain.Declaration;
import org.sekisho.intel.domain.IntelRecord;
import org.sekisho.intel.domain.Party;
import org.sekisho.intel.domain.PostalItem;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.intel.domain.TransportDocument;
import org.sekisho.targeting.assessment.application.AssessmentRequests;
import org.sekisho.targeting.assessment.application.CatchUpAssessments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every declaration, postal item and transport document stored in the intelligence database is
 * assessed by targeting at once, in the JSON of docs/formats/intel-records.md, a stored batch at a
 * time. Assessment runs on one background thread so ingest is not held up by the model; when it
 * falls more than a few batches behind, the ingest thread helps (back-pressure).
 *
 * <p>Records stored but never assessed (the process stopped between the two, or assessing failed)
 * are caught up on the same thread: once when {@link #catchUpFrom} is called, then every {@link
 * #CATCH_UP_EVERY}.
 */
final class AssessStoredRecords implements RecordsStored, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AssessStoredRecords.class);

  private final AssessmentRequests targeting;
  private final ObjectMapper json;
  private final String agency;
  private final ThreadPoolExecutor worker =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(8),
          r -> {
            Thread t = new Thread(r, "assess-stored-records");
            t.setDaemon(true);
            return t;
          },
          new ThreadPoolExecutor.CallerRunsPolicy());

  /** How often stored declarations are checked for ones never assessed, after the first time. */
  static final Duration CATCH_UP_EVERY = Duration.ofMinutes(5);

  private final ScheduledExecutorService catchUpTimer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "assessment-catch-up-timer");
            t.setDaemon(true);
            return t;
          });
  private final AtomicBoolean catchUpWaiting = new AtomicBoolean();
  // per feed: records found without an assessment since start, by outcome
  private final Map<String, CaughtUp> caughtUp = new ConcurrentHashMap<>();

  private record CaughtUp(AtomicLong assessed, AtomicLong refused) {}

  private volatile boolean closing;
  private CompletableFuture<List<CatchUpAssessments.Result>> firstCatchUp;

  /**
   * @param agency the administration whose stored records are assessed; records another agency
   *     stores (or shares with it) are its intelligence, not cases for its targeting centre
   */
  AssessStoredRecords(AssessmentRequests targeting, ObjectMapper json, String agency) {
    this.targeting = targeting;
    this.json = json;
    this.agency = agency;
  }

  /**
   * Starts catching up on records stored without an assessment, one feed after the other: now,
   * after the batches already queued, then every {@link #CATCH_UP_EVERY}. Call once.
   */
  void catchUpFrom(List<CatchUpAssessments> feeds) {
    for (CatchUpAssessments f : feeds) {
      caughtUp.put(f.feedName(), new CaughtUp(new AtomicLong(), new AtomicLong()));
    }
    firstCatchUp = runOnWorker(feeds, Duration.ZERO);
    long every = CATCH_UP_EVERY.toSeconds();
    catchUpTimer.scheduleWithFixedDelay(
        () -> {
          // one run waiting is enough: it will see whatever a second would
          if (catchUpWaiting.compareAndSet(false, true)) {
            runOnWorker(feeds, IN_FLIGHT).whenComplete((r, e) -> catchUpWaiting.set(false));
          }
        },
        every,
        every,
        TimeUnit.SECONDS);
  }

  /** The catch-up started by {@link #catchUpFrom}, one result per feed; empty before. */
  Optional<CompletableFuture<List<CatchUpAssessments.Result>>> firstCatchUp() {
    return Optional.ofNullable(firstCatchUp);
  }

  /**
   * Left to the ingest pipeline by the periodic runs: a batch stored this recently may still be
   * queued here (or in another process) for assessment, and would otherwise be reported as missed.
   * The first run, at start, takes everything: nothing of this process is queued yet.
   */
  static final Duration IN_FLIGHT = Duration.ofMinutes(2);

  private CompletableFuture<List<CatchUpAssessments.Result>> runOnWorker(
      List<CatchUpAssessments> feeds, Duration inFlight) {
    CompletableFuture<List<CatchUpAssessments.Result>> done = new CompletableFuture<>();
    worker.execute(
        () -> {
          try {
            List<CatchUpAssessments.Result> results = new ArrayList<>();
            for (CatchUpAssessments feed : feeds) {
              CatchUpAssessments.Result r =
                  feed.run(() -> closing || Thread.currentThread().isInterrupted(), inFlight);
              CaughtUp counts = caughtUp.get(feed.feedName());
              counts.assessed().addAndGet(r.assessed());
              counts.refused().addAndGet(r.refused());
              if (r.unassessed() > 0) {
                // a warning: each was missed because a process stopped or assessing failed
                LOG.warn(
                    "{} stored records of {} had no assessment: {} assessed now, {} refused"
                        + " (logged above)",
                    r.unassessed(),
                    feed.feedName(),
                    r.assessed(),
                    r.refused());
              }
              results.add(r);
            }
            done.complete(results);
          } catch (RuntimeException e) {
            LOG.warn(
                "catching up on unassessed records failed (tried again later): {}", e.toString());
            done.completeExceptionally(e);
          }
        });
    return done;
  }

  /**
   * Counts, per feed, the stored records the catch-up found without an assessment, as {@code
   * sekisho_assessment_catch_up_records_total{feed, outcome="assessed"|"refused"}}: anything above
   * zero means a process stopped between storing and assessing, or assessing failed.
   */
  void bindTo(MeterRegistry registry) {
    caughtUp.forEach(
        (feed, counts) ->
            Map.of("assessed", counts.assessed(), "refused", counts.refused())
                .forEach(
                    (outcome, count) ->
                        FunctionCounter.builder(
                                "sekisho.assessment.catch.up.records",
                                count,
                                AtomicLong::doubleValue)
                            .description(
                                "stored records found without an assessment by the catch-up")
                            .tag("feed", feed)
                            .tag("outcome", outcome)
                            .register(registry)));
  }

  @Override
  public void stored(List<StoredRecord> batch) {
    List<AssessmentRequests.Request> requests = new ArrayList<>();
    for (StoredRecord r : batch) {
      if (r.agency().equals(agency)) {
        request(r.record()).ifPresent(requests::add);
      }
    }
    if (!requests.isEmpty()) {
      worker.execute(() -> assessAll(requests));
    }
  }

  /**
   * The kinds of stored record targeting assesses: those {@link #request} hands over. Consignments
   * first, so that records caught up after a crash meet their consignment's lane as they would have
   * (a declaration assessed before its consignment is raised to its lane later all the same).
   */
  static final List<RecordKind> ASSESSED =
      List.of(RecordKind.TRANSPORT_DOCUMENT, RecordKind.DECLARATION, RecordKind.POSTAL_ITEM);

  /**
   * What targeting is asked to assess for a stored record: declarations, postal items and
   * consignments' transport documents, in targeting's input format; nothing for other records.
   */
  Optional<AssessmentRequests.Request> request(IntelRecord r) {
    Optional<String> json =
        switch (r) {
          case Declaration d -> Optional.of(toJson(d));
          case PostalItem p -> Optional.of(toJson(p));
          case TransportDocument t -> Optional.of(toJson(t));
          default -> Optional.empty();
        };
    return json.map(j -> new AssessmentRequests.Request(r.kind().code(), r.sourceId(), j));
  }

  /**
   * The batch in a few round trips; should that fail, each record on its own, so that one that
   * cannot be stored does not keep the others from being assessed.
   */
  private void assessAll(List<AssessmentRequests.Request> requests) {
    try {
      targeting.assessAll(requests);
    } catch (RuntimeException e) {
      LOG.warn(
          "a batch of {} records could not be assessed at once ({}); assessing them one by one",
          requests.size(),
          e.getMessage());
      requests.forEach(this::assess);
    }
  }

  private void assess(AssessmentRequests.Request r) {
    try {
      targeting.assess(r.recordKind(), r.sourceId(), r.declarationJson());
    } catch (RuntimeException e) {
      LOG.warn("{} {} could not be assessed: {}", r.recordKind(), r.sourceId(), e.getMessage());
    }
  }

  /** The transport document in the documented input format (field names of intel-records.md). */
  String toJson(TransportDocument t) {
    ObjectNode o = json.createObjectNode();
    o.put("number", t.number());
    o.put("documentType", t.documentType());
    o.put("masterNumber", t.masterNumber());
    o.put("date", t.eventTime().toString());
    o.put("office", t.office());
    o.put("carrier", t.carrier());
    party(o, "shipper", t.shipper());
    party(o, "consignee", t.consignee());
    party(o, "notifyParty", t.notifyParty());
    o.put("portOfLoading", t.portOfLoading());
    o.put("portOfDischarge", t.portOfDischarge());
    ArrayNode containers = o.putArray("containers");
    t.containers().forEach(containers::add);
    o.put("goodsDescription", t.goodsDescription());
    o.put("hsCode", t.hsCode());
    decimal(o, "grossMassKg", t.grossMassKg());
    o.put("packages", t.packages());
    o.put("conveyanceRef", t.conveyanceRef());
    return o.toString();
  }

  /** The postal item in the documented input format (field names of intel-records.md). */
  String toJson(PostalItem p) {
    ObjectNode o = json.createObjectNode();
    o.put("itemId", p.itemId());
    o.put("date", p.eventTime().toString());
    o.put("office", p.office());
    party(o, "sender", p.sender());
    party(o, "addressee", p.addressee());
    o.put("contents", p.contents());
    o.put("hsCode", p.hsCode());
    decimal(o, "declaredValue", p.declaredValue());
    o.put("currency", p.currency());
    decimal(o, "weightKg", p.weightKg());
    o.put("originCountry", p.originCountry());
    o.put("destinationCountry", p.destinationCountry());
    o.put("category", p.category());
    return o.toString();
  }

  /** The declaration in the documented input format (field names of intel-records.md). */
  String toJson(Declaration d) {
    ObjectNode o = json.createObjectNode();
    o.put("declarationId", d.declarationId());
    o.put("type", d.type());
    o.put("date", d.eventTime().toString());
    o.put("office", d.office());
    o.put("procedure", d.procedure());
    o.put("modeOfTransport", d.modeOfTransport());
    party(o, "declarant", d.declarant());
    party(o, "importer", d.importer());
    party(o, "exporter", d.exporter());
    o.put("countryOfDeparture", d.countryOfDeparture());
    o.put("transportDocument", d.transportDocument());
    ArrayNode items = o.putArray("items");
    for (Declaration.Item i : d.items()) {
      ObjectNode n = items.addObject();
      n.put("hsCode", i.hsCode());
      n.put("description", i.description());
      n.put("origin", i.origin());
      decimal(n, "quantity", i.quantity());
      n.put("unit", i.unit());
      decimal(n, "netMassKg", i.netMassKg());
      decimal(n, "grossMassKg", i.grossMassKg());
      decimal(n, "customsValue", i.customsValue());
      n.put("currency", i.currency());
      decimal(n, "dutyRate", i.dutyRate());
    }
    return o.toString();
  }

  private static void decimal(ObjectNode n, String field, BigDecimal v) {
    if (v != null) {
      n.put(field, v.toPlainString());
    }
  }

  private static void party(ObjectNode o, String field, Party p) {
    if (p == null || p.isEmpty()) {
      return;
    }
    ObjectNode n = o.putObject(field);
    n.put("kind", p.kind());
    n.put("name", p.name());
    n.put("id", p.id());
    n.put("address", p.address());
    n.put("phone", p.phone());
    n.put("email", p.email());
    n.put("country", p.country());
  }

  /** Waits for queued assessments (so a CLI ingest leaves nothing unassessed). */
  @Override
  public void close() {
    closing = true;
    catchUpTimer.shutdownNow();
    worker.shutdown();
    try {
      if (!worker.awaitTermination(5, TimeUnit.MINUTES)) {
        LOG.warn("assessment of stored declarations still running at shutdown");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
