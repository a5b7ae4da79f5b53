package org.sekisho.maritime.application;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import org.sekisho.maritime.domain.nmea.AivdmReader;
import org.sekisho.maritime.domain.track.VesselTracker;

/**
 * Use case: decode an NMEA AIS stream and feed every message to a {@link VesselTracker}, using the
 * tag-block or receiver time of each sentence, or the clock's time when the sentence has none.
 * Streams; broken sentences are counted, never fatal. The tracker is not thread-safe: the caller
 * runs one stream at a time per tracker (or synchronises on {@code lock}).
 */
public final class TrackAisFeed {
  private final VesselTracker tracker;
  private final Clock clock;
  private final Object lock;

  public TrackAisFeed(VesselTracker tracker, Clock clock, Object lock) {
    this.tracker = tracker;
    this.clock = clock;
    this.lock = lock;
  }

  /** Reads {@code in} to its end; the caller owns and closes it. */
  public DecodeAisStream.Summary run(InputStream in) throws IOException {
    return new DecodeAisStream(5)
        .run(
            in,
            (m, channel, epochSecond) -> {
              long ms = epochSecond == AivdmReader.NO_TIME ? clock.millis() : epochSecond * 1000L;
              synchronized (lock) {
                tracker.message(m, ms);
              }
            });
  }
}
