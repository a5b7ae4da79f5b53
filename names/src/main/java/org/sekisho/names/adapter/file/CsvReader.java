package org.sekisho.names.adapter.file;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;

/**
 * Streaming RFC 4180 reader: comma-separated fields, fields in double quotes may hold commas, line
 * breaks and doubled quotes. Reads one record at a time; a malformed record (a quote that is never
 * closed, text after a closing quote) is rejected ({@code malformed-csv}, worded {@code
 * never-closed} with the line the quote opened on, or {@code after-quote} with the field's place)
 * with its line number and the reader goes on; the lines after a quote that is never closed are
 * read again as rows, so that one stray quote does not swallow the rest of a file. A leading
 * byte-order mark is skipped. The underlying reader is closed by the caller.
 */
public final class CsvReader implements Iterable<CsvReader.Row> {

  /** One record: the line it starts on and its fields, or the problem with it. */
  public record Row(int line, Outcome<List<String>> fields) {}

  private final Reader in;
  private int line = 1;
  private int peeked = -2;
  // the lines an unclosed quote swallowed, read again as rows of their own
  private String reread = "";
  private int again;

  public CsvReader(Reader in) {
    this.in = in;
  }

  private int read() {
    if (peeked != -2) {
      int c = peeked;
      peeked = -2;
      return c;
    }
    if (again < reread.length()) {
      return reread.charAt(again++);
    }
    try {
      return in.read();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int peek() {
    if (peeked == -2) {
      peeked = read();
    }
    return peeked;
  }

  /** The next record, or null at end of input. */
  public Row next() {
    int c = read();
    if (line == 1 && c == 0xFEFF) {
      c = read();
    }
    if (c == -1) {
      return null;
    }
    int start = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    String problem = null;
    while (true) {
      if (c == '"' && field.isEmpty()) {
        // quoted field; what follows its first line break is kept in case the quote never closes
        StringBuilder after = null;
        while (true) {
          c = read();
          if (c == -1) {
            problem = "a quoted field opened on line " + start + " is never closed";
            if (after != null) {
              // the rows after the broken one are not lost: read them again as rows
              problem += "; the lines after it are read again as rows";
              reread = after.toString() + reread.substring(again);
              again = 0;
              line = start + 1;
            }
            break;
          }
          if (after != null) {
            after.append((char) c);
          } else if (c == '\n') {
            after = new StringBuilder();
          }
          if (c == '"') {
            if (peek() == '"') {
              read();
              field.append('"');
              continue;
            }
            break;
          }
          if (c == '\n') {
            line++;
          }
          field.append((char) c);
        }
        if (problem != null) {
          fields.add(field.toString());
          return new Row(
              start,
              Outcome.rejected(
                  Problem.of("malformed-csv", "line " + start, problem)
                      .worded("never-closed", start)));
        }
        c = read();
        if (c != ',' && c != '\n' && c != '\r' && c != -1) {
          problem = "text after a closing quote in field " + (fields.size() + 1);
          while (c != '\n' && c != -1) {
            c = read();
          }
          line++;
          return new Row(
              start,
              Outcome.rejected(
                  Problem.of("malformed-csv", "line " + start, problem)
                      .worded("after-quote", fields.size() + 1)));
        }
      }
      if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        c = read();
        continue;
      }
      if (c == '\r') {
        if (peek() == '\n') {
          read();
        }
        c = '\n';
      }
      if (c == '\n' || c == -1) {
        fields.add(field.toString());
        if (c == '\n') {
          line++;
        }
        return new Row(start, Outcome.accepted(fields));
      }
      field.append((char) c);
      c = read();
    }
  }

  @Override
  public Iterator<Row> iterator() {
    return new Iterator<>() {
      private Row next = CsvReader.this.next();

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Row next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        Row r = next;
        next = CsvReader.this.next();
        return r;
      }
    };
  }

  /** Quotes a field for output when it holds a comma, quote or line break. */
  public static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
