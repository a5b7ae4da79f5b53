package org.sekisho.targeting.assessment.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.sekisho.core.Outcome;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.core.audit.AuditTrail;
import org.sekisho.targeting.assessment.domain.Assessment;
import org.sekisho.targeting.assessment.domain.Assessor;
import org.sekisho.targeting.assessment.domain.ConsignmentSelection;
import org.sekisho.targeting.assessment.domain.CriterionHit;
import org.sekisho.targeting.assessment.domain.RuleBook;
import org.sekisho.targeting.criteria.domain.DeclarationView;
import org.sekisho.targeting.criteria.domain.TraderHistory;
import org.sekisho.targeting.selectivity.domain.Lane;
import org.sekisho.targeting.selectivity.domain.Selectivity;

/**
 * Assesses records as they arrive: history counters, rule book in force, model score, selectivity,
 * and (for anything not released green) the model's reasons; stores the result once per record.
 */
public final class AssessRecords implements AssessmentRequests {
  private static final System.Logger LOG = System.getLogger(AssessRecords.class.getName());

  /** How many model factors are kept with a referral. */
  public static final int MODEL_REASONS = 3;

  private final DeclarationParser parser;
  private final TraderHistories histories;
  private final Supplier<RuleBook> rules;
  private final RiskScorer model;
  private final Selectivity selectivity;
  private final AssessmentStore store;
  private final VersionedRules versions;
  private final ModelVersions models;
  private final ModelReasons reasons;
  private final AuditTrail audit;
  private final Clock clock;

  /** Who supersedes an assessment, in the audit log. */
  public static final String SYSTEM = "system:targeting";

  /** Why an assessment of a record sent alone gives way, as kept with it. */
  public static final String SUPERSEDED_REASON =
      "the intelligence database stored this record with other content than was sent for"
          + " assessment alone; it was assessed anew";

  /**
   * @param models earlier models by id, so a replay scores with the model the assessment used
   * @param reasons where the model's reasons for a referral are computed: {@link #INLINE} computes
   *     them before the assessment is stored and returned; otherwise they are handed over once the
   *     assessment is stored (exact TreeSHAP takes tens of milliseconds on a large model, far more
   *     than the rest of an assessment) and added to the stored assessment, where analysts read
   *     them
   * @param audit where a system decision is written: an assessment superseded when a record sent
   *     alone is stored with other content
   */
  public AssessRecords(
      DeclarationParser parser,
      TraderHistories histories,
      Supplier<RuleBook> rules,
      RiskScorer model,
      Selectivity selectivity,
      AssessmentStore store,
      VersionedRules versions,
      ModelVersions models,
      ModelReasons reasons,
      AuditTrail audit,
      Clock clock) {
    this.parser = parser;
    this.audit = audit;
    this.histories = histories;
    this.rules = rules;
    this.model = model;
    this.selectivity = selectivity;
    this.store = store;
    this.versions = versions;
    this.models = models;
    this.reasons = reasons;
    this.clock = clock;
  }

  /**
   * Assesses one record given as JSON; a record assessed before gives its stored assessment (a
   * client retrying), unless what is sent now says something else than what was assessed: that is
   * refused as a conflict naming the assessment, never answered with the old result as if it were
   * this one's.
   */
  public Outcome<StoredAssessment> assessJson(String recordKind, String json) {
    return assessParsed(parser.parse(recordKind, json), json);
  }

  /**
   * {@link #assessJson} for a record submitted for assessment alone ({@code POST /api/assess}),
   * which the intelligence database never checked: what its ingest would refuse is refused here
   * (see {@link DeclarationParser#parseSubmitted}).
   *
   * @param entry the audit entry saying what was decided, made of the assessment given (stored now
   *     or before); it is appended before this returns, in the same transaction as the assessment
   *     where the store can; a refused record has none
   */
  public Outcome<StoredAssessment> assessSubmitted(
      String recordKind, String json, SubmittedEntries entries) {
    return switch (parser.parseSubmitted(recordKind, json, java.time.LocalDate.now(clock))) {
      case Outcome.Rejected<DeclarationView> r -> new Outcome.Rejected<>(r.problems());
      case Outcome.Accepted<DeclarationView> a -> {
        AssessmentStore.SavedAlone.Stored s = assessAlone(a.value(), json, entries::assessed);
        if (!s.audited() && !sameRecord(s.assessment(), a.value(), json)) {
          yield conflict(a.value(), s.assessment());
        }
        if (!s.audited()) {
          // sent again: the entry says what the sender is answered now
          audit.record(entries.answeredAgain(s.assessment()));
        }
        yield Outcome.accepted(s.assessment());
      }
    };
  }

