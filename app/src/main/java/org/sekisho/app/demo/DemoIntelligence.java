package org.sekisho.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sekisho.targeting.adapter.demo.TargetingDemo;

/**
 * What the targeting centre knows when the demo day starts, read from the generated day: the
 * networks under watch ({@code networks.json}: the seized importer, shared phones and address, the
 * hub addressee) and the routes and goods of the day's seizures ({@code seizures.jsonl}), as an
 * intelligence unit would have put them on its lists.
 */
public final class DemoIntelligence {
  private DemoIntelligence() {}

  public static TargetingDemo.Intelligence read(Path demoDir, ObjectMapper json)
      throws IOException {
    Set<String> seizedTraders = new LinkedHashSet<>();
    Set<String> phones = new LinkedHashSet<>();
    Set<String> watchParties = new LinkedHashSet<>();
    Set<String> addresses = new LinkedHashSet<>();
    Map<String, String> notes = new LinkedHashMap<>();
    Path networks = demoDir.resolve("networks.json");
    if (Files.isRegularFile(networks)) {
      for (JsonNode n : json.readTree(networks.toFile()).path("networks")) {
        String value = n.path("value").asText("");
        switch (n.path("id").asText("")) {
          case "seized-importer" -> {
            add(seizedTraders, value);
            n.path("members").forEach(m -> add(seizedTraders, m.path("name").asText("")));
            // the seizures that named them, kept as the list entries' notes
            List<String> named = new ArrayList<>();
            n.path("records")
                .forEach(
                    r -> {
                      String ref = r.asText("");
                      if (ref.startsWith("seizure:")) {
                        named.add(ref.substring("seizure:".length()));
                      }
                    });
            if (!named.isEmpty()) {
              String note = "named in seizure " + String.join(", ", named);
              notes.put(value, note);
              n.path("members")
                  .forEach(
                      m -> {
                        String name = m.path("name").asText("");
                        if (!name.isBlank()) {
                          notes.put(name.strip(), note);
                        }
                      });
            }
          }
          case "hub-addressee" -> add(watchParties, value);
          case "shared-address" -> add(addresses, value);
          default -> {
            if (n.path("kind").asText("").equals("phone")) {
              add(phones, value);
            }
          }
        }
      }
    }
    Set<String> countries = new LinkedHashSet<>();
    Set<String> goods = new LinkedHashSet<>();
    Path seizures = demoDir.resolve("seizures.jsonl");
    if (Files.isRegularFile(seizures)) {
      try (BufferedReader r = Files.newBufferedReader(seizures, StandardCharsets.UTF_8)) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode s = json.readTree(line);
          s.path("route")
              .forEach(
                  c -> {
                    if (!c.asText("").equals("JP")) {
                      add(countries, c.asText(""));
                    }
                  });
          String hs = s.path("hsCode").asText("").replaceAll("\\D", "");
          if (hs.length() >= 4) {
            goods.add(hs.substring(0, 4));
          }
        }
      }
    }
    return new TargetingDemo.Intelligence(
        new ArrayList<>(seizedTraders),
        new ArrayList<>(phones),
        new ArrayList<>(watchParties),
        new ArrayList<>(addresses),
        new ArrayList<>(countries),
        List.copyOf(goods),
        notes);
  }

  private static void add(Set<String> to, String value) {
    if (!value.isBlank()) {
      to.add(value.strip());
    }
  }
}
