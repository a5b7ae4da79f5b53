package org.sekisho.targeting.assessment.application;

import java.util.List;

/**
 * Entry point for ingest: every declaration, postal item or transport document that is stored is
 * assessed at once. Intel's ingest calls it for each stored batch (the lead wires it). Idempotent
 * by {@code (recordKind, sourceId)}: a record assessed before is not assessed again. Never throws
 * for bad input (a record targeting cannot read is logged and skipped); safe for many threads.
 */
@FunctionalInterface
public interface AssessmentRequests {
  void assess(String recordKind, String sourceId, String declarationJson);

  /** One stored record to assess. */
  record Request(String recordKind, String sourceId, String declarationJson) {}

  /**
   * Assesses records in the order given, with the result of one {@link #assess} call each;
   * implementations may use fewer round trips (a bulk ingest hands over thousands at a time).
   */
  default void assessAll(List<Request> requests) {
    requests.forEach(r -> assess(r.recordKind(), r.sourceId(), r.declarationJson()));
  }
}
