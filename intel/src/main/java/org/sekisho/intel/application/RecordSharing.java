package org.sekisho.intel.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.core.audit.AuditTrail;
import org.sekisho.intel.domain.FieldRules;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.intel.domain.SharingAgreement;

/**
 * Sharing a stored record with a partner agency, the liaison officer's work: only under an
 * agreement in force that covers the record's kind, only by the owning agency, with a stated
 * purpose; and revoking it, with a reason. Every sharing and revocation is kept and audited, so
 * what a partner could read, when, and on what basis stays answerable. The partner sees the record
 * at once (the agency scope reads {@code shared_with}), and no longer once revoked.
 */
public final class RecordSharing {
  /** The shortest purpose or reason, in characters. */
  public static final int MIN_TEXT = 5;

  /** The longest purpose, reason or agreement reference, in characters. */
  public static final int MAX_TEXT = 500;

  /** A record as sharing needs it: its kind, owner and the agencies it is shared with now. */
  public record RecordHead(long id, RecordKind kind, String agency, List<String> sharedWith) {}

  /**
   * One sharing of a record: with whom, under which agreement, why, by whom and when; and if
   * revoked, by whom, when and why. An agency the record was shared with when it was ingested has
   * {@code agreementId} 0 and the ingest's own time.
   */
  public record Share(
      String agency,
      long agreementId,
      String agreementReference,
      String purpose,
      String sharedBy,
      Instant sharedAt,
      Optional<String> revokedBy,
      Optional<Instant> revokedAt,
      Optional<String> revokeReason) {
    public boolean inForce() {
      return revokedAt.isEmpty();
    }
  }

  /** Storage of agreements and sharings; each change is atomic. */
  public interface SharingStore {
    List<SharingAgreement> agreements();

    SharingAgreement addAgreement(
        String agency,
        Set<RecordKind> kinds,
        String reference,
        LocalDate from,
        Optional<LocalDate> until,
        String by,
        Instant at);

    Optional<RecordHead> head(long recordId);

    /** Adds the sharing unless one is in force; false when one is. */
    boolean share(
        long recordId, String agency, long agreementId, String purpose, String by, Instant at);

    /** Ends the sharing in force (or the one made at ingest); false when there is none. */
    boolean revoke(long recordId, String agency, String reason, String by, Instant at);

    List<Share> shares(long recordId);

    /** Sets an agreement's last day; false when there is no such agreement. */
    boolean endAgreement(long id, LocalDate lastDay);

    /** Every record shared with another agency now (ingest's sharings included). */
    List<RecordHead> shared();

    /**
     * The records of {@code owner} shared with {@code partner} now, newest first, at most {@code
     * limit}.
     */
    List<SharedRecord> sharedWith(String owner, String partner, int limit);
  }

  /** A record another agency can read now: which, and since when and under what (0: at ingest). */
  public record SharedRecord(
      long id,
      RecordKind kind,
      String sourceId,
      long agreementId,
      String sharedBy,
      Instant since) {}

  /** The most records {@link #readableBy} lists (it returns one more when there are more). */
  public static final int MAX_LISTED = 1_000;

  /**
   * What {@code partner} can read of the actor's agency's records now (administrators and liaison
   * officers overseeing the exchange), newest first; the read is audited.
   */
  public Outcome<List<SharedRecord>> readableBy(String partner, Actor actor) {
    if (partner == null || partner.isBlank()) {
      return Outcome.rejected("missing-field", "agency", "name the partner agency, e.g. police-jp");
    }
    if (!agencies.registered().contains(partner)) {
      return Outcome.rejected(unknownAgency(partner));
    }
    // one more than is listed, so the answer can say it was cut
    List<SharedRecord> out = store.sharedWith(actor.agency(), partner, MAX_LISTED + 1);
    audit.record(
        new AuditEvent(
            clock.instant(),
            actor.username(),
            actor.agency(),
            "sharing.readable.listed",
            "agency:" + partner,
            Map.of("records", Integer.toString(out.size()))));
    return Outcome.accepted(out);
  }

  private final SharingStore store;
  private final IngestPorts.Agencies agencies;
  private final AuditTrail audit;
  private final Clock clock;
  private final ZoneId zone;
  private final String administration;

