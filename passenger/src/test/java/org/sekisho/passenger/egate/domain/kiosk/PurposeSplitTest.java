package org.sekisho.passenger.egate.domain.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Timeout;

/** The field-level purpose rules hold for any capture. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PurposeSplitTest {

  @Provide
  Arbitrary<Map<TravellerField, String>> captures() {
    return Arbitraries.maps(
            Arbitraries.of(TravellerField.class), Arbitraries.strings().ofMaxLength(20))
        .ofMaxSize(TravellerField.values().length);
  }

  private static ArrivalCapture capture(Map<TravellerField, String> fields) {
    return new ArrivalCapture("c1", "kiosk-1", Instant.EPOCH, new HashMap<>(fields));
  }

  @Property(tries = 2000)
  void aCustomsOnlyFieldNeverReachesTheImmigrationRecord(
      @ForAll("captures") Map<TravellerField, String> fields) {
    PurposeRecord imm = capture(fields).recordFor(Purpose.IMMIGRATION);
    for (TravellerField f : imm.fields().keySet()) {
      assertThat(f.purposes()).contains(Purpose.IMMIGRATION);
    }
    for (TravellerField f : fields.keySet()) {
      if (f.purposes().equals(java.util.Set.of(Purpose.CUSTOMS))) {
        assertThat(imm.fields()).doesNotContainKey(f);
      }
    }
  }

  @Property(tries = 2000)
  void anImmigrationOnlyFieldNeverReachesTheCustomsRecord(
      @ForAll("captures") Map<TravellerField, String> fields) {
    PurposeRecord cus = capture(fields).recordFor(Purpose.CUSTOMS);
    for (TravellerField f : cus.fields().keySet()) {
      assertThat(f.purposes()).contains(Purpose.CUSTOMS);
    }
    for (TravellerField f : fields.keySet()) {
      if (f.purposes().equals(java.util.Set.of(Purpose.IMMIGRATION))) {
        assertThat(cus.fields()).doesNotContainKey(f);
      }
    }
  }

  @Property(tries = 500)
  void everyCapturedFieldGoesToEachAuthorityItServesWithItsValueUnchanged(
      @ForAll("captures") Map<TravellerField, String> fields) {
    ArrivalCapture c = capture(fields);
    for (Purpose p : Purpose.values()) {
      PurposeRecord r = c.recordFor(p);
      fields.forEach(
          (f, v) -> {
            if (f.serves(p)) {
              assertThat(r.fields()).containsEntry(f, v);
            }
          });
      assertThat(r.captureId()).isEqualTo("c1");
    }
  }

  @Property(tries = 10)
  void aRecordCannotBeBuiltWithAFieldItsPurposeDoesNotAllow() {
    assertThatThrownBy(
            () ->
                new PurposeRecord(
                    Purpose.IMMIGRATION,
                    "c",
                    "k",
                    Instant.EPOCH,
                    Map.of(TravellerField.DECLARATION_ANSWERS, "x")))
        .hasMessageContaining("declaration_answers");
  }

  @Property(tries = 1)
  void bothPurposesHaveTheirOwnFieldsAndShareOnlyIdentityAndJourney() {
    long customsOnly =
        java.util.Arrays.stream(TravellerField.values())
            .filter(f -> f.purposes().equals(java.util.Set.of(Purpose.CUSTOMS)))
            .count();
    long immigrationOnly =
        java.util.Arrays.stream(TravellerField.values())
            .filter(f -> f.purposes().equals(java.util.Set.of(Purpose.IMMIGRATION)))
            .count();
    assertThat(customsOnly).isGreaterThanOrEqualTo(8);
    assertThat(immigrationOnly).isGreaterThanOrEqualTo(8);
    assertThat(TravellerField.GATE_DECISION.purposes()).containsExactly(Purpose.CUSTOMS);
    assertThat(TravellerField.CRIMINAL_CONVICTION.purposes()).containsExactly(Purpose.IMMIGRATION);
  }
}
