package org.sekisho.passenger.pnr.domain;

/**
 * An e-mail address from CTCE contact text, decoded from the airline form ({@code //} for
 * {@code @}, {@code ..} for {@code _}, {@code ./} for {@code -}).
 *
 * @param address decoded address
 * @param text the contact text as sent
 */
public record Email(String address, String text) {}
