package org.sekisho.passenger.pnr.adapter.inbox;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sekisho.core.Outcome;
import org.sekisho.passenger.pnr.application.PnrIngest;

/**
 * A watched folder: every file dropped into {@code inbox/} is read as PNRGOV or PAXLST (by its UNH
 * message type), ingested, and moved to {@code done/} or {@code rejected/} (with a {@code .reason}
 * file beside it). Files whose name starts with {@code .} are skipped (partial uploads should be
 * written under such a name and renamed). Single-threaded: call {@link #pollOnce()} from one
 * scheduler thread.
 */
public final class PnrInbox {
  private final PnrIngest ingest;
  private final Path inbox;
  private final Path done;
  private final Path rejected;

  public PnrInbox(PnrIngest ingest, Path folder) throws IOException {
    this.ingest = ingest;
    this.inbox = Files.createDirectories(folder.resolve("inbox"));
    this.done = Files.createDirectories(folder.resolve("done"));
    this.rejected = Files.createDirectories(folder.resolve("rejected"));
  }

  /** What one poll did: file names accepted and rejected. */
  public record Poll(List<String> accepted, List<String> rejected) {}

  /** Ingests every file now in the inbox. */
  public Poll pollOnce() throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(inbox)) {
      for (Path p : s) {
        if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")) {
          files.add(p);
        }
      }
    }
    files.sort(null);
    List<String> ok = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    for (Path f : files) {
      String name = f.getFileName().toString();
      Outcome<String> decoded =
          org.sekisho.passenger.edifact.MessageBytes.decode(Files.readAllBytes(f), "");
      if (!decoded.isAccepted()) {
        Files.move(f, rejected.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(rejected.resolve(name + ".reason"), decoded.problems().get(0) + "\n");
        bad.add(name);
        continue;
      }
      String text = decoded.orElseThrow();
      Outcome<PnrIngest.Receipt> outcome =
          isPaxlst(text) ? ingest.api(text, "file:" + name) : ingest.pnr(text, "file:" + name);
      if (outcome.isAccepted()) {
        Files.move(f, done.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        ok.add(name);
      } else {
        Files.move(f, rejected.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(rejected.resolve(name + ".reason"), outcome.problems().get(0) + "\n");
        bad.add(name);
      }
    }
    return new Poll(ok, bad);
  }

  private static boolean isPaxlst(String text) {
    int unh = text.indexOf("UNH");
    String head = unh < 0 ? text : text.substring(unh, Math.min(text.length(), unh + 80));
    return head.toUpperCase(Locale.ROOT).contains("PAXLST");
  }
}
