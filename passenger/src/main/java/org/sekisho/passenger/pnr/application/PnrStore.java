package org.sekisho.passenger.pnr.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sekisho.passenger.pnr.domain.ApiMessage;
import org.sekisho.passenger.pnr.domain.BookingChange;
import org.sekisho.passenger.pnr.domain.BookingFacts;
import org.sekisho.passenger.pnr.domain.Pnr;
import org.sekisho.passenger.pnr.domain.PnrMessage;

/** Where received messages and booking versions are kept (schema {@code passenger}). */
public interface PnrStore {

  /**
   * Archives a received message as sent. Returns its id, or empty when the same text (same SHA-256)
   * was archived before, in which case nothing is written.
   */
  Optional<Long> archive(ArchivedMessage message);

  /** The latest version of a booking, if any. */
  Optional<Version> latest(String carrier, String locator);

  /** Stores a new version of a booking; returns its version number (1 for the first). */
  int addVersion(
      long messageId,
      PnrMessage message,
      Pnr pnr,
      BookingFacts facts,
      List<BookingChange> changes,
      Instant receivedAt);

  /** Stores the travellers of an API message. */
  void addApiMessage(long messageId, ApiMessage message, Instant receivedAt);

  /** Every version of a booking, oldest first. */
  List<Version> versions(String carrier, String locator);

  /**
   * A message as received.
   *
   * @param kind {@code PNRGOV} or {@code PAXLST}
   * @param source where it came from (HTTP caller, file name)
   * @param text the message text
   * @param sha256 hex SHA-256 of the text
   * @param receivedAt when it was received
   * @param status {@code accepted} or {@code rejected}
   * @param reason the rejection reason, empty when accepted
   */
  record ArchivedMessage(
      String kind,
      String source,
      String text,
      String sha256,
      Instant receivedAt,
      String status,
      String reason) {}

  /**
   * One stored version of a booking.
   *
   * @param version 1, 2, ...
   * @param receivedAt when the push that carried it arrived
   * @param facts the compared facts (names masked once the record is masked)
   * @param changes the changes from the previous version, as stored
   * @param recordJson the record as JSON ({@code docs/formats/pnr-api-json.md}), empty once masked
   * @param masked whether identifying data has been masked
   */
  record Version(
      int version,
      Instant receivedAt,
      BookingFacts facts,
      List<BookingChange> changes,
      String recordJson,
      boolean masked) {}
}
