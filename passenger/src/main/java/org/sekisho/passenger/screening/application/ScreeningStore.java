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
import org.sekisho.passenger.screening.domain.PassengerListKind;
import org.sekisho.passenger.screening.domain.Schedule;
import org.sekisho.passenger.screening.domain.ScreeningList;
import org.sekisho.passenger.screening.domain.TravellerIdentity;

/**
 * Where screening keeps flights, their travellers' facts, hits with their dispositions, rules and
 * watchlist entries (schema {@code passenger}). Implementations are thread-safe.
 */
public interface ScreeningStore {

  /** The flight's id, creating the flight when it is new; its schedule unknown. */
  default long flight(FlightRef ref, String direction) {
    return flight(ref, direction, Schedule.UNKNOWN);
  }

  /**
   * The flight's id, creating the flight when it is new; the schedule's known times replace those
   * recorded (a later message corrects a delay), its unknown ones keep them.
   */
  long flight(FlightRef ref, String direction, Schedule schedule);

  /**
   * Replaces what a booking (or, for {@code booking} {@code API}, the API lists) said about the
   * flight's travellers.
   */
  void replaceTravellers(long flightId, String booking, List<PassengerFacts> travellers);

  /** The travellers of a flight as last recorded, PNR and API. */
  List<PassengerFacts> travellers(long flightId);

  /** The flights on which {@code booking} has travellers now, by id. */
  List<Long> flightsOfBooking(String booking);

  /** Earlier flights (within 30 days before this one) of each traveller, by traveller key. */
  Map<String, Integer> tripsLast30Days(long flightId);

  /**
   * Records the hits of a screening: a hit already known for the flight (same traveller, same
   * source) is updated while open and never duplicated; a withdrawn one is open again; a watchlist
   * match dismissed ({@code no-match}, {@code false-positive}) is open again when its explanation
   * changed (another name, date of birth, nationality or document), its comment then keeping the
   * earlier disposition. Returns how many hits are new.
   */
  default int recordHits(long flightId, List<Hit> hits, Instant at) {
    return recordHits(flightId, hits, Map.of(), at).fresh();
  }

  /**
   * Records the hits of a screening as {@link #recordHits(long, List, Instant)} does, and reopens a
   * decided hit whose traveller (by key in {@code identities}) is no longer the person it was
   * decided for ({@link TravellerIdentity#sameAs}): a decision stays with the person it was about.
   * Every reopening is a {@link Decision.Kind#REOPENING} in the hit's history (by {@code system})
   * with its reason as comment. One transaction.
   */
  Recorded recordHits(
      long flightId, List<Hit> hits, Map<String, TravellerIdentity> identities, Instant at);

  /**
   * What {@link #recordHits(long, List, Map, Instant)} did: how many hits are new, and which stored
   * hits are open again (with the status they had).
   */
  record Recorded(int fresh, List<Reopened> reopened) {
    public Recorded {
      reopened = List.copyOf(reopened);
    }
  }

  /** A stored hit that is open again, and what it was before. */
  record Reopened(long hitId, String before, String reasonKey) {}

  /**
   * Withdraws an open hit that screening no longer raises, saying why in its comment (by {@code
   * system}) and as a {@link Decision.Kind#WITHDRAWAL} in its history; false when the hit is not
   * open.
   */
  boolean withdraw(long hitId, String reason, Instant at);

  /** Marks the flight screened. */
  void screened(long flightId, Instant at, int travellers, int rules, int listEntries);

  Optional<FlightRow> flightById(long id);

  /**
   * Flights departing between the two dates (inclusive), with their counts, in the order they land
   * (scheduled arrival; flights without a known arrival last, by departure date and designator).
   */
  List<FlightRow> flights(LocalDate from, LocalDate to, String direction);

  /**
   * The open hits of the flights departing between the two dates (inclusive), in the order the PNR
   * unit works them: the flight that lands first, then the most severe hit (critical, high, medium,
   * low), then the highest score; at most 500.
   */
  List<QueuedHit> openHits(LocalDate from, LocalDate to, String direction);

  /** An open hit with its flight, as the queue of open hits lists it. */
  record QueuedHit(HitRow hit, FlightRow flight) {}

  List<HitRow> hits(long flightId);

