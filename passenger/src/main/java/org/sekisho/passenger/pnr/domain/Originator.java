package org.sekisho.passenger.pnr.domain;

/**
 * Who created or sent a booking (ORG): airline or reservation system, and the travel agency or
 * office.
 *
 * @param system airline or reservation system code
 * @param location location code of the system or airline
 * @param agencyNumber IATA travel agency number, empty when not an agency
 * @param officeId booking office (pseudo city / in-house code)
 * @param city location of the booking office
 * @param systemCode code of the system that created the booking, with its location
 * @param originatorType originator type, e.g. {@code A} airline, {@code T} travel agent
 * @param country country of the booking office
 * @param currency currency of the booking office
 * @param agent agent signature or identifier
 */
public record Originator(
    String system,
    String location,
    String agencyNumber,
    String officeId,
    String city,
    String systemCode,
    String originatorType,
    String country,
    String currency,
    String agent) {}
