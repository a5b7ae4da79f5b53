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

  /**
   * Whose input revealed a port call: the record it becomes is owned by, and its ingest audited to,
   * that origin, never to a fixed system account when a person caused it.
   */
  sealed interface Origin {
    /**
     * A feed the administration itself runs (live TCP/UDP feeds configured on the server, the demo
     * loader, the command line): owned by the administration's own agency.
     */
    record AdministrationFeed() implements Origin {}

    /** A signed-in user's upload: owned by, and attributed to, that user and their agency. */
    record User(String username, String agency) implements Origin {
      public User {
        if (username == null || username.isBlank() || agency == null || agency.isBlank()) {
          throw new IllegalArgumentException("a user origin needs a username and an agency");
        }
      }
    }

    /** The administration's own feeds. */
    Origin FEED = new AdministrationFeed();
  }

  /**
   * Records one port call as a conveyance movement owned by {@code origin}.
   *
   * @param origin whose input revealed the call (see {@link Origin})
   */
  void record(PortCall call, Origin origin);

  /** Records nothing (maritime running on its own). */
  ConveyanceMovements NONE = (call, origin) -> {};
}
