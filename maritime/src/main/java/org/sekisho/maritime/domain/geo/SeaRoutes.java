package org.sekisho.maritime.domain.geo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passages by sea, round the land: a patrol boat in the Sea of Japan sent to a position off the
 * Pacific coast goes round Honshu, not across it.
 *
 * <p>The sea is a grid of {@value #CELLS_PER_DEGREE} cells per degree (2 arc-minutes, 2 nautical
 * miles north to south) whose land cells come from {@link LandCells}, a tile of one degree at a
 * time, kept once read. A passage is the straight line where no land cell lies under it; otherwise
 * the shortest path over the grid (A*, eight neighbours, no corner cut across land), pulled
 * straight wherever the water allows, in a box round both ends that widens (1°, 5°, 15°) until a
 * path is found. A position whose own cell is land (a boat alongside in a harbour that the coarse
 * map draws as land) leaves by the nearest water cell within {@value #SNAP_CELLS} cells. Where no
 * path is found the passage is the straight line, marked {@link Passage.Basis#NO_SEA_ROUTE}.
 *
 * <p>Thread-safe. Recent passages are remembered (the map asks for the same boats and alerts every
 * few seconds).
 */
public final class SeaRoutes implements Passages {
  /** Grid cells per degree of latitude and of longitude. */
  public static final int CELLS_PER_DEGREE = 30;

  /** How many cells a position on land may be from the water it leaves by. */
  public static final int SNAP_CELLS = 5;

  /** The most cells one search may settle before it gives up. */
  static final int MAX_SETTLED = 1_500_000;

  private static final double CELL = 1.0 / CELLS_PER_DEGREE;
  private static final int ROWS = 180 * CELLS_PER_DEGREE;
  private static final int COLS = 360 * CELLS_PER_DEGREE;
  private static final int[] MARGINS = {
    CELLS_PER_DEGREE, 5 * CELLS_PER_DEGREE, 15 * CELLS_PER_DEGREE
  };
  private static final int REMEMBERED = 4096;
  private static final double CELL_NM = Geo.distanceNm(0, 0, CELL, 0);

  private final LandCells land;
  private final ConcurrentHashMap<Long, BitSet> tiles = new ConcurrentHashMap<>();
  private final Map<List<Double>, Passage> remembered =
      Collections.synchronizedMap(
          new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<List<Double>, Passage> eldest) {
              return size() > REMEMBERED;
            }
          });

  public SeaRoutes(LandCells land) {
    this.land = land;
  }

  @Override
  public Passage between(double fromLat, double fromLon, double toLat, double toLon) {
    List<Double> key = List.of(fromLat, fromLon, toLat, toLon);
    Passage known = remembered.get(key);
    if (known != null) {
      return known;
    }
    Passage p = route(fromLat, fromLon, toLat, toLon);
    remembered.put(key, p);
    return p;
  }

  private Passage route(double fromLat, double fromLon, double toLat, double toLon) {
    int[] start = water(row(fromLat), col(fromLon));
    int[] goal = water(row(toLat), col(toLon));
    if (start == null || goal == null) {
      return Passage.straight(fromLat, fromLon, toLat, toLon, Passage.Basis.NO_SEA_ROUTE);
    }
    boolean leavesLand = start[0] != row(fromLat) || start[1] != col(fromLon);
    boolean reachesLand = goal[0] != row(toLat) || goal[1] != col(toLon);
    List<Passage.Waypoint> points = new ArrayList<>();
    points.add(new Passage.Waypoint(fromLat, fromLon));
    if (leavesLand) {
      points.add(centre(start[0], start[1]));
    }
    Passage.Waypoint a = points.get(points.size() - 1);
    Passage.Waypoint b = reachesLand ? centre(goal[0], goal[1]) : null;
    Passage.Waypoint end = new Passage.Waypoint(toLat, toLon);
    if (clear(a, b == null ? end : b)) {
      return passage(points, b, end);
    }
    for (int margin : MARGINS) {
      int[] cells = search(start, goal, margin);
      if (cells != null) {
        int first = points.size() - 1;
        // the path's inner cells; its ends are the positions (or the water they leave by)
        for (int i = 1; i + 1 < cells.length / 2; i++) {
          points.add(centre(cells[2 * i], cells[2 * i + 1]));
        }
        points.add(b == null ? end : b);
        List<Passage.Waypoint> pulled = pullStraight(points, first);
        if (b != null) {
          pulled.add(end);
        }
        return new Passage(length(pulled), Passage.Basis.SEA, pulled);
      }
    }
    return Passage.straight(fromLat, fromLon, toLat, toLon, Passage.Basis.NO_SEA_ROUTE);
  }

  private static Passage passage(
      List<Passage.Waypoint> points, Passage.Waypoint b, Passage.Waypoint end) {
    List<Passage.Waypoint> all = new ArrayList<>(points);
    if (b != null) {
      all.add(b);
    }
    all.add(end);
    return new Passage(length(all), Passage.Basis.SEA, all);
  }

  private static double length(List<Passage.Waypoint> points) {
    double nm = 0;
    for (int i = 1; i < points.size(); i++) {
      Passage.Waypoint p = points.get(i - 1);
      Passage.Waypoint q = points.get(i);
      nm += Geo.distanceNm(p.lat(), p.lon(), q.lat(), q.lon());
    }
    return nm;
  }

  /**
   * The points from {@code first} on, each leg taken as far ahead as the water allows (the grid's
   * zigzag pulled straight); the points before {@code first} are kept as they are.
   */
  private List<Passage.Waypoint> pullStraight(List<Passage.Waypoint> points, int first) {
    List<Passage.Waypoint> out = new ArrayList<>(points.subList(0, first + 1));
    int last = points.size() - 1;
    int i = first;
    while (i < last) {
      // the farthest point in sight: double the reach while in sight, then halve back
      int seen = i + 1;
      int step = 1;
      while (seen + step <= last && clear(points.get(i), points.get(seen + step))) {
        seen += step;
        step *= 2;
      }
      for (step /= 2; step >= 1; step /= 2) {
        if (seen + step <= last && clear(points.get(i), points.get(seen + step))) {
          seen += step;
        }
      }
      out.add(points.get(seen));
      i = seen;
    }
    return out;
  }

  /**
   * Whether no land cell lies under the line from {@code a} to {@code b} (looked at every ¼ cell).
   */
  boolean clear(Passage.Waypoint a, Passage.Waypoint b) {
    double dLat = b.lat() - a.lat();
    double dLon = b.lon() - a.lon();
    int steps = (int) Math.ceil(Math.max(Math.abs(dLat), Math.abs(dLon)) / (CELL / 4));
    for (int i = 0; i <= steps; i++) {
      double t = steps == 0 ? 0 : (double) i / steps;
      if (land(row(a.lat() + dLat * t), col(a.lon() + dLon * t))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The shortest path over the grid between two water cells, in a box {@code margin} cells wider
   * than theirs on every side.
   *
   * @return the cells' rows and columns, interleaved, start first; null when none was found
   */
  private int[] search(int[] start, int[] goal, int margin) {
    int r0 = Math.max(0, Math.min(start[0], goal[0]) - margin);
    int r1 = Math.min(ROWS - 1, Math.max(start[0], goal[0]) + margin);
    int c0 = Math.max(0, Math.min(start[1], goal[1]) - margin);
    int c1 = Math.min(COLS - 1, Math.max(start[1], goal[1]) + margin);
    int w = c1 - c0 + 1;
    int h = r1 - r0 + 1;
    Box box = new Box(r0, c0, w, h);
    float[] cost = new float[w * h];
    Arrays.fill(cost, Float.POSITIVE_INFINITY);
    int[] from = new int[w * h];
    BitSet settled = new BitSet(w * h);
    double[] eastWestNm = new double[h];
    for (int r = 0; r < h; r++) {
      eastWestNm[r] = CELL_NM * Math.cos(Math.toRadians(lat(r0 + r)));
    }
    double goalLat = lat(goal[0]);
    double goalLon = lon(goal[1]);
    int s = (start[0] - r0) * w + (start[1] - c0);
    int g = (goal[0] - r0) * w + (goal[1] - c0);
    cost[s] = 0;
    from[s] = -1;
    Heap open = new Heap();
    open.push(0, s);
    int count = 0;
    while (!open.isEmpty()) {
      int at = open.pop();
      if (settled.get(at)) {
        continue;
      }
      settled.set(at);
      if (at == g) {
        return cells(from, g, box);
      }
      if (++count > MAX_SETTLED) {
        return null;
      }
      int r = at / w;
      int c = at % w;
      for (int dr = -1; dr <= 1; dr++) {
        for (int dc = -1; dc <= 1; dc++) {
          int nr = r + dr;
          int nc = c + dc;
          if ((dr == 0 && dc == 0) || nr < 0 || nr >= h || nc < 0 || nc >= w) {
            continue;
          }
          int next = nr * w + nc;
          if (settled.get(next) || box.land(this, nr, nc)) {
            continue;
          }
          double step;
          if (dr == 0) {
            step = eastWestNm[r];
          } else if (dc == 0) {
            step = CELL_NM;
          } else {
            // no corner cut across land
            if (box.land(this, r + dr, c) || box.land(this, r, c + dc)) {
              continue;
            }
            double ew = 0.5 * (eastWestNm[r] + eastWestNm[nr]);
            step = Math.sqrt(ew * ew + CELL_NM * CELL_NM);
          }
          float through = (float) (cost[at] + step);
          if (through < cost[next]) {
            cost[next] = through;
            from[next] = at;
            // a little under the great circle: each leg of the grid is no shorter than its chord
            double ahead = 0.995 * Geo.distanceNm(lat(r0 + nr), lon(c0 + nc), goalLat, goalLon);
            open.push((float) (through + ahead), next);
          }
        }
      }
    }
    return null;
  }

  private static int[] cells(int[] from, int goal, Box box) {
    List<Integer> path = new ArrayList<>();
    for (int at = goal; at != -1; at = from[at]) {
      path.add(at);
    }
    Collections.reverse(path);
    int[] out = new int[path.size() * 2];
    for (int i = 0; i < path.size(); i++) {
      out[2 * i] = box.r0 + path.get(i) / box.w;
      out[2 * i + 1] = box.c0 + path.get(i) % box.w;
    }
    return out;
  }

  /** A search's box, with the land of its tiles at hand. */
  private static final class Box {
    final int r0;
    final int c0;
    final int w;
    final int h;
    private final int tileRow0;
    private final int tileCol0;
    private final int tilesWide;
    private final BitSet[] tiles;

    Box(int r0, int c0, int w, int h) {
      this.r0 = r0;
      this.c0 = c0;
      this.w = w;
      this.h = h;
      this.tileRow0 = r0 / CELLS_PER_DEGREE;
      this.tileCol0 = c0 / CELLS_PER_DEGREE;
      this.tilesWide = (c0 + w - 1) / CELLS_PER_DEGREE - tileCol0 + 1;
      int tilesHigh = (r0 + h - 1) / CELLS_PER_DEGREE - tileRow0 + 1;
      this.tiles = new BitSet[tilesWide * tilesHigh];
    }

    /** Whether the box's cell ({@code r}, {@code c}) is land; outside the box counts as land. */
    boolean land(SeaRoutes routes, int r, int c) {
      if (r < 0 || r >= h || c < 0 || c >= w) {
        return true;
      }
      int row = r0 + r;
      int col = c0 + c;
      int t = (row / CELLS_PER_DEGREE - tileRow0) * tilesWide + (col / CELLS_PER_DEGREE - tileCol0);
      BitSet tile = tiles[t];
      if (tile == null) {
        tile = routes.tile(row / CELLS_PER_DEGREE, col / CELLS_PER_DEGREE);
        tiles[t] = tile;
      }
      return tile.get((row % CELLS_PER_DEGREE) * CELLS_PER_DEGREE + col % CELLS_PER_DEGREE);
    }
  }

  /** A binary heap of cells by their estimate, smallest first. */
  private static final class Heap {
    private long[] items = new long[1024];
    private int size;

    boolean isEmpty() {
      return size == 0;
    }

    void push(float estimate, int cell) {
      // a positive float's bits order as the float does
      long item = ((long) Float.floatToIntBits(estimate) << 32) | cell;
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      int i = size++;
      while (i > 0) {
        int parent = (i - 1) / 2;
        if (items[parent] <= item) {
          break;
        }
        items[i] = items[parent];
        i = parent;
      }
      items[i] = item;
    }

    int pop() {
      long top = items[0];
      long item = items[--size];
      int i = 0;
      while (true) {
        int child = 2 * i + 1;
        if (child >= size) {
          break;
        }
        if (child + 1 < size && items[child + 1] < items[child]) {
          child++;
        }
        if (items[child] >= item) {
          break;
        }
        items[i] = items[child];
        i = child;
      }
      items[i] = item;
      return (int) top;
    }
  }

  /** The cell itself when it is water, else the nearest water cell within {@link #SNAP_CELLS}. */
  private int[] water(int r, int c) {
    if (!land(r, c)) {
      return new int[] {r, c};
    }
    for (int k = 1; k <= SNAP_CELLS; k++) {
      int[] best = null;
      double bestD = Double.MAX_VALUE;
      for (int dr = -k; dr <= k; dr++) {
        for (int dc = -k; dc <= k; dc++) {
          if (Math.max(Math.abs(dr), Math.abs(dc)) != k) {
            continue;
          }
          int nr = r + dr;
          int nc = c + dc;
          if (nr < 0 || nr >= ROWS || nc < 0 || nc >= COLS || land(nr, nc)) {
            continue;
          }
          double d = Geo.distanceNm(lat(r), lon(c), lat(nr), lon(nc));
          if (d < bestD) {
            bestD = d;
            best = new int[] {nr, nc};
          }
        }
      }
      if (best != null) {
        return best;
      }
    }
    return null;
  }

  private boolean land(int r, int c) {
    return tile(r / CELLS_PER_DEGREE, c / CELLS_PER_DEGREE)
        .get((r % CELLS_PER_DEGREE) * CELLS_PER_DEGREE + c % CELLS_PER_DEGREE);
  }

  private BitSet tile(int tileRow, int tileCol) {
    return tiles.computeIfAbsent(
        ((long) tileRow << 32) | tileCol,
        k -> land.tile(tileRow - 90, tileCol - 180, CELLS_PER_DEGREE));
  }

  private static Passage.Waypoint centre(int r, int c) {
    return new Passage.Waypoint(lat(r), lon(c));
  }

  static int row(double lat) {
    return Math.clamp((long) Math.floor((lat + 90) * CELLS_PER_DEGREE), 0, ROWS - 1);
  }

  static int col(double lon) {
    return Math.clamp(
        (long) Math.floor((Geo.normalizeLon(lon) + 180) * CELLS_PER_DEGREE), 0, COLS - 1);
  }

  static double lat(int row) {
    return (row + 0.5) * CELL - 90;
  }

  static double lon(int col) {
    return (col + 0.5) * CELL - 180;
  }
}
