package org.sekisho.targeting.criteria.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.targeting.criteria.domain.CriteriaLanguage;
import org.sekisho.targeting.criteria.domain.CriteriaProblem;
import org.sekisho.targeting.criteria.domain.Criterion;
import org.sekisho.targeting.criteria.domain.DeclarationView;

/**
 * Analysts' criteria: check, save (a new draft version each time), dry run, release (by an
 * administrator) and disable. A text with any problem is never saved.
 */
public final class CriteriaCatalogue {
  /** Most declarations a dry run examines. */
  public static final int DRY_RUN_LIMIT = 200_000;

  private final CriteriaStore store;
  private final ListStore lists;
  private final CurrentRules rules;
  private final DeclarationHistory history;
  private final Clock clock;
  private final ZoneId zone;

  /** A time as targeting's pages write it: in the administration's zone, to the minute. */
  private static final java.time.format.DateTimeFormatter TIME =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", java.util.Locale.ENGLISH);

  /**
   * @param zone the administration's zone: the calendar in which "today" is read against a
   *     criterion's effective dates
   */
  public CriteriaCatalogue(
      CriteriaStore store,
      ListStore lists,
      CurrentRules rules,
      DeclarationHistory history,
      Clock clock,
      ZoneId zone) {
    this.store = store;
    this.lists = lists;
    this.rules = rules;
    this.history = history;
    this.clock = clock;
    this.zone = zone;
  }

