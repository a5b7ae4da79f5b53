package org.sekisho.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.platform.audit.AuditQuery.Match;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class AuditQueryTest {
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  private static AuditQuery ok(String... kv) {
    return AuditQuery.parse(params(kv), TOKYO).orElseThrow();
  }

  private static Problem refused(String... kv) {
    Outcome<AuditQuery> o = AuditQuery.parse(params(kv), TOKYO);
    assertThat(o.isAccepted()).as(String.join(" ", kv)).isFalse();
    return o.problems().get(0);
  }

  private static Map<String, String> params(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void aDateIsTheWholeDayInTheAdministrationsZoneFromItsStartToTheStartOfTheNext() {
    AuditQuery q = ok("from", "2026-11-27", "to", "2026-11-27");
    assertThat(q.from()).contains(Instant.parse("2026-11-26T15:00:00Z"));
    assertThat(q.to()).contains(Instant.parse("2026-11-27T15:00:00Z"));
  }

  @Test
  void aLocalTimeIsReadInTheZoneAndATimeWithAnOffsetAsWritten() {
    assertThat(ok("from", "2026-11-27T09:30").from())
        .contains(Instant.parse("2026-11-27T00:30:00Z"));
    assertThat(ok("from", "2026-11-27T09:30:00+02:00").from())
        .contains(Instant.parse("2026-11-27T07:30:00Z"));
    assertThat(ok("to", "2026-11-27T09:30:00Z").to())
        .contains(Instant.parse("2026-11-27T09:30:00Z"));
  }

  @Test
  void anActionEndingInADotOrAStarIsAPrefixASubjectOnlyWithAStar() {
    assertThat(ok("action", "targeting.").action()).contains(new Match("targeting.", true));
    assertThat(ok("action", "targeting.*").action()).contains(new Match("targeting.", true));
    assertThat(ok("action", "record.read").action()).contains(new Match("record.read", false));
    assertThat(ok("subject", "record:*").subject()).contains(new Match("record:", true));
    assertThat(ok("subject", "record:42").subject()).contains(new Match("record:42", false));
    assertThat(ok("subject", "agency.").subject()).contains(new Match("agency.", false));
  }

  @Test
  void blankParametersAreAbsentAndTheRestAreKeptTrimmedInAFixedOrder() {
    AuditQuery q = ok("limit", "20", "actor", "  kato ", "agency", " ", "q", "", "lang", "ja");
    assertThat(q.actor()).contains("kato");
    assertThat(q.agency()).isEmpty();
    assertThat(q.text()).isEmpty();
    assertThat(q.limit()).isEqualTo(20);
    assertThat(q.given()).containsExactly(Map.entry("actor", "kato"), Map.entry("limit", "20"));
    assertThat(q.before(7).given())
        .containsExactly(
            Map.entry("actor", "kato"), Map.entry("before", "7"), Map.entry("limit", "20"));
    assertThat(AuditQuery.newest().limit()).isEqualTo(AuditQuery.DEFAULT_LIMIT);
  }

  @Test
  void badParametersAreRefusedNamingTheParameterAndTheExpectedForm() {
    record Bad(List<String> params, String field, String says) {}
    for (Bad b :
        List.of(
            new Bad(List.of("from", "yesterday"), "from", "expected a date (2026-11-27)"),
            new Bad(List.of("to", "2026-02-30"), "to", "a local time read in Asia/Tokyo"),
            new Bad(List.of("from", "+12026-01-01T00:00"), "from", "expected a date"),
            new Bad(List.of("from", "2026-11-28", "to", "2026-11-27"), "from", "before to"),
            new Bad(
                List.of("from", "2026-11-27T10:00", "to", "2026-11-27T10:00"), "from", "before"),
            new Bad(List.of("limit", "0"), "limit", "from 1 to 500"),
            new Bad(List.of("limit", "501"), "limit", "from 1 to 500"),
            new Bad(List.of("limit", "ten"), "limit", "got 'ten'"),
            new Bad(List.of("before", "0"), "before", "a whole number from 1"),
            new Bad(List.of("before", "12a"), "before", "the seq of an entry"),
            new Bad(List.of("action", "*"), "action", "targeting.*"),
            new Bad(List.of("subject", "rec*ord*"), "subject", "record:*"),
            new Bad(List.of("actor", "x".repeat(201)), "actor", "at most 200 characters"),
            new Bad(List.of("q", "y".repeat(300)), "q", "at most 200 characters"))) {
      Problem p = refused(b.params().toArray(String[]::new));
      assertThat(p.field()).as(b.params().toString()).isEqualTo(b.field());
      assertThat(p.code()).isEqualTo("invalid-parameter");
      assertThat(p.message()).as(b.params().toString()).contains(b.says());
    }
  }

  @Test
  void everyProblemIsReportedNotOnlyTheFirst() {
    Outcome<AuditQuery> o =
        AuditQuery.parse(params("from", "soon", "limit", "9999", "before", "x"), TOKYO);
    assertThat(o.problems()).extracting(Problem::field).containsExactly("from", "before", "limit");
  }

  @Test
  void thePrefixUpperBoundIsTheLeastTextAboveEveryTextWithThePrefix() {
    assertThat(AuditSearch.upperBound("targeting.")).contains("targeting/");
    assertThat(AuditSearch.upperBound("a\uD7FF")).contains("a\uE000");
    assertThat(AuditSearch.upperBound("b" + new String(Character.toChars(0x10FFFF)))).contains("c");
    assertThat(AuditSearch.upperBound(new String(Character.toChars(0x10FFFF))))
        .isEqualTo(Optional.empty());
    assertThat(AuditSearch.escapeLike("50%_off!")).isEqualTo("50!%!_off!!");
  }
}
