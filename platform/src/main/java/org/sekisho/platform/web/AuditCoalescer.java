package org.sekisho.platform.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.sekisho.core.audit.AuditEvent;

/**
 * Behind {@link Web#auditOnce}: remembers, per identical entry (actor, agency, action, subject and
 * details, client address included), until when further copies are left out, and how many were.
 * Memory only, one per server: a restart writes the next read again. Thread-safe: of concurrent
 * identical reads exactly one is written.
 */
final class AuditCoalescer {
  /** Past this many remembered entries, those whose window has passed are forgotten. */
  static final int MAX_REMEMBERED = 50_000;

  private record Key(
      String actor, String agency, String action, String subject, Map<String, String> details) {}

  private static final class Window {
    final Instant until;
    long skipped;

    Window(Instant until) {
      this.until = until;
    }
  }

  private final Map<Key, Window> windows = new ConcurrentHashMap<>();

  /**
   * Writes {@code e} through {@code write} unless an identical entry was written less than {@code
   * window} ago; the entry that ends a run of left-out copies says how many in the detail {@code
   * coalesced}.
   *
   * @return whether an entry was written
   */
  boolean record(AuditEvent e, Duration window, Consumer<AuditEvent> write) {
    Instant now = e.at();
    Key key = new Key(e.actor(), e.agency(), e.action(), e.subject(), Map.copyOf(e.details()));
    long[] coalesced = {-1};
    Window mine =
        windows.compute(
            key,
            (k, w) -> {
              if (w != null && now.isBefore(w.until)) {
                w.skipped++;
                return w;
              }
              coalesced[0] = w == null ? 0 : w.skipped;
              return new Window(now.plus(window));
            });
    if (coalesced[0] < 0) {
      return false;
    }
    AuditEvent written = e;
    if (coalesced[0] > 0) {
      var details = new java.util.HashMap<>(e.details());
      details.put("coalesced", Long.toString(coalesced[0]));
      written =
          new AuditEvent(
              e.at(), e.actor(), e.agency(), e.action(), e.subject(), Map.copyOf(details));
    }
    try {
      write.accept(written);
    } catch (RuntimeException failure) {
      windows.remove(key, mine);
      throw failure;
    }
    if (windows.size() > MAX_REMEMBERED) {
      windows.values().removeIf(w -> !now.isBefore(w.until));
      if (windows.size() > MAX_REMEMBERED) {
        // Forgetting only ever writes more entries, never fewer.
        windows.clear();
      }
    }
    return true;
  }
}
