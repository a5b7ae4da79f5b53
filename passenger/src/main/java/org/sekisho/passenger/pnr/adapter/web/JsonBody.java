package org.sekisho.passenger.pnr.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sekisho.core.Problem;
import org.sekisho.core.Spelling;
import org.sekisho.platform.web.HttpProblem;

/**
 * The one reader of the JSON object a passenger API route takes (the PNR unit's unmasking reasons,
 * the screening API's decisions, rules and lists): the body must be a JSON object holding no field
 * other than those the route names, so that a misspelt or misplaced field ({@code expectedVersion}
 * on a disposition, {@code note} beside a reason) is refused instead of answered as if it had been
 * read. The platform has already refused a field named twice, trailing content and a byte order
 * mark before the handler runs.
 *
 * <p>Each refusal carries its wording ({@link Problem#worded}) so that the API can answer it in the
 * reader's language ({@link ApiRefusals}). Stateless and thread-safe.
 */
public final class JsonBody {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonBody() {}

  /**
   * The JSON object in {@code body}.
   *
   * @param fields every field the route takes, in the order its documentation names them
   * @throws HttpProblem 400 {@code invalid-json} on field {@code body} when the body is no JSON or
   *     no JSON object (naming the object expected, e.g. {@code {"reason": …}}); 400 {@code
   *     unknown-field} on the field's own name when the object holds a field not in {@code fields}
   *     (naming those taken, and the one likely meant when one is within two letters)
   */
  public static JsonNode object(byte[] body, String... fields) {
    JsonNode n;
    try {
      n = JSON.readTree(body);
    } catch (IOException e) {
      throw new HttpProblem(
          Problem.of("invalid-json", "body", "not JSON: " + e.getMessage()).worded("not-json"));
    }
    List<String> taken = List.of(fields);
    if (n == null || !n.isObject()) {
      String form = form(taken);
      throw new HttpProblem(
          Problem.of("invalid-json", "body", "expected a JSON object: " + form)
              .worded("not-object", form));
    }
    for (var it = n.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!taken.contains(name)) {
        throw new HttpProblem(unknown(name, taken));
      }
    }
    return n;
  }

  /**
   * Checks the body of a route that takes none: an empty body, or an empty JSON object, passes; a
   * field sent to it ({@code reason} when enabling a rule) would be answered as if it had been
   * read.
   *
   * @throws HttpProblem 400 {@code unknown-field} on the field's own name when the body is a JSON
   *     object holding one; 400 {@code invalid-input} on field {@code body} for any other body
   */
  public static void none(byte[] body) {
    if (new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      return;
    }
    JsonNode n;
    try {
      n = JSON.readTree(body);
    } catch (IOException e) {
      n = null;
    }
    if (n == null || !n.isObject()) {
      throw new HttpProblem(
          Problem.of("invalid-input", "body", "this route takes no body; send none (or {})")
              .worded("no-body"));
    }
    object(body);
  }

  /** A field the route does not take: named, with those it takes and the one likely meant. */
  private static Problem unknown(String name, List<String> taken) {
    if (taken.isEmpty()) {
      return Problem.of(
              "unknown-field",
              name,
              "field \"" + name + "\" is not taken here; this route takes no fields")
          .worded("no-fields", name);
    }
    String names = String.join(", ", taken);
    Optional<String> meant = Spelling.nearest(name, taken, 2);
    if (meant.isPresent()) {
      return Problem.of(
              "unknown-field",
              name,
              "field \""
                  + name
                  + "\" is not taken here: did you mean "
                  + meant.get()
                  + "? This route takes "
                  + names)
          .worded("unknown-field-meant", name, names, meant.get());
    }
    return Problem.of(
            "unknown-field",
            name,
            "field \"" + name + "\" is not taken here; this route takes " + names)
        .worded("unknown-field", name, names);
  }

  /** The object a route takes as it is written, e.g. {@code {"reason": …}}. */
  static String form(List<String> fields) {
    return fields.stream().map(f -> "\"" + f + "\": …").collect(Collectors.joining(", ", "{", "}"));
  }
}
