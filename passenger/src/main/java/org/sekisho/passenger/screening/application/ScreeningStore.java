package org.sekisho.passenger.screening.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sekisho.names.domain.watchlist.WatchlistEntry;
import org.sekisho.passenger.screening.domain.FlightRef;
import org.sekisho.passenger.screening.domain.Hit;
import org.sekisho.passenger.screening.domain.PassengerFacts;

/**
 * Where screening keeps flights, their travellers' facts, hits with their dispositions, rules and
 * watchlist entries (schema {@code passenger}). Implementations are thread-safe.
 */
public interface ScreeningStore {

  /** The flight's id, creating the flight when it is new. */
  long flight(FlightRef ref, String direction);

  /**
   * Replaces what a booking (or, for {@code booking} {@code API}, the API lists) said about the
   * flight's travellers.
   */
  void replaceTravellers(long flightId, String booking, List<PassengerFacts> travellers);

  /** The travellers of a flight as last recorded, PNR and API. */
  List<PassengerFacts> travellers(long flightId);

  /** Earlier flights (within 30 days before this one) of each traveller, by traveller key. */
  Map<String, Integer> tripsLast30Days(long flightId);

  /**
   * Records the hits of a screening: a hit already known for the flight (same traveller, same
   * source) is updated while open and never duplicated. Returns how many hits are new.
   */
  int recordHits(long flightId, List<Hit> hits, Instant at);

  /** Marks the flight screened. */
  void screened(long flightId, Instant at, int travellers, int rules, int listEntries);

  Optional<FlightRow> flightById(long id);

  /** Flights departing between the two dates (inclusive), with their counts. */
  List<FlightRow> flights(LocalDate from, LocalDate to, String direction);

  List<HitRow> hits(long flightId);

  Optional<HitRow> hit(long id);

  /** Hits of one traveller across flights, newest first. */
  List<HitRow> hitsOf(String subjectKey);

  /** Records a disposition of an open hit; false when the hit is not open any more. */
  boolean dispose(long hitId, String disposition, String comment, String user, Instant at);

  List<RuleRow> rules();

  Optional<RuleRow> rule(long id);

  /** Saves a new rule (id 0) or a new text of an existing one; returns its id. */
  long saveRule(long id, String name, String text, String user, Instant at);

  void enableRule(long id, boolean enabled, String user, Instant at);

  /** Adds or replaces entries (by list and id); returns how many were written. */
  int putEntries(List<WatchlistEntry> entries, Instant at);

  /** Every entry of every list, streamed to the consumer. */
  void entries(java.util.function.Consumer<WatchlistEntry> sink);

  /** Lists with their entry counts and severities. */
  List<ListRow> lists();

  /**
   * A flight with its counts.
   *
   * @param status {@code not-screened} or {@code screened}
   */
  record FlightRow(
      long id,
      FlightRef ref,
      String direction,
      String status,
      Instant screenedAt,
      int travellers,
      int openHits,
      int hits) {}

  /**
   * A stored hit.
   *
   * @param status {@code open} or the disposition
   */
  record HitRow(
      long id,
      long flightId,
      Hit hit,
      String status,
      String comment,
      String disposedBy,
      Instant disposedAt,
      Instant firstSeen,
      Instant lastSeen) {}

  /** A stored rule. */
  record RuleRow(
      long id, String name, String text, boolean enabled, String updatedBy, Instant updatedAt) {}

  /** A watchlist with its size. */
  record ListRow(String name, int entries, String severities, Instant updatedAt) {}
}
