package org.sekisho.passenger.screening.adapter.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sekisho.passenger.pnr.domain.BookingChange;
import org.sekisho.passenger.screening.domain.Reason;
import org.sekisho.platform.i18n.Messages;

/**
 * What screening stores as keys and codes (explanations, the system's comments, booking changes,
 * severities), in the reader's language. Used by the pages.
 */
public final class ScreeningText {
  private ScreeningText() {}

  /** One explanation line. */
  public static String line(Messages t, Reason r) {
    return r.render(t::get);
  }

  /**
   * A stored comment: the system's reasons in the reader's language, a person's text as written.
   */
  public static String stored(Messages t, String stored) {
    return Reason.encoded(stored) ? line(t, Reason.decode(stored)) : stored;
  }

  /** A change between two booking versions ({@code name removed: KOVAC/MILANMR}). */
  public static String change(Messages t, BookingChange c) {
    return t.get(
        "screening.change."
            + c.kind().name().toLowerCase(Locale.ROOT)
            + (c.added() ? ".added" : ".removed"),
        c.value());
  }

  /**
   * A scheduled time on the administration's clock ({@code 2026-11-28 18:00 JST}) when the
   * airport's zone is known, else as the message gave it with "local" said; empty when the message
   * gave none.
   */
  public static String scheduled(Messages t, java.time.Instant at, java.time.LocalDateTime local) {
    if (at != null) {
      return t.time(at);
    }
    return local == null
        ? ""
        : t.get(
            "screening.localTime",
            local.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
  }

  /** {@code high, medium} as the reader says them; unknown codes as they are. */
  public static String severities(Messages t, String codes) {
    List<String> out = new ArrayList<>();
    for (String c : codes.split(",\\s*")) {
      String key = "screening.severity." + c.strip();
      String shown = t.get(key);
      out.add(shown.equals(key) ? c.strip() : shown);
    }
    return String.join(", ", out);
  }
}
