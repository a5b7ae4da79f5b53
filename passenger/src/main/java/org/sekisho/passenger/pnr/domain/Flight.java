package org.sekisho.passenger.pnr.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * One flight leg as a message gives it. Times are local to the airports, without zone.
 *
 * @param carrier marketing carrier (airline designator)
 * @param number flight number as sent (without the carrier), e.g. {@code 988} or {@code 0006}
 * @param origin departure airport (IATA)
 * @param destination arrival airport (IATA)
 * @param departureDate scheduled departure date, null when absent or unreadable
 * @param departureTime scheduled departure time, null when absent or unreadable
 * @param arrivalDate scheduled arrival date, null when absent or unreadable; the departure date
 *     when the message gives only an arrival time
 * @param arrivalTime scheduled arrival time, null when absent or unreadable
 * @param bookingClass reservation booking designator, empty when absent
 * @param operatingCarrier operating carrier of a code-share, empty when the same as marketing
 * @param operatingNumber operating flight number of a code-share, empty when not given
 * @param status booking status (e.g. {@code HK}), empty when absent
 * @param aircraft aircraft type (APD), empty when absent
 * @param arrivalDateInferred whether {@code arrivalDate} is not the message's but the departure
 *     date taken for an arrival time sent without its date: true for an overnight flight whose
 *     sender left the date out, so its arrival cannot be compared with its departure
 */
public record Flight(
    String carrier,
    String number,
    String origin,
    String destination,
    LocalDate departureDate,
    LocalTime departureTime,
    LocalDate arrivalDate,
    LocalTime arrivalTime,
    String bookingClass,
    String operatingCarrier,
    String operatingNumber,
    String status,
    String aircraft,
    boolean arrivalDateInferred) {

  /** A leg whose arrival date, when it has one, is the message's own. */
  public Flight(
      String carrier,
      String number,
      String origin,
      String destination,
      LocalDate departureDate,
      LocalTime departureTime,
      LocalDate arrivalDate,
      LocalTime arrivalTime,
      String bookingClass,
      String operatingCarrier,
      String operatingNumber,
      String status,
      String aircraft) {
    this(
        carrier,
        number,
        origin,
        destination,
        departureDate,
        departureTime,
        arrivalDate,
        arrivalTime,
        bookingClass,
        operatingCarrier,
        operatingNumber,
        status,
        aircraft,
        false);
  }

  /** Departure date and time, or null unless both are known. */
  public LocalDateTime departure() {
    return departureDate == null || departureTime == null
        ? null
        : departureDate.atTime(departureTime);
  }

  /** Arrival date and time, or null unless both are known. */
  public LocalDateTime arrival() {
    return arrivalDate == null || arrivalTime == null ? null : arrivalDate.atTime(arrivalTime);
  }

  /** Carrier and number as one designator, e.g. {@code UA988}. */
  public String designator() {
    return carrier + number;
  }

  /** The number in the four-digit IATA form ({@code 0988}); unchanged when not numeric. */
  public String paddedNumber() {
    return padded(number);
  }

  /** Whether another carrier operates this flight (a code-share). */
  public boolean isCodeShare() {
    return !operatingCarrier.isEmpty() && !operatingCarrier.equals(carrier);
  }

  /** Operating designator of a code-share, e.g. {@code SK1524}; empty if not a code-share. */
  public String operatingDesignator() {
    return isCodeShare() ? operatingCarrier + operatingNumber : "";
  }

  /** Same flight (carrier, number, route, day), ignoring booking details. */
  public boolean sameFlightAs(Flight other) {
    return carrier.equals(other.carrier)
        && padded(number).equals(padded(other.number))
        && origin.equals(other.origin)
        && destination.equals(other.destination)
        && (departureDate == null
            || other.departureDate == null
            || departureDate.equals(other.departureDate));
  }

  Flight withOperating(String carrierCode, String flightNumber, String klass) {
    return new Flight(
        carrier,
        number,
        origin,
        destination,
        departureDate,
        departureTime,
        arrivalDate,
        arrivalTime,
        bookingClass,
        carrierCode.isEmpty() ? operatingCarrier : carrierCode,
        flightNumber,
        status,
        aircraft,
        arrivalDateInferred);
  }

  Flight withStatus(String newStatus) {
    return new Flight(
        carrier,
        number,
        origin,
        destination,
        departureDate,
        departureTime,
        arrivalDate,
        arrivalTime,
        bookingClass,
        operatingCarrier,
        operatingNumber,
        newStatus,
        aircraft,
        arrivalDateInferred);
  }

  Flight withAircraft(String type) {
    return new Flight(
        carrier,
        number,
        origin,
        destination,
        departureDate,
        departureTime,
        arrivalDate,
        arrivalTime,
        bookingClass,
        operatingCarrier,
        operatingNumber,
        status,
        type,
        arrivalDateInferred);
  }

  static String padded(String number) {
    int digits = 0;
    while (digits < number.length() && Character.isDigit(number.charAt(digits))) {
      digits++;
    }
    if (digits == 0 || digits >= 4) {
      return number;
    }
    return "0".repeat(4 - digits) + number;
  }
}
