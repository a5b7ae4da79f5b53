package org.sekisho.passenger.pnr.domain;

import java.util.List;
import java.util.Optional;
import org.sekisho.passenger.edifact.InterchangeHeader;
import org.sekisho.passenger.edifact.Warning;

/**
 * A parsed PNRGOV interchange: header, messages, and every warning in text order.
 *
 * @param header UNB header, empty when the sender left it out
 * @param messages PNRGOV messages
 * @param warnings what was wrong but did not make the push unusable
 */
public record PnrPush(
    Optional<InterchangeHeader> header, List<PnrMessage> messages, List<Warning> warnings) {
  public PnrPush {
    messages = List.copyOf(messages);
    warnings = List.copyOf(warnings);
  }

  /** All records of all messages. */
  public List<Pnr> pnrs() {
    return messages.stream().flatMap(m -> m.pnrs().stream()).toList();
  }
}
