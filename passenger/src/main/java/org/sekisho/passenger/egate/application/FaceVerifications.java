package org.sekisho.passenger.egate.application;

import java.util.Arrays;
import java.util.function.Consumer;
import org.sekisho.passenger.egate.domain.face.FaceVerification;

/**
 * Compares the live face with the chip portrait against the operator's threshold, logs the
 * threshold and the decision (never the images), and deletes both images once decided (the caller's
 * arrays are zeroed), whatever the outcome.
 */
public final class FaceVerifications {
  private final FaceMatcher matcher;
  private final double threshold;
  private final Consumer<String> decisionLog;

  public FaceVerifications(FaceMatcher matcher, double threshold, Consumer<String> decisionLog) {
    this.matcher = matcher;
    this.threshold = threshold;
    this.decisionLog = decisionLog;
  }

  /** Whether a face model is configured (see {@link FaceMatcher#configured()}). */
  public boolean configured() {
    return matcher.configured();
  }

  public FaceVerification verify(byte[] chipPortrait, byte[] liveCapture) {
    try {
      double score = matcher.similarity(chipPortrait, liveCapture);
      FaceVerification v = new FaceVerification(score, threshold, matcher.model());
      decisionLog.accept(
          String.format(
              java.util.Locale.ROOT,
              "face %s: similarity %.4f threshold %.4f model %s",
              v.match() ? "match" : "mismatch",
              score,
              threshold,
              matcher.model()));
      return v;
    } finally {
      // Face images are deleted after the decision (DESIGN section 7).
      Arrays.fill(chipPortrait, (byte) 0);
      Arrays.fill(liveCapture, (byte) 0);
    }
  }
}
