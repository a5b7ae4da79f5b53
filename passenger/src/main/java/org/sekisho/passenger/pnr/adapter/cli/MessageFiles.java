package org.sekisho.passenger.pnr.adapter.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads message files: UTF-8, or ISO 8859-1 when the bytes are not valid UTF-8. */
final class MessageFiles {
  /** Largest message file accepted; PNR pushes of a wide-body flight stay far below. */
  static final long MAX_BYTES = 64L * 1024 * 1024;

  private MessageFiles() {}

  static String read(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      throw new IOException("file is " + size + " bytes; at most " + MAX_BYTES + " are read");
    }
    byte[] bytes = Files.readAllBytes(file);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }
}
