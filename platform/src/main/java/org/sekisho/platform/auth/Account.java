package org.sekisho.platform.auth;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A local account as the administrator sees it: who, with which roles, for which agency and office,
 * whether it may sign in, and whether its password is a temporary one its user must replace. Never
 * holds a password or its hash.
 *
 * @param office empty when the account has none
 * @param mustChangePassword the password was set by an administrator; its user must choose their
 *     own before doing anything else
 * @param lastSignInAt the last sign-in by password (form or API), if any since sign-ins are
 *     recorded
 * @param deactivatedBy who deactivated it (a user name, or {@code cli:<os user>})
 */
public record Account(
    String username,
    String displayName,
    Set<Role> roles,
    String agency,
    String office,
    boolean active,
    boolean mustChangePassword,
    Instant createdAt,
    Optional<Instant> lastSignInAt,
    Optional<Instant> deactivatedAt,
    Optional<String> deactivatedBy) {
  public Account {
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    office = office == null ? "" : office;
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** An account that administers this installation now: active and holding {@link Role#ADMIN}. */
  public boolean activeAdmin() {
    return active && has(Role.ADMIN);
  }

  /** The caller this account signs in as. */
  public Principal principal() {
    return new Principal(username, displayName, roles, agency, office);
  }
}
