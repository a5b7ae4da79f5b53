package org.sekisho.app;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.sekisho.intel.application.Actor;
import org.sekisho.intel.application.RecordSharing;
import org.sekisho.platform.auth.AccountRefusal;
import org.sekisho.platform.auth.AccountRules;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.auth.Agencies;
import org.sekisho.platform.auth.PasswordPolicy;
import org.sekisho.platform.auth.Role;

/**
 * One demo account per role. Their one password comes from {@code SEKISHO_DEMO_PASSWORD} when set;
 * otherwise it is generated and printed once when the demo starts (never stored in the repository).
 * Either way it keeps the password rules ({@link PasswordPolicy}) for every demo account, as an
 * account made on the web or by {@code sekisho user} does.
 */
public final class DemoAccounts {
  /**
   * A demo account. Display names are people's names alone: the page header adds the roles in the
   * reader's language, so a role written into the name would read in English on Japanese pages.
   */
  public record Demo(
      String username, String displayName, Set<Role> roles, String agency, String office) {}

  public static final List<Demo> ALL =
      List.of(
          new Demo("analyst", "Aiko Tanaka", EnumSet.of(Role.ANALYST), "customs-jp", "NTC"),
          new Demo("officer", "Kenji Sato", EnumSet.of(Role.OFFICER), "customs-jp", "HQ"),
          new Demo("inspector", "Yui Suzuki", EnumSet.of(Role.INSPECTOR), "customs-jp", "JPYOK"),
          new Demo("investigator", "Hiro Kato", EnumSet.of(Role.INVESTIGATOR), "customs-jp", "HQ"),
          new Demo("liaison", "Mei Ito", EnumSet.of(Role.LIAISON), "customs-jp", "HQ"),
          new Demo("pnr", "Sora Watanabe", EnumSet.of(Role.PNR_UNIT), "customs-jp", "NTC"),
          // unmasking a masked booking version needs a second member of the PNR unit to decide
          new Demo("pnr2", "Aoi Nakamura", EnumSet.of(Role.PNR_UNIT), "customs-jp", "NTC"),
          new Demo("police", "Taro Yamamoto", EnumSet.of(Role.PARTNER), "police-jp", "NPA"),
          new Demo("admin", "Administrator", EnumSet.of(Role.ADMIN), "customs-jp", "HQ"),
          // the officers at an airport receive the PNR unit's referrals of travellers landing there
          new Demo("airport", "Haruto Ono", EnumSet.of(Role.OFFICER), "customs-jp", "NRT"),
          // a device, not a person: the e-Gate kiosk at Narita's arrival hall opens /kiosk only
          new Demo("kiosk", "e-Gate kiosk NRT-01", EnumSet.of(Role.KIOSK), "customs-jp", "NRT"));

  private DemoAccounts() {}

  /**
   * The demo's agencies: the administration and the partner agency the police account works for.
   */
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

  /** The variable a chosen demo password comes in, which a refusal names. */
  public static final String PASSWORD_VARIABLE = "SEKISHO_DEMO_PASSWORD";

  /**
   * The first password rule ({@link PasswordPolicy}) that {@code password}, the one password of
   * every demo account, breaks for one of them (its user name, its agency's code and name); empty
   * when it keeps them all.
   */
  public static Optional<AccountRefusal> passwordProblem(String password) {
    for (Demo d : ALL) {
      Optional<AccountRefusal> why =
          AccountRules.passwordProblem(
              PASSWORD_VARIABLE,
              d.username(),
              List.of(d.agency(), AGENCIES.getOrDefault(d.agency(), d.agency())),
              password);
      if (why.isPresent()) {
        return why;
      }
    }
    return Optional.empty();
  }

  /**
   * A generated password for the demo's accounts ({@code k7Qm-3xTz-…}), drawn until it keeps the
   * password rules for every one of them: the demo's accounts keep the rules everyone's do.
   */
  public static String generatePassword(RandomGenerator random) {
    return PasswordPolicy.generate(random, p -> passwordProblem(p).isEmpty());
  }

  /**
   * Creates or resets every demo account with {@code password}, which must keep the password rules
   * for each of them ({@link #passwordProblem}); checked for all before any is written.
   *
   * @throws IllegalArgumentException naming the rule broken (never the password); nothing written
   */
  public static void install(Accounts accounts, String password) {
    Optional<AccountRefusal> weak = passwordProblem(password);
    if (weak.isPresent()) {
      throw new IllegalArgumentException(Accounts.english(weak.get()));
    }
    for (Demo d : ALL) {
      accounts
          .upsertKeepingPolicy(
              PASSWORD_VARIABLE,
              d.username(),
              d.displayName(),
              password,
              d.roles(),
              d.agency(),
              d.office())
          .ifPresent(
              r -> {
                // the agency registered under another name than the demo's
                throw new IllegalArgumentException(Accounts.english(r));
              });
    }
  }
}
