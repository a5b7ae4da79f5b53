package org.sekisho.targeting.assessment.application;

import org.sekisho.core.Outcome;
import org.sekisho.targeting.criteria.domain.DeclarationView;

/** Port: reads one record (docs/formats/intel-records.md, JSON) into the criteria view. */
@FunctionalInterface
public interface DeclarationParser {
  /**
   * @param recordKind {@code declaration} or {@code postal-item}
   * @return the view, or the problems naming field and expected form; never throws
   */
  Outcome<DeclarationView> parse(String recordKind, String json);
}
