package org.sekisho.intel.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A ship or aircraft arriving at or departing from a port.
 *
 * @param movementId source identifier of the movement (e.g. port-call or flight-leg id)
 * @param mode {@code sea} or {@code air}
 * @param direction {@code arrival} or {@code departure}
 * @param imo IMO ship number (7 digits, check digit verified), may be empty
 * @param mmsi 9-digit Maritime Mobile Service Identity, may be empty
 * @param flag flag state, ISO alpha-2
 * @param port UN/LOCODE of the port or airport
 */
public record ConveyanceMovement(
    String movementId,
    String mode,
    String direction,
    Instant eventTime,
    String conveyanceName,
    String voyageOrFlight,
    String imo,
    String mmsi,
    String callSign,
    String flag,
    String port,
    String previousPort,
    String nextPort,
    String operator)
    implements IntelRecord {
  public ConveyanceMovement {
    Objects.requireNonNull(movementId);
    Objects.requireNonNull(eventTime);
    conveyanceName = Party.nz(conveyanceName);
    voyageOrFlight = Party.nz(voyageOrFlight);
    imo = Party.nz(imo);
    mmsi = Party.nz(mmsi);
    callSign = Party.nz(callSign);
    flag = Party.nz(flag);
    port = Party.nz(port);
    previousPort = Party.nz(previousPort);
    nextPort = Party.nz(nextPort);
    operator = Party.nz(operator);
  }

  @Override
  public RecordKind kind() {
    return RecordKind.CONVEYANCE_MOVEMENT;
  }

  @Override
  public String sourceId() {
    return movementId;
  }

  @Override
  public String office() {
    return port;
  }

  @Override
  public List<String> countries() {
    return flag.isEmpty() ? List.of() : List.of(flag);
  }

  @Override
  public List<String> hsChapters() {
    return List.of();
  }

  @Override
  public String title() {
    // parts a movement lacks (an unnamed vessel, no voyage number) leave no gap in the title
    String what =
        Text.join(
            List.of(
                conveyanceName == null ? "" : conveyanceName,
                voyageOrFlight == null ? "" : voyageOrFlight));
    return (direction.equals("departure") ? "Departure" : "Arrival")
        + (what.isBlank() ? "" : " " + what.strip())
        + " · "
        + port;
  }

  @Override
  public String searchText() {
    return Text.fields(
        List.of(
            movementId,
            conveyanceName,
            voyageOrFlight,
            imo,
            mmsi,
            callSign,
            port,
            previousPort,
            nextPort,
            operator));
  }
}