  /**
   * The audit entries of {@link #assessSubmitted}, made by the caller (who sent it, from where).
   */
  public interface SubmittedEntries {
    /** The entry for a record assessed now, made before it is stored (no id yet). */
    AuditEvent assessed(Assessment a);

    /** The entry for a record assessed before and sent again: answered with what is stored. */
    AuditEvent answeredAgain(StoredAssessment before);
  }

  private Outcome<StoredAssessment> assessParsed(Outcome<DeclarationView> parsed, String json) {
    return switch (parsed) {
      case Outcome.Rejected<DeclarationView> r -> new Outcome.Rejected<>(r.problems());
      case Outcome.Accepted<DeclarationView> a -> {
        StoredAssessment s = assess(a.value(), json);
        yield sameRecord(s, a.value(), json) ? Outcome.accepted(s) : conflict(a.value(), s);
      }
    };
  }

  private static Outcome<StoredAssessment> conflict(DeclarationView sent, StoredAssessment s) {
    return Outcome.rejected(
        "conflict",
        "record",
        sent.key()
            + " was assessed before (assessment "
            + s.id()
            + ") with other content; an amended record needs a new id");
  }

  /**
   * Assesses a record sent alone and stores the assessment with its audit entry in one round trip
   * where the store can: the traders' counters are those the store saw last, checked as the
   * assessment is stored, and read afresh only when they have moved. After a few moves in a row
   * (traders very busy at that moment) it is stored without the check, with the counters as last
   * read, as any assessment was before the check existed.
   */
  private AssessmentStore.SavedAlone.Stored assessAlone(
      DeclarationView parsed, String json, Function<Assessment, AuditEvent> entry) {
    for (int attempt = 0; ; attempt++) {
      AssessmentInputs.Inputs in = attempt == 0 ? standing(parsed) : inputs(parsed);
      DeclarationView d = parsed.withHistory(in.history());
      // one model for score and reasons, even if another is released meanwhile
      RiskScorer m = model.snapshot();
      AssessmentStore.NewAssessment n =
          toStore(
              Assessor.assess(d, rules.get(), m.score(d), selectivity, in.consignment()),
              m,
              d,
              json,
              clock.instant());
      AssessmentStore.SavedAlone saved =
          attempt < MOST_CHECKED_ATTEMPTS
              ? store.saveAlone(n, entry.apply(n.assessment()))
              : new AssessmentStore.SavedAlone.Stored(
                  store.saveIfAbsent(n.assessment(), d, json, n.at(), n.exactReasonsFollow(), true),
                  false);
      if (saved instanceof AssessmentStore.SavedAlone.Stored s) {
        if (s.assessment().assessment() == n.assessment()) {
          if (!s.audited()) {
            // a store that cannot append the entry with the assessment leaves it to us
            audit.record(entry.apply(n.assessment()));
          }
          if (n.exactReasonsFollow()) {
            reasons.later(new ModelReasons.Referral(s.assessment().id(), m, d));
          }
          carryOverToDeclarations(List.of(s.assessment()), n.at());
          return new AssessmentStore.SavedAlone.Stored(s.assessment(), true);
        }
        return s; // assessed before: not audited yet
      }
    }
  }

  /** Times a record sent alone is assessed on counters that moved before it is stored unchecked. */
  private static final int MOST_CHECKED_ATTEMPTS = 3;

  /**
   * Whether a stored assessment is of the record just sent (the same text, or the same reading).
   */
  private boolean sameRecord(StoredAssessment s, DeclarationView sent, String json) {
    if (s.json().equals(json)) {
      return true;
    }
    Outcome<DeclarationView> stored = parser.parse(sent.recordKind(), s.json());
    return stored.isAccepted()
        && stored.orElseThrow().withHistory(null).equals(sent.withHistory(null));
  }

  /**
   * Assesses a parsed record (idempotent by record key: a record assessed before gives its stored
   * assessment). A referral's model reasons are part of the result when {@code reasons} runs
   * inline; otherwise they follow in the stored assessment moments later.
   */
  public StoredAssessment assess(DeclarationView parsed, String json) {
    AssessmentInputs.Inputs in = inputs(parsed);
    DeclarationView d = parsed.withHistory(in.history());
    Optional<ConsignmentSelection> consignment = in.consignment();
    // one model for score and reasons, even if another is released meanwhile
    RiskScorer m = model.snapshot();
    AssessmentStore.NewAssessment n =
        toStore(
            Assessor.assess(d, rules.get(), m.score(d), selectivity, consignment),
            m,
            d,
            json,
            clock.instant());
    StoredAssessment s =
        store.saveIfAbsent(n.assessment(), d, json, n.at(), n.exactReasonsFollow(), false);
    if (s.assessment() == n.assessment()) {
      if (n.exactReasonsFollow()) {
        reasons.later(new ModelReasons.Referral(s.id(), m, d));
      }
      carryOverToDeclarations(List.of(s), n.at());
    }
    return s;
  }

