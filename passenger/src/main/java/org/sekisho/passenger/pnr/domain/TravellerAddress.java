package org.sekisho.passenger.pnr.domain;

/**
 * An address given in SSR DOCA.
 *
 * @param type {@code R} residence or {@code D} destination
 * @param country country code
 * @param street street address
 * @param city city
 * @param region state or province
 * @param postcode postal code
 */
public record TravellerAddress(
    String type, String country, String street, String city, String region, String postcode) {}
