package org.sekisho.platform.auth;

/** What came of a user's change of their own password. */
public sealed interface PasswordChange {
  /**
   * Changed; the user's other browser sessions and API tokens ended ({@code sessionsEnded} of
   * them), the one the change was made from kept.
   */
  record Changed(int sessionsEnded) implements PasswordChange {}

  /** Refused, with the reason (the current password wrong, the new one too short, …). */
  record Refused(AccountRefusal refusal) implements PasswordChange {}
}
