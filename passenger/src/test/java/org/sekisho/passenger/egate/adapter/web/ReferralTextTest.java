package org.sekisho.passenger.egate.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.core.Outcome;
import org.sekisho.passenger.egate.domain.decision.GateDecision;
import org.sekisho.passenger.egate.domain.decision.GateInputs;
import org.sekisho.passenger.egate.domain.decision.GateRules;
import org.sekisho.passenger.egate.domain.decision.Reason;
import org.sekisho.passenger.egate.domain.decision.Referral;
import org.sekisho.passenger.egate.domain.referral.GateReferrals;
import org.sekisho.platform.i18n.Messages;

/**
 * Referral details and record fields in the reader's language, with no English left in Japanese.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReferralTextTest {
  private static final List<String> BUNDLES = List.of("i18n.egate", "i18n.platform");
  private static final Messages EN = new Messages(Locale.ENGLISH, BUNDLES);
  private static final Messages JA =
      new Messages(Locale.JAPANESE, BUNDLES, ZoneId.of("Asia/Tokyo"));

  /** The referrals the gate gives with these screening hits, as stored and read back. */
  private static List<Referral> storedReferrals(List<String> hits) {
    GateDecision d =
        GateRules.decide(
            new GateInputs(
                Outcome.rejected("mrz-layout", "lines", "no layout"),
                Outcome.rejected("chip-not-read", "chip", "not read"),
                Outcome.rejected("qr-missing", "declaration", "no declaration QR was shown"),
                null,
                hits,
                LocalDate.of(2026, 11, 29),
                "",
                false,
                null));
    List<Referral> referrals = ((GateDecision.SecondaryInspection) d).referrals();
    String field =
        String.join(
            "; ", referrals.stream().map(r -> r.reason().name() + ": " + r.detail()).toList());
    return GateReferrals.parse(field, GateReferrals.encodeDetails(referrals));
  }

  private static Referral of(List<Referral> referrals, Reason reason) {
    return referrals.stream().filter(r -> r.reason() == reason).findFirst().orElseThrow();
  }

  @Test
  void aScreeningHitsSeverityIsWordedInJapaneseAndItsSourceAndTitleKeptAsListed() {
    List<String> hits =
        List.of(
            "high watchlist:national-alerts/e1: ERIKSSON | ANNA \\ MARIA",
            "critical watchlist:un/7: Anna Eriksson; alias",
            "something screening said");
    Referral hit = of(storedReferrals(hits), Reason.TARGETING_HIT);
    assertThat(ReferralText.detail(JA, hit))
        .isEqualTo(
            "重大度 高 watchlist:national-alerts/e1: ERIKSSON | ANNA \\ MARIA；"
                + "重大度 重大 watchlist:un/7: Anna Eriksson; alias；something screening said")
        .doesNotContain("high ")
        .doesNotContain("critical ");
    // English reads as screening wrote the hits
    assertThat(ReferralText.detail(EN, hit)).isEqualTo(String.join("; ", hits));
    assertThat(ReferralText.hits(JA, List.of(hit), String.join("; ", hits))).startsWith("重大度 高 ");
  }

  @Test
  void aProblemsFieldIsWordedInJapaneseNotLeftAsTheRecordsEnglishName() {
    List<Referral> stored = storedReferrals(List.of());
    String declaration = ReferralText.detail(JA, of(stored, Reason.DECLARATION_INVALID));
    assertThat(declaration)
        .isEqualTo("申告書: 申告 QR コードが提示されていません（qr-missing）")
        .doesNotContain("declaration");
    assertThat(ReferralText.detail(EN, of(stored, Reason.DECLARATION_INVALID)))
        .isEqualTo("declaration: no declaration QR was shown (qr-missing)");
    assertThat(ReferralText.where(JA, "birth_date (line 2, position 14)"))
        .isEqualTo("生年月日（2 行目 14 文字目）");
    assertThat(ReferralText.where(JA, "line 1, position 3")).isEqualTo("1 行目 3 文字目");
    assertThat(ReferralText.where(EN, "birth_date (line 2, position 14)"))
        .isEqualTo("birth_date (line 2, position 14)");
    // a chip file is named the same in every language
    assertThat(ReferralText.where(JA, "EF.SOD")).isEqualTo("EF.SOD");
  }

  @Test
  void theDeclarationsSignatureIsWordedInJapanese() {
    assertThat(ReferralText.signature(JA, "verified (key k-2026-01, signed 2026-11-29T01:30:00Z)"))
        .startsWith("検証済み（鍵 k-2026-01、")
        .contains("2026")
        .doesNotContain("verified")
        .doesNotContain("signed");
    assertThat(
            ReferralText.signature(
                JA,
                "refused: qr-signature-invalid the signature does not match the content: the QR"
                    + " was altered or forged"))
        .isEqualTo("不受理: 署名を検証できません（QR コードが改ざんまたは偽造されています）（qr-signature-invalid）");
    // a text of another form is kept as it is
    assertThat(ReferralText.signature(JA, "something else")).isEqualTo("something else");
  }
}
