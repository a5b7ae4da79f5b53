package org.sekisho.passenger.egate.domain.mrz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The shared MRZ vectors (test resources, copied from shared/data/mrz). */
final class MrzVectors {
  private MrzVectors() {}

  static JsonNode all() {
    try (InputStream in = MrzVectors.class.getResourceAsStream("/mrz/mrz_cases.json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<JsonNode> checkerCases() {
    List<JsonNode> out = new ArrayList<>();
    all().get("checker_cases").forEach(out::add);
    return out;
  }

  static List<JsonNode> generatorCases() {
    List<JsonNode> out = new ArrayList<>();
    all().get("generator_cases").forEach(out::add);
    return out;
  }

  static List<String> lines(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.forEach(l -> out.add(l.asText()));
    return out;
  }
}
