package org.sekisho.targeting.selectivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.targeting.selectivity.adapter.SelectivityFile;
import org.sekisho.targeting.selectivity.adapter.SelectivityProperties;
import org.sekisho.targeting.selectivity.application.SelectivitySettings;
import org.sekisho.targeting.selectivity.domain.Lane;
import org.sekisho.targeting.selectivity.domain.Selection;
import org.sekisho.targeting.selectivity.domain.Selectivity;
import org.sekisho.targeting.selectivity.domain.SelectivityConfig;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SelectivitySettingsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC);

  private static List<Problem> problems(String text) {
    Outcome<SelectivityConfig> o = SelectivityProperties.parse(text);
    assertThat(o.isAccepted()).as("refused: %s", text).isFalse();
    return o.problems();
  }

  @Test
  void aTextIsReadAsTheFileIsWithContinuationsCommentsAndStreams() {
    SelectivityConfig c =
        SelectivityProperties.parse(
                """
                # Tokyo air
                ! also a comment
                seed = 42
                labels=Japan
                label.blue=事後調査（監査）
                default.red.expected=5
                default.red.random=0.5
                default.red.max-hits=10
                office.jptyo-air.red.expected=\\
                   8
                office.JPTYO-AIR/Transport-Document.yellow.expected=12.5
                office.30.blue.random=2
                """)
            .orElseThrow();
    assertThat(c.seed()).isEqualTo(42);
    assertThat(c.labels().of(Lane.RED)).isEqualTo("区分3 (検査)");
    assertThat(c.labels().of(Lane.BLUE)).isEqualTo("事後調査（監査）");
    assertThat(c.defaults().of(Lane.RED).minimumRandomRate()).isEqualTo(0.005);
    assertThat(c.profile("JPTYO-AIR").of(Lane.RED).expectedRate()).isEqualTo(0.08);
    assertThat(c.profile("JPTYO-AIR").of(Lane.RED).maxHitsWithoutSelection()).isEqualTo(10);
    assertThat(c.profile("JPTYO-AIR/transport-document").of(Lane.RED).expectedRate())
        .isEqualTo(0.08);
    assertThat(c.profile("JPTYO-AIR/transport-document").of(Lane.YELLOW).expectedRate())
        .isEqualTo(0.125);
    assertThat(c.profile("30").of(Lane.BLUE).minimumRandomRate()).isEqualTo(0.02);
    assertThat(SelectivityProperties.parse("").orElseThrow())
        .isEqualTo(SelectivityConfig.standard(1));
  }

  @Test
  void everyProblemNamesItsLineAndKeyAndWhy() {
    List<Problem> ps =
        problems(
            """
            seed=soon
            labels=rainbow
            default.green.expected=5
            default.red.random=1e1
            office.NOPE-XYZ.red.expected=5
            office.JPYOK/ship.red.expected=5
            office.JPYOK.red.max-hits=2.5
            default.red.random=1
            office.JPOSA.yellow.random=60
            office.JPOSA.blue.random=50
            speed=3
            """);
    assertThat(ps.stream().map(Problem::field))
        .containsExactly(
            "line 1", "line 2", "line 3", "line 4", "line 5", "line 6", "line 7", "line 8",
            "line 9", "line 11");
    assertThat(ps.stream().map(Problem::code)).containsOnly("invalid-setting");
    assertThat(ps.get(0).message()).isEqualTo("seed: expected a whole number, got 'soon'");
    assertThat(ps.get(2).message()).contains("green takes no settings");
    assertThat(ps.get(3).message()).contains("percentage from 0 to 100, got '1e1'");
    assertThat(ps.get(4).message()).contains("'NOPE-XYZ' is no office code");
    assertThat(ps.get(5).message()).contains("'ship' is no record kind");
    assertThat(ps.get(6).message()).contains("whole number of hits");
    assertThat(ps.get(7).message()).contains("given twice (also on line 4)");
    assertThat(ps.get(8).message())
        .startsWith("office.JPOSA.yellow.random: ")
        .contains("add up to 111 %, more than 100 %");
    assertThat(ps.get(9).message()).startsWith("speed: unknown setting");
  }

  @Test
  void anExpectedRateBelowTheRandomRateIsRefusedUnlessItIsZero() {
    assertThat(problems("default.red.expected=2\ndefault.red.random=3\n").get(0).message())
        .isEqualTo(
            "default.red.expected: the expected rate of red (2 %) is below its random rate (3 %):"
                + " random selection alone would exceed it; raise it, or set 0 for no top-up");
    // inherited from the defaults, the office's own random rate is what is too high
    assertThat(problems("default.red.expected=2\noffice.JPYOK.red.random=3\n").get(0).field())
        .isEqualTo("line 2");
    assertThat(SelectivityProperties.parse("default.red.expected=0\ndefault.red.random=100\n"))
        .isInstanceOf(Outcome.Accepted.class);
  }

  /** A store that remembers what it was given, and can be made to fail. */
  private static final class Kept implements SelectivitySettings.Store {
    final List<String> texts = new ArrayList<>();
    boolean fail;

    @Override
    public void replace(String text) {
      if (fail) {
        throw new java.io.UncheckedIOException(new java.io.IOException("disk full"));
      }
      texts.add(text);
    }
  }

  private static SelectivitySettings settings(String text, Selectivity live, Kept kept) {
    return new SelectivitySettings(text, live, SelectivityProperties::parse, kept, CLOCK);
  }

  @Test
  void aChangeIsInForceForTheNextSelectionAndTheWindowIsKept() {
    String quiet = "default.red.expected=0\ndefault.red.random=0\n";
    Selectivity live = new Selectivity(SelectivityProperties.parse(quiet).orElseThrow());
    Kept kept = new Kept();
    SelectivitySettings s = settings(quiet, live, kept);
    for (int i = 0; i < 10; i++) {
      assertThat(live.select("JPYOK", "declaration:A" + i, List.of(), 0).lane())
          .isEqualTo(Lane.GREEN);
    }
    String random = quiet + "office.JPYOK.red.random=100\n";
    var change = s.replace(random, s.current().version(), "ada").orElseThrow();
    assertThat(change.changed()).isTrue();
    assertThat(change.after().changedBy()).isEqualTo("ada");
    assertThat(change.after().changedAt()).hasValue(CLOCK.instant());
    assertThat(kept.texts).containsExactly(random);
    assertThat(s.window("JPYOK").size()).isEqualTo(10);
    Selection next = live.select("JPYOK", "declaration:B", List.of(), 0);
    assertThat(next.lane()).isEqualTo(Lane.RED);
    assertThat(next.basis()).isEqualTo(Selection.Basis.RANDOM);
    assertThat(s.window("JPYOK").size()).isEqualTo(11);
    assertThat(s.window("JPYOK").shares().get(Lane.RED)).isEqualTo(1.0 / 11);
    assertThat(s.offices())
        .extracting(SelectivitySettings.OfficeView::office)
        .containsExactly("JPYOK");
    // saving the same text again changes nothing and writes nothing
    assertThat(s.replace(random, s.current().version(), "ben").orElseThrow().changed()).isFalse();
    assertThat(kept.texts).hasSize(1);
  }

  @Test
  void aStaleVersionABadTextOrAFailedWriteChangesNothing() {
    Selectivity live = new Selectivity(SelectivityConfig.standard(1));
    Kept kept = new Kept();
    SelectivitySettings s = settings("", live, kept);
    String v0 = s.current().version();
    assertThat(v0).isEqualTo(SelectivitySettings.version(""));
    s.replace("default.red.expected=6\n", v0, "ada").orElseThrow();
    Outcome<SelectivitySettings.Change> late = s.replace("default.red.expected=7\n", v0, "ben");
    assertThat(late.problems().get(0).code()).isEqualTo("conflict");
    assertThat(late.problems().get(0).message()).contains("(by ada)");
    assertThat(s.replace("default.red.expected=7\n", "", "ben").problems().get(0).field())
        .isEqualTo("version");
    String v1 = s.current().version();
    assertThat(s.replace("default.red.expected=700\n", v1, "ben").problems().get(0).field())
        .isEqualTo("line 1");
    kept.fail = true;
    try {
      s.replace("default.red.expected=8\n", v1, "ben");
    } catch (java.io.UncheckedIOException expected) {
      // the store refused: the change is not in force either
    }
    assertThat(s.current().version()).isEqualTo(v1);
    assertThat(live.config().defaults().of(Lane.RED).expectedRate()).isEqualTo(0.06);
    assertThat(kept.texts).containsExactly("default.red.expected=6\n");
  }

  @Test
  void theFileIsReplacedWholeAndNoTemporaryFileIsLeft(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("targeting/selectivity.properties");
    SelectivityFile file = new SelectivityFile(f);
    file.replace("seed=1\n");
    file.replace("seed=2\nlabels=japan\n");
    assertThat(SelectivityProperties.text(f)).isEqualTo("seed=2\nlabels=japan\n");
    assertThat(SelectivityProperties.read(f).orElseThrow().seed()).isEqualTo(2);
    try (var files = Files.list(f.getParent())) {
      assertThat(files).containsExactly(f);
    }
  }
}
