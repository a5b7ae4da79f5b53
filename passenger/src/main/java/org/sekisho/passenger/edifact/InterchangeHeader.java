package org.sekisho.passenger.edifact;

/**
 * What the UNB segment says about an interchange, as the message gives it.
 *
 * @param syntaxIdentifier e.g. {@code UNOA} or {@code IATA}
 * @param syntaxVersion e.g. {@code 4} or {@code 1}
 * @param sender sender identification
 * @param recipient recipient identification
 * @param preparationDate date of preparation, {@code YYMMDD} or {@code CCYYMMDD} as sent
 * @param preparationTime time of preparation, {@code HHMM} as sent
 * @param controlReference interchange control reference
 * @param applicationReference application reference, empty when absent
 */
public record InterchangeHeader(
    String syntaxIdentifier,
    String syntaxVersion,
    String sender,
    String recipient,
    String preparationDate,
    String preparationTime,
    String controlReference,
    String applicationReference) {

  static InterchangeHeader of(Segment unb) {
    return new InterchangeHeader(
        unb.value(1, 0),
        unb.value(1, 1),
        unb.value(2, 0),
        unb.value(3, 0),
        unb.value(4, 0),
        unb.value(4, 1),
        unb.value(5, 0),
        unb.value(7, 0));
  }
}
