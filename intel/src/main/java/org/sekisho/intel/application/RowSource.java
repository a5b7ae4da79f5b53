package org.sekisho.intel.application;

import java.io.Closeable;
import java.util.Iterator;
import java.util.function.Supplier;
import org.sekisho.core.Outcome;
import org.sekisho.intel.domain.Fields;

/**
 * The rows of one input file in one format, read lazily so that files of any size stream. A row
 * that cannot even be read as a row (broken JSON line, unbalanced CSV quote) is a rejected outcome;
 * reading goes on with the next row.
 */
public interface RowSource extends Iterator<RowSource.Row>, Closeable {
  /**
   * One row and its 1-based row number in the file (data rows, header not counted for CSV). Its
   * fields may be read when {@link #fields()} is called rather than when the row is read, so that
   * the parsing can happen on the thread that validates the row; each call reads them afresh.
   */
  record Row(long number, Supplier<Outcome<Fields>> reading) {
    public Row(long number, Outcome<Fields> fields) {
      this(number, () -> fields);
    }

    /** The row's fields, or why the row could not be read. */
    public Outcome<Fields> fields() {
      return reading.get();
    }
  }
}
