package org.sekisho.targeting.model.adapter.kcs;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.sekisho.core.Outcome;

/**
 * A streaming RFC 4180 CSV tokenizer: comma-separated fields, optionally quoted with {@code "}, a
 * doubled quote inside quotes for a literal one, line breaks inside quotes kept, CRLF or LF between
 * records. A malformed record (text after a closing quote, a quote inside an unquoted field, an
 * unterminated quote at end of input) comes back as a rejection naming the line and position, and
 * reading continues with the next line. Not thread-safe; the caller owns and closes the reader.
 */
public final class CsvReader {
  private final Reader in;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int len;
  private long line = 1;
  private boolean eof;

  public CsvReader(Reader in) {
    this.in = in;
  }

  /**
   * One record and the line it started on.
   *
   * @param line 1-based physical line where the record starts
   * @param fields the fields, or why the record is malformed
   */
  public record Record(long line, Outcome<List<String>> fields) {}

  /** The next record, or {@code null} at end of input. I/O errors are unchecked. */
  public Record next() {
    if (peek() < 0) {
      return null;
    }
    long start = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    String problem = null;
    int column = 1;
    while (true) {
      int c = read();
      if (c < 0 || c == '\n' || c == '\r') {
        if (c == '\r' && peek() == '\n') {
          read();
        }
        if (c >= 0) {
          line++;
        }
        fields.add(field.toString());
        break;
      }
      if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        column++;
        continue;
      }
      if (c == '"' && field.isEmpty()) {
        // quoted field
        boolean closed = false;
        while (true) {
          int q = read();
          if (q < 0) {
            break;
          }
          if (q == '"') {
            if (peek() == '"') {
              read();
              field.append('"');
            } else {
              closed = true;
              break;
            }
          } else {
            if (q == '\n') {
              line++;
            }
            field.append((char) q);
          }
        }
        if (!closed) {
          problem = "field " + column + ": quote opened but never closed before end of input";
          fields.add(field.toString());
          break;
        }
        int after = peek();
        if (after >= 0 && after != ',' && after != '\n' && after != '\r') {
          problem =
              "field "
                  + column
                  + ": unexpected character '"
                  + (char) after
                  + "' after closing quote (expected , or end of line)";
          skipLine();
          break;
        }
        continue;
      }
      if (c == '"') {
        problem = "field " + column + ": quote inside an unquoted field (quote the whole field)";
        skipLine();
        break;
      }
      field.append((char) c);
    }
    if (problem != null) {
      return new Record(start, Outcome.rejected("malformed-csv", "line " + start, problem));
    }
    return new Record(start, Outcome.accepted(List.copyOf(fields)));
  }

  private void skipLine() {
    while (true) {
      int c = read();
      if (c < 0) {
        return;
      }
      if (c == '\n' || c == '\r') {
        if (c == '\r' && peek() == '\n') {
          read();
        }
        line++;
        return;
      }
    }
  }

  private int peek() {
    if (pos == len && !fill()) {
      return -1;
    }
    return buf[pos];
  }

  private int read() {
    if (pos == len && !fill()) {
      return -1;
    }
    return buf[pos++];
  }

  private boolean fill() {
    if (eof) {
      return false;
    }
    try {
      int n = in.read(buf, 0, buf.length);
      if (n <= 0) {
        eof = true;
        return false;
      }
      pos = 0;
      len = n;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
