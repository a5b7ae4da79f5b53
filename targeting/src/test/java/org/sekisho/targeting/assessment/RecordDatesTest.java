package org.sekisho.targeting.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.targeting.assessment.adapter.json.DeclarationJson;
import org.sekisho.targeting.assessment.domain.ActiveCriterion;
import org.sekisho.targeting.criteria.domain.CriteriaLanguage;
import org.sekisho.targeting.criteria.domain.Criterion;
import org.sekisho.targeting.criteria.domain.DeclarationView;

/**
 * A record's date is its calendar date in the administration's zone: the same instant written in
 * UTC or with the local offset gives the same date, and a criterion in force for one local day
 * applies to both.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RecordDatesTest {
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  private static DeclarationView declaration(DeclarationJson parser, String date) {
    return parser
        .parse(
            "declaration",
            "{\"declarationId\":\"D-"
                + date
                + "\",\"date\":\""
                + date
                + "\",\"office\":\"JPYOK\",\"items\":[{\"hsCode\":\"090121\"}]}")
        .orElseThrow();
  }

  @Test
  void theSameInstantWrittenInUtcOrTokyoTimeIsDatedByTheCalendarInTokyo() {
    DeclarationJson tokyo = new DeclarationJson(TOKYO);
    LocalDate first = LocalDate.of(2026, 12, 1);
    assertThat(declaration(tokyo, "2026-12-01T08:30:00+09:00").date()).isEqualTo(first);
    assertThat(declaration(tokyo, "2026-11-30T23:30:00Z").date()).isEqualTo(first);
    assertThat(declaration(tokyo, "2026-11-30T15:00:00Z").date()).isEqualTo(first);
    assertThat(declaration(tokyo, "2026-11-30T14:59:59.999Z").date())
        .isEqualTo(LocalDate.of(2026, 11, 30));
    // a time without offset is local time; a date alone is that date
    assertThat(declaration(tokyo, "2026-12-01T00:10:00").date()).isEqualTo(first);
    assertThat(declaration(tokyo, "2026-12-01").date()).isEqualTo(first);
    // the default is Tokyo; another administration's zone gives its own calendar
    assertThat(declaration(new DeclarationJson(), "2026-11-30T23:30:00Z").date()).isEqualTo(first);
    assertThat(declaration(new DeclarationJson(ZoneId.of("UTC")), "2026-11-30T23:30:00Z").date())
        .isEqualTo(LocalDate.of(2026, 11, 30));
  }

  @Test
  void aCriterionInForceForOneLocalDayAppliesToTheSameInstantHoweverItIsWritten() {
    Criterion coffee =
        CriteriaLanguage.compileOne(
                "criterion \"Coffee\" when hs starts with \"0901\" then lane red"
                    + " because \"Coffee on the first of December\"",
                Map.of())
            .criteria()
            .get(0);
    LocalDate day = LocalDate.of(2026, 12, 1);
    ActiveCriterion c =
        new ActiveCriterion(1, 1, coffee, Set.of(), Optional.of(day), Optional.of(day));
    DeclarationJson tokyo = new DeclarationJson(TOKYO);
    assertThat(c.appliesTo(declaration(tokyo, "2026-12-01T08:30:00+09:00"))).isTrue();
    assertThat(c.appliesTo(declaration(tokyo, "2026-11-30T23:30:00Z"))).isTrue();
    assertThat(c.appliesTo(declaration(tokyo, "2026-11-30T14:30:00Z"))).isFalse();
  }
}
