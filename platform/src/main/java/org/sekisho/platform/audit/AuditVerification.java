package org.sekisho.platform.audit;

/** What {@link AuditLog#verify()} found. */
public sealed interface AuditVerification {
  /** Every entry links and hashes correctly. */
  record Ok(long entries) implements AuditVerification {}

  /** The first entry at which the chain breaks, and why. */
  record Broken(long seq, String reason) implements AuditVerification {}
}
