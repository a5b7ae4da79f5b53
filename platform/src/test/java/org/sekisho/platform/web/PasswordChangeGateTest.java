package org.sekisho.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.auth.Access;
import org.sekisho.platform.auth.AccountAdministration;
import org.sekisho.platform.auth.AccountChange;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.auth.Agencies;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.platform.web.Routes.RouteSpec;

/**
 * A user whose password an administrator set may only choose their own: pages send them to {@code
 * /account}, anything else is refused with 403 naming the reason.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PasswordChangeGateTest {
  private final Database db;
  private final AtomicReference<Accounts> accounts = new AtomicReference<>();
  private final TestServer t;
  private final AccountAdministration admin;

  /** Routes whose handlers ask the gate first, as the server does before every handler. */
  private static WebModule gated(AtomicReference<Accounts> accounts) {
    return r -> {
      for (RouteSpec spec :
          List.of(
              new RouteSpec("GET", "/work", Access.signedIn(), "a page", ctx -> {}, "test"),
              new RouteSpec("POST", "/api/work", Access.signedIn(), "an API call", ctx -> {}, "t"),
              new RouteSpec("GET", "/account", Access.signedIn(), "own account", ctx -> {}, "t"),
              new RouteSpec(
                  "POST", "/api/me/password", Access.signedIn(), "own password", ctx -> {}, "t"))) {
        io.javalin.http.Handler handler =
            ctx -> {
              if (PasswordChangeGate.admits(ctx, spec, accounts.get())) {
                ctx.result("done " + spec.path());
              }
            };
        if (spec.method().equals("GET")) {
          r.get(spec.path(), spec.access(), spec.summary(), handler);
        } else {
          r.post(spec.path(), spec.access(), spec.summary(), handler);
        }
      }
    };
  }

  PasswordChangeGateTest(Database db) {
    this.db = db;
    this.t =
        TestServer.over(
            db,
            List.of(),
            a -> {
              accounts.set(a);
              return gated(accounts);
            });
    AuditLog audit = new AuditLog(db.jdbi());
    Agencies agencies = new Agencies(db.jdbi(), t.clock, audit);
    agencies.register("customs-jp", "Japan Customs", "test", "customs-jp");
    this.admin = new AccountAdministration(t.accounts, agencies, "customs-jp");
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private String resetAndSignIn(String user) {
    AccountChange c = admin.resetPassword("root", user, Optional.of("temporary passphrase"));
    assertThat(c).isInstanceOf(AccountChange.Done.class);
    return t.apiLogin(user, "temporary passphrase").json().get("token").asText();
  }

  @Test
  void aUserWhosePasswordWasResetIsSentToTheirAccountPageAndRefusedElsewhere() {
    String token = resetAndSignIn("kato");
    TestServer.Answer page =
        t.send(
            "GET",
            "/work",
            Map.of("Authorization", "Bearer " + token, "Accept", "text/html"),
            null);
    assertThat(page.status()).isEqualTo(303);
    assertThat(page.header("Location")).contains("/account");
    TestServer.Answer api = t.post("/api/work", token, "application/json", "{}");
    assertThat(api.status()).isEqualTo(403);
    assertThat(api.json().get("error").asText()).isEqualTo("forbidden");
    assertThat(api.json().get("message").asText())
        .contains("choose your own first", "/api/me/password");
    assertThat(t.get("/account", token).body()).isEqualTo("done /account");
    assertThat(t.post("/api/me/password", token, "application/json", "{}").body())
        .isEqualTo("done /api/me/password");
    assertThat(t.audit("access.denied"))
        .anyMatch(
            e ->
                e.actor().equals("kato")
                    && e.subject().equals("POST /api/work")
                    && e.details().path("reason").asText().equals("password-change-required"));

    // once they have chosen their own, everything is open again, on the same token
    assertThat(
            admin.changeOwnPassword(
                "kato",
                "temporary passphrase",
                "cedar window morning",
                new AccountAdministration.Current(Optional.of(token))))
        .isInstanceOf(org.sekisho.platform.auth.PasswordChange.Changed.class);
    assertThat(t.post("/api/work", token, "application/json", "{}").status()).isEqualTo(200);
  }

  @Test
  void aUserWithoutAPendingChangeIsNotStopped() {
    String token = t.token("sato");
    assertThat(t.post("/api/work", token, "application/json", "{}").body())
        .isEqualTo("done /api/work");
    TestServer.Answer page =
        t.send(
            "GET",
            "/work",
            Map.of("Authorization", "Bearer " + token, "Accept", "text/html"),
            null);
    assertThat(page.status()).isEqualTo(200);
  }

  /**
   * The same through the server itself, which asks the gate before every handler (see {@link
   * PasswordChangeGate}): sign-in through the form lands on {@code /account}.
   */
  @Test
  void theServerSendsAUserWhosePasswordWasResetToTheirAccountPage() {
    try (TestServer s = AccountWebTest.server(db)) {
      s.accounts.upsert(
          "tsuda", "Tsuda", TestServer.PASSWORD, EnumSet.of(Role.ANALYST), "customs-jp", "", "t");
      AuditLog audit = new AuditLog(db.jdbi());
      AccountAdministration a =
          new AccountAdministration(
              s.accounts, new Agencies(db.jdbi(), s.clock, audit), "customs-jp");
      a.resetPassword("root", "tsuda", Optional.of("temporary passphrase"));
      String token = s.apiLogin("tsuda", "temporary passphrase").json().get("token").asText();
      TestServer.Answer list = s.get("/api/admin/accounts", token);
      assertThat(list.status()).as("not an admin anyway").isEqualTo(403);
      TestServer.Answer page =
          s.send(
              "GET",
              "/admin/accounts",
              Map.of("Authorization", "Bearer " + token, "Accept", "text/html"),
              null);
      assertThat(page.status()).isEqualTo(403);
      TestServer.Answer own = s.get("/account", token);
      assertThat(own.status()).isEqualTo(200);
      s.accounts.upsert(
          "tsuda", "Tsuda", TestServer.PASSWORD, EnumSet.of(Role.ADMIN), "customs-jp", "", "t");
      a.resetPassword("root", "tsuda", Optional.of("temporary passphrase"));
      String admin = s.apiLogin("tsuda", "temporary passphrase").json().get("token").asText();
      TestServer.Answer refused = s.get("/api/admin/accounts", admin);
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.json().get("message").asText()).contains("choose your own first");
      TestServer.Answer sent =
          s.send(
              "GET",
              "/admin/accounts",
              Map.of("Authorization", "Bearer " + admin, "Accept", "text/html"),
              null);
      assertThat(sent.status()).isEqualTo(303);
      assertThat(sent.header("Location")).contains("/account");
      TestServer.Answer changed =
          s.post(
              "/api/me/password",
              admin,
              "application/json",
              "{\"currentPassword\":\"temporary passphrase\",\"newPassword\":\"pine needle compass\"}");
      assertThat(changed.status()).as(changed.body()).isEqualTo(200);
      assertThat(s.get("/api/admin/accounts", admin).status()).isEqualTo(200);
    }
  }
}
