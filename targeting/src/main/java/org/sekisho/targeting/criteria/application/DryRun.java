package org.sekisho.targeting.criteria.application;

import java.util.List;
import java.util.Map;

/**
 * What a criterion would have selected over recent declarations.
 *
 * @param days how many days back the records examined were assessed
 * @param from the start of that window (the records assessed since)
 * @param to its end: when the dry run ran
 * @param examined declarations looked at
 * @param hits how many it would have hit
 * @param hitsByOffice hits per office
 * @param examples the first hits: record key and the list entries behind each
 */
public record DryRun(
    int days,
    java.time.Instant from,
    java.time.Instant to,
    int examined,
    int hits,
    Map<String, Integer> hitsByOffice,
    List<Example> examples) {
  public DryRun {
    hitsByOffice = Map.copyOf(hitsByOffice);
    examples = List.copyOf(examples);
  }

  /** One declaration the criterion would have hit. */
  public record Example(String recordKey, String office, String date, List<String> evidence) {}

  /** Share of examined declarations hit, in percent. */
  public double hitRatePercent() {
    return examined == 0 ? 0 : 100.0 * hits / examined;
  }
}
