package org.sekisho.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.ManualClock;
import org.sekisho.platform.testing.PostgresExtension;

@ExtendWith(PostgresExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AccountsTokenTest {
  private final Database db;
  private final ManualClock clock = new ManualClock();
  private final Accounts accounts;

  AccountsTokenTest(Database db) {
    this.db = db;
    db.migrate(List.of(Migrations.of("platform")));
    this.accounts = new Accounts(db.jdbi(), clock, PasswordHasher.standard(), Duration.ofHours(1));
    accounts.upsert(
        "kato", "Kato", "correct horse battery", EnumSet.of(Role.ANALYST), "customs-jp", "JPTYO");
  }

  @Test
  void aRememberedTokenStillEndsAtItsOwnExpiry() {
    String token = accounts.issueApiToken("kato", "short", Optional.of(Duration.ofSeconds(2)));
    assertThat(accounts.apiTokenPrincipal(token)).isPresent();
    clock.advance(Duration.ofSeconds(3));
    assertThat(accounts.apiTokenPrincipal(token)).isEmpty();
  }

  @Test
  void aTokenDeletedBehindTheCacheIsRefusedOnceTheCacheTimeHasPassed() {
    String token = accounts.issueApiToken("kato", "cli", Optional.empty());
    assertThat(accounts.apiTokenPrincipal(token)).isPresent();
    db.jdbi().useHandle(h -> h.execute("delete from platform.api_token"));
    assertThat(accounts.apiTokenPrincipal(token)).as("within the cache time").isPresent();
    clock.advance(Accounts.TOKEN_CACHE_TTL.plusMillis(1));
    assertThat(accounts.apiTokenPrincipal(token)).isEmpty();
  }

  @Test
  void anAccountChangedHereIsSeenAtOnce() {
    String token = accounts.issueApiToken("kato", "cli", Optional.empty());
    assertThat(accounts.apiTokenPrincipal(token).orElseThrow().roles())
        .containsExactly(Role.ANALYST);
    accounts.upsert(
        "kato", "Kato", "correct horse battery", EnumSet.of(Role.ADMIN), "customs-jp", "JPTYO");
    assertThat(accounts.apiTokenPrincipal(token).orElseThrow().roles()).containsExactly(Role.ADMIN);
  }
}
