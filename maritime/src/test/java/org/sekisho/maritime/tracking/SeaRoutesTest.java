package org.sekisho.maritime.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sekisho.maritime.adapter.geo.GeoJsonLand;
import org.sekisho.maritime.domain.geo.Geo;
import org.sekisho.maritime.domain.geo.LandCells;
import org.sekisho.maritime.domain.geo.Passage;
import org.sekisho.maritime.domain.geo.SeaRoutes;
import org.sekisho.maritime.domain.patrol.PatrolBoat;
import org.sekisho.maritime.domain.patrol.PatrolTasking;

/**
 * Passages by sea: round the land, never across it, and the straight line where nothing is in the
 * way.
 */
class SeaRoutesTest {
  private static final Instant T = Instant.parse("2026-10-01T03:00:00Z");

  /** A wall of land along longitude 140°E from 30°N to 40°N, with a gap at 35.5–35.6°N. */
  private static final LandCells WALL =
      (south, west, n) -> {
        BitSet land = new BitSet(n * n);
        if (west == 140 && south >= 30 && south < 40) {
          for (int r = 0; r < n; r++) {
            double lat = south + (r + 0.5) / n;
            if (lat > 35.5 && lat < 35.6) {
              continue;
            }
            for (int c = 0; c < 6; c++) { // 140.0–140.2°E
              land.set(r * n + c);
            }
          }
        }
        return land;
      };

  @Test
  void withNothingInTheWayThePassageIsTheStraightLine() {
    Passage p = new SeaRoutes(WALL).between(33.0, 141.0, 34.5, 142.5);
    assertThat(p.basis()).isEqualTo(Passage.Basis.SEA);
    assertThat(p.waypoints()).hasSize(2);
    assertThat(p.distanceNm()).isCloseTo(Geo.distanceNm(33.0, 141.0, 34.5, 142.5), within(1e-9));
  }

  @Test
  void aWallIsPassedThroughItsGapNotAcross() {
    SeaRoutes routes = new SeaRoutes(WALL);
    // straight across the wall: 30 nm; through the gap at 35.55°N, about 2 × 64 nm
    Passage p = routes.between(34.5, 139.8, 34.5, 140.4);
    assertThat(p.basis()).isEqualTo(Passage.Basis.SEA);
    double viaGap =
        Geo.distanceNm(34.5, 139.8, 35.55, 140.1) + Geo.distanceNm(35.55, 140.1, 34.5, 140.4);
    assertThat(p.distanceNm()).isBetween(viaGap * 0.99, viaGap * 1.05);
    // pulled straight: a handful of legs, not the grid's hundreds of cells
    assertThat(p.waypoints().size()).isBetween(3, 8);
    assertThat(p.waypoints().stream().anyMatch(w -> w.lat() > 35.45 && w.lat() < 35.65)).isTrue();
    // each leg in water
    for (int i = 1; i < p.waypoints().size(); i++) {
      assertThat(crossesWall(p.waypoints().get(i - 1), p.waypoints().get(i))).isFalse();
    }
  }

  @Test
  void aPositionInsideTheLandLeavesByTheNearestWaterOrHasNoSeaRoute() {
    // 0.03° into the 0.2°-wide wall: leaves by the water a cell or two off
    Passage near = new SeaRoutes(WALL).between(33.0, 140.03, 33.0, 139.5);
    assertThat(near.basis()).isEqualTo(Passage.Basis.SEA);
    assertThat(near.waypoints().get(0)).isEqualTo(new Passage.Waypoint(33.0, 140.03));
    // a land of a whole degree: its middle is more than SNAP_CELLS from any water
    LandCells block = (s, w, n) -> fill(s == 33 && w == 140, n);
    Passage inland = new SeaRoutes(block).between(33.5, 140.5, 33.0, 142.0);
    assertThat(inland.basis()).isEqualTo(Passage.Basis.NO_SEA_ROUTE);
    assertThat(inland.distanceNm())
        .isCloseTo(Geo.distanceNm(33.5, 140.5, 33.0, 142.0), within(1e-9));
  }

