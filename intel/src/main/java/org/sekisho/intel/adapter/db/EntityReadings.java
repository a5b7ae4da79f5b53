package org.sekisho.intel.adapter.db;

import org.sekisho.intel.domain.NameReading;
import org.sekisho.names.adapter.kuromoji.KuromojiReadings;

/**
 * The readings of Japanese names the store writes with new entities and the search reads queries
 * with: names' Kuromoji dictionary, loaded once per JVM on first use.
 */
public final class EntityReadings {
  private EntityReadings() {}

  private static final class Holder {
    static final NameReading SHARED = new NameReading(KuromojiReadings.normaliser());
  }

  /** One reader for the JVM (the dictionary is large; readings are memoised). */
  public static NameReading shared() {
    return Holder.SHARED;
  }
}
