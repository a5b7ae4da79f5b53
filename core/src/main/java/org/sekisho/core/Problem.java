package org.sekisho.core;

import java.util.Objects;

/**
 * Why an input or a request was refused: a stable machine code, a message a person can act on, and
 * the field (or position) it concerns. A rejection is a value, never an exception.
 *
 * @param code stable, lower-case, hyphenated code such as {@code invalid-hs-code}
 * @param message plain-language explanation naming the expected form
 * @param field the field, column or position concerned; empty when the problem is not tied to one
 */
public record Problem(String code, String message, String field) {
  public Problem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    field = field == null ? "" : field;
  }

  public static Problem of(String code, String field, String message) {
    return new Problem(code, message, field);
  }

  @Override
  public String toString() {
    return field.isEmpty() ? code + ": " + message : field + ": " + message + " (" + code + ")";
  }
}
