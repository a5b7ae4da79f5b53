package org.sekisho.passenger.egate.adapter.face;

import org.sekisho.passenger.egate.application.FaceMatcher;

/**
 * What the kiosk uses until the operator configures an evaluated face model: every comparison
 * scores -1, and the kiosk does not even ask: each traveller is referred to an officer with the
 * reason "face not compared: no face model configured".
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

  @Override
  public boolean configured() {
    return false;
  }
}
