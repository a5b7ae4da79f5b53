package org.sekisho.passenger.egate.application;

import java.util.List;
import org.sekisho.passenger.egate.domain.mrz.MachineReadableZone;

/**
 * Asks passenger targeting (watchlists, API/PNR assessments) about a traveller at the gate. Returns
 * the hits as short texts for the officer; empty when none. Must answer within the gate's budget.
 */
@FunctionalInterface
public interface TargetingCheck {
  List<String> hits(MachineReadableZone passport);
}
