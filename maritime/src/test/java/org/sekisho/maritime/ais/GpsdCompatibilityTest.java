package org.sekisho.maritime.ais;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.maritime.adapter.json.GpsdJsonWriter;
import org.sekisho.maritime.application.DecodeAisStream;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GpsdCompatibilityTest {
  static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  static List<String> decodeToJson(String resource) throws IOException {
    GpsdJsonWriter writer = new GpsdJsonWriter("stdin");
    List<String> lines = new ArrayList<>();
    try (InputStream in = GpsdCompatibilityTest.class.getResourceAsStream(resource)) {
      new DecodeAisStream(10)
          .run(
              in,
              (m, c, t) -> {
                StringBuilder sb = new StringBuilder();
                if (writer.write(m, sb)) {
                  lines.add(sb.toString().trim());
                }
              });
    }
    return lines;
  }

  @Test
  void everyMessageOfGpsdsSampleEqualsGpsdsCheckFileFieldByField() throws IOException {
    List<String> ours = decodeToJson("/ais/gpsd/sample.aivdm");
    List<String> expected;
    try (InputStream in = getClass().getResourceAsStream("/ais/gpsd/sample.aivdm.js.chk")) {
      expected =
          new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim).toList();
    }
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < Math.max(ours.size(), expected.size()); i++) {
      String o = i < ours.size() ? ours.get(i) : "{}";
      String e = i < expected.size() ? expected.get(i) : "{}";
      JsonNode on = JSON.readTree(o);
      JsonNode en = JSON.readTree(e);
      List<String> d = new ArrayList<>();
      compare("", on, en, d);
      if (!d.isEmpty()) {
        differences.add("message " + (i + 1) + ": " + d + "\n   ours: " + o + "\n   gpsd: " + e);
      }
    }
    assertThat(differences).isEmpty();
    assertThat(ours).hasSize(97);
  }

  static void compare(String path, JsonNode ours, JsonNode gpsd, List<String> out) {
    if (gpsd.isObject()) {
      if (!ours.isObject()) {
        out.add(path + " not an object");
        return;
      }
      List<String> oursNames = new ArrayList<>();
      ours.fieldNames().forEachRemaining(oursNames::add);
      List<String> gpsdNames = new ArrayList<>();
      gpsd.fieldNames().forEachRemaining(gpsdNames::add);
      if (!oursNames.equals(gpsdNames)) {
        out.add(path + " fields " + oursNames + " vs " + gpsdNames);
      }
      Iterator<Map.Entry<String, JsonNode>> it = gpsd.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> f = it.next();
        JsonNode o = ours.get(f.getKey());
        if (o == null) {
          continue;
        }
        compare(path + "." + f.getKey(), o, f.getValue(), out);
      }
    } else if (gpsd.isArray()) {
      if (!ours.isArray() || ours.size() != gpsd.size()) {
        out.add(path + " array size");
        return;
      }
      for (int i = 0; i < gpsd.size(); i++) {
        compare(path + "[" + i + "]", ours.get(i), gpsd.get(i), out);
      }
    } else if (gpsd.isNumber()) {
      if (!ours.isNumber() || ours.decimalValue().compareTo(gpsd.decimalValue()) != 0) {
        out.add(path + " " + ours + " vs " + gpsd);
      }
    } else if (!ours.equals(gpsd)) {
      out.add(path + " " + ours + " vs " + gpsd);
    }
  }
}
