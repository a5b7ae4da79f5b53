package org.sekisho.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The first broken percent-escape is found and named as sent; sound ones pass. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PercentEscapesTest {
  @Test
  void soundEscapesAndTextWithoutAnyPass() {
    assertThat(PercentEscapes.first("q=%E3%81%82%2F+x&page=2")).isEmpty();
    assertThat(PercentEscapes.first("q=plain")).isEmpty();
    assertThat(PercentEscapes.first("")).isEmpty();
    assertThat(PercentEscapes.first(null)).isEmpty();
  }

  @Test
  void aPercentWithoutTwoHexadecimalDigitsIsNamedAsSent() {
    assertThat(PercentEscapes.first("q=%zz")).contains(new PercentEscapes.Fault("%zz", false));
    assertThat(PercentEscapes.first("q=50%")).contains(new PercentEscapes.Fault("%", false));
    assertThat(PercentEscapes.first("q=%4")).contains(new PercentEscapes.Fault("%4", false));
    // after a sound run, the broken escape itself is named
    assertThat(PercentEscapes.first("q=%41%G1")).contains(new PercentEscapes.Fault("%G1", false));
  }

  @Test
  void escapesWhoseBytesAreNotUtf8AreNamedAsTheirRun() {
    assertThat(PercentEscapes.first("q=%E3%81")).contains(new PercentEscapes.Fault("%E3%81", true));
    // a character cut off by a plain letter
    assertThat(PercentEscapes.first("q=%E3x%81%82"))
        .contains(new PercentEscapes.Fault("%E3", true));
    assertThat(PercentEscapes.first("q=%FF")).contains(new PercentEscapes.Fault("%FF", true));
    // a long run is named by its beginning
    String run = "%FF".repeat(100);
    assertThat(PercentEscapes.first(run).orElseThrow().escape()).isEqualTo("%FF".repeat(12) + "…");
  }
}