  /**
   * @param zone the administration's zone: an agreement's days are its calendar days
   * @param administration the agency running Sekisho: agreements are between it and a partner, and
   *     cover records going either way
   */
  public RecordSharing(
      SharingStore store,
      IngestPorts.Agencies agencies,
      AuditTrail audit,
      Clock clock,
      ZoneId zone,
      String administration) {
    this.store = store;
    this.agencies = agencies;
    this.audit = audit;
    this.clock = clock;
    this.zone = zone;
    this.administration = administration;
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(zone));
  }

  /**
   * The rules as they stand today: a record goes from its owner to a partner only under an
   * agreement in force between the administration and the other of the two that covers its kind.
   */
  public IngestPorts.SharingRules rulesNow() {
    List<SharingAgreement> all = store.agreements();
    LocalDate today = today();
    // naming the owner itself shares with no one: nothing to agree
    return (owner, partner, kind) ->
        owner.equals(partner) || basis(all, owner, partner, kind, today).isPresent()
            ? Optional.empty()
            : Optional.of(noAgreement(owner, partner, kind));
  }

  private Optional<SharingAgreement> basis(
      List<SharingAgreement> all, String owner, String partner, RecordKind kind, LocalDate day) {
    String other =
        owner.equals(administration) ? partner : partner.equals(administration) ? owner : null;
    if (other == null || other.equals(administration)) {
      return Optional.empty();
    }
    return all.stream()
        .filter(a -> a.agency().equals(other) && a.covers(kind, day))
        .max(Comparator.comparing(SharingAgreement::validFrom));
  }

  private String noAgreement(String owner, String partner, RecordKind kind) {
    if (!owner.equals(administration) && !partner.equals(administration)) {
      return "records are shared under "
          + administration
          + "'s agreements, between it and a partner: neither "
          + owner
          + " nor "
          + partner
          + " is "
          + administration;
    }
    String other = owner.equals(administration) ? partner : owner;
    return "no agreement in force today allows sharing "
        + kind.plural()
        + " between "
        + administration
        + " and "
        + other
        + "; an administrator records one (sekisho agreement add, POST /api/sharing/agreements)";
  }

  /** Every agreement, the most recent first. */
  public List<SharingAgreement> agreements() {
    List<SharingAgreement> all = new ArrayList<>(store.agreements());
    all.sort(Comparator.comparing(SharingAgreement::validFrom).reversed());
    return all;
  }

  /** The agreements in force today that allow sharing a record of {@code kind}. */
  public List<SharingAgreement> inForceFor(RecordKind kind) {
    LocalDate today = today();
    return agreements().stream().filter(a -> a.covers(kind, today)).toList();
  }

  /** Records an agreement (administrators), refused with the field when it is not one. */
  public Outcome<SharingAgreement> addAgreement(
      String agency,
      List<String> kinds,
      String reference,
      LocalDate from,
      Optional<LocalDate> until,
      Actor actor) {
    return refused(
        doAddAgreement(agency, kinds, reference, from, until, actor),
        actor,
        "sharing.agreement.refused",
        "",
        agencyDetail(agency));
  }

  private Outcome<SharingAgreement> doAddAgreement(
      String agency,
      List<String> kinds,
      String reference,
      LocalDate from,
      Optional<LocalDate> until,
      Actor actor) {
    List<Problem> problems = new ArrayList<>();
    if (agency == null || agency.isBlank()) {
      problems.add(
          Problem.of("missing-field", "agency", "name the partner agency, e.g. police-jp"));
    } else if (!agencies.registered().contains(agency)) {
      problems.add(unknownAgency(agency));
    } else if (agency.equals(actor.agency())) {
      problems.add(
          Problem.of(
              "invalid-value",
              "agency",
              "an agreement is with a partner agency, not with " + agency + " itself"));
    }
    Set<RecordKind> ks = new java.util.TreeSet<>();
    if (kinds == null || kinds.isEmpty()) {
      problems.add(
          Problem.of(
              "missing-field",
              "kinds",
              "name the kinds of records the agreement covers, e.g. seizures"));
    } else {
      for (int i = 0; i < kinds.size(); i++) {
        String k = kinds.get(i) == null ? "" : kinds.get(i).strip();
        Optional<RecordKind> kind = RecordKind.ofPlural(k).or(() -> RecordKind.ofCode(k));
        if (kind.isEmpty()) {
          problems.add(
              Problem.of(
                  "invalid-value",
                  "kinds[" + i + "]",
                  "expected a record kind (declarations, transport-documents,"
                      + " conveyance-movements, postal-items, seizures); got '"
                      + FieldRules.shorten(k)
                      + "'"));
        } else {
          ks.add(kind.get());
        }
      }
    }
    text("reference", reference, 3, "cite the agreement, e.g. MoU NPA-Customs 2024-07")
        .ifPresent(problems::add);
    if (from == null) {
      problems.add(Problem.of("missing-field", "validFrom", "expected the first day, YYYY-MM-DD"));
    } else if (from.isBefore(FIRST_DAY) || from.isAfter(LAST_DAY)) {
      problems.add(outOfRange("validFrom", from));
    } else if (until.isPresent()
        && (until.get().isBefore(FIRST_DAY) || until.get().isAfter(LAST_DAY))) {
      problems.add(outOfRange("validUntil", until.get()));
    } else if (until.isPresent() && until.get().isBefore(from)) {
      problems.add(
          Problem.of(
              "invalid-value",
              "validUntil",
              "the last day " + until.get() + " is before the first, " + from));
    }
    if (!problems.isEmpty()) {
      return new Outcome.Rejected<>(problems);
    }
    Instant now = clock.instant();
    SharingAgreement a =
        store.addAgreement(agency, ks, reference.strip(), from, until, actor.username(), now);
    Map<String, String> details = new LinkedHashMap<>();
    details.put("agency", agency);
    details.put("kinds", String.join(",", ks.stream().map(RecordKind::plural).toList()));
    details.put("reference", a.reference());
    details.put("validFrom", from.toString());
    details.put("validUntil", until.map(LocalDate::toString).orElse(""));
    audit.record(
        new AuditEvent(
            now,
            actor.username(),
            actor.agency(),
            "sharing.agreement.added",
            "agreement:" + a.id(),
            details));
    return Outcome.accepted(a);
  }

  /**
   * Ends an agreement on {@code lastDay} (administrators), with a reason; sharings it no longer
   * allows end at once ({@link #lapse}).
   */
  public Outcome<SharingAgreement> endAgreement(
      long id, LocalDate lastDay, String reason, Actor actor) {
    Optional<SharingAgreement> found =
        store.agreements().stream().filter(a -> a.id() == id).findFirst();
    Outcome<SharingAgreement> o;
    if (found.isEmpty()) {
      o = Outcome.rejected("not-found", "id", "agreement " + id + " was not found");
    } else if (lastDay == null) {
      o = Outcome.rejected("missing-field", "lastDay", "expected the last day, YYYY-MM-DD");
    } else if (lastDay.isBefore(found.get().validFrom().minusDays(1))
        || lastDay.isAfter(LAST_DAY)
        || found.get().validUntil().map(lastDay::isAfter).orElse(false)) {
      o =
          Outcome.rejected(
              "invalid-value",
              "lastDay",
              "expected a day from the day before "
                  + found.get().validFrom()
                  + " to "
                  + found.get().validUntil().orElse(LAST_DAY)
                  + "; got "
                  + lastDay);
    } else {
      Optional<Problem> why = text("reason", reason, MIN_TEXT, "say why the agreement ends");
      o = why.isPresent() ? new Outcome.Rejected<>(List.of(why.get())) : null;
    }
    if (o != null) {
      return refused(o, actor, "sharing.agreement.refused", "agreement:" + id, Map.of());
    }
    store.endAgreement(id, lastDay);
    audit.record(
        new AuditEvent(
            clock.instant(),
            actor.username(),
            actor.agency(),
            "sharing.agreement.ended",
            "agreement:" + id,
            Map.of("lastDay", lastDay.toString())));
    lapse();
    SharingAgreement a = found.get();
    return Outcome.accepted(
        new SharingAgreement(
            a.id(), a.agency(), a.kinds(), a.reference(), a.validFrom(), Optional.of(lastDay)));
  }

  /**
   * Ends every sharing no agreement in force allows any more (an agreement ended or run out), as
   * {@code system:agreements}, audited like a liaison officer's revocation; returns how many. Run
   * when an agreement ends and every hour, so access never outlives its basis by more than the hour
   * in which the day turns.
   */
  public int lapse() {
    List<SharingAgreement> all = store.agreements();
    LocalDate today = today();
    int ended = 0;
    for (RecordHead r : store.shared()) {
      for (String partner : r.sharedWith()) {
        if (!partner.equals(r.agency())
            && basis(all, r.agency(), partner, r.kind(), today).isEmpty()
            && store.revoke(
                r.id(), partner, "no agreement in force any more", LAPSED_BY, clock.instant())) {
          audit.record(
              new AuditEvent(
                  clock.instant(),
                  LAPSED_BY,
                  administration,
                  "record.unshared",
                  "record:" + r.id(),
                  Map.of("agency", partner, "kind", r.kind().code(), "reason", "lapsed")));
          ended++;
        }
      }
    }
    return ended;
  }

  /** Who ends the sharings an agreement no longer allows. */
  public static final String LAPSED_BY = "system:agreements";

  /** The record when it exists and {@code actor}'s agency owns it; else the refusal. */
  private Outcome<RecordHead> owned(long recordId, Actor actor, String mayWhat) {
    Optional<RecordHead> found = store.head(recordId);
    if (found.isEmpty()) {
      return Outcome.rejected("not-found", "id", "record " + recordId + " was not found");
    }
    if (!found.get().agency().equals(actor.agency())) {
      return Outcome.rejected(
          "forbidden",
          "id",
          "only " + found.get().agency() + ", which owns the record, " + mayWhat);
    }
    return Outcome.accepted(found.get());
  }

  private static Map<String, String> agencyDetail(String agency) {
    return Map.of("agency", agency == null ? "" : FieldRules.shorten(agency));
  }

  /** The record's sharings, newest first, for readers of the owning agency only. */
  public Outcome<List<Share>> shares(long recordId, Actor reader) {
    if (owned(recordId, reader, "sees with whom it is shared")
        instanceof Outcome.Rejected<RecordHead> r) {
      return new Outcome.Rejected<>(r.problems());
    }
    return Outcome.accepted(store.shares(recordId));
  }

  /**
   * Shares the record with {@code agency} under the agreement in force today that covers its kind;
   * refused (with the field) when the actor's agency does not own it, the agency is not registered,
   * no agreement allows it, or no purpose is given; a conflict when it is shared with that agency
   * already.
   */
  public Outcome<Share> share(long recordId, String agency, String purpose, Actor actor) {
    return refused(
        doShare(recordId, agency, purpose, actor),
        actor,
        "record.share.refused",
        "record:" + recordId,
        agencyDetail(agency));
  }

  private Outcome<Share> doShare(long recordId, String agency, String purpose, Actor actor) {
    Outcome<RecordHead> found = owned(recordId, actor, "may share it");
    if (!(found instanceof Outcome.Accepted<RecordHead>(RecordHead head))) {
      return new Outcome.Rejected<>(found.problems());
    }
    List<Problem> problems = new ArrayList<>();
    if (agency == null || agency.isBlank()) {
      problems.add(
          Problem.of("missing-field", "agency", "name the partner agency, e.g. police-jp"));
    } else if (!agencies.registered().contains(agency)) {
      problems.add(unknownAgency(agency));
    } else if (agency.equals(head.agency())) {
      problems.add(
          Problem.of("invalid-value", "agency", "the record belongs to " + agency + " already"));
    }
    text("purpose", purpose, MIN_TEXT, "say what the partner needs the record for")
        .ifPresent(problems::add);
    if (!problems.isEmpty()) {
      return new Outcome.Rejected<>(problems);
    }
    Optional<SharingAgreement> basis =
        basis(store.agreements(), head.agency(), agency, head.kind(), today());
    if (basis.isEmpty()) {
      return Outcome.rejected(
          "no-agreement", "agency", noAgreement(head.agency(), agency, head.kind()));
    }
    if (head.sharedWith().contains(agency)) {
      return Outcome.rejected(
          "conflict", "agency", "the record is shared with " + agency + " already");
    }
    Instant now = clock.instant();
    if (!store.share(recordId, agency, basis.get().id(), purpose.strip(), actor.username(), now)) {
      return Outcome.rejected(
          "conflict", "agency", "the record is shared with " + agency + " already");
    }
    audit.record(
        new AuditEvent(
            now,
            actor.username(),
            actor.agency(),
            "record.shared",
            "record:" + recordId,
            Map.of(
                "agency", agency,
                "agreement", Long.toString(basis.get().id()),
                "kind", head.kind().code())));
    return Outcome.accepted(
        new Share(
            agency,
            basis.get().id(),
            basis.get().reference(),
            purpose.strip(),
            actor.username(),
            now,
            Optional.empty(),
            Optional.empty(),
            Optional.empty()));
  }

  /** Ends the record's sharing with {@code agency}, with a reason; the history is kept. */
  public Outcome<String> revoke(long recordId, String agency, String reason, Actor actor) {
    return refused(
        doRevoke(recordId, agency, reason, actor),
        actor,
        "record.unshare.refused",
        "record:" + recordId,
        agencyDetail(agency));
  }

  private Outcome<String> doRevoke(long recordId, String agency, String reason, Actor actor) {
    Outcome<RecordHead> owned = owned(recordId, actor, "may revoke its sharing");
    if (!(owned instanceof Outcome.Accepted<RecordHead>(RecordHead head))) {
      return new Outcome.Rejected<>(owned.problems());
    }
    Optional<Problem> bad = text("reason", reason, MIN_TEXT, "say why the sharing ends");
    if (bad.isPresent()) {
      return new Outcome.Rejected<>(List.of(bad.get()));
    }
    if (!head.sharedWith().contains(agency)) {
      return Outcome.rejected(
          "not-found", "agency", "the record is not shared with " + FieldRules.shorten(agency));
    }
    Instant now = clock.instant();
    if (!store.revoke(recordId, agency, reason.strip(), actor.username(), now)) {
      return Outcome.rejected(
          "not-found", "agency", "the record is not shared with " + FieldRules.shorten(agency));
    }
    audit.record(
        new AuditEvent(
            now,
            actor.username(),
            actor.agency(),
            "record.unshared",
            "record:" + recordId,
            Map.of("agency", agency, "kind", head.kind().code())));
    return Outcome.accepted(agency);
  }

  /** The days an agreement's dates may fall on: a typing slip is not an agreement till 9999. */
  static final LocalDate FIRST_DAY = LocalDate.of(1950, 1, 1);

  static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);

  private static Problem outOfRange(String field, LocalDate day) {
    return Problem.of(
        "invalid-value",
        field,
        "expected a day between " + FIRST_DAY + " and " + LAST_DAY + "; got " + day);
  }

  /** A refused sharing is audited as a done one is: who tried what, and why it was refused. */
  private <T> Outcome<T> refused(
      Outcome<T> o, Actor actor, String action, String subject, Map<String, String> what) {
    if (o instanceof Outcome.Rejected<T> r) {
      Map<String, String> details = new LinkedHashMap<>(what);
      details.put("refused", r.problems().get(0).code());
      details.put("field", r.problems().get(0).field());
      audit.record(
          new AuditEvent(
              clock.instant(), actor.username(), actor.agency(), action, subject, details));
    }
    return o;
  }

  private Problem unknownAgency(String agency) {
    return Problem.of(
        "unknown-agency",
        "agency",
        "no agency '"
            + FieldRules.shorten(agency == null ? "" : agency)
            + "' is registered (registered: "
            + String.join(", ", new java.util.TreeSet<>(agencies.registered()))
            + ")");
  }

  private static Optional<Problem> text(String field, String value, int min, String why) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      return Optional.of(Problem.of("missing-field", field, why));
    }
    if (v.length() < min) {
      return Optional.of(
          Problem.of(
              "invalid-value",
              field,
              why + " in plain language (at least " + min + " characters)"));
    }
    return FieldRules.text(field, v, MAX_TEXT);
  }
}
