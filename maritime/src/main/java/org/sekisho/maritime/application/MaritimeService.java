package org.sekisho.maritime.application;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.sekisho.core.Outcome;
import org.sekisho.maritime.domain.encounter.Encounter;
import org.sekisho.maritime.domain.geo.Passages;
import org.sekisho.maritime.domain.patrol.AisContact;
import org.sekisho.maritime.domain.patrol.AlertRanking;
import org.sekisho.maritime.domain.patrol.CameraSite;
import org.sekisho.maritime.domain.patrol.DarkVesselCheck;
import org.sekisho.maritime.domain.patrol.Intercept;
import org.sekisho.maritime.domain.patrol.PatrolBoat;
import org.sekisho.maritime.domain.patrol.PatrolTasking;
import org.sekisho.maritime.domain.patrol.Sighting;
import org.sekisho.maritime.domain.patrol.WatchedArea;
import org.sekisho.maritime.domain.port.PortCall;
import org.sekisho.maritime.domain.time.ReportedTime;
import org.sekisho.maritime.domain.track.AisGap;
import org.sekisho.maritime.domain.track.Loitering;
import org.sekisho.maritime.domain.track.TrackEvents;
import org.sekisho.maritime.domain.track.VesselTracker;
import org.sekisho.maritime.domain.vessel.MidTable;
import org.sekisho.maritime.domain.vessel.VesselSnapshot;

/**
 * The live maritime picture: one {@link VesselTracker} fed by any number of AIS streams (replayed
 * files, TCP and UDP feeds; serialised on one lock), whose findings become stored alerts and port
 * calls (port calls also go to {@link ConveyanceMovements}); camera sightings checked for dark
 * vessels; patrol boats; ranked alerts. Positions and vessel data are written in batches by {@link
 * #sync}. Thread-safe.
 */
public final class MaritimeService {
  private static final int POSITION_BATCH = 10_000;

  /** Vessel rows are refreshed at most this often during a busy ingest (milliseconds). */
  private static final long VESSEL_SYNC_MS = 2000;

  /**
   * A ranked alert with the boats that could respond.
   *
   * @param asOf the picture's time the score and open alerts' lengths are reckoned at
   * @param target where the boats' distances and ETAs are reckoned to, or null for an alert without
   *     a place
   * @param taskAt the one time base the boats' positions and the target's are aged at: the latest
   *     of the picture's time and the boats' newest report (a boat reported now, sent to a vessel
   *     heard four hours ago, sees that the vessel's position is four hours old)
   */
  public record RankedAlert(
      MaritimeRecords.Alert alert,
      double score,
      Boats boats,
      Instant asOf,
      Target target,
      Instant taskAt) {
    /** The three boats that could arrive first (worked out when first asked, then kept). */
    public List<PatrolTasking.Option> nearestBoats() {
      return boats.get();
    }
  }

  /**
   * An alert's nearest boats, found when first asked: a passage round the land is a search, and a
   * list of a thousand alerts shows a page of them.
   */
  public static final class Boats {
    private final java.util.function.Supplier<List<PatrolTasking.Option>> find;
    private List<PatrolTasking.Option> found;

    Boats(java.util.function.Supplier<List<PatrolTasking.Option>> find) {
      this.find = find;
    }

    synchronized List<PatrolTasking.Option> get() {
      if (found == null) {
        found = List.copyOf(find.get());
      }
      return found;
    }
  }

  /**
   * How old the picture of the watched waters is ({@link #watchedArea}).
   *
   * @param asOf the newest report heard from the watched waters (event time), null when none was
   * @param age from then to the server's clock (zero when a report is a little ahead of the clock),
   *     null when nothing was heard there
   * @param stale no report from the watched waters for longer than {@link #STALE_PICTURE} (or none
   *     at all): the feed covering them may be down, whatever is heard elsewhere
   * @param area the watched waters
   * @param outside vessels heard outside the watched waters (not on the picture)
   * @param newestOutside the newest report heard outside them, null when none
   */
  public record Picture(
      Instant asOf,
      Duration age,
      boolean stale,
      WatchedArea area,
      int outside,
      Instant newestOutside) {}

  /** With no report for longer than this, the picture is flagged stale. */
  public static final Duration STALE_PICTURE = Duration.ofMinutes(15);

  /**
   * Where to send a boat for an alert: the vessel's latest position at the picture's time while the
   * alert is not closed and the vessel has reported since it began (a boat sent to where a meeting
   * began an hour ago finds empty sea), else the alert's own place.
   *
   * @param mmsi the vessel whose position it is, or null for the alert's own place
   * @param time when the vessel was there (its report's event time), or the alert's time
   * @param speedKnots the vessel's speed over ground at that report (NaN when not known or for an
   *     alert's own place)
   * @param course its course over ground, degrees true (NaN or 360 when not known)
   */
  public record Target(
      double lat, double lon, Instant time, Integer mmsi, double speedKnots, double course) {
    /** An alert's own place: no vessel, no motion. */
    Target(double lat, double lon, Instant time) {
      this(lat, lon, time, null, Double.NaN, Double.NaN);
    }
  }

  /**
   * After a restart the tracker takes up the vessels last heard within this of the newest stored
   * report: four times the live list's default window, and longer than the default AIS gap
   * threshold, so that a vessel silent since before the restart is still found in a gap.
   */
  public static final Duration RESTORED_WINDOW = Duration.ofDays(1);

  /**
   * How much of the stored track a restart replays before the newest stored report, to take up the
   * encounter and loitering runs open when it stopped (and the grid points the encounter detector
   * had still to evaluate, up to {@code maxGap} behind): a run that began within it is reported as
   * if the server had never stopped, one that began earlier from the window's start.
   */
  public static final Duration RESTORED_RUNS = Duration.ofHours(6);

