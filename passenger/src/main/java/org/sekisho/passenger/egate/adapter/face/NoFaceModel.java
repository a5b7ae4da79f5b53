package org.sekisho.passenger.egate.adapter.face;

import org.sekisho.passenger.egate.application.FaceMatcher;

/**
 * What the kiosk uses until the operator configures an evaluated face model: every comparison
 * scores -1, so no traveller passes on face alone and each is referred to an officer with the
 * reason "no face model configured".
 */
public final class NoFaceModel implements FaceMatcher {
  @Override
  public double similarity(byte[] chipPortrait, byte[] liveCapture) {
    return -1.0;
  }

  @Override
  public String model() {
    return "no face model configured";
  }
}
