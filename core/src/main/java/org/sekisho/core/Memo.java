package org.sekisho.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Results of a pure function of a string, kept for inputs that repeat (the same importer, phone or
 * name in thousands of declarations). Emptied when it reaches its bound, which keeps memory fixed
 * without the locking an LRU needs. Thread-safe.
 */
public final class Memo {
  private final int maxSize;
  private final Function<String, String> function;
  private final Map<String, String> results = new ConcurrentHashMap<>();

  public Memo(int maxSize, Function<String, String> function) {
    this.maxSize = maxSize;
    this.function = function;
  }

  public String apply(String input) {
    String cached = results.get(input);
    if (cached != null) {
      return cached;
    }
    String result = function.apply(input);
    if (results.size() >= maxSize) {
      results.clear();
    }
    results.put(input, result);
    return result;
  }
}
