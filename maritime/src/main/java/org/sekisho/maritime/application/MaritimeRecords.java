package org.sekisho.maritime.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sekisho.maritime.domain.patrol.AisContact;
import org.sekisho.maritime.domain.patrol.CameraSite;
import org.sekisho.maritime.domain.patrol.PatrolBoat;
import org.sekisho.maritime.domain.patrol.Sighting;
import org.sekisho.maritime.domain.port.PortCall;
import org.sekisho.maritime.domain.vessel.VesselSnapshot;

/** Port: where the maritime context keeps vessels, positions, alerts, port calls and sites. */
public interface MaritimeRecords {

  /** A stored position. */
  record StoredPosition(
      int mmsi, Instant time, double lat, double lon, double speedKnots, double course) {}

  /**
   * A stored alert.
   *
   * @param key idempotency key (the same finding stored twice is one alert)
   * @param kind encounter, fishing-meeting, gap, loitering, dark-vessel, port-call
   * @param facts what a reader's-language text is made from beyond the other fields (a camera's
   *     name, a port, a direction), by name; empty for alerts stored before facts were kept, whose
   *     {@code summary} (English) stands
   * @param statusNote what the officer who last set the status wrote (which boat was sent, why it
   *     was closed), or null
   * @param version how many status changes the alert has had: a change names the version it was
   *     made on
   */
  record Alert(
      long id,
      String key,
      String kind,
      Instant time,
      Instant end,
      double lat,
      double lon,
      Integer mmsi,
      Integer otherMmsi,
      String summary,
      String status,
      String statusBy,
      Instant statusAt,
      java.util.Map<String, String> facts,
      String statusNote,
      int version) {

    public Alert {
      facts = facts == null ? java.util.Map.of() : java.util.Map.copyOf(facts);
    }

    /** An alert at version 0 (no status change yet). */
    public Alert(
        long id,
        String key,
        String kind,
        Instant time,
        Instant end,
        double lat,
        double lon,
        Integer mmsi,
        Integer otherMmsi,
        String summary,
        String status,
        String statusBy,
        Instant statusAt,
        java.util.Map<String, String> facts,
        String statusNote) {
      this(
          id,
          key,
          kind,
          time,
          end,
          lat,
          lon,
          mmsi,
          otherMmsi,
          summary,
          status,
          statusBy,
          statusAt,
          facts,
          statusNote,
          0);
    }

    /** An alert without a status note. */
    public Alert(
        long id,
        String key,
        String kind,
        Instant time,
        Instant end,
        double lat,
        double lon,
        Integer mmsi,
        Integer otherMmsi,
        String summary,
        String status,
        String statusBy,
        Instant statusAt,
        java.util.Map<String, String> facts) {
      this(
          id, key, kind, time, end, lat, lon, mmsi, otherMmsi, summary, status, statusBy, statusAt,
          facts, null);
    }

    /** An alert without facts. */
    public Alert(
        long id,
        String key,
        String kind,
        Instant time,
        Instant end,
        double lat,
        double lon,
        Integer mmsi,
        Integer otherMmsi,
        String summary,
        String status,
        String statusBy,
        Instant statusAt) {
      this(
          id,
          key,
          kind,
          time,
          end,
          lat,
          lon,
          mmsi,
          otherMmsi,
          summary,
          status,
          statusBy,
          statusAt,
          java.util.Map.of());
    }

    /** A new (open) alert, or one nobody has handled. */
    public Alert(
        long id,
        String key,
        String kind,
        Instant time,
        Instant end,
        double lat,
        double lon,
        Integer mmsi,
        Integer otherMmsi,
        String summary,
        String status) {
      this(id, key, kind, time, end, lat, lon, mmsi, otherMmsi, summary, status, null, null);
    }
  }

  /** Alert statuses: new alerts are open; an officer acknowledges (handling it) or closes one. */
  java.util.List<String> ALERT_STATUSES = java.util.List.of("open", "acknowledged", "closed");

  /** A stored port call. */
  record StoredPortCall(
      String movementId,
      int mmsi,
      String locode,
      String portName,
      String direction,
      Instant time) {}