  /** A patrol boat's position older than this at the picture's time is not offered for tasking. */
  public static final Duration STALE_PATROL = Duration.ofHours(6);

  private final Passages passages;

  /**
   * What one live feed (or all uploads) has brought in since the server started.
   *
   * @param broken broken sentences per problem code
   */
  public record FeedStats(
      String feed, long lines, long messages, long skipped, Map<String, Long> broken) {}

  /**
   * Told of each running feed count as it comes into being: a feed's lines, messages and skipped
   * lines when the feed is first heard, its broken sentences per problem code when the first one
   * comes. Called on the ingesting thread, once per count (at most twice when it is registered
   * while that feed starts); {@code value} reads the count at any time from any thread.
   */
  @FunctionalInterface
  public interface FeedCountWatcher {
    /**
     * @param count {@code lines}, {@code messages}, {@code skipped} or {@code broken}
     * @param problem the broken sentences' problem code, null for the other counts
     */
    void count(String feed, String count, String problem, java.util.function.LongSupplier value);
  }

  /** The outcome of a sighting: its id and the check's result. */
  public record SightingResult(long id, DarkVesselCheck.Result result) {}

  private final MaritimeRecords records;
  private final ConveyanceMovements movements;
  private final Clock clock;
  private final VesselTracker tracker;
  private final DarkVesselCheck darkCheck;
  private final AlertRanking ranking = new AlertRanking(Duration.ofHours(12));
  private final Object lock = new Object();
  private final List<MaritimeRecords.StoredPosition> positions = new ArrayList<>();
  private final Set<Integer> dirty = new HashSet<>();
  private final java.util.Map<Integer, Long> lastStored = new java.util.HashMap<>();
  private final long storeEveryMs;
  // meetings the tracker remembers (twice the merge interval, as it keeps them)
  private final Duration meetingsRemembered;
  private final List<Runnable> pendingWrites = new ArrayList<>();
  private long lastVesselSync = System.nanoTime();
  // one writer keeps batches in order; virtual, so it never holds the JVM open
  private final ExecutorService writer =
      Executors.newSingleThreadExecutor(Thread.ofVirtual().name("maritime-writer").factory());
  private final Semaphore inFlight = new Semaphore(2);
  // whose input the tracker is reading (guarded by lock): port calls it reveals belong to them
  private ConveyanceMovements.Origin current = ConveyanceMovements.Origin.FEED;
  private final Map<String, FeedCounter> feeds = new java.util.concurrent.ConcurrentHashMap<>();
  private final List<FeedCountWatcher> watchers = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Live counts of one feed: messages and broken sentences as they come, lines per stream end. */
  private static final class FeedCounter {
    final java.util.concurrent.atomic.AtomicLong lines =
        new java.util.concurrent.atomic.AtomicLong();
    final java.util.concurrent.atomic.AtomicLong messages =
        new java.util.concurrent.atomic.AtomicLong();
    final java.util.concurrent.atomic.AtomicLong skipped =
        new java.util.concurrent.atomic.AtomicLong();
    final Map<String, java.util.concurrent.atomic.LongAdder> broken =
        new java.util.concurrent.ConcurrentHashMap<>();
  }

  public MaritimeService(
      MaritimeRecords records,
      ConveyanceMovements movements,
      Clock clock,
      VesselTracker.Settings settings,
      DarkVesselCheck darkCheck) {
    this(records, movements, clock, settings, darkCheck, Duration.ZERO, Passages.STRAIGHT);
  }

  /**
   * @param storeEvery store a vessel's position only when at least this much later than the last
   *     one stored for it (zero: store every report); the detectors always see every report
   * @param passages how a patrol boat gets to an alert's position (by sea, round the land, where
   *     the server has a land map)
   */
  public MaritimeService(
      MaritimeRecords records,
      ConveyanceMovements movements,
      Clock clock,
      VesselTracker.Settings settings,
      DarkVesselCheck darkCheck,
      Duration storeEvery,
      Passages passages) {
    this.passages = passages;
    this.storeEveryMs = storeEvery.toMillis();
    this.records = records;
    this.movements = movements;
    this.clock = clock;
    this.darkCheck = darkCheck;
    this.tracker = new VesselTracker(settings, MidTable.standard(), new Sink());
    this.meetingsRemembered = settings.mergeInterval().multipliedBy(2);
  }

  /**
   * Takes up the picture the store kept (a restart), before any feed is read: the vessels heard
   * within {@link #RESTORED_WINDOW} of the newest stored report show in {@link #liveVessels} as
   * they were, later reports continue their tracks, meetings reported before are not reported
   * again, and the stored reports of the last {@link #RESTORED_RUNS} are replayed (reporting
   * nothing) so that a meeting or loitering under way at the stop is reported when it ends, from
   * when it began, as if the server had never stopped (see {@link VesselTracker}'s {@code
   * restore}). Findings the tracker makes again after a restart (an open gap it had reported) are
   * the same alert, with the same key, which the store refuses to keep twice ({@link
   * MaritimeRecords#saveAlert}).
   *
   * @return how many vessels were taken up
   * @throws IllegalStateException when a feed has been read already
   */
  public int restore(StoredPicture store) {
    // rows stored before reports ahead of the clock were refused must not set the picture's time
    org.sekisho.maritime.domain.track.LastPicture picture =
        store.last(clock.instant().plus(ReportedTime.SKEW), RESTORED_WINDOW, meetingsRemembered);
    Optional<Instant> newest = picture.newest();
    // the midnights the replay passes are judged as the tracker before the stop judged them
    watchTheWatchedWaters();
    synchronized (lock) {
      tracker.restore(
          picture, each -> newest.ifPresent(n -> store.reports(n.minus(RESTORED_RUNS), n, each)));
      return tracker.vesselCount();
    }
  }

