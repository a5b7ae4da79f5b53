package org.sekisho.names.adapter.file;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.sekisho.core.Country;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.names.domain.watchlist.PartialDate;
import org.sekisho.names.domain.watchlist.Severity;
import org.sekisho.names.domain.watchlist.WatchlistEntry;

/**
 * Reads OpenSanctions / FollowTheMoney entities, one JSON object per line, as watchlist entries:
 * {@code {"id":…, "schema":"Person", "properties":{"name":[…], "alias":[…], "birthDate":[…],
 * "nationality":[…], "passportNumber":[…], "idNumber":[…]}, "datasets":[…]}}. Person, Organization,
 * Company and LegalEntity are read; other schemas (addresses, sanctions, ownership links) are
 * skipped silently. Partial dates longer than a day ({@code 1970-01-01T…}) are cut to the date; a
 * birth date that is no date and a country code that is not ISO ({@code suhh}, {@code xk}) are left
 * out of the entry, which is kept, and reported as {@link #VALUE_LEFT_OUT} problems (they refuse
 * nothing). A line holding a NUL character (U+0000), as a character or as a JSON escape in a string
 * or field name, is refused ({@code invalid-character}, naming the field), whatever its schema.
 *
 * <p>Each problem carries its wording ({@link Problem#key()}) and the values its message quotes
 * ({@link Problem#args()}), so that another language words it without reading the English back:
 * {@code invalid-character}; {@code malformed-json}; {@code missing-schema}; {@code missing-id};
 * {@code missing-name} (the entity's id); and, for {@link #VALUE_LEFT_OUT}, {@code date-left-out}
 * or {@code country-left-out} (the entity's id, the value). The position is the field: {@code line
 * N}, or {@code line N} and the property or JSON path.
 */
public final class FollowTheMoneyJson {

  private static final Set<String> SCHEMAS =
      Set.of("Person", "Organization", "Company", "LegalEntity", "PublicBody");

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The code of a problem that refuses nothing: a birth date or nationality of an entity that was
   * kept without it, which changes how the entity scores and so is reported all the same.
   */
  public static final String VALUE_LEFT_OUT = "value-left-out";

  private FollowTheMoneyJson() {}

