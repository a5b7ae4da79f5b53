package org.sekisho.maritime.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.maritime.adapter.geo.GeoJsonAreaRules;
import org.sekisho.maritime.adapter.geo.GeoJsonPortAreas;
import org.sekisho.maritime.domain.track.VesselTracker;
import org.sekisho.maritime.domain.vessel.MidTable;

/** Detector parameters per area: exempt areas, tighter gap thresholds, ports excluded. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class AreaParametersTest {
  static final String AREAS =
      """
      {"type":"FeatureCollection","features":[
       {"type":"Feature","properties":{"name":"anchorage","exempt":true},
        "geometry":{"type":"Polygon","coordinates":[[[139.0,34.0],[139.5,34.0],[139.5,34.5],[139.0,34.5],[139.0,34.0]]]}},
       {"type":"Feature","properties":{"name":"EEZ watch","gapHours":2,"encounterMinMinutes":60},
        "geometry":{"type":"Polygon","coordinates":[[[138.0,33.0],[141.0,33.0],[141.0,36.0],[138.0,36.0],[138.0,33.0]]]}}
      ]}
      """;

  static GeoJsonAreaRules areas() throws Exception {
    return GeoJsonAreaRules.read(new ByteArrayInputStream(AREAS.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theFirstAreaContainingAPositionSetsItsParameters() throws Exception {
    VesselTracker.Settings s = areas().apply(VesselTracker.Settings.standard());
    assertThat(s.gaps().at(34.2, 139.2)).isEmpty(); // exempt anchorage wins over the EEZ
    assertThat(s.encounters().at(34.2, 139.2)).isEmpty();
    assertThat(s.gaps().at(35.0, 140.5)).contains(Duration.ofHours(2));
    assertThat(s.encounters().at(35.0, 140.5))
        .hasValueSatisfying(l -> assertThat(l.minDuration()).isEqualTo(Duration.ofHours(1)));
    assertThat(s.gaps().at(10, 10)).contains(Duration.ofHours(12)); // defaults elsewhere
  }

  @Test
  void aTwoHourThresholdInTheWatchAreaTurnsAThreeHourSilenceIntoAGap() throws Exception {
    VesselTrackerTest.Recorder r = new VesselTrackerTest.Recorder();
    VesselTracker t =
        new VesselTracker(areas().apply(VesselTracker.Settings.standard()), MidTable.standard(), r);
    Instant t0 = Instant.parse("2024-05-01T00:00:00Z");
    t.position(431000001, t0.toEpochMilli(), 35.0, 140.5, 10, 0, 0);
    t.position(431000001, t0.plusSeconds(3 * 3600).toEpochMilli(), 35.1, 140.5, 10, 0, 0);
    t.position(431000002, t0.toEpochMilli(), 20.0, 140.5, 10, 0, 0);
    t.position(431000002, t0.plusSeconds(3 * 3600).toEpochMilli(), 20.1, 140.5, 10, 0, 0);
    assertThat(r.gaps).extracting(g -> g.vesselId()).containsExactly("431000001");
  }

  @Test
  void portsAreExemptFromEncountersLoiteringAndGaps() {
    VesselTracker.Settings s = VesselTracker.Settings.standardOutside(GeoJsonPortAreas.standard());
    assertThat(s.encounters().at(35.62, 139.80)).isEmpty();
    assertThat(s.loitering().at(35.62, 139.80)).isEmpty();
    assertThat(s.gaps().at(35.62, 139.80)).isEmpty();
    assertThat(s.encounters().at(34.7, 139.9)).isPresent();
  }

  @Test
  void aBadAreaFileIsRejectedNamingTheFeatureAndProperty() {
    String bad = AREAS.replace("\"gapHours\":2", "\"gapHours\":\"two\"");
    assertThatThrownBy(
            () ->
                GeoJsonAreaRules.read(
                    new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("feature 1")
        .hasMessageContaining("gapHours");
  }
}
