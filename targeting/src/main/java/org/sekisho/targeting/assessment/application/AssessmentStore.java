package org.sekisho.targeting.assessment.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.targeting.assessment.domain.Assessment;
import org.sekisho.targeting.assessment.domain.ConsignmentSelection;
import org.sekisho.targeting.criteria.domain.DeclarationView;

/** Port: assessments, one per record. */
public interface AssessmentStore {
  /**
   * Stores an assessment unless one exists for its record; returns the stored one either way (the
   * first is kept). When this call stored it, the result's assessment is {@code a} itself.
   *
   * @param exactReasonsFollow the model's exact reasons are yet to be added ({@link
   *     #addModelReasons}); until then the assessment waits for them ({@link
   *     #waitingForModelReasons}), whatever quick reasons it holds
   */
  StoredAssessment saveIfAbsent(
      Assessment a, DeclarationView d, String json, Instant at, boolean exactReasonsFollow);

  /**
   * {@link #saveIfAbsent(Assessment, DeclarationView, String, Instant, boolean)}, noting whether
   * the record was sent for assessment alone ({@code POST /api/assess}), so that it is never stored
   * by the intelligence database; a record stored there is assessed with {@code alone} false, which
   * also clears the mark of an earlier assessment of it made alone.
   */
  default StoredAssessment saveIfAbsent(
      Assessment a,
      DeclarationView d,
      String json,
      Instant at,
      boolean exactReasonsFollow,
      boolean alone) {
    return saveIfAbsent(a, d, json, at, exactReasonsFollow);
  }

  /** What {@link #saveAlone} came to. */
  sealed interface SavedAlone {
    /**
     * The record's assessment: the one given, stored now, or one stored before.
     *
     * @param audited the audit entry was appended with it (only when stored now, and only by a
     *     store that can append it in the same transaction): the caller must not append it again
     */
    record Stored(StoredAssessment assessment, boolean audited) implements SavedAlone {}

    /**
     * Nothing was stored: the traders' counters no longer stand where the assessment read them
     * (another assessment or outcome moved them meanwhile). Assess again with the counters as they
     * stand ({@link AssessmentInputs#inputs}).
     */
    record HistoryMoved() implements SavedAlone {}
  }

  /**
   * Stores the assessment of a record sent alone ({@link #saveIfAbsent(Assessment, DeclarationView,
   * String, Instant, boolean, boolean)} with {@code alone}) and, where the store can, appends
   * {@code entry} to the audit trail in the same transaction and round trip, and only if the
   * traders' counters still stand at {@code n}'s history (they may have come from {@link
   * AssessmentInputs#standing}). This default stores it as {@code saveIfAbsent} does and leaves the
   * entry to the caller.
   */
  default SavedAlone saveAlone(NewAssessment n, AuditEvent entry) {
    return new SavedAlone.Stored(
        saveIfAbsent(
            n.assessment(), n.declaration(), n.json(), n.at(), n.exactReasonsFollow(), true),
        false);
  }

  /**
   * Notes that these records, assessed before, are now stored by the intelligence database (an
   * assessment made of one sent alone links to it from now on).
   */
  default void storedInIntelligence(Collection<String> recordKeys) {}

  /** What {@link #saveIfAbsent} takes, for storing many at once. */
  record NewAssessment(
      Assessment assessment,
      DeclarationView declaration,
      String json,
      Instant at,
      boolean exactReasonsFollow) {}

  /**
   * Stores each assessment unless its record has one, as {@link #saveIfAbsent} in order would, and
   * moves the traders' counters for those stored; returns the ones this call stored, in order.
   */
  default List<StoredAssessment> saveAllIfAbsent(List<NewAssessment> batch) {
    List<StoredAssessment> stored = new ArrayList<>();
    for (NewAssessment n : batch) {
      StoredAssessment s =
          saveIfAbsent(n.assessment(), n.declaration(), n.json(), n.at(), n.exactReasonsFollow());
      if (s.assessment() == n.assessment()) {
        stored.add(s);
      }
    }
    return stored;
  }

  /**
   * Why an assessment made of a record sent alone gives way to a new one: the intelligence database
   * stored the record under the same key with other content.
   *
   * @param id the earlier assessment, made when the record was sent alone
   * @param reason kept with it, and audited
   */
  record Superseded(long id, String reason) {}

  /**
   * {@link #saveAllIfAbsent(List)}, first marking each earlier assessment in {@code superseding}
   * (by record key) superseded with its reason, so that the batch's assessment of that record is
   * stored as the one in force; in one transaction, so that no record is left without one. An
   * earlier assessment that is no longer one made alone, or superseded already, is left as it is
   * (and the new one is then not stored).
   */
  default List<StoredAssessment> saveAllIfAbsent(
      List<NewAssessment> batch, Map<String, Superseded> superseding) {
    if (!superseding.isEmpty()) {
      throw new UnsupportedOperationException("this store keeps no superseded assessments");
    }
    return saveAllIfAbsent(batch);
  }

  /**
   * Of these records, those whose assessment in force was made when the record was sent alone
   * ({@code POST /api/assess}) and that the intelligence database has not stored since, by key.
   */
  default Map<String, StoredAssessment> assessedAlone(Collection<String> recordKeys) {
    return Map.of();
  }

  /** The record keys among {@code recordKeys} that have an assessment. */
  default Set<String> assessedAmong(Collection<String> recordKeys) {
    return recordKeys.stream()
        .filter(k -> byKey(k).isPresent())
        .collect(Collectors.toUnmodifiableSet());
  }

  Optional<StoredAssessment> byKey(String recordKey);

  /**
   * The consignments whose transport documents have these numbers (as targeting compares them:
   * {@link DeclarationView#transportDocument}) and whose lane, as it stands now, carries over to
   * the declaration of their goods ({@link ConsignmentSelection#carried}), by number; a consignment
   * not assessed, or not carrying over, is absent.
   */
  Map<String, ConsignmentSelection> consignments(Collection<String> transportDocuments);

  /**
   * Raises the declarations of each selected consignment (those naming its transport document) that
   * are not closed and hold a less severe lane, to the consignment's lane: a released one is opened
   * again for an analyst, and each change is kept as a lane change by {@value
   * ConsignmentSelection#DECIDED_BY} with the reason. For a consignment selected after its goods
   * were declared (assessed later, or raised by an analyst). Returns how many were raised.
   */
  int carryOver(List<ConsignmentSelection> selected, Instant at);

  /**
   * Adds the model's reasons to a stored assessment (they may be computed after it is stored); it
   * no longer waits for them, even when there are none.
   */
  void addModelReasons(long id, List<String> reasons);

  /** {@link #addModelReasons(long, List)} for several assessments (by id) at once. */
  default void addModelReasons(Map<Long, List<String>> reasonsById) {
    reasonsById.forEach(this::addModelReasons);
  }

  /**
   * Referrals scored by a model whose reasons have not been added yet (the worker's queue was full,
   * or the process stopped before it explained them), oldest first, at most {@code max}.
   */
  List<StoredAssessment> waitingForModelReasons(int max);

  Optional<StoredAssessment> byId(long id);
}
