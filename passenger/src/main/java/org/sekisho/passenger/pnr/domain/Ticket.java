package org.sekisho.passenger.pnr.domain;

import java.time.LocalDate;

/**
 * A ticket (TKT with its MON and DAT).
 *
 * @param number ticket document number
 * @param type ticket type, e.g. {@code T} electronic ticket
 * @param baseFare base fare amount as sent, empty when absent
 * @param total total amount as sent, empty when absent
 * @param currency currency of the amounts
 * @param issued issue date, null when absent
 */
public record Ticket(
    String number, String type, String baseFare, String total, String currency, LocalDate issued) {}
