package org.sekisho.passenger.egate.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.passenger.egate.domain.decision.Referral;
import org.sekisho.passenger.egate.domain.referral.GateReferrals;
import org.sekisho.passenger.egate.domain.referral.OutcomeRequest;
import org.sekisho.passenger.egate.domain.referral.RecordedOutcome;

/**
 * The officers' side of the gate's referrals: the day's referred travellers, one arrival by the
 * capture id the kiosk showed, and the outcome the officer who dealt with the traveller records.
 * Auditing is the caller's (the web adapter knows who reads). Thread-safe.
 */
public final class ReferralDesk {
  /**
   * Who reads or records: the signed-in account, its agency and its office.
   *
   * @param office the account's office code (blank when it has none)
   */
  public record Officer(String username, String agency, String office) {
    public Officer {
      office = office == null ? "" : office.strip();
    }

    /** An officer with no office on record (read only, as headquarters). */
    public Officer(String username, String agency) {
      this(username, agency, "");
    }

    /** Headquarters or no office: oversees every office's referrals, records none. */
    public boolean oversees() {
      return office.isEmpty() || HEADQUARTERS.contains(office.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /**
   * Offices whose staff oversee the gate's referrals at every office, read only: they do not
   * receive the travellers, so they record no outcome.
   */
  public static final java.util.Set<String> HEADQUARTERS = java.util.Set.of("HQ");

  /** What an officer may do with one arrival. */
  public enum Reach {
    /** Another office's traveller: not even read. */
    NONE,
    /** Read only (headquarters, or an account without an office). */
    READ,
    /** Read and record its outcome: the office whose kiosk received the traveller. */
    RECORD
  }

  /**
   * A referral is its office's: the officers and inspectors of the office whose kiosk received the
   * traveller read it and record its outcome; headquarters and accounts without an office read
   * every office's, record none; other offices neither. A record kept before kiosks' offices were
   * recorded (no {@code kiosk_office}) is open to every office, as it was.
   */
  public static Reach reach(Officer o, Map<String, String> record) {
    String at = record.getOrDefault("kiosk_office", "");
    if (o.oversees()) {
      return Reach.READ;
    }
    return at.isEmpty() || at.equalsIgnoreCase(o.office()) ? Reach.RECORD : Reach.NONE;
  }

  /**
   * One customs arrival with what the officer needs: the record's fields as stored, its referral
   * reasons read back, and its outcomes oldest first ({@link #version()} of them).
   */
  public record Arrival(
      Map<String, String> record, List<Referral> referrals, List<RecordedOutcome> outcomes) {
    public String captureId() {
      return record.get("capture_id");
    }

    /** The number of outcomes recorded, which a correction must name. */
    public int version() {
      return outcomes.size();
    }

    public Optional<RecordedOutcome> latest() {
      return outcomes.isEmpty() ? Optional.empty() : Optional.of(outcomes.getLast());
    }

    public boolean referred() {
      return record.getOrDefault("gate_decision", "").startsWith("secondary inspection");
    }
  }

  private final CustomsArrivalLookup arrivals;
  private final ReferralOutcomes outcomes;
  private final Clock clock;

  public ReferralDesk(CustomsArrivalLookup arrivals, ReferralOutcomes outcomes, Clock clock) {
    this.arrivals = arrivals;
    this.outcomes = outcomes;
    this.clock = clock;
  }

  /** Today in {@code zone}, the administration's zone. */
  public LocalDate today(ZoneId zone) {
    return LocalDate.now(clock.withZone(zone));
  }

  /**
   * The travellers referred on {@code day} (a day in {@code zone}), newest first, at most 500, each
   * with its latest outcome only ({@link Arrival#outcomes()} holds that one or none).
   */
  public List<Arrival> referredOn(LocalDate day, ZoneId zone) {
    return referredOn(day, zone, null);
  }

  /**
   * As {@link #referredOn(LocalDate, ZoneId)}, only those {@code reader} may read ({@link #reach});
   * every office's when {@code reader} is null.
   */
  public List<Arrival> referredOn(LocalDate day, ZoneId zone, Officer reader) {
    List<Map<String, String>> rows =
        arrivals.referredOn(
            day, zone, reader == null || reader.oversees() ? null : reader.office());
    Map<String, RecordedOutcome> latest =
        outcomes.latest(rows.stream().map(r -> r.get("capture_id")).toList());
    return rows.stream()
        .map(
            r ->
                new Arrival(
                    r,
                    GateReferrals.parse(r.get("gate_referrals"), r.get("gate_referral_details")),
                    Optional.ofNullable(latest.get(r.get("capture_id"))).stream().toList()))
        .toList();
  }

  /** One arrival (referred or not) with all its outcomes; empty when no record has that id. */
  public Optional<Arrival> find(String captureId) {
    return arrivals
        .find(captureId)
        .map(
            r ->
                new Arrival(
                    r,
                    GateReferrals.parse(r.get("gate_referrals"), r.get("gate_referral_details")),
                    outcomes.history(captureId)));
  }

  /**
   * Records the outcome of a referral. Refused, as a value: {@code not-found} when no record has
   * the capture id; {@code forbidden} (field {@code captureId}) when the traveller is not the
   * officer's office's to deal with ({@link #reach}); {@code not-referred} (field {@code
   * captureId}) when the gate let the traveller through; {@code conflict} when an outcome was
   * recorded since {@code request.expectedVersion()} (the message says by whom and when, so the
   * officer can read it before correcting).
   */
  public Outcome<RecordedOutcome> record(
      String captureId, OutcomeRequest request, Officer officer) {
    Arrival a;
    switch (recordable(captureId, officer)) {
      case Outcome.Accepted<Arrival> ok -> a = ok.value();
      case Outcome.Rejected<Arrival> no -> {
        return new Outcome.Rejected<>(no.problems());
      }
    }
    if (!a.referred()) {
      return new Outcome.Rejected<>(
          List.of(
              Problem.of(
                      "not-referred",
                      "captureId",
                      "the gate let this traveller through: no referral")
                  .worded("passed")));
    }
    if (a.version() != request.expectedVersion()) {
      return conflict(a, request.expectedVersion());
    }
    Outcome<RecordedOutcome> stored =
        outcomes.append(
            new RecordedOutcome(
                captureId,
                a.version() + 1,
                request.outcome(),
                request.comment(),
                officer.username(),
                officer.agency(),
                clock.instant()));
    if (!stored.isAccepted() && stored.problems().get(0).code().equals("conflict")) {
      // Someone recorded between our read and our write: say who, as above.
      return find(captureId).map(now -> conflict(now, request.expectedVersion())).orElse(stored);
    }
    return stored;
  }

  /**
   * The arrival {@code officer} may record an outcome of, refused as {@link #record} refuses it
   * ({@code not-found}, {@code forbidden}) before anything of the request is read: someone who may
   * not record is told so first, not asked to reload the page or fix a field.
   */
  public Outcome<Arrival> recordable(String captureId, Officer officer) {
    Optional<Arrival> found = find(captureId);
    if (found.isEmpty()) {
      return refused(
          Problem.of("not-found", "captureId", captureId + " was not found")
              .worded("capture", captureId));
    }
    Arrival a = found.get();
    Reach reach = reach(officer, a.record());
    if (reach != Reach.RECORD) {
      String office = a.record().getOrDefault("kiosk_office", "");
      Problem p =
          Problem.of(
              "forbidden",
              "captureId",
              "received at office "
                  + office
                  + "'s kiosk: only that office's officers and inspectors record its outcome"
                  + (reach == Reach.READ ? "; office " + shown(officer) + " reads it only" : ""));
      return refused(
          reach == Reach.READ
              ? p.worded("read-only", office, shown(officer))
              : p.worded("other-office", office));
    }
    return Outcome.accepted(a);
  }

  private static String shown(Officer o) {
    return o.office().isEmpty() ? "(none)" : o.office();
  }

  private static <T> Outcome<T> refused(Problem p) {
    return new Outcome.Rejected<>(List.of(p));
  }

  /**
   * The conflict, worded {@code stale} (version now, version seen) or {@code latest} (those, then
   * the latest outcome's version, code, officer and time as an ISO instant), so that a reader's
   * language words the time as people there read it; the English message as it always was.
   */
  private static Outcome<RecordedOutcome> conflict(Arrival now, int seen) {
    RecordedOutcome last = now.latest().orElse(null);
    String who =
        last == null
            ? ""
            : " (latest: version "
                + last.version()
                + ", "
                + last.outcome().code()
                + " by "
                + last.officer()
                + " at "
                + last.recordedAt()
                + ")";
    Problem p =
        Problem.of(
            "conflict",
            "version",
            "the referral is at version " + now.version() + ", not " + seen + who + "; reload it");
    return refused(
        last == null
            ? p.worded("stale", now.version(), seen)
            : p.worded(
                "latest",
                now.version(),
                seen,
                last.version(),
                last.outcome().code(),
                last.officer(),
                last.recordedAt()));
  }
}
