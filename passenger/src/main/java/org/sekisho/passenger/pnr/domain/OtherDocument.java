package org.sekisho.passenger.pnr.domain;

import java.time.LocalDate;

/**
 * A visa or other document given in SSR DOCO.
 *
 * @param placeOfBirth place of birth
 * @param type document type, e.g. {@code V} visa, {@code K} redress number
 * @param number document number
 * @param placeOfIssue place of issue
 * @param issued date of issue, null when absent
 * @param applicableCountry country the document is valid for
 * @param infant whether the document belongs to the infant travelling with the passenger
 */
public record OtherDocument(
    String placeOfBirth,
    String type,
    String number,
    String placeOfIssue,
    LocalDate issued,
    String applicableCountry,
    boolean infant) {}
