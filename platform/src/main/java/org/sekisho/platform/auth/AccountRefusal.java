package org.sekisho.platform.auth;

import java.util.List;

/**
 * Why an account change was not made: which field it is about, and the message (a key of the
 * platform's message bundles with its arguments, so each reader gets it in their language).
 *
 * @param kind whether the input itself is wrong, or it is refused as things stand
 * @param field the input field it is about ({@code roles}, {@code active}, {@code newPassword}, …)
 */
public record AccountRefusal(Kind kind, String field, String key, List<String> args) {
  /** What the refusal is about. */
  public enum Kind {
    /** The input is not what an account can have (a bad code, a short password): 400. */
    INVALID,
    /** The input is well formed but refused as things stand (the last administrator): 409. */
    CONFLICT,
    /** Too many wrong attempts lately (a current password guessed): 429, try again later. */
    THROTTLED
  }

  public AccountRefusal {
    args = List.copyOf(args);
  }

  static AccountRefusal invalid(String field, String key, Object... args) {
    return new AccountRefusal(Kind.INVALID, field, key, strings(args));
  }

  static AccountRefusal conflict(String field, String key, Object... args) {
    return new AccountRefusal(Kind.CONFLICT, field, key, strings(args));
  }

  private static List<String> strings(Object... args) {
    return java.util.Arrays.stream(args).map(String::valueOf).toList();
  }
}
