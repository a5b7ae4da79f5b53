package org.sekisho.passenger.pnr.domain;

import java.util.List;

/**
 * One PNRGOV message: the flight it was pushed for and the records it carries.
 *
 * @param reference message reference (UNH)
 * @param version message version, e.g. {@code 11}
 * @param release message release, e.g. {@code 1}
 * @param function message function (MSG), e.g. {@code 22} full push; empty when absent
 * @param sender the sending airline or system (ORG), null when absent
 * @param flight the flight the message was pushed for (TVL before the first SRC), null when absent
 * @param declaredCount number of records the message declares (EQN), null when absent
 * @param pnrs the records
 */
public record PnrMessage(
    String reference,
    String version,
    String release,
    String function,
    Originator sender,
    Flight flight,
    Integer declaredCount,
    List<Pnr> pnrs) {
  public PnrMessage {
    pnrs = List.copyOf(pnrs);
  }
}
