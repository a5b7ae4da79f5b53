package org.sekisho.platform.auth;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules an account and a change to it must keep, as small pure functions that return the reason
 * for a refusal, or nothing. The web administration, the {@code sekisho user} command and a user
 * changing their own password all go through them.
 */
public final class AccountRules {
  private AccountRules() {}

  /** Shortest password anyone may choose or be given. */
  public static final int MIN_PASSWORD = PasswordPolicy.MIN_LENGTH;

  /** Longest password taken: hashing is deliberately slow, and grows with the input. */
  public static final int MAX_PASSWORD = PasswordPolicy.MAX_LENGTH;

  public static final int MAX_DISPLAY_NAME = 200;

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}[a-z0-9]");
  private static final Pattern OFFICE = Pattern.compile("[A-Z0-9-]{1,20}");

  /**
   * A change as it would leave the account, with what the guards need to judge it.
   *
   * @param actor the administrator making it; empty for the command line (the machine's operator)
   * @param before the account as it is; empty when it is being created
   * @param after the account as the change would leave it
   * @param otherActiveAdmins how many active administrators there are besides this account
   */
  public record Proposal(
      Optional<String> actor, Optional<Account> before, Account after, long otherActiveAdmins) {
    boolean bySelf() {
      return actor.isPresent() && actor.get().equals(after.username());
    }
  }

  /** A guard on a change; empty when the change may be made. */
  @FunctionalInterface
  public interface Guard {
    Optional<AccountRefusal> check(Proposal p);
  }

  /** The guards every change of an account passes, in the order their reasons are given. */
  public static final List<Guard> GUARDS =
      List.of(
          AccountRules::kioskAlone,
          AccountRules::notOwnDeactivation,
          AccountRules::keepsOwnAdmin,
          AccountRules::keepsAnAdmin);

  /** The first reason any guard gives, or empty. */
  public static Optional<AccountRefusal> judge(Proposal p) {
    return GUARDS.stream().map(g -> g.check(p)).flatMap(Optional::stream).findFirst();
  }

  /**
   * An e-Gate kiosk is a device, not a person: its account holds the role kiosk and no other, so a
   * device never opens an officer's pages.
   */
  static Optional<AccountRefusal> kioskAlone(Proposal p) {
    return rolesProblem(p.after().roles());
  }

  /** An administrator cannot lock themselves out; another administrator can deactivate them. */
  static Optional<AccountRefusal> notOwnDeactivation(Proposal p) {
    boolean deactivates = p.before().map(Account::active).orElse(false) && !p.after().active();
    return p.bySelf() && deactivates
        ? Optional.of(AccountRefusal.conflict("active", "account.error.own.deactivate"))
        : Optional.empty();
  }

  /** An administrator cannot take the role admin from themselves. */
  static Optional<AccountRefusal> keepsOwnAdmin(Proposal p) {
    boolean drops =
        p.before().map(b -> b.has(Role.ADMIN)).orElse(false) && !p.after().has(Role.ADMIN);
    return p.bySelf() && drops
        ? Optional.of(AccountRefusal.conflict("roles", "account.error.own.admin"))
        : Optional.empty();
  }

  /**
   * The last active administrator stays one (neither deactivated nor without the role admin):
   * otherwise nobody could administer accounts on the web again.
   */
  static Optional<AccountRefusal> keepsAnAdmin(Proposal p) {
    boolean wasAdmin = p.before().map(Account::activeAdmin).orElse(false);
    if (!wasAdmin || p.after().activeAdmin() || p.otherActiveAdmins() > 0) {
      return Optional.empty();
    }
    return Optional.of(
        AccountRefusal.conflict(
            p.after().active() ? "roles" : "active",
            "account.error.lastAdmin",
            p.after().username()));
  }

  /** Why {@code username} cannot name a new account, or empty. */
  public static Optional<AccountRefusal> usernameProblem(String username) {
    if (username == null || username.isBlank()) {
      return Optional.of(AccountRefusal.invalid("username", "account.error.username.missing"));
    }
    if (!USERNAME.matcher(username).matches()) {
      return Optional.of(
          AccountRefusal.invalid("username", "account.error.username.form", clip(username)));
    }
    return Optional.empty();
  }

  /** Why {@code displayName} cannot be shown for an account, or empty. */
  public static Optional<AccountRefusal> displayNameProblem(String displayName) {
    if (displayName.length() > MAX_DISPLAY_NAME) {
      return Optional.of(
          AccountRefusal.invalid(
              "displayName",
              "account.error.displayName.long",
              MAX_DISPLAY_NAME,
              displayName.length()));
    }
    if (displayName.chars().anyMatch(Character::isISOControl)) {
      return Optional.of(
          AccountRefusal.invalid("displayName", "account.error.displayName.control"));
    }
    return Optional.empty();
  }

  /**
   * Why an account holding {@code roles} cannot have {@code office}, or empty: a kiosk is a device
   * at one office, whose officers read the referrals it makes; without an office they would go to
   * every office's officers.
   */
  public static Optional<AccountRefusal> kioskOfficeProblem(Set<Role> roles, String office) {
    if (!roles.contains(Role.KIOSK)) {
      return Optional.empty();
    }
    if (office.isBlank()) {
      return Optional.of(AccountRefusal.invalid("office", "account.error.kiosk.office"));
    }
    // headquarters reads every office's referrals but records no outcome: a kiosk there would
    // refer travellers whom no officer can clear
    if (HEADQUARTERS.contains(office.strip().toUpperCase(java.util.Locale.ROOT))) {
      return Optional.of(AccountRefusal.invalid("office", "account.error.kiosk.headquarters"));
    }
    return Optional.empty();
  }

  /** The office code of headquarters, whose people oversee every office (e-Gate: read only). */
  public static final Set<String> HEADQUARTERS = Set.of("HQ");

  /** Why an account cannot hold {@code roles}, or empty: at least one, kiosk alone. */
  public static Optional<AccountRefusal> rolesProblem(Set<Role> roles) {
    if (roles.isEmpty()) {
      return Optional.of(AccountRefusal.invalid("roles", "account.error.roles.none"));
    }
    if (roles.contains(Role.KIOSK) && roles.size() > 1) {
      return Optional.of(AccountRefusal.invalid("roles", "account.error.roles.kioskAlone"));
    }
    return Optional.empty();
  }

  /**
   * Why an account of {@code agency} cannot hold {@code roles} in the installation run by {@code
   * administration}, or empty. A partner agency's people exchange with the administration: they
   * hold the roles partner and liaison only, since every other role opens the administration's own
   * work (worklists, passenger data, criteria, accounts) whatever the reader's agency. The
   * administration's own people are never its partner.
   */
  public static Optional<AccountRefusal> agencyRolesProblem(
      Set<Role> roles, String agency, String administration) {
    if (agency.equals(administration)) {
      return roles.contains(Role.PARTNER)
          ? Optional.of(
              AccountRefusal.invalid("roles", "account.error.roles.partnerOfOwn", administration))
          : Optional.empty();
    }
    boolean partnerRolesOnly = roles.stream().allMatch(r -> r == Role.PARTNER || r == Role.LIAISON);
    return partnerRolesOnly
        ? Optional.empty()
        : Optional.of(
            AccountRefusal.invalid(
                "roles", "account.error.roles.partnerAgency", agency, administration));
  }

  /**
   * The roles named by {@code ids} (as {@link Role#id()}), or the reason one is unknown. Blank ids
   * are skipped, so an empty form field names none.
   */
  public static RolesOrRefusal roles(List<String> ids) {
    java.util.EnumSet<Role> out = java.util.EnumSet.noneOf(Role.class);
    for (String id : ids) {
      String s = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
      if (s.isEmpty()) {
        continue;
      }
      Optional<Role> r = Role.of(s);
      if (r.isEmpty()) {
        return new RolesOrRefusal(
            Set.of(),
            Optional.of(
                AccountRefusal.invalid(
                    "roles",
                    "account.error.roles.unknown",
                    clip(id),
                    Arrays.stream(Role.values()).map(Role::id).collect(Collectors.joining(", ")))));
      }
      out.add(r.get());
    }
    return new RolesOrRefusal(out, Optional.empty());
  }

  /** Roles read from their ids, or why they could not be. */
  public record RolesOrRefusal(Set<Role> roles, Optional<AccountRefusal> refusal) {}

  /**
   * The office code as stored (upper case) when {@code office} can name one: up to 20 letters,
   * digits or hyphens, such as {@code JPTYO} or {@code NRT}; blank is no office.
   */
  public static OfficeOrRefusal office(String office) {
    String s = office == null ? "" : office.strip().toUpperCase(Locale.ROOT);
    if (s.isEmpty() || OFFICE.matcher(s).matches()) {
      return new OfficeOrRefusal(s, Optional.empty());
    }
    return new OfficeOrRefusal(
        "",
        Optional.of(AccountRefusal.invalid("office", "account.error.office.form", clip(office))));
  }

  /** An office code as stored, or why it could not be. */
  public record OfficeOrRefusal(String office, Optional<AccountRefusal> refusal) {}

  /**
   * Why {@code password} cannot be {@code username}'s password, or empty: the rules of {@link
   * PasswordPolicy} (at least {@value #MIN_PASSWORD} characters, at most {@value #MAX_PASSWORD},
   * not a repeat, a run of keys, the user name or a common password), without the agency's name,
   * which the caller does not know here.
   *
   * @param field the input field the password came in ({@code password}, {@code newPassword})
   */
  public static Optional<AccountRefusal> passwordProblem(
      String field, String username, String password) {
    return passwordProblem(field, username, List.of(), password);
  }

  /**
   * As {@link #passwordProblem(String, String, String)}, and not containing the agency's code or
   * name either.
   *
   * @param agency the account's agency: its code, then its registered name
   */
  public static Optional<AccountRefusal> passwordProblem(
      String field, String username, List<String> agency, String password) {
    return PasswordPolicy.judge(new PasswordPolicy.Candidate(field, password, username, agency));
  }

  /** Input quoted back in a message, cut so that a refusal cannot be made to carry a whole body. */
  static String clip(String s) {
    if (s == null) {
      return "";
    }
    return s.length() > 64 ? s.substring(0, 64) + "…" : s;
  }
}
