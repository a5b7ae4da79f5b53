package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sekisho.core.Outcome;
import org.sekisho.intel.adapter.format.Formats;
import org.sekisho.intel.application.RowSource;
import org.sekisho.intel.domain.Fields;
import org.sekisho.intel.domain.IntelRecord;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.intel.domain.RecordReader;

/**
 * Mutated inputs never crash a reader: every row comes back as a value or as a rejection naming a
 * field and a reason, and reading always ends. A record that is accepted can be stored: no NUL
 * character anywhere, a source id of at most 100 characters, an upper-case office.
 */
class RowParsersProperties {
  private static final String JSON_SEED =
      "{\"declarationId\":\"D1\",\"date\":\"2026-11-27\",\"importer\":{\"name\":\"株式会社サクラ\",\"phone\":\"03-1234-5678\"},"
          + "\"items\":[{\"hsCode\":\"090121\",\"origin\":\"BR\",\"customsValue\":\"12.5\"}]}\n"
          + "{\"seizureId\":\"S1\",\"date\":\"2026-11-27T09:00:00+09:00\",\"commodity\":\"gold\",\"route\":[\"HK\",\"JP\"]}\n";
  private static final String CSV_SEED =
      "declarationId,date,office,importer.name,item.hsCode,item.origin,item.customsValue\n"
          + "X1,2026-11-27,JPTYO,\"Sakura, KK\",090121,TH,1000\n"
          + "X1,2026-11-27,JPTYO,\"Sakura, KK\",847130,CN,5\n"
          + "X2,2026-11-28,JPOSA,みなと商事,940360,VN,77\n";
  private static final String KCS_SEED =
      "Declaration ID,Date,Office ID,Process Type,Import Type,Import Use,Payment Type,Mode of Transport,Declarant ID,Importer ID,Seller ID,Courier ID,HS6 Code,Country of Departure,Country of Origin,Tax Rate,Tax Type,Country of Origin Indicator,Net Mass,Item Price,Fraud,Critical Fraud\n"
          + "97061800,2020-01-01,30,B,11,21,11,10,ZZR1LT6,QLRUBN9,0VKY2BR,,440890,BE,BE,0.0,FEU1,G,108.0,372254.4,0,0\n";

  @Provide
  Arbitrary<String> mutatedJson() {
    return mutate(JSON_SEED);
  }

  @Provide
  Arbitrary<String> mutatedCsv() {
    return mutate(CSV_SEED);
  }

  @Provide
  Arbitrary<String> mutatedKcs() {
    return mutate(KCS_SEED);
  }

  /**
   * Cuts, duplicates and replaces characters of a valid seed, including quotes, brackets and
   * newlines.
   */
  private static Arbitrary<String> mutate(String seed) {
    Arbitrary<Integer> pos = Arbitraries.integers().between(0, seed.length());
    Arbitrary<Character> ch =
        Arbitraries.of(
            '"', ',', '{', '}', '[', ']', '\n', '\\', ':', 'x', '0', '株', '\r', ';', ' ', '\u0000',
            'e', '-', '9');
    // a value stretched far past its field's limit
    Arbitrary<String> run =
        Arbitraries.of("x", "9", "\\u0000", "e9")
            .flatMap(u -> Arbitraries.integers().between(50, 300).map(u::repeat));
    return Arbitraries.oneOf(
        pos.map(p -> seed.substring(0, p)),
        pos.flatMap(p -> ch.map(c -> seed.substring(0, p) + c + seed.substring(p))),
        pos.flatMap(
            p ->
                ch.map(
                    c ->
                        p < seed.length()
                            ? seed.substring(0, p) + c + seed.substring(p + 1)
                            : seed)),
        pos.flatMap(p -> run.map(r -> seed.substring(0, p) + r + seed.substring(p))),
        Arbitraries.strings().ofMaxLength(200));
  }

  /** Every text of the stored JSON is free of NUL characters. */
  private static void noNul(com.fasterxml.jackson.databind.JsonNode n) {
    if (n.isTextual()) {
      assertThat(n.asText()).doesNotContain("\u0000");
    }
    n.forEach(RowParsersProperties::noNul);
  }

  private static void readAll(String kind, String format, String input) throws Exception {
    RecordReader reader =
        new RecordReader(
            ZoneOffset.UTC,
            java.time.Clock.fixed(java.time.Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC));
    RecordKind k = RecordKind.ofPlural(kind).orElseThrow();
    try (RowSource rows =
        new Formats()
            .open(kind, format, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)))) {
      int n = 0;
      while (rows.hasNext()) {
        RowSource.Row row = rows.next();
        assertThat(++n).isLessThan(10_000);
        switch (row.fields()) {
          case Outcome.Accepted<Fields> a -> {
            Outcome<IntelRecord> r = reader.read(k, a.value());
            if (r instanceof Outcome.Accepted<IntelRecord> ok) {
              IntelRecord rec = ok.value();
              noNul(TestIngest.JSON.valueToTree(rec));
              assertThat(rec.title() + rec.searchText()).doesNotContain("\u0000");
              assertThat(rec.sourceId().length()).isLessThanOrEqualTo(100);
              assertThat(rec.office()).isEqualTo(rec.office().toUpperCase(java.util.Locale.ROOT));
              assertThat(org.sekisho.intel.domain.SearchTokens.of(rec.searchText()))
                  .allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(100));
            }
            r.problems()
                .forEach(
                    p -> {
                      assertThat(p.code()).isNotBlank();
                      assertThat(p.message()).isNotBlank();
                    });
          }
          case Outcome.Rejected<Fields> rej ->
              assertThat(rej.problems().get(0).message()).isNotBlank();
        }
      }
    }
  }

  @Property(tries = 1500)
  void jsonLinesNeverCrash(@ForAll("mutatedJson") String input) throws Exception {
    readAll("declarations", "json", input);
    readAll("seizures", "json", input);
  }

  @Property(tries = 1500)
  void csvNeverCrashes(@ForAll("mutatedCsv") String input) throws Exception {
    readAll("declarations", "csv", input);
    readAll("postal-items", "csv", input);
  }

  @Property(tries = 1000)
  void kcsNeverCrashes(@ForAll("mutatedKcs") String input) throws Exception {
    readAll("declarations", "kcs", input);
  }
}
