package org.sekisho.maritime.adapter.db;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.postgresql.PGConnection;
import org.sekisho.maritime.application.MaritimeRecords;
import org.sekisho.maritime.domain.patrol.AisContact;
import org.sekisho.maritime.domain.patrol.CameraSite;
import org.sekisho.maritime.domain.patrol.PatrolBoat;
import org.sekisho.maritime.domain.patrol.Sighting;
import org.sekisho.maritime.domain.port.PortCall;
import org.sekisho.maritime.domain.vessel.VesselSnapshot;

/**
 * {@link MaritimeRecords} in PostgreSQL schema {@code maritime}. Position partitions (one per UTC
 * day, {@code maritime.position_yyyymmdd}) are created on first use. Thread-safe.
 */
public final class JdbiMaritimeRecords implements MaritimeRecords {
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  private final Jdbi jdbi;
  private final Set<LocalDate> partitions = ConcurrentHashMap.newKeySet();

  public JdbiMaritimeRecords(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private static Instant instant(ResultSet rs, String col) throws SQLException {
    Timestamp t = rs.getTimestamp(col);
    return t == null ? null : t.toInstant();
  }

  private static Integer intOrNull(ResultSet rs, String col) throws SQLException {
    int v = rs.getInt(col);
    return rs.wasNull() ? null : v;
  }

  private static double dbl(ResultSet rs, String col) throws SQLException {
    double v = rs.getDouble(col);
    return rs.wasNull() ? Double.NaN : v;
  }

  private static Double nullable(double d) {
    return Double.isNaN(d) ? null : d;
  }

  /** The row being written holds a report at least as late as the one stored. */
  private static final String NEWER =
      "(vessel.last_seen is null or excluded.last_seen >= vessel.last_seen)";

  @Override
  public void saveVessels(List<VesselSnapshot> vessels) {
    jdbi.useHandle(
        h -> {
          PreparedBatch b =
              h.prepareBatch(
                  // the last report is the latest in event time: an older one (a feed's backlog)
                  // never replaces the place, speed, course or status of a newer one
                  "insert into maritime.vessel (mmsi, name, imo, call_sign, ship_type, destination,"
                      + " flag, last_seen, lat, lon, speed_knots, course, nav_status) values"
                      + " (:mmsi, :name, :imo, :cs, :type, :dest, :flag, :seen, :lat, :lon, :speed,"
                      + " :course, :status) on conflict (mmsi) do update set name ="
                      + " coalesce(excluded.name, vessel.name), imo = coalesce(excluded.imo,"
                      + " vessel.imo), call_sign = coalesce(excluded.call_sign, vessel.call_sign),"
                      + " ship_type = coalesce(excluded.ship_type, vessel.ship_type), destination"
                      + " = coalesce(excluded.destination, vessel.destination), flag ="
                      + " excluded.flag, last_seen = greatest(excluded.last_seen,"
                      + " vessel.last_seen), lat = case when "
                      + NEWER
                      + " then"
                      + " coalesce(excluded.lat, vessel.lat) else vessel.lat end, lon = case when "
                      + NEWER
                      + " then coalesce(excluded.lon, vessel.lon) else vessel.lon end,"
                      + " speed_knots = case when "
                      + NEWER
                      + " then excluded.speed_knots else"
                      + " vessel.speed_knots end, course = case when "
                      + NEWER
                      + " then"
                      + " excluded.course else vessel.course end, nav_status = case when "
                      + NEWER
                      + " then excluded.nav_status else vessel.nav_status end");
          for (VesselSnapshot v : vessels) {
            b.bind("mmsi", v.mmsi())
                .bind("name", v.name())
                .bind("imo", v.imo() == 0 ? null : v.imo())
                .bind("cs", v.callSign())
                .bind("type", v.shipType() == 0 ? null : v.shipType())
                .bind("dest", v.destination())
                .bind("flag", v.flag())
                .bind("seen", ts(v.lastSeen()))
                .bind("lat", nullable(v.lat()))
                .bind("lon", nullable(v.lon()))
                .bind("speed", nullable(v.speedKnots()))
                .bind("course", nullable(v.course()))
                .bind("status", v.lastSeen() == null ? null : v.navStatus())
                .add();
          }
          b.execute();
        });
  }

  @Override
  public void savePositions(List<StoredPosition> positions) {
    Set<LocalDate> days = new HashSet<>();
    for (StoredPosition p : positions) {
      days.add(p.time().atZone(ZoneOffset.UTC).toLocalDate());
    }
    for (LocalDate d : days) {
      ensurePartition(d);
    }
    // COPY in PostgreSQL's binary format: several times faster than batched inserts, and the
    // server parses no timestamp or number text
    byte[] rows = binaryCopy(positions);
    jdbi.useHandle(
        h -> {
          try {
            h.getConnection()
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn(
                    "copy maritime.position (mmsi, time, lat, lon, speed_knots, course) from stdin"
                        + " with (format binary)",
                    new ByteArrayInputStream(rows));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } catch (SQLException e) {
            throw new IllegalStateException("copy of positions failed: " + e.getMessage(), e);
          }
        });
  }

  /** Microseconds from the Unix epoch to PostgreSQL's epoch, 2000-01-01T00:00:00Z. */
  private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

  /**
   * Positions as a PostgreSQL binary COPY stream: signature, flags and extension length, then per
   * row the field count and each field as length + big-endian value (-1 for null), then -1.
   */
  static byte[] binaryCopy(List<StoredPosition> positions) {
    // 2 + 4+4 + 4+8 + 4 * (4+8) bytes per row
    ByteBuffer b = ByteBuffer.allocate(19 + positions.size() * 70 + 2);
    b.put(COPY_SIGNATURE).putInt(0).putInt(0);
    for (StoredPosition p : positions) {
      b.putShort((short) 6);
      b.putInt(4).putInt(p.mmsi());
      long micros =
          Math.multiplyExact(p.time().getEpochSecond(), 1_000_000L)
              + p.time().getNano() / 1000
              - PG_EPOCH_MICROS;
      b.putInt(8).putLong(micros);
      b.putInt(8).putDouble(p.lat());
      b.putInt(8).putDouble(p.lon());
      putNullable(b, p.speedKnots());
      putNullable(b, p.course());
    }
    b.putShort((short) -1);
    return Arrays.copyOf(b.array(), b.position());
  }

  private static final byte[] COPY_SIGNATURE = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0
  };

