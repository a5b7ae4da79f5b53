package org.sekisho.targeting.worklist.application;

import java.util.List;

/**
 * One page of a filtered worklist and where it stands among every item matching the filter, all
 * read at one moment (one statement), so that the figures always agree with the items.
 *
 * @param items the page, in the worklist's order (at most the limit asked for)
 * @param total every item matching the filter
 * @param before the matching items ahead of the page (0 on the first page)
 */
public record WorklistPage(List<WorkItem> items, int total, int before) {
  public WorklistPage {
    items = List.copyOf(items);
  }

  /** Whether matching items follow the page's last one. */
  public boolean more() {
    return before + items.size() < total;
  }
}
