package org.sekisho.passenger.egate.domain.face;

/**
 * The result of comparing the live face with the chip portrait.
 *
 * @param similarity the matcher's score (higher is more alike)
 * @param threshold the operator-configured threshold the score was held to
 * @param model the configured matcher's name and version, for the log
 */
public record FaceVerification(double similarity, double threshold, String model) {
  public boolean match() {
    return similarity >= threshold;
  }
}
