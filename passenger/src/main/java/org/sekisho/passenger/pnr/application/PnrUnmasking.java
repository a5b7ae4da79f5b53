package org.sekisho.passenger.pnr.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;

/**
 * Unmasking a masked booking version: one member of the PNR unit asks, giving a reason; a second,
 * different member approves, or refuses saying why; only after an approval can the one who asked
 * read the identifying data. A decision is final (a refused request is never approved; ask again).
 * Every step is a value: a rejection says why. Thread-safe when the store is: two decisions on one
 * request race in the store, and only the first is kept.
 */
public final class PnrUnmasking {
  /** Shortest reason accepted: a case or legal basis, not a word. */
  public static final int MIN_REASON = 10;

  /** Port: requests and the identifying data kept aside when a version was masked. */
  public interface Store {
    /** Id of the version if it exists and is masked. */
    Optional<Long> maskedVersion(String carrier, String locator, int version);

    /**
     * Adds a pending request; its id, or empty when {@code requester} has a pending request for
     * that version already (the store's guarantee, which holds for two asks sent at the same
     * moment: the second waits for the first and writes nothing).
     */
    OptionalLong addRequest(long versionId, String requester, String reason, Instant at);

    Optional<Request> request(long id);

    /** Approves a pending request; false when it was no longer pending. */
    boolean approve(long id, String approver, Instant at);

    /**
     * Refuses a pending request, keeping who, when and why; false when it was no longer pending
     * (approved or refused meanwhile), in which case nothing is written.
     */
    boolean refuse(long id, String refuser, String reason, Instant at);

    /** The identifying data kept for a masked version. */
    Optional<Unmasked> unmasked(long versionId);

    /** The requests awaiting a decision, oldest first. */
    List<Request> pending();

    /** Decided requests (approved or refused), the latest decision first, at most {@code limit}. */
    List<Request> decided(int limit);

    /** The requests {@code requester} made, whatever their status, newest first. */
    List<Request> requestedBy(String requester, int limit);
  }

  /**
   * An unmasking request as stored, with the booking version it is about.
   *
   * @param status {@code pending}, {@code approved} or {@code refused}
   * @param decidedBy who approved or refused it; empty while pending
   * @param decidedAt when; null while pending
   * @param refusalReason why it was refused; empty unless refused
   */
  public record Request(
      long id,
      long versionId,
      String carrier,
      String locator,
      int version,
      String requester,
      String reason,
      Instant requestedAt,
      String status,
      String decidedBy,
      Instant decidedAt,
      String refusalReason) {

    /** {@code CARRIER/LOCATOR}. */
    public String booking() {
      return carrier + "/" + locator;
    }
  }

  /** What unmasking shows: the record JSON and the names, seats and payments before masking. */
  public record Unmasked(
      String recordJson, List<String> names, List<String> seats, List<String> payments) {}

  /** How many decided requests the history shows. */
  public static final int HISTORY = 200;

  private final Store store;
  private final Clock clock;

