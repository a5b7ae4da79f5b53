package org.sekisho.passenger.egate.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sekisho.core.Outcome;
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
  /** Who records an outcome: the signed-in account and its agency. */
  public record Officer(String username, String agency) {}

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
    List<Map<String, String>> rows = arrivals.referredOn(day, zone);
    Map<String, RecordedOutcome> latest =
        outcomes.latest(rows.stream().map(r -> r.get("capture_id")).toList());
    return rows.stream()
        .map(
            r ->
                new Arrival(
                    r,
                    GateReferrals.parse(r.get("gate_referrals")),
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
                    r, GateReferrals.parse(r.get("gate_referrals")), outcomes.history(captureId)));
  }

  /**
   * Records the outcome of a referral. Refused, as a value: {@code not-found} when no record has
   * the capture id; {@code not-referred} (field {@code captureId}) when the gate let the traveller
   * through; {@code conflict} when an outcome was recorded since {@code request.expectedVersion()}
   * (the message says by whom and when, so the officer can read it before correcting).
   */
  public Outcome<RecordedOutcome> record(
      String captureId, OutcomeRequest request, Officer officer) {
    Optional<Arrival> found = find(captureId);
    if (found.isEmpty()) {
      return Outcome.rejected("not-found", "captureId", captureId + " was not found");
    }
    Arrival a = found.get();
    if (!a.referred()) {
      return Outcome.rejected(
          "not-referred", "captureId", "the gate let this traveller through: no referral");
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
    return Outcome.rejected(
        "conflict",
        "version",
        "the referral is at version " + now.version() + ", not " + seen + who + "; reload it");
  }
}
