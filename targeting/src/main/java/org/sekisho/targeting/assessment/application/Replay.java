package org.sekisho.targeting.assessment.application;

import java.util.List;

/**
 * A stored assessment recomputed with the versions it names.
 *
 * @param same true when score, criteria lane and hits are equal to the stored ones
 * @param differences what differs, in plain language
 */
public record Replay(boolean same, double score, List<String> hitKeys, List<String> differences) {
  public Replay {
    hitKeys = List.copyOf(hitKeys);
    differences = List.copyOf(differences);
  }
}
