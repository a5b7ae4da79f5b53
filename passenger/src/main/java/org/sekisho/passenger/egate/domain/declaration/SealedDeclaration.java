package org.sekisho.passenger.egate.domain.declaration;

import java.time.Instant;

/**
 * A declaration whose signature verified.
 *
 * @param declaration what the traveller declared
 * @param keyId the signing key's identifier
 * @param signedAt when the declaration service signed it
 * @param id the declaration's identity (SHA-256 over the verifying key and the signed content, 64
 *     hex digits): the same QR shown again, or a copy of it, has the same id; another signing of
 *     the same answers (a later second) has another
 */
public record SealedDeclaration(
    CustomsDeclaration declaration, String keyId, Instant signedAt, String id) {}
