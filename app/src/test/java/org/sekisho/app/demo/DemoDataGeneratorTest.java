package org.sekisho.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
import org.sekisho.core.Country;
import org.sekisho.core.Outcome;
import org.sekisho.core.UnLocode;
import org.sekisho.intel.adapter.format.JsonRows;
import org.sekisho.intel.application.RowSource;
import org.sekisho.intel.domain.Fields;
import org.sekisho.intel.domain.IntelRecord;
import org.sekisho.intel.domain.Normalize;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.intel.domain.RecordReader;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataGeneratorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

  private Path tmp;
  private Path day;
  private Map<String, List<JsonNode>> records;
  private JsonNode networks;

  @BeforeAll
  void generateOneDay(@TempDir Path dir) throws IOException {
    tmp = dir;
    day = tmp.resolve("day");
    new DemoDataGenerator(7, DAY, 0.2).generate(day);
    records = new HashMap<>();
    for (String f : DemoDataGenerator.FILES) {
      List<JsonNode> rows = new ArrayList<>();
      for (String line : Files.readAllLines(day.resolve(f), StandardCharsets.UTF_8)) {
        rows.add(JSON.readTree(line));
      }
      records.put(f, rows);
    }
    networks = JSON.readTree(day.resolve("networks.json").toFile());
  }

  private List<JsonNode> rows(String file) {
    return records.get(file);
  }

  @Test
  void theSameSeedDateAndScaleGiveByteIdenticalFiles() throws IOException {
    Path again = tmp.resolve("again");
    new DemoDataGenerator(7, DAY, 0.2).generate(again);
    for (String f : concat(DemoDataGenerator.FILES, "networks.json")) {
      assertThat(Files.readAllBytes(again.resolve(f)))
          .as(f)
          .isEqualTo(Files.readAllBytes(day.resolve(f)));
    }
  }

  @Test
  void onlyTheFinishedFilesAreLeftInTheDirectory() throws IOException {
    try (var files = Files.list(day)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactlyElementsOf(
              concat(DemoDataGenerator.FILES, "networks.json").stream().sorted().toList());
    }
  }

  @Test
  void aDifferentSeedGivesDifferentFiles() throws IOException {
    Path other = tmp.resolve("other");
    new DemoDataGenerator(8, DAY, 0.2).generate(other);
    for (String f : DemoDataGenerator.FILES) {
      assertThat(Files.readAllBytes(other.resolve(f)))
          .as(f)
          .isNotEqualTo(Files.readAllBytes(day.resolve(f)));
    }
  }

  @Test
  void countsAtScaleOneFifthMatchTheIssue() {
    // scale 1.0 = 3,000 declarations, 800 documents, 150 movements, 4,000 postal items
    assertThat(rows("declarations.jsonl")).hasSize(600);
    assertThat(rows("transport-documents.jsonl")).hasSize(160);
    assertThat(rows("conveyance-movements.jsonl")).hasSize(30);
    assertThat(rows("postal-items.jsonl")).hasSize(800);
    assertThat(rows("seizures.jsonl")).hasSizeBetween(4, 10);
  }

  @Test
  void countsAndFileSizesGrowLinearlyWithScale() throws IOException {
    Path half = tmp.resolve("half");
    DemoDataGenerator.Summary s = new DemoDataGenerator(7, DAY, 0.1).generate(half);
    for (String f :
        List.of("declarations.jsonl", "transport-documents.jsonl", "postal-items.jsonl")) {
      assertThat(rows(f).size()).as(f).isEqualTo(2 * s.counts().get(f));
      double sizeRatio = (double) Files.size(day.resolve(f)) / Files.size(half.resolve(f));
      assertThat(sizeRatio).as(f).isBetween(1.8, 2.2);
    }
  }

  @Test
  void mostRecordsFallInWorkingHours() {
    long working =
        rows("declarations.jsonl").stream()
            .map(d -> OffsetDateTime.parse(d.get("date").asText()).getHour())
            .filter(h -> h >= 7 && h < 19)
            .count();
    assertThat((double) working / rows("declarations.jsonl").size()).isBetween(0.7, 0.8);
  }

  @Test
  void everyRecordHasItsRequiredFields() {
    Map<String, List<String>> required =
        Map.of(
            "declarations.jsonl", List.of("declarationId", "date", "items"),
            "transport-documents.jsonl", List.of("number", "date"),
            "conveyance-movements.jsonl",
                List.of("movementId", "mode", "direction", "time", "port"),
            "postal-items.jsonl", List.of("itemId", "date"),
            "seizures.jsonl", List.of("seizureId", "date", "commodity"));
    required.forEach(
        (file, fields) -> {
          for (JsonNode r : rows(file)) {
            for (String f : fields) {
              assertThat(r.hasNonNull(f)).as(file + " " + f + " in " + r).isTrue();
              assertThat(r.get(f).isTextual() ? r.get(f).asText() : "x").isNotBlank();
            }
          }
        });
    for (JsonNode d : rows("declarations.jsonl")) {
      assertThat(d.get("items").size()).isBetween(1, 4);
      for (JsonNode item : d.get("items")) {
        assertThat(item.get("hsCode").asText()).matches("\\d{6}");
        if (item.get("unit").asText().equals("kg")) {
          assertThat(item.get("quantity").asText()).isEqualTo(item.get("netMassKg").asText());
        }
      }
    }
  }

  @Test
  void theIntelligenceDatabaseReaderAcceptsEveryRecord() throws IOException {
    RecordReader reader = new RecordReader(ZoneId.of("Asia/Tokyo"));
    Map<String, RecordKind> kinds =
        Map.of(
            "declarations.jsonl", RecordKind.DECLARATION,
            "transport-documents.jsonl", RecordKind.TRANSPORT_DOCUMENT,
            "conveyance-movements.jsonl", RecordKind.CONVEYANCE_MOVEMENT,
            "postal-items.jsonl", RecordKind.POSTAL_ITEM,
            "seizures.jsonl", RecordKind.SEIZURE);
    for (var e : kinds.entrySet()) {
      int n = 0;
      try (InputStream in = Files.newInputStream(day.resolve(e.getKey()));
          JsonRows src = new JsonRows(in)) {
        while (src.hasNext()) {
          RowSource.Row row = src.next();
          assertThat(row.fields()).isInstanceOf(Outcome.Accepted.class);
          Fields fields = ((Outcome.Accepted<Fields>) row.fields()).value();
          Outcome<IntelRecord> rec = reader.read(e.getValue(), fields);
          assertThat(rec)
              .as(e.getKey() + " row " + row.number() + ": " + rec)
              .isInstanceOf(Outcome.Accepted.class);
          n++;
        }
      }
      assertThat(n).isEqualTo(rows(e.getKey()).size());
    }
  }

  @Test
  void containerNumbersCarryValidIso6346CheckDigits() {
    int seen = 0;
    for (JsonNode d : rows("transport-documents.jsonl")) {
      for (JsonNode c : d.path("containers")) {
        assertThat(iso6346(c.asText())).as(c.asText()).isTrue();
        seen++;
      }
    }
    assertThat(seen).isGreaterThan(100);
    assertThat(iso6346("CSQU3054383")).isTrue();
    assertThat(iso6346("CSQU3054384")).isFalse();
  }

  @Test
  void postalItemIdsAreValidUpuS10AndUnique() {
    Set<String> ids = new HashSet<>();
    for (JsonNode p : rows("postal-items.jsonl")) {
      String id = p.get("itemId").asText();
      assertThat(s10(id)).as(id).isTrue();
      assertThat(id.substring(11)).isEqualTo(p.get("originCountry").asText());
      assertThat(ids.add(id)).as("duplicate " + id).isTrue();
    }
    assertThat(s10("EE123456785JP")).isTrue();
    assertThat(s10("EE123456784JP")).isFalse();
  }

  @Test
  void vesselImoNumbersAreValidAndAirMovementsHaveNone() {
    int sea = 0;
    for (JsonNode m : rows("conveyance-movements.jsonl")) {
      if (m.get("mode").asText().equals("sea")) {
        assertThat(imo(m.get("imo").asText())).as(m.toString()).isTrue();
        assertThat(m.get("mmsi").asText()).matches("\\d{9}");
        sea++;
      } else {
        assertThat(m.has("imo")).isFalse();
      }
    }
    assertThat(sea).isPositive();
    assertThat(imo("9811000")).isTrue();
    assertThat(imo("9811001")).isFalse();
  }

  @Test
  void portsAreUnLocodesAndCountriesAreIso3166() {
    Set<String> ports = new HashSet<>();
    for (JsonNode d : rows("transport-documents.jsonl")) {
      ports.add(d.get("portOfLoading").asText());
      ports.add(d.get("portOfDischarge").asText());
      assertThat(d.get("portOfDischarge").asText()).startsWith("JP");
    }
    for (JsonNode m : rows("conveyance-movements.jsonl")) {
      ports.add(m.get("port").asText());
      ports.add(
          m.has("previousPort") ? m.get("previousPort").asText() : m.get("nextPort").asText());
    }
    assertThat(ports).allMatch(UnLocode::isValid);
    Set<String> origins = new HashSet<>();
    for (JsonNode d : rows("declarations.jsonl")) {
      origins.add(d.get("countryOfDeparture").asText());
      for (JsonNode i : d.get("items")) {
        origins.add(i.get("origin").asText());
      }
    }
    for (JsonNode p : rows("postal-items.jsonl")) {
      origins.add(p.get("originCountry").asText());
    }
    assertThat(origins).allMatch(Country::isValid).hasSizeGreaterThan(15);
    Set<String> offices = new HashSet<>();
    rows("declarations.jsonl").forEach(d -> offices.add(d.get("office").asText()));
    assertThat(offices).hasSizeGreaterThan(10);
  }

  @Test
  void everyTimeFallsOnTheDayInJapanTime() {
    for (String f : DemoDataGenerator.FILES) {
      String field = f.startsWith("conveyance") ? "time" : "date";
      String prev = "";
      for (JsonNode r : rows(f)) {
        String t = r.get(field).asText();
        OffsetDateTime odt = OffsetDateTime.parse(t);
        assertThat(odt.getOffset()).isEqualTo(ZoneOffset.ofHours(9));
        assertThat(odt.toLocalDate()).isEqualTo(DAY);
        assertThat(t).as("files run in time order").isGreaterThanOrEqualTo(prev);
        prev = t;
      }
    }
  }

  @Test
  void aDayEndingAtATimeHasNoRecordLaterAndKeepsTheProfileAndTheOrder(@TempDir Path dir)
      throws IOException {
    OffsetDateTime end = OffsetDateTime.of(DAY.atTime(9, 30), ZoneOffset.ofHours(9));
    new DemoDataGenerator(7, DAY, 0.2, LocalTime.of(9, 30)).generate(dir);
    List<JsonNode> whole = rows("declarations.jsonl");
    int today = 0;
    int working = 0;
    for (String f : DemoDataGenerator.FILES) {
      String field = f.startsWith("conveyance") ? "time" : "date";
      List<String> lines = Files.readAllLines(dir.resolve(f), StandardCharsets.UTF_8);
      assertThat(lines).hasSameSizeAs(rows(f));
      String prev = "";
      for (String line : lines) {
        String t = JSON.readTree(line).get(field).asText();
        OffsetDateTime odt = OffsetDateTime.parse(t);
        assertThat(odt).as(f + " " + t).isBeforeOrEqualTo(end).isAfterOrEqualTo(end.minusDays(1));
        assertThat(t).as("files run in time order").isGreaterThanOrEqualTo(prev);
        prev = t;
        if (f.equals("declarations.jsonl")) {
          today += odt.toLocalDate().equals(DAY) ? 1 : 0;
          working += odt.getHour() >= 7 && odt.getHour() < 19 ? 1 : 0;
        }
      }
    }
    // 00:00-07:00 holds 10 % of a day's records and 07:00-09:30 another 2.5/12 of 75 %
    assertThat((double) today / whole.size()).isBetween(0.20, 0.31);
    assertThat((double) working / whole.size()).isBetween(0.7, 0.8);
  }

  @Test
  void theProfilePositionInvertsTheDayFraction() {
    for (double u = 0; u < 1; u += 0.01) {
      assertThat(DemoDataGenerator.profilePosition(DemoDataGenerator.dayFraction(u)))
          .isCloseTo(u, within(1e-9));
    }
  }

  @Test
  void crossReferencesPointAtRecordsInTheSameDay() {
    Set<String> docs = new HashSet<>();
    rows("transport-documents.jsonl").forEach(d -> docs.add(d.get("number").asText()));
    Set<String> moves = new HashSet<>();
    rows("conveyance-movements.jsonl").forEach(m -> moves.add(m.get("movementId").asText()));
    int linked = 0;
    for (JsonNode d : rows("declarations.jsonl")) {
      if (d.has("transportDocument")) {
        assertThat(docs).contains(d.get("transportDocument").asText());
        linked++;
      }
    }
    assertThat(linked).isGreaterThan(rows("declarations.jsonl").size() / 2);
    for (JsonNode d : rows("transport-documents.jsonl")) {
      if (d.has("conveyanceRef")) {
        assertThat(moves).contains(d.get("conveyanceRef").asText());
      }
    }
    assertThat(docs).hasSize(rows("transport-documents.jsonl").size());
  }

  @Test
  void partyNamesMixScriptsWidthsAndLegalForms() {
    Set<String> names = new HashSet<>();
    for (JsonNode d : rows("declarations.jsonl")) {
      names.add(d.get("importer").get("name").asText());
    }
    assertThat(names).anyMatch(n -> n.startsWith("株式会社"));
    assertThat(names).anyMatch(n -> n.startsWith("㈱") || n.startsWith("(株)"));
    assertThat(names).anyMatch(n -> n.endsWith(" KK"));
    assertThat(names).anyMatch(n -> n.endsWith("Co., Ltd."));
    assertThat(names).anyMatch(n -> n.chars().anyMatch(c -> c >= 0xFF21 && c <= 0xFF3A));
    assertThat(names).anyMatch(n -> n.chars().anyMatch(c -> c >= 0xFF66 && c <= 0xFF9F));
    Set<String> phones = new HashSet<>();
    for (JsonNode p : rows("postal-items.jsonl")) {
      phones.add(p.path("addressee").path("phone").asText());
    }
    assertThat(phones).anyMatch(p -> p.startsWith("+81")).anyMatch(p -> p.startsWith("0"));
  }

  @Test
  void differentCompaniesNeverShareACanonicalName() {
    DemoParties parties = new DemoParties(7);
    Set<String> names = new HashSet<>();
    for (int k = 0; k < 3300; k++) {
      DemoParties.JpCompany c = parties.jpCompany(k);
      assertThat(names.add(c.root().kanji() + c.trade().kanji())).as("company " + k).isTrue();
    }
  }

  @Test
  void aboutOneTenthOfSeizuresBelongToThePoliceHalfSharedWithCustoms() {
    List<JsonNode> police =
        rows("seizures.jsonl").stream()
            .filter(s -> s.path("agency").asText().equals("police-jp"))
            .toList();
    assertThat(police).hasSizeGreaterThanOrEqualTo(2);
    assertThat(police).anyMatch(s -> s.path("sharedWith").toString().contains("customs-jp"));
    assertThat(police).anyMatch(s -> !s.has("sharedWith"));
    assertThat(rows("declarations.jsonl"))
        .allMatch(d -> d.get("agency").asText().equals("customs-jp"));
  }

  // ------------------------------------------------------------------ planted networks

  private JsonNode network(String id) {
    for (JsonNode n : networks.get("networks")) {
      if (n.get("id").asText().equals(id)) {
        return n;
      }
    }
    throw new AssertionError("no network " + id + " in " + networks);
  }

  private JsonNode record(String ref) {
    int colon = ref.indexOf(':');
    String kind = ref.substring(0, colon);
    String id = ref.substring(colon + 1);
    String file = kind + "s.jsonl";
    String key =
        switch (kind) {
          case "declaration" -> "declarationId";
          case "transport-document" -> "number";
          case "postal-item" -> "itemId";
          default -> "seizureId";
        };
    return rows(file).stream()
        .filter(r -> r.get(key).asText().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("networks.json names missing record " + ref));
  }

  @Test
  void networksJsonDescribesAtLeastFivePlantedNetworks() {
    assertThat(networks.get("networks").size()).isGreaterThanOrEqualTo(5);
    for (JsonNode n : networks.get("networks")) {
      assertThat(n.get("records").size()).as(n.get("id").asText()).isGreaterThanOrEqualTo(3);
      for (JsonNode ref : n.get("records")) {
        record(ref.asText());
      }
    }
  }

  @Test
  void theSharedPhoneReallyAppearsUnderSeveralDifferentImporters() {
    JsonNode n = network("shared-phone");
    String phone = n.get("value").asText();
    Set<String> importerIds = new HashSet<>();
    Set<String> importerNames = new HashSet<>();
    for (JsonNode ref : n.get("records")) {
      JsonNode importer = record(ref.asText()).get("importer");
      assertThat(nationalPhone(importer.get("phone").asText())).isEqualTo(phone);
      importerNames.add(importer.get("name").asText());
      if (importer.has("id")) {
        importerIds.add(importer.get("id").asText());
      }
    }
    Set<String> memberIds = new HashSet<>();
    n.get("members").forEach(m -> memberIds.add(m.get("id").asText()));
    assertThat(memberIds).hasSizeGreaterThanOrEqualTo(3);
    assertThat(memberIds).containsAll(importerIds);
    assertThat(importerNames).hasSizeGreaterThanOrEqualTo(3);
    // no company outside the network may carry the phone, or the network would be noise
    long others =
        rows("declarations.jsonl").stream()
            .map(d -> d.get("importer"))
            .filter(i -> i.has("phone") && nationalPhone(i.get("phone").asText()).equals(phone))
            .filter(i -> i.has("id") && !memberIds.contains(i.get("id").asText()))
            .count();
    assertThat(others).isZero();
  }

  @Test
  void plantedValuesAreWrittenInSeveralFormsSoResolutionHasWorkToDo() {
    Set<String> phoneForms = new HashSet<>();
    for (JsonNode ref : network("shared-phone").get("records")) {
      phoneForms.add(record(ref.asText()).get("importer").get("phone").asText());
    }
    assertThat(phoneForms).hasSizeGreaterThanOrEqualTo(2);
    Set<String> addressForms = new HashSet<>();
    for (JsonNode ref : network("shared-address").get("records")) {
      JsonNode r = record(ref.asText());
      JsonNode party = r.has("consignee") ? r.get("consignee") : r.get("addressee");
      addressForms.add(party.get("address").asText());
    }
    assertThat(addressForms).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void seizuresPointOnlyAtRecordsThatExist() {
    int links = 0;
    for (JsonNode s : rows("seizures.jsonl")) {
      for (JsonNode ref : s.path("relatedRecords")) {
        record(ref.asText());
        links++;
      }
    }
    assertThat(links).isGreaterThanOrEqualTo(2);
  }

  @Test
  void containerNumbersAreUniqueWithinTheDay() {
    List<String> all = new ArrayList<>();
    rows("transport-documents.jsonl")
        .forEach(d -> d.path("containers").forEach(c -> all.add(c.asText())));
    assertThat(all).doesNotHaveDuplicates();
  }

  @Test
  void theSharedAddressIsGivenBySeveralConsignees() {
    JsonNode n = network("shared-address");
    String expected = address(n.get("value").asText());
    Set<String> names = new HashSet<>();
    for (JsonNode ref : n.get("records")) {
      JsonNode r = record(ref.asText());
      JsonNode party = r.has("consignee") ? r.get("consignee") : r.get("addressee");
      assertThat(address(party.get("address").asText())).isEqualTo(expected);
      names.add(party.get("name").asText());
    }
    assertThat(names).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void theIntelNormaliserJoinsEachPlantedPhoneAndAddress() {
    Set<String> phoneKeys = new HashSet<>();
    for (JsonNode ref : network("shared-phone").get("records")) {
      phoneKeys.add(Normalize.phoneKey(record(ref.asText()).at("/importer/phone").asText(), "JP"));
    }
    assertThat(phoneKeys).hasSize(1);
    Set<String> addressKeys = new HashSet<>();
    for (JsonNode ref : network("shared-address").get("records")) {
      JsonNode r = record(ref.asText());
      JsonNode party = r.has("consignee") ? r.get("consignee") : r.get("addressee");
      addressKeys.add(Normalize.addressKey(party.get("address").asText()));
    }
    assertThat(addressKeys).hasSize(1);
    Set<String> courierKeys = new HashSet<>();
    for (JsonNode ref : network("seizure-person-phone").get("records")) {
      JsonNode r = record(ref.asText());
      String phone =
          r.has("persons") ? r.at("/persons/0/phone").asText() : r.at("/addressee/phone").asText();
      courierKeys.add(Normalize.phoneKey(phone, "JP"));
    }
    assertThat(courierKeys).hasSize(1);
  }

  @Test
  void theHubAddresseeReceivesFromManyDifferentSenders() {
    JsonNode n = network("hub-addressee");
    Set<String> senders = new HashSet<>();
    Set<String> addresses = new HashSet<>();
    for (JsonNode ref : n.get("records")) {
      JsonNode item = record(ref.asText());
      senders.add(item.get("sender").get("name").asText().toUpperCase(java.util.Locale.ROOT));
      addresses.add(address(item.get("addressee").get("address").asText()));
    }
    assertThat(senders).hasSizeGreaterThanOrEqualTo(8);
    assertThat(addresses).hasSize(1);
  }

  @Test
  void theSeizedImporterAppearsInTheSeizureDeclarationsAndTransportDocuments() {
    JsonNode n = network("seized-importer");
    String id = n.get("value").asText();
    Set<String> kinds = new HashSet<>();
    for (JsonNode ref : n.get("records")) {
      String r = ref.asText();
      JsonNode rec = record(r);
      kinds.add(r.substring(0, r.indexOf(':')));
      JsonNode party =
          rec.has("companies")
              ? rec.get("companies").get(0)
              : rec.has("importer") ? rec.get("importer") : rec.get("consignee");
      assertThat(party.get("id").asText()).isEqualTo(id);
    }
    assertThat(kinds).contains("seizure", "declaration", "transport-document");
  }

  @Test
  void theSeizedPersonsPhoneIsTheAddresseePhoneOnPostalItems() {
    JsonNode n = network("seizure-person-phone");
    String phone = n.get("value").asText();
    int postal = 0;
    for (JsonNode ref : n.get("records")) {
      JsonNode rec = record(ref.asText());
      if (rec.has("seizureId")) {
        assertThat(rec.get("persons").toString()).contains(phone);
      } else {
        assertThat(rec.get("addressee").get("phone").asText()).isEqualTo(phone);
        postal++;
      }
    }
    assertThat(postal).isGreaterThanOrEqualTo(3);
  }

  // ------------------------------------------------------------------ independent checks

  /** ISO 6346: letters A=10..Z=38 skipping multiples of 11; weights 2^i; sum mod 11 mod 10. */
  static boolean iso6346(String s) {
    if (!s.matches("[A-Z]{3}[UJZ]\\d{7}")) {
      return false;
    }
    String alphabet = "0123456789A?BCDEFGHIJK?LMNOPQRSTU?VWXYZ";
    long sum = 0;
    for (int i = 0; i < 10; i++) {
      int v = alphabet.indexOf(s.charAt(i));
      sum += (long) v * (1L << i);
    }
    return sum % 11 % 10 == s.charAt(10) - '0';
  }

  /** UPU S10: weights 8 6 4 2 3 5 9 7; 11 - sum mod 11, 10 becomes 0 and 11 becomes 5. */
  static boolean s10(String s) {
    if (!s.matches("[A-Z]{2}\\d{9}[A-Z]{2}")) {
      return false;
    }
    int[] w = {8, 6, 4, 2, 3, 5, 9, 7};
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += (s.charAt(2 + i) - '0') * w[i];
    }
    int check = 11 - sum % 11;
    if (check == 10) {
      check = 0;
    } else if (check == 11) {
      check = 5;
    }
    return check == s.charAt(10) - '0';
  }

  /** IMO: digits 1..6 weighted 7..2, the sum's last digit is digit 7. */
  static boolean imo(String s) {
    if (!s.matches("\\d{7}")) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 6; i++) {
      sum += (s.charAt(i) - '0') * (7 - i);
    }
    return sum % 10 == s.charAt(6) - '0';
  }

  /** A Japanese phone in any written form to its national digits. */
  static String nationalPhone(String written) {
    String d = Normalizer.normalize(written, Normalizer.Form.NFKC).replaceAll("\\D", "");
    return d.startsWith("81") && written.contains("+") ? "0" + d.substring(2) : d;
  }

  /** A Japanese address in any notation to one comparable form. */
  static String address(String written) {
    return Normalizer.normalize(written, Normalizer.Form.NFKC)
        .replaceAll("〒\\d{3}-\\d{4}\\s*", "")
        .replace("丁目", "-")
        .replace("番", "-")
        .replace("号", "")
        .replaceAll("\\s+", "");
  }

  private static List<String> concat(List<String> a, String b) {
    List<String> l = new ArrayList<>(a);
    l.add(b);
    return l;
  }
}
