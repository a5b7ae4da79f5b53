package org.sekisho.passenger.pnr.adapter.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sekisho.core.Outcome;
import org.sekisho.passenger.edifact.MessageBytes;

/**
 * Reads message files: UTF-8, or the character set the UNB header names when the bytes are not
 * valid UTF-8 ({@link MessageBytes}).
 */
final class MessageFiles {
  /** Largest message file accepted; PNR pushes of a wide-body flight stay far below. */
  static final long MAX_BYTES = 64L * 1024 * 1024;

  private MessageFiles() {}

  static String read(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      throw new IOException("file is " + size + " bytes; at most " + MAX_BYTES + " are read");
    }
    Outcome<String> text = MessageBytes.decode(Files.readAllBytes(file), "");
    if (!text.isAccepted()) {
      throw new IOException(file + ": " + text.problems().get(0).message());
    }
    return text.orElseThrow();
  }
}
