package org.sekisho.maritime.domain.track;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.sekisho.maritime.domain.ais.AisMessage;
import org.sekisho.maritime.domain.encounter.Encounter;
import org.sekisho.maritime.domain.encounter.EncounterDetector;
import org.sekisho.maritime.domain.encounter.EncounterRules;
import org.sekisho.maritime.domain.encounter.ResampledPoint;
import org.sekisho.maritime.domain.encounter.TrackResampler;
import org.sekisho.maritime.domain.geo.Geo;
import org.sekisho.maritime.domain.port.PortArea;
import org.sekisho.maritime.domain.port.PortAreas;
import org.sekisho.maritime.domain.port.PortCall;
import org.sekisho.maritime.domain.vessel.ImoNumber;
import org.sekisho.maritime.domain.vessel.MidTable;
import org.sekisho.maritime.domain.vessel.VesselSnapshot;

/**
 * Follows every vessel in a stream of decoded AIS messages taken in event-time order, merges its
 * static data (types 5, 19, 24) and flag, and feeds the detectors incrementally: encounters (on a
 * resampled grid, see {@link EncounterDetector}), AIS gaps ({@link GapWatch}, open gaps evaluated
 * at each UTC midnight of event time and by {@link #evaluateOpenGaps}, each vessel on the reports
 * heard in its own waters, see {@link #watch}), loitering, and port calls.
 *
 * <p>Memory is bounded per vessel: its static data, last report, one resampling bracket, open
 * detector runs, and the grid points of the last {@code maxGap}. Messages older than a vessel's
 * last report are ignored for its track. Not thread-safe: one thread feeds it (readers take {@link
 * #snapshot} copies through the owner's own synchronisation).
 */
public final class VesselTracker {
  private static final long DAY_MS = 86_400_000L;

  /**
   * Tracker settings.
   *
   * @param increment encounter resampling grid (GFW: 10 min)
   * @param maxGap longest bracket interpolated (GFW: 70 min)
   * @param maxAdjacencyKm neighbour search radius (GFW: 1 km)
   * @param maxTrackedNeighbours nearest neighbours considered (GFW: 100)
   * @param encounters encounter limits per area
   * @param gaps gap threshold per area
   * @param loitering loitering limits per area
   * @param ports port areas for port calls
   * @param mergeInterval raw encounters of one pair closer than this are one meeting (GFW: 24 h)
   */
  public record Settings(
      Duration increment,
      Duration maxGap,
      double maxAdjacencyKm,
      int maxTrackedNeighbours,
      EncounterRules encounters,
      GapDetector.GapThreshold gaps,
      LoiteringRules loitering,
      PortAreas ports,
      Duration mergeInterval) {

    /** GFW parameters, no ports, gaps over 12 h and standard loitering everywhere. */
    public static Settings standard() {
      return new Settings(
          Duration.ofMinutes(10),
          Duration.ofSeconds(4200),
          1.0,
          100,
          EncounterRules.everywhere(EncounterRules.Limits.gfw()),
          GapDetector.GapThreshold.everywhere(Duration.ofHours(12)),
          LoiteringRules.everywhere(LoiteringRules.Limits.standard()),
          PortAreas.none(),
          Duration.ofHours(24));
    }

    /**
     * GFW parameters with port areas: port calls are detected there, and encounters, loitering and
     * gaps are not reported inside them (ports and anchorages are where ships meet, wait and switch
     * AIS off legitimately).
     */
    public static Settings standardOutside(PortAreas ports) {
      Settings s = standard();
      EncounterRules enc = s.encounters();
      GapDetector.GapThreshold gap = s.gaps();
      LoiteringRules loiter = s.loitering();
      return new Settings(
          s.increment(),
          s.maxGap(),
          s.maxAdjacencyKm(),
          s.maxTrackedNeighbours(),
          (lat, lon) -> ports.at(lat, lon).isPresent() ? Optional.empty() : enc.at(lat, lon),
          (lat, lon) -> ports.at(lat, lon).isPresent() ? Optional.empty() : gap.at(lat, lon),
          (lat, lon) -> ports.at(lat, lon).isPresent() ? Optional.empty() : loiter.at(lat, lon),
          ports,
          s.mergeInterval());
    }

    public Settings withPorts(PortAreas p) {
      return new Settings(
          increment,
          maxGap,
          maxAdjacencyKm,
          maxTrackedNeighbours,
          encounters,
          gaps,
          loitering,
          p,
          mergeInterval);
    }

    public Settings withEncounters(EncounterRules r) {
      return new Settings(
          increment,
          maxGap,
          maxAdjacencyKm,
          maxTrackedNeighbours,
          r,
          gaps,
          loitering,
          ports,
          mergeInterval);
    }

    public Settings withGaps(GapDetector.GapThreshold g) {
      return new Settings(
          increment,
          maxGap,
          maxAdjacencyKm,
          maxTrackedNeighbours,
          encounters,
          g,
          loitering,
          ports,
          mergeInterval);
    }

    public Settings withLoitering(LoiteringRules l) {
      return new Settings(
          increment,
          maxGap,
          maxAdjacencyKm,
          maxTrackedNeighbours,
          encounters,
          gaps,
          l,
          ports,
          mergeInterval);
    }
  }

