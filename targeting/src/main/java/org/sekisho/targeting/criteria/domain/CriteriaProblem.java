package org.sekisho.targeting.criteria.domain;

import org.sekisho.core.Problem;

/**
 * Why a criteria text was refused, at a 1-based line and column (columns count UTF-16 chars).
 *
 * @param code {@code criteria-syntax} or {@code criteria-type}
 */
public record CriteriaProblem(String code, int line, int column, String message) {
  @Override
  public String toString() {
    return line + ":" + column + ": " + message;
  }

  /** As a core problem whose field names the position ({@code line 3, column 14}). */
  public Problem toProblem() {
    return Problem.of(code, "line " + line + ", column " + column, message);
  }
}
