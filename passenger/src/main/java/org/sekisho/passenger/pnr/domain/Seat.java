package org.sekisho.passenger.pnr.domain;

/**
 * A seat of one passenger on one flight of the itinerary.
 *
 * @param flight the flight (designator) the seat is on
 * @param origin departure airport of that flight
 * @param destination arrival airport of that flight
 * @param number seat as sent, e.g. {@code 22C}, {@code 039G}; {@code XXX} when not yet assigned
 * @param cabinClass cabin class (SSD), empty when not given
 */
public record Seat(
    String flight, String origin, String destination, String number, String cabinClass) {}
