package org.sekisho.maritime.domain.geo;

import java.util.BitSet;

/** Which cells of a one-degree tile are land, for {@link SeaRoutes}. Implementations are pure. */
@FunctionalInterface
public interface LandCells {
  /** No land anywhere: every passage is a straight line. */
  LandCells NONE = (south, west, n) -> new BitSet();

  /**
   * The land cells of the tile from latitude {@code south} to {@code south + 1} and longitude
   * {@code west} to {@code west + 1}, split into {@code n} × {@code n} cells.
   *
   * @return bit {@code row · n + column} set where that cell's centre is land (row 0 the
   *     southernmost, column 0 the westernmost)
   */
  BitSet tile(int south, int west, int n);
}
