package org.sekisho.intel.application;

import java.io.Closeable;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
   *
   * @param itemRows for a record spread over several rows (a CSV declaration, one goods item a
   *     row), the row of each item in order; empty when the record is the one row {@code number}
   */
  record Row(long number, Supplier<Outcome<Fields>> reading, List<Long> itemRows) {
    private static final Pattern ITEM = Pattern.compile("^items\\[(\\d{1,9})]");

    public Row {
      itemRows = List.copyOf(itemRows);
    }

    public Row(long number, Supplier<Outcome<Fields>> reading) {
      this(number, reading, List.of());
    }

    public Row(long number, Outcome<Fields> fields) {
      this(number, () -> fields);
    }

    /** The row's fields, or why the row could not be read. */
    public Outcome<Fields> fields() {
      return reading.get();
    }

    /**
     * The row that holds {@code field}: the row of the item for a field of an item ({@code
     * items[1].hsCode}) of a record spread over rows, else {@link #number}.
     */
    public long rowOf(String field) {
      Matcher m = ITEM.matcher(field == null ? "" : field);
      if (m.find()) {
        int i = Integer.parseInt(m.group(1));
        if (i < itemRows.size()) {
          return itemRows.get(i);
        }
      }
      return number;
    }
  }
}
