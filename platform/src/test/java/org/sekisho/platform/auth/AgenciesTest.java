package org.sekisho.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.ManualClock;
import org.sekisho.platform.testing.PostgresExtension;

@ExtendWith(PostgresExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AgenciesTest {
  private final Database db;
  private final ManualClock clock = new ManualClock();
  private final List<AuditEvent> audited = new ArrayList<>();
  private final Agencies agencies;

  AgenciesTest(Database db) {
    this.db = db;
    db.migrate(List.of(Migrations.of("platform")));
    db.jdbi().useHandle(h -> h.execute("delete from platform.agency"));
    this.agencies = new Agencies(db.jdbi(), clock, audited::add);
  }

  @Test
  void registeringIsAuditedOnceAndKeepsTheFirstNameGiven() {
    assertThat(agencies.register("police-jp", "National Police Agency", "admin", "customs-jp"))
        .isTrue();
    assertThat(agencies.register("police-jp", "Someone Else", "admin", "customs-jp")).isFalse();
    assertThat(agencies.all())
        .containsExactly(new Agencies.Agency("police-jp", "National Police Agency"));
    assertThat(audited)
        .extracting(e -> e.actor() + " " + e.action() + " " + e.subject() + " " + e.details())
        .containsExactly("admin agency.registered agency:police-jp {name=National Police Agency}");
  }

  @Test
  void anAgencyRegisteredWithoutANameTakesTheFirstNameGivenLater() {
    assertThat(agencies.register("customs-jp", "", "system:start", "customs-jp")).isTrue();
    assertThat(agencies.all()).containsExactly(new Agencies.Agency("customs-jp", "customs-jp"));
    assertThat(agencies.register("customs-jp", "Japan Customs", "system:demo", "")).isFalse();
    assertThat(agencies.all()).containsExactly(new Agencies.Agency("customs-jp", "Japan Customs"));
    assertThat(agencies.register("customs-jp", "Other", "system:demo", "")).isFalse();
    assertThat(agencies.all()).containsExactly(new Agencies.Agency("customs-jp", "Japan Customs"));
    assertThat(audited)
        .extracting(AuditEvent::action)
        .containsExactly("agency.registered", "agency.named");
  }

  @Test
  void aCodeThatIsNoAgencyCodeIsRefusedAndNothingIsRegistered() {
    for (String bad :
        List.of(
            "", "Police-JP", "police jp", "-police", "police--jp", "police_jp", "x".repeat(41))) {
      assertThat(Agencies.invalidCode(bad)).as(bad).isPresent();
      assertThatThrownBy(() -> agencies.register(bad, "x", "admin", ""))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(Agencies.invalidCode("x".repeat(5_000) + "!"))
        .hasValueSatisfying(why -> assertThat(why).hasSizeLessThan(400).contains("x…'"));
    assertThat(Agencies.invalidCode("police-jp")).isEmpty();
    assertThat(Agencies.invalidCode("wco")).isEmpty();
    assertThat(agencies.codes()).isEmpty();
    assertThat(audited).isEmpty();
  }

  @Test
  void anAccountsAgencyIsRegisteredWithTheAccount() {
    Accounts accounts =
        new Accounts(db.jdbi(), clock, PasswordHasher.standard(), Duration.ofHours(1));
    accounts.upsert(
        "kato", "Kato", "correct horse battery", EnumSet.of(Role.PARTNER), "police-jp", "NPA");
    assertThat(agencies.isRegistered("police-jp")).isTrue();
    assertThat(agencies.isRegistered("customs-jp")).isFalse();
  }
}
