package org.sekisho.platform.auth;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a route demands of its caller. Every route declares one; there is no default, so a route
 * cannot be left open by accident.
 */
public sealed interface Access {
  /** Anyone, signed in or not (health, login page, public tip form). */
  record Public() implements Access {}

  /** A signed-in caller holding at least one of {@code roles}. */
  record AnyOf(Set<Role> roles) implements Access {
    public AnyOf {
      if (roles.isEmpty()) {
        throw new IllegalArgumentException("name at least one role");
      }
      roles = Set.copyOf(roles);
    }
  }

  static Access open() {
    return new Public();
  }

  static Access anyOf(Role first, Role... more) {
    return new AnyOf(EnumSet.of(first, more));
  }

  /** Every role: any signed-in user. */
  static Access signedIn() {
    return new AnyOf(EnumSet.allOf(Role.class));
  }

  default boolean admits(Principal p) {
    return switch (this) {
      case Public pub -> true;
      case AnyOf a -> p != null && p.hasAny(a.roles());
    };
  }
}