  /** Turns tracker findings into writes (run by {@link #sync}, outside the tracker's lock). */
  private final class Sink implements TrackEvents {
    @Override
    public boolean wantsPositions() {
      return true;
    }

    @Override
    public void position(VesselSnapshot v) {
      dirty.add(v.mmsi());
      long ms = v.lastSeen().toEpochMilli();
      Long last = lastStored.get(v.mmsi());
      if (last != null && ms - last < storeEveryMs) {
        return; // thinned: detectors saw it, the stored track does not need it
      }
      lastStored.put(v.mmsi(), ms);
      positions.add(
          new MaritimeRecords.StoredPosition(
              v.mmsi(), v.lastSeen(), v.lat(), v.lon(), v.speedKnots(), v.course()));
    }

    @Override
    public void encounter(Encounter e, VesselSnapshot a, VesselSnapshot b) {
      String pair = pairKey(e.vessel1(), e.vessel2());
      String summary =
          String.format(
              Locale.ROOT,
              "%s and %s within %.2f nm for %d min",
              label(a),
              label(b),
              // nautical miles, as every distance on the picture (the detector works in km)
              e.medianDistanceKm() / 1.852,
              e.duration().toMinutes());
      later(
          alert(
              "encounter-" + pair + "-" + e.start().getEpochSecond(),
              "encounter",
              e.start(),
              e.end(),
              e.meanLat(),
              e.meanLon(),
              a.mmsi(),
              b.mmsi(),
              summary));
    }

    @Override
    public void fishingMeeting(Encounter e, VesselSnapshot fishing, VesselSnapshot other) {
      later(
          alert(
              "fishing-" + pairKey(e.vessel1(), e.vessel2()) + "-" + e.start().getEpochSecond(),
              "fishing-meeting",
              e.start(),
              e.end(),
              e.meanLat(),
              e.meanLon(),
              fishing.mmsi(),
              other.mmsi(),
              // the meeting's only alert: as much said of it as an encounter's
              String.format(
                  Locale.ROOT,
                  "fishing vessel %s met %s within %.2f nm for %d min",
                  label(fishing),
                  label(other),
                  e.medianDistanceKm() / 1.852,
                  e.duration().toMinutes())));
    }

    @Override
    public void gap(AisGap g) {
      int mmsi = Integer.parseInt(g.vesselId());
      String state = g.open() ? "open" : "closed";
      later(
          alert(
              "gap-" + mmsi + "-" + g.off().time().getEpochSecond() + "-" + state,
              "gap",
              g.off().time(),
              g.open() ? null : g.on().time(),
              g.off().lat(),
              g.off().lon(),
              mmsi,
              null,
              gapSummary(g)));
    }

    @Override
    public void unusualGrounds(VesselSnapshot v) {
      later(
          alert(
              "grounds-" + v.mmsi() + "-" + v.lastSeen().getEpochSecond(),
              "unusual-grounds",
              v.lastSeen(),
              null,
              v.lat(),
              v.lon(),
              v.mmsi(),
              null,
              "fishing vessel " + label(v) + " fishing away from its usual grounds"));
    }

    @Override
    public void loitering(Loitering l) {
      int mmsi = Integer.parseInt(l.vesselId());
      later(
          alert(
              "loitering-" + mmsi + "-" + l.start().getEpochSecond(),
              "loitering",
              l.start(),
              l.end(),
              l.meanLat(),
              l.meanLon(),
              mmsi,
              null,
              String.format(
                  Locale.ROOT,
                  "loitering %d min at %.1f kn",
                  l.duration().toMinutes(),
                  l.meanSpeedKnots())));
    }

    @Override
    public void portCall(PortCall c) {
      ConveyanceMovements.Origin origin = current;
      later(
          () -> {
            if (records.savePortCall(c)) {
              movements.record(c, origin);
              records.saveAlert(
                  new MaritimeRecords.Alert(
                      0,
                      "port-call-" + c.movementId(),
                      "port-call",
                      c.time(),
                      null,
                      c.vessel().lat(),
                      c.vessel().lon(),
                      c.vessel().mmsi(),
                      null,
                      label(c.vessel())
                          + " "
                          + c.direction().code()
                          + " "
                          + c.port().name()
                          + " ("
                          + c.port().locode()
                          + ")",
                      "open",
                      null,
                      null,
                      Map.of(
                          "direction",
                          c.direction().code(),
                          "port",
                          c.port().name(),
                          "locode",
                          c.port().locode())));
            }
          });
    }
  }

  /**
   * A gap in words: who, and for how long when it is closed. An open gap's length keeps growing, so
   * it is given from its start (readers work out the length as of the picture's time).
   */
  private String gapSummary(AisGap g) {
    int mmsi = Integer.parseInt(g.vesselId());
    String who = tracker.snapshot(mmsi).map(MaritimeService::label).orElse("MMSI " + mmsi);
    return g.open()
        ? who + " silent on AIS since " + g.off().time()
        : who + " silent on AIS for " + duration(g.silence());
  }

  /** A duration as people read it: "2 d 3 h", "5 h 10 min", "45 min". */
  public static String duration(Duration d) {
    long min = Math.max(0, d.toMinutes());
    if (min >= 24 * 60) {
      return (min / (24 * 60)) + " d " + (min % (24 * 60)) / 60 + " h";
    }
    if (min >= 60) {
      return (min / 60) + " h " + (min % 60) + " min";
    }
    return min + " min";
  }

  private static String pairKey(String a, String b) {
    return a.compareTo(b) < 0 ? a + "-" + b : b + "-" + a;
  }

  private static String label(VesselSnapshot v) {
    return (v.name() == null ? "MMSI " + v.mmsi() : v.name() + " (" + v.mmsi() + ")");
  }

