package org.sekisho.platform.auth;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;

/**
 * What an administrator does with accounts: create one, change its display name, roles, agency and
 * office, deactivate and reactivate it, and set a temporary password; and what every user does with
 * their own: choose a new password. Every change keeps {@link AccountRules} and answers with a
 * value ({@link AccountChange}, {@link PasswordChange}); nothing is written when it is refused.
 * Changes are made one at a time (see {@link Accounts}), and take effect at once: sessions and API
 * tokens an account loses end in the same transaction, and bearer tokens remembered by {@link
 * Accounts} are forgotten. The caller records the change in the audit log. Thread-safe.
 */
public final class AccountAdministration {
  /**
   * An account to create.
   *
   * @param displayName blank: the user name
   * @param roles role ids as {@link Role#id()}
   * @param office blank: none
   * @param password the temporary password the administrator chose; empty to have one generated
   */
  public record NewAccount(
      String username,
      String displayName,
      List<String> roles,
      String agency,
      String office,
      Optional<String> password) {
    public NewAccount {
      roles = List.copyOf(roles);
    }
  }

  /** What to change of an account; an empty field is left as it is. */
  public record Edit(
      Optional<String> displayName,
      Optional<List<String>> roles,
      Optional<String> agency,
      Optional<String> office) {}

  /**
   * The session or API token a user's own password change is made from, as the client sent it: it
   * stays open when their others end.
   */
  public record Current(Optional<String> token) {}

  private final Accounts accounts;
  private final Agencies agencies;
  private final String administration;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param administration the agency running this installation ({@code SEKISHO_AGENCY}): only its
   *     accounts may hold roles beyond partner and liaison
   */
  public AccountAdministration(Accounts accounts, Agencies agencies, String administration) {
    this.accounts = accounts;
    this.agencies = agencies;
    this.administration = administration;
  }

  /** The accounts {@code q} asks for. */
  public List<Account> list(AccountQuery q) {
    return accounts.list(q);
  }

  /** The accounts {@code q} asks for after the user name {@code after}: a listing's next page. */
  public List<Account> list(AccountQuery q, Optional<String> after) {
    return accounts.list(q, after);
  }

  /** How many accounts {@code q} matches, whatever its limit. */
  public int count(AccountQuery q) {
    return accounts.count(q);
  }

  public Optional<Account> find(String username) {
    return accounts.find(username);
  }

  /** The registered agency codes, for choosing an account's agency. */
  public Set<String> agencies() {
    return new TreeSet<>(agencies.codes());
  }