  public PnrUnmasking(Store store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Asks to unmask one version; returns the request id. Refused ({@code conflict}, naming the
   * request) while the same person's earlier request for that version awaits a decision.
   */
  public Outcome<Long> request(
      String carrier, String locator, int version, String requester, String reason) {
    String why = reason == null ? "" : reason.strip();
    if (why.length() < MIN_REASON) {
      return Outcome.rejected(
          Problem.of(
                  "reason-required",
                  "reason",
                  "unmasking needs a reason of at least "
                      + MIN_REASON
                      + " characters (case or legal basis)")
              .worded("ask", MIN_REASON));
    }
    Optional<Long> id = store.maskedVersion(carrier, locator, version);
    if (id.isEmpty()) {
      return Outcome.rejected(
          Problem.of(
                  "not-masked",
                  "version",
                  "booking "
                      + carrier
                      + "/"
                      + locator
                      + " version "
                      + version
                      + " is unknown or not masked")
              .worded("not-masked", carrier + "/" + locator, version));
    }
    // One person waits on one request per version: a second would ask the approvers to decide
    // the same thing twice. Another member's request, or a new one after a decision, is allowed.
    Optional<Request> waiting = waiting(id.get(), requester);
    if (waiting.isPresent()) {
      return alreadyAsked(carrier, locator, version, waiting.get().id());
    }
    OptionalLong added = store.addRequest(id.get(), requester, why, clock.instant());
    if (added.isEmpty()) {
      // asked twice at the same moment: the other ask was written first, and is the one named
      return alreadyAsked(
          carrier, locator, version, waiting(id.get(), requester).map(Request::id).orElse(0L));
    }
    return Outcome.accepted(added.getAsLong());
  }

  /**
   * The requests awaiting a decision, for the approvers to find: each with who asked, why and for
   * which booking version.
   */
  public List<Request> pending() {
    return store.pending();
  }

  /** The latest decisions (approvals and refusals with who, when and why), newest first. */
  public List<Request> history() {
    return store.decided(HISTORY);
  }

  /**
   * The requests {@code user} made, newest first: pending, approved, or refused with the reason.
   */
  public List<Request> mine(String user) {
    return store.requestedBy(user, HISTORY);
  }

  /**
   * Approves a request; the approver must be someone other than the requester. A refused request
   * cannot be approved ({@code conflict}, saying who refused it).
   */
  public Outcome<Request> approve(long requestId, String approver) {
    Optional<Request> r = store.request(requestId);
    if (r.isEmpty()) {
      return Outcome.rejected(
          Problem.of("not-found", "id", "no unmasking request " + requestId)
              .worded("request", requestId));
    }
    if (r.get().requester().equals(approver)) {
      return Outcome.rejected(
          Problem.of(
                  "second-approver-required",
                  "approver",
                  "the person who asked cannot approve; a second member of the PNR unit must")
              .worded("second-approver-required"));
    }
    if (!store.approve(requestId, approver, clock.instant())) {
      return notPending(store.request(requestId).orElse(r.get()));
    }
    return Outcome.accepted(store.request(requestId).orElseThrow());
  }

  /**
   * Refuses a request with a reason (at least {@link #MIN_REASON} characters): by someone other
   * than the requester, only while it is pending. The refusal is final: the request can no longer
   * be approved, and its requester reads who refused it, when and why.
   */
  public Outcome<Request> refuse(long requestId, String refuser, String reason) {
    Optional<Request> r = store.request(requestId);
    if (r.isEmpty()) {
      return Outcome.rejected(
          Problem.of("not-found", "id", "no unmasking request " + requestId)
              .worded("request", requestId));
    }
    if (r.get().requester().equals(refuser)) {
      return Outcome.rejected(
          Problem.of(
                  "second-person-required",
                  "refuser",
                  "the person who asked cannot refuse their own request; a second member of the"
                      + " PNR unit decides it")
              .worded("refuser"));
    }
    String why = reason == null ? "" : reason.strip();
    if (why.length() < MIN_REASON) {
      return Outcome.rejected(
          Problem.of(
                  "reason-required",
                  "reason",
                  "a refusal needs a reason of at least "
                      + MIN_REASON
                      + " characters, which the requester reads")
              .worded("refuse", MIN_REASON));
    }
    if (!store.refuse(requestId, refuser, why, clock.instant())) {
      return notPending(store.request(requestId).orElse(r.get()));
    }
    return Outcome.accepted(store.request(requestId).orElseThrow());
  }

  private Optional<Request> waiting(long versionId, String requester) {
    return store.pending().stream()
        .filter(p -> p.versionId() == versionId && p.requester().equals(requester))
        .findFirst();
  }

  /** The refusal of a second pending ask by the same person for one version, naming the first. */
  private static <T> Outcome<T> alreadyAsked(
      String carrier, String locator, int version, long waiting) {
    return Outcome.rejected(
        Problem.of(
                "conflict",
                "version",
                "you already asked to unmask booking "
                    + carrier
                    + "/"
                    + locator
                    + " version "
                    + version
                    + ": request "
                    + waiting
                    + " awaits a decision")
            .worded("already-asked", carrier + "/" + locator, version, waiting));
  }

  /** The refusal of a decision on a request decided already, saying how it was decided. */
  private static <T> Outcome<T> notPending(Request now) {
    return Outcome.rejected(
        Problem.of(
                "conflict",
                "id",
                "request "
                    + now.id()
                    + " is not pending: "
                    + now.status()
                    + (now.decidedBy().isEmpty() ? "" : " by " + now.decidedBy()))
            .worded(
                now.decidedBy().isEmpty() ? "not-pending" : "decided",
                now.id(),
                now.status(),
                now.decidedBy()));
  }

  /** The identifying data, for the requester of an approved request only. */
  public Outcome<Unmasked> read(long requestId, String user) {
    Optional<Request> r = store.request(requestId);
    if (r.isEmpty()) {
      return Outcome.rejected(
          Problem.of("not-found", "id", "no unmasking request " + requestId)
              .worded("request", requestId));
    }
    if (!r.get().requester().equals(user)) {
      return Outcome.rejected(
          Problem.of("forbidden", "user", "only the person who asked can read the result")
              .worded("not-requester"));
    }
    if (r.get().status().equals("refused")) {
      return Outcome.rejected(
          Problem.of(
                  "conflict",
                  "id",
                  "request "
                      + requestId
                      + " was refused by "
                      + r.get().decidedBy()
                      + " at "
                      + r.get().decidedAt()
                      + ": "
                      + r.get().refusalReason())
              .worded(
                  "refused",
                  requestId,
                  r.get().decidedBy(),
                  r.get().decidedAt(),
                  r.get().refusalReason()));
    }
    if (!r.get().status().equals("approved")) {
      return Outcome.rejected(
          Problem.of("conflict", "id", "request " + requestId + " is not approved yet")
              .worded("not-approved", requestId));
    }
    return store
        .unmasked(r.get().versionId())
        .<Outcome<Unmasked>>map(Outcome::accepted)
        .orElseGet(
            () ->
                Outcome.rejected(
                    Problem.of("not-found", "id", "the masked data is no longer kept")
                        .worded("no-longer-kept")));
  }
}