  private Runnable alert(
      String key,
      String kind,
      Instant time,
      Instant end,
      double lat,
      double lon,
      Integer mmsi,
      Integer other,
      String summary) {
    return () ->
        records.saveAlert(
            new MaritimeRecords.Alert(
                0, key, kind, time, end, lat, lon, mmsi, other, summary, "open"));
  }

  private void later(Runnable write) {
    pendingWrites.add(write);
  }

  /**
   * Feeds one NMEA stream of the administration's own feeds (live socket, demo, command line) to
   * the tracker; see {@link #ingest(InputStream, ConveyanceMovements.Origin, String)}.
   */
  public DecodeAisStream.Summary ingest(InputStream in) throws IOException {
    return ingest(in, ConveyanceMovements.Origin.FEED, "feed");
  }

  /**
   * Feeds one NMEA stream (file, socket) to the tracker until it ends; writes in batches as it
   * goes. Sentences without a time take the clock's; a receive time before 2000 or ahead of the
   * clock (beyond {@link ReportedTime#SKEW}) makes its sentence broken, so that it never moves a
   * vessel's clock. Counts go to {@link #feedStats} under {@code feed}.
   *
   * @param origin whose input this is: port calls it reveals are recorded as theirs
   * @param feed name the stream's counts are kept under (a live feed's address, "upload")
   */
  public DecodeAisStream.Summary ingest(
      InputStream in, ConveyanceMovements.Origin origin, String feed) throws IOException {
    FeedCounter counter = counter(feed);
    watchTheWatchedWaters();
    DecodeAisStream.Summary s =
        new DecodeAisStream(5, b -> broken(feed, counter, b.problem().code()).increment())
            .run(
                in,
                (m, channel, epochSecond) -> {
                  long ms =
                      epochSecond == org.sekisho.maritime.domain.nmea.AivdmReader.NO_TIME
                          ? clock.millis()
                          : epochSecond * 1000L;
                  counter.messages.incrementAndGet();
                  boolean full;
                  synchronized (lock) {
                    current = origin;
                    tracker.message(m, ms);
                    current = ConveyanceMovements.Origin.FEED;
                    full = positions.size() >= POSITION_BATCH;
                  }
                  if (full) {
                    writeBehind();
                  }
                },
                t -> ReportedTime.check("time", Instant.ofEpochSecond(t), clock.instant()));
    sync();
    counter.lines.addAndGet(s.lines());
    counter.skipped.addAndGet(s.skipped());
    return s;
  }

  /**
   * Tells {@code w} of every running feed count: those there already, now, and each new one as it
   * comes. For exporting the counts as metrics.
   */
  public void watchFeedCounts(FeedCountWatcher w) {
    watchers.add(w);
    feeds.forEach(
        (feed, c) -> {
          announce(w, feed, c);
          c.broken.forEach((code, n) -> w.count(feed, "broken", code, n::sum));
        });
  }

  private static void announce(FeedCountWatcher w, String feed, FeedCounter c) {
    w.count(feed, "lines", null, c.lines::get);
    w.count(feed, "messages", null, c.messages::get);
    w.count(feed, "skipped", null, c.skipped::get);
  }

  /** The feed's counter, announced to the watchers when it is new. */
  private FeedCounter counter(String feed) {
    FeedCounter c = feeds.get(feed);
    if (c == null) {
      FeedCounter fresh = new FeedCounter();
      c = feeds.putIfAbsent(feed, fresh);
      if (c == null) {
        c = fresh;
        for (FeedCountWatcher w : watchers) {
          announce(w, feed, fresh);
        }
      }
    }
    return c;
  }

  /** The count of one problem's broken sentences, announced to the watchers when it is new. */
  private java.util.concurrent.atomic.LongAdder broken(String feed, FeedCounter c, String code) {
    var n = c.broken.get(code);
    if (n == null) {
      var fresh = new java.util.concurrent.atomic.LongAdder();
      n = c.broken.putIfAbsent(code, fresh);
      if (n == null) {
        n = fresh;
        var count = fresh;
        for (FeedCountWatcher w : watchers) {
          w.count(feed, "broken", code, count::sum);
        }
      }
    }
    return n;
  }

  /**
   * Counts per feed since the service started, by feed name: messages and broken sentences as they
   * come, lines and skipped lines when a stream ends (a connection closes, an upload ends).
   */
  public List<FeedStats> feedStats() {
    List<FeedStats> out = new ArrayList<>();
    feeds.forEach(
        (name, c) -> {
          Map<String, Long> broken = new java.util.TreeMap<>();
          c.broken.forEach((k, v) -> broken.put(k, v.sum()));
          out.add(
              new FeedStats(
                  name,
                  c.lines.get(),
                  c.messages.get(),
                  c.skipped.get(),
                  java.util.Collections.unmodifiableMap(broken)));
        });
    out.sort(Comparator.comparing(FeedStats::feed));
    return out;
  }

  /**
   * End of a finite input of the administration's own feeds; see {@link
   * #endOfInput(ConveyanceMovements.Origin)}.
   */
  public void endOfInput() {
    endOfInput(ConveyanceMovements.Origin.FEED);
  }

  /**
   * End of a finite input (a replay): ends open runs so their alerts are raised, then syncs. The
   * end of a recording is not a vessel going dark: no open gap is raised here.
   */
  public void endOfInput(ConveyanceMovements.Origin origin) {
    synchronized (lock) {
      current = origin;
      tracker.flush();
      current = ConveyanceMovements.Origin.FEED;
    }
    sync();
  }

