package org.sekisho.intel.adapter.db;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.sekisho.intel.application.IngestPorts.Archived;
import org.sekisho.intel.application.IngestPorts.RawArchive;

/**
 * Archives raw inputs as gzip files named by their SHA-256 under {@code
 * <data>/archive/<kind>/<date>/}, streaming (memory does not grow with the file). The same content
 * is stored once.
 */
public final class FileRawArchive implements RawArchive {
  private final Path root;
  private final Clock clock;

  public FileRawArchive(Path root, Clock clock) {
    this.root = root;
    this.clock = clock;
  }

  /**
   * Gzip at the fastest level: the archive is written before any row is read, on one core, and at
   * the default level it took a tenth of a bulk ingest's time for a modestly smaller file.
   */
  private static OutputStream fastGzip(OutputStream out) throws IOException {
    return new GZIPOutputStream(out, 1 << 16) {
      {
        def.setLevel(Deflater.BEST_SPEED);
      }
    };
  }

  /**
   * Reads back an input this archive holds, decompressed. A path outside the archive is refused:
   * the path comes from the ingest log, and the log must not become a way to read other files.
   */
  public InputStream open(Path archived) throws IOException {
    Path p = archived.toAbsolutePath().normalize();
    if (!p.startsWith(root.toAbsolutePath().normalize())) {
      throw new IOException("not an archived input: " + archived.getFileName());
    }
    return new GZIPInputStream(Files.newInputStream(p), 1 << 16);
  }

  @Override
  public Archived archive(String kind, String sourceName, InputStream in) throws IOException {
    Path dir =
        root.resolve(kind).resolve(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString());
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "incoming-", ".gz");
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream src = new DigestInputStream(new BufferedInputStream(in, 1 << 16), md);
        OutputStream out = fastGzip(Files.newOutputStream(tmp))) {
      src.transferTo(out);
    }
    String sha = HexFormat.of().formatHex(md.digest());
    Path target = dir.resolve(sha + ".gz");
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return new Archived() {
      @Override
      public Path path() {
        return target;
      }

      @Override
      public String sha256() {
        return sha;
      }

      @Override
      public InputStream open() throws IOException {
        return new GZIPInputStream(Files.newInputStream(target), 1 << 16);
      }
    };
  }
}
