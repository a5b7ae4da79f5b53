package org.sekisho.targeting.assessment.application;

/** Port: how far a feed of stored declarations has been checked for declarations never assessed. */
public interface IntakeCursor {
  /** The position up to which {@code feed} has been checked; 0 when never. */
  long position(String feed);

  /** Records that {@code feed} has been checked up to {@code position} (never moves back). */
  void moveTo(String feed, long position);
}
