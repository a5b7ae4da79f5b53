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
  ADMIN("admin"),
  /**
   * An e-Gate kiosk device, not a person: it runs the kiosk flow and nothing else (no search, no
   * records, no other traveller's data), and each kiosk's own account names it in the audit log.
   */
  KIOSK("kiosk");

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
