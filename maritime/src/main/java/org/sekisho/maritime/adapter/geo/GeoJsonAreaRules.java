package org.sekisho.maritime.adapter.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
import org.sekisho.maritime.domain.encounter.EncounterRules;
import org.sekisho.maritime.domain.track.GapDetector;
import org.sekisho.maritime.domain.track.LoiteringRules;
import org.sekisho.maritime.domain.track.VesselTracker;

/**
 * Detector parameters per area, from GeoJSON: each Polygon feature's properties override the
 * defaults inside it (the first listed area containing a position wins). Properties, all optional:
 * {@code name}; {@code exempt} (true: no encounters, gaps or loitering there); {@code
 * encounterMaxKm}, {@code encounterMinMinutes}, {@code encounterMaxSpeedKnots}; {@code gapHours};
 * {@code loiterMaxSpeedKnots}, {@code loiterMinMinutes}. Format described in
 * docs/formats/maritime-api.md. Immutable, thread-safe.
 */
public final class GeoJsonAreaRules {
  /** The parameters of one area (null fields: use the defaults). */
  public record Area(
      String name,
      boolean exempt,
      Double encounterMaxKm,
      Double encounterMinMinutes,
      Double encounterMaxSpeedKnots,
      Double gapHours,
      Double loiterMaxSpeedKnots,
      Double loiterMinMinutes) {}

  private record Shape(int order, Area area, Geometry geometry) {}

  private final GeometryFactory factory = new GeometryFactory();
  private final STRtree index = new STRtree();
  private final List<Area> areas = new ArrayList<>();

  private GeoJsonAreaRules() {}

  /**
   * Reads a FeatureCollection of Polygon features.
   *
   * @throws IllegalArgumentException naming the feature and the property that is wrong
   */
  public static GeoJsonAreaRules read(InputStream in) throws IOException {
    JsonNode root = new ObjectMapper().readTree(in);
    if (root == null || !root.path("features").isArray()) {
      throw new IllegalArgumentException("GeoJSON: expected a FeatureCollection with features");
    }
    GeoJsonAreaRules r = new GeoJsonAreaRules();
    JsonNode features = root.path("features");
    for (int i = 0; i < features.size(); i++) {
      JsonNode f = features.get(i);
      JsonNode p = f.path("properties");
      Area a =
          new Area(
              p.path("name").asText("area " + i),
              p.path("exempt").asBoolean(false),
              number(p, "encounterMaxKm", i, 0, 1.0),
              number(p, "encounterMinMinutes", i, 0, 10_000),
              number(p, "encounterMaxSpeedKnots", i, 0, 100),
              number(p, "gapHours", i, 0, 10_000),
              number(p, "loiterMaxSpeedKnots", i, 0, 100),
              number(p, "loiterMinMinutes", i, 0, 100_000));
      JsonNode g = f.path("geometry");
      if (!"Polygon".equals(g.path("type").asText())
          || !g.path("coordinates").isArray()
          || g.path("coordinates").isEmpty()) {
        throw new IllegalArgumentException("GeoJSON feature " + i + ": geometry must be a Polygon");
      }
      Geometry shape = r.factory.createPolygon(r.ring(g.path("coordinates").get(0), i));
      r.areas.add(a);
      r.index.insert(shape.getEnvelopeInternal(), new Shape(i, a, shape));
    }
    r.index.build();
    return r;
  }

