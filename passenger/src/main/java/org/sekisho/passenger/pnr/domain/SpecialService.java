package org.sekisho.passenger.pnr.domain;

/**
 * A special service request (SSR) as sent.
 *
 * @param code SSR code, e.g. {@code DOCS}, {@code SEAT}, {@code INFT}, {@code WCHR}
 * @param status action/status code, e.g. {@code HK}
 * @param carrier carrier the request is for
 * @param boardPoint board point, empty when the SSR is for all flights
 * @param offPoint off point
 * @param text free text
 * @param passengerReference reference number of the passenger it concerns, empty when none
 */
public record SpecialService(
    String code,
    String status,
    String carrier,
    String boardPoint,
    String offPoint,
    String text,
    String passengerReference) {}
