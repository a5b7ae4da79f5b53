package org.sekisho.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.sekisho.core.Outcome;
import org.sekisho.intel.application.Actor;
import org.sekisho.intel.application.IngestRecords;
import org.sekisho.intel.application.IngestReport;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.maritime.application.ConveyanceMovements;
import org.sekisho.maritime.domain.port.PortCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maritime's port calls become conveyance movements in the intelligence database, through the same
 * ingest path as any other source (validated, archived, idempotent by movement id, linked to the
 * vessel entity by IMO or MMSI). The mapping is the one in docs/formats/maritime-api.md.
 *
 * <p>Ownership follows the origin: a call found in the administration's own feeds is ingested as
 * {@code system:maritime} for the administration's agency; a call found in a user's upload is
 * ingested as that user, for their agency (the maritime web only lets the administration's own
 * staff upload), so the audit names who caused the record and nobody writes records for an agency
 * that is not theirs.
 */
final class PortCallsToIntel implements ConveyanceMovements {
  private static final Logger LOG = LoggerFactory.getLogger(PortCallsToIntel.class);

  private final IngestRecords ingest;
  private final ObjectMapper json;
  private final String agency;

  /** For the administration of {@code SEKISHO_AGENCY} (as {@link Sekisho} reads it). */
  PortCallsToIntel(IngestRecords ingest, ObjectMapper json) {
    this(ingest, json, Sekisho.agency());
  }

  /**
   * @param agency the administration running Sekisho: owner of calls from its own feeds
   */
  PortCallsToIntel(IngestRecords ingest, ObjectMapper json, String agency) {
    this.ingest = ingest;
    this.json = json;
    this.agency = agency;
  }

  /** Who the intelligence database sees ingesting a call from {@code origin}. */
  Actor actor(Origin origin) {
    return switch (origin) {
      case Origin.AdministrationFeed f -> new Actor("system:maritime", agency, false);
      case Origin.User u -> new Actor(u.username(), u.agency(), false);
    };
  }

  @Override
  public void record(PortCall call, Origin origin) {
    ObjectNode o = json.createObjectNode();
    o.put("movementId", call.movementId());
    o.put("mode", "sea");
    o.put("direction", call.direction().code());
    o.put("time", call.time().toString());
    String name = call.vessel().name() == null ? "" : call.vessel().name().strip();
    // a vessel whose static data never came is named by its MMSI, so the record's title says which
    o.put("conveyanceName", name.isEmpty() ? "MMSI " + call.vessel().mmsi() : name);
    o.put("callSign", call.vessel().callSign());
    if (call.vessel().imo() > 0) {
      o.put("imo", String.format("%07d", call.vessel().imo()));
    }
    o.put("mmsi", String.format("%09d", call.vessel().mmsi()));
    o.put("flag", call.vessel().flag());
    o.put("port", call.port().locode());
    byte[] line = (o.toString() + "\n").getBytes(StandardCharsets.UTF_8);
    Outcome<IngestReport> r =
        ingest.ingest(
            RecordKind.CONVEYANCE_MOVEMENT,
            "json",
            "maritime:port-calls",
            new ByteArrayInputStream(line),
            actor(origin));
    if (r instanceof Outcome.Accepted<IngestReport> a && a.value().rejected() > 0) {
      LOG.warn(
          "port call {} refused by the intelligence database: {}",
          call.movementId(),
          a.value().problems());
    }
  }
}
