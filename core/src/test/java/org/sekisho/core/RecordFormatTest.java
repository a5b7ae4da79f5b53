package org.sekisho.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecordFormatTest {
  /** A record as nested maps and lists, as a JSON reader would hold it. */
  record MapNames(Map<String, Object> map) implements RecordFormat.Names {
    @Override
    public Collection<String> names() {
      return map.keySet();
    }

    @Override
    @SuppressWarnings("unchecked")
    public RecordFormat.Names object(String name) {
      return map.get(name) instanceof Map<?, ?> m ? new MapNames((Map<String, Object>) m) : null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<RecordFormat.Names> list(String name) {
      List<RecordFormat.Names> out = new ArrayList<>();
      if (map.get(name) instanceof List<?> l) {
        for (Object e : l) {
          out.add(e instanceof Map<?, ?> m ? new MapNames((Map<String, Object>) m) : null);
        }
      }
      return out;
    }
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static List<Problem> unknown(RecordFormat.Shape shape, Map<String, Object> record) {
    return RecordFormat.unknownFields(shape, new MapNames(record));
  }

  @Test
  void aRecordOfTheFormatsFieldsHasNoUnknownField() {
    Map<String, Object> d =
        map(
            "declarationId", "D1",
            "date", "2026-11-27",
            "office", "JPNRT",
            "agency", "customs-jp",
            "sharedWith", List.of("police-jp"),
            "importer", map("kind", "company", "name", "Sakura", "document", "P:JP:TZ1"),
            "items", List.of(map("hsCode", "691390", "customsValue", "5")),
            "outcome", "infraction");
    assertThat(unknown(RecordFormat.DECLARATION, d)).isEmpty();
  }

  @Test
  void misnamedFieldsAreNamedByTheirPathWithTheFieldMeant() {
    Map<String, Object> d =
        map(
            "declarationId", "RV15-D-003",
            "items", List.of(map("hsCode", "691390"), map("hsCode", "850440", "value", "5")),
            "colour", "red",
            "importr", map("name", "typo", "nmae", "x"),
            "exporter", map("name", "Lotus", "passport", "P:TH:1"));
    List<Problem> p = unknown(RecordFormat.DECLARATION, d);
    assertThat(p)
        .extracting(Problem::field)
        .containsExactly("items[1].value", "colour", "importr", "exporter.passport");
    assertThat(p).extracting(Problem::code).containsOnly("unknown-field");
    assertThat(p.get(0).message()).contains("did you mean customsValue?");
    assertThat(p.get(1).message()).doesNotContain("did you mean").contains("declarationId");
    assertThat(p.get(2).message()).contains("did you mean importer?");
    assertThat(p.get(3).message()).contains("did you mean document?");
  }

  @Test
  void eachKindHasItsOwnFieldsAndSeizurePersonsAreParties() {
    assertThat(RecordFormat.ofKind("postal-item")).contains(RecordFormat.POSTAL_ITEM);
    assertThat(RecordFormat.ofKind("bogus")).isEmpty();
    assertThat(unknown(RecordFormat.POSTAL_ITEM, map("itemId", "EE1", "value", "3")))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("did you mean declaredValue?"));
    assertThat(
            unknown(
                RecordFormat.SEIZURE,
                map("seizureId", "S1", "persons", List.of("John", map("name", "J", "role", "x")))))
        .extracting(Problem::field)
        .containsExactly("persons[1].role");
    assertThat(unknown(RecordFormat.TRANSPORT_DOCUMENT, map("number", "N", "consignor", map())))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("did you mean shipper?"));
    assertThat(unknown(RecordFormat.CONVEYANCE_MOVEMENT, map("movementId", "M", "IMO", "1")))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("did you mean imo?"));
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.strings()
        .ofMinLength(1)
        .ofMaxLength(20)
        .withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-[] é社");
  }

  @Property(tries = 500)
  void anyNameIsEitherAFieldOrRefusedNamingItAndAnyGuessIsAField(@ForAll("names") String name) {
    for (RecordFormat.Shape shape :
        List.of(
            RecordFormat.DECLARATION,
            RecordFormat.TRANSPORT_DOCUMENT,
            RecordFormat.CONVEYANCE_MOVEMENT,
            RecordFormat.POSTAL_ITEM,
            RecordFormat.SEIZURE,
            RecordFormat.PARTY,
            RecordFormat.ITEM)) {
      List<Problem> p = unknown(shape, map(name, "x"));
      if (shape.fields().containsKey(name)) {
        assertThat(p).isEmpty();
      } else {
        assertThat(p).singleElement().satisfies(q -> assertThat(q.field()).isEqualTo(name));
        shape.meant(name).ifPresent(m -> assertThat(shape.fields()).containsKey(m));
      }
    }
  }

  @Property(tries = 200)
  void aFieldNameWithOneTypoIsGuessed(@ForAll("typos") String[] fieldAndTypo) {
    RecordFormat.Shape shape = RecordFormat.DECLARATION;
    if (shape.fields().containsKey(fieldAndTypo[1])) {
      return;
    }
    assertThat(shape.meant(fieldAndTypo[1])).isPresent();
  }

  @Provide
  Arbitrary<String[]> typos() {
    List<String> long6 =
        RecordFormat.DECLARATION.fields().keySet().stream().filter(f -> f.length() >= 8).toList();
    return Arbitraries.of(long6)
        .flatMap(
            f ->
                Arbitraries.integers()
                    .between(0, f.length() - 1)
                    .map(i -> new String[] {f, f.substring(0, i) + f.substring(i + 1)}));
  }

  @Test
  void partyValuesAreCheckedAsIngestChecksThem() {
    LocalDate today = LocalDate.of(2026, 11, 28);
    assertThat(
            RecordFormat.partyProblems("p.", "person", "a@b.jp", "1980-04-01", "P:JP:TZ1", today))
        .isEmpty();
    assertThat(RecordFormat.partyProblems("p.", "robot", "nope", "2099-01-01", "garbage", today))
        .extracting(Problem::field, Problem::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("p.kind", "invalid-value"),
            org.assertj.core.groups.Tuple.tuple("p.email", "invalid-email"),
            org.assertj.core.groups.Tuple.tuple("p.dateOfBirth", "implausible-date"),
            org.assertj.core.groups.Tuple.tuple("p.document", "invalid-document"));
    assertThat(RecordFormat.partyProblems("", "", "", "1980-13-01", "P:QQ:1", null))
        .extracting(Problem::code)
        .containsExactly("invalid-date", "invalid-document");
    // without a clock, only the earliest birth bounds the date
    assertThat(RecordFormat.partyProblems("", "", "", "2099-01-01", "", null)).isEmpty();
    assertThat(RecordFormat.partyProblems("", "", "", "1899-12-31", "", null)).hasSize(1);
  }

  @Test
  void anOutcomeIsNoneNothingFoundOrAnInfraction() {
    assertThat(RecordFormat.outcome("outcome", "")).isEmpty();
    assertThat(RecordFormat.outcome("outcome", "infraction")).isEmpty();
    assertThat(RecordFormat.outcome("outcome", "maybe"))
        .hasValueSatisfying(p -> assertThat(p.message()).contains("'maybe'"));
  }

  @Test
  void distanceCountsEdits() {
    assertThat(Spelling.distance("importr", "importer")).isEqualTo(1);
    assertThat(Spelling.distance("", "abc")).isEqualTo(3);
    assertThat(Spelling.distance("kitten", "sitting")).isEqualTo(3);
  }
}
