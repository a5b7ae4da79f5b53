package org.sekisho.targeting.worklist.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sekisho.targeting.selectivity.domain.Lane;

/** Port: the workflow state of assessments. */
public interface WorklistStore {
  /**
   * Items of an office (all offices when empty) with the given status, highest score first; only
   * records of {@code kind} ({@code declaration}, {@code postal-item}, {@code transport-document})
   * unless it is empty.
   */
  List<WorkItem> items(String office, WorkStatus status, String kind, int limit);

  Optional<WorkItem> item(long id);

  /**
   * Records a lane decision and moves the item to {@code status}; false if it changed meanwhile.
   */
  boolean decide(
      long id, Lane from, Lane to, WorkStatus status, String comment, String by, Instant at);

  /** Records the outcome and closes the item; false when it was not referred. */
  boolean recordOutcome(
      long id,
      InspectionResult result,
      BigDecimal revenue,
      boolean seizure,
      String note,
      String by,
      Instant at);
}
