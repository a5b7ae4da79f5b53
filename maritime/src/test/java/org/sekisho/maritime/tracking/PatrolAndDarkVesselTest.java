package org.sekisho.maritime.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.core.Outcome;
import org.sekisho.maritime.domain.patrol.AisContact;
import org.sekisho.maritime.domain.patrol.AlertRanking;
import org.sekisho.maritime.domain.patrol.CameraSite;
import org.sekisho.maritime.domain.patrol.DarkVesselCheck;
import org.sekisho.maritime.domain.patrol.PatrolBoat;
import org.sekisho.maritime.domain.patrol.PatrolTasking;
import org.sekisho.maritime.domain.patrol.Sighting;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PatrolAndDarkVesselTest {
  static final Instant T = Instant.parse("2024-05-01T03:00:00Z");
  static final CameraSite SITE = new CameraSite("c1", "Nojima", 34.90, 139.89, 180, 90, 12);
  final DarkVesselCheck check = new DarkVesselCheck(1.0, Duration.ofMinutes(15));

  @Test
  void aSightingWithAnAisVesselCloseInTimeAndPlaceIsExplainedByIt() {
    Sighting s = new Sighting("c1", T, 34.80, 139.90, Double.NaN, 40, "cargo", null);
    List<AisContact> contacts =
        List.of(
            new AisContact(431000001, T.plusSeconds(300), 34.805, 139.90), // 0.3 nm
            new AisContact(431000002, T.plusSeconds(3600), 34.80, 139.90), // too late
            new AisContact(431000003, T, 34.90, 139.90)); // 6 nm away
    DarkVesselCheck.Result r = check.check(s, s.lat(), s.lon(), contacts);
    assertThat(r)
        .isInstanceOfSatisfying(
            DarkVesselCheck.Explained.class,
            e -> {
              assertThat(e.nearest().mmsi()).isEqualTo(431000001);
              assertThat(e.distanceNm()).isBetween(0.29, 0.31);
            });
    assertThat(check.check(s, s.lat(), s.lon(), contacts.subList(1, 3)))
        .isInstanceOf(DarkVesselCheck.Dark.class);
  }

  @Test
  void aBearingOnlySightingIsPlacedAtHalfTheCameraRangeAndOneWithoutEitherIsRejected() {
    Outcome<double[]> south =
        DarkVesselCheck.place(
            new Sighting("c1", T, Double.NaN, Double.NaN, 180, Double.NaN, null, null), SITE);
    assertThat(south)
        .isInstanceOfSatisfying(
            Outcome.Accepted.class,
            a -> {
              double[] p = (double[]) a.value();
              // 6 nm is 0.0999 degrees of latitude on the sphere
              assertThat(p[0]).isCloseTo(34.90 - 0.1, org.assertj.core.data.Offset.offset(1e-3));
              assertThat(p[1]).isCloseTo(139.89, org.assertj.core.data.Offset.offset(1e-6));
            });
    Outcome<double[]> none =
        DarkVesselCheck.place(
            new Sighting("c1", T, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, null),
            SITE);
    assertThat(none).isInstanceOf(Outcome.Rejected.class);
    assertThat(((Outcome.Rejected<double[]>) none).problems().get(0).field()).isEqualTo("lat");
  }

  /** The review's camera: on the antimeridian's west side, looking east. */
  static final CameraSite ANTI = new CameraSite("RV15-CAMANTI", "Anti", 30, 179.99, 90, 60, 5);

  static Sighting bearing(double deg) {
    return new Sighting(ANTI.id(), T, Double.NaN, Double.NaN, deg, Double.NaN, null, null);
  }

  static double[] placed(Sighting s, CameraSite site) {
    return ((Outcome.Accepted<double[]>) DarkVesselCheck.place(s, site)).value();
  }

  @Test
  void aBearingOnlySightingIsExplainedByAnAisVesselAnywhereAlongItsBearingNotOnlyAtHalfRange() {
    // the vessel the review saw called dark: 0.59 nm from the camera on bearing 75.9
    double[] near = org.sekisho.maritime.domain.geo.Geo.destination(30, 179.99, 75.9, 0.59);
    // and one 4.5 nm out on the bearing, across the antimeridian
    double[] far = org.sekisho.maritime.domain.geo.Geo.destination(30, 179.99, 77, 4.5);
    assertThat(far[1]).isNegative();
    Sighting s = bearing(76);
    double[] p = placed(s, ANTI);
    for (double[] v : List.of(near, far)) {
      DarkVesselCheck.Result r =
          check.check(s, ANTI, p[0], p[1], List.of(new AisContact(999150001, T, v[0], v[1])));
      assertThat(r)
          .as("vessel at %s", java.util.Arrays.toString(v))
          .isInstanceOf(DarkVesselCheck.Explained.class);
    }
    // a vessel 3 nm out on bearing 110 (34 degrees off the reported bearing) does not explain it,
    // nor one beyond the camera's range, nor one heard an hour later
    double[] off = org.sekisho.maritime.domain.geo.Geo.destination(30, 179.99, 110, 3);
    double[] beyond = org.sekisho.maritime.domain.geo.Geo.destination(30, 179.99, 76, 9);
    assertThat(
            check.check(
                s,
                ANTI,
                p[0],
                p[1],
                List.of(
                    new AisContact(1, T, off[0], off[1]),
                    new AisContact(2, T, beyond[0], beyond[1]),
                    new AisContact(3, T.plusSeconds(3600), near[0], near[1]))))
        .isInstanceOf(DarkVesselCheck.Dark.class);
  }

  @Test
  void aBearingOnlySightingIsPlacedOnTheGreatCircleAcrossTheAntimeridianAndAwayFromAPole() {
    double[] east = placed(bearing(90), ANTI);
    // 2.5 nm east of 179.99E is past the antimeridian, in the western hemisphere
    assertThat(east[1]).isBetween(-180.0, -179.9);
    assertThat(org.sekisho.maritime.domain.geo.Geo.distanceNm(30, 179.99, east[0], east[1]))
        .isCloseTo(2.5, org.assertj.core.data.Offset.offset(0.01));
    CameraSite pole = new CameraSite("pole", "Pole", 90, 0, 180, 360, 10);
    double[] fromPole =
        placed(new Sighting("pole", T, Double.NaN, Double.NaN, 180, Double.NaN, null, null), pole);
    // the flat formula put this on the camera itself
    assertThat(org.sekisho.maritime.domain.geo.Geo.distanceNm(90, 0, fromPole[0], fromPole[1]))
        .isCloseTo(5, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void theFastestBoatToArriveComesFirstWithItsEta() {
    List<PatrolBoat> boats =
        List.of(
            new PatrolBoat("a", "Slow near", T, 34.0, 140.05, 5), // 3 nm at 5 kn = 36 min
            new PatrolBoat("b", "Fast far", T, 34.1, 140.0, 30), // 6 nm at 30 kn = 12 min
            // moored 15 nm off with no reported speed: reckoned at the fleet default, 90 min
            // (it was 0.5 nm off before boats on scene came first whatever their speed)
            new PatrolBoat("c", "Moored", T, 34.0, 140.3, 0));
    List<PatrolTasking.Option> o = PatrolTasking.nearest(34.0, 140.0, boats, 2);
    assertThat(o).extracting(x -> x.boat().id()).containsExactly("b", "a");
    assertThat(o.get(0).eta()).isBetween(Duration.ofMinutes(11), Duration.ofMinutes(13));
    assertThat(PatrolTasking.nearest(34.0, 140.0, boats, 3))
        .extracting(x -> x.boat().id())
        .containsExactly("b", "a", "c");
  }

  @Test
  void aStoppedBoatOnSceneComesFirstWhateverItsSpeed() {
    List<PatrolBoat> boats =
        List.of(
            new PatrolBoat("fast", "Fast", T, 34.1, 140.0, 30, 40), // 6 nm at 40 kn = 9 min
            new PatrolBoat("drift", "Drift", T, 34.0, 140.015, 0)); // 0.75 nm, no speed given
    List<PatrolTasking.Option> o = PatrolTasking.nearest(34.0, 140.0, boats, 1);
    assertThat(o).extracting(x -> x.boat().id()).containsExactly("drift");
    assertThat(o.get(0).onScene()).isTrue();
    assertThat(o.get(0).eta()).isNotNull();
  }

  @Test
  void aStoppedBoatWithoutAReportedSpeedIsReckonedAtTheFleetDefaultAndNotDropped() {
    List<PatrolBoat> boats =
        List.of(
            new PatrolBoat("a", "Near", T, 34.0, 140.05, 20, 20), // 2.5 nm at 20 kn
            new PatrolBoat("b", "Mid", T, 34.3, 140.0, 20, 20), // 18 nm at 20 kn = 54 min
            new PatrolBoat("far", "Far", T, 34.75, 140.0, 25, 25), // 45 nm at 25 kn = 108 min
            new PatrolBoat("stop", "Stopped", T, 34.0, 140.06, 0)); // 3 nm at 10 kn = 18 min
    List<PatrolTasking.Option> o = PatrolTasking.nearest(34.0, 140.0, boats, 3);
    assertThat(o).extracting(x -> x.boat().id()).containsExactly("a", "stop", "b");
    PatrolTasking.Option stopped = o.get(1);
    assertThat(stopped.boat().responseAssumed()).isTrue();
    assertThat(stopped.boat().responseKnots()).isEqualTo(PatrolBoat.DEFAULT_RESPONSE_KNOTS);
    assertThat(stopped.eta()).isBetween(Duration.ofMinutes(17), Duration.ofMinutes(19));
    // a boat under way faster than the default is reckoned at the speed it is making
    assertThat(new PatrolBoat("x", "X", T, 34, 140, 14).responseKnots()).isEqualTo(14);
  }

  @Test
  void darkVesselsOutrankEncountersAndOldAlertsFade() {
    AlertRanking r = new AlertRanking(Duration.ofHours(12));
    assertThat(r.score("dark-vessel", T, T)).isGreaterThan(r.score("encounter", T, T));
    assertThat(r.score("encounter", T, T.plus(Duration.ofHours(12)))).isEqualTo(0.35);
    assertThat(r.score("port-call", T, T)).isLessThan(r.score("loitering", T, T));
  }
}
