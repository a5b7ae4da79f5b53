package org.sekisho.maritime.adapter.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.sekisho.maritime.domain.geo.LandCells;

/**
 * The land the map draws (Natural Earth land, {@code /assets/maritime/land.geojson}), to refuse a
 * position at sea that lies well inland. The outline is coarse: harbours, rivers and narrow bays
 * may be drawn as land, so a point counts as on land only more than {@link #MARGIN_DEG} inside the
 * coastline, never a boat alongside a quay. The same land, cell by cell, for passages by sea
 * ({@link LandCells}): a cell is land where its centre is, so a strait narrower than two
 * arc-minutes on this outline stays open. Thread-safe once built.
 */
public final class GeoJsonLand implements LandCells {
  /** How far inside the drawn coastline a point must be to count as land: one arc-minute. */
  public static final double MARGIN_DEG = 1.0 / 60;

  private static final GeometryFactory GEOMETRY = new GeometryFactory();
  private final STRtree index = new STRtree();

  private GeoJsonLand(List<Polygon> polygons) {
    for (Polygon p : polygons) {
      index.insert(p.getEnvelopeInternal(), new Inland(p));
    }
    index.build();
  }

  /**
   * The land more than {@link #MARGIN_DEG} inside a polygon's coast, worked out when first asked.
   */
  private static final class Inland {
    private final Polygon land;
    private Geometry inner;
    private IndexedPointInAreaLocator locator;

    Inland(Polygon land) {
      this.land = land;
    }

    synchronized boolean contains(double lat, double lon) {
      if (inner == null) {
        inner = land.buffer(-MARGIN_DEG);
        locator = new IndexedPointInAreaLocator(inner);
      }
      Envelope e = inner.getEnvelopeInternal();
      return e.contains(lon, lat) && locator.locate(new Coordinate(lon, lat)) == Location.INTERIOR;
    }
  }

  private static final class Shared {
    static final GeoJsonLand LAND = load();
  }

  /** The land the map draws, read once for the whole process. */
  public static GeoJsonLand shared() {
    return Shared.LAND;
  }

  @Override
  public BitSet tile(int south, int west, int n) {
    BitSet out = new BitSet(n * n);
    for (Object o : index.query(new Envelope(west, west + 1, south, south + 1))) {
      Inland land = (Inland) o;
      for (int r = 0; r < n; r++) {
        double lat = south + (r + 0.5) / n;
        for (int c = 0; c < n; c++) {
          if (!out.get(r * n + c) && land.contains(lat, west + (c + 0.5) / n)) {
            out.set(r * n + c);
          }
        }
      }
    }
    return out;
  }

  /** The land the map draws, from the class path. */
  public static GeoJsonLand load() {
    try (InputStream in = GeoJsonLand.class.getResourceAsStream("/assets/maritime/land.geojson")) {
      if (in == null) {
        throw new IllegalStateException("assets/maritime/land.geojson is missing");
      }
      return read(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Land from a GeoJSON FeatureCollection of Polygons and MultiPolygons ([lon, lat] rings). */
  public static GeoJsonLand read(JsonNode collection) {
    List<Polygon> polygons = new ArrayList<>();
    for (JsonNode f : collection.path("features")) {
      JsonNode g = f.path("geometry");
      switch (g.path("type").asText()) {
        case "Polygon" -> polygons.add(polygon(g.path("coordinates")));
        case "MultiPolygon" -> g.path("coordinates").forEach(p -> polygons.add(polygon(p)));
        default -> {
          // points and lines are not land
        }
      }
    }
    return new GeoJsonLand(polygons);
  }

  private static Polygon polygon(JsonNode rings) {
    LinearRing shell = ring(rings.get(0));
    LinearRing[] holes = new LinearRing[Math.max(0, rings.size() - 1)];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = ring(rings.get(i));
    }
    return GEOMETRY.createPolygon(shell, holes);
  }

  private static LinearRing ring(JsonNode points) {
    List<Coordinate> c = new ArrayList<>();
    for (JsonNode p : points) {
      c.add(new Coordinate(p.get(0).asDouble(), p.get(1).asDouble()));
    }
    if (!c.isEmpty() && !c.get(0).equals2D(c.get(c.size() - 1))) {
      c.add(c.get(0));
    }
    return GEOMETRY.createLinearRing(c.toArray(new Coordinate[0]));
  }

  /** How far inside the land ({@code lat}, {@code lon}) lies, in degrees; 0 at sea. */
  public double depth(double lat, double lon) {
    Point p = GEOMETRY.createPoint(new Coordinate(lon, lat));
    double deepest = 0;
    for (Object o : index.query(new Envelope(lon, lon, lat, lat))) {
      Polygon land = ((Inland) o).land;
      if (land.contains(p)) {
        deepest = Math.max(deepest, land.getBoundary().distance(p));
      }
    }
    return deepest;
  }

  /** True when ({@code lat}, {@code lon}) lies more than {@link #MARGIN_DEG} inside the land. */
  public boolean onLand(double lat, double lon) {
    return depth(lat, lon) > MARGIN_DEG;
  }
}