  private static void putNullable(ByteBuffer b, double d) {
    if (Double.isNaN(d)) {
      b.putInt(-1);
    } else {
      b.putInt(8).putDouble(d);
    }
  }

  private void ensurePartition(LocalDate day) {
    if (partitions.contains(day)) {
      return;
    }
    String name = "maritime.position_" + DAY.format(day);
    String from = day.toString();
    String to = day.plusDays(1).toString();
    jdbi.useHandle(
        h -> {
          // names and bounds come from a LocalDate, never from input text
          h.execute(
              "create table if not exists "
                  + name
                  + " partition of maritime.position for values from ('"
                  + from
                  + " 00:00:00+00') to ('"
                  + to
                  + " 00:00:00+00')");
          h.execute(
              "create index if not exists position_"
                  + DAY.format(day)
                  + "_mmsi on "
                  + name
                  + " (mmsi, time)");
          // BRIN on time: tiny and nearly free to maintain for an append-only stream
          h.execute(
              "create index if not exists position_"
                  + DAY.format(day)
                  + "_time on "
                  + name
                  + " using brin (time)");
        });
    partitions.add(day);
  }

  @Override
  public boolean saveAlert(Alert a) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "insert into maritime.alert (alert_key, kind, time, end_time, lat, lon,"
                            + " mmsi, other_mmsi, summary, status, facts) values (:key, :kind,"
                            + " :time, :end, :lat, :lon, :mmsi, :other, :summary, :status,"
                            + " cast(:facts as jsonb)) on conflict (alert_key) do nothing")
                    .bind("key", a.key())
                    .bind("kind", a.kind())
                    .bind("time", ts(a.time()))
                    .bind("end", ts(a.end()))
                    .bind("lat", nullable(a.lat()))
                    .bind("lon", nullable(a.lon()))
                    .bind("mmsi", a.mmsi())
                    .bind("other", a.otherMmsi())
                    .bind("summary", a.summary())
                    .bind("status", a.status())
                    .bind("facts", a.facts().isEmpty() ? null : factsJson(a.facts()))
                    .execute())
        > 0;
  }

  @Override
  public boolean savePortCall(PortCall c) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "insert into maritime.port_call (movement_id, mmsi, locode, port_name,"
                            + " direction, time) values (:id, :mmsi, :locode, :name, :dir, :time)"
                            + " on conflict (movement_id) do nothing")
                    .bind("id", c.movementId())
                    .bind("mmsi", c.vessel().mmsi())
                    .bind("locode", c.port().locode())
                    .bind("name", c.port().name())
                    .bind("dir", c.direction().code())
                    .bind("time", ts(c.time()))
                    .execute())
        > 0;
  }

  @Override
  public List<Alert> alerts(Instant since, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select * from maritime.alert where time >= :since order by time desc limit"
                        + " :limit")
                .bind("since", ts(since == null ? Instant.EPOCH : since))
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new Alert(
                            rs.getLong("id"),
                            rs.getString("alert_key"),
                            rs.getString("kind"),
                            instant(rs, "time"),
                            instant(rs, "end_time"),
                            dbl(rs, "lat"),
                            dbl(rs, "lon"),
                            intOrNull(rs, "mmsi"),
                            intOrNull(rs, "other_mmsi"),
                            rs.getString("summary"),
                            rs.getString("status"),
                            rs.getString("status_by"),
                            instant(rs, "status_at"),
                            facts(rs.getString("facts")),
                            rs.getString("status_note"),
                            rs.getInt("version")))
                .list());
  }

  @Override
  public Optional<Alert> alert(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from maritime.alert where id = :id")
                .bind("id", id)
                .map(
                    (rs, ctx) ->
                        new Alert(
                            rs.getLong("id"),
                            rs.getString("alert_key"),
                            rs.getString("kind"),
                            instant(rs, "time"),
                            instant(rs, "end_time"),
                            dbl(rs, "lat"),
                            dbl(rs, "lon"),
                            intOrNull(rs, "mmsi"),
                            intOrNull(rs, "other_mmsi"),
                            rs.getString("summary"),
                            rs.getString("status"),
                            rs.getString("status_by"),
                            instant(rs, "status_at"),
                            facts(rs.getString("facts")),
                            rs.getString("status_note"),
                            rs.getInt("version")))
                .findOne());
  }

  @Override
  public Optional<Alert> setAlertStatus(
      long id, int expectedVersion, String status, String by, Instant at, String note) {
    boolean changed =
        jdbi.inTransaction(
            h -> {
              // the row lock taken by the update keeps the history in the alert's version order
              String from =
                  h.createQuery(
                          "select status from maritime.alert where id = :id and version = :v for"
                              + " update")
                      .bind("id", id)
                      .bind("v", expectedVersion)
                      .mapTo(String.class)
                      .findOne()
                      .orElse(null);
              if (from == null) {
                return false;
              }
              h.createUpdate(
                      "update maritime.alert set status = :status, status_by = :by, status_at ="
                          + " :at, status_note = :note, version = version + 1 where id = :id")
                  .bind("status", status)
                  .bind("by", by)
                  .bind("at", ts(at))
                  .bind("note", note)
                  .bind("id", id)
                  .execute();
              h.createUpdate(
                      "insert into maritime.alert_status_change (alert_id, version, from_status,"
                          + " status, note, changed_by, changed_at) values (:id, :v, :from,"
                          + " :status, :note, :by, :at)")
                  .bind("id", id)
                  .bind("v", expectedVersion + 1)
                  .bind("from", from)
                  .bind("status", status)
                  .bind("note", note)
                  .bind("by", by)
                  .bind("at", ts(at))
                  .execute();
              return true;
            });
    return changed ? alert(id) : Optional.empty();
  }

  @Override
  public Map<Long, List<StatusChange>> alertHistories(java.util.Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<Long, List<StatusChange>> out = new java.util.HashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "select * from maritime.alert_status_change where alert_id = any(:ids) order"
                        + " by alert_id, version")
                .bind("ids", ids.toArray(new Long[0]))
                .map(
                    (rs, ctx) ->
                        new StatusChange(
                            rs.getLong("alert_id"),
                            rs.getInt("version"),
                            rs.getString("from_status"),
                            rs.getString("status"),
                            rs.getString("note"),
                            rs.getString("changed_by"),
                            instant(rs, "changed_at")))
                .forEach(
                    c ->
                        out.computeIfAbsent(c.alertId(), k -> new java.util.ArrayList<>()).add(c)));
    return out;
  }

  @Override
  public Optional<Instant> newestReport(Instant from, Instant to) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select max(time) from maritime.position where time between :from and :to")
                .bind("from", ts(from))
                .bind("to", ts(to))
                .map((rs, ctx) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .one());
  }

  @Override
  public Optional<Instant> newestReport(
      Instant from, Instant to, org.sekisho.maritime.domain.patrol.WatchedArea.Circle near) {
    // the latitude band narrows the rows; the great-circle distance (haversine, in nm) decides
    double dLat = near.radiusNm() / 60.0;
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select max(time) from maritime.position where time between :from and :to"
                        + " and lat between :minLat and :maxLat and 2 * 3440.065 * asin(least(1,"
                        + " sqrt(power(sin(radians(lat - :lat) / 2), 2) + cos(radians(lat))"
                        + " * cos(radians(:lat)) * power(sin(radians(lon - :lon) / 2), 2))))"
                        + " <= :r")
                .bind("from", ts(from))
                .bind("to", ts(to))
                .bind("minLat", near.lat() - dLat)
                .bind("maxLat", near.lat() + dLat)
                .bind("lat", near.lat())
                .bind("lon", near.lon())
                .bind("r", near.radiusNm())
                .map((rs, ctx) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .one());
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper FACTS =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private static String factsJson(Map<String, String> facts) {
    try {
      return FACTS.writeValueAsString(new java.util.TreeMap<>(facts));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> facts(String json) {
    if (json == null) {
      return Map.of();
    }
    try {
      return FACTS.readValue(
          json, new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {});
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("maritime.alert.facts: " + e.getMessage(), e);
    }
  }

  static VesselSnapshot vesselRow(ResultSet rs) throws SQLException {
    Integer imo = intOrNull(rs, "imo");
    Integer type = intOrNull(rs, "ship_type");
    // 15: "not defined", as AIS says it and as rows stored before the status was kept read
    Integer status = intOrNull(rs, "nav_status");
    return new VesselSnapshot(
        rs.getInt("mmsi"),
        rs.getString("name"),
        imo == null ? 0 : imo,
        rs.getString("call_sign"),
        type == null ? 0 : type,
        rs.getString("destination"),
        rs.getString("flag"),
        instant(rs, "last_seen"),
        dbl(rs, "lat"),
        dbl(rs, "lon"),
        dbl(rs, "speed_knots"),
        dbl(rs, "course"),
        status == null ? 15 : status);
  }

  @Override
  public List<VesselSnapshot> vessels(Instant since, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select * from maritime.vessel where last_seen >= :since order by last_seen"
                        + " desc limit :limit")
                .bind("since", ts(since == null ? Instant.EPOCH : since))
                .bind("limit", limit)
                .map((rs, ctx) -> vesselRow(rs))
                .list());
  }

  @Override
  public Optional<VesselSnapshot> vessel(int mmsi) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from maritime.vessel where mmsi = :mmsi")
                .bind("mmsi", mmsi)
                .map((rs, ctx) -> vesselRow(rs))
                .findOne());
  }

  @Override
  public List<StoredPosition> track(int mmsi, Instant from, Instant to, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select * from maritime.position where mmsi = :mmsi and time >= :from and"
                        + " time < :to order by time limit :limit")
                .bind("mmsi", mmsi)
                .bind("from", ts(from))
                .bind("to", ts(to))
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new StoredPosition(
                            rs.getInt("mmsi"),
                            instant(rs, "time"),
                            rs.getDouble("lat"),
                            rs.getDouble("lon"),
                            dbl(rs, "speed_knots"),
                            dbl(rs, "course")))
                .list());
  }

  @Override
  public Optional<StoredPosition> lastPosition(int mmsi, Instant atOrBefore) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select * from maritime.position where mmsi = :mmsi and time <= :at order by"
                        + " time desc limit 1")
                .bind("mmsi", mmsi)
                .bind("at", ts(atOrBefore))
                .map(
                    (rs, ctx) ->
                        new StoredPosition(
                            rs.getInt("mmsi"),
                            instant(rs, "time"),
                            rs.getDouble("lat"),
                            rs.getDouble("lon"),
                            dbl(rs, "speed_knots"),
                            dbl(rs, "course")))
                .findOne());
  }

  @Override
  public List<StoredPortCall> portCalls(Integer mmsi, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select * from maritime.port_call where (cast(:mmsi as integer) is null or"
                        + " mmsi = :mmsi) order by time desc limit :limit")
                .bind("mmsi", mmsi)
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new StoredPortCall(
                            rs.getString("movement_id"),
                            rs.getInt("mmsi"),
                            rs.getString("locode"),
                            rs.getString("port_name"),
                            rs.getString("direction"),
                            instant(rs, "time")))
                .list());
  }

  @Override
  public List<AisContact> contacts(
      Instant from, Instant to, double minLat, double maxLat, double minLon, double maxLon) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select mmsi, time, lat, lon from maritime.position where time between :from"
                        + " and :to and lat between :minLat and :maxLat and lon between :minLon"
                        + " and :maxLon")
                .bind("from", ts(from))
                .bind("to", ts(to))
                .bind("minLat", minLat)
                .bind("maxLat", maxLat)
                .bind("minLon", minLon)
                .bind("maxLon", maxLon)
                .map(
                    (rs, ctx) ->
                        new AisContact(
                            rs.getInt("mmsi"),
                            instant(rs, "time"),
                            rs.getDouble("lat"),
                            rs.getDouble("lon")))
                .list());
  }

  @Override
  public void saveSite(CameraSite s) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into maritime.camera_site (id, name, lat, lon, bearing_deg, fov_deg,"
                        + " range_nm) values (:id, :name, :lat, :lon, :b, :f, :r) on conflict (id)"
                        + " do update set name = excluded.name, lat = excluded.lat, lon ="
                        + " excluded.lon, bearing_deg = excluded.bearing_deg, fov_deg ="
                        + " excluded.fov_deg, range_nm = excluded.range_nm")
                .bind("id", s.id())
                .bind("name", s.name())
                .bind("lat", s.lat())
                .bind("lon", s.lon())
                .bind("b", s.bearingDeg())
                .bind("f", s.fovDeg())
                .bind("r", s.rangeNm())
                .execute());
  }

  @Override
  public List<CameraSite> sites() {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from maritime.camera_site order by id")
                .map(
                    (rs, ctx) ->
                        new CameraSite(
                            rs.getString("id"),
                            rs.getString("name"),
                            rs.getDouble("lat"),
                            rs.getDouble("lon"),
                            rs.getDouble("bearing_deg"),
                            rs.getDouble("fov_deg"),
                            rs.getDouble("range_nm")))
                .list());
  }

  @Override
  public long saveSighting(
      Sighting s,
      double lat,
      double lon,
      Integer matched,
      boolean dark,
      boolean checked,
      Instant aisLastReport) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "insert into maritime.sighting (site_id, time, lat, lon, bearing_deg, size_m,"
                        + " vessel_type, image_ref, matched_mmsi, dark, checked, ais_last_report)"
                        + " values (:site, :time, :lat, :lon, :bearing, :size, :type, :image,"
                        + " :matched, :dark, :checked, :last)")
                .bind("site", s.siteId())
                .bind("time", ts(s.time()))
                .bind("lat", lat)
                .bind("lon", lon)
                .bind("bearing", nullable(s.bearingDeg()))
                .bind("size", nullable(s.sizeM()))
                .bind("type", s.vesselType())
                .bind("image", s.imageRef())
                .bind("matched", matched)
                .bind("dark", dark)
                .bind("checked", checked)
                .bind("last", aisLastReport == null ? null : ts(aisLastReport))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  @Override
  public List<StoredSighting> sightings(int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select * from maritime.sighting order by time desc, id desc limit :limit")
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new StoredSighting(
                            rs.getLong("id"),
                            rs.getString("site_id"),
                            instant(rs, "time"),
                            rs.getDouble("lat"),
                            rs.getDouble("lon"),
                            dbl(rs, "bearing_deg"),
                            dbl(rs, "size_m"),
                            rs.getString("vessel_type"),
                            rs.getString("image_ref"),
                            intOrNull(rs, "matched_mmsi"),
                            rs.getBoolean("dark"),
                            rs.getBoolean("checked"),
                            instant(rs, "ais_last_report")))
                .list());
  }

  @Override
  public boolean savePatrol(PatrolBoat b) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "insert into maritime.patrol_position (boat_id, name, time, lat, lon,"
                            + " speed_knots, max_speed_knots) values (:id, :name, :time, :lat,"
                            + " :lon, :speed, :max) on conflict (boat_id) do update set name ="
                            + " excluded.name, time = excluded.time, lat = excluded.lat, lon ="
                            + " excluded.lon, speed_knots = excluded.speed_knots,"
                            + " stood_down_at = null, stood_down_by = null, stood_down_reason ="
                            + " null, max_speed_knots"
                            + " = coalesce(excluded.max_speed_knots,"
                            + " patrol_position.max_speed_knots) where patrol_position.time <="
                            + " excluded.time")
                    .bind("id", b.id())
                    .bind("name", b.name())
                    .bind("time", ts(b.time()))
                    .bind("lat", b.lat())
                    .bind("lon", b.lon())
                    .bind("speed", b.speedKnots())
                    .bind("max", nullable(b.maxSpeedKnots()))
                    .execute())
        > 0;
  }

  @Override
  public List<PatrolBoat> patrols() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select * from maritime.patrol_position where stood_down_at is null order by"
                        + " boat_id")
                .map(
                    (rs, ctx) ->
                        new PatrolBoat(
                            rs.getString("boat_id"),
                            rs.getString("name"),
                            instant(rs, "time"),
                            rs.getDouble("lat"),
                            rs.getDouble("lon"),
                            rs.getDouble("speed_knots"),
                            dbl(rs, "max_speed_knots")))
                .list());
  }

  @Override
  public List<String> patrolIds() {
    return jdbi.withHandle(
        h ->
            h.createQuery("select boat_id from maritime.patrol_position order by boat_id")
                .mapTo(String.class)
                .list());
  }

  @Override
  public boolean standDownPatrol(String id, String by, Instant at, String reason) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "update maritime.patrol_position set stood_down_at = :at, stood_down_by ="
                            + " :by, stood_down_reason = :reason where boat_id = :id and"
                            + " stood_down_at is null")
                    .bind("id", id)
                    .bind("by", by)
                    .bind("at", ts(at))
                    .bind("reason", reason)
                    .execute())
        > 0;
  }
}