  /**
   * An assessment as it is stored: a referral scored by a model carries the model's reasons, exact
   * when {@code reasons} runs inline; otherwise the quick reasons (microseconds), which go out with
   * the answer and wait for the exact ones to replace them.
   */
  private AssessmentStore.NewAssessment toStore(
      Assessment a, RiskScorer m, DeclarationView d, String json, java.time.Instant at) {
    if (a.lane() == Lane.GREEN || a.modelVersion().isEmpty()) {
      return new AssessmentStore.NewAssessment(a, d, json, at, false);
    }
    if (reasons instanceof Inline) {
      return new AssessmentStore.NewAssessment(
          a.withModelReasons(m.explain(d, MODEL_REASONS)), d, json, at, false);
    }
    return new AssessmentStore.NewAssessment(
        a.withModelReasons(m.quickReasons(d, MODEL_REASONS)), d, json, at, true);
  }

  /**
   * Assesses a stored batch in order with the result {@link #assess} one by one would give, in
   * three round trips instead of two or three per record: which records were assessed before, the
   * traders' counters as they stand, and one statement that stores the new assessments and moves
   * the counters on. A record's history counts the earlier declarations of the same traders in this
   * batch, as it would have had they been stored one at a time.
   */
  @Override
  public void assessAll(List<Request> requests) {
    List<DeclarationView> todo = new ArrayList<>(requests.size());
    java.util.Map<String, String> jsonByKey = new java.util.HashMap<>();
    for (Request r : requests) {
      switch (parser.parse(r.recordKind(), r.declarationJson())) {
        case Outcome.Rejected<DeclarationView> bad -> notAssessed(r, bad.problems());
        case Outcome.Accepted<DeclarationView> ok -> {
          if (jsonByKey.putIfAbsent(ok.value().key(), r.declarationJson()) == null) {
            todo.add(ok.value());
          }
        }
      }
    }
    java.util.Set<String> before = store.assessedAmong(jsonByKey.keySet());
    // a record assessed when sent alone and stored now with other content is assessed anew: what
    // was assessed is not what was declared
    java.util.Map<String, StoredAssessment> alone =
        before.isEmpty() ? java.util.Map.of() : store.assessedAlone(before);
    java.util.Map<String, AssessmentStore.Superseded> superseding = new java.util.HashMap<>();
    for (DeclarationView d : todo) {
      StoredAssessment lone = alone.get(d.key());
      if (lone != null && !sameRecord(lone, d, jsonByKey.get(d.key()))) {
        superseding.put(d.key(), new AssessmentStore.Superseded(lone.id(), SUPERSEDED_REASON));
      }
    }
    todo.removeIf(d -> before.contains(d.key()) && !superseding.containsKey(d.key()));
    java.util.Set<String> same = new java.util.HashSet<>(before);
    same.removeAll(superseding.keySet());
    if (!same.isEmpty()) {
      // any of them assessed when sent alone are stored by the intelligence database now
      store.storedInIntelligence(same);
    }
    if (todo.isEmpty()) {
      return;
    }
    List<TraderHistory> counted = histories.ofAll(todo);
    java.util.Set<String> bills = new java.util.HashSet<>();
    todo.forEach(d -> billOf(d).ifPresent(bills::add));
    java.util.Map<String, ConsignmentSelection> consignments =
        bills.isEmpty() ? java.util.Map.of() : store.consignments(bills);
    RiskScorer m = model.snapshot();
    RuleBook book = rules.get();
    BatchCounters inBatch = new BatchCounters();
    java.time.Instant at = clock.instant();
    List<AssessmentStore.NewAssessment> assessed = new ArrayList<>(todo.size());
    java.util.Map<String, DeclarationView> referred = new java.util.HashMap<>();
    for (int i = 0; i < todo.size(); i++) {
      DeclarationView d = todo.get(i).withHistory(inBatch.countIn(todo.get(i), counted.get(i)));
      AssessmentStore.NewAssessment n =
          toStore(
              Assessor.assess(d, book, m.score(d), selectivity, billOf(d).map(consignments::get)),
              m,
              d,
              jsonByKey.get(d.key()),
              at);
      assessed.add(n);
      if (n.exactReasonsFollow()) {
        referred.put(d.key(), d);
      }
    }
    List<StoredAssessment> stored = store.saveAllIfAbsent(assessed, superseding);
    for (StoredAssessment s : stored) {
      AssessmentStore.Superseded old = superseding.get(s.assessment().recordKey());
      if (old != null) {
        audit.record(
            new AuditEvent(
                at,
                SYSTEM,
                "",
                "targeting.assessment.supersede",
                "assessment:" + old.id(),
                java.util.Map.of(
                    "record", s.assessment().recordKey(),
                    "supersededBy", "assessment:" + s.id(),
                    "lane", s.assessment().lane().code(),
                    "reason", old.reason())));
      }
    }
    for (StoredAssessment s : stored) {
      DeclarationView d = referred.get(s.assessment().recordKey());
      if (d != null) {
        reasons.later(new ModelReasons.Referral(s.id(), m, d));
      }
    }
    carryOverToDeclarations(stored, at);
  }