  /** Mutable per-vessel state; never leaves the tracker (see {@link VesselSnapshot}). */
  private static final class Vessel {
    final int mmsi;
    final String id;
    final String flag;
    final TrackResampler.Track track;
    String name;
    int imo;
    String callSign;
    int shipType;
    String destination;
    long lastMs = Long.MIN_VALUE;
    double lat = Double.NaN;
    double lon = Double.NaN;
    double speed = Double.NaN;
    double course = Double.NaN;
    int navStatus = 15;
    // loitering episode
    long loiterStart = Long.MIN_VALUE;
    long loiterEnd;
    double loiterLat;
    double loiterSin;
    double loiterCos;
    double loiterSpeed;
    int loiterReports;
    LoiteringRules.Limits loiterLimits;
    // port state: null = at sea, else the port; known=false before the first position
    PortArea port;
    boolean portKnown;
    FishingGrounds grounds; // only for fishing vessels

    Vessel(int mmsi, String flag) {
      this.mmsi = mmsi;
      this.id = Integer.toString(mmsi);
      this.flag = flag;
      this.track = new TrackResampler.Track(id);
    }

    VesselSnapshot snapshot() {
      return new VesselSnapshot(
          mmsi,
          name,
          imo,
          callSign,
          shipType,
          destination,
          flag,
          lastMs == Long.MIN_VALUE ? null : Instant.ofEpochMilli(lastMs),
          lat,
          lon,
          speed,
          course,
          navStatus);
    }
  }

  private final Settings settings;
  private final TrackEvents events;
  // replaying stored reports at a restart: what they reveal was reported before the stop
  private boolean replaying;
  private final MidTable mids;
  private final Map<Integer, Vessel> vessels = new HashMap<>();
  private final TrackResampler resampler;
  private final EncounterDetector encounters;
  private final GapWatch gaps;
  private final Map<String, Long> lastMeetingEnd = new HashMap<>();
  private final List<Encounter> pendingEncounters = new ArrayList<>();
  private final boolean wantsPositions;
  private long watermark = Long.MIN_VALUE;
  // where silence is judged: the watched waters or the rest (set by the owner as they change)
  private GapWatch.Waters waters = GapWatch.Waters.ONE;
  private long nextGridCheck = Long.MIN_VALUE;
  private long messages;
  private long positions;

  public VesselTracker(Settings settings, MidTable mids, TrackEvents events) {
    this.settings = settings;
    this.events = events;
    this.mids = mids;
    this.resampler = new TrackResampler(settings.increment(), settings.maxGap());
    this.encounters =
        new EncounterDetector(
            settings.encounters(),
            settings.maxAdjacencyKm(),
            settings.maxTrackedNeighbours(),
            settings.maxGap().toMillis(),
            pendingEncounters::add);
    this.gaps = new GapWatch(settings.gaps(), g -> out().gap(g));
    this.wantsPositions = events.wantsPositions();
  }