  /**
   * Creates an account, active, with a temporary password its user must change at the first sign-in
   * (a kiosk device's password is its own: a device has no page to change it on).
   *
   * @param actor the administrator's user name
   */
  public AccountChange create(String actor, NewAccount a) {
    List<AccountRefusal> problems = check(a);
    if (!problems.isEmpty()) {
      return new AccountChange.Refused(problems);
    }
    String displayName = a.displayName() == null ? "" : a.displayName().strip();
    if (displayName.isEmpty()) {
      displayName = a.username();
    }
    AccountRules.RolesOrRefusal roles = AccountRules.roles(a.roles());
    AccountRules.OfficeOrRefusal office = AccountRules.office(a.office());
    Optional<String> chosen = a.password().filter(p -> !p.isEmpty());
    String password =
        chosen.orElseGet(() -> generatePassword(a.username(), agencyNames(a.agency())));
    String hash = accounts.hash(password);
    // as PostgreSQL keeps it, so the answer to the creation and later reads give the same time
    Instant now = accounts.clock().instant().truncatedTo(ChronoUnit.MICROS);
    boolean mustChange = !roles.roles().contains(Role.KIOSK);
    Account created =
        new Account(
            a.username(),
            displayName,
            roles.roles(),
            a.agency(),
            office.office(),
            true,
            mustChange,
            now,
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    AccountChange outcome =
        accounts
            .jdbi()
            .inTransaction(
                h -> {
                  Accounts.lockAccounts(h);
                  if (Accounts.find(h, a.username()).isPresent()) {
                    return new AccountChange.Refused(
                        AccountRefusal.conflict(
                            "username", "account.error.username.taken", a.username()));
                  }
                  Optional<AccountRefusal> refused =
                      AccountRules.judge(
                              new AccountRules.Proposal(
                                  Optional.of(actor),
                                  Optional.empty(),
                                  created,
                                  Accounts.otherActiveAdmins(h, a.username(), administration)))
                          .or(
                              () ->
                                  AccountRules.agencyRolesProblem(
                                      created.roles(), created.agency(), administration))
                          .or(
                              () ->
                                  AccountRules.kioskOfficeProblem(
                                      created.roles(), created.office()));
                  if (refused.isPresent()) {
                    return new AccountChange.Refused(refused.get());
                  }
                  h.createUpdate(
                          "insert into platform.account(username, display_name, password_hash,"
                              + " roles, agency, office, active, must_change_password,"
                              + " created_at, updated_at) values (?,?,?,?,?,?,true,?,?,?)")
                      .bind(0, created.username())
                      .bind(1, created.displayName())
                      .bind(2, hash)
                      .bindArray(3, String.class, (Object[]) Accounts.roleIds(created.roles()))
                      .bind(4, created.agency())
                      .bind(5, created.office())
                      .bind(6, mustChange)
                      .bind(7, Timestamp.from(now))
                      .bind(8, Timestamp.from(now))
                      .execute();
                  return new AccountChange.Done(
                      created,
                      List.of("username", "displayName", "roles", "agency", "office", "password"),
                      chosen.isPresent() ? Optional.empty() : Optional.of(password),
                      0,
                      Optional.empty());
                });
    if (outcome instanceof AccountChange.Done) {
      accounts.forget(a.username(), mustChange);
    }
    return outcome;
  }

  /**
   * Every reason the account {@code a} could not be created, one per field (the first found for
   * each, invalid input before conflicts), or an empty list when it could be as things stand. Reads
   * whether the user name is taken; writes nothing. {@link #create} refuses with these.
   */
  public List<AccountRefusal> check(NewAccount a) {
    Problems problems = new Problems();
    problems.add(AccountRules.usernameProblem(a.username()));
    String displayName = a.displayName() == null ? "" : a.displayName().strip();
    problems.add(
        AccountRules.displayNameProblem(displayName.isEmpty() ? a.username() : displayName));
    problems.add(agencyProblem(a.agency()));
    AccountRules.OfficeOrRefusal office = AccountRules.office(a.office());
    problems.add(office.refusal());
    a.password()
        .filter(p -> !p.isEmpty())
        .ifPresent(
            p ->
                problems.add(
                    AccountRules.passwordProblem(
                        "password", a.username(), agencyNames(a.agency()), p)));
    AccountRules.RolesOrRefusal roles = AccountRules.roles(a.roles());
    problems.add(roles.refusal());
    // the rules between fields, judged where the fields they read could be read
    if (!problems.has("roles")) {
      problems.add(AccountRules.rolesProblem(roles.roles()));
    }
    if (!problems.has("roles")) {
      if (!problems.has("agency")) {
        problems.add(AccountRules.agencyRolesProblem(roles.roles(), a.agency(), administration));
      }
      if (!problems.has("office")) {
        problems.add(AccountRules.kioskOfficeProblem(roles.roles(), office.office()));
      }
    }
    if (!problems.has("username") && accounts.find(a.username()).isPresent()) {
      problems.add(
          Optional.of(
              AccountRefusal.conflict("username", "account.error.username.taken", a.username())));
    }
    return problems.list();
  }

  /**
   * Changes an account's display name, roles, agency or office. Its sessions and tokens stay open:
   * they are read with the account on every request, so they carry the change at once; except when
   * the role kiosk is given or taken. A device's account made a person's (or a person's made a
   * device's) ends its sessions and tokens, so that a kiosk left signed in at a gate does not start
   * answering with an officer's roles; a person's account made from a device's must have its
   * password chosen anew (the device's was set by whoever installed it), a device's has none to
   * choose.
   */
  public AccountChange update(String actor, String username, Edit e) {
    ParsedEdit parsed = parse(e);
    // a refused field is judged with the others as the account holds it now, so that the guards
    // between fields name what else is wrong at once; nothing is written while any is refused
    Optional<String> newDisplayName = parsed.displayName();
    Optional<String> newAgency = parsed.agency();
    Optional<Set<Role>> newRoles = parsed.roles();
    Optional<String> newOffice = parsed.office();
    return change(
        actor,
        username,
        b -> {
          Set<Role> after = newRoles.orElse(b.roles());
          boolean kioskNow = after.contains(Role.KIOSK);
          return new Account(
              b.username(),
              newDisplayName.orElse(b.displayName()),
              after,
              newAgency.orElse(b.agency()),
              newOffice.orElse(b.office()),
              b.active(),
              kioskNow == b.has(Role.KIOSK) ? b.mustChangePassword() : !kioskNow,
              b.createdAt(),
              b.lastSignInAt(),
              b.deactivatedAt(),
              b.deactivatedBy());
        },
        (h, after) ->
            h.createUpdate(
                    "update platform.account set display_name = ?, roles = ?, agency = ?,"
                        + " office = ?, must_change_password = ?, updated_at = ?"
                        + " where username = ?")
                .bind(0, after.displayName())
                .bindArray(1, String.class, (Object[]) Accounts.roleIds(after.roles()))
                .bind(2, after.agency())
                .bind(3, after.office())
                .bind(4, after.mustChangePassword())
                .bind(5, Timestamp.from(accounts.clock().instant()))
                .bind(6, username)
                .execute(),
        false,
        (before, after) -> before.has(Role.KIOSK) != after.has(Role.KIOSK),
        Optional.empty(),
        parsed.problems().list());
  }

  /**
   * What is wrong with the fields of {@code e} themselves (a blank display name, an unknown role,
   * an unregistered agency, a malformed office), one reason per field; the guards that need the
   * account ({@link #update}) are not judged. Writes nothing.
   */
  public List<AccountRefusal> check(Edit e) {
    return parse(e).problems().list();
  }

  /** An edit's fields as read, each empty when absent or refused (its reason in problems). */
  private record ParsedEdit(
      Optional<String> displayName,
      Optional<Set<Role>> roles,
      Optional<String> agency,
      Optional<String> office,
      Problems problems) {}

  private ParsedEdit parse(Edit e) {
    Problems problems = new Problems();
    Optional<String> displayName = e.displayName().map(String::strip);
    problems.add(
        displayName.filter(String::isEmpty).isPresent()
            ? Optional.of(AccountRefusal.invalid("displayName", "account.error.displayName.blank"))
            : displayName.flatMap(AccountRules::displayNameProblem));
    if (problems.has("displayName")) {
      displayName = Optional.empty();
    }
    Optional<Set<Role>> roles = Optional.empty();
    if (e.roles().isPresent()) {
      AccountRules.RolesOrRefusal r = AccountRules.roles(e.roles().get());
      problems.add(r.refusal());
      roles = r.refusal().isPresent() ? Optional.empty() : Optional.of(r.roles());
    }
    Optional<String> agency = e.agency();
    if (agency.isPresent()) {
      Optional<AccountRefusal> bad = agencyProblem(agency.get());
      problems.add(bad);
      agency = bad.isPresent() ? Optional.empty() : agency;
    }
    Optional<String> office = Optional.empty();
    if (e.office().isPresent()) {
      AccountRules.OfficeOrRefusal o = AccountRules.office(e.office().get());
      problems.add(o.refusal());
      office = o.refusal().isPresent() ? Optional.empty() : Optional.of(o.office());
    }
    return new ParsedEdit(displayName, roles, agency, office, problems);
  }

  /**
   * Deactivates an account: it can no longer sign in, and its browser sessions and API tokens end
   * at once. Deactivating an inactive account changes nothing.
   */
  public AccountChange deactivate(String actor, String username) {
    Instant now = accounts.clock().instant();
    return change(
        actor,
        username,
        b ->
            new Account(
                b.username(),
                b.displayName(),
                b.roles(),
                b.agency(),
                b.office(),
                false,
                b.mustChangePassword(),
                b.createdAt(),
                b.lastSignInAt(),
                b.active() ? Optional.of(now) : b.deactivatedAt(),
                b.active() ? Optional.of(actor) : b.deactivatedBy()),
        (h, after) ->
            h.createUpdate(
                    "update platform.account set active = false, deactivated_at = ?,"
                        + " deactivated_by = ?, updated_at = ? where username = ?")
                .bind(0, Timestamp.from(now))
                .bind(1, actor)
                .bind(2, Timestamp.from(now))
                .bind(3, username)
                .execute(),
        false,
        ALWAYS,
        Optional.empty(),
        List.of());
  }

  /**
   * Reactivates an account: it can sign in again with its password. Sessions and tokens it held
   * while inactive (ended when it was deactivated here, or left by a deactivation elsewhere) stay
   * ended. Reactivating an active account changes nothing.
   */
  public AccountChange reactivate(String actor, String username) {
    Instant now = accounts.clock().instant();
    return change(
        actor,
        username,
        b ->
            new Account(
                b.username(),
                b.displayName(),
                b.roles(),
                b.agency(),
                b.office(),
                true,
                b.mustChangePassword(),
                b.createdAt(),
                b.lastSignInAt(),
                Optional.empty(),
                Optional.empty()),
        (h, after) ->
            h.createUpdate(
                    "update platform.account set active = true, deactivated_at = null,"
                        + " deactivated_by = null, updated_at = ? where username = ?")
                .bind(0, Timestamp.from(now))
                .bind(1, username)
                .execute(),
        false,
        ALWAYS,
        Optional.empty(),
        List.of());
  }

  /**
   * Sets a temporary password for an account, chosen by the administrator or generated (returned
   * once in {@link AccountChange.Done#generatedPassword()}), which its user must replace at the
   * next sign-in (not a kiosk device, which has no page to replace it on). The account's browser
   * sessions and API tokens end at once: whoever held them must sign in with the new password.
   */
  public AccountChange resetPassword(String actor, String username, Optional<String> temporary) {
    if (actor.equals(username)) {
      // one's own password changes with the current one (throttled), so a taken-over session
      // cannot take the account
      return new AccountChange.Refused(
          AccountRefusal.conflict("password", "account.error.own.reset"));
    }
    Optional<Account> target = accounts.find(username);
    if (target.isEmpty()) {
      return new AccountChange.Unknown(username);
    }
    List<String> agency = agencyNames(target.get().agency());
    Optional<String> chosen = temporary.filter(p -> !p.isEmpty());
    if (chosen.isPresent()) {
      Optional<AccountRefusal> bad =
          AccountRules.passwordProblem("password", username, agency, chosen.get());
      if (bad.isPresent()) {
        return new AccountChange.Refused(bad.get());
      }
    }
    String password = chosen.orElseGet(() -> generatePassword(username, agency));
    String hash = accounts.hash(password);
    Instant now = accounts.clock().instant();
    return change(
        actor,
        username,
        UnaryOperator.identity(),
        (h, after) ->
            h.createUpdate(
                    "update platform.account set password_hash = ?, must_change_password = ?,"
                        + " updated_at = ? where username = ?")
                .bind(0, hash)
                .bind(1, !after.has(Role.KIOSK))
                .bind(2, Timestamp.from(now))
                .bind(3, username)
                .execute(),
        true,
        ALWAYS,
        chosen.isPresent() ? Optional.empty() : Optional.of(password),
        List.of());
  }

  /**
   * Why {@code password} cannot be the new password {@code username} chooses for themselves, or
   * empty: the rules of {@link PasswordPolicy}, with the name of the account's agency. Named after
   * the field {@code newPassword}.
   */
  public Optional<AccountRefusal> newPasswordProblem(String username, String password) {
    List<String> agency =
        accounts.find(username).map(a -> agencyNames(a.agency())).orElse(List.of());
    return AccountRules.passwordProblem("newPassword", username, agency, password);
  }

  /**
   * A user's change of their own password: {@code current} must be right, {@code next} keep the
   * password rules and differ from it. Their other browser sessions and API tokens end; the one
   * named by {@code from} stays open. Clears the demand to change it.
   */
  public PasswordChange changeOwnPassword(
      String username, String current, String next, Current from) {
    Optional<AccountRefusal> bad = newPasswordProblem(username, next);
    if (bad.isPresent()) {
      return new PasswordChange.Refused(bad.get());
    }
    if (current == null || current.isEmpty()) {
      return new PasswordChange.Refused(
          AccountRefusal.invalid("currentPassword", "account.error.password.currentMissing"));
    }
    if (!accounts.passwordMatches(username, current)) {
      return new PasswordChange.Refused(
          AccountRefusal.invalid("currentPassword", "account.error.password.wrong"));
    }
    if (next.equals(current)) {
      return new PasswordChange.Refused(
          AccountRefusal.invalid("newPassword", "account.error.password.same"));
    }
    String hash = accounts.hash(next);
    Instant now = accounts.clock().instant();
    int ended =
        accounts
            .jdbi()
            .inTransaction(
                h -> {
                  Accounts.lockAccounts(h);
                  h.createUpdate(
                          "update platform.account set password_hash = ?,"
                              + " must_change_password = false, updated_at = ? where username = ?")
                      .bind(0, hash)
                      .bind(1, Timestamp.from(now))
                      .bind(2, username)
                      .execute();
                  return Accounts.endSessions(h, username, from.token());
                });
    accounts.forget(username, false);
    return new PasswordChange.Changed(ended);
  }

  private static final BiPredicate<Account, Account> ALWAYS = (before, after) -> true;

  /** Writes an account as a change leaves it, in the change's transaction. */
  @FunctionalInterface
  private interface Write {
    void apply(Handle h, Account after);
  }

  /**
   * One change of an existing account, judged by the guards and written in one transaction; nothing
   * is written when nothing would change.
   *
   * @param setsPassword whether the change sets a password (always a change)
   * @param endsSessions whether a change from the first account to the second ends the account's
   *     browser sessions and API tokens
   * @param generated a generated password to hand back once
   * @param input what is wrong with the input already (one reason per field): refused with the
   *     guards' reasons for the other fields, nothing written
   */
  private AccountChange change(
      String actor,
      String username,
      UnaryOperator<Account> edit,
      Write write,
      boolean setsPassword,
      BiPredicate<Account, Account> endsSessions,
      Optional<String> generated,
      List<AccountRefusal> input) {
    record Result(AccountChange outcome, boolean mustChange) {}
    Result r =
        accounts
            .jdbi()
            .inTransaction(
                h -> {
                  Accounts.lockAccounts(h);
                  Optional<Account> before = Accounts.find(h, username);
                  if (before.isEmpty()) {
                    return new Result(new AccountChange.Unknown(username), false);
                  }
                  Account after = edit.apply(before.get());
                  AccountRules.Proposal proposal =
                      new AccountRules.Proposal(
                          Optional.of(actor),
                          before,
                          after,
                          Accounts.otherActiveAdmins(h, username, administration));
                  Problems problems = new Problems();
                  input.forEach(refused -> problems.add(Optional.of(refused)));
                  AccountRules.GUARDS.forEach(g -> problems.add(g.check(proposal)));
                  // judged when roles or agency change, so that an account made before the rule
                  // can still be deactivated or reset
                  if (!after.roles().equals(before.get().roles())
                      || !after.agency().equals(before.get().agency())) {
                    problems.add(
                        AccountRules.agencyRolesProblem(
                            after.roles(), after.agency(), administration));
                  }
                  if (!after.roles().equals(before.get().roles())
                      || !after.office().equals(before.get().office())) {
                    problems.add(AccountRules.kioskOfficeProblem(after.roles(), after.office()));
                  }
                  if (!problems.list().isEmpty()) {
                    return new Result(
                        new AccountChange.Refused(problems.list()),
                        before.get().mustChangePassword());
                  }
                  List<String> changed =
                      new ArrayList<>(Accounts.changedFields(before.get(), after));
                  if (setsPassword) {
                    changed.add("password");
                  }
                  if (changed.isEmpty()) {
                    return new Result(
                        new AccountChange.Done(
                            before.get(), List.of(), Optional.empty(), 0, before),
                        before.get().mustChangePassword());
                  }
                  write.apply(h, after);
                  int ended =
                      endsSessions.test(before.get(), after)
                          ? Accounts.endSessions(h, username, Optional.empty())
                          : 0;
                  Account stored = Accounts.find(h, username).orElseThrow();
                  return new Result(
                      new AccountChange.Done(stored, changed, generated, ended, before),
                      stored.mustChangePassword());
                });
    accounts.forget(username, r.mustChange());
    return r.outcome();
  }

  private Optional<AccountRefusal> agencyProblem(String agency) {
    if (agency == null || agency.isBlank()) {
      return Optional.of(AccountRefusal.invalid("agency", "account.error.agency.missing"));
    }
    Set<String> codes = agencies.codes();
    if (!codes.contains(agency)) {
      return Optional.of(
          AccountRefusal.invalid(
              "agency",
              "account.error.agency.unregistered",
              AccountRules.clip(agency),
              String.join(", ", new TreeSet<>(codes))));
    }
    return Optional.empty();
  }

  /**
   * A password drawn by {@link PasswordPolicy#generate} that keeps every rule for this account, so
   * that a generated password is one a user could have chosen.
   */
  private String generatePassword(String username, List<String> agency) {
    return PasswordPolicy.generate(
        random,
        drawn ->
            PasswordPolicy.judge(new PasswordPolicy.Candidate("password", drawn, username, agency))
                .isEmpty());
  }

  /**
   * The code of an agency and, when registered, its name: what a password of one of its accounts
   * must not contain.
   */
  private List<String> agencyNames(String code) {
    if (code == null || code.isBlank()) {
      return List.of();
    }
    return agencies.all().stream()
        .filter(a -> a.code().equals(code))
        .findFirst()
        .map(a -> List.of(code, a.name()))
        .orElse(List.of(code));
  }

  /**
   * The reasons a change is refused, one per field (the first found for it), given with invalid
   * input before conflicts, each kind in the order found.
   */
  private static final class Problems {
    private final Map<String, AccountRefusal> byField = new LinkedHashMap<>();

    void add(Optional<AccountRefusal> r) {
      r.ifPresent(x -> byField.putIfAbsent(x.field(), x));
    }

    boolean has(String field) {
      return byField.containsKey(field);
    }

    List<AccountRefusal> list() {
      return byField.values().stream()
          .sorted(java.util.Comparator.comparing(AccountRefusal::kind))
          .toList();
    }
  }
}
