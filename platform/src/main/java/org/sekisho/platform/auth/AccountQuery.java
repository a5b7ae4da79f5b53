package org.sekisho.platform.auth;

import java.util.Optional;

/**
 * Which accounts to list: every filter is optional and they all apply together.
 *
 * @param text part of the user name or display name, any case
 * @param agency accounts of this agency
 * @param role accounts holding this role
 * @param active only active ({@code true}) or only deactivated ({@code false}) accounts
 * @param limit at most this many, by user name
 */
public record AccountQuery(
    Optional<String> text,
    Optional<String> agency,
    Optional<Role> role,
    Optional<Boolean> active,
    int limit) {
  public AccountQuery {
    text = text.map(String::strip).filter(s -> !s.isEmpty());
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
  }

  /** Every account, up to {@code limit}. */
  public static AccountQuery all(int limit) {
    return new AccountQuery(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), limit);
  }
}