  /**
   * Reads every line; entities go to the sink; returns the problems (line number and reason).
   *
   * @param listName list name used when an entity names no dataset
   * @param severity severity given to every entry read
   */
  public static List<Problem> read(
      BufferedReader reader, String listName, Severity severity, Consumer<WatchlistEntry> sink) {
    List<Problem> problems = new ArrayList<>();
    int lineNo = 0;
    try {
      String line;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        Outcome<WatchlistEntry> e = entity(line, "line " + lineNo, listName, severity, problems);
        if (e instanceof Outcome.Accepted<WatchlistEntry> a) {
          if (a.value() != null) {
            sink.accept(a.value());
          }
        } else {
          problems.addAll(e.problems());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return problems;
  }

  /** One entity; an accepted null means "not a party, skipped". */
  static Outcome<WatchlistEntry> entity(
      String json, String where, String listName, Severity severity, List<Problem> leftOut) {
    if (StorableText.hasNul(json)) {
      return Outcome.rejected(
          Problem.of(StorableText.NUL_CODE, where, "the line " + StorableText.NUL_REASON)
              .worded(StorableText.NUL_CODE));
    }
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JacksonException e) {
      return Outcome.rejected(
          Problem.of("malformed-json", where, "not a JSON object: " + e.getOriginalMessage())
              .worded("malformed-json"));
    }
    if (node == null || !node.isObject()) {
      return Outcome.rejected(
          Problem.of("malformed-json", where, "expected a JSON object per line")
              .worded("malformed-json"));
    }
    String withNul = nulAt(node, "");
    if (withNul != null) {
      // a NUL escaped in a JSON string or field name
      return Outcome.rejected(
          Problem.of(
                  StorableText.NUL_CODE,
                  where + " " + withNul,
                  "the JSON field " + withNul + " " + StorableText.NUL_REASON)
              .worded(StorableText.NUL_CODE));
    }
    String schema = node.path("schema").asText("");
    if (schema.isEmpty()) {
      return Outcome.rejected(
          Problem.of("missing-schema", where, "the entity has no 'schema'")
              .worded("missing-schema"));
    }
    if (!SCHEMAS.contains(schema)) {
      return Outcome.accepted(null);
    }
    String id = node.path("id").asText("");
    if (id.isEmpty()) {
      return Outcome.rejected(
          Problem.of("missing-id", where, "the entity has no 'id'").worded("missing-id"));
    }
    JsonNode props = node.path("properties");
    List<String> names = new ArrayList<>(values(props, "name"));
    if (names.isEmpty() && node.hasNonNull("caption")) {
      names.add(node.get("caption").asText());
    }
    for (String alias : values(props, "alias", "previousName", "weakAlias")) {
      if (!names.contains(alias)) {
        names.add(alias);
      }
    }
    if (names.isEmpty()) {
      return Outcome.rejected(
          Problem.of("missing-name", where, "entity " + id + " has no name")
              .worded("missing-name", id));
    }
    List<PartialDate> dates = new ArrayList<>();
    for (String d : values(props, "birthDate")) {
      String cut = d.length() > 10 ? d.substring(0, 10) : d;
      Outcome<PartialDate> pd = PartialDate.parse(where + " birthDate", cut);
      if (pd.isAccepted()) {
        dates.add(pd.orElseThrow());
      } else {
        leftOut.add(
            new Problem(
                    VALUE_LEFT_OUT,
                    "entity "
                        + id
                        + ": "
                        + pd.problems().get(0).message()
                        + "; the date is left out, the entity kept",
                    where + " birthDate")
                .worded("date-left-out", id, cut));
      }
    }
    Set<String> nationalities = new LinkedHashSet<>();
    for (String c : values(props, "nationality", "citizenship")) {
      if (Country.isValid(c.toUpperCase(Locale.ROOT))) {
        nationalities.add(c.toLowerCase(Locale.ROOT));
      } else {
        leftOut.add(
            new Problem(
                    VALUE_LEFT_OUT,
                    "entity "
                        + id
                        + ": '"
                        + c
                        + "' is not an ISO country code; left out, the entity kept",
                    where + " nationality")
                .worded("country-left-out", id, c));
      }
    }
    Set<String> documents = new LinkedHashSet<>();
    for (String d : values(props, "passportNumber", "idNumber")) {
      String nd = WatchlistEntry.normaliseDocument(d);
      if (!nd.isEmpty()) {
        documents.add(nd);
      }
    }
    JsonNode datasets = node.path("datasets");
    String list = datasets.isArray() && !datasets.isEmpty() ? datasets.get(0).asText() : listName;
    return Outcome.accepted(
        new WatchlistEntry(id, list, severity, names, dates, nationalities, documents));
  }

  /** The path of the first field name or text value holding a NUL character, or null. */
  private static String nulAt(JsonNode node, String path) {
    if (node.isTextual()) {
      return StorableText.hasNul(node.textValue()) ? (path.isEmpty() ? "(value)" : path) : null;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String p = nulAt(node.get(i), path + "[" + i + "]");
        if (p != null) {
          return p;
        }
      }
      return null;
    }
    for (Map.Entry<String, JsonNode> f : node.properties()) {
      String name = f.getKey();
      String p = path.isEmpty() ? name : path + "." + name;
      if (StorableText.hasNul(name)) {
        return (path.isEmpty() ? "" : path + ".") + name.replace('\u0000', '\uFFFD');
      }
      String inner = nulAt(f.getValue(), p);
      if (inner != null) {
        return inner;
      }
    }
    return null;
  }

  private static List<String> values(JsonNode props, String... keys) {
    List<String> out = new ArrayList<>();
    for (String k : keys) {
      JsonNode v = props.path(k);
      if (v.isArray()) {
        for (JsonNode x : v) {
          if (x.isTextual() && !x.asText().isBlank()) {
            out.add(x.asText().strip());
          }
        }
      } else if (v.isTextual() && !v.asText().isBlank()) {
        out.add(v.asText().strip());
      }
    }
    return out;
  }
}
