package org.sekisho.passenger.egate.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.passenger.egate.domain.face.FaceVerification;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FaceVerificationsTest {
  private final List<String> log = new ArrayList<>();

  /** Fake matcher: share of equal bytes. */
  private final FaceMatcher sameBytes =
      new FaceMatcher() {
        @Override
        public double similarity(byte[] a, byte[] b) {
          int n = Math.min(a.length, b.length);
          int same = 0;
          for (int i = 0; i < n; i++) {
            same += a[i] == b[i] ? 1 : 0;
          }
          return n == 0 ? 0 : (double) same / n;
        }

        @Override
        public String model() {
          return "same-bytes 1";
        }
      };

  @Test
  void theDecisionAndThresholdAreLoggedAndBothImagesAreErased() {
    byte[] chip = {1, 2, 3, 4};
    byte[] live = {1, 2, 3, 9};
    FaceVerification v = new FaceVerifications(sameBytes, 0.7, log::add).verify(chip, live);
    assertThat(v.match()).isTrue();
    assertThat(v.similarity()).isEqualTo(0.75);
    assertThat(log)
        .containsExactly("face match: similarity 0.7500 threshold 0.7000 model same-bytes 1");
    assertThat(chip).containsOnly(0);
    assertThat(live).containsOnly(0);
  }

  @Test
  void aScoreBelowTheThresholdIsAMismatch() {
    FaceVerification v =
        new FaceVerifications(sameBytes, 0.9, log::add)
            .verify(new byte[] {1, 2}, new byte[] {1, 3});
    assertThat(v.match()).isFalse();
    assertThat(log.get(0)).startsWith("face mismatch");
  }
}
