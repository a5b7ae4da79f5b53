package org.sekisho.maritime.adapter.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.sekisho.maritime.domain.port.PortArea;
import org.sekisho.maritime.domain.port.PortAreas;

/**
 * Port areas read from GeoJSON (a FeatureCollection of Polygon or MultiPolygon features with
 * properties {@code locode}, {@code name}, {@code kind}), looked up with JTS through an STR-tree.
 * Immutable after construction; thread-safe.
 */
public final class GeoJsonPortAreas implements PortAreas {
  private record Area(PortArea port, Geometry shape) {}

  private final GeometryFactory factory = new GeometryFactory();
  private final STRtree index = new STRtree();
  private final List<Area> areas = new ArrayList<>();
  private final Envelope bounds = new Envelope();

  /** The port areas shipped with Sekisho ({@code /maritime/ports.geojson}). */
  public static GeoJsonPortAreas standard() {
    try (InputStream in = GeoJsonPortAreas.class.getResourceAsStream("/maritime/ports.geojson")) {
      if (in == null) {
        throw new IllegalStateException("maritime/ports.geojson is missing from the class path");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a FeatureCollection.
   *
   * @throws IllegalArgumentException naming the feature and what is wrong with it
   */
  public static GeoJsonPortAreas read(InputStream in) throws IOException {
    JsonNode root = new ObjectMapper().readTree(in);
    if (root == null) {
      throw new IllegalArgumentException("GeoJSON: empty input");
    }
    GeoJsonPortAreas p = new GeoJsonPortAreas();
    JsonNode features = root.path("features");
    if (!features.isArray()) {
      throw new IllegalArgumentException("GeoJSON: expected a FeatureCollection with features");
    }
    for (int i = 0; i < features.size(); i++) {
      JsonNode f = features.get(i);
      String locode = f.path("properties").path("locode").asText("");
      if (!locode.matches("[A-Z]{2}[A-Z2-9]{3}")) {
        throw new IllegalArgumentException(
            "GeoJSON feature " + i + ": properties.locode must be a UN/LOCODE like JPTYO");
      }
      PortArea port =
          new PortArea(
              locode,
              f.path("properties").path("name").asText(locode),
              f.path("properties").path("kind").asText("port"));
      Geometry g = p.geometry(f.path("geometry"), i);
      p.add(port, g);
    }
    p.index.build();
    return p;
  }

  private GeoJsonPortAreas() {}

  private void add(PortArea port, Geometry g) {
    Area a = new Area(port, g);
    areas.add(a);
    index.insert(g.getEnvelopeInternal(), a);
    bounds.expandToInclude(g.getEnvelopeInternal());
  }

  private Geometry geometry(JsonNode g, int feature) {
    String type = g.path("type").asText();
    JsonNode coords = g.path("coordinates");
    return switch (type) {
      case "Polygon" -> polygon(coords, feature);
      case "MultiPolygon" -> {
        if (!coords.isArray()) {
          throw new IllegalArgumentException(
              "GeoJSON feature " + feature + ": MultiPolygon coordinates must be an array");
        }
        Polygon[] parts = new Polygon[coords.size()];
        for (int i = 0; i < parts.length; i++) {
          parts[i] = polygon(coords.get(i), feature);
        }
        yield factory.createMultiPolygon(parts);
      }
      default ->
          throw new IllegalArgumentException(
              "GeoJSON feature " + feature + ": geometry must be Polygon or MultiPolygon");
    };
  }

  private Polygon polygon(JsonNode rings, int feature) {
    if (!rings.isArray() || rings.isEmpty()) {
      throw new IllegalArgumentException("GeoJSON feature " + feature + ": polygon has no ring");
    }
    LinearRing shell = ring(rings.get(0), feature);
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = ring(rings.get(i), feature);
    }
    return factory.createPolygon(shell, holes);
  }

  private LinearRing ring(JsonNode ring, int feature) {
    if (!ring.isArray() || ring.size() < 4) {
      throw new IllegalArgumentException(
          "GeoJSON feature " + feature + ": a ring needs at least 4 [lon, lat] positions");
    }
    Coordinate[] c = new Coordinate[ring.size()];
    for (int i = 0; i < c.length; i++) {
      JsonNode pos = ring.get(i);
      if (!pos.isArray()
          || pos.size() < 2
          || !pos.get(0).isNumber()
          || !pos.get(1).isNumber()
          || Math.abs(pos.get(0).asDouble()) > 180
          || Math.abs(pos.get(1).asDouble()) > 90) {
        throw new IllegalArgumentException(
            "GeoJSON feature " + feature + ": position " + i + " must be [lon, lat] in degrees");
      }
      c[i] = new Coordinate(pos.get(0).asDouble(), pos.get(1).asDouble());
    }
    if (!c[0].equals2D(c[c.length - 1])) {
      throw new IllegalArgumentException(
          "GeoJSON feature " + feature + ": a ring must end where it starts");
    }
    return factory.createLinearRing(c);
  }

  @Override
  public Optional<PortArea> at(double lat, double lon) {
    if (!bounds.contains(lon, lat)) {
      return Optional.empty();
    }
    Point pt = factory.createPoint(new Coordinate(lon, lat));
    @SuppressWarnings("unchecked")
    List<Area> hits = index.query(new Envelope(lon, lon, lat, lat));
    for (Area a : hits) {
      if (a.shape().covers(pt)) {
        return Optional.of(a.port());
      }
    }
    return Optional.empty();
  }

  /** Every area, for maps: locode, name, kind and the outline as GeoJSON-ordered coordinates. */
  public List<PortArea> ports() {
    return areas.stream().map(Area::port).toList();
  }

  /** The outline of a port as a list of [lon, lat] rings (first polygon only), for maps. */
  public Optional<double[][]> outline(String locode) {
    for (Area a : areas) {
      if (a.port().locode().equals(locode)) {
        Coordinate[] c = a.shape().getGeometryN(0).getBoundary().getCoordinates();
        double[][] out = new double[c.length][];
        for (int i = 0; i < c.length; i++) {
          out[i] = new double[] {c[i].x, c[i].y};
        }
        return Optional.of(out);
      }
    }
    return Optional.empty();
  }
}
