package org.sekisho.passenger.edifact;

import java.util.List;

/**
 * One message of an interchange: its UNH header and the segments between UNH and UNT (both
 * excluded).
 *
 * @param reference message reference number (UNH 0062)
 * @param type message type, e.g. {@code PAXLST} or {@code PNRGOV}
 * @param version message version, e.g. {@code D} or {@code 11}
 * @param release message release, e.g. {@code 05B} or {@code 1}
 * @param agency controlling agency, e.g. {@code UN} or {@code IA}
 * @param associationCode association assigned code, e.g. {@code IATA}; empty when absent
 * @param commonAccessReference common access reference (UNH element 3); empty when absent
 * @param header the UNH segment
 * @param segments the body
 */
public record EdifactMessage(
    String reference,
    String type,
    String version,
    String release,
    String agency,
    String associationCode,
    String commonAccessReference,
    Segment header,
    List<Segment> segments) {
  public EdifactMessage {
    segments = List.copyOf(segments);
  }

  /** The raw text of the message, UNH to the last body segment. */
  public String raw() {
    StringBuilder b = new StringBuilder(header.raw());
    segments.forEach(s -> b.append(s.raw()));
    return b.toString();
  }
}
