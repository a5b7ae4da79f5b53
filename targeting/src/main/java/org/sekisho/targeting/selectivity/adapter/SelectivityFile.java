package org.sekisho.targeting.selectivity.adapter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.sekisho.targeting.selectivity.application.SelectivitySettings;

/**
 * {@code <data-dir>/targeting/selectivity.properties} as the store of the settings in force: a new
 * text is written to a temporary file beside it, forced to disk and moved over it in one step, so
 * that the next start reads the old text or the new, never part of one.
 */
public final class SelectivityFile implements SelectivitySettings.Store {
  private final Path file;

  public SelectivityFile(Path file) {
    this.file = file;
  }

  public Path path() {
    return file;
  }

  @Override
  public void replace(String text) {
    Path dir = file.toAbsolutePath().getParent();
    Path temp = null;
    try {
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, ".selectivity-", ".tmp");
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        ch.force(true);
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        // a file system without atomic rename (rare for a directory of one volume)
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          // the temporary file is left behind; the settings file is as it was
        }
      }
    }
  }
}
