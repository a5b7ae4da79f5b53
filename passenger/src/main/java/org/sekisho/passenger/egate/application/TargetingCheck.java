package org.sekisho.passenger.egate.application;

import java.util.List;
import org.sekisho.passenger.egate.domain.mrz.MachineReadableZone;

/**
 * Asks passenger targeting (watchlists, API/PNR assessments) about a traveller at the gate. Returns
 * the hits as short texts for the officer, each as {@code severity source: title} with the severity
 * one of {@code low}, {@code medium}, {@code high}, {@code critical} (worded in the officer's
 * language; a text of another form is shown as it is); empty when none. Must answer within the
 * gate's budget.
 */
@FunctionalInterface
public interface TargetingCheck {
  List<String> hits(MachineReadableZone passport);
}