  /**
   * A stored camera sighting: where it was placed, and the AIS vessel that explained it (null for a
   * dark vessel).
   *
   * @param checked false when no AIS was received around its time (the feed down): not checked
   * @param aisLastReport for a sighting not checked, the newest AIS report before it (null: none)
   */
  record StoredSighting(
      long id,
      String siteId,
      Instant time,
      double lat,
      double lon,
      double bearingDeg,
      double sizeM,
      String vesselType,
      String imageRef,
      Integer matchedMmsi,
      boolean dark,
      boolean checked,
      Instant aisLastReport) {}

  /**
   * One change of an alert's status, as kept in its history.
   *
   * @param version the alert's version after this change
   */
  record StatusChange(
      long alertId,
      int version,
      String fromStatus,
      String status,
      String note,
      String by,
      Instant at) {}

  void saveVessels(List<VesselSnapshot> vessels);

  /** Stores positions, creating day partitions as needed. */
  void savePositions(List<StoredPosition> positions);

  /** Stores an alert; false when one with the same key exists. */
  boolean saveAlert(Alert alert);

  /** Stores a port call; false when it was already stored. */
  boolean savePortCall(PortCall call);

  List<Alert> alerts(Instant since, int limit);

  /** One alert, if there is one with that id. */
  Optional<Alert> alert(long id);

  /**
   * Sets an alert's status with who set it, when and why, if it is still at {@code
   * expectedVersion}, and keeps the change in its history; both or neither are written.
   *
   * @return the alert as changed, empty when there is no alert {@code id} at that version
   */
  Optional<Alert> setAlertStatus(
      long id, int expectedVersion, String status, String by, Instant at, String note);

  /** The status changes of these alerts, oldest first, by alert id (absent: none). */
  java.util.Map<Long, List<StatusChange>> alertHistories(java.util.Collection<Long> ids);

  /**
   * The time of the newest AIS report stored between {@code from} and {@code to} (inclusive), from
   * any vessel; empty when nothing was received then.
   */
  Optional<Instant> newestReport(Instant from, Instant to);

  /**
   * The time of the newest AIS report stored between {@code from} and {@code to} (inclusive) from a
   * position within {@code near}; empty when nothing was heard there then.
   */
  Optional<Instant> newestReport(
      Instant from, Instant to, org.sekisho.maritime.domain.patrol.WatchedArea.Circle near);

  List<VesselSnapshot> vessels(Instant since, int limit);

  Optional<VesselSnapshot> vessel(int mmsi);

  List<StoredPosition> track(int mmsi, Instant from, Instant to, int limit);

  /** A vessel's newest stored position at or before {@code atOrBefore}, if any. */
  Optional<StoredPosition> lastPosition(int mmsi, Instant atOrBefore);

  List<StoredPortCall> portCalls(Integer mmsi, int limit);

  /** AIS positions in a time window and box, for dark-vessel checks. */
  List<AisContact> contacts(
      Instant from, Instant to, double minLat, double maxLat, double minLon, double maxLon);

  void saveSite(CameraSite site);

  List<CameraSite> sites();

  /**
   * Stores a sighting with where it was placed and what explained it; returns its id.
   *
   * @param checked false when no AIS was received from the camera's waters around its time (then
   *     neither dark nor matched)
   * @param aisLastReport for a sighting not checked, the newest AIS report before it (null: none)
   */
  long saveSighting(
      Sighting s,
      double lat,
      double lon,
      Integer matchedMmsi,
      boolean dark,
      boolean checked,
      Instant aisLastReport);

  /** The latest sightings, newest first. */
  List<StoredSighting> sightings(int limit);

  /**
   * Stores a boat's position unless the boat has a newer one stored (a report at the same time
   * replaces it); a NaN response speed keeps the stored one.
   *
   * @return false when a newer position was kept
   */
  boolean savePatrol(PatrolBoat boat);

  /** The boats on duty (not stood down), by id. */
  List<PatrolBoat> patrols();

  /**
   * The id of every boat the store knows, on duty or stood down, sorted: a report for any other id
   * registers a new boat.
   */
  List<String> patrolIds();

  /**
   * Stands a boat on duty down: it is no longer listed nor offered on alerts until it reports a
   * position again. Who, when and why are kept with it.
   *
   * @return false when no boat on duty has that id
   */
  boolean standDownPatrol(String id, String by, Instant at, String reason);
}
