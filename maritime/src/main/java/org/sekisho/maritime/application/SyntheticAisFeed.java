package org.sekisho.maritime.application;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import org.sekisho.maritime.domain.ais.AisEncoder;
import org.sekisho.maritime.domain.ais.AisMessage;
import org.sekisho.maritime.domain.vessel.ImoNumber;

/**
 * Writes a deterministic AIS feed (NMEA with {@code \c:} tag-block times, in time order) for
 * benchmarks, demos and tests: vessels crossing an area at sea speed, some pairs meeting (drifting
 * side by side for two hours, the first of each pair a fishing vessel), optionally one vessel
 * sailing into a port, and static data (type 5) every few minutes. Not a model of real traffic:
 * just enough structure to exercise every detector.
 *
 * @param vessels number of vessels
 * @param start time of the first report
 * @param duration how long the feed runs
 * @param reportEvery interval between one vessel's position reports
 * @param meetings pairs of vessels that meet (each pair uses two of the vessels)
 * @param seed random seed
 * @param box {minLat, maxLat, minLon, maxLon}
 * @param port {lat, lon} a port the last vessel sails into, or null
 */
public record SyntheticAisFeed(
    int vessels,
    Instant start,
    Duration duration,
    Duration reportEvery,
    int meetings,
    long seed,
    double[] box,
    double[] port) {

  /** How long the demo feed runs. */
  public static final Duration DEMO_DURATION = Duration.ofHours(4);

  /**
   * The demo feed starting 2024-05-01T00:00:00Z, a fixed recording for tests and benchmarks; see
   * {@link #demo(Instant)}.
   */
  public static SyntheticAisFeed demo() {
    return demo(Instant.parse("2024-05-01T00:00:00Z"));
  }

  /**
   * A feed off Tokyo Bay from {@code start} for {@link #DEMO_DURATION}: a fishing vessel meeting
   * another at sea (from one hour in, for two hours) and one vessel arriving at the Port of Tokyo.
   * The same start gives the same feed.
   */
  public static SyntheticAisFeed demo(Instant start) {
    return new SyntheticAisFeed(
        6,
        start,
        DEMO_DURATION,
        Duration.ofSeconds(30),
        1,
        7L,
        new double[] {34.6, 34.9, 139.7, 140.1},
        new double[] {35.62, 139.79});
  }

  /**
   * The demo feed on {@code day} in {@code zone}, so that its encounter and port call fall on the
   * same day as the demo's declarations and manifests: from 09:00 local time, or earlier when that
   * would run past {@code now} (a feed from the future would be refused as such). In the first four
   * hours of today it starts on the evening before, so that it still ends by {@code now}: a quarter
   * of it refused as future reports, and a picture dated later than the clock, was the worse
   * choice.
   *
   * @param now the clock's now (processing time), which the feed's reports may not be later than
   */
  public static SyntheticAisFeed demoOn(LocalDate day, ZoneId zone, Instant now) {
    Instant start = day.atTime(9, 0).atZone(zone).toInstant();
    Instant latest = now.minus(DEMO_DURATION);
    if (start.isAfter(latest)) {
      start = latest.truncatedTo(ChronoUnit.MINUTES);
    }
    return demo(start);
  }

  private static final double KNOT_DEG_PER_S = 1.0 / 3600.0 / 60.0; // 1 knot in degrees lat/s

  /** Writes the feed; returns the number of sentences written. */
  public long write(Writer out) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    int n = vessels;
    int[] mmsi = new int[n];
    double[] lat = new double[n];
    double[] lon = new double[n];
    double[] course = new double[n];
    double[] speed = new double[n];
    int[] type = new int[n];
    int[] partner = new int[n];
    double[] meetLat = new double[n];
    double[] meetLon = new double[n];
    long meetFrom = start.getEpochSecond() + duration.getSeconds() / 4;
    long meetTo = meetFrom + 7200;
    int[] mids = {431, 432, 440, 412, 477, 563, 351, 636, 538, 273};
    for (int i = 0; i < n; i++) {
      mmsi[i] = mids[i % mids.length] * 1_000_000 + 100_000 + i;
      lat[i] = box[0] + r.nextDouble() * (box[1] - box[0]);
      lon[i] = box[2] + r.nextDouble() * (box[3] - box[2]);
      course[i] = r.nextDouble() * 360;
      speed[i] = 8 + r.nextDouble() * 8;
      type[i] = List.of(70, 80, 60, 52, 30).get(r.nextInt(5));
      partner[i] = -1;
    }
    for (int k = 0; k < meetings && 2 * k + 1 < n; k++) {
      int a = 2 * k;
      int b = 2 * k + 1;
      partner[a] = b;
      partner[b] = a;
      type[a] = 30;
      type[b] = 80;
      meetLat[a] = meetLat[b] = box[0] + (0.3 + 0.4 * r.nextDouble()) * (box[1] - box[0]);
      meetLon[a] = meetLon[b] = box[2] + (0.3 + 0.4 * r.nextDouble()) * (box[3] - box[2]);
    }
    int portVessel = port != null ? n - 1 : -1;
    if (portVessel >= 0) {
      // 15 nm south of the port, heading north at 12 knots
      lat[portVessel] = port[0] - 0.25;
      lon[portVessel] = port[1];
      course[portVessel] = 0;
      speed[portVessel] = 12;
      type[portVessel] = 70;
    }
    AisEncoder enc = new AisEncoder();
    long step = Math.max(1, reportEvery.getSeconds());
    long t0 = start.getEpochSecond();
    long end = t0 + duration.getSeconds();
    long written = 0;
    int seq = 0;
    for (long t = t0; t < end; t += step) {
      for (int i = 0; i < n; i++) {
        // stagger reports of different vessels inside the step
        long ts = t + (i * step) / n;
        double la;
        double lo;
        double sp;
        double co;
        if (partner[i] >= 0 && ts >= meetFrom - 1800 && ts < meetTo) {
          // converge on the meeting point, then drift there side by side (about 100 m apart)
          double off = i < partner[i] ? 0.0 : 0.0009;
          double drift = (ts - meetFrom) * 0.3 * KNOT_DEG_PER_S;
          double tLat = meetLat[i] + Math.max(0, drift);
          double tLon = meetLon[i] + off;
          if (ts < meetFrom) {
            double f = (meetFrom - ts) / 1800.0;
            la = tLat + f * 0.05;
            lo = tLon + f * 0.05;
            sp = 6;
          } else {
            la = tLat;
            lo = tLon;
            sp = 0.3;
          }
          co = 0;
          lat[i] = la;
          lon[i] = lo;
        } else if (i == portVessel && port != null && lat[i] >= port[0]) {
          la = lat[i];
          lo = lon[i];
          sp = 0;
          co = 0;
        } else {
          double rad = Math.toRadians(course[i]);
          double dDeg = speed[i] * KNOT_DEG_PER_S * step;
          lat[i] += Math.cos(rad) * dDeg;
          lon[i] += Math.sin(rad) * dDeg / Math.cos(Math.toRadians(lat[i]));
          if (lat[i] < box[0] || lat[i] > box[1] || lon[i] < box[2] || lon[i] > box[3]) {
            if (i != portVessel) {
              course[i] = (course[i] + 180) % 360;
            }
          }
          la = lat[i];
          lo = lon[i];
          sp = speed[i];
          co = course[i];
        }
        AisMessage m =
            new AisMessage.PositionReport(
                1,
                0,
                mmsi[i],
                sp < 1 ? 1 : 0,
                0,
                (int) Math.round(sp * 10),
                true,
                (int) Math.round(lo * 600000),
                (int) Math.round(la * 600000),
                (int) Math.round(co * 10) % 3600,
                (int) Math.round(co) % 360,
                (int) (ts % 60),
                0,
                0,
                false,
                0);
        written += emit(out, enc, m, ts, seq);
        if ((ts / step + i) % 12 == 0) {
          seq = (seq + 1) % 10;
          written += emit(out, enc, staticData(mmsi[i], i, type[i]), ts, seq);
        }
      }
    }
    out.flush();
    return written;
  }

  private static AisMessage staticData(int mmsi, int i, int type) {
    String name = (type == 30 ? "FISHER " : "SEKISHO ") + (char) ('A' + i % 26) + (i / 26);
    return new AisMessage.StaticVoyageData(
        0,
        mmsi,
        0,
        ImoNumber.withCheckDigit(900_000 + i),
        "JS" + (1000 + i % 9000),
        name,
        type,
        50,
        20,
        5,
        5,
        1,
        5,
        1,
        12,
        0,
        60,
        "TOKYO",
        0,
        0);
  }

  private static int emit(Writer out, AisEncoder enc, AisMessage m, long ts, int seq)
      throws IOException {
    List<String> sentences = enc.sentences(m, 'A', seq, false);
    for (String s : sentences) {
      out.write(AisEncoder.withReceiveTime(s, ts));
      out.write('\n');
    }
    return sentences.size();
  }
}
