package org.sekisho.passenger.pnr.domain;

/**
 * A telephone number from the PNR contacts (ADD, or OSI/SSR CTC free text).
 *
 * @param type contact type letter when the text gives one ({@code M} mobile, {@code H} home, {@code
 *     B} business, {@code P} phone, {@code T} travel agent), empty otherwise
 * @param number the digits of the number
 * @param text the contact text as sent
 */
public record Phone(String type, String number, String text) {}
