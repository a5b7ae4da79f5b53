package org.sekisho.targeting.adapter.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.targeting.model.adapter.kcs.KcsDeclarationReader;
import org.sekisho.targeting.model.domain.FraudLabel;
import org.sekisho.targeting.model.domain.KcsDeclaration;
import org.sekisho.targeting.model.domain.ModelManifest;

/**
 * Streams declarations from a KCS CSV file for the commands: malformed rows are reported on the
 * error stream (row number, column, reason; the first {@value #SHOWN} in full) and skipped, and the
 * file's SHA-256 is computed on the way. Close it when done.
 */
final class KcsInput implements Iterator<KcsDeclaration>, AutoCloseable {
  static final int SHOWN = 20;

  private final String name;
  private final DigestInputStream digest;
  private final Reader reader;
  private final KcsDeclarationReader rows;
  private final boolean requireLabel;
  private final PrintWriter err;
  private KcsDeclaration next;
  private long accepted;
  private long skipped;

  private KcsInput(
      String name,
      DigestInputStream digest,
      Reader reader,
      KcsDeclarationReader rows,
      boolean requireLabel,
      PrintWriter err) {
    this.name = name;
    this.digest = digest;
    this.reader = reader;
    this.rows = rows;
    this.requireLabel = requireLabel;
    this.err = err;
  }

  /** Opens {@code file}; a missing file or unusable header is a rejection. */
  static Outcome<KcsInput> open(Path file, boolean requireLabel, PrintWriter err) {
    if (!Files.isRegularFile(file)) {
      return Outcome.rejected("missing-file", file.toString(), "no such file");
    }
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
      DigestInputStream din = new DigestInputStream(raw, md);
      Reader r = new InputStreamReader(din, StandardCharsets.UTF_8);
      Outcome<KcsDeclarationReader> opened = KcsDeclarationReader.open(r, requireLabel);
      if (!opened.isAccepted()) {
        r.close();
        return Outcome.rejected(opened.problems().getFirst());
      }
      return Outcome.accepted(
          new KcsInput(
              file.getFileName().toString(), din, r, opened.orElseThrow(), requireLabel, err));
    } catch (IOException e) {
      return Outcome.rejected("unreadable-file", file.toString(), e.getMessage());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads the whole file into memory (for training, which needs every row). */
  List<KcsDeclaration> readAll() {
    List<KcsDeclaration> out = new ArrayList<>();
    while (hasNext()) {
      out.add(next());
    }
    return out;
  }

  @Override
  public boolean hasNext() {
    while (next == null) {
      KcsDeclarationReader.Row row = rows.next();
      if (row == null) {
        return false;
      }
      Outcome<KcsDeclaration> d = row.declaration();
      if (d.isAccepted() && requireLabel && d.orElseThrow().label() == FraudLabel.UNLABELLED) {
        d = Outcome.rejected("missing-label", row.where() + ", column Fraud", "is empty");
      }
      if (d.isAccepted()) {
        next = d.orElseThrow();
        accepted++;
      } else {
        skipped++;
        if (skipped <= SHOWN) {
          for (Problem p : d.problems()) {
            err.println(name + ": skipped " + p);
          }
        }
      }
    }
    return true;
  }

  @Override
  public KcsDeclaration next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    KcsDeclaration d = next;
    next = null;
    return d;
  }

  long accepted() {
    return accepted;
  }

  long skipped() {
    return skipped;
  }

  /** Reports the skip count and describes the file (call after reading it to the end). */
  ModelManifest.DataFile finish() {
    if (skipped > 0) {
      err.println(name + ": " + skipped + " malformed row(s) skipped, " + accepted + " read");
    }
    try {
      digest.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String sha = HexFormat.of().formatHex(digest.getMessageDigest().digest());
    return new ModelManifest.DataFile(name, sha, accepted, skipped);
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
