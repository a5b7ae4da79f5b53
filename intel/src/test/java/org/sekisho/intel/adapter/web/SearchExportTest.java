package org.sekisho.intel.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sekisho.intel.application.IntelViews.Hit;

class SearchExportTest {

  private static String cell(String v) {
    StringBuilder out = new StringBuilder();
    SearchExport.cell(out, v);
    return out.toString();
  }

  @Test
  void aCellASpreadsheetWouldRunIsWrittenAsText() {
    assertThat(cell("=1+1")).isEqualTo("'=1+1");
    assertThat(cell("+81 3 1234")).isEqualTo("'+81 3 1234");
    assertThat(cell("-2")).isEqualTo("'-2");
    assertThat(cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(cell("\tx")).isEqualTo("'\tx");
    assertThat(cell("=HYPERLINK(\"http://x\",\"a\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"a\"\")\"");
    assertThat(cell("tea = green")).isEqualTo("tea = green");
  }

  @Test
  void commasQuotesAndLineBreaksAreQuoted() {
    assertThat(cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(cell("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(cell("")).isEmpty();
    assertThat(cell(null)).isEmpty();
  }

  @Test
  void rowsCarryTheTimeInTheAdministrationsZoneAndALinkToTheRecord() {
    String csv =
        SearchExport.csv(
            List.of(
                new Hit(
                    7,
                    "declaration",
                    "D-1",
                    Instant.parse("2026-11-27T15:30:00Z"),
                    "JPTYO",
                    "Import declaration D-1",
                    List.of("CN", "JP"),
                    true)),
            ZoneId.of("Asia/Tokyo"),
            "http://127.0.0.1:8080");
    assertThat(csv.split("\r\n"))
        .containsExactly(
            "\uFEFFrecord_id,kind,source_id,event_time,office,countries,title,exact_match,url",
            "7,declaration,D-1,2026-11-28T00:30:00+09:00,JPTYO,CN JP,Import declaration D-1,yes,"
                + "http://127.0.0.1:8080/records/7");
  }
}
