package org.sekisho.targeting.assessment.domain;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.sekisho.targeting.criteria.domain.Criterion;
import org.sekisho.targeting.criteria.domain.DeclarationView;

/**
 * A released criterion version with where and when it applies.
 *
 * @param id the criterion's id (stable across versions)
 * @param version the version in force
 * @param offices offices it applies to; empty for every office
 * @param effectiveFrom first declaration date it applies to, if bounded
 * @param effectiveTo last declaration date it applies to, if bounded
 */
public record ActiveCriterion(
    long id,
    int version,
    Criterion criterion,
    Set<String> offices,
    Optional<LocalDate> effectiveFrom,
    Optional<LocalDate> effectiveTo) {
  public ActiveCriterion {
    offices = Set.copyOf(offices);
  }

  /** {@code c12v3}: how assessments name the version they used. */
  public String key() {
    return "c" + id + "v" + version;
  }

  /** In scope for this declaration's office and date (declaration date, so replay agrees). */
  public boolean appliesTo(DeclarationView d) {
    if (!offices.isEmpty() && !offices.contains(d.office())) {
      return false;
    }
    if (d.date() != null) {
      if (effectiveFrom.isPresent() && d.date().isBefore(effectiveFrom.get())) {
        return false;
      }
      if (effectiveTo.isPresent() && d.date().isAfter(effectiveTo.get())) {
        return false;
      }
    }
    return true;
  }
}
