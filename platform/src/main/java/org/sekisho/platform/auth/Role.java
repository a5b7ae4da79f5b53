package org.sekisho.platform.auth;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a user does in Sekisho. A user holds one or more roles; routes name the roles they admit.
 */
public enum Role {
  ANALYST("analyst"),
  OFFICER("officer"),
  INSPECTOR("inspector"),
  INVESTIGATOR("investigator"),
  LIAISON("liaison"),
  PNR_UNIT("pnr-unit"),
  PARTNER("partner"),
  ADMIN("admin");

  private final String id;

  Role(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<Role> of(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
  }
}
