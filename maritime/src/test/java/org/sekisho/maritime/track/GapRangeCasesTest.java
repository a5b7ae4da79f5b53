package org.sekisho.maritime.track;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.maritime.domain.track.AisGap;
import org.sekisho.maritime.domain.track.GapDetector;
import org.sekisho.maritime.domain.track.GapWatch;
import org.sekisho.maritime.domain.track.PositionFix;

/**
 * GFW pipe-gaps cases for date ranges and windows, open gaps closed by a later run, coverage counts
 * before a gap, and daily incremental processing.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class GapRangeCasesTest {

  static PositionFix fix(JsonNode m) {
    return new PositionFix(
        m.get("ssvid").asText(),
        Instant.parse(m.get("timestamp").asText()),
        m.get("lat").isNull() ? Double.NaN : m.get("lat").asDouble(),
        m.get("lon").isNull() ? Double.NaN : m.get("lon").asDouble(),
        PositionFix.Receiver.of(m.get("receiver_type").asText()));
  }

  static List<AisGap> run(JsonNode c) {
    Duration threshold = Duration.ofHours(c.get("threshold").asLong());
    JsonNode range = c.get("date_range");
    GapDetector.DateRange dates =
        range == null || range.isNull()
            ? null
            : new GapDetector.DateRange(
                LocalDate.parse(range.get(0).asText()), LocalDate.parse(range.get(1).asText()));
    boolean evalLast = c.has("eval_last") ? c.get("eval_last").asBoolean() : dates != null;
    Map<String, AisGap> open = new HashMap<>();
    if (c.has("open_gaps")) {
      for (JsonNode g : c.get("open_gaps")) {
        PositionFix off = fix(g.get("open_gap_off_message"));
        List<PositionFix> seen = new ArrayList<>();
        if (g.get("previous_positions").isArray()) {
          g.get("previous_positions").forEach(p -> seen.add(fix(p)));
        }
        seen.add(off);
        int ter = 0;
        int sat = 0;
        int dyn = 0;
        for (PositionFix p : seen) {
          ter += p.receiver() == PositionFix.Receiver.TERRESTRIAL ? 1 : 0;
          sat += p.receiver() == PositionFix.Receiver.SATELLITE ? 1 : 0;
          dyn += p.receiver() == PositionFix.Receiver.DYNAMIC ? 1 : 0;
        }
        open.put(
            off.vesselId(),
            new AisGap(
                off, null, Duration.ZERO, new AisGap.PositionsBefore(seen.size(), ter, sat, dyn)));
      }
    }
    List<PositionFix> fixes = new ArrayList<>();
    c.get("messages").forEach(m -> fixes.add(fix(m)));
    List<AisGap> gaps =
        new GapDetector(GapDetector.GapThreshold.everywhere(threshold), evalLast)
            .detect(fixes, dates, open);
    List<AisGap> sorted = new ArrayList<>(gaps);
    sorted.sort(Comparator.comparing((AisGap g) -> g.off().time()));
    return sorted;
  }

  static JsonNode group(String name) throws IOException {
    return GapDetectorTest.cases().get(name);
  }

  @Test
  void gapsBetweenArbitraryPeriodsMatchGfw() throws IOException {
    int checked = 0;
    for (JsonNode c : group("GAP_BETWEEN_ARBITRARY_PERIODS")) {
      assertThat(run(c)).as(c.get("id").asText()).hasSize(c.get("expected_gaps").asInt());
      checked++;
    }
    assertThat(checked).isEqualTo(8);
  }

  @Test
  void anOpenGapFromAnEarlierRunIsClosedByTheFirstPositionInTheRange() throws IOException {
    JsonNode c = group("CLOSING_GAPS").get(0);
    List<AisGap> gaps = run(c);
    assertThat(gaps).hasSize(c.get("expected_gaps").asInt());
    Map<Instant, Instant> offToOn = new HashMap<>();
    gaps.forEach(g -> offToOn.put(g.off().time(), g.open() ? null : g.on().time()));
    Map<Instant, Instant> expected = new HashMap<>();
    c.get("expected_dt")
        .properties()
        .forEach(
            e ->
                expected.put(
                    Instant.parse(e.getKey()),
                    e.getValue().isNull() ? null : Instant.parse(e.getValue().asText())));
    assertThat(offToOn).isEqualTo(expected);
  }

  @Test
  void positionsBeforeEachGapAreCountedByReceiverLikeGfw() throws IOException {
    int checked = 0;
    for (String name : List.of("GAP_BETWEEN_DAYS", "POSITIONS_HOURS_BEFORE")) {
      for (JsonNode c : group(name)) {
        List<AisGap> gaps = run(c);
        JsonNode expected = c.get("expected_gaps");
        assertThat(gaps).as(c.get("id").asText()).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
          JsonNode x = expected.get(i);
          assertThat(gaps.get(i).before())
              .as(c.get("id").asText() + " gap " + i)
              .isEqualTo(
                  new AisGap.PositionsBefore(
                      x.get("positions_hours_before").asInt(),
                      x.get("positions_hours_before_ter").asInt(),
                      x.get("positions_hours_before_sat").asInt(),
                      x.get("positions_hours_before_dyn").asInt()));
        }
        checked++;
      }
    }
    assertThat(checked).isEqualTo(3);
  }

  @Test
  void dailyLiveWatchReportsOpenThenClosedGapsLikeGfwDailyMode() throws IOException {
    JsonNode c = group("DAILY_MODE").get(0);
    List<String> seen = new ArrayList<>();
    GapWatch watch =
        new GapWatch(
            GapDetector.GapThreshold.everywhere(Duration.ofHours(c.get("threshold").asLong())),
            g -> seen.add(g.off().time() + " " + (g.open() ? "null" : g.on().time().toString())));
    List<String> days = new ArrayList<>();
    c.get("dates").forEach(d -> days.add(d.asText()));
    var it = c.get("messages").properties().iterator();
    while (it.hasNext()) {
      var day = it.next();
      boolean counted = days.contains(day.getKey());
      int before = seen.size();
      day.getValue().forEach(m -> watch.position(fix(m)));
      if (!counted) {
        seen.subList(before, seen.size()).clear(); // context day: its gaps belong to earlier runs
        continue;
      }
      watch.evaluate(
          LocalDate.parse(day.getKey()).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }
    List<String> expected = new ArrayList<>();
    c.get("expected_gaps")
        .forEach(
            g ->
                expected.add(
                    Instant.parse(g.get(0).asText())
                        + " "
                        + (g.get(1).isNull() ? "null" : Instant.parse(g.get(1).asText()))));
    assertThat(seen).isEqualTo(expected);
  }
}
