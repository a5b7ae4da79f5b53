package org.sekisho.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The rules every account change keeps, as pure functions: no database, no server. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class AccountRulesTest {
  private static Account account(String username, boolean active, Role... roles) {
    return new Account(
        username,
        username,
        roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles),
        "customs-jp",
        "",
        active,
        false,
        Instant.parse("2026-11-27T00:00:00Z"),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  private static Optional<AccountRefusal> judge(
      String actor, Account before, Account after, long others) {
    return AccountRules.judge(
        new AccountRules.Proposal(
            Optional.ofNullable(actor), Optional.ofNullable(before), after, others));
  }

  @Test
  void aKioskAccountHoldsTheRoleKioskAndNoOther() {
    assertThat(
            judge("root", null, account("gate-1", true, Role.KIOSK, Role.OFFICER), 1)
                .map(AccountRefusal::key))
        .contains("account.error.roles.kioskAlone");
    assertThat(judge("root", null, account("gate-1", true, Role.KIOSK), 1)).isEmpty();
    assertThat(AccountRules.rolesProblem(Set.of()).map(AccountRefusal::field)).contains("roles");
  }

  @Test
  void aKioskStandsAtAnOfficeThatClearsItsReferralsNotAtHeadquarters() {
    assertThat(AccountRules.kioskOfficeProblem(Set.of(Role.KIOSK), "").map(AccountRefusal::key))
        .contains("account.error.kiosk.office");
    for (String hq : List.of("HQ", " hq ")) {
      Optional<AccountRefusal> p = AccountRules.kioskOfficeProblem(Set.of(Role.KIOSK), hq);
      assertThat(p.map(AccountRefusal::key)).as(hq).contains("account.error.kiosk.headquarters");
      assertThat(p.map(AccountRefusal::field)).as(hq).contains("office");
    }
    assertThat(AccountRules.kioskOfficeProblem(Set.of(Role.KIOSK), "JPNRT")).isEmpty();
    // an officer at headquarters is as before
    assertThat(AccountRules.kioskOfficeProblem(Set.of(Role.OFFICER), "HQ")).isEmpty();
  }

  @Test
  void anAdministratorCannotDeactivateThemselvesNorDropTheirOwnAdminRole() {
    Account root = account("root", true, Role.ADMIN);
    Optional<AccountRefusal> deactivate =
        judge("root", root, account("root", false, Role.ADMIN), 3);
    assertThat(deactivate.map(AccountRefusal::key)).contains("account.error.own.deactivate");
    assertThat(deactivate.map(AccountRefusal::kind)).contains(AccountRefusal.Kind.CONFLICT);
    assertThat(deactivate.map(AccountRefusal::field)).contains("active");
    assertThat(judge("root", root, account("root", true, Role.ANALYST), 3).map(AccountRefusal::key))
        .contains("account.error.own.admin");
    // another administrator may do both
    assertThat(judge("boss", root, account("root", false, Role.ADMIN), 2)).isEmpty();
    assertThat(judge("boss", root, account("root", true, Role.ANALYST), 2)).isEmpty();
    // and the administrator may change their own other roles
    assertThat(judge("root", root, account("root", true, Role.ADMIN, Role.ANALYST), 0)).isEmpty();
  }

  @Test
  void theLastActiveAdministratorIsNeitherDeactivatedNorLosesTheRole() {
    Account boss = account("boss", true, Role.ADMIN);
    Optional<AccountRefusal> off = judge("root", boss, account("boss", false, Role.ADMIN), 0);
    assertThat(off.map(AccountRefusal::key)).contains("account.error.lastAdmin");
    assertThat(off.map(AccountRefusal::field)).contains("active");
    assertThat(off.get().args()).containsExactly("boss");
    Optional<AccountRefusal> demoted =
        judge(null, boss, account("boss", true, Role.INVESTIGATOR), 0);
    assertThat(demoted.map(AccountRefusal::key)).contains("account.error.lastAdmin");
    assertThat(demoted.map(AccountRefusal::field)).contains("roles");
    // with another active administrator, both are fine
    assertThat(judge("root", boss, account("boss", false, Role.ADMIN), 1)).isEmpty();
    // an inactive administrator is no last administrator to keep
    Account asleep = account("boss", false, Role.ADMIN);
    assertThat(judge("root", asleep, account("boss", false, Role.ANALYST), 0)).isEmpty();
  }

  @Test
  void aPasswordHasTwelveCharactersAtLeastAndIsNotTheUserName() {
    assertThat(AccountRules.passwordProblem("newPassword", "kato", "short").get())
        .isEqualTo(
            new AccountRefusal(
                AccountRefusal.Kind.INVALID,
                "newPassword",
                "account.error.password.short",
                List.of("12", "5")));
    assertThat(
            AccountRules.passwordProblem("password", "tanaka.hanako", "TANAKA.HANAKO")
                .map(AccountRefusal::key))
        .contains("account.error.password.username");
    assertThat(AccountRules.passwordProblem("password", "kato", "x".repeat(257)))
        .map(AccountRefusal::key)
        .contains("account.error.password.long");
    // twelve characters counted as people count them, not as UTF-16 units
    assertThat(AccountRules.passwordProblem("password", "kato", "関所を越える夜明けの旅人")).isEmpty();
    assertThat(AccountRules.passwordProblem("password", "kato", "🔑🔑🔑🔑🔑🔑")).isPresent();
  }

  @Test
  void userNamesAndOfficesAreCodes() {
    assertThat(AccountRules.usernameProblem("tanaka.h")).isEmpty();
    assertThat(AccountRules.usernameProblem("kiosk-nrt-01")).isEmpty();
    assertThat(AccountRules.usernameProblem("Tanaka").map(AccountRefusal::field))
        .contains("username");
    assertThat(AccountRules.usernameProblem("a b")).isPresent();
    assertThat(AccountRules.usernameProblem("-x")).isPresent();
    assertThat(AccountRules.usernameProblem("").map(AccountRefusal::key))
        .contains("account.error.username.missing");
    assertThat(AccountRules.office(" nrt ").office()).isEqualTo("NRT");
    assertThat(AccountRules.office("").office()).isEmpty();
    assertThat(AccountRules.office("N R T").refusal().map(AccountRefusal::field))
        .contains("office");
    assertThat(AccountRules.roles(List.of("officer", " ", "ADMIN")).roles())
        .containsExactlyInAnyOrder(Role.OFFICER, Role.ADMIN);
    assertThat(AccountRules.roles(List.of("chief")).refusal().get().args().get(0))
        .isEqualTo("chief");
  }
}
