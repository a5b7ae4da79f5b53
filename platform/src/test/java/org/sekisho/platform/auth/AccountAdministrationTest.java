package org.sekisho.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.ManualClock;
import org.sekisho.platform.testing.PostgresExtension;

/** Account administration over PostgreSQL: what each change writes, ends and refuses. */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AccountAdministrationTest {
  private static final String PASSWORD = "correct horse battery";

  private final Database db;
  private final ManualClock clock = new ManualClock();
  private final Accounts accounts;
  private final AccountAdministration admin;

  AccountAdministrationTest(Database db) {
    this.db = db;
    db.migrate(List.of(Migrations.of("platform")));
    AuditLog audit = new AuditLog(db.jdbi());
    this.accounts =
        new Accounts(db.jdbi(), clock, new PasswordHasher(1024, 1, 1), Duration.ofHours(1), audit);
    Agencies agencies = new Agencies(db.jdbi(), clock, audit);
    agencies.register("customs-jp", "Japan Customs", "test", "customs-jp");
    agencies.register("police-jp", "National Police Agency", "test", "customs-jp");
    this.admin = new AccountAdministration(accounts, agencies, "customs-jp");
  }

  private AccountChange.Done create(String username, String... roles) {
    // a kiosk device belongs to an office
    String office = List.of(roles).contains("kiosk") ? "KIX" : "";
    AccountChange c =
        admin.create(
            "root",
            new AccountAdministration.NewAccount(
                username, "", List.of(roles), "customs-jp", office, Optional.of(PASSWORD)));
    assertThat(c).as(username).isInstanceOf(AccountChange.Done.class);
    return (AccountChange.Done) c;
  }

  private int rows(String sql, String username) {
    return db.jdbi()
        .withHandle(h -> h.createQuery(sql).bind(0, username).mapTo(Integer.class).one());
  }

  @Test
  void aCreatedAccountSignsInWithItsTemporaryPasswordAndMustChangeIt() {
    AccountChange c =
        admin.create(
            "root",
            new AccountAdministration.NewAccount(
                "mori", "  Mori Aiko ", List.of("officer"), "customs-jp", "nrt", Optional.empty()));
    AccountChange.Done done = (AccountChange.Done) c;
    String temporary = done.generatedPassword().orElseThrow();
    assertThat(temporary).matches("[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}");
    assertThat(done.account().displayName()).isEqualTo("Mori Aiko");
    assertThat(done.account().office()).isEqualTo("NRT");
    assertThat(done.account().mustChangePassword()).isTrue();
    assertThat(accounts.authenticate("mori", temporary)).isPresent();
    assertThat(accounts.mustChangePassword("mori")).isTrue();
    Account stored = admin.find("mori").orElseThrow();
    assertThat(stored.lastSignInAt()).contains(clock.instant());

    PasswordChange changed =
        admin.changeOwnPassword(
            "mori",
            temporary,
            "my own long passphrase",
            new AccountAdministration.Current(Optional.empty()));
    assertThat(changed).isInstanceOf(PasswordChange.Changed.class);
    assertThat(accounts.mustChangePassword("mori")).isFalse();
    assertThat(admin.find("mori").orElseThrow().mustChangePassword()).isFalse();
    assertThat(accounts.authenticate("mori", temporary)).isEmpty();
    assertThat(accounts.authenticate("mori", "my own long passphrase")).isPresent();
  }

  @Test
  void aPartnerAgencysAccountHoldsOnlyPartnerAndLiaisonAndTheAdministrationsNeverPartner() {
    AccountChange analyst =
        admin.create(
            "root",
            new AccountAdministration.NewAccount(
                "kono", "", List.of("analyst"), "police-jp", "", Optional.of(PASSWORD)));
    assertThat(analyst)
        .isInstanceOfSatisfying(
            AccountChange.Refused.class,
            r -> {
              assertThat(r.refusal().field()).isEqualTo("roles");
              assertThat(r.refusal().key()).isEqualTo("account.error.roles.partnerAgency");
            });
    AccountChange liaison =
        admin.create(
            "root",
            new AccountAdministration.NewAccount(
                "kono", "", List.of("liaison", "partner"), "police-jp", "", Optional.of(PASSWORD)));
    assertThat(liaison).isInstanceOf(AccountChange.Done.class);
    assertThat(
            admin.create(
                "root",
                new AccountAdministration.NewAccount(
                    "sano", "", List.of("partner"), "customs-jp", "", Optional.of(PASSWORD))))
        .isInstanceOf(AccountChange.Refused.class);
    // an administrator of the administration does not become one of the police by moving agency
    create("imai", "admin");
    AccountChange moved =
        admin.update(
            "imai",
            "imai",
            new AccountAdministration.Edit(
                Optional.empty(), Optional.empty(), Optional.of("police-jp"), Optional.empty()));
    assertThat(moved).isInstanceOf(AccountChange.Refused.class);
    assertThat(accounts.authenticate("imai", PASSWORD).orElseThrow().agency())
        .isEqualTo("customs-jp");
  }

  @Test
  void anAdministratorResetsOthersPasswordsNotTheirOwnAndSpacesAreNoPassword() {
    create("hattori", "admin");
    assertThat(admin.resetPassword("hattori", "hattori", Optional.empty()))
        .isInstanceOfSatisfying(
            AccountChange.Refused.class,
            r -> assertThat(r.refusal().key()).isEqualTo("account.error.own.reset"));
    assertThat(accounts.authenticate("hattori", PASSWORD)).isPresent();
    assertThat(AccountRules.passwordProblem("password", "hattori", " ".repeat(16)))
        .hasValueSatisfying(r -> assertThat(r.key()).isEqualTo("account.error.password.blank"));
  }

  @Test
  void aKioskDeviceKeepsThePasswordItWasGiven() {
    AccountChange.Done d = create("gate-nrt-01", "kiosk");
    assertThat(d.account().mustChangePassword()).isFalse();
    AccountChange reset = admin.resetPassword("root", "gate-nrt-01", Optional.empty());
    assertThat(((AccountChange.Done) reset).account().mustChangePassword()).isFalse();
    AccountChange mixed =
        admin.update(
            "root",
            "gate-nrt-01",
            new AccountAdministration.Edit(
                Optional.empty(),
                Optional.of(List.of("kiosk", "officer")),
                Optional.empty(),
                Optional.empty()));
    assertThat(mixed)
        .isEqualTo(
            new AccountChange.Refused(
                new AccountRefusal(
                    AccountRefusal.Kind.INVALID,
                    "roles",
                    "account.error.roles.kioskAlone",
                    List.of())));
  }

  private AccountChange roles(String username, String... roles) {
    return admin.update(
        "root",
        username,
        new AccountAdministration.Edit(
            Optional.empty(), Optional.of(List.of(roles)), Optional.empty(), Optional.empty()));
  }

  @Test
  void aKioskMadeAPersonsAccountIsSignedOutAndItsUserMustChooseAPassword() {
    create("gate-kix-02", "kiosk");
    Principal device = accounts.authenticate("gate-kix-02", PASSWORD).orElseThrow();
    Accounts.Session atTheGate = accounts.openSession(device);

    AccountChange.Done person = (AccountChange.Done) roles("gate-kix-02", "officer");
    assertThat(person.changed()).containsExactly("roles");
    assertThat(person.before()).hasValueSatisfying(b -> assertThat(b.has(Role.KIOSK)).isTrue());
    assertThat(person.sessionsEnded()).isEqualTo(1);
    assertThat(accounts.session(atTheGate.token()))
        .as("the kiosk left signed in at the gate does not become an officer")
        .isEmpty();
    assertThat(person.account().mustChangePassword()).isTrue();
    assertThat(accounts.authenticate("gate-kix-02", PASSWORD)).isPresent();
    assertThat(accounts.mustChangePassword("gate-kix-02")).isTrue();

    AccountChange.Done device2 = (AccountChange.Done) roles("gate-kix-02", "kiosk");
    assertThat(device2.account().mustChangePassword())
        .as("a device has no page to change it on")
        .isFalse();
    assertThat(device2.sessionsEnded()).isEqualTo(0);
    assertThat(accounts.mustChangePassword("gate-kix-02")).isFalse();

    create("kubo-k", "officer");
    Accounts.Session officer =
        accounts.openSession(accounts.authenticate("kubo-k", PASSWORD).orElseThrow());
    AccountChange.Done analyst = (AccountChange.Done) roles("kubo-k", "officer", "analyst");
    assertThat(analyst.sessionsEnded()).as("a person's roles change on the open session").isZero();
    assertThat(accounts.session(officer.token())).isPresent();
    assertThat(analyst.account().mustChangePassword())
        .as("as created: the administrator chose the password")
        .isTrue();
  }

  @Test
  void anAdministratorAPartnerAgencyHeldFromBeforeTheRuleIsNoneLeft() {
    create("mizuno", "admin");
    // made before partner agencies were kept to partner and liaison, as older data may hold
    db.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "insert into platform.account(username, display_name, password_hash, roles,"
                        + " agency, office, active, must_change_password, created_at, updated_at)"
                        + " values ('old-police-admin', 'x', 'x', '{admin}', 'police-jp', '',"
                        + " true, false, now(), now())"));
    long everywhere = db.jdbi().withHandle(h -> Accounts.otherActiveAdmins(h, "mizuno"));
    long administration =
        db.jdbi().withHandle(h -> Accounts.otherActiveAdmins(h, "mizuno", "customs-jp"));
    assertThat(everywhere - administration).isEqualTo(1);
  }

  @Test
  void aSignInSaysWhyItFailedForTheAuditLogOnly() {
    create("iwasaki", "analyst");
    assertThat(accounts.signIn("iwasaki", PASSWORD)).isInstanceOf(SignIn.SignedIn.class);
    assertThat(accounts.signIn("iwasaki", "not the password"))
        .isInstanceOf(SignIn.WrongPassword.class);
    assertThat(accounts.signIn("nobody-here", PASSWORD)).isInstanceOf(SignIn.UnknownAccount.class);
    admin.deactivate("root", "iwasaki");
    assertThat(accounts.signIn("iwasaki", PASSWORD)).isInstanceOf(SignIn.Deactivated.class);
    assertThat(accounts.signIn("iwasaki", "not the password"))
        .as("a wrong password tells nothing of the account's state")
        .isInstanceOf(SignIn.WrongPassword.class);
    assertThat(accounts.authenticate("iwasaki", PASSWORD)).isEmpty();
  }

  @Test
  void deactivatingEndsEverySessionAndTokenAndReactivatingBringsNoneBack() {
    create("abe", "analyst");
    Principal p = accounts.authenticate("abe", PASSWORD).orElseThrow();
    Accounts.Session s = accounts.openSession(p);
    String token = accounts.issueApiToken("abe", "test", Optional.empty());
    assertThat(accounts.apiTokenPrincipal(token)).isPresent(); // remembered now

    AccountChange.Done off = (AccountChange.Done) admin.deactivate("root", "abe");
    assertThat(off.changed()).containsExactly("active");
    assertThat(off.sessionsEnded()).isEqualTo(2);
    assertThat(off.account().deactivatedBy()).contains("root");
    assertThat(accounts.session(s.token())).isEmpty();
    assertThat(accounts.apiTokenPrincipal(token)).as("not from memory either").isEmpty();
    assertThat(accounts.authenticate("abe", PASSWORD)).isEmpty();
    assertThat(((AccountChange.Done) admin.deactivate("root", "abe")).changed()).isEmpty();

    AccountChange.Done on = (AccountChange.Done) admin.reactivate("root", "abe");
    assertThat(on.changed()).containsExactly("active");
    assertThat(on.account().deactivatedAt()).isEmpty();
    assertThat(accounts.session(s.token())).isEmpty();
    assertThat(accounts.apiTokenPrincipal(token)).isEmpty();
    assertThat(accounts.authenticate("abe", PASSWORD)).isPresent();
  }

  @Test
  void aResetEndsTheAccountsSessionsAndAChangeOfOnesOwnKeepsTheCurrentOne() {
    create("ota", "officer");
    Principal p = accounts.authenticate("ota", PASSWORD).orElseThrow();
    Accounts.Session here = accounts.openSession(p);
    Accounts.Session there = accounts.openSession(p);
    String token = accounts.issueApiToken("ota", "test", Optional.empty());
    PasswordChange c =
        admin.changeOwnPassword(
            "ota",
            PASSWORD,
            "another long passphrase",
            new AccountAdministration.Current(Optional.of(here.token())));
    assertThat(c).isEqualTo(new PasswordChange.Changed(2));
    assertThat(accounts.session(here.token())).isPresent();
    assertThat(accounts.session(there.token())).isEmpty();
    assertThat(accounts.apiTokenPrincipal(token)).isEmpty();

    AccountChange.Done reset =
        (AccountChange.Done)
            admin.resetPassword("root", "ota", Optional.of("temporary passphrase"));
    assertThat(reset.generatedPassword()).isEmpty();
    assertThat(reset.changed()).containsExactly("password");
    assertThat(reset.sessionsEnded()).isEqualTo(1);
    assertThat(accounts.session(here.token())).isEmpty();
    assertThat(accounts.authenticate("ota", "another long passphrase")).isEmpty();
    assertThat(accounts.authenticate("ota", "temporary passphrase")).isPresent();
    assertThat(accounts.mustChangePassword("ota")).isTrue();
  }

  @Test
  void aWrongCurrentPasswordOrTheSameOneAgainChangesNothing() {
    create("ueda", "officer");
    AccountAdministration.Current none = new AccountAdministration.Current(Optional.empty());
    assertThat(admin.changeOwnPassword("ueda", "wrong password!", "a brand new passphrase", none))
        .isInstanceOfSatisfying(
            PasswordChange.Refused.class,
            r -> assertThat(r.refusal().field()).isEqualTo("currentPassword"));
    assertThat(admin.changeOwnPassword("ueda", PASSWORD, PASSWORD, none))
        .isInstanceOfSatisfying(
            PasswordChange.Refused.class,
            r -> assertThat(r.refusal().key()).isEqualTo("account.error.password.same"));
    assertThat(admin.changeOwnPassword("ueda", PASSWORD, "UEDA", none))
        .isInstanceOfSatisfying(
            PasswordChange.Refused.class,
            r -> assertThat(r.refusal().field()).isEqualTo("newPassword"));
    assertThat(accounts.authenticate("ueda", PASSWORD)).isPresent();
  }

  @Test
  void twoAdministratorsRemovingEachOtherAtOnceLeaveOneOfThem() throws Exception {
    // the only administrators of this database: every other one is deactivated first
    List<String> others =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select username from platform.account where 'admin' = any(roles)")
                        .mapTo(String.class)
                        .list());
    create("adm-a", "admin");
    create("adm-b", "admin");
    for (String o : others) {
      assertThat(admin.deactivate("adm-a", o)).isInstanceOf(AccountChange.Done.class);
    }
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<AccountChange> ab =
          pool.submit(
              () -> {
                start.await();
                return admin.deactivate("adm-a", "adm-b");
              });
      Future<AccountChange> ba =
          pool.submit(
              () -> {
                start.await();
                return admin.deactivate("adm-b", "adm-a");
              });
      List<AccountChange> outcomes = new ArrayList<>(List.of(ab.get(), ba.get()));
      assertThat(outcomes).filteredOn(o -> o instanceof AccountChange.Done).hasSize(1);
      AccountChange.Refused refused =
          (AccountChange.Refused)
              outcomes.stream()
                  .filter(o -> o instanceof AccountChange.Refused)
                  .findFirst()
                  .orElseThrow();
      assertThat(refused.refusal().key()).isEqualTo("account.error.lastAdmin");
    } finally {
      pool.shutdownNow();
    }
    assertThat(
            rows(
                "select count(*) from platform.account where active and 'admin' = any(roles)"
                    + " and username like ?",
                "adm-%"))
        .isEqualTo(1);
  }

  @Test
  void theCommandLineKeepsTheSameRulesAndIsAudited() {
    assertThatThrownBy(
            () ->
                accounts.upsert(
                    "gate-x",
                    "Gate X",
                    PASSWORD,
                    EnumSet.of(Role.KIOSK, Role.OFFICER),
                    "customs-jp",
                    "",
                    "cli:test"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "roles: A kiosk account (an e-Gate device) holds the role Kiosk device (kiosk) and no other.");
    assertThat(admin.find("gate-x")).isEmpty();

    accounts.upsert(
        "kudo", "Kudo", PASSWORD, EnumSet.of(Role.ANALYST), "customs-jp", "", "cli:test");
    accounts.upsert(
        "kudo", "Kudo Ken", PASSWORD, EnumSet.of(Role.ANALYST), "customs-jp", "", "cli:test");
    List<String> details =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select details from platform.audit_log where action = 'account.saved'"
                                + " and subject = 'account:kudo' order by seq")
                        .mapTo(String.class)
                        .list());
    assertThat(details).hasSize(2);
    assertThat(details.get(0)).contains("\"created\":\"true\"");
    assertThat(details.get(1)).contains("displayName,password").contains("\"created\":\"false\"");
    assertThat(String.join("", details)).doesNotContain(PASSWORD);

    // a password the command line sets is the user's own; it ends a pending change
    admin.resetPassword("root", "kudo", Optional.empty());
    assertThat(accounts.mustChangePassword("kudo")).isTrue();
    accounts.upsert(
        "kudo", "Kudo Ken", PASSWORD, EnumSet.of(Role.ANALYST), "customs-jp", "", "cli:test");
    assertThat(accounts.mustChangePassword("kudo")).isFalse();
    assertThat(admin.find("kudo").orElseThrow().mustChangePassword()).isFalse();
  }

  @Test
  void theCommandLineCannotTakeTheRoleFromTheLastAdministrator() {
    List<String> admins =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select username from platform.account where active and 'admin' ="
                                + " any(roles)")
                        .mapTo(String.class)
                        .list());
    create("solo", "admin");
    for (String o : admins) {
      admin.deactivate("solo", o);
    }
    assertThatThrownBy(
            () ->
                accounts.upsert(
                    "solo", "Solo", PASSWORD, EnumSet.of(Role.ANALYST), "customs-jp", "", "cli:t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("roles: \"solo\" is the last active administrator");
    assertThat(admin.find("solo").orElseThrow().roles()).containsExactly(Role.ADMIN);
  }

  @Test
  void listingFiltersByTextAgencyRoleAndState() {
    admin.create(
        "root",
        new AccountAdministration.NewAccount(
            "nagai", "Nagai Hiroshi", List.of("partner"), "police-jp", "", Optional.empty()));
    create("noda", "investigator");
    admin.deactivate("root", "noda");
    AccountQuery byText =
        new AccountQuery(
            Optional.of("HIROSHI"), Optional.empty(), Optional.empty(), Optional.empty(), 50);
    assertThat(admin.list(byText)).extracting(Account::username).containsExactly("nagai");
    AccountQuery police =
        new AccountQuery(
            Optional.empty(), Optional.of("police-jp"), Optional.empty(), Optional.empty(), 50);
    assertThat(admin.list(police)).extracting(Account::username).containsExactly("nagai");
    AccountQuery inactiveInvestigators =
        new AccountQuery(
            Optional.empty(),
            Optional.empty(),
            Optional.of(Role.INVESTIGATOR),
            Optional.of(false),
            50);
    assertThat(admin.list(inactiveInvestigators))
        .extracting(Account::username)
        .containsExactly("noda");
    int all = admin.count(AccountQuery.all(1));
    assertThat(admin.list(AccountQuery.all(1))).hasSize(1);
    assertThat(all).isGreaterThan(1);
  }
}
