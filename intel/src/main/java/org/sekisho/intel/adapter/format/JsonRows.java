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
