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
 */
final class PortCallsToIntel implements ConveyanceMovements {
  private static final Logger LOG = LoggerFactory.getLogger(PortCallsToIntel.class);
  private static final Actor MARITIME = new Actor("system:maritime", "customs-jp", true);

  private final IngestRecords ingest;
  private final ObjectMapper json;

  PortCallsToIntel(IngestRecords ingest, ObjectMapper json) {
    this.ingest = ingest;
    this.json = json;
  }

  @Override
  public void record(PortCall call) {
    ObjectNode o = json.createObjectNode();
    o.put("movementId", call.movementId());
    o.put("mode", "sea");
    o.put("direction", call.direction().code());
    o.put("time", call.time().toString());
    o.put("conveyanceName", call.vessel().name());
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
            MARITIME);
    if (r instanceof Outcome.Accepted<IngestReport> a && a.value().rejected() > 0) {
      LOG.warn(
          "port call {} refused by the intelligence database: {}",
          call.movementId(),
          a.value().problems());
    }
  }
}
