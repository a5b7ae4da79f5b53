package org.sekisho.passenger.pnr.domain;

/**
 * A bag tag, or a run of consecutive tags.
 *
 * @param carrier issuing carrier (alpha or numeric code)
 * @param number tag serial number as sent
 * @param consecutive how many consecutive tags starting at {@code number}; at least 1
 * @param destination final destination the bag is tagged to, empty when absent
 */
public record BagTag(String carrier, String number, int consecutive, String destination) {}
