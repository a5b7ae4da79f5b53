package org.sekisho.targeting.assessment.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sekisho.targeting.criteria.domain.DeclarationView;
import org.sekisho.targeting.criteria.domain.ReferenceList;

/**
 * The criteria in force with the list snapshot they were compiled against: an immutable value, so
 * the same rule book gives the same hits for the same declaration. Its {@link #criteriaVersions()}
 * and {@link #listVersions()} are stored with every assessment.
 */
public final class RuleBook {
  private final ActiveCriterion[] criteria;
  private final String criteriaVersions;
  private final String listVersions;

  public RuleBook(List<ActiveCriterion> criteria, Map<String, ReferenceList> lists) {
    this.criteria = criteria.toArray(ActiveCriterion[]::new);
    List<String> keys = new ArrayList<>();
    for (ActiveCriterion c : criteria) {
      keys.add(c.key());
    }
    this.criteriaVersions = String.join(",", keys);
    Map<String, Integer> lv = new TreeMap<>();
    lists.values().forEach(l -> lv.put(l.name(), l.version()));
    List<String> ls = new ArrayList<>();
    lv.forEach((n, v) -> ls.add(n + "v" + v));
    this.listVersions = String.join(",", ls);
  }

  public static RuleBook empty() {
    return new RuleBook(List.of(), Map.of());
  }

  public String criteriaVersions() {
    return criteriaVersions;
  }

  /**
   * The versions that apply to {@code d} (its office and date within their scope and effective
   * dates): what an assessment of it used. A version released for other offices or another period
   * could not have hit it, and listing it would say it had been weighed. Replaying with these
   * versions gives the same hits.
   */
  public String criteriaVersions(DeclarationView d) {
    StringBuilder out = null;
    for (int i = 0; i < criteria.length; i++) {
      boolean applies = criteria[i].appliesTo(d);
      if (out == null && !applies) {
        // the first one left out: the versions before it all applied
        out = new StringBuilder();
        for (int j = 0; j < i; j++) {
          out.append(out.isEmpty() ? "" : ",").append(criteria[j].key());
        }
      } else if (out != null && applies) {
        out.append(out.isEmpty() ? "" : ",").append(criteria[i].key());
      }
    }
    // most records are in scope of every version: no new string for them
    return out == null ? criteriaVersions : out.toString();
  }

  public String listVersions() {
    return listVersions;
  }

  public List<ActiveCriterion> criteria() {
    return List.of(criteria);
  }

  /** The criteria that hit, in rule-book order. */
  public List<CriterionHit> evaluate(DeclarationView d) {
    List<CriterionHit> hits = null;
    for (ActiveCriterion ac : criteria) {
      if (ac.appliesTo(d) && ac.criterion().hits(d)) {
        if (hits == null) {
          hits = new ArrayList<>(4);
        }
        var c = ac.criterion();
        hits.add(
            new CriterionHit(
                ac.id(),
                ac.version(),
                c.name(),
                c.lane(),
                c.weight(),
                c.samplePercent(),
                c.reason(),
                c.evidence(d)));
      }
    }
    return hits == null ? List.of() : hits;
  }
}
