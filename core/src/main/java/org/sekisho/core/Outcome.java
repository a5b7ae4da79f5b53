package org.sekisho.core;

import java.util.List;
import java.util.function.Function;

/**
 * The result of parsing a value or running a use case: either accepted with a value, or rejected
 * with one or more problems. Callers pattern-match on the two cases; nothing is thrown for bad
 * input.
 */
public sealed interface Outcome<T> {

  /** The value was accepted. */
  record Accepted<T>(T value) implements Outcome<T> {}

  /** The value was refused; {@code problems} is never empty. */
  record Rejected<T>(List<Problem> problems) implements Outcome<T> {
    public Rejected {
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("a rejection needs at least one problem");
      }
      problems = List.copyOf(problems);
    }
  }

  static <T> Outcome<T> accepted(T value) {
    return new Accepted<>(value);
  }

  static <T> Outcome<T> rejected(Problem problem) {
    return new Rejected<>(List.of(problem));
  }

  static <T> Outcome<T> rejected(String code, String field, String message) {
    return rejected(Problem.of(code, field, message));
  }

  default boolean isAccepted() {
    return this instanceof Accepted<T>;
  }

  /**
   * The accepted value; throws {@link IllegalStateException} on a rejection (a programming error).
   */
  default T orElseThrow() {
    return switch (this) {
      case Accepted<T> a -> a.value();
      case Rejected<T> r -> throw new IllegalStateException(r.problems().toString());
    };
  }

  default List<Problem> problems() {
    return switch (this) {
      case Accepted<T> a -> List.of();
      case Rejected<T> r -> r.problems();
    };
  }

  default <R> Outcome<R> map(Function<? super T, ? extends R> f) {
    return switch (this) {
      case Accepted<T> a -> new Accepted<>(f.apply(a.value()));
      case Rejected<T> r -> new Rejected<>(r.problems());
    };
  }
}
