package org.sekisho.maritime.domain.port;

/**
 * A port area where arrivals and departures are recorded.
 *
 * @param locode UN/LOCODE, e.g. "JPTYO"
 * @param name port name
 * @param kind "port" or "anchorage"
 */
public record PortArea(String locode, String name, String kind) {}
