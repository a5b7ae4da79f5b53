package org.sekisho.passenger.egate.application;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the customs arrival records this installation keeps (the {@code egate.customs_arrival}
 * table), for the officer who receives the travellers the gate referred. Where customs records go
 * to an external customs endpoint, that system owns them and this lookup finds nothing.
 */
public interface CustomsArrivalLookup {
  /**
   * One customs record as stored: {@code capture_id}, {@code kiosk}, {@code captured_at} and the
   * record's fields by their wire names ({@code gate_decision}, {@code gate_referrals}...).
   */
  Optional<Map<String, String>> find(String captureId);

  /**
   * The records of {@code day} (a day in {@code zone}, the administration's zone) whose gate
   * decision was secondary inspection, newest first, at most 500.
   */
  List<Map<String, String>> referredOn(LocalDate day, ZoneId zone);

  /**
   * As {@link #referredOn(LocalDate, ZoneId)}, only those received at {@code office}'s kiosks and
   * those whose office was not recorded ({@code kiosk_office} blank); all offices when {@code
   * office} is null.
   */
  default List<Map<String, String>> referredOn(LocalDate day, ZoneId zone, String office) {
    return referredOn(day, zone).stream()
        .filter(
            r -> {
              String at = r.getOrDefault("kiosk_office", "");
              return office == null || at.isEmpty() || at.equalsIgnoreCase(office);
            })
        .toList();
  }
}
