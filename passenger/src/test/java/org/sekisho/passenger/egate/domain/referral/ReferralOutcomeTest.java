package org.sekisho.passenger.egate.domain.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.passenger.egate.domain.decision.Reason;
import org.sekisho.passenger.egate.domain.decision.Referral;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ReferralOutcomeTest {
  @Test
  void anOutcomeWithAnOutcomeACommentAndAVersionIsAccepted() {
    OutcomeRequest r =
        OutcomeRequest.read(" duty-paid ", "  declared 3 cartons, duty paid  ", 0).orElseThrow();
    assertThat(r.outcome()).isEqualTo(ReferralOutcome.DUTY_PAID);
    assertThat(r.comment()).isEqualTo("declared 3 cartons, duty paid");
    assertThat(r.expectedVersion()).isZero();
  }

  @Test
  void eachMistakeIsAProblemNamingItsField() {
    Outcome<OutcomeRequest> o = OutcomeRequest.read("let-go", "   ", null);
    assertThat(o.problems())
        .extracting(Problem::field)
        .containsExactly("outcome", "comment", "version");
    assertThat(OutcomeRequest.read("", "x", 0).problems())
        .extracting(Problem::code)
        .containsExactly("missing-field");
    assertThat(OutcomeRequest.read("seizure", "x", -1).problems().get(0).field())
        .isEqualTo("version");
    assertThat(
            OutcomeRequest.read("seizure", "x".repeat(OutcomeRequest.MAX_COMMENT + 1), 0)
                .problems()
                .get(0)
                .field())
        .isEqualTo("comment");
  }

  @Test
  void theGateReferralsFieldIsReadBackIntoItsReasonsEvenWhenADetailHoldsSemicolons() {
    String field =
        "FACE_NOT_COMPARED: ; TARGETING_HIT: list A: ERIKSSON; list B: ANNA; CASH_DECLARED:"
            + " JPY 2000000";
    assertThat(GateReferrals.parse(field))
        .containsExactly(
            new Referral(Reason.FACE_NOT_COMPARED, ""),
            new Referral(Reason.TARGETING_HIT, "list A: ERIKSSON; list B: ANNA"),
            new Referral(Reason.CASH_DECLARED, "JPY 2000000"));
    assertThat(GateReferrals.parse(null)).isEmpty();
    assertThat(GateReferrals.parse("")).isEmpty();
  }
}