  /**
   * Takes one decoded message received (or timestamped) at {@code epochMilli}. Messages that carry
   * neither a position nor static data only advance the clock.
   */
  public void message(AisMessage m, long epochMilli) {
    messages++;
    // where the report was heard: its position, else where its vessel was last (static data)
    double lat;
    double lon;
    switch (m) {
      case AisMessage.PositionReport p -> {
        lat = AisMessage.degrees(p.lat());
        lon = AisMessage.degrees(p.lon());
      }
      case AisMessage.ClassBPosition p -> {
        lat = AisMessage.degrees(p.lat());
        lon = AisMessage.degrees(p.lon());
      }
      case AisMessage.ExtendedClassBPosition p -> {
        lat = AisMessage.degrees(p.lat());
        lon = AisMessage.degrees(p.lon());
      }
      default -> {
        Vessel v = vessels.get(m.mmsi());
        lat = v == null ? Double.NaN : v.lat;
        lon = v == null ? Double.NaN : v.lon;
      }
    }
    advanceTo(epochMilli, lat, lon);
    switch (m) {
      case AisMessage.PositionReport p ->
          position(p.mmsi(), epochMilli, p.lat(), p.lon(), p.speed(), p.course(), p.status());
      case AisMessage.ClassBPosition p ->
          position(p.mmsi(), epochMilli, p.lat(), p.lon(), p.speed(), p.course(), 15);
      case AisMessage.ExtendedClassBPosition p -> {
        Vessel v = vessel(p.mmsi());
        v.name = text(p.shipname(), v.name);
        v.shipType = p.shiptype() != 0 ? p.shiptype() : v.shipType;
        position(p.mmsi(), epochMilli, p.lat(), p.lon(), p.speed(), p.course(), 15);
      }
      case AisMessage.StaticVoyageData s -> {
        Vessel v = vessel(s.mmsi());
        v.name = text(s.shipname(), v.name);
        v.callSign = text(s.callsign(), v.callSign);
        v.imo = ImoNumber.valid(s.imo()) ? s.imo() : v.imo; // AIS often carries junk IMOs
        v.shipType = s.shiptype() != 0 ? s.shiptype() : v.shipType;
        v.destination = text(s.destination(), v.destination);
      }
      case AisMessage.StaticDataReportA a -> {
        Vessel v = vessel(a.mmsi());
        v.name = text(a.shipname(), v.name);
      }
      case AisMessage.StaticDataReportB b -> {
        Vessel v = vessel(b.mmsi());
        v.callSign = text(b.callsign(), v.callSign);
        v.shipType = b.shiptype() != 0 ? b.shiptype() : v.shipType;
      }
      default -> {}
    }
  }

  /**
   * A position in AIS raw units (1/10000 minute, speed and course in tenths); unavailable values
   * (181°, 91°, 1023, 3600) are handled.
   */
  private void position(
      int mmsi, long ms, int rawLat, int rawLon, int rawSpeed, int rawCourse, int status) {
    double lat = AisMessage.degrees(rawLat);
    double lon = AisMessage.degrees(rawLon);
    if (!Geo.valid(lat, lon)) {
      return;
    }
    double speed = rawSpeed >= 1023 ? Double.NaN : rawSpeed / 10.0;
    double course = rawCourse >= 3600 ? Double.NaN : rawCourse / 10.0;
    position(mmsi, ms, lat, lon, speed, course, status);
  }

  /** Takes one position in degrees and knots (NaN speed or course when unknown). */
  public void position(
      int mmsi, long ms, double lat, double lon, double speed, double course, int status) {
    if (!Geo.valid(lat, lon)) {
      return;
    }
    advanceTo(ms, lat, lon);
    Vessel v = vessel(mmsi);
    if (ms <= v.lastMs) {
      return;
    }
    positions++;
    v.lastMs = ms;
    v.lat = lat;
    v.lon = lon;
    v.speed = speed;
    v.course = course;
    v.navStatus = status;
    resampler.add(v.track, ms, lat, lon, speed, this::grid);
    gaps.position(new PositionFix(v.id, Instant.ofEpochMilli(ms), lat, lon));
    loiter(v, ms, lat, lon, speed);
    port(v, ms, lat, lon);
    if (v.shipType == 30) {
      if (v.grounds == null) {
        v.grounds = new FishingGrounds(FishingGrounds.Parameters.standard());
      }
      if (v.grounds.report(ms, lat, lon, speed)) {
        out().unusualGrounds(v.snapshot());
      }
    }
    if (wantsPositions && !replaying) {
      events.position(v.snapshot());
    }
  }

  /** Where findings go: nowhere while stored reports are replayed. */
  private TrackEvents out() {
    return replaying ? TrackEvents.NONE : events;
  }

  private void grid(ResampledPoint p) {
    encounters.add(p);
  }

