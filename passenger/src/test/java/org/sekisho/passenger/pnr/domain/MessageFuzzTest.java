package org.sekisho.passenger.pnr.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
import org.sekisho.passenger.pnr.Corpus;

/**
 * Thousands of mutated corpus messages (characters replaced, inserted, deleted; separators, release
 * characters and line breaks injected; segments duplicated; text cut short): the parsers never
 * throw, and every outcome is either usable with positioned warnings or a clear rejection.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MessageFuzzTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final List<String> PNR =
      Corpus.pnrFiles().stream()
          .filter(f -> !f.contains("pnrWithBags") && !f.contains("bigbig"))
          .map(Corpus::text)
          .toList();
  private static final List<String> API =
      Corpus.apiFiles().stream().filter(f -> !f.contains("Test3")).map(Corpus::text).toList();
  private static final String NASTY = "'+:?*\n\r\u2019 UNASRCTVLTIFSSR/0\u0000";

  @Property(tries = 2500)
  void pnrgovParsingNeverThrows(@ForAll("pnrMutants") String text) {
    check(new PnrgovParser(CLOCK).parse(text));
  }

  @Property(tries = 2500)
  void paxlstParsingNeverThrows(@ForAll("apiMutants") String text) {
    check(new PaxlstParser(CLOCK).parse(text));
  }

  private static void check(Outcome<?> outcome) {
    switch (outcome) {
      case Outcome.Accepted<?> a -> {
        Object v = a.value();
        var warnings = v instanceof PnrPush p ? p.warnings() : ((ApiPush) v).warnings();
        assertThat(warnings)
            .allSatisfy(
                w -> {
                  assertThat(w.message()).isNotBlank();
                  assertThat(w.position().line()).isPositive();
                });
      }
      case Outcome.Rejected<?> r ->
          assertThat(r.problems()).allSatisfy(p -> assertThat(p.message()).isNotBlank());
    }
  }

  @Provide
  Arbitrary<String> pnrMutants() {
    return mutants(PNR);
  }

  @Provide
  Arbitrary<String> apiMutants() {
    return mutants(API);
  }

  private static Arbitrary<String> mutants(List<String> corpus) {
    Arbitrary<String> base = Arbitraries.of(corpus);
    Arbitrary<List<int[]>> edits =
        Combinators.combine(
                Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(0, NASTY.length() - 1),
                Arbitraries.integers().between(1, 40))
            .as((kind, at, ch, len) -> new int[] {kind, at, ch, len})
            .list()
            .ofMinSize(1)
            .ofMaxSize(8);
    return Combinators.combine(base, edits).as(MessageFuzzTest::mutate);
  }

  private static String mutate(String text, List<int[]> edits) {
    StringBuilder b = new StringBuilder(text);
    for (int[] e : edits) {
      if (b.isEmpty()) {
        b.append(NASTY.charAt(e[2]));
        continue;
      }
      int at = e[1] % b.length();
      char c = NASTY.charAt(e[2]);
      switch (e[0]) {
        case 0 -> b.setCharAt(at, c);
        case 1 -> b.insert(at, c);
        case 2 -> b.delete(at, Math.min(b.length(), at + e[3]));
        case 3 -> b.insert(at, b.substring(at, Math.min(b.length(), at + e[3])));
        case 4 -> b.setLength(at);
        default -> b.insert(at, "UNA" + NASTY.substring(0, Math.min(NASTY.length(), e[3] % 7)));
      }
    }
    return b.toString();
  }
}
