package org.sekisho.passenger.egate.application;

/**
 * Scores how alike two face images are (higher is more alike). The operator configures which
 * evaluated model implements it; an ONNX Runtime adapter is planned (see the module README).
 * Implementations must be thread-safe and must not keep the images.
 */
public interface FaceMatcher {
  double similarity(byte[] chipPortrait, byte[] liveCapture);

  /** Model name and version, for the decision log. */
  String model();

  /**
   * Whether a model is configured at all; when not, no comparison is made and the traveller is
   * referred with "face not compared" (never told the face does not match).
   */
  default boolean configured() {
    return true;
  }
}
