package org.sekisho.intel.domain;

import java.util.List;

/**
 * One source row or object, as the format adapters (CSV, JSON) present it to {@link RecordReader}.
 * Names are dotted paths such as {@code importer.name}; absent values are empty, never null.
 */
public interface Fields {
  /** The text at {@code path}, stripped; empty when absent or null. */
  String text(String path);

  /** Nested objects at {@code path} (declaration items, seizure persons). */
  List<Fields> list(String path);

  /**
   * A list of plain strings at {@code path} (containers, route); CSV writes them separated by ';'.
   */
  List<String> strings(String path);
}
