package org.sekisho.intel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.core.Outcome;
import org.sekisho.intel.domain.RecordReaderRulesTest.MapFields;

/**
 * A document number typed on a Japanese keyboard (full-width letters, digits or colons) is the same
 * document: read NFKC-normalised, as phone numbers and the other keys are, and stored so.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FullWidthDocumentTest {
  private final RecordReader reader =
      new RecordReader(
          ZoneOffset.UTC, Clock.fixed(Instant.parse("2026-11-27T03:00:00Z"), ZoneOffset.UTC));

  private Outcome<IntelRecord> seizure(String document) {
    Fields person = new MapFields(Map.of("name", "Taro Yamada", "document", document), Map.of());
    return reader.read(
        RecordKind.SEIZURE,
        new MapFields(
            Map.of("seizureId", "S-FW-1", "date", "2026-11-20", "commodity", "cocaine"),
            Map.of("persons", List.of(person))));
  }

  @Test
  void fullWidthLettersAndDigitsInADocumentNumberAreReadHalfWidthAndStoredSo() {
    IntelRecord r = seizure("P:JP:ＡＢ１２３").orElseThrow();
    assertThat(((Seizure) r).persons().get(0).document()).isEqualTo("P:JP:AB123");
  }

  @Test
  void aDocumentWrittenWhollyFullWidthColonsIncludedIsReadToo() {
    IntelRecord r = seizure("Ｐ：ＪＰ：ＴＺ１２３４５６７").orElseThrow();
    assertThat(((Seizure) r).persons().get(0).document()).isEqualTo("P:JP:TZ1234567");
  }

  @Test
  void aDocumentThatIsNotOneAfterNormalisingIsStillRefused() {
    assertThat(seizure("ＡＢ１２３").problems())
        .singleElement()
        .satisfies(p -> assertThat(p.field()).isEqualTo("persons[0].document"));
  }
}
