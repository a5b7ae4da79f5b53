package org.sekisho.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.ManualClock;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * An account made outside the web's administration ({@code sekisho user}, the demo's accounts)
 * keeps the whole password policy, the agency's registered name included; a refused password writes
 * nothing and is never repeated in the refusal.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UpsertKeepingPolicyTest {
  private final ManualClock clock = new ManualClock();
  private final List<AuditEvent> audited = new ArrayList<>();
  private final Accounts accounts;

  UpsertKeepingPolicyTest(Database db) {
    db.migrate(List.of(Migrations.of("platform")));
    db.jdbi().useHandle(h -> h.execute("delete from platform.account where username like 'up-%'"));
    this.accounts =
        new Accounts(
            db.jdbi(), clock, PasswordHasher.standard(), Duration.ofHours(1), audited::add);
    new Agencies(db.jdbi(), clock, audited::add)
        .register("police-jp", "National Police Agency", "test", "customs-jp");
  }

  private Optional<AccountRefusal> save(String username, String password) {
    return accounts.upsertKeepingPolicy(
        "SEKISHO_PASSWORD",
        username,
        "Up Test",
        password,
        EnumSet.of(Role.PARTNER),
        "police-jp",
        "NPA");
  }

  @Test
  void aPasswordHoldingTheAgencysRegisteredNameIsRefusedAndNothingIsWritten() {
    // the name, not the code: only the registered name says "national"
    String password = "Xq7-National-Wv9k";
    Optional<AccountRefusal> refused = save("up-kono", password);
    assertThat(refused).isPresent();
    assertThat(refused.get().field()).isEqualTo("SEKISHO_PASSWORD");
    assertThat(refused.get().key()).isEqualTo("account.error.password.agency");
    String english = Accounts.english(refused.get());
    assertThat(english)
        .startsWith("SEKISHO_PASSWORD: ")
        .contains("National Police Agency")
        .doesNotContain(password);
    assertThat(accounts.exists("up-kono")).isFalse();
    assertThat(audited).noneMatch(e -> e.action().equals("account.saved"));
  }

  @Test
  void everyOtherRuleIsKeptToo() {
    assertThat(save("up-kono", "aaaaaaaaaaaaaaa")).map(AccountRefusal::key).isNotEmpty();
    assertThat(save("up-kono", "short")).map(AccountRefusal::key).isNotEmpty();
    assertThat(save("up-kono", "Password2026!")).map(AccountRefusal::key).isNotEmpty();
    assertThat(save("up-kono", "Zq8-up-kono-Wv3m"))
        .map(AccountRefusal::key)
        .contains("account.error.password.username");
    assertThat(accounts.exists("up-kono")).isFalse();
  }

  @Test
  void aPasswordKeepingTheRulesSavesTheAccount() {
    assertThat(save("up-kono", "Zq8-Hr4t-Wv3m-Kp7y")).isEmpty();
    assertThat(accounts.exists("up-kono")).isTrue();
    assertThat(accounts.authenticate("up-kono", "Zq8-Hr4t-Wv3m-Kp7y")).isPresent();
  }

  @Test
  void aGeneratedPasswordKeepsWhatItsCallerJudges() {
    Random random = new Random(7);
    List<String> seen = new ArrayList<>();
    String drawn =
        PasswordPolicy.generate(
            random,
            p -> {
              seen.add(p);
              return seen.size() > 2;
            });
    assertThat(seen).hasSize(3);
    assertThat(drawn).isEqualTo(seen.get(2)).matches("[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}");
  }
}