  /**
   * Reports gaps open as of the feeds' event time (the latest receive time heard, never the
   * server's clock): a vessel is silent while others go on being heard. When every feed falls
   * silent (a receiver outage, the end of a recording) no vessel has gone dark, and none is
   * reported. A vessel is judged on its own waters, the watched waters ({@link #watchedArea}, as
   * {@link #pictureTime} dates them) or the rest: one vessel heard an ocean away while the watched
   * coast's receivers are down does not make every local vessel silent, nor do local reports make a
   * far vessel silent while the receivers there are down. The tracker's sweep at each UTC midnight
   * of event time judges alike. Live feeds call this periodically; the result depends only on the
   * input.
   */
  public void evaluateOpenGaps() {
    watchTheWatchedWaters();
    synchronized (lock) {
      long watermark = tracker.watermark();
      if (watermark != Long.MIN_VALUE) {
        tracker.evaluateOpenGaps(Instant.ofEpochMilli(watermark));
      }
    }
    sync();
  }

  /**
   * Tells the tracker the watched waters as they are now (cameras and boats on duty), so that its
   * gap checks judge each vessel on its own waters. Called before each stream is read, at each
   * periodic check and when a boat reports: a camera added or a boat moved counts from then on.
   */
  private void watchTheWatchedWaters() {
    WatchedArea area = watchedArea();
    org.sekisho.maritime.domain.track.GapWatch.Waters waters =
        area.everywhere() ? org.sekisho.maritime.domain.track.GapWatch.Waters.ONE : area::contains;
    synchronized (lock) {
      tracker.watch(waters);
    }
  }

  /** What one write carries, taken from the tracker's buffers under its lock. */
  private record Batch(
      List<MaritimeRecords.StoredPosition> positions,
      List<VesselSnapshot> vessels,
      List<Runnable> writes) {}

