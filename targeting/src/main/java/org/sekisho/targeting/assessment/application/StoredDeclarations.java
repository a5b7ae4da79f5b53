package org.sekisho.targeting.assessment.application;

import java.time.Instant;
import java.util.List;

/**
 * Port: the declarations (or postal items, or transport documents) stored upstream (the
 * intelligence database), in the order they were stored, so that those never assessed can be found
 * and assessed.
 */
public interface StoredDeclarations {
  /**
   * One stored declaration.
   *
   * @param position its place in the feed; grows in storage order, except that two ingests running
   *     at once may commit out of position order
   * @param storedAt when it was stored (processing time)
   */
  record Entry(long position, String sourceId, Instant storedAt) {}

  /** The name the feed's cursor is kept under. */
  String name();

  /**
   * The record kind its entries are assessed as: {@code declaration}, {@code postal-item} or {@code
   * transport-document}.
   */
  String recordKind();

  /** At most {@code max} stored declarations after {@code position}, by position. */
  List<Entry> after(long position, int max);

  /** The assessment requests for these entries, in their order. */
  List<AssessmentRequests.Request> requests(List<Entry> entries);
}
