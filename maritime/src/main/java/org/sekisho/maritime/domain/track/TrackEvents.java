package org.sekisho.maritime.domain.track;

import org.sekisho.maritime.domain.encounter.Encounter;
import org.sekisho.maritime.domain.port.PortCall;
import org.sekisho.maritime.domain.vessel.VesselSnapshot;

/**
 * What the {@link VesselTracker} finds, delivered on the tracker's thread as it finds it.
 * Implementations must be quick (queue heavy work) and must not call back into the tracker.
 */
public interface TrackEvents {
  /**
   * An encounter between two vessels (one report per meeting, from the side that found it), unless
   * it is a {@link #fishingMeeting}, which is reported instead.
   */
  default void encounter(Encounter encounter, VesselSnapshot vessel1, VesselSnapshot vessel2) {}

  /** A closed gap, or an open gap at an evaluation. */
  default void gap(AisGap gap) {}

  default void loitering(Loitering loitering) {}

  default void portCall(PortCall call) {}

  /**
   * An encounter in which a fishing vessel met a vessel known not to be fishing (a possible
   * transshipment): reported instead of {@link #encounter}, so one meeting is one report.
   */
  default void fishingMeeting(Encounter encounter, VesselSnapshot fishing, VesselSnapshot other) {}

  /**
   * A fishing vessel has been fishing for a while where it seldom fishes ({@link FishingGrounds}).
   */
  default void unusualGrounds(VesselSnapshot fishingVessel) {}

  /** Whether {@link #position} should be called (it costs a snapshot per position). */
  default boolean wantsPositions() {
    return false;
  }

  /** A vessel's state just after the tracker accepted a new position from it. */
  default void position(VesselSnapshot vessel) {}

  /** Nothing to report. */
  TrackEvents NONE = new TrackEvents() {};
}
