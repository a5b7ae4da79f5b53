package org.sekisho.targeting.assessment.domain;

import java.util.List;
import java.util.Optional;
import org.sekisho.targeting.selectivity.domain.Lane;

/** A criterion that hit, with its reason and the list entries that made it hit. */
public record CriterionHit(
    long criterionId,
    int version,
    String name,
    Optional<Lane> lane,
    int weight,
    int samplePercent,
    String reason,
    List<String> listHits) {
  public CriterionHit {
    listHits = List.copyOf(listHits);
  }

  public String key() {
    return "c" + criterionId + "v" + version;
  }
}
