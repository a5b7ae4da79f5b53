package org.sekisho.maritime.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.maritime.adapter.geo.GeoJsonPortAreas;
import org.sekisho.maritime.application.DecodeAisStream;
import org.sekisho.maritime.application.SyntheticAisFeed;
import org.sekisho.maritime.application.TrackAisFeed;
import org.sekisho.maritime.domain.encounter.Encounter;
import org.sekisho.maritime.domain.patrol.WatchedArea;
import org.sekisho.maritime.domain.port.PortCall;
import org.sekisho.maritime.domain.track.AisGap;
import org.sekisho.maritime.domain.track.GapDetector;
import org.sekisho.maritime.domain.track.GapWatch;
import org.sekisho.maritime.domain.track.Loitering;
import org.sekisho.maritime.domain.track.TrackEvents;
import org.sekisho.maritime.domain.track.VesselTracker;
import org.sekisho.maritime.domain.vessel.MidTable;
import org.sekisho.maritime.domain.vessel.VesselSnapshot;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class VesselTrackerTest {

  /** Collects everything the tracker reports. */
  static final class Recorder implements TrackEvents {
    final List<Encounter> encounters = new ArrayList<>();
    final List<String> fishing = new ArrayList<>();
    final List<Encounter> fishingMeetings = new ArrayList<>();
    final List<AisGap> gaps = new ArrayList<>();
    final List<Loitering> loitering = new ArrayList<>();
    final List<PortCall> portCalls = new ArrayList<>();
    final List<VesselSnapshot> unusual = new ArrayList<>();

    @Override
    public void unusualGrounds(VesselSnapshot v) {
      unusual.add(v);
    }

    @Override
    public void encounter(Encounter e, VesselSnapshot a, VesselSnapshot b) {
      encounters.add(e);
    }

    @Override
    public void fishingMeeting(Encounter e, VesselSnapshot f, VesselSnapshot o) {
      fishing.add(f.name() + " met " + o.name());
      fishingMeetings.add(e);
    }

    @Override
    public void gap(AisGap gap) {
      gaps.add(gap);
    }

    @Override
    public void loitering(Loitering l) {
      loitering.add(l);
    }

    @Override
    public void portCall(PortCall call) {
      portCalls.add(call);
    }
  }

  static Recorder replayDemo() throws IOException {
    StringWriter nmea = new StringWriter();
    long sentences = SyntheticAisFeed.demo().write(nmea);
    assertThat(sentences).isGreaterThan(1000);
    Recorder r = new Recorder();
    VesselTracker tracker =
        new VesselTracker(
            VesselTracker.Settings.standard().withPorts(GeoJsonPortAreas.standard()),
            MidTable.standard(),
            r);
    DecodeAisStream.Summary s =
        new TrackAisFeed(tracker, Clock.systemUTC(), new Object())
            .run(new ByteArrayInputStream(nmea.toString().getBytes(StandardCharsets.ISO_8859_1)));
    assertThat(s.broken()).isZero();
    tracker.flush();
    return r;
  }

  @Test
  void aReplayedFeedReportsTheFishingVesselsMeetingOnceAsAFishingMeeting() throws IOException {
    Recorder r = replayDemo();
    // one meeting, one report of its most specific kind: not an encounter as well
    assertThat(r.encounters).isEmpty();
    assertThat(r.fishingMeetings).hasSize(1);
    Encounter e = r.fishingMeetings.get(0);
    assertThat(List.of(e.vessel1(), e.vessel2()))
        .containsExactlyInAnyOrder("431100000", "432100001");
    assertThat(e.duration()).isGreaterThanOrEqualTo(Duration.ofMinutes(90));
    assertThat(e.medianDistanceKm()).isLessThan(0.5);
    assertThat(r.fishing).containsExactly("FISHER A0 met SEKISHO B0");
  }

  @Test
  void aVesselSailingIntoTokyoMakesAnArrivalWithItsStaticDataAndFlag() throws IOException {
    Recorder r = replayDemo();
    assertThat(r.portCalls).hasSize(1);
    PortCall c = r.portCalls.get(0);
    assertThat(c.direction()).isEqualTo(PortCall.Direction.ARRIVAL);
    assertThat(c.port().locode()).isEqualTo("JPTYO");
    assertThat(c.vessel().mmsi()).isEqualTo(563100005);
    assertThat(c.vessel().flag()).isEqualTo("SG");
    assertThat(c.vessel().name()).isEqualTo("SEKISHO F0");
    assertThat(c.vessel().imo()).isEqualTo(9_000_053);
    assertThat(c.time())
        .isBetween(Instant.parse("2024-05-01T00:50:00Z"), Instant.parse("2024-05-01T01:10:00Z"));
  }

  @Test
  void gfwSimpleScenarioThroughTheTrackerGivesOneAlertForTheMeeting() {
    Recorder r = new Recorder();
    VesselTracker t = new VesselTracker(VesselTracker.Settings.standard(), MidTable.standard(), r);
    Instant t0 = Instant.parse("2011-01-01T15:40:00Z");
    double[][] v1 = {
      {-1.5032387, 55.2340155}, {-1.4869308, 55.232743}, {-1.4752579, 55.2292189},
      {-1.4719963, 55.2251069}, {-1.471653, 55.2224633}, {-1.4718246, 55.2199175},
      {-1.472168, 55.2185466}, {-1.4718246, 55.2167839}, {-1.4725113, 55.2156088},
      {-1.4730263, 55.2139439}, {-1.4859009, 55.2089489}
    };
    double[][] v2 = {
      {-1.4467621, 55.2334282}, {-1.4623833, 55.2310789}, {-1.469593, 55.2287294},
      {-1.471138, 55.2267713}, {-1.4711, 55.2245}, {-1.4713, 55.222},
      {-1.4716, 55.2195}, {-1.4718, 55.2172}, {-1.4728546, 55.2116913},
      {-1.49, 55.20}, {-1.52, 55.19}
    };
    for (int i = 0; i < v1.length; i++) {
      long ms = t0.plus(Duration.ofMinutes(10L * i)).toEpochMilli();
      t.position(1, ms, v1[i][0], v1[i][1], 0.5, 0, 0);
      t.position(2, ms + 1, v2[i][0], v2[i][1], 0.5, 0, 0);
    }
    t.flush();
    assertThat(r.encounters).hasSize(1);
    assertThat(r.encounters.get(0).start()).isEqualTo(Instant.parse("2011-01-01T16:10:00Z"));
  }

  @Test
  void aDriftingVesselIsReportedLoiteringAndASilentOneAsAGap() {
    Recorder r = new Recorder();
    VesselTracker t =
        new VesselTracker(
            VesselTracker.Settings.standard()
                .withGaps(GapDetector.GapThreshold.everywhere(Duration.ofHours(1))),
            MidTable.standard(),
            r);
    Instant t0 = Instant.parse("2024-05-01T00:00:00Z");
    for (int i = 0; i <= 24; i++) { // two hours drifting at 0.5 knots
      t.position(
          431000001, t0.plusSeconds(300L * i).toEpochMilli(), 34.0 + i * 1e-4, 140.0, 0.5, 0, 0);
    }
    t.position(431000001, t0.plus(Duration.ofHours(2)).toEpochMilli() + 1, 34.01, 140, 9.0, 0, 0);
    // silent for three hours, then heard again
    t.position(431000001, t0.plus(Duration.ofHours(5)).toEpochMilli(), 34.2, 140, 9.0, 0, 0);
    t.flush();
    assertThat(r.loitering)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.duration()).isEqualTo(Duration.ofHours(2));
              assertThat(l.meanSpeedKnots()).isEqualTo(0.5);
            });
    assertThat(r.gaps)
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.open()).isFalse();
              assertThat(g.silence()).isGreaterThan(Duration.ofMinutes(179));
            });
  }

  @Test
  void openGapsAreReportedAtMidnightOfEventTime() {
    Recorder r = new Recorder();
    VesselTracker t =
        new VesselTracker(
            VesselTracker.Settings.standard()
                .withGaps(GapDetector.GapThreshold.everywhere(Duration.ofHours(6))),
            MidTable.standard(),
            r);
    Instant day = Instant.parse("2024-05-01T10:00:00Z");
    t.position(431000001, day.toEpochMilli(), 34, 140, 9, 0, 0);
    t.position(431000002, day.toEpochMilli(), 35, 141, 9, 0, 0);
    t.position(431000002, day.plus(Duration.ofHours(14)).toEpochMilli() + 1, 35, 141, 9, 0, 0);
    assertThat(r.gaps)
        .extracting(g -> g.vesselId() + (g.open() ? " open" : " closed"))
        .containsExactlyInAnyOrder("431000001 open", "431000002 open", "431000002 closed");
  }

  @Test
  void atMidnightEachVesselIsJudgedOnTheReportsHeardInItsOwnWaters() {
    Recorder r = new Recorder();
    VesselTracker t =
        new VesselTracker(
            VesselTracker.Settings.standard()
                .withGaps(GapDetector.GapThreshold.everywhere(Duration.ofHours(6))),
            MidTable.standard(),
            r);
    // the watched waters: 60 nm round Nojima Point (off Tokyo Bay)
    WatchedArea.Circle nojima = new WatchedArea.Circle(34.905, 139.885, 60);
    t.watch(nojima::contains);
    Instant day = Instant.parse("2024-05-01T10:00:00Z");
    t.position(431000001, day.toEpochMilli(), 34.8, 139.9, 9, 0, 0); // off Nojima
    t.position(366000001, day.toEpochMilli(), 37.8, -122.4, 9, 0, 0); // off San Francisco
    for (int h = 5; h <= 10; h += 5) {
      t.position(366000001, day.plus(Duration.ofHours(h)).toEpochMilli(), 37.8, -122.4, 9, 0, 0);
    }
    // only San Francisco is heard after midnight: Nojima's receiver is down, no gap there
    t.position(
        366000001,
        day.plus(Duration.ofMinutes(14 * 60 + 10)).toEpochMilli(),
        37.8,
        -122.4,
        9,
        0,
        0);
    assertThat(r.gaps).isEmpty();
    // only Nojima is heard after the next midnight: the receivers off San Francisco are down,
    // the vessel there is not silent; the Nojima vessel, silent while its waters are heard, is
    t.position(
        431000002, day.plus(Duration.ofMinutes(38 * 60 + 10)).toEpochMilli(), 34.7, 139.8, 9, 0, 0);
    assertThat(r.gaps)
        .extracting(g -> g.vesselId() + (g.open() ? " open" : " closed"))
        .containsExactly("431000001 open");
    // where every water is one, as before any camera or boat: a report anywhere counts
    t.watch(GapWatch.Waters.ONE);
    t.position(
        431000003, day.plus(Duration.ofMinutes(62 * 60 + 10)).toEpochMilli(), 34.7, 139.8, 9, 0, 0);
    assertThat(r.gaps)
        .extracting(g -> g.vesselId() + (g.open() ? " open" : " closed"))
        .containsExactlyInAnyOrder("431000001 open", "366000001 open", "431000002 open");
  }

  @Test
  void aFishingVesselFishingFarFromItsUsualGroundsIsReportedOnce() {
    Recorder r = new Recorder();
    VesselTracker t = new VesselTracker(VesselTracker.Settings.standard(), MidTable.standard(), r);
    long t0 = Instant.parse("2024-05-01T00:00:00Z").toEpochMilli();
    for (int mmsi : new int[] {431000010, 431000011}) {
      var data =
          new org.sekisho.maritime.domain.ais.AisMessage.StaticVoyageData(
              0,
              mmsi,
              0,
              0,
              "JA1",
              "HOKUTO MARU",
              mmsi == 431000010 ? 30 : 70,
              1,
              1,
              1,
              1,
              1,
              0,
              0,
              24,
              60,
              0,
              "",
              0,
              0);
      t.message(data, t0);
    }
    long ms = t0;
    for (int i = 0; i < 30 * 12; i++) { // 30 h fishing at 3 knots around 40.2N 144.2E
      ms += 300_000;
      t.position(431000010, ms, 40.2 + (i % 5) * 0.01, 144.2, 3.0, 90, 0);
      t.position(431000011, ms, 40.2 + (i % 5) * 0.01, 144.3, 3.0, 90, 0);
    }
    for (int i = 0; i < 3 * 12; i++) { // then 3 h fishing 2 degrees further south
      ms += 300_000;
      t.position(431000010, ms, 38.2 + (i % 5) * 0.01, 144.2, 3.0, 90, 0);
      t.position(431000011, ms, 38.2 + (i % 5) * 0.01, 144.3, 3.0, 90, 0);
    }
    assertThat(r.unusual).extracting(VesselSnapshot::mmsi).containsExactly(431000010);
    assertThat(r.unusual.get(0).lat()).isBetween(38.1, 38.3);
  }

  @Test
  void imoNumbersAreKeptOnlyWithARightCheckDigit() {
    assertThat(org.sekisho.maritime.domain.vessel.ImoNumber.valid(9_074_729)).isTrue();
    assertThat(org.sekisho.maritime.domain.vessel.ImoNumber.valid(9_074_728)).isFalse();
    assertThat(org.sekisho.maritime.domain.vessel.ImoNumber.valid(0)).isFalse();
    assertThat(org.sekisho.maritime.domain.vessel.ImoNumber.withCheckDigit(907_472))
        .isEqualTo(9_074_729);
  }

  @Test
  void flagsComeFromTheMaritimeIdentificationDigits() {
    MidTable mids = MidTable.standard();
    assertThat(mids.flag(431_123_456)).contains("JP");
    assertThat(mids.flag(4_310_123)).contains("JP"); // coast station 00431xxxx
    assertThat(mids.flag(111_431_123)).contains("JP"); // SAR aircraft
    assertThat(mids.flag(994_311_234)).contains("JP"); // aid to navigation
    assertThat(mids.flag(477_000_001)).contains("HK");
    assertThat(mids.flag(636_000_001)).contains("LR");
    assertThat(mids.flag(123_456_789)).isEmpty();
    assertThat(mids.flag(-1)).isEmpty();
  }

  @Test
  void portAreasAreFoundByPointInPolygonAndBadGeoJsonIsNamed() {
    GeoJsonPortAreas ports = GeoJsonPortAreas.standard();
    assertThat(ports.at(35.62, 139.80))
        .hasValueSatisfying(p -> assertThat(p.locode()).isEqualTo("JPTYO"));
    assertThat(ports.at(1.25, 103.8))
        .hasValueSatisfying(p -> assertThat(p.locode()).isEqualTo("SGSIN"));
    assertThat(ports.at(34.7, 139.9)).isEmpty();
    assertThat(ports.ports()).hasSizeGreaterThanOrEqualTo(10);
    String bad =
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
            + "\"properties\":{\"locode\":\"JPTYO\"},\"geometry\":{\"type\":\"Polygon\","
            + "\"coordinates\":[[[139,35],[140,35],[140,36]]]}}]}";
    assertThatThrownBy(
            () ->
                GeoJsonPortAreas.read(
                    new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("feature 0")
        .hasMessageContaining("at least 4");
  }

  static {
    // keep ZoneOffset import used in case of edits; UTC is the only zone the tracker knows
    assert ZoneOffset.UTC != null;
  }
}
