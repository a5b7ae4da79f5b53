package org.sekisho.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Timeout;
import org.sekisho.core.Outcome;
import org.sekisho.intel.adapter.format.JsonRows;
import org.sekisho.intel.application.RowSource;
import org.sekisho.intel.domain.Fields;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.intel.domain.RecordReader;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DemoDataPropertyTest {
  private static final Map<String, RecordKind> KINDS =
      Map.of(
          "declarations.jsonl", RecordKind.DECLARATION,
          "transport-documents.jsonl", RecordKind.TRANSPORT_DOCUMENT,
          "conveyance-movements.jsonl", RecordKind.CONVEYANCE_MOVEMENT,
          "postal-items.jsonl", RecordKind.POSTAL_ITEM,
          "seizures.jsonl", RecordKind.SEIZURE);

  @Property(tries = 12)
  void anySeedDateAndSmallScaleGivesOnlyRecordsTheIntelReaderAccepts(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 3650) int dayOffset,
      @ForAll @DoubleRange(min = 0.001, max = 0.03) @Scale(3) double scale)
      throws IOException {
    Path dir = Files.createTempDirectory("demo-prop");
    try {
      LocalDate day = LocalDate.of(2024, 1, 1).plusDays(dayOffset);
      new DemoDataGenerator(seed, day, scale).generate(dir);
      RecordReader reader = new RecordReader(ZoneId.of("Asia/Tokyo"));
      for (var e : KINDS.entrySet()) {
        try (InputStream in = Files.newInputStream(dir.resolve(e.getKey()));
            JsonRows rows = new JsonRows(in)) {
          while (rows.hasNext()) {
            RowSource.Row row = rows.next();
            assertThat(row.fields()).isInstanceOf(Outcome.Accepted.class);
            Fields f = ((Outcome.Accepted<Fields>) row.fields()).value();
            assertThat(reader.read(e.getValue(), f))
                .as(e.getKey() + " row " + row.number())
                .isInstanceOf(Outcome.Accepted.class);
          }
        }
      }
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
  }
}
