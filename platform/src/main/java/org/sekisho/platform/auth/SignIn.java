package org.sekisho.platform.auth;

/**
 * What came of checking a user name and password. The client is told only whether it signed in; the
 * other outcomes are for the audit log, which records a deactivated account's right password apart
 * from a guess, and never records a name no account has (it may be a password typed into the wrong
 * field).
 */
public sealed interface SignIn {
  /** The password is right and the account active. */
  record SignedIn(Principal principal) implements SignIn {}

  /** No account has this user name. */
  record UnknownAccount() implements SignIn {}

  /** The account exists and the password is wrong. */
  record WrongPassword() implements SignIn {}

  /** The password is right but the account is deactivated. */
  record Deactivated() implements SignIn {}
}
