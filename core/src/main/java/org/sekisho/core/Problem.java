package org.sekisho.core;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Why an input or a request was refused: a stable machine code, a message a person can act on, and
 * the field (or position) it concerns. A rejection is a value, never an exception.
 *
 * <p>The message is English; API clients and scripts match on it. A page or answer in another
 * language words the refusal itself from {@code key} and {@code args} (see {@link #worded}), so
 * that no adapter has to read values back out of the English text.
 *
 * @param code stable, lower-case, hyphenated code such as {@code invalid-hs-code}
 * @param message plain-language explanation naming the expected form
 * @param field the field, column or position concerned; empty when the problem is not tied to one
 * @param key which wording of {@code code} this is, stable and hyphenated (e.g. {@code superseded}
 *     for one of several {@code conflict}s); empty when the refusal has no wording of its own
 * @param args the values the message quotes, in the order the wording takes them; empty without a
 *     key
 */
public record Problem(String code, String message, String field, String key, List<String> args) {
  public Problem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    field = field == null ? "" : field;
    key = key == null ? "" : key;
    args = args == null ? List.of() : List.copyOf(args);
  }

  /** A refusal without a wording of its own. */
  public Problem(String code, String message, String field) {
    this(code, message, field, "", List.of());
  }

  public static Problem of(String code, String field, String message) {
    return new Problem(code, message, field);
  }

  /**
   * This refusal with the wording {@code key} and the values its message quotes; each argument is
   * kept as its {@code String.valueOf}, so that a wording may be replayed and compared as text.
   */
  public Problem worded(String key, Object... args) {
    Objects.requireNonNull(key, "key");
    return new Problem(
        code, message, field, key, Arrays.stream(args).map(String::valueOf).toList());
  }

  /** This refusal concerning {@code otherField}, its wording kept. */
  public Problem at(String otherField) {
    return new Problem(code, message, otherField, key, args);
  }

  @Override
  public String toString() {
    return field.isEmpty() ? code + ": " + message : field + ": " + message + " (" + code + ")";
  }
}
