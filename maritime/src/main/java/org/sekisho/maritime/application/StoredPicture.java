package org.sekisho.maritime.application;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.sekisho.maritime.domain.track.LastPicture;

/**
 * Port: the live picture as the maritime store kept it, for a tracker that starts again (a restart
 * of the server). Owned by {@link MaritimeService#restore}; PostgreSQL in the server, lists in
 * tests.
 */
public interface StoredPicture {
  /**
   * The vessels and reported meetings near the newest report stored. "Newest" and "within" are
   * reckoned in event time (when the reports were made), never at the clock, so that a picture
   * stopped days ago comes back as it was.
   *
   * @param notAfter reports later than this are left out (ahead of the clock: stored before such
   *     reports were refused), and do not count as the newest
   * @param vesselsWithin vessels whose last report is at most this older than the newest stored
   * @param meetingsWithin meetings reported that ended at most this before the newest report
   * @return {@link LastPicture#NONE} when nothing is stored
   */
  LastPicture last(Instant notAfter, Duration vesselsWithin, Duration meetingsWithin);

  /**
   * Hands {@code each} the position reports stored after {@code after} up to {@code through} (event
   * time, both as the reports carry it), oldest first (ties by MMSI), as the track store kept them
   * (thinned to one per vessel per {@code storeEvery} of the service). Streams: what it hands over
   * is not held in memory at once.
   */
  void reports(Instant after, Instant through, Consumer<LastPicture.Report> each);
}
