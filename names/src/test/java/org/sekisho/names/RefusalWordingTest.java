package org.sekisho.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sekisho.core.Problem;
import org.sekisho.names.adapter.file.FollowTheMoneyJson;
import org.sekisho.names.adapter.file.WatchlistCsv;
import org.sekisho.names.domain.watchlist.PartialDate;
import org.sekisho.names.domain.watchlist.Severity;

/**
 * Each refusal the watchlist readers give carries its wording ({@link Problem#key()}) and the
 * values it quotes ({@link Problem#args()}), so that another language words it without reading the
 * English back; the English message, code and field stay as clients match on them.
 */
class RefusalWordingTest {

  private static final String HEADER =
      "list,id,name,aliases,birth_dates,nationalities,documents,severity\n";

  private static List<Problem> csv(String text) {
    return WatchlistCsv.read(new StringReader(text), e -> {});
  }

  private static List<Problem> ftm(String text) {
    return FollowTheMoneyJson.read(
        new BufferedReader(new StringReader(text)), "x", Severity.LOW, e -> {});
  }

  /** code, field, message, key and args of a problem, as one list to compare. */
  private static List<Object> whole(Problem p) {
    return List.of(p.code(), p.field(), p.message(), p.key(), p.args());
  }

  @Test
  void every_csv_row_refusal_has_its_wording_and_values() {
    String text =
        HEADER
            + "l,1,A,,1970-13,,,\n"
            + "l,2,B,,1970-02-30,,,\n"
            + "l,3,C,,19x0,,,\n"
            + "l,4,D,,,zz,,\n"
            + "l,5,E,,,,--,\n"
            + "l,6,F,,,,,urgent\n"
            + "l,7,G\n"
            + "l,,H,,,,,\n"
            + "l,9,I\u0000,,,,,\n"
            + "l,10,\"J\" K,,,,,\n"
            + "l,11,K,,1970-01-00,,,\n"
            + "l,12,\"never closed,,,,,\n";
    List<List<Object>> got = new ArrayList<>();
    csv(text).forEach(p -> got.add(whole(p)));
    assertThat(got)
        .containsExactly(
            List.of(
                "invalid-date",
                "row 2 birth_dates",
                "month out of range in '1970-13'",
                "invalid-date",
                List.of("1970-13")),
            List.of(
                "invalid-date",
                "row 3 birth_dates",
                "no such day: '1970-02-30'",
                "invalid-date",
                List.of("1970-02-30")),
            List.of(
                "invalid-date",
                "row 4 birth_dates",
                "date '19x0' is not YYYY, YYYY-MM or YYYY-MM-DD",
                "invalid-date",
                List.of("19x0")),
            List.of(
                "invalid-country",
                "row 5 nationalities",
                "expected an ISO 3166-1 alpha-2 country code, got 'ZZ'",
                "invalid-country",
                List.of("ZZ")),
            List.of(
                "invalid-document",
                "row 6 documents",
                "document '--' has no letters or digits",
                "invalid-document",
                List.of("--")),
            List.of(
                "invalid-severity",
                "row 7 severity",
                "severity 'urgent' is not one of low, medium, high, critical",
                "invalid-severity",
                List.of("urgent")),
            List.of(
                "wrong-field-count",
                "row 8",
                "expected 8 fields, found 3",
                "wrong-field-count",
                List.of("8", "3")),
            List.of(
                "missing-field",
                "row 9",
                "list, id and name must not be empty",
                "missing-field",
                List.of()),
            List.of(
                "invalid-character",
                "row 10 name",
                "name contains a NUL character (U+0000), which cannot be stored; remove it",
                "invalid-character",
                List.of()),
            List.of(
                "malformed-csv",
                "row 11",
                "text after a closing quote in field 3",
                "after-quote",
                List.of("3")),
            List.of(
                "invalid-date",
                "row 12 birth_dates",
                "day out of range in '1970-01-00'",
                "invalid-date",
                List.of("1970-01-00")),
            List.of(
                "malformed-csv",
                "row 13",
                "a quoted field opened on line 13 is never closed; the lines after it are read"
                    + " again as rows",
                "never-closed",
                List.of("13")));
  }