  private static Double number(JsonNode p, String name, int feature, double min, double max) {
    JsonNode n = p.get(name);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isNumber() || n.asDouble() < min || n.asDouble() > max) {
      throw new IllegalArgumentException(
          "GeoJSON feature "
              + feature
              + ": "
              + name
              + " must be a number from "
              + min
              + " to "
              + max);
    }
    return n.asDouble();
  }

  private LinearRing ring(JsonNode ring, int feature) {
    if (!ring.isArray() || ring.size() < 4) {
      throw new IllegalArgumentException(
          "GeoJSON feature " + feature + ": a ring needs at least 4 [lon, lat] positions");
    }
    Coordinate[] c = new Coordinate[ring.size()];
    for (int i = 0; i < c.length; i++) {
      JsonNode pos = ring.get(i);
      if (!pos.isArray() || pos.size() < 2 || !pos.get(0).isNumber() || !pos.get(1).isNumber()) {
        throw new IllegalArgumentException(
            "GeoJSON feature " + feature + ": position " + i + " must be [lon, lat]");
      }
      c[i] = new Coordinate(pos.get(0).asDouble(), pos.get(1).asDouble());
    }
    if (!c[0].equals2D(c[c.length - 1])) {
      throw new IllegalArgumentException(
          "GeoJSON feature " + feature + ": a ring must end where it starts");
    }
    return factory.createLinearRing(c);
  }

  /** The area whose parameters apply at a position, if any. */
  public Optional<Area> at(double lat, double lon) {
    if (Double.isNaN(lat) || Double.isNaN(lon)) {
      return Optional.empty();
    }
    Point pt = factory.createPoint(new Coordinate(lon, lat));
    @SuppressWarnings("unchecked")
    List<Shape> hits = index.query(new Envelope(lon, lon, lat, lat));
    Shape best = null;
    for (Shape s : hits) {
      if ((best == null || s.order() < best.order()) && s.geometry().covers(pt)) {
        best = s;
      }
    }
    return best == null ? Optional.empty() : Optional.of(best.area());
  }

  public List<Area> areas() {
    return List.copyOf(areas);
  }

  /** Tracker settings: {@code base} everywhere, overridden inside these areas. */
  public VesselTracker.Settings apply(VesselTracker.Settings base) {
    EncounterRules enc =
        (lat, lon) -> {
          Optional<EncounterRules.Limits> d = base.encounters().at(lat, lon);
          Optional<Area> a = at(lat, lon);
          if (a.isEmpty() || d.isEmpty()) {
            return d;
          }
          Area x = a.get();
          if (x.exempt()) {
            return Optional.empty();
          }
          EncounterRules.Limits l = d.get();
          return Optional.of(
              new EncounterRules.Limits(
                  x.encounterMaxKm() != null ? x.encounterMaxKm() : l.maxDistanceKm(),
                  x.encounterMinMinutes() != null
                      ? Duration.ofSeconds(Math.round(x.encounterMinMinutes() * 60))
                      : l.minDuration(),
                  x.encounterMaxSpeedKnots() != null
                      ? x.encounterMaxSpeedKnots()
                      : l.maxMedianSpeedKnots()));
        };
    GapDetector.GapThreshold gap =
        (lat, lon) -> {
          Optional<Duration> d = base.gaps().at(lat, lon);
          Optional<Area> a = at(lat, lon);
          if (a.isEmpty() || d.isEmpty()) {
            return d;
          }
          if (a.get().exempt()) {
            return Optional.empty();
          }
          return a.get().gapHours() != null
              ? Optional.of(Duration.ofSeconds(Math.round(a.get().gapHours() * 3600)))
              : d;
        };
    LoiteringRules loiter =
        (lat, lon) -> {
          Optional<LoiteringRules.Limits> d = base.loitering().at(lat, lon);
          Optional<Area> a = at(lat, lon);
          if (a.isEmpty() || d.isEmpty()) {
            return d;
          }
          Area x = a.get();
          if (x.exempt()) {
            return Optional.empty();
          }
          LoiteringRules.Limits l = d.get();
          return Optional.of(
              new LoiteringRules.Limits(
                  x.loiterMaxSpeedKnots() != null ? x.loiterMaxSpeedKnots() : l.maxSpeedKnots(),
                  x.loiterMinMinutes() != null
                      ? Duration.ofSeconds(Math.round(x.loiterMinMinutes() * 60))
                      : l.minDuration(),
                  l.maxSilence()));
        };
    return base.withEncounters(enc).withGaps(gap).withLoitering(loiter);
  }
}