  /**
   * Moves event time forward: evaluates encounter grid times old enough, and open gaps at every UTC
   * midnight passed. Called by {@link #message}; call it on quiet feeds too (a time heard at no
   * known place: at midnight each vessel is judged at the newest report heard in its own waters,
   * see {@link #watch}).
   */
  public void advanceTo(long epochMilli) {
    advanceTo(epochMilli, Double.NaN, Double.NaN);
  }

  /**
   * Moves event time forward to a report heard at ({@code lat}, {@code lon}), NaN when not known.
   * The open gaps at a UTC midnight passed are judged, each vessel, at the newest report heard in
   * its own waters before midnight, or at midnight when this report, after it, was heard there: a
   * report from another water says nothing of whether the receivers of the vessel's waters still
   * hear.
   */
  private void advanceTo(long epochMilli, double lat, double lon) {
    if (epochMilli <= watermark) {
      return;
    }
    long previous = watermark;
    watermark = epochMilli;
    if (previous != Long.MIN_VALUE
        && Math.floorDiv(epochMilli, DAY_MS) > Math.floorDiv(previous, DAY_MS)) {
      gaps.evaluate(
          Instant.ofEpochMilli(Math.floorDiv(epochMilli, DAY_MS) * DAY_MS),
          waters,
          new PositionFix(
              "", Instant.ofEpochMilli(epochMilli), lat, lon, PositionFix.Receiver.UNKNOWN));
      lastMeetingEnd
          .values()
          .removeIf(end -> end < epochMilli - 2 * settings.mergeInterval().toMillis());
    }
    if (epochMilli >= nextGridCheck) {
      encounters.advanceTo(epochMilli);
      long inc = settings.increment().toMillis();
      nextGridCheck = (Math.floorDiv(epochMilli, inc) + 1) * inc;
      deliverEncounters();
    }
  }

  /**
   * Takes up the picture a previous tracker left (a restart), before the first message; see {@link
   * #restore(LastPicture, Consumer)} with no stored reports to replay.
   */
  public void restore(LastPicture picture) {
    restore(picture, each -> {});
  }

  /**
   * Takes up the picture a previous tracker left (a restart), before the first message, so that
   * later reports continue it as if the tracker had never stopped: each vessel's static data, the
   * meetings already reported (the same meeting is not reported again, see {@link
   * Settings#mergeInterval}), then the stored reports {@code recent} hands over replayed in event
   * order together with each vessel's last report, which rebuilds the open encounter and loitering
   * runs, the grid points waiting to be evaluated, port states and gaps as the reports left them.
   * Nothing found while replaying is reported (it was reported before the stop, or was under way):
   * a meeting or loitering under way at the stop is reported once, when it ends, from when it began
   * in event time. A vessel whose last report is older than every replayed one is taken up at it as
   * before (the next report is interpolated from it, one silent since is in a gap, one that was in
   * a port and is now at sea has departed). Runs that began before the first replayed report are
   * taken up from it; the fishing grounds learnt start afresh. The event-time watermark ends at the
   * newest report.
   *
   * @param recent hands each stored report, oldest first, to the consumer it is given; reports
   *     older than a vessel's previous one, or of no valid position, are skipped
   * @throws IllegalStateException when the tracker has taken a message or a picture already
   */
  public void restore(LastPicture picture, Consumer<Consumer<LastPicture.Report>> recent) {
    if (messages > 0 || !vessels.isEmpty() || !lastMeetingEnd.isEmpty()) {
      throw new IllegalStateException("a tracker takes up a picture only before anything else");
    }
    List<VesselSnapshot> last = new ArrayList<>();
    for (VesselSnapshot s : picture.vessels()) {
      if (s.lastSeen() == null || !Geo.valid(s.lat(), s.lon())) {
        continue;
      }
      // static data first: a fishing vessel's meetings and grounds depend on its type
      Vessel v = vessel(s.mmsi());
      v.name = s.name();
      v.imo = s.imo();
      v.callSign = s.callSign();
      v.shipType = s.shipType();
      v.destination = s.destination();
      last.add(s);
    }
    last.sort(
        java.util.Comparator.comparing(VesselSnapshot::lastSeen)
            .thenComparingInt(VesselSnapshot::mmsi));
    for (LastPicture.Meeting m : picture.meetings()) {
      lastMeetingEnd.merge(
          pair(Integer.toString(m.mmsi1()), Integer.toString(m.mmsi2())),
          m.end().toEpochMilli(),
          Math::max);
    }
    replaying = true;
    try {
      int[] next = {0};
      recent.accept(
          r -> {
            // each vessel's last report (with its navigational status) before a stored one at
            // the same time, which it then replaces
            while (next[0] < last.size() && !last.get(next[0]).lastSeen().isAfter(r.time())) {
              takeUp(last.get(next[0]++));
            }
            position(
                r.mmsi(),
                r.time().toEpochMilli(),
                r.lat(),
                r.lon(),
                r.speedKnots(),
                r.course(),
                15);
          });
      while (next[0] < last.size()) {
        takeUp(last.get(next[0]++));
      }
    } finally {
      replaying = false;
    }
    positions = 0;
  }

