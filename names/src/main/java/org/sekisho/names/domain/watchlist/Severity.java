package org.sekisho.names.domain.watchlist;

import java.util.Locale;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;

/** How serious a hit on a list is; a targeting rule decides what each level triggers. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /**
   * Parses {@code low|medium|high|critical} (any case); a refusal is {@code invalid-severity} with
   * the wording {@code invalid-severity} and the value as written.
   */
  public static Outcome<Severity> parse(String field, String raw) {
    String s = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
    for (Severity v : values()) {
      if (v.name().equals(s)) {
        return Outcome.accepted(v);
      }
    }
    return Outcome.rejected(
        Problem.of(
                "invalid-severity",
                field,
                "severity '" + raw + "' is not one of low, medium, high, critical")
            .worded("invalid-severity", raw));
  }
}
