package org.sekisho.intel.adapter.format;

import java.util.NoSuchElementException;
import org.sekisho.intel.application.RowSource;

/**
 * A row source that reads one row ahead: subclasses say how to read the next row, or null at the
 * end.
 */
abstract class LookAheadRows implements RowSource {
  private Row next;

  /** The next row, or null when the input is exhausted. */
  protected abstract Row advance();

  @Override
  public final boolean hasNext() {
    if (next == null) {
      next = advance();
    }
    return next != null;
  }

  @Override
  public final Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Row r = next;
    next = null;
    return r;
  }
}
