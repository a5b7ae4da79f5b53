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

  /**
   * Reads a record submitted for assessment alone ({@code POST /api/assess}), never stored by the
   * intelligence database: refused, besides, where that database's ingest would refuse it (a
   * declaration without an office, an implausible date, a postal item id with a wrong check digit,
   * an unknown port or country, a field of the wrong JSON type). By default as {@link #parse}.
   *
   * @param today the day it is checked on (a record's date may be at most a year after it)
   */
  default Outcome<DeclarationView> parseSubmitted(
      String recordKind, String json, java.time.LocalDate today) {
    return parse(recordKind, json);
  }
}
