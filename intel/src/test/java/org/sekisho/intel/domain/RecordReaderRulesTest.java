package org.sekisho.intel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;

/** What the reader refuses so that a stored record can always be stored, searched and assessed. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RecordReaderRulesTest {
  private static final Clock TODAY =
      Clock.fixed(Instant.parse("2026-11-27T03:00:00Z"), ZoneOffset.UTC);
  private final RecordReader reader = new RecordReader(ZoneOffset.UTC, TODAY);

  /** Fields from a flat map of dotted paths, with list fields as maps of their own. */
  record MapFields(Map<String, String> values, Map<String, List<Fields>> lists) implements Fields {
    @Override
    public String text(String path) {
      return values.getOrDefault(path, "").strip();
    }

    @Override
    public List<Fields> list(String path) {
      return lists.getOrDefault(path, List.of());
    }

    @Override
    public List<String> strings(String path) {
      String v = values.getOrDefault(path, "");
      return v.isBlank() ? List.of() : List.of(v.split(";"));
    }
  }

  private static Map<String, String> declaration() {
    Map<String, String> m = new HashMap<>();
    m.put("declarationId", "D2026112700001");
    m.put("date", "2026-11-27");
    m.put("office", "JPTYO");
    m.put("importer.name", "Sakura Bussan KK");
    m.put("importer.country", "JP");
    return m;
  }

  private static Map<String, String> item() {
    Map<String, String> m = new HashMap<>();
    m.put("hsCode", "090121");
    m.put("description", "roasted coffee");
    m.put("customsValue", "350000");
    return m;
  }

  private Outcome<IntelRecord> read(
      RecordKind kind, Map<String, String> values, Map<String, String> item) {
    Map<String, List<Fields>> lists = new HashMap<>();
    if (item != null) {
      lists.put("items", List.of(new MapFields(item, Map.of())));
    }
    return reader.read(kind, new MapFields(values, lists));
  }

  private Outcome<IntelRecord> declaration(Map<String, String> values, Map<String, String> item) {
    return read(RecordKind.DECLARATION, values, item);
  }

  private static Map<String, String> with(Map<String, String> m, String field, String value) {
    Map<String, String> c = new HashMap<>(m);
    c.put(field, value);
    return c;
  }

  @Test
  void aGoodDeclarationIsAccepted() {
    assertThat(declaration(declaration(), item())).isInstanceOf(Outcome.Accepted.class);
  }

  @Test
  void aNulCharacterInAnyTextFieldOfAnyKindIsRefusedNamingTheField() {
    Map<RecordKind, Map<String, String>> good =
        Map.of(
            RecordKind.DECLARATION, declaration(),
            RecordKind.TRANSPORT_DOCUMENT,
                Map.of("number", "MAEU123456789", "date", "2026-11-27", "consignee.name", "Sakura"),
            RecordKind.CONVEYANCE_MOVEMENT,
                Map.of(
                    "movementId", "PC-1",
                    "mode", "sea",
                    "direction", "arrival",
                    "time", "2026-11-27T06:00:00+09:00",
                    "port", "JPYOK",
                    "conveyanceName", "EVER GIVEN"),
            RecordKind.POSTAL_ITEM,
                Map.of("itemId", "EE123456785JP", "date", "2026-11-27", "sender.name", "Li Wei"),
            RecordKind.SEIZURE,
                Map.of(
                    "seizureId",
                    "S-1",
                    "date",
                    "2026-11-27",
                    "commodity",
                    "gold",
                    "narrative",
                    "found at the gate"));
    for (var e : good.entrySet()) {
      Map<String, String> values = e.getValue();
      assertThat(read(e.getKey(), values, item()))
          .as(e.getKey() + " as given")
          .isInstanceOf(Outcome.Accepted.class);
      for (String field : values.keySet()) {
        String v = values.get(field);
        Outcome<IntelRecord> o =
            read(
                e.getKey(),
                with(values, field, v.substring(0, 1) + "\u0000" + v.substring(1)),
                item());
        assertThat(o.problems())
            .as(e.getKey() + " " + field)
            .anySatisfy(
                p -> {
                  assertThat(p.field()).isEqualTo(field);
                  assertThat(p.code()).isEqualTo("invalid-character");
                  assertThat(p.message()).contains("NUL character (U+0000)");
                });
        assertThat(o.problems()).allSatisfy(p -> assertThat(p.message()).doesNotContain("\u0000"));
      }
    }
    Outcome<IntelRecord> inItem =
        declaration(declaration(), with(item(), "description", "a\u0000b"));
    assertThat(inItem.problems())
        .extracting(Problem::field)
        .containsExactly("items[0].description");
  }

  @Test
  void overLongIdsAndTextsAreRefusedWithTheirLimit() {
    Outcome<IntelRecord> id =
        declaration(with(declaration(), "declarationId", "D".repeat(5_000)), item());
    assertThat(id.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("declarationId");
              assertThat(p.code()).isEqualTo("too-long");
              assertThat(p.message()).contains("at most 100 characters").hasSizeLessThan(200);
            });
    assertThat(declaration(with(declaration(), "declarationId", "D".repeat(100)), item()))
        .isInstanceOf(Outcome.Accepted.class);
    assertThat(
            declaration(declaration(), with(item(), "description", "x".repeat(10_001))).problems())
        .extracting(Problem::field)
        .containsExactly("items[0].description");
    assertThat(declaration(declaration(), with(item(), "description", "x".repeat(10_000))))
        .isInstanceOf(Outcome.Accepted.class);
    assertThat(
            declaration(with(declaration(), "importer.name", "N".repeat(501)), item()).problems())
        .extracting(Problem::field)
        .containsExactly("importer.name");
  }

  @Test
  void aNetMassAboveTheGrossMassIsRefusedAsTheAssessmentApiRefusesIt() {
    Map<String, String> heavy = with(with(item(), "netMassKg", "120.5"), "grossMassKg", "120");
    assertThat(declaration(declaration(), heavy).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("items[0].netMassKg");
              assertThat(p.message()).contains("120.5 kg", "120 kg", "at most the gross mass");
            });
    // equal, lighter, or a gross mass not known (absent, or 0 as some feeds write it): kept
    for (String gross : List.of("120.5", "121", "0")) {
      assertThat(
              declaration(
                  declaration(), with(with(item(), "netMassKg", "120.5"), "grossMassKg", gross)))
          .as(gross)
          .isInstanceOf(Outcome.Accepted.class);
    }
    assertThat(declaration(declaration(), with(item(), "netMassKg", "120.5")))
        .isInstanceOf(Outcome.Accepted.class);
  }

  @Test
  void numbersTargetingCannotReadAreRefusedAndOrdinaryOnesKept() {
    for (String bad :
        List.of(
            "1e400",
            "99999999999999999999999999999999999999",
            "1000000000000000",
            "-1",
            "1e-400",
            "Infinity",
            "NaN",
            "1".repeat(200))) {
      Outcome<IntelRecord> o = declaration(declaration(), with(item(), "customsValue", bad));
      assertThat(o.problems())
          .as(bad)
          .singleElement()
          .satisfies(p -> assertThat(p.field()).isEqualTo("items[0].customsValue"));
    }
    for (String good : List.of("0", "999999999999999.99", "241.58000000000004", "1.5E+7", "12")) {
      assertThat(declaration(declaration(), with(item(), "customsValue", good)))
          .as(good)
          .isInstanceOf(Outcome.Accepted.class);
    }
    for (String field : List.of("quantity", "netMassKg", "grossMassKg", "dutyRate")) {
      assertThat(declaration(declaration(), with(item(), field, "1e400")).problems())
          .extracting(Problem::field)
          .containsExactly("items[0]." + field);
    }
    Map<String, String> postal =
        Map.of("itemId", "EE123456785JP", "date", "2026-11-27", "declaredValue", "1e20");
    assertThat(read(RecordKind.POSTAL_ITEM, postal, null).problems())
        .extracting(Problem::field)
        .containsExactly("declaredValue");
    assertThat(
            read(
                    RecordKind.POSTAL_ITEM,
                    with(with(postal, "declaredValue", "15"), "weightKg", "-0.4"),
                    null)
                .problems())
        .extracting(Problem::field)
        .containsExactly("weightKg");
    Map<String, String> document =
        Map.of("number", "MAEU123456789", "date", "2026-11-27", "grossMassKg", "1e15");
    assertThat(read(RecordKind.TRANSPORT_DOCUMENT, document, null).problems())
        .extracting(Problem::field)
        .containsExactly("grossMassKg");
  }

  @Test
  void eventDatesBefore1950OrMoreThanAYearAheadAreRefused() {
    for (String bad : List.of("9999-12-31", "1900-01-01", "1949-12-31", "2027-11-29")) {
      assertThat(declaration(with(declaration(), "date", bad), item()).problems())
          .as(bad)
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.field()).isEqualTo("date");
                assertThat(p.message()).contains("1950-01-01").contains("2027-11-27");
              });
    }
    for (String good : List.of("1950-01-01", "2020-01-01", "2027-11-27", "2027-11-27T23:59:00Z")) {
      assertThat(declaration(with(declaration(), "date", good), item()))
          .as(good)
          .isInstanceOf(Outcome.Accepted.class);
    }
    // a reader without a clock checks the earliest day only
    RecordReader anyDay = new RecordReader(ZoneOffset.UTC);
    Map<String, List<Fields>> items = Map.of("items", List.of(new MapFields(item(), Map.of())));
    assertThat(
            anyDay.read(
                RecordKind.DECLARATION,
                new MapFields(with(declaration(), "date", "2033-12-31"), items)))
        .isInstanceOf(Outcome.Accepted.class);
    assertThat(
            anyDay
                .read(
                    RecordKind.DECLARATION,
                    new MapFields(with(declaration(), "date", "1900-01-01"), items))
                .problems())
        .extracting(Problem::field)
        .containsExactly("date");
  }

  @Test
  void officesAreStoredUpperCaseLengthCheckedAndRequiredForADeclaration() {
    Outcome<IntelRecord> lower = declaration(with(declaration(), "office", " jpyok "), item());
    assertThat(((Declaration) lower.orElseThrow()).office()).isEqualTo("JPYOK");
    assertThat(declaration(with(declaration(), "office", ""), item()).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("office");
              assertThat(p.code()).isEqualTo("missing-field");
            });
    assertThat(declaration(with(declaration(), "office", "O".repeat(3_000)), item()).problems())
        .extracting(Problem::code)
        .containsExactly("too-long");
    // a postal item or a seizure may come without an office; when given it is upper case
    assertThat(
            read(
                RecordKind.POSTAL_ITEM,
                Map.of("itemId", "EE123456785JP", "date", "2026-11-27"),
                null))
        .isInstanceOf(Outcome.Accepted.class);
    PostalItem p =
        (PostalItem)
            read(
                    RecordKind.POSTAL_ITEM,
                    Map.of("itemId", "EE123456785JP", "date", "2026-11-27", "office", "jpkws-mail"),
                    null)
                .orElseThrow();
    assertThat(p.office()).isEqualTo("JPKWS-MAIL");
  }

  @Test
  void aDocumentNotWrittenTypeCountryNumberABirthInTheFutureAndAReferenceWithoutAKindAreRefused() {
    Map<String, String> seizure = new HashMap<>();
    seizure.put("seizureId", "S-RULES");
    seizure.put("date", "2026-11-27");
    seizure.put("commodity", "gold");
    Map<String, String> person = new HashMap<>();
    person.put("name", "John Doe");
    person.put("document", "garbage");
    person.put("dateOfBirth", "2090-01-01");
    Map<String, String> related = new HashMap<>(seizure);
    related.put("relatedRecords", "nonsense;declaration:D1;parcel:P1");
    Map<String, List<Fields>> lists = Map.of("persons", List.of(new MapFields(person, Map.of())));
    Outcome<IntelRecord> bad = reader.read(RecordKind.SEIZURE, new MapFields(related, lists));
    assertThat(bad.problems())
        .extracting(Problem::field, Problem::code)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("persons[0].dateOfBirth", "implausible-date"),
            org.assertj.core.groups.Tuple.tuple("persons[0].document", "invalid-document"),
            org.assertj.core.groups.Tuple.tuple("relatedRecords[0]", "invalid-reference"),
            org.assertj.core.groups.Tuple.tuple("relatedRecords[2]", "invalid-reference"));
    assertThat(bad.problems())
        .filteredOn(p -> p.field().equals("persons[0].document"))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("TYPE:COUNTRY:NUMBER", "'garbage'"));
    // as the formats document them, they are kept
    person.put("document", "P:US:123456789");
    person.put("dateOfBirth", "1985-02-03");
    seizure.put("relatedRecords", "declaration:D2026112700001;postal-item:EE123456785JP");
    assertThat(reader.read(RecordKind.SEIZURE, new MapFields(seizure, lists)).isAccepted())
        .isTrue();
    // today is a possible date of birth; a country that is not one is not
    person.put("dateOfBirth", "2026-11-27");
    person.put("document", "P:XX:123456789");
    assertThat(reader.read(RecordKind.SEIZURE, new MapFields(seizure, lists)).problems())
        .extracting(Problem::field)
        .containsExactly("persons[0].document");
  }
}
