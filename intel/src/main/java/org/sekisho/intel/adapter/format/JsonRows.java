package org.sekisho.intel.adapter.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.intel.domain.Fields;

/**
 * JSON Lines (one object per line), or one JSON array streamed element by element when the input
 * starts with {@code [}. A broken line is a rejected row naming the line and the parser's
 * complaint; the next line is read normally.
 */
public final class JsonRows extends LookAheadRows {
  // numbers read with every digit (a BigDecimal, never a double)
  private static final ObjectMapper JSON = ExactJson.compact();

  private final Reader reader;
  private final BufferedReader lines;
  private final JsonParser array;
  private long number;
  private boolean done;
  // the length of the line just read when it was too long to keep, else 0
  private long overlong;
  // lines are split in this buffer, filled from the reader, so that an overlong one is never kept
  private final char[] buffer = new char[1 << 16];
  private int pos;
  private int limit;
  // a \r ended the last line: a \n right after it belongs to the same line end
  private boolean skipLf;
  private boolean lineStarted;

  /**
   * The most characters one line of JSON Lines may hold: one record, however many goods items and
   * long narratives it has, is well below. A longer line is refused without being kept in memory.
   */
  static final long MAX_LINE = 10_000_000;

  private static final java.util.regex.Pattern SOURCE =
      java.util.regex.Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)]");

  public JsonRows(InputStream in) throws IOException {
    PushbackReader pr = new PushbackReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1);
    int c;
    do {
      c = pr.read();
    } while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xFEFF);
    if (c != -1) {
      pr.unread(c);
    }
    this.reader = pr;
    if (c == '[') {
      this.array = JSON.createParser(pr);
      this.array.nextToken();
      this.lines = null;
    } else {
      this.array = null;
      this.lines = new BufferedReader(pr, 1 << 16);
    }
  }

  @Override
  protected Row advance() {
    try {
      return array != null ? fromArray() : fromLines();
    } catch (IOException e) {
      // An I/O failure mid-file ends reading; the rows read so far stay valid.
      return null;
    }
  }

  private Row fromLines() throws IOException {
    String line;
    do {
      line = readLine();
      if (line == null) {
        return null;
      }
      number++;
      if (overlong > 0) {
        long at = number;
        long length = overlong;
        overlong = 0;
        return new Row(
            at,
            Outcome.rejected(
                Problem.of(
                        "too-long",
                        "line " + at,
                        "expected a line of at most "
                            + MAX_LINE
                            + " characters (one record), got "
                            + length
                            + ": the line was not read")
                    .worded("line", MAX_LINE, length)));
      }
    } while (line.isBlank());
    // Parsed when the row's fields are read (on the thread that validates it), so the reading
    // thread only splits lines and a chunk of rows waiting for validation holds lines, not trees.
    String text = line;
    long at = number;
    return new Row(at, () -> parse(text, at));
  }

  /**
   * The next line without its terminator ({@code \n}, {@code \r\n} or {@code \r}), or null at the
   * end. A line longer than {@link #MAX_LINE} is read to its end but not kept: its length is left
   * in {@link #overlong} and an empty line answered, so that one huge line costs no more memory
   * than a long one and the lines after it are read as usual.
   */
  private String readLine() throws IOException {
    StringBuilder sb = null;
    long length = 0;
    while (true) {
      if (pos == limit) {
        limit = lines.read(buffer, 0, buffer.length);
        pos = 0;
        if (limit <= 0) {
          limit = 0;
          if (sb == null && length == 0 && !lineStarted) {
            return null;
          }
          break;
        }
      }
      if (skipLf) {
        skipLf = false;
        if (buffer[pos] == '\n') {
          pos++;
          continue;
        }
      }
      lineStarted = true;
      int start = pos;
      while (pos < limit && buffer[pos] != '\n' && buffer[pos] != '\r') {
        pos++;
      }
      int n = pos - start;
      if (length + n <= MAX_LINE) {
        if (sb == null) {
          sb = new StringBuilder(Math.max(n, 80));
        }
        sb.append(buffer, start, n);
      } else if (sb != null) {
        sb = null;
      }
      length += n;
      if (pos < limit) {
        skipLf = buffer[pos] == '\r';
        pos++;
        break;
      }
    }
    lineStarted = false;
    if (length > MAX_LINE) {
      overlong = length;
      return "";
    }
    return sb == null ? "" : sb.toString();
  }

  /**
   * Why Jackson could not read the JSON, in its words but without its internals: the location it
   * quotes ({@code [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled);
   * line: 1, column: 7]}) becomes {@code column 7}, with the line for an array, whose lines are the
   * file's; a line of JSON Lines is named by the row already.
   */
  static String reason(IOException e, boolean withLine) {
    if (!(e instanceof JsonProcessingException j)) {
      return firstLine(e.getMessage());
    }
    String m = firstLine(j.getOriginalMessage());
    m =
        SOURCE
            .matcher(m)
            .replaceAll(
                r -> (withLine ? "line " + r.group(1) + ", " : "") + "column " + r.group(2));
    m = m.replaceAll("\\s*\\(`StreamReadFeature[^)]*\\)", "");
    JsonLocation at = j.getLocation();
    if (at != null && at.getColumnNr() > 0) {
      m += " (" + where(at, withLine) + ")";
    }
    return m;
  }

  private static String where(JsonLocation at, boolean withLine) {
    return (withLine ? "line " + at.getLineNr() + ", " : "") + "column " + at.getColumnNr();
  }

  private static Outcome<Fields> parse(String line, long number) {
    try {
      JsonNode node = JSON.readTree(line);
      if (node == null || !node.isObject()) {
        return Outcome.rejected(
            "invalid-json", "line " + number, "expected a JSON object on this line");
      }
      return Outcome.accepted(new JsonFields(node));
    } catch (IOException e) {
      Problem p =
          Problem.of("invalid-json", "line " + number, "not valid JSON: " + reason(e, false));
      JsonLocation at = e instanceof JsonProcessingException j ? j.getLocation() : null;
      return Outcome.rejected(
          at != null && at.getColumnNr() > 0 ? p.worded("column", at.getColumnNr()) : p);
    }
  }

  private Row fromArray() throws IOException {
    if (done) {
      return null;
    }
    JsonToken t;
    try {
      t = array.nextToken();
    } catch (IOException e) {
      number++;
      return broken(e);
    }
    if (t == null || t == JsonToken.END_ARRAY) {
      return null;
    }
    number++;
    try {
      JsonNode node = JSON.readTree(array);
      if (node == null || !node.isObject()) {
        return new Row(
            number,
            Outcome.rejected("invalid-json", "element " + number, "expected a JSON object"));
      }
      return new Row(number, Outcome.accepted(new JsonFields(node)));
    } catch (IOException e) {
      return broken(e);
    }
  }

  private Row broken(IOException e) {
    // A syntax error inside one array breaks the stream: report it, then stop.
    JsonLocation at = e instanceof JsonProcessingException j ? j.getLocation() : null;
    Problem p =
        e instanceof StreamConstraintsException
            // a value longer than the parser reads (20 million characters)
            ? Problem.of(
                "too-long",
                "element " + number,
                "this element is too long to read (reading stops here): " + reason(e, true))
            : Problem.of(
                "invalid-json",
                "element " + number,
                "not valid JSON (reading stops here): " + reason(e, true));
    if (at != null && at.getColumnNr() > 0) {
      p = p.worded("element", at.getLineNr(), at.getColumnNr());
    }
    Row r = new Row(number, Outcome.rejected(p));
    try {
      array.close();
    } catch (IOException ignored) {
      // closing a broken parser
    }
    done = true;
    return r;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int i = s.indexOf('\n');
    return i < 0 ? s : s.substring(0, i);
  }

  /**
   * Fields over a Jackson tree; dotted paths walk nested objects. A value of the wrong shape (an
   * object or a list where text belongs, text where a party object or a list belongs) reads as
   * absent and is noted as a problem naming its path and the expected form, so the row is refused
   * rather than stored without it.
   */
  static final class JsonFields implements Fields {
    private static final java.util.Map<String, String[]> PATHS =
        new java.util.concurrent.ConcurrentHashMap<>();
    private static final JsonNode MISSING =
        com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    private final JsonNode node;
    private final String prefix;
    // shared by a row's object and all the objects read from it
    private final List<Problem> problems;

    JsonFields(JsonNode node) {
      this(node, "", new ArrayList<>(0));
    }

    private JsonFields(JsonNode node, String prefix, List<Problem> problems) {
      this.node = node;
      this.prefix = prefix;
      this.problems = problems;
    }

    private JsonNode at(String path) {
      if (path.indexOf('.') < 0) {
        return node.get(path);
      }
      JsonNode n = node;
      // Field paths are few and fixed (the readers' constants), so their parts are split once.
      String[] parts = PATHS.computeIfAbsent(path, p -> p.split("\\."));
      for (int i = 0; i < parts.length; i++) {
        if (n == null || n.isNull()) {
          return null;
        }
        if (i > 0 && !n.isObject()) {
          wrong(String.join(".", java.util.Arrays.copyOf(parts, i)), "an object", n);
          return null;
        }
        n = n.get(parts[i]);
      }
      return n;
    }

    private void wrong(String path, String expected, JsonNode got) {
      Problem p =
          Problem.of("invalid-type", prefix + path, "expected " + expected + ", got " + shape(got));
      if (!problems.contains(p)) {
        problems.add(p);
      }
    }

    private static String shape(JsonNode n) {
      return switch (n.getNodeType()) {
        case OBJECT, POJO -> "an object";
        case ARRAY -> "a list";
        case STRING -> "text";
        case NUMBER -> "a number";
        case BOOLEAN -> "true/false";
        default -> "nothing";
      };
    }

    private static boolean absent(JsonNode n) {
      return n == null || n.isNull() || n.isMissingNode();
    }

    @Override
    public String text(String path) {
      JsonNode n = at(path);
      if (absent(n)) {
        return "";
      }
      if (n.isContainerNode()) {
        wrong(path, "text", n);
        return "";
      }
      return ExactJson.text(n).strip();
    }

    @Override
    public Fields object(String name) {
      JsonNode n = at(name);
      if (absent(n)) {
        return new JsonFields(MISSING, prefix + name + ".", problems);
      }
      if (!n.isObject()) {
        wrong(name, "an object (name, id, address, …)", n);
        return new JsonFields(MISSING, prefix + name + ".", problems);
      }
      return new JsonFields(n, prefix + name + ".", problems);
    }

    @Override
    public List<Fields> list(String path) {
      JsonNode n = at(path);
      List<Fields> out = new ArrayList<>();
      if (absent(n)) {
        return out;
      }
      if (!n.isArray()) {
        wrong(path, "a list of objects", n);
        return out;
      }
      for (int i = 0; i < n.size(); i++) {
        JsonNode e = n.get(i);
        String at = path + "[" + i + "]";
        if (!e.isObject()) {
          // kept as an empty entry, so that the reader's item numbers stay those of the input
          wrong(at, "an object", e);
          out.add(new JsonFields(MISSING, prefix + at + ".", problems));
        } else {
          out.add(new JsonFields(e, prefix + at + ".", problems));
        }
      }
      return out;
    }

    @Override
    public List<String> strings(String path) {
      JsonNode n = at(path);
      List<String> out = new ArrayList<>();
      if (absent(n)) {
        return out;
      }
      if (n.isArray()) {
        for (int i = 0; i < n.size(); i++) {
          JsonNode e = n.get(i);
          if (e.isContainerNode()) {
            wrong(path + "[" + i + "]", "text", e);
          } else if (!e.isNull()) {
            out.add(ExactJson.text(e).strip());
          }
        }
      } else if (n.isObject()) {
        wrong(path, "a list of text", n);
      } else if (!ExactJson.text(n).isBlank()) {
        // one value, or several separated by ';' as CSV writes them
        for (String s : ExactJson.text(n).split(";")) {
          if (!s.isBlank()) {
            out.add(s.strip());
          }
        }
      }
      return out;
    }

    @Override
    public java.util.Collection<String> names() {
      if (!node.isObject() || node.isEmpty()) {
        return List.of();
      }
      List<String> out = new ArrayList<>(node.size());
      node.fieldNames().forEachRemaining(out::add);
      return out;
    }

    @Override
    public List<Problem> problems() {
      return List.copyOf(problems);
    }
  }
}
