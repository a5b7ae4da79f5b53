package org.sekisho.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary directory that is deleted with everything in it when closed. Benchmarks put an
 * embedded database of a few GB in one; open it before the database and close it after, so the
 * server has stopped before its files go.
 */
public final class ScratchDirectory implements AutoCloseable {
  private final Path path;

  private ScratchDirectory(Path path) {
    this.path = path;
  }

  /** A new empty directory under the system's temporary directory, named from {@code prefix}. */
  public static ScratchDirectory create(String prefix) {
    try {
      return new ScratchDirectory(Files.createTempDirectory(prefix));
    } catch (IOException e) {
      throw new UncheckedIOException("could not create a temporary directory", e);
    }
  }

  public Path path() {
    return path;
  }

  /** Deletes the directory and its contents; what cannot be deleted is left for the OS. */
  @Override
  public void close() {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> all = Files.walk(path)) {
      all.sorted(Comparator.reverseOrder()).forEach(ScratchDirectory::deleteQuietly);
    } catch (IOException | UncheckedIOException e) {
      // A file vanished or could not be read while walking: the rest stays for the OS.
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // Left for the OS's temporary-file cleaning.
    }
  }
}