  /** The clock's date in the administration's zone. */
  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), zone);
  }

  /**
   * The criterion, not disabled, whose newest version or version in force bears {@code name} (any
   * case, spaces collapsed); empty when none does. Two criteria of one name would both be in force,
   * each counted in an assessment as if a different rule; a draft renaming a criterion keeps its
   * version in force, whose name stays taken until the draft is released.
   */
  public Optional<StoredCriterion> namesake(String name) {
    return namesake(name, Optional.empty());
  }

  /** {@link #namesake(String)} other than the criterion {@code except} (one being renamed). */
  private Optional<StoredCriterion> namesake(String name, Optional<Long> except) {
    String wanted = sameName(name);
    java.util.Map<Long, CriterionState.Disabled> disabled = store.disabled();
    // latest() gives each criterion's newest version and its version in force
    for (StoredCriterion c : store.latest()) {
      if (!disabled.containsKey(c.id())
          && !except.equals(Optional.of(c.id()))
          && sameName(c.name()).equals(wanted)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * The criterion named in {@code source} that {@link #namesake} finds, other than {@code except}
   * (the criterion a new version is saved for); empty when none.
   */
  public Optional<StoredCriterion> namesakeOf(String source, Optional<Long> except) {
    CriteriaLanguage.Compiled c = CriteriaLanguage.compileOne(source, lists.all());
    return c.ok() ? namesake(c.criteria().get(0).name(), except) : Optional.empty();
  }

  private static String sameName(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
  }

  /** What to save. */
  public record Draft(
      Optional<Long> id,
      String source,
      Set<String> offices,
      Optional<LocalDate> effectiveFrom,
      Optional<LocalDate> effectiveTo) {}

  /** Parses and type-checks without saving. */
  public List<CriteriaProblem> check(String source) {
    return CriteriaLanguage.compileOne(source, lists.all()).problems();
  }

  /** Saves a checked draft version; refused with line/column problems when the text is wrong. */
  public Outcome<StoredCriterion> save(Draft d, String owner) {
    CriteriaLanguage.Compiled c = CriteriaLanguage.compileOne(d.source(), lists.all());
    if (!c.ok()) {
      return new Outcome.Rejected<>(c.problems().stream().map(CriteriaProblem::toProblem).toList());
    }
    List<Problem> offices = officeProblems(d.offices());
    if (!offices.isEmpty()) {
      return new Outcome.Rejected<>(offices);
    }
    if (d.effectiveFrom().isPresent()
        && d.effectiveTo().isPresent()
        && d.effectiveTo().get().isBefore(d.effectiveFrom().get())) {
      return Outcome.rejected(
          Problem.of("invalid-dates", "effectiveTo", "the end date is before the start date")
              .worded("dates"));
    }
    LocalDate today = today();
    if (d.effectiveTo().isPresent() && d.effectiveTo().get().isBefore(today)) {
      // refused, not saved with a warning: a version whose period is over could never be in force
      return Outcome.rejected(
          Problem.of(
                  "invalid-dates",
                  "effectiveTo",
                  "the effective period ended on "
                      + d.effectiveTo().get()
                      + " (today is "
                      + today
                      + "): a version saved now would never be in force; give an end date of"
                      + " today or later, or none")
              .worded("criteria.period-over", d.effectiveTo().get(), today));
    }
    if (d.id().isPresent() && store.history(d.id().get()).isEmpty()) {
      return Outcome.rejected(
          Problem.of("not-found", "id", "criterion " + d.id().get() + " does not exist")
              .worded("no-criterion", d.id().get()));
    }
    Criterion crit = c.criteria().get(0);
    Optional<StoredCriterion> same = namesake(crit.name(), d.id());
    if (same.isPresent() && d.id().isPresent()) {
      // a new version renaming its criterion to another's name: two rules of one name in force
      return Outcome.rejected(
          Problem.of(
                  "conflict",
                  "name",
                  "a criterion named \""
                      + same.get().name()
                      + "\" exists already (c"
                      + same.get().id()
                      + ", newest version "
                      + same.get().key()
                      + "); give this version of c"
                      + d.id().get()
                      + " a name no other criterion in use bears")
              .worded(
                  "name-taken-rename",
                  same.get().name(),
                  same.get().id(),
                  same.get().key(),
                  d.id().get()));
    }
    if (same.isPresent()) {
      return Outcome.rejected(
          Problem.of(
                  "conflict",
                  "name",
                  "a criterion named \""
                      + same.get().name()
                      + "\" exists already (c"
                      + same.get().id()
                      + ", newest version "
                      + same.get().key()
                      + "); send its id ("
                      + same.get().id()
                      + ") to save a new version of it, or give this one another name")
              .worded(
                  "name-taken",
                  same.get().name(),
                  same.get().id(),
                  same.get().key(),
                  same.get().id()));
    }
    StoredCriterion draft =
        new StoredCriterion(
            0,
            0,
            crit.name(),
            d.source(),
            owner,
            d.offices(),
            d.effectiveFrom(),
            d.effectiveTo(),
            StoredCriterion.Status.DRAFT,
            clock.instant(),
            "",
            Optional.empty());
    return Outcome.accepted(store.saveVersion(d.id(), draft));
  }

  /** Puts a version in force. */
  public Outcome<StoredCriterion> release(long id, int version, String by) {
    Optional<StoredCriterion> v = store.version(id, version);
    if (v.isEmpty()) {
      return Outcome.rejected(
          Problem.of("not-found", "version", "criterion c" + id + "v" + version + " not found")
              .worded("no-version", id, version));
    }
    if (v.get().status() == StoredCriterion.Status.RELEASED) {
      // releasing again would change nothing but who and when it says released it
      return Outcome.rejected(releasedAlready(v.get()));
    }
    LocalDate today = today();
    if (v.get().effectiveTo().isPresent() && v.get().effectiveTo().get().isBefore(today)) {
      return Outcome.rejected(
          Problem.of(
                  "conflict",
                  "effectiveTo",
                  "criterion c"
                      + id
                      + "v"
                      + version
                      + " is effective until "
                      + v.get().effectiveTo().get()
                      + ", which is over (today is "
                      + today
                      + "): released, it would never be in force; save a version with a later"
                      + " effectiveTo and release that")
              .worded("criteria.period-over", v.get().effectiveTo().get(), today));
    }
    List<Problem> problems =
        check(v.get().source()).stream().map(CriteriaProblem::toProblem).toList();
    if (!problems.isEmpty()) {
      return new Outcome.Rejected<>(problems);
    }
    // its name may have been taken meanwhile (while this one was disabled, or by a draft saved
    // before this version was): two rules of one name in force cannot be told apart
    Optional<StoredCriterion> same = namesake(v.get().name(), Optional.of(id));
    if (same.isPresent()) {
      return Outcome.rejected(
          Problem.of(
                  "conflict",
                  "name",
                  "criterion c"
                      + id
                      + "v"
                      + version
                      + " is named \""
                      + v.get().name()
                      + "\", as c"
                      + same.get().id()
                      + " is ("
                      + same.get().key()
                      + "); save a version of c"
                      + id
                      + " under another name and release that")
              .worded(
                  "name-taken-release",
                  id,
                  version,
                  v.get().name(),
                  same.get().id(),
                  same.get().key()));
    }
    if (!store.release(id, version, by, clock.instant())) {
      return Outcome.rejected(
          Problem.of(
                  "conflict",
                  "version",
                  "criterion c"
                      + id
                      + " was being changed by someone else at the same moment; reload it and"
                      + " release again if c"
                      + id
                      + "v"
                      + version
                      + " should still be in force")
              .worded("release-race", id, version));
    }
    rules.reload();
    return Outcome.accepted(store.version(id, version).orElseThrow());
  }

  /**
   * Why {@code v}, released, cannot be released again: who released it and when, the time in the
   * administration's zone to the minute as pages write times ({@code 2026-11-30 00:36 JST}). The
   * wording quotes the time as an instant, so that each language writes it; a version released
   * before who and when were kept is worded without them.
   */
  private Problem releasedAlready(StoredCriterion v) {
    String head = "criterion " + v.key() + " is in force already: released by ";
    if (v.releasedBy().isEmpty()) {
      return Problem.of("conflict", "version", head + "someone not recorded")
          .worded("released-already-unrecorded", v.id(), v.version());
    }
    if (v.releasedAt().isEmpty()) {
      return Problem.of("conflict", "version", head + v.releasedBy())
          .worded("released-already-untimed", v.id(), v.version(), v.releasedBy());
    }
    Instant at = v.releasedAt().get();
    return Problem.of("conflict", "version", head + v.releasedBy() + " at " + minute(at))
        .worded("released-already", v.id(), v.version(), v.releasedBy(), at);
  }

  /**
   * Why criterion {@code id}, disabled, cannot be disabled again: who disabled it, when (as {@link
   * #releasedAlready} writes times) and why; worded without them for one disabled before they were
   * kept.
   */
  private Problem disabledAlready(long id, CriterionState.Disabled d) {
    String tail = "; releasing a version of it puts it back in force";
    if (d.by().isEmpty() || d.at().isEmpty()) {
      return Problem.of(
              "conflict",
              "id",
              "criterion c" + id + " is disabled already: by someone not recorded" + tail)
          .worded("disabled-already-unrecorded", id);
    }
    Instant at = d.at().get();
    return Problem.of(
            "conflict",
            "id",
            "criterion c"
                + id
                + " is disabled already: by "
                + d.by()
                + " at "
                + minute(at)
                + " ("
                + d.reason()
                + ")"
                + tail)
        .worded("disabled-already", id, d.by(), at, d.reason());
  }

  /** {@code at} in the administration's zone, to the minute: {@code 2026-11-30 00:36 JST}. */
  private String minute(Instant at) {
    return TIME.format(at.atZone(zone));
  }

  /** Shortest reason accepted for disabling a criterion. */
  public static final int MIN_REASON = 5;

  /**
   * Takes a criterion out of force at once, with a reason (at least {@value #MIN_REASON}
   * characters) that is kept with who disabled it and when; releasing a version puts it back.
   * Accepted with the version it names: the one that was in force, else the newest (what the audit
   * log files the disabling under, as it files that version's saving and release).
   */
  public Outcome<StoredCriterion> disable(long id, String by, String reason) {
    String r = reason == null ? "" : reason.strip();
    if (r.length() < MIN_REASON) {
      return Outcome.rejected(
          Problem.of(
                  "reason-required",
                  "reason",
                  "say why the criterion is disabled, in at least " + MIN_REASON + " characters")
              .worded("reason-required", MIN_REASON));
    }
    if (r.length() > 2000) {
      return Outcome.rejected(
          Problem.of("invalid-reason", "reason", "longer than 2000 characters")
              .worded("longer", 2000));
    }
    List<StoredCriterion> versions = store.history(id);
    if (versions.isEmpty()) {
      return Outcome.rejected(
          Problem.of("not-found", "id", "criterion " + id + " does not exist")
              .worded("no-criterion", id));
    }
    StoredCriterion named =
        versions.stream()
            .filter(v -> v.status() == StoredCriterion.Status.RELEASED)
            .findFirst()
            .orElse(versions.get(0));
    CriterionState.Disabled already = store.disabled().get(id);
    if (already != null) {
      // disabling again would overwrite who disabled it, when and why
      return Outcome.rejected(disabledAlready(id, already));
    }
    if (!store.disable(id, by, clock.instant(), r)) {
      return Outcome.rejected(
          Problem.of(
                  "conflict",
                  "id",
                  "criterion c"
                      + id
                      + " was being changed by someone else at the same moment; reload it")
              .worded("disable-race", id));
    }
    rules.reload();
    return Outcome.accepted(named);
  }

  public List<StoredCriterion> latest() {
    return store.latest();
  }

  /**
   * Where each criterion stands today (in force, released for later, ended, disabled, not in
   * force), by id.
   */
  public java.util.Map<Long, CriterionState> states() {
    LocalDate today = today();
    java.util.Map<Long, CriterionState.Disabled> disabled = store.disabled();
    java.util.Map<Long, CriterionState> out = new TreeMap<>();
    for (StoredCriterion c : store.latest()) {
      CriterionState before = out.get(c.id());
      Optional<StoredCriterion> inForce =
          c.status() == StoredCriterion.Status.RELEASED
              ? Optional.of(c)
              : before == null ? Optional.empty() : before.inForce();
      out.put(
          c.id(),
          new CriterionState(
              c.id(),
              inForce,
              inForce.isPresent() ? Optional.empty() : Optional.ofNullable(disabled.get(c.id())),
              today));
    }
    return out;
  }

  /**
   * An office a criterion may be limited to: a UN/LOCODE of a real country, with an optional suffix
   * naming a unit of it ({@code JPYOK}, {@code JPNRT-MAIL}, {@code JPTYO-AIR}), or the digits of an
   * office number as some administrations write them (the Korea Customs file's {@code 30}).
   */
  public static boolean isOfficeCode(String office) {
    if (office.matches("\\d{1,10}")) {
      return true;
    }
    if (office.length() > 35 || !office.matches("[A-Z]{2}[A-Z2-9]{3}(-[A-Z0-9]+)*")) {
      return false;
    }
    return org.sekisho.core.UnLocode.isValid(office.substring(0, 5));
  }

  private static List<Problem> officeProblems(Set<String> offices) {
    List<Problem> out = new ArrayList<>();
    for (String o : new java.util.TreeSet<>(offices)) {
      if (!isOfficeCode(o)) {
        out.add(
            Problem.of(
                    "invalid-office",
                    "offices",
                    "'"
                        + o
                        + "' is no office code: expected a UN/LOCODE with an optional unit, like"
                        + " JPYOK or JPNRT-MAIL, or an office number")
                .worded("office", o));
      }
    }
    return out;
  }

  public List<StoredCriterion> history(long id) {
    return store.history(id);
  }

  /**
   * What {@code source} would have hit among the records assessed over the last {@code days} days
   * (of the criterion's {@code offices} when it is limited to some, as it would be in force).
   * Refused like {@link #save} when the text is wrong.
   */
  public Outcome<DryRun> dryRun(String source, int days, Set<String> offices) {
    CriteriaLanguage.Compiled c = CriteriaLanguage.compileOne(source, lists.all());
    if (!c.ok()) {
      return new Outcome.Rejected<>(c.problems().stream().map(CriteriaProblem::toProblem).toList());
    }
    List<Problem> bad = officeProblems(offices);
    if (!bad.isEmpty()) {
      return new Outcome.Rejected<>(bad);
    }
    Criterion crit = c.criteria().get(0);
    Instant to = clock.instant();
    Instant from = to.minus(Duration.ofDays(days));
    List<DeclarationView> ds = history.assessedSince(from, offices, DRY_RUN_LIMIT);
    int hits = 0;
    TreeMap<String, Integer> byOffice = new TreeMap<>();
    List<DryRun.Example> examples = new ArrayList<>();
    for (DeclarationView d : ds) {
      if (crit.hits(d)) {
        hits++;
        byOffice.merge(d.office(), 1, Integer::sum);
        if (examples.size() < 20) {
          examples.add(
              new DryRun.Example(
                  d.key(),
                  d.office(),
                  d.date() == null ? "" : d.date().toString(),
                  crit.evidence(d)));
        }
      }
    }
    return Outcome.accepted(new DryRun(days, from, to, ds.size(), hits, byOffice, examples));
  }
}
