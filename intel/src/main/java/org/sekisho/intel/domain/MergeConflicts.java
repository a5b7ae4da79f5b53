package org.sekisho.intel.domain;

import java.util.Optional;
import org.sekisho.core.Problem;

/**
 * Merges that identifiers rule out whatever an analyst judges: an IMO number stays with a hull from
 * its building to its scrapping (SOLAS XI-1/3), and is checked by its check digit at ingest, so two
 * vessels keyed by two different IMO numbers are two ships, however alike their names, operators or
 * flags. An MMSI or a name can change with a sale or a new flag and rules out nothing.
 */
public final class MergeConflicts {
  private MergeConflicts() {}

  private static final String IMO = "IMO";

  /**
   * Why entity {@code mergedId} (keyed {@code mergedKey}) cannot be merged into {@code survivorId}
   * ({@code survivorKey}), both of {@code type}; empty when nothing rules it out.
   */
  public static Optional<Problem> of(
      String type, long survivorId, String survivorKey, long mergedId, String mergedKey) {
    if (!"vessel".equals(type)
        || survivorKey == null
        || mergedKey == null
        || !survivorKey.startsWith(IMO)
        || !mergedKey.startsWith(IMO)
        || survivorKey.equals(mergedKey)) {
      return Optional.empty();
    }
    String a = survivorKey.substring(IMO.length());
    String b = mergedKey.substring(IMO.length());
    return Optional.of(
        Problem.of(
                "conflict",
                "mergedId",
                "entity "
                    + survivorId
                    + " is the ship IMO "
                    + a
                    + " and entity "
                    + mergedId
                    + " the ship IMO "
                    + b
                    + ": an IMO number stays with one hull for its whole life, so these are two"
                    + " ships and cannot be merged")
            .worded("different-imo", survivorId, a, mergedId, b));
  }
}
