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

  /**
   * The wording ({@link Problem#key}) of a {@code conflict}: the record is shared with the partner
   * already; its one argument is the partner.
   */
  public static final String SHARED = "shared";

  /**
   * The wording of a {@code conflict}: the sharing was ended already; its arguments are the
   * partner, who ended it and when (an instant, ISO-8601).
   */
  public static final String REVOKED = "revoked";

  /**
   * The wording of a {@code conflict}: the agreement was ended already; its arguments are who ended
   * it, when (an instant, ISO-8601) and its last day.
   */
  public static final String ENDED = "ended";

  /**
   * The wording of a {@code conflict}: an identical agreement is recorded; its argument is that
   * agreement's id.
   */
  public static final String IDENTICAL = "identical";

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

  /** How an administrator ended an agreement: its new last day, who, when and why. */
  public record Ending(LocalDate lastDay, String by, Instant at, String reason) {}

  /**
   * An agreement as the liaison desk shows it: who recorded it and when, and, once an administrator
   * ended it, how (an agreement that ran out by its own last day has no ending; one ended before
   * who-ended-it was kept has none either).
   */
  public record AgreementEntry(
      SharingAgreement agreement, String recordedBy, Instant recordedAt, Optional<Ending> ending) {}

  /** What happened to a sharing, as the desk's history lists it. */
  public enum Event {
    /** A liaison officer shared the record (or it was shared when ingested). */
    SHARED,
    /** A liaison officer ended the sharing, with a reason. */
    REVOKED,
    /** No agreement in force allowed it any more: {@link RecordSharing#LAPSED_BY} ended it. */
    LAPSED,
    /** An attempt to share the record was refused. */
    SHARE_REFUSED,
    /** An attempt to end the sharing was refused. */
    REVOKE_REFUSED;

    /** The word pages use, e.g. {@code share-refused}. */
    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * One step in the exchange of a record with a partner: when, what, which record, by whom and why
   * (the purpose of a sharing, the reason it ended, or why an attempt was refused, with the
   * refusal's code and field); the agreement's citation where one applied.
   */
  public record HistoryEntry(
      Instant at,
      Event event,
      long recordId,
      RecordKind kind,
      String sourceId,
      String title,
      String by,
      String why,
      String code,
      String field,
      String agreementReference) {}

  /**
   * A sharing in force: which record (its kind and owner), with whom, and the agreement it cites
   * (0: shared at ingest, no agreement cited).
   */
  public record LiveShare(
      long recordId, RecordKind kind, String owner, String partner, long agreementId) {}

  /** Storage of agreements and sharings; each change is atomic. */
  public interface SharingStore {
    List<SharingAgreement> agreements();

    /** Every agreement with who recorded it and, if an administrator ended it, how. */
    List<AgreementEntry> agreementEntries();

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

    /**
     * Sets an agreement's last day and keeps who ended it, when and why; false when there is no
     * such agreement or it has a recorded ending already (which is never replaced).
     */
    boolean endAgreement(long id, LocalDate lastDay, String reason, String by, Instant at);

    /** Every record shared with another agency now (ingest's sharings included). */
    List<RecordHead> shared();

    /**
     * Every sharing in force now, one per record and partner, with the agreement it cites (0 for a
     * sharing made at ingest, which cites none).
     */
    List<LiveShare> live();

    /**
     * Points the sharing in force of the record with {@code agency} from agreement {@code from} to
     * {@code to}; false when there is no such sharing citing {@code from} (revoked or re-pointed
     * since it was read).
     */
    boolean rebase(long recordId, String agency, long from, long to);

    /**
     * The records of {@code owner} shared with {@code partner} now, newest first, at most {@code
     * limit} after skipping {@code offset}.
     */
    List<SharedRecord> sharedWith(String owner, String partner, int limit, int offset);

    /** How many records of {@code owner} are shared with {@code partner} now. */
    int countSharedWith(String owner, String partner);

    /**
     * The records of other agencies shared with {@code agency} now, newest sharing first, at most
     * {@code limit} after skipping {@code offset}.
     */
    List<Received> receivedBy(String agency, int limit, int offset);

    /** How many records of other agencies are shared with {@code agency} now. */
    int countReceivedBy(String agency);

    /**
     * The exchange of {@code owner}'s records with {@code partner}, newest first: sharings, their
     * ends and refused attempts; at most {@code limit} after skipping {@code offset}.
     */
    List<HistoryEntry> history(String owner, String partner, int limit, int offset);

    /**
     * Keeps a refused attempt to share ({@code action} {@code share}) or end the sharing ({@code
     * revoke}) of a record with {@code agency} (as named, shortened), for the desk's history.
     */
    void refusal(long recordId, String agency, String action, Problem why, String by, Instant at);
  }

  /**
   * A record another agency can read now: which, since when, by whom, why and under what agreement
   * (0 and an empty citation: shared when it was ingested).
   */
  public record SharedRecord(
      long id,
      RecordKind kind,
      String sourceId,
      String title,
      long agreementId,
      String agreementReference,
      String purpose,
      String sharedBy,
      Instant since) {}

  /**
   * A record another agency shared with the reader's agency: which, whose, since when, why and
   * under what agreement (0 and an empty citation: shared when it was ingested). {@code sharedBy}
   * tells a purpose the system wrote from one a person typed; pages do not show it.
   */
  public record Received(
      long id,
      RecordKind kind,
      String sourceId,
      String title,
      String owner,
      long agreementId,
      String agreementReference,
      String purpose,
      String sharedBy,
      Instant since) {}

  /** One page of what was shared with an agency: the records, how many in all, and if more. */
  public record ReceivedPage(
      String agency, List<Received> records, int total, int page, boolean more) {}

  /** How many records one page of {@link #received} lists. */
  public static final int RECEIVED_PAGE = 50;

  /**
   * What other agencies shared with {@code actor}'s agency and it can read now, newest sharing
   * first, page {@code page} of {@link #RECEIVED_PAGE}: with the purpose and agreement that limit
   * its use. The read is audited by counts and page, never by what the records say.
   */
  public ReceivedPage received(int page, Actor actor) {
    List<Received> rows = store.receivedBy(actor.agency(), RECEIVED_PAGE + 1, page * RECEIVED_PAGE);
    int total = store.countReceivedBy(actor.agency());
    ReceivedPage out =
        new ReceivedPage(
            actor.agency(),
            rows.subList(0, Math.min(rows.size(), RECEIVED_PAGE)),
            total,
            page,
            rows.size() > RECEIVED_PAGE);
    Map<String, String> details = new LinkedHashMap<>();
    details.put("records", Integer.toString(out.records().size()));
    details.put("recordsInAll", Integer.toString(total));
    details.put("page", Integer.toString(page));
    audit.record(
        new AuditEvent(
            clock.instant(),
            actor.username(),
            actor.agency(),
            "sharing.received.listed",
            "agency:" + actor.agency(),
            details));
    return out;
  }

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
      return Outcome.rejected(unknownAgency(partner, actor));
    }
    List<String> partners = partnersOf(actor);
    if (!partners.contains(partner)) {
      // its own agency, or a partner it has no exchange with: an empty list would pass for "none"
      Outcome<List<SharedRecord>> no =
          Outcome.rejected(
              "invalid-value",
              "agency",
              partner.equals(actor.agency())
                  ? partner
                      + " is your own agency: name a partner agency, e.g. "
                      + String.join(", ", partners)
                  : actor.agency()
                      + " exchanges records with "
                      + String.join(", ", partners)
                      + ", not with "
                      + partner);
      return refused(no, actor, "sharing.readable.refused", "agency:" + partner, Map.of());
    }
    // one more than is listed, so the answer can say it was cut
    List<SharedRecord> out = store.sharedWith(actor.agency(), partner, MAX_LISTED + 1, 0);
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

  /** Today in the administration's zone: the day agreements are in force or not. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(zone));
  }

  /**
   * The rules as they stand today: a record goes from its owner to a partner only under an
   * agreement in force between the administration and the other of the two that covers its kind.
   */
  public IngestPorts.SharingRules rulesNow() {
    List<SharingAgreement> all = store.agreements();
    LocalDate today = today();
    return new IngestPorts.SharingRules() {
      @Override
      public Optional<String> refusal(String owner, String partner, RecordKind kind) {
        // naming the owner itself shares with no one: nothing to agree
        return owner.equals(partner) || basis(all, owner, partner, kind, today).isPresent()
            ? Optional.empty()
            : Optional.of(noAgreement(owner, partner, kind));
      }

      @Override
      public Optional<Long> agreement(String owner, String partner, RecordKind kind) {
        return basis(all, owner, partner, kind, today).map(SharingAgreement::id);
      }

      @Override
      public Set<String> seenBy(Actor actor, Set<String> registered) {
        return RecordSharing.this.seenBy(actor, registered);
      }
    };
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

  /**
   * The agencies an agreement in force today allows {@code owner} to share a record of {@code kind}
   * with, whether or not it is shared with them already: the administration's partners under their
   * agreements, or, for a partner's record, the administration under that partner's agreement.
   */
  public List<String> allowedPartners(String owner, RecordKind kind) {
    List<SharingAgreement> all = store.agreements();
    LocalDate today = today();
    List<String> candidates =
        owner.equals(administration)
            ? all.stream().map(SharingAgreement::agency).distinct().toList()
            : List.of(administration);
    return candidates.stream()
        .filter(p -> !p.equals(owner) && basis(all, owner, p, kind, today).isPresent())
        .sorted()
        .toList();
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
    Optional<Problem> notOurs = administers(actor, "record agreements");
    if (notOurs.isPresent()) {
      return new Outcome.Rejected<>(List.of(notOurs.get()));
    }
    List<Problem> problems = agreementProblems(agency, kinds, reference, from, until, actor);
    if (!problems.isEmpty()) {
      return new Outcome.Rejected<>(problems);
    }
    Set<RecordKind> ks = new java.util.TreeSet<>();
    for (String k : kinds) {
      String c = k == null ? "" : k.strip();
      ks.add(RecordKind.ofPlural(c).or(() -> RecordKind.ofCode(c)).orElseThrow());
    }
    // the same agreement twice would leave the liaison two ids for one basis
    Optional<SharingAgreement> same =
        store.agreements().stream()
            .filter(
                a ->
                    a.agency().equals(agency)
                        && a.kinds().equals(ks)
                        && a.reference().equals(reference.strip())
                        && a.validFrom().equals(from)
                        && a.validUntil().equals(until))
            .findFirst();
    if (same.isPresent()) {
      return Outcome.rejected(
          Problem.of(
                  "conflict",
                  "reference",
                  "agreement "
                      + same.get().id()
                      + " is recorded already with the same partner, kinds, reference and days")
              .worded(IDENTICAL, same.get().id()));
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
   * Every problem of an agreement as typed, in the form's order (partner, kinds, reference, first
   * and last day), so a form can show each beside its field at once; empty when it may be recorded.
   * Checks only: records and audits nothing ({@link #addAgreement} does both).
   *
   * @param from the first day, or null when none was given (or it was no date)
   * @param until the last day, if one was given
   */
  public List<Problem> agreementProblems(
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
      problems.add(unknownAgency(agency, actor));
    } else if (agency.equals(actor.agency())) {
      problems.add(
          Problem.of(
              "invalid-value",
              "agency",
              "an agreement is with a partner agency, not with " + agency + " itself"));
    }
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
                          + "'")
                  .worded("not-a-kind", FieldRules.shorten(k)));
        }
      }
    }
    text("reference", reference, 3, "cite the agreement, e.g. MoU NPA-Customs 2024-07")
        .ifPresent(problems::add);
    boolean fromOk = false;
    if (from == null) {
      problems.add(Problem.of("missing-field", "validFrom", "expected the first day, YYYY-MM-DD"));
    } else if (from.isBefore(FIRST_DAY) || from.isAfter(LAST_DAY)) {
      problems.add(outOfRange("validFrom", from));
    } else {
      fromOk = true;
    }
    if (until.isPresent() && (until.get().isBefore(FIRST_DAY) || until.get().isAfter(LAST_DAY))) {
      problems.add(outOfRange("validUntil", until.get()));
    } else if (fromOk && until.isPresent() && until.get().isBefore(from)) {
      problems.add(
          Problem.of(
                  "invalid-value",
                  "validUntil",
                  "expected a day YYYY-MM-DD from the first day, "
                      + from
                      + ", on; got "
                      + until.get()
                      + ", before it")
              .worded("before-first", until.get(), from));
    }
    return problems;
  }

  /**
   * Ends an agreement on {@code lastDay} (administrators), with a reason; sharings it no longer
   * allows end at once ({@link #lapse}). An agreement is ended once: one with a recorded ending is
   * refused ({@code conflict}, naming who ended it, when and its last day), so the first ending's
   * who, when and why are never overwritten. The audit entry keeps the last day and the reason.
   */
  public Outcome<SharingAgreement> endAgreement(
      long id, LocalDate lastDay, String reason, Actor actor) {
    Optional<AgreementEntry> entry =
        store.agreementEntries().stream().filter(e -> e.agreement().id() == id).findFirst();
    Optional<SharingAgreement> found = entry.map(AgreementEntry::agreement);
    Outcome<SharingAgreement> o;
    Optional<Problem> notOurs = administers(actor, "end agreements");
    if (notOurs.isPresent()) {
      o = new Outcome.Rejected<>(List.of(notOurs.get()));
    } else if (found.isEmpty()) {
      o = Outcome.rejected("not-found", "id", "agreement " + id + " was not found");
    } else if (entry.get().ending().isPresent()) {
      o = new Outcome.Rejected<>(List.of(endedAlready(id, entry.get().ending().get())));
    } else {
      // the day and the reason both, at once: not one per round trip
      List<Problem> problems = new ArrayList<>();
      lastDayProblem(found.get(), lastDay).ifPresent(problems::add);
      endingReasonProblem(reason).ifPresent(problems::add);
      o = problems.isEmpty() ? null : new Outcome.Rejected<>(problems);
    }
    if (o != null) {
      return refused(o, actor, "sharing.agreement.refused", "agreement:" + id, Map.of());
    }
    Instant now = clock.instant();
    if (!store.endAgreement(id, lastDay, reason.strip(), actor.username(), now)) {
      // ended by someone else since it was read: refused as above, with their ending
      Optional<Ending> theirs =
          store.agreementEntries().stream()
              .filter(e -> e.agreement().id() == id)
              .findFirst()
              .flatMap(AgreementEntry::ending);
      Problem why =
          theirs.isPresent()
              ? endedAlready(id, theirs.get())
              : Problem.of("not-found", "id", "agreement " + id + " was not found");
      return refused(
          new Outcome.Rejected<>(List.of(why)),
          actor,
          "sharing.agreement.refused",
          "agreement:" + id,
          Map.of());
    }
    // the reason is the agreement's official record, not personal data: the audit keeps it
    audit.record(
        new AuditEvent(
            now,
            actor.username(),
            actor.agency(),
            "sharing.agreement.ended",
            "agreement:" + id,
            Map.of("lastDay", lastDay.toString(), "reason", reason.strip())));
    lapse();
    SharingAgreement a = found.get();
    return Outcome.accepted(
        new SharingAgreement(
            a.id(), a.agency(), a.kinds(), a.reference(), a.validFrom(), Optional.of(lastDay)));
  }

  /** Why {@code lastDay} cannot end {@code found}, if it cannot: missing, or out of its days. */
  private static Optional<Problem> lastDayProblem(SharingAgreement found, LocalDate lastDay) {
    if (lastDay == null) {
      return Optional.of(
          Problem.of("missing-field", "lastDay", "expected the last day, YYYY-MM-DD"));
    }
    if (lastDay.isBefore(found.validFrom().minusDays(1))
        || lastDay.isAfter(LAST_DAY)
        || found.validUntil().map(lastDay::isAfter).orElse(false)) {
      // the day typed first, then the bounds the message names
      LocalDate first = found.validFrom().minusDays(1);
      LocalDate last = found.validUntil().orElse(LAST_DAY);
      return Optional.of(
          Problem.of(
                  "invalid-value",
                  "lastDay",
                  "expected a day YYYY-MM-DD from the day before "
                      + found.validFrom()
                      + " to "
                      + last
                      + "; got "
                      + lastDay)
              .worded("day-out-of-range", lastDay, first, last));
    }
    return Optional.empty();
  }

  /**
   * Why {@code reason} cannot be an agreement's ending's reason, if it cannot (missing, too short,
   * too long): for a form or request refused before the use case for its day, to name beside it.
   */
  public static Optional<Problem> endingReasonProblem(String reason) {
    return text("reason", reason, MIN_TEXT, "say why the agreement ends");
  }

  /**
   * An agreement is ended once: a second ending would replace who ended it, when and why. The
   * refusal names the first ending; correcting it is recording a new agreement.
   */
  private static Problem endedAlready(long id, Ending e) {
    return Problem.of(
            "conflict",
            "id",
            "agreement "
                + id
                + " was ended already by "
                + e.by()
                + " at "
                + e.at()
                + ", last day "
                + e.lastDay()
                + "; an ending is not changed: record a new agreement instead")
        .worded(ENDED, e.by(), e.at(), e.lastDay());
  }

  /**
   * Ends every sharing no agreement in force allows any more (an agreement ended or run out), as
   * {@code system:agreements}, audited like a liaison officer's revocation with the agreement that
   * ended; returns how many. A sharing whose agreement ended while another in force still covers it
   * is re-pointed to that one ({@code record.share.rebased}, with both ids), so it never cites an
   * agreement that has ended. Run when an agreement ends and every hour, so access never outlives
   * its basis by more than the hour in which the day turns.
   */
  public int lapse() {
    List<SharingAgreement> all = store.agreements();
    LocalDate today = today();
    int ended = 0;
    for (LiveShare l : store.live()) {
      if (l.partner().equals(l.owner())) {
        continue;
      }
      Optional<SharingAgreement> now = basis(all, l.owner(), l.partner(), l.kind(), today);
      Instant at = clock.instant();
      if (now.isEmpty()) {
        if (store.revoke(l.recordId(), l.partner(), LAPSED_REASON, LAPSED_BY, at)) {
          // the ended agreement is named, so the log alone says on what basis access ended
          Map<String, String> details = new LinkedHashMap<>();
          details.put("agency", l.partner());
          details.put("kind", l.kind().code());
          details.put("agreement", Long.toString(l.agreementId()));
          details.put("reason", "lapsed");
          audit.record(
              new AuditEvent(
                  at,
                  LAPSED_BY,
                  administration,
                  "record.unshared",
                  "record:" + l.recordId(),
                  details));
          ended++;
        }
      } else if (l.agreementId() != 0
          && !citesInForce(all, l.agreementId(), l.kind(), today)
          && store.rebase(l.recordId(), l.partner(), l.agreementId(), now.get().id())) {
        // another agreement in force still covers it: the sharing now cites that one, so no page
        // names an agreement that has ended as its basis
        audit.record(
            new AuditEvent(
                at,
                LAPSED_BY,
                administration,
                "record.share.rebased",
                "record:" + l.recordId(),
                Map.of(
                    "agency", l.partner(),
                    "kind", l.kind().code(),
                    "from", Long.toString(l.agreementId()),
                    "to", Long.toString(now.get().id()))));
      }
    }
    return ended;
  }

  /** Whether agreement {@code id} is in force on {@code day} for a record of {@code kind}. */
  private static boolean citesInForce(
      List<SharingAgreement> all, long id, RecordKind kind, LocalDate day) {
    return all.stream().anyMatch(a -> a.id() == id && a.covers(kind, day));
  }

  /** Who ends the sharings an agreement no longer allows. */
  public static final String LAPSED_BY = "system:agreements";

  /**
   * The reason {@link #LAPSED_BY} gives when it ends a sharing, stored as it is; pages show it in
   * the reader's language.
   */
  public static final String LAPSED_REASON = "no agreement in force any more";

  /** Who shared a record named with partners when it was ingested. */
  public static final String INGEST_BY = "ingest";

  /** The purpose kept for a sharing made at ingest, stored as it is (the store writes it). */
  public static final String INGEST_PURPOSE = "shared when ingested";

  /**
   * The sharing in force through which {@code reader}'s agency reads another agency's record: the
   * purpose, agreement and since-when that limit its use. Only the reader's own agency's sharing,
   * never with whom else the record is shared; empty for the owner's readers and for a record not
   * shared with the reader's agency. Not audited apart: the read of the record it goes with is.
   */
  public Optional<Share> sharingOf(long recordId, Actor reader) {
    Optional<RecordHead> head = store.head(recordId);
    if (head.isEmpty()
        || head.get().agency().equals(reader.agency())
        || !head.get().sharedWith().contains(reader.agency())) {
      return Optional.empty();
    }
    return store.shares(recordId).stream()
        .filter(s -> s.inForce() && s.agency().equals(reader.agency()))
        .findFirst();
  }

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
    return share(recordId, agency, purpose, Optional.empty(), actor);
  }

  /**
   * As {@link #share(long, String, String, Actor)}, under the agreement {@code agreement} when one
   * is chosen (else the one in force that started last): refused ({@code agreement} field) when
   * there is no such agreement, it is between the administration and another partner, it does not
   * cover the record's kind, or it is not in force today.
   */
  public Outcome<Share> share(
      long recordId, String agency, String purpose, Optional<Long> agreement, Actor actor) {
    return kept(
        refused(
            doShare(recordId, agency, purpose, agreement, actor),
            actor,
            "record.share.refused",
            "record:" + recordId,
            agencyDetail(agency)),
        recordId,
        agency,
        "share",
        actor);
  }

  private Outcome<Share> doShare(
      long recordId, String agency, String purpose, Optional<Long> chosen, Actor actor) {
    Outcome<RecordHead> found = owned(recordId, actor, "may share it");
    if (!(found instanceof Outcome.Accepted<RecordHead>(RecordHead head))) {
      return new Outcome.Rejected<>(found.problems());
    }
    List<Problem> problems = new ArrayList<>();
    if (agency == null || agency.isBlank()) {
      problems.add(
          Problem.of("missing-field", "agency", "name the partner agency, e.g. police-jp"));
    } else if (!agencies.registered().contains(agency)) {
      problems.add(unknownAgency(agency, actor));
    } else if (agency.equals(head.agency())) {
      problems.add(
          Problem.of("invalid-value", "agency", "the record belongs to " + agency + " already"));
    }
    text("purpose", purpose, MIN_TEXT, "say what the partner needs the record for")
        .ifPresent(problems::add);
    if (!problems.isEmpty()) {
      return new Outcome.Rejected<>(problems);
    }
    List<SharingAgreement> all = store.agreements();
    Optional<SharingAgreement> basis = basis(all, head.agency(), agency, head.kind(), today());
    if (chosen.isPresent()) {
      Outcome<SharingAgreement> c = chosen(all, chosen.get(), head, agency);
      if (!(c instanceof Outcome.Accepted<SharingAgreement>(SharingAgreement a))) {
        return new Outcome.Rejected<>(c.problems());
      }
      basis = Optional.of(a);
    }
    if (basis.isEmpty()) {
      return Outcome.rejected(
          "no-agreement", "agency", noAgreement(head.agency(), agency, head.kind()));
    }
    if (head.sharedWith().contains(agency)) {
      return Outcome.rejected(sharedAlready(agency));
    }
    Instant now = clock.instant();
    if (!store.share(recordId, agency, basis.get().id(), purpose.strip(), actor.username(), now)) {
      return Outcome.rejected(sharedAlready(agency));
    }
    audit.record(
        new AuditEvent(
            now,
            actor.username(),
            actor.agency(),
            "record.shared",
            "record:" + recordId,
            // the purpose is the officer's word on the exchange (at most MAX_TEXT characters), no
            // traveller's data: kept in the hash-chained log so an oversight body reads why
            Map.of(
                "agency", agency,
                "agreement", Long.toString(basis.get().id()),
                "kind", head.kind().code(),
                "purpose", purpose.strip())));
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

  /**
   * The agreement {@code id} when a sharing of {@code head} with {@code partner} may fall under it
   * today; else why not, on the {@code agreement} field.
   */
  private Outcome<SharingAgreement> chosen(
      List<SharingAgreement> all, long id, RecordHead head, String partner) {
    Optional<SharingAgreement> found = all.stream().filter(a -> a.id() == id).findFirst();
    if (found.isEmpty()) {
      return Outcome.rejected("not-found", "agreement", "agreement " + id + " was not found");
    }
    SharingAgreement a = found.get();
    String other = head.agency().equals(administration) ? partner : head.agency();
    LocalDate today = today();
    if (!a.agency().equals(other) || other.equals(administration)) {
      return Outcome.rejected(
          "invalid-value",
          "agreement",
          "agreement " + id + " (" + a.reference() + ") is with " + a.agency() + ", not " + other);
    }
    if (!a.kinds().contains(head.kind())) {
      return Outcome.rejected(
          "invalid-value",
          "agreement",
          "agreement "
              + id
              + " ("
              + a.reference()
              + ") does not cover "
              + head.kind().plural()
              + "; it covers "
              + String.join(", ", a.kinds().stream().map(RecordKind::plural).toList()));
    }
    if (!a.covers(head.kind(), today)) {
      return Outcome.rejected(
          "invalid-value",
          "agreement",
          "agreement "
              + id
              + " ("
              + a.reference()
              + ") is not in force today, "
              + today
              + ": from "
              + a.validFrom()
              + a.validUntil().map(u -> " to " + u).orElse(""));
    }
    return Outcome.accepted(a);
  }

  /** Ends the record's sharing with {@code agency}, with a reason; the history is kept. */
  public Outcome<String> revoke(long recordId, String agency, String reason, Actor actor) {
    return kept(
        refused(
            doRevoke(recordId, agency, reason, actor),
            actor,
            "record.unshare.refused",
            "record:" + recordId,
            agencyDetail(agency)),
        recordId,
        agency,
        "revoke",
        actor);
  }

  /**
   * A refused attempt on a record the actor's agency owns is kept for the liaison desk's history
   * (attempts on other agencies' records are in the audit log only: they are no part of our
   * exchange).
   */
  private <T> Outcome<T> kept(
      Outcome<T> o, long recordId, String agency, String action, Actor actor) {
    if (o instanceof Outcome.Rejected<T> r) {
      Optional<RecordHead> head = store.head(recordId);
      if (head.isPresent() && head.get().agency().equals(actor.agency())) {
        String named = agency == null ? "" : FieldRules.shorten(agency);
        store.refusal(
            recordId, named, action, r.problems().get(0), actor.username(), clock.instant());
      }
    }
    return o;
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
      return notShared(recordId, agency);
    }
    // the agreement the ended sharing cited (0: shared at ingest), named in the audit entry
    long ended =
        store.shares(recordId).stream()
            .filter(s -> s.inForce() && s.agency().equals(agency))
            .mapToLong(Share::agreementId)
            .findFirst()
            .orElse(0);
    Instant now = clock.instant();
    if (!store.revoke(recordId, agency, reason.strip(), actor.username(), now)) {
      return notShared(recordId, agency);
    }
    audit.record(
        new AuditEvent(
            now,
            actor.username(),
            actor.agency(),
            "record.unshared",
            "record:" + recordId,
            // the reason, as the purpose of the sharing, is the officer's word (at most MAX_TEXT)
            Map.of(
                "agency", agency,
                "kind", head.kind().code(),
                "agreement", Long.toString(ended),
                "reason", reason.strip())));
    return Outcome.accepted(agency);
  }

  /** The record is shared with {@code agency} already: a conflict. */
  private static Problem sharedAlready(String agency) {
    return Problem.of("conflict", "agency", "the record is shared with " + agency + " already")
        .worded(SHARED, agency);
  }

  /**
   * Why a sharing that is not in force cannot be ended: a conflict naming who ended it and when,
   * when it was shared and ended; else not found.
   */
  private <T> Outcome<T> notShared(long recordId, String agency) {
    Optional<Share> ended =
        store.shares(recordId).stream()
            .filter(s -> s.agency().equals(agency) && !s.inForce())
            .max(Comparator.comparing(s -> s.revokedAt().orElseThrow()));
    if (ended.isPresent()) {
      String by = ended.get().revokedBy().orElse("");
      Instant at = ended.get().revokedAt().orElseThrow();
      return Outcome.rejected(
          Problem.of(
                  "conflict",
                  "agency",
                  "the sharing with " + agency + " was ended already by " + by + " at " + at)
              .worded(REVOKED, agency, by, at));
    }
    return Outcome.rejected(
        "not-found", "agency", "the record is not shared with " + FieldRules.shorten(agency));
  }

  // ---- the liaison officer's desk

  /**
   * Refused unless the actor may change the administration's agreements: agreements are between the
   * administration and a partner, so only the administration's own administrators (and the command
   * line, run by one) record or end them, not a partner agency's.
   */
  private Optional<Problem> administers(Actor actor, String what) {
    if (actor.mayAssignAgency() || actor.agency().equals(administration)) {
      return Optional.empty();
    }
    return Optional.of(
        Problem.of(
            "forbidden",
            "agency",
            "only "
                + administration
                + "'s administrators "
                + what
                + "; your agency is "
                + actor.agency()));
  }

  /** Whether {@code actor} may record and end agreements (on the desk: sees the forms). */
  public boolean mayAdminister(Actor actor) {
    return administers(actor, "").isEmpty();
  }

  /**
   * The agreements {@code actor}'s agency is party to, with who recorded them and how they ended,
   * by partner and the most recent first: all of them for the administration, those with its own
   * agency for a partner (which agreements the administration has with other partners is the
   * administration's to know).
   */
  public List<AgreementEntry> agreementsSeenBy(Actor actor) {
    return store.agreementEntries().stream()
        .filter(
            e ->
                actor.agency().equals(administration)
                    || e.agreement().agency().equals(actor.agency()))
        .sorted(
            Comparator.comparing((AgreementEntry e) -> e.agreement().agency())
                .thenComparing(e -> e.agreement().validFrom(), Comparator.reverseOrder())
                .thenComparing(e -> e.agreement().id(), Comparator.reverseOrder()))
        .toList();
  }

  /**
   * The agencies {@code actor}'s agency exchanges records with: every registered partner for the
   * administration; the administration alone for a partner (sharing runs under the administration's
   * agreements).
   */
  public List<String> partnersOf(Actor actor) {
    if (!actor.agency().equals(administration)) {
      return List.of(administration);
    }
    return agencies.registered().stream().filter(a -> !a.equals(administration)).sorted().toList();
  }

  /** How many records the desk lists on one page of what a partner can read. */
  public static final int DESK_RECORDS = 100;

  /** How many steps the desk lists on one page of a partner's history. */
  public static final int DESK_HISTORY = 50;

  /**
   * The liaison officer's desk for one partner: the agreements the actor's agency is party to; the
   * records of its own that {@code partner} can read now (a page of {@link #DESK_RECORDS}, with how
   * many in all); and the history of the exchange with it (a page of {@link #DESK_HISTORY}, newest
   * first).
   *
   * @param partner the partner to show, or blank for the first one with an agreement (else the
   *     first one)
   * @param today the administration's day the agreements' states are taken on
   */
  public record Desk(
      List<AgreementEntry> agreements,
      List<String> partners,
      String partner,
      List<SharedRecord> readable,
      int readableTotal,
      int readablePage,
      boolean moreReadable,
      List<HistoryEntry> history,
      int historyPage,
      boolean moreHistory,
      LocalDate today) {}

  /**
   * The desk as {@code actor} (a liaison officer or administrator) sees it: only its own agency's
   * records and the agreements it is party to; refused when {@code partner} is not one its agency
   * exchanges with. The read is audited by ids and counts (the partner, how many agreements,
   * records and history steps were shown), never by what the records say.
   */
  public Outcome<Desk> desk(String partner, int readablePage, int historyPage, Actor actor) {
    List<AgreementEntry> seen = agreementsSeenBy(actor);
    List<String> partners = partnersOf(actor);
    String p = partner == null ? "" : partner.strip();
    if (p.isEmpty()) {
      p =
          seen.stream()
              .map(e -> e.agreement().agency())
              .filter(partners::contains)
              .findFirst()
              .orElse(partners.isEmpty() ? "" : partners.get(0));
    } else if (!partners.contains(p)) {
      Problem why =
          agencies.registered().contains(p)
              ? Problem.of(
                  "invalid-value",
                  "agency",
                  actor.agency()
                      + " exchanges records with "
                      + String.join(", ", partners)
                      + ", not with "
                      + p)
              : unknownAgency(p, actor);
      audit.record(
          new AuditEvent(
              clock.instant(),
              actor.username(),
              actor.agency(),
              "sharing.desk.refused",
              "",
              Map.of("agency", FieldRules.shorten(p), "refused", why.code())));
      return new Outcome.Rejected<>(List.of(why));
    }
    List<SharedRecord> readable = List.of();
    List<HistoryEntry> history = List.of();
    int total = 0;
    if (!p.isEmpty()) {
      // one more than is shown, to know whether there is a next page
      readable = store.sharedWith(actor.agency(), p, DESK_RECORDS + 1, readablePage * DESK_RECORDS);
      total = store.countSharedWith(actor.agency(), p);
      history = store.history(actor.agency(), p, DESK_HISTORY + 1, historyPage * DESK_HISTORY);
    }
    Desk d =
        new Desk(
            seen,
            partners,
            p,
            readable.subList(0, Math.min(readable.size(), DESK_RECORDS)),
            total,
            readablePage,
            readable.size() > DESK_RECORDS,
            history.subList(0, Math.min(history.size(), DESK_HISTORY)),
            historyPage,
            history.size() > DESK_HISTORY,
            today());
    Map<String, String> details = new LinkedHashMap<>();
    details.put("agreements", Integer.toString(seen.size()));
    details.put("records", Integer.toString(d.readable().size()));
    details.put("recordsInAll", Integer.toString(total));
    details.put("history", Integer.toString(d.history().size()));
    details.put("recordsPage", Integer.toString(readablePage));
    details.put("historyPage", Integer.toString(historyPage));
    audit.record(
        new AuditEvent(
            clock.instant(),
            actor.username(),
            actor.agency(),
            "sharing.desk.read",
            p.isEmpty() ? "" : "agency:" + p,
            details));
    return Outcome.accepted(d);
  }

  /** The days an agreement's dates may fall on: a typing slip is not an agreement till 9999. */
  static final LocalDate FIRST_DAY = LocalDate.of(1950, 1, 1);

  static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);

  private static Problem outOfRange(String field, LocalDate day) {
    return Problem.of(
            "invalid-value",
            field,
            "expected a day YYYY-MM-DD from " + FIRST_DAY + " to " + LAST_DAY + "; got " + day)
        .worded("day-out-of-range", day, FIRST_DAY, LAST_DAY);
  }

  /** A refused sharing is audited as a done one is: who tried what, and why it was refused. */
  private <T> Outcome<T> refused(
      Outcome<T> o, Actor actor, String action, String subject, Map<String, String> what) {
    if (o instanceof Outcome.Rejected<T> r) {
      Map<String, String> details = new LinkedHashMap<>(what);
      details.put("refused", r.problems().get(0).code());
      details.put("field", r.problems().get(0).field());
      if (r.problems().size() > 1) {
        // a form refused for several fields at once: which, by name
        details.put("fields", String.join(",", r.problems().stream().map(Problem::field).toList()));
      }
      audit.record(
          new AuditEvent(
              clock.instant(), actor.username(), actor.agency(), action, subject, details));
    }
    return o;
  }

  /**
   * No such agency, naming only those {@code actor} may know of: every registered one for the
   * administration (and the command line), its own agency and the administration for a partner's
   * (as {@code GET /api/agencies} shows it), so a refusal lists no agency a partner may not see.
   */
  private Problem unknownAgency(String agency, Actor actor) {
    return Problem.of(
        "unknown-agency",
        "agency",
        "no agency '"
            + FieldRules.shorten(agency == null ? "" : agency)
            + "' is registered (registered: "
            + String.join(", ", seenBy(actor, agencies.registered()))
            + ")");
  }

  /**
   * The agencies of {@code registered} that {@code actor} may know of, sorted: all of them for the
   * administration's users and the command line; its own agency and the administration for a
   * partner agency's.
   */
  public java.util.SortedSet<String> seenBy(Actor actor, Set<String> registered) {
    java.util.SortedSet<String> out = new java.util.TreeSet<>(registered);
    if (!actor.mayAssignAgency() && !actor.agency().equals(administration)) {
      out.retainAll(Set.of(actor.agency(), administration));
    }
    return out;
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
