package org.sekisho.maritime.domain.patrol;

import java.time.Instant;

/** One AIS position near a sighting, as a candidate explanation of what the camera saw. */
public record AisContact(int mmsi, Instant time, double lat, double lon) {}
