package org.sekisho.maritime.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sekisho.maritime.adapter.geo.GeoJsonLand;
import org.sekisho.maritime.domain.geo.Geo;
import org.sekisho.maritime.domain.geo.Passages;
import org.sekisho.maritime.domain.geo.SeaRoutes;
import org.sekisho.maritime.domain.patrol.Intercept;
import org.sekisho.maritime.domain.patrol.PatrolBoat;

/**
 * Where a boat meets a vessel under way: dead reckoning of the vessel against the boat's passage.
 */
class InterceptTest {
  private static final Instant FIX = Instant.parse("2026-10-01T03:00:00Z");

  @Test
  void aFasterBoatAsternMeetsTheVesselWhereItWillBe() {
    // 25 nm astern of a vessel making 10 kn due east; the boat makes 30 kn: it closes at 20 kn
    double[] astern = Geo.destination(34.0, 140.0, 270, 25);
    PatrolBoat boat = new PatrolBoat("pb", "Chaser", FIX, astern[0], astern[1], 0, 30);
    Intercept i =
        Intercept.of(boat, 34.0, 140.0, FIX, 10, 90, FIX, Passages.STRAIGHT).orElseThrow();
    assertThat(i.eta().toMinutes()).isBetween(73L, 77L);
    // 1.25 h at 10 kn: 12.5 nm east of the fix
    assertThat(Geo.distanceNm(34.0, 140.0, i.lat(), i.lon())).isCloseTo(12.5, within(0.3));
    assertThat(i.lon()).isGreaterThan(140.0);
    // an hour later the vessel is 10 nm further on: the meeting moves with it
    Intercept later =
        Intercept.of(
                boat, 34.0, 140.0, FIX, 10, 90, FIX.plus(Duration.ofHours(1)), Passages.STRAIGHT)
            .orElseThrow();
    assertThat(later.eta()).isGreaterThan(i.eta());
  }

  @Test
  void noMeetingForASlowerBoatAStoppedVesselAnUnknownCourseOrAFixTooOld() {
    double[] astern = Geo.destination(34.0, 140.0, 270, 25);
    PatrolBoat slow = new PatrolBoat("pb", "Slow", FIX, astern[0], astern[1], 0, 8);
    assertThat(Intercept.of(slow, 34.0, 140.0, FIX, 10, 90, FIX, Passages.STRAIGHT)).isEmpty();
    PatrolBoat fast = new PatrolBoat("pb", "Fast", FIX, astern[0], astern[1], 0, 30);
    assertThat(Intercept.of(fast, 34.0, 140.0, FIX, 0.4, 90, FIX, Passages.STRAIGHT)).isEmpty();
    assertThat(Intercept.of(fast, 34.0, 140.0, FIX, 10, 360, FIX, Passages.STRAIGHT)).isEmpty();
    assertThat(Intercept.of(fast, 34.0, 140.0, FIX, 10, Double.NaN, FIX, Passages.STRAIGHT))
        .isEmpty();
    // leaving seven hours after the fix: past the horizon of dead reckoning
    assertThat(
            Intercept.of(
                fast, 34.0, 140.0, FIX, 10, 90, FIX.plus(Duration.ofHours(7)), Passages.STRAIGHT))
        .isEmpty();
  }

  @Test
  void aVesselHeadingOntoTheLandIsNotMetInland() {
    // off Choshi heading west at 15 kn: its reckoned track runs into Chiba within the hour
    SeaRoutes routes = new SeaRoutes(GeoJsonLand.load());
    PatrolBoat boat = new PatrolBoat("pb", "Kashima", FIX, 36.0, 141.4, 0, 20);
    Optional<Intercept> meeting = Intercept.of(boat, 35.7, 141.0, FIX, 15, 270, FIX, routes);
    assertThat(meeting).isEmpty();
  }
}
