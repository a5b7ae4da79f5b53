package org.sekisho.app.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.sekisho.core.Outcome;
import org.sekisho.maritime.application.MaritimeService;
import org.sekisho.maritime.application.SyntheticAisFeed;
import org.sekisho.maritime.domain.patrol.CameraSite;
import org.sekisho.maritime.domain.patrol.PatrolBoat;

/**
 * The demo's synthetic AIS feed, loaded once per demo day and data directory. The feed's times
 * follow the moment the demo first started (a day that ends now cannot show ships later than the
 * clock), so a restart that replayed it afresh would shift every track by the downtime: a second
 * arrival of the same ship, every alert twice, a closed alert open again. The first start's moment
 * is kept beside the day's demo files ({@code ais-feed-anchor}); the feed is replayed from it until
 * it has been loaded whole ({@code ais-feed-loaded}), and not at all after that. With it come two
 * patrol boats on station and a camera on Nojima Point overlooking the feed's waters, so that the
 * nearest boat's ETA and a sighting's dark-vessel check can be tried at once.
 */
final class DemoAisFeed {
  static final String ANCHOR = "ais-feed-anchor";
  static final String LOADED = "ais-feed-loaded";

  /** Two boats on station in the feed's waters (off Tateyama, at the mouth of Tokyo Bay). */
  static final List<PatrolBoat> BOATS =
      List.of(
          new PatrolBoat("demo-pl-1", "Demo patrol 1 (off Tateyama)", null, 34.95, 139.78, 0, 25),
          new PatrolBoat("demo-pm-2", "Demo patrol 2 (Uraga Channel)", null, 35.17, 139.76, 8, 20));

  /** A coastal camera at Nojima Point, looking south over the feed's waters. */
  static final CameraSite CAMERA =
      new CameraSite("demo-nojimazaki", "Nojima Point (demo)", 34.905, 139.885, 200, 120, 15);

  private DemoAisFeed() {}

  /** What loading did, as the demo prints it. */
  record Loaded(boolean replayed, String summary) {}

  /**
   * Loads the feed of {@code day} into {@code maritime} unless it was loaded whole before, keeping
   * its markers in {@code demoDir}.
   */
  static Loaded load(MaritimeService maritime, Path demoDir, LocalDate day, ZoneId zone)
      throws IOException {
    Path loaded = demoDir.resolve(LOADED);
    if (Files.exists(loaded)) {
      return new Loaded(false, Files.readString(loaded, StandardCharsets.UTF_8).strip());
    }
    Instant anchor = anchor(demoDir.resolve(ANCHOR), maritime.now());
    StringWriter ais = new StringWriter();
    SyntheticAisFeed.demoOn(day, zone, anchor).write(ais);
    var summary =
        maritime.ingest(
            new ByteArrayInputStream(ais.toString().getBytes(StandardCharsets.US_ASCII)));
    maritime.endOfInput();
    maritime.records().saveSite(CAMERA);
    int boats = 0;
    for (PatrolBoat b : BOATS) {
      // on station since the feed ended; a report refused (one newer is stored) is left as it is
      PatrolBoat at =
          new PatrolBoat(
              b.id(), b.name(), anchor, b.lat(), b.lon(), b.speedKnots(), b.maxSpeedKnots());
      if (maritime.reportPatrol(at) instanceof Outcome.Accepted<PatrolBoat>) {
        boats++;
      }
    }
    String said =
        summary
            + " (feed of the first start, "
            + anchor
            + "); "
            + boats
            + " patrol boats on station, camera site "
            + CAMERA.id();
    // written last: a load cut short is replayed from the same anchor, whose port calls and
    // alerts are then found stored already
    Files.writeString(loaded, said + "\n", StandardCharsets.UTF_8);
    return new Loaded(true, said);
  }

  /** The moment kept in {@code file}, or {@code now}, kept there for the next start. */
  private static Instant anchor(Path file, Instant now) throws IOException {
    if (Files.exists(file)) {
      try {
        return Instant.parse(Files.readString(file, StandardCharsets.UTF_8).strip());
      } catch (DateTimeParseException e) {
        // an unreadable marker is replaced: the feed was not loaded whole under it
      }
    }
    Files.writeString(file, now + "\n", StandardCharsets.UTF_8);
    return now;
  }
}
