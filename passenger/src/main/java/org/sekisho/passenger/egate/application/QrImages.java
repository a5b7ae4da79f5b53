package org.sekisho.passenger.egate.application;

import org.sekisho.core.Outcome;

/** Draws and reads QR codes. Implementations are thread-safe and never throw for bad images. */
public interface QrImages {
  /** A PNG image of a QR code holding {@code text} (alphanumeric mode where possible). */
  byte[] png(String text);

  /**
   * The text of the QR code in an image (PNG, JPEG, a camera frame); refused when none is found.
   */
  Outcome<String> read(byte[] image);
}
