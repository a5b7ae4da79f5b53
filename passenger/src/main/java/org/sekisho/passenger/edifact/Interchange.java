package org.sekisho.passenger.edifact;

import java.util.List;
import java.util.Optional;

/**
 * A parsed interchange: service characters, UNB header (absent when the sender left it out), the
 * messages it carries, and every warning found on the way, in text order.
 */
public record Interchange(
    ServiceCharacters serviceCharacters,
    Optional<InterchangeHeader> header,
    List<EdifactMessage> messages,
    List<Warning> warnings) {
  public Interchange {
    messages = List.copyOf(messages);
    warnings = List.copyOf(warnings);
  }
}