  /**
   * Consignments selected now whose goods were declared before: their declarations, assessed
   * already, are raised to the consignment's lane (one statement for all of them).
   */
  private void carryOverToDeclarations(List<StoredAssessment> stored, java.time.Instant at) {
    List<ConsignmentSelection> selected = new ArrayList<>();
    for (StoredAssessment s : stored) {
      Assessment a = s.assessment();
      if (a.lane() != Lane.GREEN
          && DeclarationView.kindOf(a.recordKey()).equals("transport-document")) {
        selected.add(new ConsignmentSelection(a.recordKey(), s.id(), a.lane()));
      }
    }
    if (!selected.isEmpty()) {
      store.carryOver(selected, at);
    }
  }

  /**
   * A record's traders' counters and its consignment's carried lane: in one look-up when the
   * histories' store can give both (the assessment API's path), else one look-up each.
   */
  private AssessmentInputs.Inputs standing(DeclarationView parsed) {
    return histories instanceof AssessmentInputs both
        ? both.standing(parsed, billOf(parsed))
        : inputs(parsed);
  }

  private AssessmentInputs.Inputs inputs(DeclarationView parsed) {
    Optional<String> key = billOf(parsed);
    if (histories instanceof AssessmentInputs both) {
      return both.inputs(parsed, key);
    }
    return new AssessmentInputs.Inputs(
        histories.of(parsed),
        key.flatMap(k -> Optional.ofNullable(store.consignments(Set.of(k)).get(k))));
  }

  /**
   * The number of the transport document a declaration declares the goods of, as targeting compares
   * them (upper case, NFKC: {@code mscu123} and {@code ＭＳＣＵ123} are one B/L); empty for other
   * records and for a declaration that names none.
   */
  private static Optional<String> billOf(DeclarationView d) {
    return d.recordKind().equals("declaration") && !d.transportDocument().isEmpty()
        ? Optional.of(d.transportDocument())
        : Optional.empty();
  }

  /**
   * Earlier declarations of the same declarant or importer within one batch, added to the counters
   * read before the batch (which do not include them yet).
   */
  private static final class BatchCounters {
    private final java.util.Map<String, Long> declarants = new java.util.HashMap<>();
    private final java.util.Map<String, Long> importers = new java.util.HashMap<>();

    TraderHistory countIn(DeclarationView d, TraderHistory stored) {
      String dec = d.declarant().traderKey();
      String imp = d.importer().traderKey();
      long decBefore = dec.isEmpty() ? 0 : declarants.getOrDefault(dec, 0L);
      long impBefore = imp.isEmpty() ? 0 : importers.getOrDefault(imp, 0L);
      if (!dec.isEmpty()) {
        declarants.merge(dec, 1L, Long::sum);
      }
      if (!imp.isEmpty()) {
        importers.merge(imp, 1L, Long::sum);
      }
      return new TraderHistory(
          stored.declarantDeclarations() + decBefore,
          stored.declarantInfractions(),
          stored.importerDeclarations() + impBefore,
          stored.importerInfractions());
    }
  }

