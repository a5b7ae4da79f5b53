package org.sekisho.targeting.worklist.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sekisho.targeting.assessment.domain.ConsignmentSelection;
import org.sekisho.targeting.selectivity.domain.Lane;

/** Port: the workflow state of assessments. */
public interface WorklistStore {
  /**
   * Items of an office (all offices when empty) with the given status, the most severe lane first
   * and highest score first within a lane; only records of {@code kind} ({@code declaration},
   * {@code postal-item}, {@code transport-document}) unless it is empty.
   */
  default List<WorkItem> items(String office, WorkStatus status, String kind, int limit) {
    return items(office, status, kind, java.util.OptionalLong.empty(), limit);
  }

  /**
   * {@link #items(String, WorkStatus, String, int)} from the item after {@code after} in that order
   * (the last one of the page before), so that a worklist of any length is read a page at a time;
   * empty: from the first.
   */
  List<WorkItem> items(
      String office, WorkStatus status, String kind, java.util.OptionalLong after, int limit);

  /**
   * {@link #items(String, WorkStatus, String, java.util.OptionalLong, int)} with where the page
   * stands: how many items match the filter in all and how many come before the page, read with the
   * page in one statement (a live page polls it every few seconds).
   */
  default WorklistPage page(
      String office, WorkStatus status, String kind, java.util.OptionalLong after, int limit) {
    return page(office, status, kind, java.util.EnumSet.allOf(Lane.class), after, limit);
  }

  /**
   * {@link #page(String, WorkStatus, String, java.util.OptionalLong, int)} of the items whose final
   * lane is one of {@code lanes}, counted alike.
   */
  WorklistPage page(
      String office,
      WorkStatus status,
      String kind,
      java.util.Set<Lane> lanes,
      java.util.OptionalLong after,
      int limit);

  Optional<WorkItem> item(long id);

  /**
   * The assessments of the record {@code recordKey} that a later one superseded, made before {@code
   * before} (an assessment id), oldest first, each with its lane decisions and outcome.
   */
  List<WorkItem> earlier(String recordKey, long before);

  /** The assessed declarations of the goods a transport document carries, oldest first. */
  List<WorkItem> declarationsOf(String transportDocument, int limit);

  /**
   * The consignment (transport document) with this number, compared as targeting compares them
   * (upper case, NFKC), if it was assessed.
   */
  Optional<WorkItem> consignment(String transportDocument);

  /**
   * Records a lane decision and moves the item to {@code status}, if the item still has lane {@code
   * from} and {@code version} lane changes ({@link WorkItem#version()}) and is not closed; false,
   * recording nothing, if it changed meanwhile.
   */
  boolean decide(
      long id,
      Lane from,
      int version,
      Lane to,
      WorkStatus status,
      String comment,
      String by,
      Instant at);

  /**
   * Raises the declarations of each selected consignment (those naming its transport document) that
   * are not closed and hold a less severe lane, to the consignment's lane: a released one is opened
   * again for an analyst, and each change is kept as a lane change by {@value
   * ConsignmentSelection#DECIDED_BY} with the reason. For a consignment selected after its goods
   * were declared (assessed later, or raised by an analyst). Returns how many were raised.
   */
  int carryOver(List<ConsignmentSelection> selected, Instant at);

  /**
   * Lowers the declarations a consignment raised (at their assessment, or later by {@link
   * #carryOver}) when the consignment itself is lowered to {@code lane}, or examined with nothing
   * found ({@code lane} green): each falls back to the more severe of {@code lane} and the lane it
   * had before the consignment's (its own assessment's, or an analyst's decision). One an analyst
   * decided on since, or closed, is left as it is; a lowered one is released when it falls to
   * green; each change is kept as a lane change by {@value ConsignmentSelection#DECIDED_BY} with
   * {@code comment}. Returns how many were lowered.
   */
  int followDown(long consignment, Lane lane, String comment, Instant at);

  /**
   * Replaces an item's recorded outcome, keeping the one before as a correction with {@code
   * comment}, and moves the traders' infraction counts with the result; false (nothing changed)
   * when no outcome is recorded or it was corrected since {@code version} corrections.
   */
  boolean correctOutcome(
      long id,
      int version,
      InspectionResult result,
      BigDecimal revenue,
      boolean seizure,
      String note,
      String comment,
      String by,
      Instant at);

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
