package org.sekisho.core.audit;

/**
 * Port through which any context records an {@link AuditEvent}. Implementations append durably
 * before returning (a read that cannot be audited must not be served) and are safe to call from
 * many threads.
 */
@FunctionalInterface
public interface AuditTrail {
  void record(AuditEvent event);
}
