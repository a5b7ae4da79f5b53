package org.sekisho.targeting.criteria.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sekisho.targeting.selectivity.domain.Lane;

/**
 * One compiled criterion: a small pure function from a declaration to hit or no hit, and what a hit
 * means (a lane and/or a weight) and why.
 *
 * @param name the analyst's title
 * @param lane the lane a hit asks for, if any
 * @param weight added to the risk score on a hit (0–1000)
 * @param samplePercent share of hits selected (1–100; 100 = every hit)
 * @param reason the plain-language reason shown with every hit
 * @param line the line the criterion starts on in its text
 */
public record Criterion(
    String name,
    Optional<Lane> lane,
    int weight,
    int samplePercent,
    String reason,
    Test when,
    int line) {

  /** True when one item (or the declaration, if it has none) satisfies the conditions. */
  public boolean hits(DeclarationView d) {
    List<ItemView> items = d.items();
    if (items.isEmpty()) {
      return when.test(d, ItemView.NONE, null);
    }
    for (int i = 0, n = items.size(); i < n; i++) {
      if (when.test(d, items.get(i), null)) {
        return true;
      }
    }
    return false;
  }

  /** The list matches behind a hit (call only after {@link #hits} returned true). */
  public List<String> evidence(DeclarationView d) {
    List<String> out = new ArrayList<>();
    List<ItemView> items = d.items().isEmpty() ? List.of(ItemView.NONE) : d.items();
    for (ItemView item : items) {
      List<String> ev = new ArrayList<>();
      if (when.test(d, item, ev)) {
        for (String e : ev) {
          if (!out.contains(e)) {
            out.add(e);
          }
        }
      }
    }
    return out;
  }
}
