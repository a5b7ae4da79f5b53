package org.sekisho.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.sekisho.intel.application.IngestPorts.RecordsStored;
import org.sekisho.intel.domain.Declaration;
import org.sekisho.intel.domain.IntelRecord;
import org.sekisho.intel.domain.Party;
import org.sekisho.targeting.assessment.application.AssessmentRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every declaration stored in the intelligence database is assessed by targeting at once, in the
 * JSON of docs/formats/intel-records.md, a stored batch at a time. Assessment runs on one
 * background thread so ingest is not held up by the model; when it falls more than a few batches
 * behind, the ingest thread helps (back-pressure).
 */
final class AssessStoredDeclarations implements RecordsStored, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AssessStoredDeclarations.class);

  private final AssessmentRequests targeting;
  private final ObjectMapper json;
  private final ThreadPoolExecutor worker =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(8),
          r -> {
            Thread t = new Thread(r, "assess-stored-declarations");
            t.setDaemon(true);
            return t;
          },
          new ThreadPoolExecutor.CallerRunsPolicy());

  AssessStoredDeclarations(AssessmentRequests targeting, ObjectMapper json) {
    this.targeting = targeting;
    this.json = json;
  }

  @Override
  public void stored(List<IntelRecord> batch) {
    List<Declaration> declarations =
        batch.stream().filter(r -> r instanceof Declaration).map(r -> (Declaration) r).toList();
    if (!declarations.isEmpty()) {
      worker.execute(() -> assessAll(declarations));
    }
  }

  /**
   * The batch in a few round trips; should that fail, each declaration on its own, so that one that
   * cannot be stored does not keep the others from being assessed.
   */
  private void assessAll(List<Declaration> declarations) {
    try {
      targeting.assessAll(
          declarations.stream()
              .map(d -> new AssessmentRequests.Request("declaration", d.declarationId(), toJson(d)))
              .toList());
    } catch (RuntimeException e) {
      LOG.warn(
          "a batch of {} declarations could not be assessed at once ({}); assessing them one by one",
          declarations.size(),
          e.getMessage());
      declarations.forEach(this::assess);
    }
  }

  private void assess(Declaration d) {
    try {
      targeting.assess("declaration", d.declarationId(), toJson(d));
    } catch (RuntimeException e) {
      LOG.warn("declaration {} could not be assessed: {}", d.declarationId(), e.getMessage());
    }
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
