package org.sekisho.passenger.egate.domain.referral;

import java.util.ArrayList;
import java.util.List;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;

/**
 * An officer's outcome for one referral, as entered: the outcome, the mandatory comment and the
 * version of the referral the officer saw (the number of outcomes recorded when the page or the
 * record was read, 0 for none), so that a second outcome is knowingly a correction.
 */
public record OutcomeRequest(ReferralOutcome outcome, String comment, int expectedVersion) {
  /** Longest comment kept, in characters. */
  public static final int MAX_COMMENT = 2000;

  /**
   * Reads the entered values; every mistake is a problem naming its field ({@code outcome}, {@code
   * comment}, {@code version}), never an exception.
   *
   * @param expectedVersion null when the caller sent none
   */
  public static Outcome<OutcomeRequest> read(
      String outcome, String comment, Integer expectedVersion) {
    List<Problem> problems = new ArrayList<>();
    String code = outcome == null ? "" : outcome.strip();
    ReferralOutcome o = ReferralOutcome.ofCode(code).orElse(null);
    if (code.isEmpty()) {
      problems.add(
          Problem.of("missing-field", "outcome", "choose one of " + ReferralOutcome.CODES));
    } else if (o == null) {
      problems.add(
          Problem.of("invalid-field", "outcome", "expected one of " + ReferralOutcome.CODES));
    }
    String c = comment == null ? "" : comment.strip();
    if (c.isEmpty()) {
      problems.add(Problem.of("missing-field", "comment", "say what was done and why (mandatory)"));
    } else if (c.length() > MAX_COMMENT) {
      problems.add(
          Problem.of(
              "invalid-field",
              "comment",
              "at most " + MAX_COMMENT + " characters, got " + c.length()));
    }
    if (expectedVersion == null) {
      problems.add(
          Problem.of(
              "missing-field", "version", "send the version you read (0 when no outcome yet)"));
    } else if (expectedVersion < 0) {
      problems.add(Problem.of("invalid-field", "version", "expected a whole number from 0"));
    }
    return problems.isEmpty()
        ? Outcome.accepted(new OutcomeRequest(o, c, expectedVersion))
        : new Outcome.Rejected<>(problems);
  }
}