  /**
   * Referrals stored without their model reasons that nobody is explaining (see {@link
   * AssessmentStore#waitingForModelReasons}), each with the model that scored it: the one in use
   * when it is that model, else the registry's copy. A referral whose model or record can no longer
   * be read is given no reasons (logged), so that it stops waiting.
   */
  public List<ModelReasons.Referral> waitingForModelReasons(int max) {
    List<ModelReasons.Referral> out = new ArrayList<>();
    RiskScorer current = model.snapshot();
    java.util.Map<String, Optional<RiskScorer>> byVersion = new java.util.HashMap<>();
    for (StoredAssessment s : store.waitingForModelReasons(max)) {
      Assessment was = s.assessment();
      Outcome<DeclarationView> parsed =
          parser.parse(DeclarationView.kindOf(was.recordKey()), s.json());
      if (!parsed.isAccepted()) {
        giveUp(s, "its record no longer parses: " + parsed.problems());
        continue;
      }
      DeclarationView d = parsed.orElseThrow().withHistory(s.history());
      String version = was.modelVersion();
      Optional<RiskScorer> m =
          byVersion.computeIfAbsent(
              version,
              v ->
                  current.score(d).modelVersion().equals(v)
                      ? Optional.of(current)
                      : models.scorer(v));
      if (m.isEmpty()) {
        giveUp(s, "model " + version + " is not known any more");
        continue;
      }
      out.add(new ModelReasons.Referral(s.id(), m.get(), d));
    }
    return out;
  }

  private void giveUp(StoredAssessment s, String why) {
    LOG.log(System.Logger.Level.WARNING, "assessment {0} gets no model reasons: {1}", s.id(), why);
    store.addModelReasons(s.id(), List.of());
  }

  /** Computes a referral's model reasons before the assessment is stored and returned. */
  public static final ModelReasons INLINE = new Inline();

  private static final class Inline implements ModelReasons {
    @Override
    public void later(Referral r) {
      throw new IllegalStateException("inline reasons are computed before storing");
    }
  }

  /**
   * One stored record, as {@link #assessAll} assesses a batch: an earlier assessment of it made
   * when it was sent alone with other content is superseded.
   */
  @Override
  public void assess(String recordKind, String sourceId, String declarationJson) {
    assessAll(List.of(new Request(recordKind, sourceId, declarationJson)));
  }

  private static void notAssessed(Request r, List<org.sekisho.core.Problem> problems) {
    LOG.log(
        System.Logger.Level.WARNING,
        "record {0}:{1} not assessed: {2}",
        r.recordKind(),
        r.sourceId(),
        problems);
  }

  /**
   * An assessment as stored, with the record it was made of as submitted (JSON); empty for no such
   * id.
   */
  public Optional<StoredAssessment> stored(long id) {
    return store.byId(id);
  }

  /**
   * Recomputes a stored assessment with the criteria and list versions it names, the history
   * counters it used and the model it recorded (the current one when that model is not known), and
   * says whether the result is the same.
   */
  public Outcome<Replay> replay(long id) {
    Optional<StoredAssessment> s = store.byId(id);
    if (s.isEmpty()) {
      return Outcome.rejected("not-found", "id", "assessment " + id + " not found");
    }
    Assessment was = s.get().assessment();
    Optional<RuleBook> book = versions.of(was.criteriaVersions(), was.listVersions());
    if (book.isEmpty()) {
      return Outcome.rejected(
          "not-found", "versions", "a criteria or list version used by this assessment is gone");
    }
    Outcome<DeclarationView> parsed =
        parser.parse(DeclarationView.kindOf(was.recordKey()), s.get().json());
    if (!parsed.isAccepted()) {
      return new Outcome.Rejected<>(parsed.problems());
    }
    DeclarationView d = parsed.orElseThrow().withHistory(s.get().history());
    List<CriterionHit> hits = book.get().evaluate(d);
    RiskScorer m =
        was.modelVersion().isEmpty()
            ? RiskScorer.NONE
            : models.scorer(was.modelVersion()).orElse(model.snapshot());
    var ms = m.score(d);
    double score = Assessor.score(ms.probability(), hits);
    List<String> diffs = new ArrayList<>();
    if (!ms.modelVersion().equals(was.modelVersion())) {
      diffs.add("model " + was.modelVersion() + " is now " + ms.modelVersion());
    }
    if (Double.compare(score, was.score()) != 0) {
      diffs.add("score " + was.score() + " is now " + score);
    }
    if (!hits.equals(was.hits())) {
      diffs.add("criteria hits differ");
    }
    if (Assessor.criteriaLane(hits) != was.criteriaLane()) {
      diffs.add("criteria lane differs");
    }
    return Outcome.accepted(
        new Replay(diffs.isEmpty(), score, hits.stream().map(CriterionHit::key).toList(), diffs));
  }
}
