package org.sekisho.targeting.selectivity.domain;

/**
 * The lane selectivity chose and why.
 *
 * @param lane the lane
 * @param basis why: criteria, a criterion forced after too many sampled-out hits, the lane its
 *     consignment was selected for before arrival, random selection (these measure the true
 *     infraction rate), top-up to the expected rate by score, or nothing (green)
 * @param own the lane the record would have had without its consignment's (basis {@code
 *     consignment}): what it falls back to when the consignment is lowered or examined with nothing
 *     found; equal to {@code lane} otherwise
 * @param ownBasis why the record would have had {@code own} (its criteria, a random draw, a top-up,
 *     or nothing): what its lane stands on once it falls back to it; equal to {@code basis} when
 *     nothing was carried over
 */
public record Selection(Lane lane, Basis basis, Lane own, Basis ownBasis) {
  /** A selection that owes nothing to a consignment. */
  public Selection(Lane lane, Basis basis) {
    this(lane, basis, lane, basis);
  }

  /** Why a lane was chosen. */
  public enum Basis {
    CRITERIA,
    FORCED_AFTER_MAX_HITS,
    CONSIGNMENT,
    RANDOM,
    TOP_UP,
    NONE;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  public boolean random() {
    return basis == Basis.RANDOM;
  }
}
