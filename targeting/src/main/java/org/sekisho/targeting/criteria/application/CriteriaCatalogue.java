package org.sekisho.targeting.criteria.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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

  public CriteriaCatalogue(
      CriteriaStore store,
      ListStore lists,
      CurrentRules rules,
      DeclarationHistory history,
      Clock clock) {
    this.store = store;
    this.lists = lists;
    this.rules = rules;
    this.history = history;
    this.clock = clock;
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
    if (d.effectiveFrom().isPresent()
        && d.effectiveTo().isPresent()
        && d.effectiveTo().get().isBefore(d.effectiveFrom().get())) {
      return Outcome.rejected(
          "invalid-dates", "effectiveTo", "the end date is before the start date");
    }
    if (d.id().isPresent() && store.history(d.id().get()).isEmpty()) {
      return Outcome.rejected("not-found", "id", "criterion " + d.id().get() + " does not exist");
    }
    Criterion crit = c.criteria().get(0);
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
            "");
    return Outcome.accepted(store.saveVersion(d.id(), draft));
  }

  /** Puts a version in force. */
  public Outcome<StoredCriterion> release(long id, int version, String by) {
    Optional<StoredCriterion> v = store.version(id, version);
    if (v.isEmpty()) {
      return Outcome.rejected(
          "not-found", "version", "criterion c" + id + "v" + version + " not found");
    }
    List<Problem> problems =
        check(v.get().source()).stream().map(CriteriaProblem::toProblem).toList();
    if (!problems.isEmpty()) {
      return new Outcome.Rejected<>(problems);
    }
    if (!store.release(id, version, by, clock.instant())) {
      return Outcome.rejected(
          "conflict",
          "version",
          "criterion c"
              + id
              + " was being changed by someone else at the same moment; reload it and release"
              + " again if c"
              + id
              + "v"
              + version
              + " should still be in force");
    }
    rules.reload();
    return Outcome.accepted(store.version(id, version).orElseThrow());
  }

  public Outcome<Long> disable(long id, String by) {
    if (store.history(id).isEmpty()) {
      return Outcome.rejected("not-found", "id", "criterion " + id + " does not exist");
    }
    store.disable(id, by, clock.instant());
    rules.reload();
    return Outcome.accepted(id);
  }

  public List<StoredCriterion> latest() {
    return store.latest();
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
    Criterion crit = c.criteria().get(0);
    Instant from = clock.instant().minus(Duration.ofDays(days));
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
    return Outcome.accepted(new DryRun(days, ds.size(), hits, byOffice, examples));
  }
}
