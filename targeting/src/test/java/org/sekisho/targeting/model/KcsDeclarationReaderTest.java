package org.sekisho.targeting.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.targeting.model.adapter.kcs.CsvReader;
import org.sekisho.targeting.model.adapter.kcs.KcsDeclarationReader;
import org.sekisho.targeting.model.domain.FraudLabel;
import org.sekisho.targeting.model.domain.KcsDeclaration;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class KcsDeclarationReaderTest {
  static final String HEADER =
      "Declaration ID,Date,Office ID,Process Type,Import Type,Import Use,Payment Type,Mode of"
          + " Transport,Declarant ID,Importer ID,Seller ID,Courier ID,HS6 Code,Country of"
          + " Departure,Country of Origin,Tax Rate,Tax Type,Country of Origin Indicator,Net"
          + " Mass,Item Price,Fraud,Critical Fraud\n";
  static final String ROW =
      "97061800,2020-01-01,30,B,11,21,11,10,ZZR1LT6,QLRUBN9,0VKY2BR,,440890,BE,BE,0.0,FEU1,G,108.0,372254.4,1,1\n";

  static List<KcsDeclarationReader.Row> rows(String csv) {
    KcsDeclarationReader r = KcsDeclarationReader.open(new StringReader(csv), false).orElseThrow();
    List<KcsDeclarationReader.Row> out = new ArrayList<>();
    for (KcsDeclarationReader.Row row = r.next(); row != null; row = r.next()) {
      out.add(row);
    }
    return out;
  }

  @Test
  void aWellFormedRowBecomesADeclarationWithItsLabel() {
    KcsDeclaration d = rows(HEADER + ROW).getFirst().declaration().orElseThrow();
    assertThat(d.declarationId()).isEqualTo("97061800");
    assertThat(d.importerId()).isEqualTo("QLRUBN9");
    assertThat(d.courierId()).isEmpty();
    assertThat(d.hs6()).isEqualTo("440890");
    assertThat(d.itemPrice()).isEqualTo(372254.4);
    assertThat(d.label()).isEqualTo(FraudLabel.FRAUD);
  }

  @Test
  void columnsAreFoundByHeaderNameInAnyOrderAndHs10IsCutToSixDigits() {
    String csv =
        "HS10 Code,Declaration ID,Date,Office ID,Process Type,Import Type,Import Use,Payment"
            + " Type,Mode of Transport,Declarant ID,Importer ID,Seller ID,Courier ID,Country of"
            + " Departure,Country of Origin,Tax Rate,Tax Type,Country of Origin Indicator,Net"
            + " Mass,Item Price\n"
            + "101990000,1,2020-02-03,30,B,11,21,11,10,D,I,S,C,CN,CN,8,A,Y,1,2\n";
    KcsDeclaration d = rows(csv).getFirst().declaration().orElseThrow();
    assertThat(d.hs6()).isEqualTo("010199");
    assertThat(d.label()).isEqualTo(FraudLabel.UNLABELLED);
  }

  @Test
  void quotedFieldsKeepCommasQuotesAndLineBreaks() {
    CsvReader csv = new CsvReader(new StringReader("a,\"b,\"\"c\"\"\nd\",e\r\nf,g\n"));
    CsvReader.Record first = csv.next();
    assertThat(first.fields().orElseThrow()).containsExactly("a", "b,\"c\"\nd", "e");
    CsvReader.Record second = csv.next();
    assertThat(second.line()).isEqualTo(3);
    assertThat(second.fields().orElseThrow()).containsExactly("f", "g");
    assertThat(csv.next()).isNull();
  }

  @Test
  void malformedRowsAreRejectedWithRowColumnAndReasonAndTheRestAreKept() {
    String bad1 = ROW.replace("2020-01-01", "01/01/2020").replace("108.0", "-3");
    String bad2 = "1,2,3\n";
    String bad3 = ROW.replace("QLRUBN9", "QL\"RUBN9");
    List<KcsDeclarationReader.Row> rows = rows(HEADER + bad1 + ROW + bad2 + "\n" + bad3 + ROW);
    assertThat(rows).hasSize(5);
    assertThat(rows.stream().filter(r -> r.declaration().isAccepted()).count()).isEqualTo(2);
    List<Problem> p1 = rows.get(0).declaration().problems();
    assertThat(p1)
        .extracting(Problem::field)
        .containsExactly(
            "line 2 (data row 1), column Date", "line 2 (data row 1), column Net Mass");
    assertThat(p1.getFirst().message()).contains("YYYY-MM-DD");
    assertThat(rows.get(2).declaration().problems().getFirst().message())
        .contains("3 fields", "22");
    assertThat(rows.get(3).row()).isEqualTo(4);
    // a blank line is no data row, but the file's line counts it: what an editor shows
    assertThat(rows.get(3).line()).isEqualTo(6);
    assertThat(rows.get(3).declaration().problems().getFirst().field())
        .isEqualTo("line 6 (data row 4)");
    assertThat(rows.get(3).declaration().problems().getFirst().message()).contains("quote");
  }

  @Test
  void aFileWithoutTheNeededColumnsIsRejectedNamingThem() {
    Outcome<KcsDeclarationReader> r =
        KcsDeclarationReader.open(new StringReader("Declaration ID,Date\n1,2020-01-01\n"), true);
    assertThat(r.problems())
        .extracting(Problem::field)
        .contains("Importer ID", "HS6 Code", "Fraud");
    assertThat(KcsDeclarationReader.open(new StringReader(""), false).problems().getFirst().code())
        .isEqualTo("empty-file");
  }

  @Test
  void theRealSampleFilesReadWithoutAProblem() {
    assertThat(TestData.read("train-3000.csv")).hasSize(3000);
    assertThat(TestData.read("valid-1000.csv")).hasSize(1000);
  }
}