  /** Writes buffered positions, vessel updates and findings, and waits for earlier writes. */
  public void sync() {
    Batch batch = collect(true);
    try {
      writer.submit(() -> store(batch)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    }
  }

  /**
   * Hands a batch to the writer thread, so that decoding and tracking go on while PostgreSQL stores
   * the previous batch; at most two batches wait (back-pressure on a slow database).
   */
  private void writeBehind() {
    Batch batch = collect(false);
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    writer.execute(
        () -> {
          try {
            store(batch);
          } finally {
            inFlight.release();
          }
        });
  }

  /**
   * Vessel rows (one upsert per vessel heard) are taken only when {@code vesselsToo} is set or
   * {@link #VESSEL_SYNC_MS} has passed, so that a busy feed does not upsert every vessel at every
   * position batch.
   */
  private Batch collect(boolean vesselsToo) {
    synchronized (lock) {
      List<MaritimeRecords.StoredPosition> pos = new ArrayList<>(positions);
      positions.clear();
      List<VesselSnapshot> vessels = new ArrayList<>();
      long now = System.nanoTime();
      if (vesselsToo || now - lastVesselSync > VESSEL_SYNC_MS * 1_000_000L) {
        lastVesselSync = now;
        for (int mmsi : dirty) {
          tracker.snapshot(mmsi).ifPresent(vessels::add);
        }
        dirty.clear();
      }
      List<Runnable> writes = new ArrayList<>(pendingWrites);
      pendingWrites.clear();
      return new Batch(pos, vessels, writes);
    }
  }

  private void store(Batch b) {
    if (!b.vessels().isEmpty()) {
      records.saveVessels(b.vessels());
    }
    if (!b.positions().isEmpty()) {
      records.savePositions(b.positions());
    }
    b.writes().forEach(Runnable::run);
  }

  /** Live vessels from the tracker (heard since {@code since}). */
  public List<VesselSnapshot> liveVessels(Instant since) {
    synchronized (lock) {
      return tracker.snapshots(since);
    }
  }

  /**
   * Records a camera sighting and checks it against AIS; a dark vessel raises an alert. When no AIS
   * report was received from the camera's waters ({@link WatchedArea#around}) within {@link
   * #STALE_PICTURE} of the sighting's time (the feed covering the camera down, whatever is heard
   * elsewhere) the sighting is stored but not checked ({@link DarkVesselCheck.NotChecked}) and
   * raises no alert: the map's stale-picture warning already says that the feed is down.
   *
   * @return the stored sighting and the check's result, or a rejection naming the problem
   */
  public Outcome<SightingResult> sighting(Sighting s) {
    CameraSite site =
        records.sites().stream().filter(c -> c.id().equals(s.siteId())).findFirst().orElse(null);
    if (site == null) {
      return Outcome.rejected(
          org.sekisho.core.Problem.of(
                  "unknown-site", "siteId", "no camera site '" + s.siteId() + "'")
              .worded("unknown", s.siteId()));
    }
    if (s.time() == null) {
      return Outcome.rejected("sighting-no-time", "time", "a sighting needs its time");
    }
    var badTime = ReportedTime.check("time", s.time(), clock.instant());
    if (badTime.isPresent()) {
      return Outcome.rejected(badTime.get());
    }
    Outcome<double[]> placed = DarkVesselCheck.place(s, site);
    if (!(placed instanceof Outcome.Accepted<double[]> a)) {
      return Outcome.rejected(((Outcome.Rejected<double[]>) placed).problems().get(0));
    }
    double lat = a.value()[0];
    double lon = a.value()[1];
    sync();
    DarkVesselCheck.Result r;
    // the feed covering this camera: reports from its waters, never from a vessel an ocean away
    WatchedArea.Circle covering = WatchedArea.around(site);
    Optional<Instant> heard =
        records.newestReport(s.time().minus(STALE_PICTURE), s.time().plus(STALE_PICTURE), covering);
    if (heard.isEmpty()) {
      // the feed was down (as the picture's stale flag reckons it): silence on AIS says nothing
      // about this vessel, as the gap detector reports no vessel dark when every feed is silent
      r =
          new DarkVesselCheck.NotChecked(
              lat, lon, records.newestReport(Instant.EPOCH, s.time(), covering).orElse(null));
    } else {
      r = darkCheck.check(s, site, lat, lon, contactsAround(s, site, lat, lon));
    }
    Integer matched = r instanceof DarkVesselCheck.Explained e ? e.nearest().mmsi() : null;
    long id =
        records.saveSighting(
            s,
            lat,
            lon,
            matched,
            r instanceof DarkVesselCheck.Dark,
            !(r instanceof DarkVesselCheck.NotChecked),
            r instanceof DarkVesselCheck.NotChecked n ? n.lastReport() : null);
    if (r instanceof DarkVesselCheck.Dark) {
      records.saveAlert(
          new MaritimeRecords.Alert(
              0,
              "dark-" + id,
              "dark-vessel",
              s.time(),
              null,
              lat,
              lon,
              null,
              null,
              "camera "
                  + site.name()
                  // the type is the camera operator's free text: quoted, never part of the sentence
                  + " saw a vessel"
                  + (s.vesselType() == null ? "" : " reported as \"" + s.vesselType() + "\"")
                  + (bearingOnly(s)
                      ? String.format(
                          Locale.ROOT,
                          " on bearing %.0f with no AIS along it within %.1f nm of the camera",
                          s.bearingDeg(),
                          DarkVesselCheck.reachNm(site))
                      : " with no AIS within " + darkCheck.maxDistanceNm() + " nm"),
              "open",
              null,
              null,
              darkFacts(site, s)));
    }
    return Outcome.accepted(new SightingResult(id, r));
  }

  /**
   * The AIS positions a sighting is checked against: near its position, or for a bearing-only
   * sighting all within the camera's reach (the check keeps those along the bearing). Across the
   * antimeridian or near a pole the box spans every longitude.
   */
  private static boolean bearingOnly(Sighting s) {
    return !org.sekisho.maritime.domain.geo.Geo.valid(s.lat(), s.lon())
        && !Double.isNaN(s.bearingDeg());
  }

  private List<AisContact> contactsAround(Sighting s, CameraSite site, double lat, double lon) {
    boolean bearingOnly = bearingOnly(s);
    double cLat = bearingOnly ? site.lat() : lat;
    double cLon = bearingOnly ? site.lon() : lon;
    double radiusNm = bearingOnly ? DarkVesselCheck.reachNm(site) : darkCheck.maxDistanceNm();
    double dLat = radiusNm / 60.0;
    double cos = Math.cos(Math.toRadians(Math.min(90, Math.abs(cLat) + dLat)));
    double dLon = cos < 0.01 ? 360 : dLat / cos;
    double minLon = cLon - dLon;
    double maxLon = cLon + dLon;
    if (minLon < -180 || maxLon > 180) {
      minLon = -180;
      maxLon = 180;
    }
    return records.contacts(
        s.time().minus(darkCheck.maxTimeApart()),
        s.time().plus(darkCheck.maxTimeApart()),
        cLat - dLat,
        cLat + dLat,
        minLon,
        maxLon);
  }

  /** What a dark-vessel alert's text is made from: the camera, what it saw, how far AIS was. */
  private Map<String, String> darkFacts(CameraSite site, Sighting s) {
    Map<String, String> f = new java.util.HashMap<>();
    f.put("site", site.name());
    f.put("siteId", site.id());
    f.put("withinNm", String.valueOf(darkCheck.maxDistanceNm()));
    if (bearingOnly(s)) {
      // checked along the bearing out to the camera's reach, not around one point
      f.put("bearingDeg", String.format(Locale.ROOT, "%.0f", s.bearingDeg()));
      f.put("reachNm", String.format(Locale.ROOT, "%.1f", DarkVesselCheck.reachNm(site)));
    }
    if (s.vesselType() != null) {
      f.put("vesselType", s.vesselType());
    }
    return f;
  }

  /**
   * Records a patrol boat's position, registering the boat when its id is new (the server's own
   * boats, such as the demo's); see {@link #reportPatrol(PatrolBoat, boolean)}.
   */
  public Outcome<PatrolBoat> reportPatrol(PatrolBoat b) {
    return reportPatrol(b, true);
  }

  /**
   * Records a patrol boat's position. Refused: a time before 2000 or ahead of the clock, an id the
   * store does not know unless {@code registers} (a mistyped id would otherwise make a phantom boat
   * offered first on every alert; {@code unknown-patrol} on {@code id}, worded {@code unknown} or,
   * with the known id likely meant, {@code unknown-meant}), and a report older than the boat's last
   * one (reports can arrive out of order; the newer position stands). A registration for an id a
   * boat on duty has under another name is refused ({@code conflict} on {@code id}, worded {@code
   * registered}: two boats given one id); under the same name it is an ordinary report, so a
   * registration sent twice does not fail. A boat stood down is known: its report puts it back on
   * duty. A report without a response speed keeps the one reported before.
   *
   * @param registers whether the report may register a new boat (it is one for a known id too)
   * @return the boat as stored, or a rejection naming the field
   */
  public Outcome<PatrolBoat> reportPatrol(PatrolBoat b, boolean registers) {
    var badTime = ReportedTime.check("time", b.time(), clock.instant());
    if (badTime.isPresent()) {
      return Outcome.rejected(badTime.get());
    }
    if (registers) {
      // a registration for an id a boat on duty has under another name is two boats given one id:
      // stored, the second would move the first on the map. The same name is a registration sent
      // again, an ordinary report
      Optional<PatrolBoat> holder =
          records.patrols().stream().filter(p -> p.id().equals(b.id())).findFirst();
      if (holder.isPresent() && !sameName(holder.get().name(), b.name())) {
        return Outcome.rejected(
            org.sekisho.core.Problem.of(
                    "conflict",
                    "id",
                    "patrol boat id "
                        + b.id()
                        + " is registered to "
                        + holder.get().name()
                        + "; leave out \"new\" to report that boat's position, or register this"
                        + " boat under another id")
                .worded("registered", b.id(), holder.get().name()));
      }
    }
    if (!registers) {
      List<String> known = records.patrolIds();
      if (!known.contains(b.id())) {
        Optional<String> meant = org.sekisho.core.Spelling.nearest(b.id(), known, 2);
        String unknown =
            "no patrol boat has id " + b.id() + "; send \"new\": true to register a new boat";
        return Outcome.rejected(
            meant
                .map(
                    m ->
                        org.sekisho.core.Problem.of(
                                "unknown-patrol", "id", unknown + " (did you mean " + m + "?)")
                            .worded("unknown-meant", b.id(), m))
                .orElseGet(
                    () ->
                        org.sekisho.core.Problem.of("unknown-patrol", "id", unknown)
                            .worded("unknown", b.id())));
      }
    }
    if (!records.savePatrol(b)) {
      Instant last =
          records.patrols().stream()
              .filter(p -> p.id().equals(b.id()))
              .map(PatrolBoat::time)
              .findFirst()
              .orElse(null);
      return Outcome.rejected(
          "conflict",
          "time",
          "boat "
              + b.id()
              + " last reported at "
              + last
              + "; a report from "
              + b.time()
              + " is older and does not replace it");
    }
    // the boat's waters are watched from now on, as the picture shows them
    watchTheWatchedWaters();
    return Outcome.accepted(
        records.patrols().stream().filter(p -> p.id().equals(b.id())).findFirst().orElse(b));
  }

  /** Names as crews type them: case, width and runs of spaces aside. */
  private static boolean sameName(String a, String b) {
    java.util.function.UnaryOperator<String> n =
        s ->
            java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC)
                .strip()
                .replaceAll("\\s+", " ")
                .toUpperCase(java.util.Locale.ROOT);
    return n.apply(a).equals(n.apply(b));
  }

