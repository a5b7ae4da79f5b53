package org.sekisho.app;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.sekisho.passenger.egate.application.TargetingCheck;
import org.sekisho.passenger.egate.domain.mrz.MachineReadableZone;
import org.sekisho.passenger.screening.application.PassengerScreening;
import org.sekisho.passenger.screening.domain.PassengerFacts;
import org.sekisho.passenger.screening.domain.Places;

/**
 * The gate asks passenger screening about the traveller in front of it: the passport's name, date
 * of birth, nationality and number are screened against the watchlists in force, as a flight's
 * travellers are, so someone listed is sent to an officer even when no airline sent their API or
 * PNR. What a hit says goes to the customs record and the officers' look-up, never to the kiosk
 * screen (the e-Gate shows the traveller only where to go).
 */
final class ScreeningAtTheGate implements TargetingCheck {
  private final PassengerScreening screening;
  private final Clock clock;

  ScreeningAtTheGate(PassengerScreening screening, Clock clock) {
    this.screening = screening;
    this.clock = clock;
  }

  @Override
  public List<String> hits(MachineReadableZone passport) {
    // a watchlist imported by another process (the command line) counts at the next traveller
    screening.refreshIfChanged();
    String number = passport.documentNumber().replace("<", "");
    PassengerFacts traveller =
        new PassengerFacts(
            "EGATE/" + number,
            "API",
            "",
            1,
            passport.field("primary_identifier"),
            passport.field("secondary_identifier"),
            passport.birthDate().orElse(null),
            country(passport.nationality()),
            number,
            country(passport.issuingState()),
            "",
            LocalDate.now(clock),
            Double.NaN,
            List.of(),
            false,
            List.of(),
            "",
            "",
            0,
            0.0,
            true,
            Set.of(),
            "",
            "",
            "",
            List.of());
    return screening.engine().watchlistHits(traveller).stream()
        .map(h -> h.severity() + " " + h.source() + ": " + h.title())
        .toList();
  }

  /** Screening compares ISO 3166 alpha-2 codes; the MRZ writes alpha-3. */
  private static String country(String mrzCode) {
    return Places.country(mrzCode);
  }
}
