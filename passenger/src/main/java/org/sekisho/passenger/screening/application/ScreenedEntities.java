package org.sekisho.passenger.screening.application;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.sekisho.passenger.screening.domain.ScreenedSchemas;

/**
 * The lines of a FollowTheMoney file as passenger screening reads them: an entity of a schema that
 * {@link ScreenedSchemas} leaves out reads as an empty line (so the lines after it keep their
 * numbers in problems) and is counted per schema. A line that is not a JSON object with a top-level
 * {@code schema}, or that holds a NUL character (as a character or a JSON escape), is passed on as
 * it is, for the reader to refuse with its reason as before. Only {@link #readLine} is meant to be
 * used. Not thread-safe.
 */
final class ScreenedEntities extends BufferedReader {
  private static final JsonFactory JSON = new JsonFactory();
  private final BufferedReader in;
  private final Map<String, Integer> leftOut = new TreeMap<>();
  private int line;

  ScreenedEntities(BufferedReader in) {
    super(Reader.nullReader());
    this.in = in;
  }

  @Override
  public String readLine() throws IOException {
    String text = in.readLine();
    if (text == null) {
      return null;
    }
    line++;
    if (line == 1 && text.startsWith("\uFEFF")) {
      // a byte order mark, as editors save "UTF-8 with BOM", is not part of the first entity
      text = text.substring(1);
    }
    if (text.isBlank() || hasNul(text)) {
      return text;
    }
    String schema = schema(text);
    if (schema == null || schema.isEmpty() || ScreenedSchemas.imported(schema)) {
      return text;
    }
    leftOut.merge(schema, 1, Integer::sum);
    return "";
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** The number of the line read last (1 for the first). */
  int line() {
    return line;
  }

  /** The entities left out so far, by schema (alphabetical), with how many and why. */
  List<WatchlistImport.SchemaLeftOut> leftOut() {
    List<WatchlistImport.SchemaLeftOut> out = new ArrayList<>();
    for (Map.Entry<String, Integer> e : leftOut.entrySet()) {
      ScreenedSchemas.LeftOut why = ScreenedSchemas.leftOut(e.getKey()).orElseThrow();
      out.add(
          new WatchlistImport.SchemaLeftOut(e.getKey(), e.getValue(), why.code(), why.reason()));
    }
    return out;
  }

  private static boolean hasNul(String line) {
    return line.indexOf('\u0000') >= 0 || line.toLowerCase(Locale.ROOT).contains("\\u0000");
  }

  /**
   * The top-level {@code schema} of a line that is one well-formed JSON object; null when it is not
   * one, or has no textual schema.
   */
  static String schema(String line) {
    try (JsonParser p = JSON.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      String schema = null;
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if ("schema".equals(name) && value == JsonToken.VALUE_STRING && schema == null) {
          schema = p.getText();
        }
        p.skipChildren();
      }
      // the whole line must be one object, as the reader requires, or the reader says why not
      return t == JsonToken.END_OBJECT && p.nextToken() == null ? schema : null;
    } catch (IOException e) {
      return null;
    }
  }
}