  /** The open hits of one source ({@code rule:7}) across every flight. */
  List<HitRow> openHitsOf(String source);

  Optional<HitRow> hit(long id);

  /** Hits of one traveller across flights, newest first. */
  List<HitRow> hitsOf(String subjectKey);

  /**
   * Records a disposition of an open hit as its first decision (version 1 of its decisions); false
   * when the hit is not open any more.
   */
  boolean dispose(long hitId, String disposition, String comment, String user, Instant at);

  /**
   * Records a later decision on a disposed hit: a correction (the hit must be disposed of, not open
   * or withdrawn) or a referral's outcome (the hit must be referred to an officer). Refused (false)
   * when the hit's decisions are no longer at {@code expectedVersion}: someone decided meanwhile,
   * and a decision made on what they did not see must not overwrite theirs.
   */
  boolean decide(
      long hitId,
      int expectedVersion,
      Decision.Kind kind,
      String disposition,
      String comment,
      String user,
      Instant at);

  /**
   * Notes {@code comment} (a reason's encoded key) in an open hit's history, raising its version so
   * that a decision made on a page that did not show it is refused; false when it is not open.
   */
  boolean note(long hitId, String comment, String user, Instant at);

  /** Every decision on a hit, oldest first. */
  List<Decision> decisions(long hitId);

  /**
   * Hits referred to officers that await their outcome, with the airport they were referred to
   * (where the flight lands, or leaves for a departure); {@code airport} empty for every airport.
   */
  List<Referral> referrals(String airport);

