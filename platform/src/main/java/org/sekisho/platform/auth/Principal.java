package org.sekisho.platform.auth;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * The authenticated caller: who, with which roles, for which agency and office. Agency scope
 * decides which records they may see: their own agency's, and those another agency shared with
 * theirs.
 */
public record Principal(
    String username, String displayName, Set<Role> roles, String agency, String office) {
  public Principal {
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    office = office == null ? "" : office;
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean hasAny(Collection<Role> wanted) {
    return wanted.stream().anyMatch(roles::contains);
  }

  /**
   * True when a record owned by {@code ownerAgency} and shared with {@code sharedWith} is visible.
   */
  public boolean mayRead(String ownerAgency, Collection<String> sharedWith) {
    return agency.equals(ownerAgency) || sharedWith.contains(agency);
  }
}
