package org.sekisho.passenger.egate.domain.decision;

/** One reason for secondary inspection with the detail an officer needs. */
public record Referral(Reason reason, String detail) {}
