package org.sekisho.maritime.encounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sekisho.maritime.domain.encounter.Encounter;
import org.sekisho.maritime.domain.encounter.EncounterMerger;
import org.sekisho.maritime.domain.encounter.EncounterRules;
import org.sekisho.maritime.domain.encounter.EncounterSearch;
import org.sekisho.maritime.domain.encounter.MergedEncounter;

/**
 * Global Fishing Watch's encounters_pipeline scenarios: the same tracks must give the same
 * encounters (vessel pairs, start and end on the 10-minute grid, point counts, median distance).
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class GfwEncounterScenariosTest {
  static final JsonNode EXPECTED = load();

  static JsonNode load() {
    try (InputStream in =
        GfwEncounterScenariosTest.class.getResourceAsStream(
            "/tracks/gfw-encounters/expected_encounters.json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<EncounterSearch.Report> scenario(String name) throws IOException {
    List<EncounterSearch.Report> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                GfwEncounterScenariosTest.class.getResourceAsStream(
                    "/tracks/gfw-encounters/tracks.csv"),
                StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split(",");
        if (f[0].equals(name)) {
          out.add(
              new EncounterSearch.Report(
                  f[1],
                  Instant.parse(f[2]),
                  Double.parseDouble(f[3]),
                  Double.parseDouble(f[4]),
                  Double.parseDouble(f[5])));
        }
      }
    }
    return out;
  }

  static EncounterSearch gfwSearch() {
    JsonNode p = EXPECTED.get("pipeline_parameters");
    EncounterRules.Limits limits =
        new EncounterRules.Limits(
            p.get("max_km_for_encounter").asDouble(),
            Duration.ofMinutes(p.get("min_minutes_for_encounter").asLong()),
            Double.POSITIVE_INFINITY);
    return new EncounterSearch(
        Duration.ofSeconds(p.get("resample_increment_s").asLong()),
        Duration.ofSeconds(p.get("resample_max_gap_s").asLong()),
        p.get("max_adjacency_distance_km").asDouble(),
        100,
        EncounterRules.everywhere(limits));
  }

  static void assertMatches(List<Encounter> actual, JsonNode expected) {
    assertThat(actual).hasSize(expected.size());
    List<Encounter> sorted = new ArrayList<>(actual);
    sorted.sort(
        java.util.Comparator.comparing(Encounter::vessel1)
            .thenComparing(Encounter::vessel2)
            .thenComparing(Encounter::start));
    for (int i = 0; i < expected.size(); i++) {
      JsonNode x = expected.get(i);
      Encounter e = sorted.get(i);
      String what = x.get("vessel_1_seg_id").asText() + "->" + x.get("vessel_2_seg_id").asText();
      assertThat(e.vessel1()).as(what).isEqualTo(x.get("vessel_1_seg_id").asText());
      assertThat(e.vessel2()).as(what).isEqualTo(x.get("vessel_2_seg_id").asText());
      assertThat(e.start()).as(what).isEqualTo(Instant.parse(x.get("start_time").asText()));
      assertThat(e.end()).as(what).isEqualTo(Instant.parse(x.get("end_time").asText()));
      assertThat(e.vessel1Points()).as(what).isEqualTo(x.get("vessel_1_point_count").asInt());
      assertThat(e.vessel2Points()).as(what).isEqualTo(x.get("vessel_2_point_count").asInt());
      assertThat(e.medianDistanceKm())
          .as(what)
          .isCloseTo(x.get("median_distance_km").asDouble(), within(1e-3));
    }
  }

  @ParameterizedTest(name = "scenario {0} gives GFW''s raw encounters")
  @ValueSource(strings = {"simple", "multi", "dateline", "fastsep", "real"})
  void rawEncountersMatchTheGfwPipeline(String name) throws IOException {
    JsonNode test = EXPECTED.get("tests").get(name);
    List<Encounter> found = gfwSearch().find(scenario(test.get("scenario").asText()));
    assertMatches(found, test.get("expected_encounters"));
  }

  @Test
  void trackingOnlyTheNearestNeighbourFindsFewerEncounters() throws IOException {
    JsonNode test = EXPECTED.get("tests").get("multi_max_tracked_distances_1");
    List<Encounter> found = gfwSearch().withMaxTrackedNeighbours(1).find(scenario("multi"));
    assertMatches(found, test.get("expected_encounters"));
  }

  @ParameterizedTest(name = "{0} merges both sides into one meeting")
  @ValueSource(strings = {"real_merged", "dateline_merged"})
  void mergedEncountersMatchTheGfwPipeline(String name) throws IOException {
    JsonNode test = EXPECTED.get("tests").get(name);
    List<MergedEncounter> merged =
        new EncounterMerger(Duration.ofHours(24))
            .merge(gfwSearch().find(scenario(test.get("scenario").asText())));
    JsonNode expected = test.get("expected_encounters");
    assertThat(merged).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      JsonNode x = expected.get(i);
      MergedEncounter m = merged.get(i);
      assertThat(m.vessel1()).isEqualTo(x.get("vessel_1_id").asText());
      assertThat(m.vessel2()).isEqualTo(x.get("vessel_2_id").asText());
      assertThat(m.start()).isEqualTo(Instant.parse(x.get("start_time").asText()));
      assertThat(m.end()).isEqualTo(Instant.parse(x.get("end_time").asText()));
      assertThat(m.vessel1Points()).isEqualTo(x.get("vessel_1_point_count").asInt());
      assertThat(m.vessel2Points()).isEqualTo(x.get("vessel_2_point_count").asInt());
      assertThat(m.meanLat()).isCloseTo(x.get("mean_latitude").asDouble(), within(1e-3));
    }
  }

  @Test
  void noEncounterIsFoundWhereTheAreaIsExempt() throws IOException {
    EncounterRules portAround =
        (lat, lon) ->
            Math.abs(lat + 1.47) < 0.05 && Math.abs(lon - 55.22) < 0.05
                ? java.util.Optional.empty()
                : java.util.Optional.of(EncounterRules.Limits.gfw());
    EncounterSearch g = gfwSearch();
    EncounterSearch exempt =
        new EncounterSearch(
            g.increment(), g.maxGap(), g.maxAdjacencyKm(), g.maxTrackedNeighbours(), portAround);
    assertThat(g.find(scenario("simple"))).hasSize(2);
    assertThat(exempt.find(scenario("simple"))).isEmpty();
  }

  @Test
  void aSpeedLimitPerAreaDropsFastEncounters() throws IOException {
    EncounterSearch g = gfwSearch();
    EncounterSearch slow =
        new EncounterSearch(
            g.increment(),
            g.maxGap(),
            g.maxAdjacencyKm(),
            g.maxTrackedNeighbours(),
            EncounterRules.everywhere(new EncounterRules.Limits(0.5, Duration.ofMinutes(30), 0.8)));
    // simple: vessel 1 drifts at ~0.65 kn, vessel 2 at ~1.1 kn (GFW's medians)
    assertThat(slow.find(scenario("simple"))).extracting(Encounter::vessel1).containsExactly("1");
  }
}
