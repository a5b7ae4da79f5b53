package org.sekisho.targeting.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Timeout;
import org.sekisho.core.Outcome;
import org.sekisho.targeting.model.adapter.kcs.KcsDeclarationReader;

/** Thousands of mutated KCS files: the reader never throws and always answers row by row. */
@Timeout(60)
class KcsDeclarationReaderProperties {
  static final String VALID =
      KcsDeclarationReaderTest.HEADER + KcsDeclarationReaderTest.ROW + KcsDeclarationReaderTest.ROW;

  @Provide
  Arbitrary<String> mutated() {
    Arbitrary<Character> chars =
        Arbitraries.of(',', '"', '\n', '\r', 'x', '-', '.', '9', ' ', '\0');
    return Arbitraries.integers()
        .between(1, 8)
        .flatMap(
            n ->
                Arbitraries.integers()
                    .between(0, VALID.length() - 1)
                    .flatMap(pos -> chars.map(c -> Tuple.of(pos, c)))
                    .list()
                    .ofSize(n)
                    .map(
                        edits -> {
                          StringBuilder s = new StringBuilder(VALID);
                          for (var e : edits) {
                            int p = Math.min(e.get1(), s.length() - 1);
                            if (p % 3 == 0) {
                              s.deleteCharAt(p);
                            } else if (p % 3 == 1) {
                              s.insert(p, e.get2());
                            } else {
                              s.setCharAt(p, e.get2());
                            }
                          }
                          return s.toString();
                        }));
  }

  @Property(tries = 3000)
  void mutatedFilesNeverThrowAndEveryRowIsADeclarationOrAReason(@ForAll("mutated") String csv) {
    Outcome<KcsDeclarationReader> opened = KcsDeclarationReader.open(new StringReader(csv), false);
    if (!opened.isAccepted()) {
      assertThat(opened.problems()).isNotEmpty();
      return;
    }
    KcsDeclarationReader r = opened.orElseThrow();
    int rows = 0;
    for (KcsDeclarationReader.Row row = r.next(); row != null; row = r.next()) {
      rows++;
      assertThat(row.row()).isEqualTo(rows);
      if (!row.declaration().isAccepted()) {
        String prefix = "line " + row.line() + " (data row " + rows + ")";
        assertThat(row.declaration().problems())
            .allSatisfy(p -> assertThat(p.field()).startsWith(prefix));
      }
    }
    assertThat(rows).isLessThan(20);
  }

  @Property(tries = 1000)
  void arbitraryTextNeverThrows(@ForAll String text) {
    Outcome<KcsDeclarationReader> opened =
        KcsDeclarationReader.open(new StringReader(KcsDeclarationReaderTest.HEADER + text), false);
    KcsDeclarationReader r = opened.orElseThrow();
    for (KcsDeclarationReader.Row row = r.next(); row != null; row = r.next()) {
      assertThat(row.declaration().isAccepted() || !row.declaration().problems().isEmpty())
          .isTrue();
    }
  }
}
