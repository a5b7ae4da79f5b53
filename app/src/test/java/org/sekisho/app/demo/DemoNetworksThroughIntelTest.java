package org.sekisho.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.core.Outcome;
import org.sekisho.intel.adapter.format.JsonRows;
import org.sekisho.intel.domain.EntityExtraction;
import org.sekisho.intel.domain.EntityRef;
import org.sekisho.intel.domain.Fields;
import org.sekisho.intel.domain.IntelRecord;
import org.sekisho.intel.domain.Normalize;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.intel.domain.RecordReader;

/**
 * The planted networks must be findable by the intelligence database itself: its reader and entity
 * extraction (exact match keys) link each network's records through the planted phone, address or
 * trader number.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoNetworksThroughIntelTest {
  /** Record (kind code + source id) to the entities intel extracts from it. */
  private final Map<String, List<EntityRef>> entities = new HashMap<>();

  /** Entity (type + key) to the records that name it. */
  private final Map<String, Set<String>> named = new HashMap<>();

  private JsonNode networks;

  @BeforeAll
  void generateAndExtract(@TempDir Path dir) throws IOException {
    new DemoDataGenerator(11, LocalDate.of(2026, 11, 27), 0.1).generate(dir);
    RecordReader reader = new RecordReader(ZoneId.of("Asia/Tokyo"));
    for (RecordKind kind : RecordKind.values()) {
      try (InputStream in = Files.newInputStream(dir.resolve(kind.plural() + ".jsonl"));
          JsonRows rows = new JsonRows(in)) {
        while (rows.hasNext()) {
          Fields f = ((Outcome.Accepted<Fields>) rows.next().fields()).value();
          IntelRecord rec = ((Outcome.Accepted<IntelRecord>) reader.read(kind, f)).value();
          String ref = ref(kind, rec.sourceId());
          List<EntityRef> found = EntityExtraction.of(rec);
          entities.put(ref, found);
          for (EntityRef e : found) {
            named.computeIfAbsent(e.type() + ":" + e.key(), k -> new HashSet<>()).add(ref);
          }
        }
      }
    }
    networks = new ObjectMapper().readTree(dir.resolve("networks.json").toFile());
  }

  private static String ref(RecordKind kind, String id) {
    return switch (kind) {
      case DECLARATION -> "declaration:" + id;
      case TRANSPORT_DOCUMENT -> "transport-document:" + id;
      case CONVEYANCE_MOVEMENT -> "conveyance-movement:" + id;
      case POSTAL_ITEM -> "postal-item:" + id;
      case SEIZURE -> "seizure:" + id;
    };
  }

  private JsonNode network(String id) {
    for (JsonNode n : networks.get("networks")) {
      if (n.get("id").asText().equals(id)) {
        return n;
      }
    }
    throw new AssertionError("no network " + id);
  }

  private static List<String> records(JsonNode network) {
    List<String> l = new ArrayList<>();
    network.get("records").forEach(r -> l.add(r.asText()));
    return l;
  }

  private Set<String> keysInRole(Set<String> records, String type, Set<String> roles) {
    Set<String> keys = new HashSet<>();
    for (String r : records) {
      for (EntityRef e : entities.get(r)) {
        if (e.type().equals(type) && roles.contains(e.role())) {
          keys.add(e.key());
        }
      }
    }
    return keys;
  }

  @Test
  void theSharedPhoneLinksSeveralDifferentImporters() {
    JsonNode n = network("shared-phone");
    Set<String> linked = named.get("phone:" + Normalize.phoneKey(n.get("value").asText(), "JP"));
    assertThat(linked).containsAll(records(n));
    assertThat(keysInRole(linked, "trader", Set.of("importer"))).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void theSharedAddressLinksSeveralConsignees() {
    JsonNode n = network("shared-address");
    Set<String> linked = named.get("address:" + Normalize.addressKey(n.get("value").asText()));
    assertThat(linked).containsAll(records(n));
    Set<String> names = keysInRole(linked, "company", Set.of("consignee", "addressee"));
    names.addAll(keysInRole(linked, "person", Set.of("consignee", "addressee")));
    assertThat(names).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void theHubAddresseeLinksManySenders() {
    Set<String> items = new HashSet<>(records(network("hub-addressee")));
    Set<String> senders = keysInRole(items, "person", Set.of("sender"));
    assertThat(senders).hasSizeGreaterThanOrEqualTo(8);
    Set<String> addresses = keysInRole(items, "address", Set.of("addressee"));
    assertThat(addresses).hasSize(1);
  }

  @Test
  void theSeizedImportersTraderNumberLinksSeizureDeclarationsAndDocuments() {
    JsonNode n = network("seized-importer");
    Set<String> linked = named.get("trader:" + Normalize.idKey(n.get("value").asText()));
    Set<String> kinds = new HashSet<>();
    linked.forEach(r -> kinds.add(r.substring(0, r.indexOf(':'))));
    assertThat(kinds).contains("seizure", "declaration", "transport-document");
  }

  @Test
  void theSeizedPersonsPhoneLinksPostalItems() {
    JsonNode n = network("seizure-person-phone");
    Set<String> linked = named.get("phone:" + Normalize.phoneKey(n.get("value").asText(), "JP"));
    assertThat(linked).containsAll(records(n));
    assertThat(linked.stream().filter(r -> r.startsWith("postal-item:")).count())
        .isGreaterThanOrEqualTo(3);
    assertThat(linked).anyMatch(r -> r.startsWith("seizure:"));
  }
}