  /**
   * One decision on a hit.
   *
   * @param version 1 for the first disposition, then one more per correction or outcome
   */
  record Decision(
      long hitId,
      int version,
      Kind kind,
      String disposition,
      String comment,
      String decidedBy,
      Instant decidedAt) {
    /** What a decision was. */
    public enum Kind {
      DISPOSITION,
      CORRECTION,
      REFERRAL_OUTCOME,
      /** The screening withdrew the hit: nothing supports it any more (by {@code system}). */
      WITHDRAWAL,
      /** The hit is open again: raised again, or its traveller is now another person. */
      REOPENING,
      /**
       * The screening noted something about an open hit without changing it, e.g. a later API list
       * that names the listed document's holder otherwise (by {@code system}).
       */
      NOTE;

      public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      }
    }
  }

  /**
   * Referrals the officers closed with an outcome since {@code since} (the hit's latest decision is
   * their outcome), newest first, at {@code airport} (empty for every airport).
   */
  List<Referral> closedReferrals(String airport, Instant since);

  /** A hit referred to the officers at {@code airport}, on its flight. */
  record Referral(HitRow hit, FlightRow flight, String airport) {}

  List<RuleRow> rules();

  Optional<RuleRow> rule(long id);

  /**
   * Saves a new rule (id 0) or a new text of an existing one as its next version, recording the
   * versions of the lists the text was checked against; returns its id.
   */
  long saveRule(
      long id, String name, String text, Map<String, Integer> lists, String user, Instant at);

  /** Every saved version of a rule, oldest first; empty when there is no such rule. */
  List<RuleVersion> ruleVersions(long id);

  /**
   * Enables a rule, or disables it with the reason; a disabled rule keeps who disabled it, when and
   * why until it is enabled again.
   */
  void enableRule(long id, boolean enabled, String reason, String user, Instant at);

  /** Adds or replaces entries (by list and id); returns how many were written. */
  default int putEntries(List<WatchlistEntry> entries, Instant at) {
    return putEntries(entries, at, "");
  }

  /**
   * Adds or replaces entries (by list and id), marking them as written by the import {@code token};
   * returns how many were written.
   */
  int putEntries(List<WatchlistEntry> entries, Instant at, String token);

  /**
   * Removes the entries of a list that the import {@code token} did not write; returns their ids,
   * in order.
   */
  List<String> removeEntriesNotFrom(String listName, String token);

  /** The ids of the entries of a list that the import {@code token} did not write, in order. */
  List<String> entriesNotFrom(String listName, String token);

  /** A watchlist's current version, if it was ever imported. */
  Optional<WatchlistRow> watchlist(String name);

  /**
   * Records a new version of a watchlist (the first when it is new) with its entry count as now
   * stored; returns it.
   */
  WatchlistRow newWatchlistVersion(
      String name,
      String severity,
      String contentHash,
      String format,
      int added,
      int removed,
      int refused,
      String by,
      Instant at);

  /** The versions of a watchlist, newest first. */
  List<WatchlistVersionRow> watchlistVersions(String name);

  /**
   * What the watchlists, and the rules with their reference lists, look like now: each part changes
   * whenever what it covers changes (in this process or another), so a screening engine can tell
   * that it must reload. Cheap: read before every screening.
   */
  Stamp stamp();

  /** See {@link #stamp()}. */
  record Stamp(String watchlists, String rules) {}

  // ---- reference lists of the PNR unit

  /** Every reference list with its entries, by name. */
  Map<String, ScreeningList> referenceLists();

  /** Every reference list with its size, by name. */
  List<ReferenceListRow> referenceListRows();

  Optional<ReferenceListRow> referenceList(String name);

  /** Creates an empty list at version 1; false when the name is taken. */
  boolean createList(
      String name, PassengerListKind kind, String description, String by, Instant at);

  /**
   * Adds entries, or updates the note of those present; raises the list's version by one when
   * anything changed. Returns how many entries were new.
   */
  int addListEntries(String name, List<ListEntry> entries, String by, Instant at);

  /** Removes one entry, raising the version; false when it was not on the list. */
  boolean removeListEntry(String name, String value, String by, Instant at);

  /** Entries with notes, by value, at most {@code limit}. */
  List<ListEntry> listEntries(String name, int limit);

  /** Every entry of every list, streamed to the consumer. */
  void entries(java.util.function.Consumer<WatchlistEntry> sink);

  /** Lists with their entry counts and severities. */
  List<ListRow> lists();

  /**
   * A flight with its counts.
   *
   * @param schedule scheduled departure and arrival as last recorded
   * @param status {@code not-screened} or {@code screened}
   */
  record FlightRow(
      long id,
      FlightRef ref,
      Schedule schedule,
      String direction,
      String status,
      Instant screenedAt,
      int travellers,
      int openHits,
      int hits) {}

  /**
   * A stored hit.
   *
   * @param status {@code open}, the disposition, or {@code withdrawn} when nothing raises it any
   *     more
   * @param version how many decisions were made on it (0 while open); a correction names it
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
      Instant lastSeen,
      int version) {}

  /**
   * A stored rule.
   *
   * @param version the version of its text (1 for a new rule)
   * @param lists the versions of the lists that text was checked against, by name
   * @param disabledReason why it was disabled, empty while enabled
   * @param disabledBy who disabled it, null while enabled
   * @param disabledAt when it was disabled, null while enabled
   */
  record RuleRow(
      long id,
      String name,
      String text,
      boolean enabled,
      String updatedBy,
      Instant updatedAt,
      int version,
      Map<String, Integer> lists,
      String disabledReason,
      String disabledBy,
      Instant disabledAt) {
    public RuleRow {
      lists = Map.copyOf(lists);
    }
  }

  /** One saved text of a rule, with the list versions it was checked against. */
  record RuleVersion(
      long ruleId,
      int version,
      String name,
      String text,
      Map<String, Integer> lists,
      String savedBy,
      Instant savedAt) {
    public RuleVersion {
      lists = Map.copyOf(lists);
    }
  }

  /**
   * A watchlist with its size.
   *
   * @param version 0 for lists written only before versions were kept
   */
  record ListRow(String name, int entries, String severities, Instant updatedAt, int version) {}

  /**
   * A watchlist's current version.
   *
   * @param contentHash what the importing file held (order of rows aside); empty after merges
   */
  record WatchlistRow(
      String name,
      String severity,
      int version,
      int entries,
      String contentHash,
      String format,
      String updatedBy,
      Instant updatedAt) {}

  /** One version of a watchlist: what its import added, removed and refused. */
  record WatchlistVersionRow(
      String name,
      int version,
      int entries,
      int added,
      int removed,
      int refused,
      String format,
      String importedBy,
      Instant importedAt) {}

  /** A reference list with its size. */
  record ReferenceListRow(
      String name,
      PassengerListKind kind,
      String description,
      int version,
      int entries,
      String updatedBy,
      Instant updatedAt) {}

  /** One entry of a reference list, in stored form, with the note that says why it is there. */
  record ListEntry(String value, String note) {}
}
