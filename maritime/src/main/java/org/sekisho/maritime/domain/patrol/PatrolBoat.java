package org.sekisho.maritime.domain.patrol;

import java.time.Instant;

/** A patrol boat's last reported position and the speed it can make. */
public record PatrolBoat(
    String id, String name, Instant time, double lat, double lon, double speedKnots) {}
