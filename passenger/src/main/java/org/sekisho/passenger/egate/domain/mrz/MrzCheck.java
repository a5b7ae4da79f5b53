package org.sekisho.passenger.egate.domain.mrz;

/**
 * One check digit as read and as recomputed.
 *
 * @param field {@code document_number}, {@code birth_date}, {@code expiry_date}, {@code
 *     personal_number} or {@code composite}
 * @param data the characters the digit protects, as printed
 * @param present the character printed in the check-digit position
 * @param computed the digit recomputed from {@code data}
 * @param ok whether the printed digit is acceptable
 */
public record MrzCheck(String field, String data, char present, char computed, boolean ok) {}
