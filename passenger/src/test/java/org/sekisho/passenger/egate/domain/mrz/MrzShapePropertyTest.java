package org.sekisho.passenger.egate.domain.mrz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Timeout;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;

/**
 * {@link MrzParser#shape}, which the kiosk API refuses a misread by: it accepts exactly the lines a
 * Doc 9303 layout has in the MRZ alphabet, and names the line at fault.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MrzShapePropertyTest {
  private final MrzParser parser =
      new MrzParser(Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC));

  /** Lines near MRZ shape: 0 to 4 lines of 28 to 46 characters, mostly of the MRZ alphabet. */
  @Provide
  Arbitrary<List<String>> nearlyMrz() {
    Arbitrary<String> line =
        Arbitraries.oneOf(
            Arbitraries.of(30, 36, 44)
                .flatMap(
                    w ->
                        Arbitraries.strings()
                            .withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<<")
                            .ofLength(w)),
            Arbitraries.strings()
                .withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<<ab é\t|")
                .ofMinLength(0)
                .ofMaxLength(46));
    return line.list().ofMinSize(0).ofMaxSize(4);
  }

  @Property(tries = 2000)
  void linesOfAShapeAreReadByALayoutAndNoOthersAre(@ForAll("nearlyMrz") List<String> lines) {
    Optional<Problem> shape = MrzParser.shape(lines);
    boolean alphabet =
        lines.stream()
            .allMatch(l -> l.strip().chars().allMatch(c -> CheckDigit.valueOf((char) c) >= 0));
    boolean layout = MrzParser.recognise(lines.stream().map(String::strip).toList()).isPresent();
    assertThat(shape.isEmpty()).as("%s: %s", lines, shape).isEqualTo(alphabet && layout);
    if (shape.isEmpty()) {
      assertThat(parser.parse(lines)).isInstanceOf(Outcome.Accepted.class);
    } else {
      // the whole list when the count is wrong, otherwise the line at fault, as the JSON names it
      assertThat(shape.get().field())
          .matches(lines.size() < 2 || lines.size() > 3 ? "mrz" : "mrz\\[[0-2]\\]");
      assertThat(shape.get().key()).isIn("lines", "width", "width-two", "width-like", "character");
      assertThat(shape.get().message()).isNotBlank();
    }
  }

  @net.jqwik.api.Example
  void aTd3PassportsLinesHaveTheShapeAndAOneLineMrzHasNot() {
    assertThat(MrzParser.shape(List.of("abc")).map(Problem::field)).contains("mrz");
    assertThat(
            MrzParser.shape(
                List.of(
                    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                    "L898902C36UTO7408122F1204159ZE184226B<<<<<10")))
        .isEmpty();
  }
}
