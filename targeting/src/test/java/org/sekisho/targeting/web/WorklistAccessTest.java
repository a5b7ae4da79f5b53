package org.sekisho.targeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.auth.PasswordHasher;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.platform.web.WebServer;
import org.sekisho.targeting.adapter.TargetingContext;
import org.sekisho.targeting.assessment.application.RiskScorer;

/**
 * The worklist page admits whom its API admits: analysts every office, inspectors their own; an
 * analyst asking for the referrals page is sent to the worklist's referred items.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WorklistAccessTest {
  private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());
  private WebServer web;
  private WebApi api;
  private String analyst;
  private String inspector;
  private String admin;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    Clock clock = Clock.systemUTC();
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("targeting")));
    AuditLog audit = new AuditLog(db.jdbi());
    Accounts accounts =
        new Accounts(db.jdbi(), clock, PasswordHasher.standard(), Duration.ofHours(1));
    accounts.upsert(
        "analyst", "Aiko Analyst", PASSWORD, EnumSet.of(Role.ANALYST), "customs-jp", "JPYOK");
    accounts.upsert(
        "inspector", "Ken Inspector", PASSWORD, EnumSet.of(Role.INSPECTOR), "customs-jp", "JPYOK");
    accounts.upsert("admin", "Ada Admin", PASSWORD, EnumSet.of(Role.ADMIN), "customs-jp", "");
    TargetingContext ctx = new TargetingContext(db, audit, clock, dir, RiskScorer.NONE);
    ctx.start();
    web = WebApi.start(ctx, accounts, audit, clock);
    api = new WebApi("http://127.0.0.1:" + web.port());
    analyst = api.login("analyst", PASSWORD);
    inspector = api.login("inspector", PASSWORD);
    admin = api.login("admin", PASSWORD);
  }

  @AfterAll
  void stop() {
    if (web != null) {
      web.close();
    }
  }

  private int status(String path, String token) throws Exception {
    return api.send("GET", path, token, null).statusCode();
  }

  @Test
  void anInspectorReadsTheWorklistOfTheirOfficeOnThePageAsThroughTheApi() throws Exception {
    for (String path :
        List.of("/targeting/worklist", "/targeting/worklist/rows", "/api/targeting/worklist")) {
      assertThat(status(path, inspector)).as(path).isEqualTo(200);
      assertThat(status(path + "?office=JPYOK", inspector)).as(path).isEqualTo(200);
      assertThat(status(path + "?office=JPOSA", inspector)).as(path).isEqualTo(403);
      assertThat(status(path + "?office=JPOSA", analyst)).as(path).isEqualTo(200);
      assertThat(status(path, admin)).as(path).isEqualTo(403);
    }
    String page = api.send("GET", "/targeting/worklist", inspector, null).body();
    // their office, and no link to the analysts' selectivity page
    assertThat(page).contains("value=\"JPYOK\"").doesNotContain("selectivity-link");
  }

  @Test
  void anAnalystAskingForReferralsIsSentToTheWorklistsReferredItems() throws Exception {
    HttpResponse<String> r = api.send("GET", "/targeting/referrals", analyst, null);
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).hasValue("/targeting/worklist?status=referred");
    assertThat(status("/targeting/referrals", inspector)).isEqualTo(200);
    assertThat(status("/targeting/referrals", admin)).isEqualTo(403);
    assertThat(status("/targeting/referrals/rows", admin)).isEqualTo(403);
  }
}
