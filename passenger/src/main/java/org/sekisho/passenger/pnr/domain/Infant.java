package org.sekisho.passenger.pnr.domain;

import java.time.LocalDate;

/**
 * An infant travelling on an adult's lap (SSR INFT).
 *
 * @param surname surname
 * @param givenName given names
 * @param dateOfBirth date of birth, null when absent
 */
public record Infant(String surname, String givenName, LocalDate dateOfBirth) {}
