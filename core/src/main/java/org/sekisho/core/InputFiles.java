package org.sekisho.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Why a file named on a command line cannot be read, said before reading it: a missing file or a
 * folder is a wrong argument (exit 2, one line), not a message that was read and refused.
 */
public final class InputFiles {
  private InputFiles() {}

  /**
   * Why {@code file} cannot be read as an input file ("no such file /x", "/x is a folder, not a
   * file", "/x cannot be read (permission denied)"), or empty when it can.
   */
  public static Optional<String> unreadable(Path file) {
    if (Files.isDirectory(file)) {
      return Optional.of(file + " is a folder, not a file");
    }
    if (!Files.exists(file)) {
      return Optional.of("no such file " + file);
    }
    if (!Files.isReadable(file)) {
      return Optional.of(file + " cannot be read (permission denied)");
    }
    return Optional.empty();
  }
}