  /**
   * Alerts ranked as of the picture's own time; see {@link #rankedAlerts(Instant, int, Instant)}.
   */
  public List<RankedAlert> rankedAlerts(Instant since, int limit) {
    return rankedAlerts(since, limit, null);
  }

  /**
   * Alerts since {@code since}, most urgent first, each with the three boats that could arrive
   * first. Urgency is reckoned at the picture's time, never at the server's clock, so that ranking
   * the same input gives the same order whenever it is done (a replayed day ranks as it did live):
   * the picture's time is {@code asOf} when given, else {@link #pictureTime()} or the newest
   * alert's time or end when later (a sighting reported after the AIS picture). Alerts after it are
   * not in the picture yet. Ties go to the weightier kind, then the newer alert. Boats are offered
   * when their position is at most {@link #STALE_PATROL} old at the latest of the picture's time
   * and their newest report.
   *
   * @param asOf the picture's time, or null for the picture's own
   */
  public List<RankedAlert> rankedAlerts(Instant since, int limit, Instant asOf) {
    sync();
    // nothing may lie ahead of the clock (input is refused there); this only keeps rows stored
    // before that rule from setting the picture's time
    Instant latest = clock.instant().plus(ReportedTime.SKEW);
    List<MaritimeRecords.Alert> alerts = new ArrayList<>();
    for (MaritimeRecords.Alert a : records.alerts(since, 1000)) {
      if (!a.time().isAfter(asOf == null ? latest : asOf)) {
        alerts.add(a);
      }
    }
    Instant at = asOf;
    if (at == null) {
      // the picture's time: its newest report, or a later alert (a sighting) or alert end, so that
      // no alert ends after the time the list is "as of"
      at = pictureTime().orElse(null);
      for (MaritimeRecords.Alert a : alerts) {
        for (Instant t : new Instant[] {a.time(), a.end()}) {
          if (t != null && !t.isAfter(latest) && (at == null || t.isAfter(at))) {
            at = t;
          }
        }
      }
      at = at == null ? clock.instant() : at;
    }
    // vessels' positions: as they were at asOf, or their latest in the live picture
    Instant seenBy = asOf != null ? asOf : latest;
    Map<Integer, Optional<Target>> whereNow = new java.util.HashMap<>();
    List<PatrolBoat> boats = records.patrols();
    Instant taskAt = at;
    for (PatrolBoat b : boats) {
      if (b.time().isAfter(taskAt) && !b.time().isAfter(latest)) {
        taskAt = b.time();
      }
    }
    record Scored(MaritimeRecords.Alert alert, double score) {}
    List<Scored> scored = new ArrayList<>();
    for (MaritimeRecords.Alert a : alerts) {
      scored.add(new Scored(a, ranking.score(a.kind(), a.time(), at)));
    }
    scored.sort(
        Comparator.comparingDouble(Scored::score)
            .thenComparingDouble(s -> AlertRanking.weight(s.alert().kind()))
            .thenComparing(s -> s.alert().time())
            .reversed());
    List<RankedAlert> out = new ArrayList<>();
    for (Scored s : scored.subList(0, Math.min(limit, scored.size()))) {
      MaritimeRecords.Alert a = s.alert();
      Target target = Double.isNaN(a.lat()) ? null : new Target(a.lat(), a.lon(), a.time());
      if (target != null && a.mmsi() != null && !"closed".equals(a.status())) {
        Optional<Target> now = whereNow.computeIfAbsent(a.mmsi(), m -> latestPosition(m, seenBy));
        if (now.isPresent() && now.get().time().isAfter(a.time())) {
          target = now.get();
        }
      }
      Target to = target;
      Instant boatsAt = taskAt;
      Boats near =
          new Boats(
              () -> {
                if (to == null) {
                  return List.of();
                }
                List<PatrolTasking.Option> options =
                    PatrolTasking.nearest(
                        to.lat(), to.lon(), boats, 3, boatsAt, STALE_PATROL, passages);
                if (to.mmsi() == null) {
                  return options;
                }
                // a vessel under way: where each boat would meet it, leaving at the picture's time
                List<PatrolTasking.Option> met = new ArrayList<>();
                for (PatrolTasking.Option o : options) {
                  met.add(
                      o.onScene()
                          ? o
                          : o.meeting(
                              Intercept.of(
                                  o.boat(),
                                  to.lat(),
                                  to.lon(),
                                  to.time(),
                                  to.speedKnots(),
                                  to.course(),
                                  boatsAt,
                                  passages)));
                }
                return met;
              });
      out.add(new RankedAlert(a, Math.round(s.score() * 1000) / 1000.0, near, at, target, taskAt));
    }
    return out;
  }

