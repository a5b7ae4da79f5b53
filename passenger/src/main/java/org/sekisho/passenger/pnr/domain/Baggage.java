package org.sekisho.passenger.pnr.domain;

import java.util.List;

/**
 * Checked baggage of one passenger on one flight (PNRGOV TBD).
 *
 * @param flight the flight (designator) the bags are checked on
 * @param origin departure airport of that flight
 * @param destination arrival airport of that flight
 * @param count number of pieces as declared; when absent, the number of tags
 * @param weight total weight as sent, empty when absent
 * @param weightUnit {@code KG} or {@code LB} ({@code 700}/{@code 701}), or the code as sent
 * @param tags bag tags
 * @param pooled whether the bags are pooled with other passengers
 * @param onPushedFlight whether the flight is the flight the PNR was pushed for
 */
public record Baggage(
    String flight,
    String origin,
    String destination,
    int count,
    String weight,
    String weightUnit,
    List<BagTag> tags,
    boolean pooled,
    boolean onPushedFlight) {
  public Baggage {
    tags = List.copyOf(tags);
  }
}
