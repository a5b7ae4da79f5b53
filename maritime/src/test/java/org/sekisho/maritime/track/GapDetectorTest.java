package org.sekisho.maritime.track;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.maritime.domain.track.AisGap;
import org.sekisho.maritime.domain.track.GapDetector;
import org.sekisho.maritime.domain.track.PositionFix;

/** Global Fishing Watch pipe-gaps cases (tests/conftest.py) that count gaps over whole tracks. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class GapDetectorTest {
  static JsonNode cases() throws IOException {
    try (InputStream in =
        GapDetectorTest.class.getResourceAsStream("/tracks/gfw-gaps/gap_cases.json")) {
      return new ObjectMapper().readTree(in).get("cases");
    }
  }

  static List<PositionFix> fixes(JsonNode messages) {
    List<PositionFix> out = new ArrayList<>();
    for (JsonNode m : messages) {
      out.add(
          new PositionFix(
              m.get("ssvid").asText(),
              Instant.parse(m.get("timestamp").asText()),
              m.get("lat").isNull() ? Double.NaN : m.get("lat").asDouble(),
              m.get("lon").isNull() ? Double.NaN : m.get("lon").asDouble()));
    }
    return out;
  }

  static int count(JsonNode c, boolean open) {
    GapDetector d =
        new GapDetector(
            GapDetector.GapThreshold.everywhere(Duration.ofHours(c.get("threshold").asLong())),
            open);
    return d.detect(fixes(c.get("messages"))).size();
  }

  @Test
  void closedGapsBetweenYearsAndDuplicatesMatchGfw() throws IOException {
    JsonNode all = cases();
    int checked = 0;
    for (String group : List.of("GAP_BETWEEN_YEARS", "NO_GAPS_DUPLICATION")) {
      for (JsonNode c : all.get(group)) {
        assertThat(count(c, false))
            .as(c.get("id").asText())
            .isEqualTo(c.get("expected_gaps").asInt());
        checked++;
      }
    }
    assertThat(checked).isEqualTo(5);
  }

  @Test
  void openGapsAtTheEndOfTheDayMatchGfw() throws IOException {
    for (JsonNode c : cases().get("OPEN_GAPS")) {
      assertThat(count(c, true)).as(c.get("id").asText()).isEqualTo(c.get("expected_gaps").asInt());
    }
  }

  @Test
  void noGapIsReportedWhereTheAreaIsExempt() {
    PositionFix inPort = new PositionFix("1", Instant.parse("2024-01-01T00:00:00Z"), 35.0, 139.7);
    PositionFix later = new PositionFix("1", Instant.parse("2024-01-02T00:00:00Z"), 35.0, 139.7);
    GapDetector.GapThreshold portExempt =
        (lat, lon) ->
            lat > 34.9 && lat < 35.1 ? Optional.empty() : Optional.of(Duration.ofHours(1));
    assertThat(new GapDetector(portExempt, true).detect(List.of(inPort, later))).isEmpty();
    List<AisGap> atSea =
        new GapDetector(GapDetector.GapThreshold.everywhere(Duration.ofHours(1)), false)
            .detect(List.of(later, inPort));
    assertThat(atSea).singleElement().satisfies(g -> assertThat(g.silence()).hasHours(24));
  }
}
