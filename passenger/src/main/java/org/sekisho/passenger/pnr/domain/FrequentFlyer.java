package org.sekisho.passenger.pnr.domain;

/** A frequent flyer account (FTI): programme carrier, number and tier as sent. */
public record FrequentFlyer(String carrier, String number, String tier) {}
