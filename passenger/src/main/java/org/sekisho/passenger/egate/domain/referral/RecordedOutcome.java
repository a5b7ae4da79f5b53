package org.sekisho.passenger.egate.domain.referral;

import java.time.Instant;

/**
 * One outcome as recorded. {@code version} counts the referral's outcomes from 1; an outcome with a
 * version above 1 corrects the one before it, which is kept.
 *
 * @param officer the account that recorded it
 */
public record RecordedOutcome(
    String captureId,
    int version,
    ReferralOutcome outcome,
    String comment,
    String officer,
    String agency,
    Instant recordedAt) {}
