package org.sekisho.intel.adapter.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
import org.sekisho.intel.domain.Fields;

/**
 * JSON Lines (one object per line), or one JSON array streamed element by element when the input
 * starts with {@code [}. A broken line is a rejected row naming the line and the parser's
 * complaint; the next line is read normally.
 */
public final class JsonRows extends LookAheadRows {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Reader reader;
  private final BufferedReader lines;
  private final JsonParser array;
  private long number;
  private boolean done;

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
      line = lines.readLine();
      if (line == null) {
        return null;
      }
      number++;
    } while (line.isBlank());
    // Parsed when the row's fields are read (on the thread that validates it), so the reading
    // thread only splits lines and a chunk of rows waiting for validation holds lines, not trees.
    String text = line;
    long at = number;
    return new Row(at, () -> parse(text, at));
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
      return Outcome.rejected(
          "invalid-json", "line " + number, "not valid JSON: " + firstLine(e.getMessage()));
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
    Row r =
        new Row(
            number,
            Outcome.rejected(
                "invalid-json",
                "element " + number,
                "not valid JSON (reading stops here): " + firstLine(e.getMessage())));
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

  /** Fields over a Jackson tree; dotted paths walk nested objects. */
  static final class JsonFields implements Fields {
    private static final java.util.Map<String, String[]> PATHS =
        new java.util.concurrent.ConcurrentHashMap<>();
    private final JsonNode node;

    JsonFields(JsonNode node) {
      this.node = node;
    }

    private JsonNode at(String path) {
      if (path.indexOf('.') < 0) {
        return node.get(path);
      }
      JsonNode n = node;
      // Field paths are few and fixed (the readers' constants), so their parts are split once.
      for (String part : PATHS.computeIfAbsent(path, p -> p.split("\\."))) {
        if (n == null) {
          return null;
        }
        n = n.get(part);
      }
      return n;
    }

    @Override
    public String text(String path) {
      JsonNode n = at(path);
      if (n == null || n.isNull() || n.isContainerNode()) {
        return "";
      }
      return n.asText().strip();
    }

    @Override
    public Fields object(String name) {
      // Any node reads as an object here: a missing one, or a value that is not an object, has
      // no fields, exactly as the dotted paths through it would find none.
      JsonNode n = at(name);
      return new JsonFields(
          n == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : n);
    }

    @Override
    public List<Fields> list(String path) {
      JsonNode n = at(path);
      List<Fields> out = new ArrayList<>();
      if (n != null && n.isArray()) {
        n.forEach(e -> out.add(new JsonFields(e)));
      }
      return out;
    }

    @Override
    public List<String> strings(String path) {
      JsonNode n = at(path);
      List<String> out = new ArrayList<>();
      if (n != null && n.isArray()) {
        n.forEach(e -> out.add(e.asText().strip()));
      } else if (n != null && n.isTextual() && !n.asText().isBlank()) {
        for (String s : n.asText().split(";")) {
          if (!s.isBlank()) {
            out.add(s.strip());
          }
        }
      }
      return out;
    }
  }
}