  @Test
  void a_missing_header_or_column_has_its_wording() {
    assertThat(csv("").stream().map(RefusalWordingTest::whole))
        .containsExactly(
            List.of(
                "missing-header",
                "header",
                "expected the header list,id,name,aliases,birth_dates,nationalities,documents,"
                    + "severity",
                "missing-header",
                List.of()));
    assertThat(csv("list,id\nl,1\n").stream().map(RefusalWordingTest::whole))
        .containsExactly(
            List.of(
                "missing-column",
                "header",
                "column 'name' is required; header was [list, id]",
                "missing-column",
                List.of("name")));
  }

  @Test
  void every_follow_the_money_refusal_has_its_wording_and_values() {
    // ids holding ": " and a quote: what an English message cannot be read back from safely
    String text =
        "{\"id\":\"o'neil: 1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"A\"],"
            + "\"birthDate\":[\"1970-02-30T00:00\"],\"nationality\":[\"suhh\"]}}\n"
            + "not json\n"
            + "[1]\n"
            + "{\"id\":\"x\",\"properties\":{}}\n"
            + "{\"schema\":\"Person\",\"properties\":{\"name\":[\"B\"]}}\n"
            + "{\"id\":\"acme: 2\",\"schema\":\"Person\",\"properties\":{}}\n"
            + "{\"id\":\"n\u0000\",\"schema\":\"Person\"}\n"
            + "{\"id\":\"n\\u0000\",\"schema\":\"Person\"}\n";
    List<Problem> problems = ftm(text);
    List<List<Object>> got = new ArrayList<>();
    problems.forEach(p -> got.add(List.of(p.code(), p.field(), p.key(), p.args())));
    assertThat(got)
        .containsExactly(
            List.of(
                "value-left-out",
                "line 1 birthDate",
                "date-left-out",
                List.of("o'neil: 1", "1970-02-30")),
            List.of(
                "value-left-out",
                "line 1 nationality",
                "country-left-out",
                List.of("o'neil: 1", "suhh")),
            List.of("malformed-json", "line 2", "malformed-json", List.of()),
            List.of("malformed-json", "line 3", "malformed-json", List.of()),
            List.of("missing-schema", "line 4", "missing-schema", List.of()),
            List.of("missing-id", "line 5", "missing-id", List.of()),
            List.of("missing-name", "line 6", "missing-name", List.of("acme: 2")),
            List.of("invalid-character", "line 7", "invalid-character", List.of()),
            List.of("invalid-character", "line 8 id", "invalid-character", List.of()));
    // the English stays as it was
    assertThat(problems.get(0).message())
        .isEqualTo(
            "entity o'neil: 1: no such day: '1970-02-30'; the date is left out, the entity kept");
    assertThat(problems.get(1).message())
        .isEqualTo(
            "entity o'neil: 1: 'suhh' is not an ISO country code; left out, the entity kept");
    assertThat(problems.get(6).message()).isEqualTo("entity acme: 2 has no name");
  }

  @Test
  void dates_and_severities_refused_alone_have_their_wording() {
    Problem date = PartialDate.parse("dob", "1970-1").problems().get(0);
    assertThat(date.key()).isEqualTo("invalid-date");
    assertThat(date.args()).containsExactly("1970-1");
    Problem severity = Severity.parse("severity", " Urgent ").problems().get(0);
    assertThat(severity.key()).isEqualTo("invalid-severity");
    assertThat(severity.args()).containsExactly(" Urgent ");
    assertThat(severity.message())
        .isEqualTo("severity ' Urgent ' is not one of low, medium, high, critical");
  }
}
