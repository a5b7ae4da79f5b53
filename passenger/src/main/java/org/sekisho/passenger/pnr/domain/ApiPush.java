package org.sekisho.passenger.pnr.domain;

import java.util.List;
import java.util.Optional;
import org.sekisho.passenger.edifact.InterchangeHeader;
import org.sekisho.passenger.edifact.Warning;

/**
 * A parsed PAXLST interchange: header, messages, and every warning in text order.
 *
 * @param header UNB header, empty when the sender left it out
 * @param messages PAXLST messages
 * @param warnings what was wrong but did not make the list unusable
 */
public record ApiPush(
    Optional<InterchangeHeader> header, List<ApiMessage> messages, List<Warning> warnings) {
  public ApiPush {
    messages = List.copyOf(messages);
    warnings = List.copyOf(warnings);
  }
}
