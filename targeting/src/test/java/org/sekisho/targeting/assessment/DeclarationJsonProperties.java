package org.sekisho.targeting.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sekisho.core.Outcome;
import org.sekisho.targeting.assessment.adapter.json.DeclarationJson;
import org.sekisho.targeting.criteria.domain.DeclarationView;

/**
 * Fuzz: mutated declaration, postal item and transport document JSON is always read or refused with
 * a named problem, never thrown.
 */
class DeclarationJsonProperties {
  /** A record kind and a valid record of it, the seed of the mutations. */
  record Seed(String kind, String text) {}

  private static final List<Seed> SEEDS =
      List.of(
          new Seed(
              "declaration",
              "{\"declarationId\":\"D1\",\"date\":\"2026-11-27T08:12:00+09:00\",\"office\":\"JPTYO\","
                  + "\"importer\":{\"name\":\"Sakura\",\"id\":\"JP1\"},\"items\":[{\"hsCode\":\"090121\","
                  + "\"origin\":\"TH\",\"netMassKg\":\"120.5\",\"customsValue\":\"350000\"}]}"),
          new Seed(
              "postal-item",
              "{\"itemId\":\"EE123456785JP\",\"date\":\"2026-11-27\",\"office\":\"JPTYO-MAIL\","
                  + "\"sender\":{\"name\":\"Zhao\",\"country\":\"CN\"},\"contents\":\"phone case\","
                  + "\"hsCode\":\"392690\",\"declaredValue\":\"12.5\",\"weightKg\":\"0.3\"}"),
          new Seed(
              "transport-document",
              "{\"number\":\"HDMU485340291\",\"documentType\":\"MBL\",\"date\":\"2026-11-28\","
                  + "\"office\":\"JPNAH\",\"consignee\":{\"name\":\"株式会社旭貿易\"},"
                  + "\"portOfLoading\":\"TWKEL\",\"goodsDescription\":\"methanol\","
                  + "\"hsCode\":\"290511\",\"grossMassKg\":\"18684.6\",\"packages\":\"515\"}"));

  private final DeclarationJson json = new DeclarationJson();

  @Provide
  Arbitrary<Seed> mutated() {
    return Arbitraries.of(SEEDS).flatMap(DeclarationJsonProperties::mutations);
  }

  private static Arbitrary<Seed> mutations(Seed seed) {
    String text = seed.text();
    Arbitrary<Integer> pos = Arbitraries.integers().between(0, text.length());
    return Arbitraries.oneOf(
            pos.flatMap(
                a ->
                    Arbitraries.integers()
                        .between(1, 10)
                        .map(
                            n ->
                                text.substring(0, a)
                                    + text.substring(Math.min(text.length(), a + n)))),
            pos.flatMap(
                a ->
                    Arbitraries.of(
                            "\"", "{", "}", "[", "]", ",", ":", "-1", "null", "\"x\"", "1e400",
                            "\\u0000")
                        .map(s -> text.substring(0, a) + s + text.substring(a))),
            Arbitraries.strings().ofMaxLength(60))
        .map(t -> new Seed(seed.kind(), t));
  }

  @Property(tries = 3000)
  void readingNeverThrowsAndRefusalsNameTheProblem(@ForAll("mutated") Seed input) {
    Outcome<DeclarationView> o = json.parse(input.kind(), input.text());
    if (o.isAccepted()) {
      assertThat(o.orElseThrow().sourceId()).isNotBlank();
      assertThat(o.orElseThrow().recordKind()).isEqualTo(input.kind());
      assertThat(o.orElseThrow().items()).isNotEmpty();
    } else {
      o.problems().forEach(p -> assertThat(p.message()).isNotBlank());
    }
  }

  @Property(tries = 2000)
  void checkingASubmittedRecordNeverThrowsAndRefusesNoMoreThanReadingIt(
      @ForAll("mutated") Seed input) {
    Outcome<DeclarationView> submitted =
        json.parseSubmitted(input.kind(), input.text(), java.time.LocalDate.of(2026, 11, 28));
    Outcome<DeclarationView> read = json.parse(input.kind(), input.text());
    if (submitted.isAccepted()) {
      assertThat(read.isAccepted()).isTrue();
      assertThat(submitted.orElseThrow()).isEqualTo(read.orElseThrow());
    } else {
      submitted.problems().forEach(p -> assertThat(p.message()).isNotBlank());
    }
  }

  @Property(tries = 10)
  void everySeedIsRead(@ForAll("seeds") Seed seed) {
    assertThat(json.parse(seed.kind(), seed.text()).isAccepted()).isTrue();
  }

  @Provide
  Arbitrary<Seed> seeds() {
    return Arbitraries.of(SEEDS);
  }
}
