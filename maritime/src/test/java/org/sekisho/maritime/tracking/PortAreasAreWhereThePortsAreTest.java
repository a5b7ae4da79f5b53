package org.sekisho.maritime.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.sekisho.maritime.adapter.geo.GeoJsonPortAreas;
import org.sekisho.maritime.domain.geo.Geo;
import org.sekisho.maritime.domain.port.PortArea;

/**
 * The shipped UN/LOCODE port areas are where the ports are: each is harbour-sized, lies within 15
 * km of its location's UN/LOCODE coordinates and overlaps no other; and the demo's ports work: the
 * demo vessel's berth is inside Tokyo's area while the demo meeting at sea is outside every port.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PortAreasAreWhereThePortsAreTest {
  private static final GeometryFactory GF = new GeometryFactory();
  private final GeoJsonPortAreas ports = GeoJsonPortAreas.standard();

  private static Polygon polygon(double[][] ring) {
    Coordinate[] c = new Coordinate[ring.length];
    for (int i = 0; i < ring.length; i++) {
      c[i] = new Coordinate(ring[i][0], ring[i][1]);
    }
    return GF.createPolygon(c);
  }

  /**
   * Each location's coordinates as UN/LOCODE publishes them (degrees and minutes, rounded here to
   * two decimals). Shanghai's is the city's: its port area is the Yangshan deep-water terminal, 70
   * km out in the estuary, so it is left out of the distance check.
   */
  private static final Map<String, double[]> LOCODE_COORDINATES =
      Map.ofEntries(
          Map.entry("JPTYO", new double[] {35.67, 139.75}),
          Map.entry("JPYOK", new double[] {35.45, 139.65}),
          Map.entry("JPKWS", new double[] {35.53, 139.70}),
          Map.entry("JPCHB", new double[] {35.60, 140.12}),
          Map.entry("JPNGO", new double[] {35.17, 136.90}),
          Map.entry("JPOSA", new double[] {34.67, 135.50}),
          Map.entry("JPUKB", new double[] {34.68, 135.17}),
          Map.entry("JPHKT", new double[] {33.60, 130.40}),
          Map.entry("KRPUS", new double[] {35.10, 129.05}),
          Map.entry("HKHKG", new double[] {22.30, 114.17}),
          Map.entry("TWKHH", new double[] {22.62, 120.27}),
          Map.entry("SGSIN", new double[] {1.28, 103.85}));

  @Test
  void everyPortAreaIsHarbourSizedNearItsLocationAndApartFromTheOthers() {
    assertThat(ports.ports()).hasSizeGreaterThanOrEqualTo(10);
    List<Polygon> seen = new ArrayList<>();
    for (PortArea p : ports.ports()) {
      assertThat(p.locode()).matches("[A-Z]{2}[A-Z2-9]{3}");
      Polygon area = polygon(ports.outline(p.locode()).orElseThrow());
      assertThat(area.isValid()).as(p.locode() + " polygon valid").isTrue();
      var env = area.getEnvelopeInternal();
      double widthKm =
          Geo.distanceNm(env.centre().y, env.getMinX(), env.centre().y, env.getMaxX()) * 1.852;
      double heightKm =
          Geo.distanceNm(env.getMinY(), env.centre().x, env.getMaxY(), env.centre().x) * 1.852;
      assertThat(widthKm).as(p.locode() + " width km").isBetween(2.0, 30.0);
      assertThat(heightKm).as(p.locode() + " height km").isBetween(2.0, 30.0);
      double[] at = LOCODE_COORDINATES.get(p.locode());
      if (at != null) {
        double km = area.distance(GF.createPoint(new Coordinate(at[1], at[0]))) * 111.0;
        assertThat(km).as(p.locode() + " km from its UN/LOCODE coordinates").isLessThan(15.0);
      }
      for (Polygon other : seen) {
        assertThat(area.intersection(other).getArea())
            .as(p.locode() + " overlaps another port area")
            .isLessThan(1e-9);
      }
      seen.add(area);
    }
  }

  @Test
  void theDemoBerthIsInTokyoAndTheDemoMeetingIsAtSeaOutsideEveryPort() {
    assertThat(ports.at(35.62, 139.79)).map(PortArea::locode).contains("JPTYO");
    assertThat(ports.at(34.7634, 139.9321)).isEmpty();
    // the ports on the demo's approach keep their own areas
    assertThat(ports.at(35.45, 139.66)).map(PortArea::locode).contains("JPYOK");
    assertThat(ports.at(35.50, 139.74)).map(PortArea::locode).contains("JPKWS");
  }
}
