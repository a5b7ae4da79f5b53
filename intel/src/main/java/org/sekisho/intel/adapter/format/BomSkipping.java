package org.sekisho.intel.adapter.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/** Drops a UTF-8 byte-order mark at the start of a stream (spreadsheets write one). */
final class BomSkipping extends PushbackInputStream {
  BomSkipping(InputStream in) throws IOException {
    super(in, 3);
    byte[] b = new byte[3];
    int n = in.readNBytes(b, 0, 3);
    boolean bom = n == 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    if (!bom && n > 0) {
      unread(b, 0, n);
    }
  }
}
