package org.sekisho.targeting.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.targeting.criteria.domain.ListCsv;
import org.sekisho.targeting.criteria.domain.ListKind;

/**
 * A list file's first line is the header {@code value} or {@code value,note}, or the first entry; a
 * header of other columns refuses the file, naming the column and the header's columns.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ListCsvHeaderTest {
  @Test
  void aHeaderOfOtherColumnsRefusesTheWholeFileNamingTheColumn() {
    ListCsv.Read swapped = ListCsv.read("nmae,value\nYamada Taro,seized 2026\n", ListKind.PARTIES);
    assertThat(swapped.headerRefused()).isTrue();
    assertThat(swapped.rows()).isEmpty();
    assertThat(swapped.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo("invalid-header");
              assertThat(p.field()).isEqualTo("line 1, column 1");
              assertThat(p.message()).contains("'nmae'", "expected 'value'", "value or value,note");
            });
    ListCsv.Read misnamedNote = ListCsv.read("value,ntoe\nTH,x\n", ListKind.COUNTRIES);
    assertThat(misnamedNote.problems().get(0).field()).isEqualTo("line 1, column 2");
    assertThat(misnamedNote.problems().get(0).message()).contains("'ntoe'", "expected 'note'");
    ListCsv.Read extra = ListCsv.read("value,note,source\nTH,x,y\n", ListKind.COUNTRIES);
    assertThat(extra.problems().get(0).field()).isEqualTo("line 1, column 3");
    assertThat(extra.problems().get(0).message()).contains("expected no more columns");
    ListCsv.Read backwards = ListCsv.read("note,value\nx,TH\n", ListKind.COUNTRIES);
    assertThat(backwards.headerRefused()).isTrue();
    ListCsv.Read misspelt = ListCsv.read("vaule\n0901\n", ListKind.HS_CODES);
    assertThat(misspelt.headerRefused()).isTrue();
    assertThat(misspelt.problems().get(0).message()).contains("'vaule'");
  }

  @Test
  void theDocumentedHeaderAndAFileWithoutOneAreReadAsBefore() {
    assertThat(ListCsv.read("value,note\nTH,a\nCO,b\n", ListKind.COUNTRIES).rows()).hasSize(2);
    assertThat(ListCsv.read("Value\nTH\n", ListKind.COUNTRIES).rows()).hasSize(1);
    assertThat(ListCsv.read("value,\nTH\n", ListKind.COUNTRIES).rows()).hasSize(1);
    ListCsv.Read none = ListCsv.read("TH,a\nNO,b\n", ListKind.COUNTRIES);
    assertThat(none.headerRefused()).isFalse();
    assertThat(none.rows()).extracting(ListCsv.Row::value).containsExactly("TH", "NO");
    // a party whose name is close to a column's is an entry, not a header
    ListCsv.Read party = ListCsv.read("Valve,watched\n", ListKind.PARTIES);
    assertThat(party.headerRefused()).isFalse();
    assertThat(party.rows()).hasSize(1);
  }

  @Test
  void aFirstLineOfColumnNamesIsAHeaderAndRefusedNeverReadAsEntries() {
    for (String header : List.of("name,comment", "id", "ID", "Name", "value;note", "name\tnote")) {
      for (ListKind kind : List.of(ListKind.PARTIES, ListKind.DOCUMENTS, ListKind.ADDRESSES)) {
        ListCsv.Read r = ListCsv.read(header + "\nX,y\n", kind);
        assertThat(r.headerRefused()).as(header + " on " + kind).isTrue();
        assertThat(r.rows()).isEmpty();
        assertThat(r.problems())
            .singleElement()
            .satisfies(
                p -> {
                  assertThat(p.code()).isEqualTo("invalid-header");
                  assertThat(p.field()).isEqualTo("line 1, column 1");
                });
      }
    }
    // where column names are no entry of the kind, the same
    assertThat(ListCsv.read("code,comment\n0901\n", ListKind.HS_CODES).headerRefused()).isTrue();
    assertThat(ListCsv.read("number\n+81 3 1234 5678\n", ListKind.PHONES).headerRefused()).isTrue();
  }

  @Test
  void realEntriesThatLookLikeWordsStayEntries() {
    // ID is Indonesia and NO Norway: a country list's entries, not columns
    ListCsv.Read countries = ListCsv.read("ID,seized\nNO\n", ListKind.COUNTRIES);
    assertThat(countries.headerRefused()).isFalse();
    assertThat(countries.rows()).extracting(ListCsv.Row::value).containsExactly("ID", "NO");
    ListCsv.Read id = ListCsv.read("ID\nTH\n", ListKind.COUNTRIES);
    assertThat(id.rows()).hasSize(2);
    // a party whose name holds a column word, or a note that is one, is an entry
    for (String line :
        List.of("NAME TRADING,watched", "X,comment", "Golden Lotus Trading", "Sakura;Osaka")) {
      ListCsv.Read r = ListCsv.read(line + "\nY\n", ListKind.PARTIES);
      assertThat(r.headerRefused()).as(line).isFalse();
      assertThat(r.rows()).as(line).hasSize(2);
    }
  }
}
