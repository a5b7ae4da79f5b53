package org.sekisho.passenger.pnr.domain;

/**
 * A postal address of the booking (ADD).
 *
 * @param purpose address purpose code as sent, e.g. {@code 700}, {@code 702}
 * @param street street
 * @param city city
 * @param region state or province
 * @param country country code
 * @param postcode postal code
 * @param telephone telephone text, empty when absent
 */
public record Address(
    String purpose,
    String street,
    String city,
    String region,
    String country,
    String postcode,
    String telephone) {}
