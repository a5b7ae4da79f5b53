package org.sekisho.passenger.pnr.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sekisho.core.Outcome;

/**
 * Unmasking a masked booking version: one member of the PNR unit asks, giving a reason; a second,
 * different member approves; only then can the one who asked read the identifying data. Every step
 * is a value: a refusal says why. Thread-safe when the store is.
 */
public final class PnrUnmasking {
  /** Shortest reason accepted: a case or legal basis, not a word. */
  public static final int MIN_REASON = 10;

  /** Port: requests and the identifying data kept aside when a version was masked. */
  public interface Store {
    /** Id of the version if it exists and is masked. */
    Optional<Long> maskedVersion(String carrier, String locator, int version);

    long addRequest(long versionId, String requester, String reason, Instant at);

    Optional<Request> request(long id);

    /** Approves a pending request; false when it was no longer pending. */
    boolean approve(long id, String approver, Instant at);

    /** The identifying data kept for a masked version. */
    Optional<Unmasked> unmasked(long versionId);

    /** The requests awaiting approval, oldest first. */
    List<Pending> pending();
  }

  /** A request awaiting a second member's approval, with the booking version it is about. */
  public record Pending(
      long id,
      String carrier,
      String locator,
      int version,
      String requester,
      String reason,
      Instant requestedAt) {}

  /** A request as stored. */
  public record Request(
      long id, long versionId, String requester, String reason, String approver, String status) {}

  /** What unmasking shows: the record JSON and the names, seats and payments before masking. */
  public record Unmasked(
      String recordJson, List<String> names, List<String> seats, List<String> payments) {}

  private final Store store;
  private final Clock clock;

  public PnrUnmasking(Store store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Asks to unmask one version; returns the request id. */
  public Outcome<Long> request(
      String carrier, String locator, int version, String requester, String reason) {
    String why = reason == null ? "" : reason.strip();
    if (why.length() < MIN_REASON) {
      return Outcome.rejected(
          "reason-required",
          "reason",
          "unmasking needs a reason of at least "
              + MIN_REASON
              + " characters (case or legal basis)");
    }
    Optional<Long> id = store.maskedVersion(carrier, locator, version);
    if (id.isEmpty()) {
      return Outcome.rejected(
          "not-masked",
          "version",
          "booking "
              + carrier
              + "/"
              + locator
              + " version "
              + version
              + " is unknown or not masked");
    }
    return Outcome.accepted(store.addRequest(id.get(), requester, why, clock.instant()));
  }

  /**
   * The requests awaiting approval, for the approvers to find: each with who asked, why and for
   * which booking version.
   */
  public List<Pending> pending() {
    return store.pending();
  }

  /** Approves a request; the approver must be someone other than the requester. */
  public Outcome<Request> approve(long requestId, String approver) {
    Optional<Request> r = store.request(requestId);
    if (r.isEmpty()) {
      return Outcome.rejected("not-found", "id", "no unmasking request " + requestId);
    }
    if (r.get().requester().equals(approver)) {
      return Outcome.rejected(
          "second-approver-required",
          "approver",
          "the person who asked cannot approve; a second member of the PNR unit must");
    }
    if (!store.approve(requestId, approver, clock.instant())) {
      return Outcome.rejected("conflict", "id", "request " + requestId + " is not pending");
    }
    return Outcome.accepted(store.request(requestId).orElseThrow());
  }

  /** The identifying data, for the requester of an approved request only. */
  public Outcome<Unmasked> read(long requestId, String user) {
    Optional<Request> r = store.request(requestId);
    if (r.isEmpty()) {
      return Outcome.rejected("not-found", "id", "no unmasking request " + requestId);
    }
    if (!r.get().requester().equals(user)) {
      return Outcome.rejected("forbidden", "user", "only the person who asked can read the result");
    }
    if (!r.get().status().equals("approved")) {
      return Outcome.rejected("conflict", "id", "request " + requestId + " is not approved yet");
    }
    return store
        .unmasked(r.get().versionId())
        .<Outcome<Unmasked>>map(Outcome::accepted)
        .orElseGet(() -> Outcome.rejected("not-found", "id", "the masked data is no longer kept"));
  }
}
