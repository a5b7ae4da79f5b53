package org.sekisho.app;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sekisho.intel.application.Actor;
import org.sekisho.intel.application.RecordSharing;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.auth.Agencies;
import org.sekisho.platform.auth.Role;

/**
 * One demo account per role. Passwords come from {@code SEKISHO_DEMO_PASSWORD} when set; otherwise
 * each account's password is printed once when the demo starts (generated, never stored in the
 * repository).
 */
public final class DemoAccounts {
  /** A demo account. */
  public record Demo(
      String username, String displayName, Set<Role> roles, String agency, String office) {}

  public static final List<Demo> ALL =
      List.of(
          new Demo(
              "analyst",
              "Aiko Tanaka (targeting analyst)",
              EnumSet.of(Role.ANALYST),
              "customs-jp",
              "NTC"),
          new Demo(
              "officer",
              "Kenji Sato (intelligence officer)",
              EnumSet.of(Role.OFFICER),
              "customs-jp",
              "HQ"),
          new Demo(
              "inspector",
              "Yui Suzuki (inspector)",
              EnumSet.of(Role.INSPECTOR),
              "customs-jp",
              "JPYOK"),
          new Demo(
              "investigator",
              "Hiro Kato (investigator)",
              EnumSet.of(Role.INVESTIGATOR),
              "customs-jp",
              "HQ"),
          new Demo(
              "liaison", "Mei Ito (liaison officer)", EnumSet.of(Role.LIAISON), "customs-jp", "HQ"),
          new Demo(
              "pnr", "Sora Watanabe (PNR unit)", EnumSet.of(Role.PNR_UNIT), "customs-jp", "NTC"),
          // unmasking a masked booking version needs a second member of the PNR unit to decide
          new Demo(
              "pnr2",
              "Aoi Nakamura (PNR unit, second member)",
              EnumSet.of(Role.PNR_UNIT),
              "customs-jp",
              "NTC"),
          new Demo(
              "police",
              "Taro Yamamoto (police liaison)",
              EnumSet.of(Role.PARTNER),
              "police-jp",
              "NPA"),
          new Demo("admin", "Administrator", EnumSet.of(Role.ADMIN), "customs-jp", "HQ"),
          // the officers at an airport receive the PNR unit's referrals of travellers landing there
          new Demo(
              "airport",
              "Haruto Ono (customs officer, Narita)",
              EnumSet.of(Role.OFFICER),
              "customs-jp",
              "NRT"),
          // a device, not a person: the e-Gate kiosk at Narita's arrival hall opens /kiosk only
          new Demo(
              "kiosk",
              "e-Gate kiosk NRT-01 (device)",
              EnumSet.of(Role.KIOSK),
              "customs-jp",
              "NRT"));

  private DemoAccounts() {}

  /** The demo's agencies: the administration and the partner its police liaison works for. */
  public static final Map<String, String> AGENCIES =
      Map.of("customs-jp", "Japan Customs", "police-jp", "National Police Agency");

  /**
   * Registers the demo's agencies, before its records (some the police own, some shared) are
   * loaded.
   */
  public static void registerAgencies(Agencies agencies) {
    AGENCIES.forEach((code, name) -> agencies.register(code, name, "system:demo", "customs-jp"));
  }

  /**
   * The demo's one sharing agreement, recorded once: customs may share seizures and conveyance
   * movements with the police, so the liaison officer can share a record and the police read it.
   */
  public static void recordAgreement(RecordSharing sharing) {
    boolean recorded = sharing.agreements().stream().anyMatch(a -> a.agency().equals("police-jp"));
    if (!recorded) {
      sharing
          .addAgreement(
              "police-jp",
              List.of("seizures", "conveyance-movements"),
              "Demo MoU Customs-NPA on drug and smuggling cases",
              LocalDate.of(2024, 7, 1),
              Optional.empty(),
              new Actor("system:demo", "customs-jp", true))
          .orElseThrow();
    }
  }

  /** Creates or resets every demo account with {@code password}. */
  public static void install(Accounts accounts, String password) {
    for (Demo d : ALL) {
      accounts.upsert(d.username(), d.displayName(), password, d.roles(), d.agency(), d.office());
    }
  }
}
