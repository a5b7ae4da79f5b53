package org.sekisho.targeting.criteria.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.sekisho.targeting.assessment.domain.ActiveCriterion;
import org.sekisho.targeting.assessment.domain.RuleBook;
import org.sekisho.targeting.criteria.domain.CriteriaLanguage;
import org.sekisho.targeting.criteria.domain.ReferenceList;

/**
 * The rule book in force: released criteria compiled against the current lists. Rebuilt after every
 * release, disable or list change; readers get an immutable snapshot without locking.
 */
public final class CurrentRules {
  private final CriteriaStore criteria;
  private final ListStore lists;
  private final AtomicReference<RuleBook> book = new AtomicReference<>(RuleBook.empty());
  private final AtomicReference<List<String>> unloadable = new AtomicReference<>(List.of());

  public CurrentRules(CriteriaStore criteria, ListStore lists) {
    this.criteria = criteria;
    this.lists = lists;
  }

  public RuleBook book() {
    return book.get();
  }

  /** Released versions that no longer compile (should not happen: lists keep their kind). */
  public List<String> unloadable() {
    return unloadable.get();
  }

  /** Rebuilds the rule book from the store; call after any change. */
  public synchronized RuleBook reload() {
    Map<String, ReferenceList> ls = lists.all();
    List<StoredCriterion> released = new ArrayList<>(criteria.released());
    released.sort(Comparator.comparingLong(StoredCriterion::id));
    List<String> bad = new ArrayList<>();
    RuleBook b = build(released, ls, bad);
    unloadable.set(List.copyOf(bad));
    book.set(b);
    return b;
  }

  /** A rule book of the given versions and lists (dry runs, replays). */
  public RuleBook build(List<StoredCriterion> versions, Map<String, ReferenceList> ls) {
    return build(versions, ls, new ArrayList<>());
  }

  private static RuleBook build(
      List<StoredCriterion> versions, Map<String, ReferenceList> ls, List<String> bad) {
    List<ActiveCriterion> active = new ArrayList<>();
    for (StoredCriterion s : versions) {
      CriteriaLanguage.Compiled c = CriteriaLanguage.compileOne(s.source(), ls);
      if (c.ok()) {
        active.add(
            new ActiveCriterion(
                s.id(),
                s.version(),
                c.criteria().get(0),
                s.offices(),
                s.effectiveFrom(),
                s.effectiveTo()));
      } else {
        bad.add(s.key() + ": " + c.problems().get(0));
      }
    }
    return new RuleBook(active, ls);
  }
}
