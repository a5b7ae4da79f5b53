package org.sekisho.platform.audit;

import java.time.Instant;

/**
 * One entry of the audit log as the viewer shows it (its hashes left out: {@link AuditLog#verify}
 * checks those).
 *
 * @param seq its place in the chain, from 1
 * @param at when it happened, as recorded (microseconds)
 * @param actor user name or {@code system:<job>}
 * @param agency the actor's agency, empty for the public or the system
 * @param action a dotted verb such as {@code record.read}
 * @param subject what was acted on, such as {@code record:42}; empty when none
 * @param details its details as stored: a JSON object of strings, keys in order
 */
public record AuditEntry(
    long seq,
    Instant at,
    String actor,
    String agency,
    String action,
    String subject,
    String details) {}
