package org.sekisho.core.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One thing that happened and must be answerable for: a login, a read of a person's record, a
 * search, an export, a change or a decision. The platform appends it to the hash-chained audit log.
 *
 * @param at processing time, from the injected clock
 * @param actor user name or {@code system:<job>}
 * @param agency the actor's agency, empty for the public or the system
 * @param action a dotted verb such as {@code record.read}, {@code search}, {@code login.failed}
 * @param subject what was acted on, e.g. {@code declaration:123}; empty when none
 * @param details small key/value context (query text, counts, reason); never a whole record
 */
public record AuditEvent(
    Instant at,
    String actor,
    String agency,
    String action,
    String subject,
    Map<String, String> details) {
  public AuditEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    agency = agency == null ? "" : agency;
    subject = subject == null ? "" : subject;
    details = details == null ? Map.of() : bounded(details);
  }

  /**
   * The most characters a detail value keeps. Details are context, not content: a longer value (a
   * whole request body an attacker made a field name of, say) would make the append-only log grow
   * at an outsider's will, so it is cut, saying how long it was.
   */
  public static final int MAX_DETAIL = 2_000;

  private static Map<String, String> bounded(Map<String, String> details) {
    boolean fits = true;
    for (Map.Entry<String, String> e : details.entrySet()) {
      fits &= e.getValue() == null || e.getValue().length() <= MAX_DETAIL;
    }
    if (fits) {
      return Map.copyOf(details);
    }
    java.util.Map<String, String> cut = new java.util.HashMap<>();
    details.forEach(
        (k, v) -> {
          if (v != null && v.length() > MAX_DETAIL) {
            int end =
                Character.isHighSurrogate(v.charAt(MAX_DETAIL - 1)) ? MAX_DETAIL - 1 : MAX_DETAIL;
            v = v.substring(0, end) + "… (cut: " + v.length() + " characters)";
          }
          cut.put(k, v);
        });
    return Map.copyOf(cut);
  }
}