  /** A vessel's newest position at or before {@code by}: the tracker's when it is that old. */
  private Optional<Target> latestPosition(int mmsi, Instant by) {
    Optional<VesselSnapshot> live;
    synchronized (lock) {
      live = tracker.snapshot(mmsi);
    }
    if (live.isPresent()
        && live.get().lastSeen() != null
        && !live.get().lastSeen().isAfter(by)
        && !Double.isNaN(live.get().lat())) {
      VesselSnapshot v = live.get();
      return Optional.of(
          new Target(v.lat(), v.lon(), v.lastSeen(), mmsi, v.speedKnots(), v.course()));
    }
    // a picture of an earlier time (or a tracker restarted empty): the stored track
    return records
        .lastPosition(mmsi, by)
        .map(p -> new Target(p.lat(), p.lon(), p.time(), mmsi, p.speedKnots(), p.course()));
  }

  /**
   * The waters the picture shows and its freshness is judged on: around the camera sites and the
   * patrol boats on duty ({@link WatchedArea}); every water when there are none.
   */
  public WatchedArea watchedArea() {
    return WatchedArea.of(records.sites(), records.patrols());
  }

  /**
   * The live vessels of the watched waters (last heard there), those heard since {@code since}
   * (every one when null).
   */
  public List<VesselSnapshot> watchedVessels(Instant since) {
    WatchedArea area = watchedArea();
    List<VesselSnapshot> out = new ArrayList<>();
    for (VesselSnapshot v : liveVessels(since)) {
      if (area.contains(v.lat(), v.lon())) {
        out.add(v);
      }
    }
    return out;
  }

  /**
   * The picture's time: the newest report heard from the watched waters ({@link #watchedArea}), or
   * from anywhere when none was heard there, never later than the clock allows; empty before any
   * report.
   */
  public Optional<Instant> pictureTime() {
    Optional<Picture> p = picture();
    if (p.isPresent() && p.get().asOf() != null) {
      return Optional.of(p.get().asOf());
    }
    return newestHeard();
  }

  /**
   * The newest report heard anywhere (the tracker's event-time watermark, or the newest stored
   * vessel after a restart), never later than the clock allows; empty before any report.
   */
  private Optional<Instant> newestHeard() {
    Instant newest = null;
    synchronized (lock) {
      long w = tracker.watermark();
      if (w != Long.MIN_VALUE) {
        newest = Instant.ofEpochMilli(w);
      }
    }
    for (VesselSnapshot v : records.vessels(Instant.EPOCH, 1)) {
      if (v.lastSeen() != null && (newest == null || v.lastSeen().isAfter(newest))) {
        newest = v.lastSeen();
      }
    }
    Instant latest = clock.instant().plus(ReportedTime.SKEW);
    return Optional.ofNullable(newest == null || newest.isAfter(latest) ? null : newest);
  }

  /**
   * How old the picture of the watched waters is at the server's clock; empty before any report.
   * Reports from outside the watched waters neither freshen it nor date it: they are counted apart.
   */
  public Optional<Picture> picture() {
    Optional<Instant> anywhere = newestHeard();
    if (anywhere.isEmpty()) {
      return Optional.empty();
    }
    WatchedArea area = watchedArea();
    if (area.everywhere()) {
      return Optional.of(picture(anywhere.get(), area, 0, null));
    }
    Instant latest = clock.instant().plus(ReportedTime.SKEW);
    Instant inside = null;
    Instant outside = null;
    int outsideCount = 0;
    for (VesselSnapshot v : liveVessels(null)) {
      Instant t = v.lastSeen();
      if (t == null
          || t.isAfter(latest)
          || !org.sekisho.maritime.domain.geo.Geo.valid(v.lat(), v.lon())) {
        continue; // a vessel never placed is on no water
      }
      if (area.contains(v.lat(), v.lon())) {
        inside = inside == null || t.isAfter(inside) ? t : inside;
      } else {
        outsideCount++;
        outside = outside == null || t.isAfter(outside) ? t : outside;
      }
    }
    return Optional.of(picture(inside, area, outsideCount, outside));
  }

  private Picture picture(Instant asOf, WatchedArea area, int outside, Instant newestOutside) {
    if (asOf == null) {
      // heard only from elsewhere: the watched waters' feed has said nothing
      return new Picture(null, null, true, area, outside, newestOutside);
    }
    Duration age = Duration.between(asOf, clock.instant());
    age = age.isNegative() ? Duration.ZERO : age;
    return new Picture(asOf, age, age.compareTo(STALE_PICTURE) > 0, area, outside, newestOutside);
  }

  /** The service clock's now (processing time: when a report arrives, not when it happened). */
  public Instant now() {
    return clock.instant();
  }

  public MaritimeRecords records() {
    return records;
  }
}
