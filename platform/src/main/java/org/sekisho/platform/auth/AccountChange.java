package org.sekisho.platform.auth;

import java.util.List;
import java.util.Optional;

/** What came of an administrator's change to an account. */
public sealed interface AccountChange {
  /**
   * Made (or nothing to make: {@code changed} empty).
   *
   * @param changed the names of the fields that changed ({@code displayName}, {@code roles}, {@code
   *     agency}, {@code office}, {@code active}, {@code password}), never their values
   * @param generatedPassword the temporary password generated for the account, to be shown once to
   *     the administrator; empty when the administrator chose it or no password was set
   * @param sessionsEnded browser sessions and API tokens of the account ended by the change
   * @param before the account as it was before the change; empty for an account just created
   */
  record Done(
      Account account,
      List<String> changed,
      Optional<String> generatedPassword,
      int sessionsEnded,
      Optional<Account> before)
      implements AccountChange {
    public Done {
      changed = List.copyOf(changed);
    }
  }

  /** No account has this user name. */
  record Unknown(String username) implements AccountChange {}

  /**
   * Refused, with every reason found (one per field, invalid input before conflicts); nothing was
   * written.
   *
   * @param refusals never empty
   */
  record Refused(List<AccountRefusal> refusals) implements AccountChange {
    public Refused {
      if (refusals.isEmpty()) {
        throw new IllegalArgumentException("a refusal needs at least one reason");
      }
      refusals = List.copyOf(refusals);
    }

    /** Refused for one reason. */
    public Refused(AccountRefusal refusal) {
      this(List.of(refusal));
    }

    /** The first reason: the one an answer with a single field names. */
    public AccountRefusal refusal() {
      return refusals.get(0);
    }
  }
}
