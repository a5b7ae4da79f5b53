package org.sekisho.maritime.application;

import org.sekisho.maritime.domain.port.PortCall;

/**
 * Port owned by maritime, implemented by the composition root against the intelligence database (a
 * conveyance movement: mode "sea", direction, time, vessel name, IMO, MMSI, call sign, flag, port
 * UN/LOCODE, linked to the vessel entity). Called once per new port call (idempotent by {@link
 * PortCall#movementId()} on the receiving side too); must not block for long.
 */
@FunctionalInterface
public interface ConveyanceMovements {
  void record(PortCall call);

  /** Records nothing (maritime running on its own). */
  ConveyanceMovements NONE = call -> {};
}
