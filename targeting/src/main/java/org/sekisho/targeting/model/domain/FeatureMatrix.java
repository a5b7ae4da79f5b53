package org.sekisho.targeting.model.domain;

/**
 * Encoded rows in row-major order, with their labels (0 or 1; 0 also for unlabelled rows).
 *
 * @param values {@code rows * columns} features, NaN where missing
 * @param rows number of rows
 * @param columns features per row
 * @param labels one label per row
 */
public record FeatureMatrix(float[] values, int rows, int columns, float[] labels) {
  public FeatureMatrix {
    if (values.length != rows * columns || labels.length != rows) {
      throw new IllegalArgumentException("matrix shape does not match its arrays");
    }
  }

  /** A copy of row {@code r}. */
  public float[] row(int r) {
    float[] out = new float[columns];
    System.arraycopy(values, r * columns, out, 0, columns);
    return out;
  }

  /** This matrix followed by {@code other}'s rows. */
  public FeatureMatrix append(FeatureMatrix other) {
    if (other.columns != columns) {
      throw new IllegalArgumentException("column counts differ");
    }
    float[] v = new float[values.length + other.values.length];
    System.arraycopy(values, 0, v, 0, values.length);
    System.arraycopy(other.values, 0, v, values.length, other.values.length);
    float[] l = new float[rows + other.rows];
    System.arraycopy(labels, 0, l, 0, rows);
    System.arraycopy(other.labels, 0, l, rows, other.rows);
    return new FeatureMatrix(v, rows + other.rows, columns, l);
  }
}