  @Test
  void aBoatInTheSeaOfJapanGoesRoundHonshuNotAcrossIt() {
    GeoJsonLand land = GeoJsonLand.load();
    SeaRoutes routes = new SeaRoutes(land);
    long t0 = System.nanoTime();
    // off Niigata to off Choshi: 190 nm straight, across Honshu
    Passage p = routes.between(38.0, 138.6, 35.6, 141.2);
    System.out.printf(
        "Niigata → Choshi: %.0f nm by sea (%.0f straight), %d waypoints, %.0f ms%n",
        p.distanceNm(),
        Geo.distanceNm(38.0, 138.6, 35.6, 141.2),
        p.waypoints().size(),
        (System.nanoTime() - t0) / 1e6);
    assertThat(p.basis()).isEqualTo(Passage.Basis.SEA);
    assertThat(p.distanceNm()).isGreaterThan(2 * Geo.distanceNm(38.0, 138.6, 35.6, 141.2));
    assertThat(p.waypoints().size()).isLessThan(40);
    for (int i = 1; i < p.waypoints().size(); i++) {
      Passage.Waypoint a = p.waypoints().get(i - 1);
      Passage.Waypoint b = p.waypoints().get(i);
      for (int k = 0; k <= 50; k++) {
        double lat = a.lat() + (b.lat() - a.lat()) * k / 50;
        double lon = a.lon() + (b.lon() - a.lon()) * k / 50;
        // the grid knows land by its cells' centres: a leg may clip a cape of the map's outline
        // by less than a cell (2 arc-minutes), never cross land
        assertThat(land.depth(lat, lon))
            .as("leg %d at %.3f, %.3f", i, lat, lon)
            .isLessThan(1.0 / SeaRoutes.CELLS_PER_DEGREE);
      }
    }
    // open water in the Tsushima Strait: the straight line
    Passage open = routes.between(34.0, 129.5, 34.6, 129.9);
    assertThat(open.waypoints()).hasSize(2);
    assertThat(open.basis()).isEqualTo(Passage.Basis.SEA);
  }

  @Test
  void theBoatThatArrivesFirstBySeaIsOfferedFirst() {
    SeaRoutes routes = new SeaRoutes(GeoJsonLand.load());
    List<PatrolBoat> boats =
        List.of(
            // off Niigata, 136 nm from the alert in a straight line, but in the Sea of Japan
            new PatrolBoat("west", "Niigata", T, 37.95, 139.0, 0, 30),
            // 156 nm off in the Pacific, on the alert's side of Honshu
            new PatrolBoat("east", "Offshore", T, 34.0, 142.5, 0, 30));
    // off Kashima
    List<PatrolTasking.Option> o = PatrolTasking.nearest(36.2, 140.8, boats, 2, null, null, routes);
    assertThat(o).extracting(x -> x.boat().id()).containsExactly("east", "west");
    assertThat(o.get(1).distanceNm()).isGreaterThan(2 * Geo.distanceNm(37.95, 139.0, 36.2, 140.8));
    assertThat(o.get(1).passage().basis()).isEqualTo(Passage.Basis.SEA);
    // straight lines alone would have sent the other boat
    assertThat(PatrolTasking.nearest(36.2, 140.8, boats, 1))
        .extracting(x -> x.boat().id())
        .containsExactly("west");
  }

  private static BitSet fill(boolean all, int n) {
    BitSet b = new BitSet(n * n);
    if (all) {
      b.set(0, n * n);
    }
    return b;
  }

  private static boolean crossesWall(Passage.Waypoint a, Passage.Waypoint b) {
    for (int k = 0; k <= 200; k++) {
      double lat = a.lat() + (b.lat() - a.lat()) * k / 200;
      double lon = a.lon() + (b.lon() - a.lon()) * k / 200;
      if (lon >= 140.0 && lon < 140.2 && lat >= 30 && lat < 40 && !(lat > 35.5 && lat < 35.6)) {
        return true;
      }
    }
    return false;
  }
}
