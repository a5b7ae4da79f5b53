package org.sekisho.passenger.egate.domain.declaration;

import java.time.Instant;

/**
 * A declaration whose signature verified.
 *
 * @param declaration what the traveller declared
 * @param keyId the signing key's identifier
 * @param signedAt when the declaration service signed it
 */
public record SealedDeclaration(CustomsDeclaration declaration, String keyId, Instant signedAt) {}