  /**
   * A vessel's last report: replayed as any report after earlier replayed ones; the first of its
   * vessel, taken up as it is (grid points up to it were yielded before the stop).
   */
  private void takeUp(VesselSnapshot s) {
    Vessel v = vessel(s.mmsi());
    long ms = s.lastSeen().toEpochMilli();
    if (v.lastMs != Long.MIN_VALUE) {
      position(s.mmsi(), ms, s.lat(), s.lon(), s.speedKnots(), s.course(), s.navStatus());
      return;
    }
    advanceTo(ms, s.lat(), s.lon());
    v.lastMs = ms;
    v.lat = s.lat();
    v.lon = s.lon();
    v.speed = s.speedKnots();
    v.course = s.course();
    v.navStatus = s.navStatus();
    resampler.resume(v.track, ms, v.lat, v.lon, v.speed);
    gaps.position(new PositionFix(v.id, s.lastSeen(), v.lat, v.lon));
    v.portKnown = true;
    v.port = settings.ports().at(v.lat, v.lon).orElse(null);
  }

  /**
   * Reports open gaps as of {@code now}, the time of the newest report heard (a live feed's event
   * time), at no known place: each vessel is judged at the newest report heard in its own waters
   * ({@link #watch}), never later than {@code now}; where every water is one, at {@code now}.
   */
  public void evaluateOpenGaps(Instant now) {
    gaps.evaluate(
        now,
        waters,
        new PositionFix("", now, Double.NaN, Double.NaN, PositionFix.Receiver.UNKNOWN));
  }

  /**
   * Sets the watched waters silence is judged in, at each midnight and by {@link
   * #evaluateOpenGaps}: a vessel last heard in them is silent only while reports go on being heard
   * there, one last heard elsewhere only while reports go on being heard elsewhere. {@link
   * GapWatch.Waters#ONE} (the default): every water is one.
   */
  public void watch(GapWatch.Waters waters) {
    this.waters = java.util.Objects.requireNonNull(waters);
  }

  /** End of input: evaluates everything pending and ends open encounter and loitering runs. */
  public void flush() {
    encounters.flush();
    deliverEncounters();
    for (Vessel v : vessels.values()) {
      endLoitering(v);
    }
  }

  private void deliverEncounters() {
    if (pendingEncounters.isEmpty()) {
      return;
    }
    for (Encounter e : pendingEncounters) {
      String pair = pair(e.vessel1(), e.vessel2());
      Long end = lastMeetingEnd.get(pair);
      long start = e.start().toEpochMilli();
      lastMeetingEnd.merge(pair, e.end().toEpochMilli(), Math::max);
      if (end != null && start - end < settings.mergeInterval().toMillis()) {
        continue; // the same meeting, already reported from the other side or earlier
      }
      VesselSnapshot v1 = snapshotOf(e.vessel1());
      VesselSnapshot v2 = snapshotOf(e.vessel2());
      // one report per meeting, of its most specific kind: a fishing vessel meeting one that is
      // not fishing is that encounter, told with what makes it worth more attention
      if (v1.fishing() && v2.knownNonFishing()) {
        out().fishingMeeting(e, v1, v2);
      } else if (v2.fishing() && v1.knownNonFishing()) {
        out().fishingMeeting(e, v2, v1);
      } else {
        out().encounter(e, v1, v2);
      }
    }
    pendingEncounters.clear();
  }

  /** One key per pair of vessels, whichever side found the meeting. */
  private static String pair(String id1, String id2) {
    return id1.compareTo(id2) < 0 ? id1 + "/" + id2 : id2 + "/" + id1;
  }

