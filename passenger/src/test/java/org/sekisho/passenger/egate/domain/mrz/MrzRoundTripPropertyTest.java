package org.sekisho.passenger.egate.domain.mrz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Timeout;
import org.sekisho.core.Outcome;

/** Generate-then-parse round trips, and mutated lines that must never crash the parser. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MrzRoundTripPropertyTest {
  private final MrzParser parser =
      new MrzParser(Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC));

  @Provide
  Arbitrary<MrzData> documents() {
    Arbitrary<MrzFormat> format = Arbitraries.of(MrzFormat.values());
    Arbitrary<String> name =
        Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(12);
    Arbitrary<String> number =
        Arbitraries.strings()
            .withCharRange('A', 'Z')
            .withCharRange('0', '9')
            .ofMinLength(1)
            .ofMaxLength(9);
    Arbitrary<String> date =
        Combinators.combine(
                Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 28))
            .as((y, m, d) -> String.format("%02d%02d%02d", y, m, d));
    Arbitrary<String> state = Arbitraries.of("JPN", "UTO", "D", "FRA", "USA", "XXA", "GBR");
    Arbitrary<String> sex = Arbitraries.of("M", "F", "X", "");
    Arbitrary<String> optional = Arbitraries.strings().withCharRange('0', '9').ofMaxLength(7);
    return Combinators.combine(format, name, name, number, state, date, sex, date)
        .flatAs(
            (f, sur, given, num, st, birth, sx, exp) ->
                optional.map(
                    opt ->
                        new MrzData(
                            f,
                            f == MrzFormat.TD3 ? "P" : f.isVisa() ? "V" : "I",
                            st,
                            sur,
                            given,
                            num,
                            st,
                            birth,
                            sx,
                            exp,
                            opt,
                            "")));
  }

  @Property(tries = 2000)
  void generatedZonesParseBackValidWithTheSameFields(@ForAll("documents") MrzData d) {
    List<String> lines = new MrzGenerator().generate(d).orElseThrow();
    MachineReadableZone m = parser.parse(lines).orElseThrow();
    assertThat(m.format()).isEqualTo(d.format());
    assertThat(m.valid()).as("%s %s", lines, m.problems()).isTrue();
    assertThat(m.documentNumber()).isEqualTo(d.documentNumber());
    assertThat(m.field("birth_date")).isEqualTo(d.birthDate());
    assertThat(m.field("expiry_date")).isEqualTo(d.expiryDate());
    assertThat(m.field("primary_identifier")).isEqualTo(d.surname());
    assertThat(m.field("secondary_identifier")).isEqualTo(d.givenNames());
    assertThat(m.nationality()).isEqualTo(d.nationality());
  }

  @Property(tries = 3000)
  void mutatedLinesNeverCrashAndAlwaysGiveAReadingOrAReason(
      @ForAll("documents") MrzData d, @ForAll("mutations") List<Mutation> mutations) {
    List<String> lines = new ArrayList<>(new MrzGenerator().generate(d).orElseThrow());
    for (Mutation mu : mutations) {
      lines = mu.apply(lines);
    }
    Outcome<MachineReadableZone> o = parser.parse(lines);
    assertThat(o).isNotNull();
    if (o.isAccepted()) {
      MachineReadableZone m = o.orElseThrow();
      if (!m.valid()) {
        assertThat(m.problems()).allSatisfy(p -> assertThat(p.message()).isNotBlank());
      }
    } else {
      assertThat(o.problems()).isNotEmpty();
    }
  }

  /** One random change to a set of lines. */
  record Mutation(int kind, int line, int pos, char c) {
    List<String> apply(List<String> in) {
      List<String> out = new ArrayList<>(in);
      if (out.isEmpty()) {
        out.add(String.valueOf(c));
        return out;
      }
      int li = Math.floorMod(line, out.size());
      String l = out.get(li);
      int p = l.isEmpty() ? 0 : Math.floorMod(pos, l.length());
      switch (kind) {
        case 0 -> out.set(li, l.isEmpty() ? "" : l.substring(0, p) + c + l.substring(p + 1));
        case 1 -> out.set(li, l.substring(0, p) + c + l.substring(p));
        case 2 -> out.set(li, l.isEmpty() ? "" : l.substring(0, p) + l.substring(p + 1));
        case 3 -> out.remove(li);
        default -> out.add(l);
      }
      return out;
    }
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<Character> chars =
        Arbitraries.oneOf(
            Arbitraries.of('<', '0', '7', '9', 'A', 'M', 'X', 'Z', 'a', ' '),
            Arbitraries.chars().all());
    return Combinators.combine(
            Arbitraries.integers().between(0, 4),
            Arbitraries.integers(),
            Arbitraries.integers(),
            chars)
        .as(Mutation::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(4);
  }
}
