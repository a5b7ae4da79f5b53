package org.sekisho.passenger.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sekisho.core.Problem;
import org.sekisho.passenger.screening.application.ScreeningLists;
import org.sekisho.passenger.screening.application.ScreeningStore.ListEntry;
import org.sekisho.passenger.screening.domain.PassengerListKind;

/** Fuzz: mutated list CSV never crashes the reader; every refused row names its line. */
class ListCsvProperties {
  private static final String SEED =
      "value,note\nCO,\"source, of coca\"\n370266,bin\n+81 3 1234 5678,agent\nBOG,hub\nXX\n";

  @Provide
  Arbitrary<String> mutated() {
    Arbitrary<Integer> pos = Arbitraries.integers().between(0, SEED.length());
    Arbitrary<String> insert =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(6),
            Arbitraries.of("\"", ",", "\n", "\r", "\"\"", "\uFEFF", ",,,", "value"));
    return pos.flatMap(p -> insert.map(s -> SEED.substring(0, p) + s + SEED.substring(p)));
  }

  @Property(tries = 2000)
  void listCsvNeverThrowsAndRefusalsSayWhichLine(
      @ForAll("mutated") String text, @ForAll PassengerListKind kind) {
    List<ListEntry> got = new ArrayList<>();
    ScreeningLists.CsvRead r = ScreeningLists.readCsv(new StringReader(text), kind, got::add);
    assertThat(got.size() + r.refused().size()).isLessThanOrEqualTo(r.rows() + 1);
    for (Problem p : r.refused()) {
      assertThat(p.field()).matches("line \\d+");
      assertThat(p.message()).isNotBlank();
    }
    for (ListEntry e : got) {
      assertThat(kind.normalise(e.value()).value()).isEqualTo(e.value());
    }
  }
}