  private VesselSnapshot snapshotOf(String id) {
    Vessel v = vessels.get(Integer.parseInt(id));
    return v.snapshot();
  }

  private void loiter(Vessel v, long ms, double lat, double lon, double speed) {
    Optional<LoiteringRules.Limits> limits = settings.loitering().at(lat, lon);
    boolean slow =
        limits.isPresent() && !Double.isNaN(speed) && speed <= limits.get().maxSpeedKnots();
    if (v.loiterStart != Long.MIN_VALUE
        && (!slow || ms - v.loiterEnd > v.loiterLimits.maxSilence().toMillis())) {
      endLoitering(v);
    }
    if (!slow) {
      return;
    }
    if (v.loiterStart == Long.MIN_VALUE) {
      v.loiterStart = ms;
      v.loiterLimits = limits.get();
      v.loiterLat = 0;
      v.loiterSin = 0;
      v.loiterCos = 0;
      v.loiterSpeed = 0;
      v.loiterReports = 0;
    }
    v.loiterEnd = ms;
    v.loiterLat += lat;
    v.loiterSin += Math.sin(Math.toRadians(lon));
    v.loiterCos += Math.cos(Math.toRadians(lon));
    v.loiterSpeed += speed;
    v.loiterReports++;
  }

  private void endLoitering(Vessel v) {
    if (v.loiterStart == Long.MIN_VALUE) {
      return;
    }
    long start = v.loiterStart;
    v.loiterStart = Long.MIN_VALUE;
    if (v.loiterEnd - start < v.loiterLimits.minDuration().toMillis()) {
      return;
    }
    int n = v.loiterReports;
    out()
        .loitering(
            new Loitering(
                v.id,
                Instant.ofEpochMilli(start),
                Instant.ofEpochMilli(v.loiterEnd),
                v.loiterLat / n,
                Math.toDegrees(Math.atan2(v.loiterSin / n, v.loiterCos / n)),
                v.loiterSpeed / n,
                n));
  }

  private void port(Vessel v, long ms, double lat, double lon) {
    PortArea now = settings.ports().at(lat, lon).orElse(null);
    if (!v.portKnown) {
      v.portKnown = true;
      v.port = now; // where it was first seen: no movement known yet
      return;
    }
    if (now == null ? v.port == null : now.equals(v.port)) {
      return;
    }
    Instant t = Instant.ofEpochMilli(ms);
    if (v.port != null) {
      out().portCall(PortCall.of(PortCall.Direction.DEPARTURE, v.port, t, v.snapshot()));
    }
    if (now != null) {
      out().portCall(PortCall.of(PortCall.Direction.ARRIVAL, now, t, v.snapshot()));
    }
    v.port = now;
  }

  private Vessel vessel(int mmsi) {
    Vessel v = vessels.get(mmsi);
    if (v == null) {
      v = new Vessel(mmsi, mids.flag(mmsi).orElse(null));
      vessels.put(mmsi, v);
    }
    return v;
  }

  private static String text(String aisText, String previous) {
    if (aisText == null) {
      return previous;
    }
    String t = aisText.replace('@', ' ').strip();
    return t.isEmpty() ? previous : t;
  }

  /** A copy of one vessel's state, if it has been heard. */
  public Optional<VesselSnapshot> snapshot(int mmsi) {
    Vessel v = vessels.get(mmsi);
    return v == null ? Optional.empty() : Optional.of(v.snapshot());
  }

  /** Copies of every vessel heard with a position since {@code since} (null: all). */
  public List<VesselSnapshot> snapshots(Instant since) {
    long from = since == null ? Long.MIN_VALUE : since.toEpochMilli();
    List<VesselSnapshot> out = new ArrayList<>();
    for (Iterator<Vessel> it = vessels.values().iterator(); it.hasNext(); ) {
      Vessel v = it.next();
      if (v.lastMs != Long.MIN_VALUE && v.lastMs >= from) {
        out.add(v.snapshot());
      }
    }
    return out;
  }

  public long messages() {
    return messages;
  }

  public long positions() {
    return positions;
  }

  public int vesselCount() {
    return vessels.size();
  }

  /** Latest event time seen, or {@link Long#MIN_VALUE}. */
  public long watermark() {
    return watermark;
  }
}
