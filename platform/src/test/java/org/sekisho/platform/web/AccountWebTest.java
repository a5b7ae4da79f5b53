package org.sekisho.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.auth.AccountAdministration;
import org.sekisho.platform.auth.Agencies;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * Account administration and one's own password over HTTP, on the real server over PostgreSQL: the
 * JSON API and the forms (with their CSRF tokens), what each answers, ends and audits.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AccountWebTest {
  private static final String PASSWORD = TestServer.PASSWORD;

  private Database db;
  private TestServer t;
  private String root;

  /** The server with this module, over {@code db}, with its own sign-in throttle. */
  static TestServer server(Database db) {
    return TestServer.over(
        db,
        List.of(),
        accounts -> {
          AuditLog audit = new AuditLog(db.jdbi());
          Agencies agencies = new Agencies(db.jdbi(), java.time.Clock.systemUTC(), audit);
          agencies.register("customs-jp", "Japan Customs", "test", "customs-jp");
          agencies.register("police-jp", "National Police Agency", "test", "customs-jp");
          return new AccountWeb(
              new AccountAdministration(accounts, agencies, "customs-jp"), "customs-jp");
        });
  }

  @BeforeAll
  void start(Database db) {
    this.db = db;
    t = server(db);
    for (String admin : List.of("root", "boss")) {
      t.accounts.upsert(admin, admin, PASSWORD, EnumSet.of(Role.ADMIN), "customs-jp", "", "test");
    }
    t.accounts.upsert(
        "polad", "Police admin", PASSWORD, EnumSet.of(Role.ADMIN), "police-jp", "", "test");
    root = login("root", PASSWORD);
  }

  @AfterAll
  void stop() {
    t.close();
  }

  // ---- helpers

  private String login(String user, String password) {
    TestServer.Answer a = t.apiLogin(user, password);
    assertThat(a.status()).as("sign-in of %s: %s", user, a.body()).isEqualTo(200);
    return a.json().get("token").asText();
  }

  private TestServer.Answer api(String method, String path, String token, String json) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + token);
    if (json != null) {
      headers.put("Content-Type", "application/json");
    }
    return t.send(
        method, path, headers, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
  }

  private static ObjectNode body() {
    return TestServer.JSON.createObjectNode();
  }

  private TestServer.Answer create(String username, String password, String... roles) {
    ObjectNode b = body().put("username", username).put("agency", "customs-jp");
    var list = b.putArray("roles");
    for (String r : roles) {
      list.add(r);
    }
    if (password != null) {
      b.put("password", password);
    }
    return api("POST", "/api/admin/accounts", root, b.toString());
  }

  /** A browser's session: its cookie and the CSRF token its forms carry. */
  private record Session(String cookie, String csrf) {}

  private static final Pattern SET_SESSION = Pattern.compile("sekisho_session=([^;]+)");
  private static final Pattern META_CSRF =
      Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

  /** Signs in through the sign-in form, as a browser does. */
  private Session signIn(String user, String password) {
    return signIn(t, user, password);
  }

  private static Session signIn(TestServer t, String user, String password) {
    TestServer.Answer page = t.send("GET", "/login", Map.of("Accept", "text/html"), null);
    String loginCsrf = match(Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\""), page.body());
    String cookie =
        page.response().headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("sekisho_login_csrf="))
            .findFirst()
            .orElseThrow()
            .split(";")[0];
    TestServer.Answer in =
        t.send(
            "POST",
            "/login",
            Map.of(
                "Content-Type", "application/x-www-form-urlencoded",
                "Cookie", cookie,
                "Accept", "text/html"),
            form(Map.of("_csrf", loginCsrf, "username", user, "password", password, "next", "/")));
    assertThat(in.status()).as("form sign-in of %s", user).isEqualTo(302);
    String session =
        match(SET_SESSION, String.join("\n", in.response().headers().allValues("Set-Cookie")));
    TestServer.Answer account = page(t, new Session(session, ""), "/account");
    assertThat(account.status()).isEqualTo(200);
    return new Session(session, match(META_CSRF, account.body()));
  }

  private TestServer.Answer page(Session s, String path) {
    return page(t, s, path);
  }

  private static TestServer.Answer page(TestServer t, Session s, String path) {
    return t.send(
        "GET",
        path,
        Map.of("Cookie", "sekisho_session=" + s.cookie(), "Accept", "text/html"),
        null);
  }

  private TestServer.Answer post(Session s, String path, Map<String, String> fields) {
    return post(t, s, path, fields);
  }

  private static TestServer.Answer post(
      TestServer t, Session s, String path, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.putIfAbsent("_csrf", s.csrf());
    return t.send(
        "POST",
        path,
        Map.of(
            "Cookie", "sekisho_session=" + s.cookie(),
            "Content-Type", "application/x-www-form-urlencoded",
            "Accept", "text/html"),
        form(all));
  }

  private TestServer.Answer me(Session s) {
    return t.send("GET", "/api/me", Map.of("Cookie", "sekisho_session=" + s.cookie()), null);
  }

  /** A form body; {@code roles} holds the ticked boxes comma-separated, sent one per box. */
  private static byte[] form(Map<String, String> fields) {
    List<String> pairs = new java.util.ArrayList<>();
    fields.forEach(
        (k, v) -> {
          for (String one : k.equals("roles") ? v.split(",") : new String[] {v}) {
            pairs.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(one, StandardCharsets.UTF_8));
          }
        });
    return String.join("&", pairs).getBytes(StandardCharsets.UTF_8);
  }

  private static String match(Pattern p, String text) {
    Matcher m = p.matcher(text);
    assertThat(m.find()).as("%s in %s", p, text).isTrue();
    return m.group(1);
  }

  private List<TestServer.Entry> audit(String action, String subject) {
    return t.audit(action).stream().filter(e -> e.subject().equals(subject)).toList();
  }

  // ---- the administrator's API

  @Test
  void anAdministratorCreatesAnAccountWhoseUserSignsInWithTheGeneratedPassword() {
    ObjectNode b =
        body()
            .put("username", "tanaka")
            .put("displayName", "Tanaka Hanako")
            .put("agency", "customs-jp")
            .put("office", "nrt");
    b.putArray("roles").add("officer");
    TestServer.Answer a = api("POST", "/api/admin/accounts", root, b.toString());
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    String temporary = a.json().get("temporaryPassword").asText();
    assertThat(temporary).hasSize(19);
    JsonNode account = a.json().get("account");
    assertThat(account.get("office").asText()).isEqualTo("NRT");
    assertThat(account.get("mustChangePassword").asBoolean()).isTrue();
    assertThat(account.get("lastSignInAt").isNull()).isTrue();

    String token = login("tanaka", temporary);
    JsonNode me = api("GET", "/api/me", token, null).json();
    assertThat(me.get("roles").toString()).isEqualTo("[\"officer\"]");
    assertThat(me.get("office").asText()).isEqualTo("NRT");
    JsonNode read = api("GET", "/api/admin/accounts/tanaka", root, null).json();
    assertThat(read.get("lastSignInAt").isNull()).isFalse();

    List<TestServer.Entry> created = audit("account.created", "account:tanaka");
    assertThat(created).hasSize(1);
    assertThat(created.get(0).actor()).isEqualTo("root");
    assertThat(created.get(0).details().get("fields").asText()).contains("roles", "password");
    assertThat(created.get(0).details().get("passwordGenerated").asText()).isEqualTo("true");
    assertThat(audit("account.read", "account:tanaka")).hasSize(1);
    // neither the password nor anything derived from it is in the audit log
    assertThat(t.audit().toString()).doesNotContain(temporary).doesNotContain("argon2");

    TestServer.Answer again = api("POST", "/api/admin/accounts", root, b.toString());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("field").asText()).isEqualTo("username");
  }

  @Test
  void badInputIsRefusedWith400NamingTheFieldAndNothingIsWritten() {
    record Case(String json, String field, String error) {}
    List<Case> cases =
        List.of(
            new Case("{\"username\":\"bad1\",\"agency\":\"customs-jp\"}", "roles", "missing-field"),
            new Case(
                "{\"username\":\"bad1\",\"agency\":\"customs-jp\",\"roles\":[\"kiosk\",\"officer\"]}",
                "roles",
                "invalid-value"),
            new Case(
                "{\"username\":\"bad1\",\"agency\":\"customs-jp\",\"roles\":[\"chief\"]}",
                "roles",
                "invalid-value"),
            new Case(
                "{\"username\":\"bad1\",\"agency\":\"customs-jp\",\"roles\":\"officer\"}",
                "roles",
                "invalid-type"),
            new Case(
                "{\"username\":\"bad1\",\"agency\":\"coastguard\",\"roles\":[\"officer\"]}",
                "agency",
                "invalid-value"),
            new Case(
                "{\"username\":\"Bad One\",\"agency\":\"customs-jp\",\"roles\":[\"officer\"]}",
                "username",
                "invalid-value"),
            new Case(
                "{\"username\":\"bad1\",\"agency\":\"customs-jp\",\"roles\":[\"officer\"],"
                    + "\"password\":\"short\"}",
                "password",
                "invalid-value"),
            new Case(
                "{\"username\":\"bad1\",\"agency\":\"customs-jp\",\"roles\":[\"officer\"],"
                    + "\"office\":\"N R T\"}",
                "office",
                "invalid-value"),
            new Case(
                "{\"username\":\"bad1\",\"agency\":\"customs-jp\",\"rolez\":[\"officer\"]}",
                "rolez",
                "unknown-field"));
    for (Case c : cases) {
      TestServer.Answer a = api("POST", "/api/admin/accounts", root, c.json());
      assertThat(a.status()).as(c.json() + " → " + a.body()).isEqualTo(400);
      assertThat(a.json().get("field").asText()).as(c.json()).isEqualTo(c.field());
      assertThat(a.json().get("error").asText()).as(c.json()).isEqualTo(c.error());
      assertThat(a.json().get("message").asText()).as(c.json()).isNotBlank();
    }
    assertThat(api("GET", "/api/admin/accounts/bad1", root, null).status()).isEqualTo(404);
    TestServer.Answer notJson = api("POST", "/api/admin/accounts", root, "[1,2");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.json().get("error").asText()).isEqualTo("invalid-json");
    // refusals are audited with the field and the reason
    assertThat(audit("account.change.refused", "account:bad1"))
        .extracting(e -> e.details().get("field").asText())
        .contains("roles", "agency", "password", "office");
  }

  @Test
  void onlyAdministratorsOfTheAdministrationAdministerAccounts() {
    String kato = login("kato", PASSWORD);
    for (String[] call :
        List.of(
            new String[] {"GET", "/api/admin/accounts"},
            new String[] {"GET", "/admin/accounts"},
            new String[] {"POST", "/api/admin/accounts/sato/deactivate"},
            new String[] {"POST", "/api/admin/accounts/sato/password"})) {
      TestServer.Answer a = api(call[0], call[1], kato, call[0].equals("GET") ? null : "{}");
      assertThat(a.status()).as(String.join(" ", call)).isEqualTo(403);
      assertThat(a.json().get("message").asText()).contains("needs the role admin");
    }
    String police = login("polad", PASSWORD);
    TestServer.Answer p = api("POST", "/api/admin/accounts/sato/deactivate", police, "{}");
    assertThat(p.status()).isEqualTo(403);
    assertThat(p.json().get("message").asText()).contains("administrators of customs-jp");
    assertThat(api("GET", "/api/admin/accounts", police, null).status()).isEqualTo(403);
    assertThat(t.audit("access.denied"))
        .anyMatch(
            e -> e.actor().equals("polad") && e.details().path("reason").asText().equals("agency"));
    assertThat(api("GET", "/api/me", login("sato", PASSWORD), null).status())
        .as("sato is still active")
        .isEqualTo(200);
    assertThat(t.send("GET", "/api/admin/accounts", Map.of(), null).status()).isEqualTo(401);
  }

  @Test
  void anEditIsCarriedByTheAccountsBearerTokenAtOnce() {
    assertThat(create("suzuki", PASSWORD, "analyst").status()).isEqualTo(201);
    String token = login("suzuki", PASSWORD);
    assertThat(api("GET", "/api/me", token, null).json().get("roles").toString())
        .isEqualTo("[\"analyst\"]");
    TestServer.Answer edit =
        api(
            "POST",
            "/api/admin/accounts/suzuki",
            root,
            "{\"roles\":[\"investigator\"],\"office\":\"kix\"}");
    assertThat(edit.status()).as(edit.body()).isEqualTo(200);
    assertThat(edit.json().get("changed").toString()).isEqualTo("[\"roles\",\"office\"]");
    // within the 5 s the token is otherwise remembered for
    JsonNode me = api("GET", "/api/me", token, null).json();
    assertThat(me.get("roles").toString()).isEqualTo("[\"investigator\"]");
    assertThat(me.get("office").asText()).isEqualTo("KIX");
    assertThat(api("POST", "/api/admin/accounts/suzuki", root, "{}").json().get("changed").size())
        .isZero();
    assertThat(api("POST", "/api/admin/accounts/nobody", root, "{}").status()).isEqualTo(404);
    TestServer.Answer pw =
        api("POST", "/api/admin/accounts/suzuki", root, "{\"password\":\"sneaky long one\"}");
    assertThat(pw.status()).isEqualTo(400);
    assertThat(pw.json().get("field").asText()).isEqualTo("password");
    List<TestServer.Entry> updated = audit("account.updated", "account:suzuki");
    assertThat(updated).as("the change that changed nothing is not recorded").hasSize(1);
    JsonNode details = updated.get(0).details();
    assertThat(details.get("fields").asText()).isEqualTo("roles,office");
    assertThat(details.get("previousRoles").asText()).isEqualTo("analyst");
    assertThat(details.get("roles").asText()).isEqualTo("investigator");
    assertThat(details.get("previousOffice").asText()).isEmpty();
    assertThat(details.get("office").asText()).isEqualTo("KIX");
    assertThat(details.has("previousAgency")).as("the agency did not change").isFalse();
  }

  @Test
  void deactivationEndsTheAccountsSessionAndTokenAtOnceAndItCannotSignIn() {
    assertThat(create("yamada", PASSWORD, "officer").status()).isEqualTo(201);
    String token = login("yamada", PASSWORD);
    Session browser = signIn("yamada", PASSWORD);
    assertThat(api("GET", "/api/me", token, null).status()).isEqualTo(200);
    assertThat(me(browser).status()).isEqualTo(200);

    TestServer.Answer off = api("POST", "/api/admin/accounts/yamada/deactivate", root, null);
    assertThat(off.status()).as(off.body()).isEqualTo(200);
    assertThat(off.json().get("sessionsEnded").asInt()).isEqualTo(2);
    assertThat(off.json().get("account").get("active").asBoolean()).isFalse();
    assertThat(off.json().get("account").get("deactivatedBy").asText()).isEqualTo("root");
    assertThat(api("GET", "/api/me", token, null).status()).isEqualTo(401);
    assertThat(me(browser).status()).isEqualTo(401);
    assertThat(t.apiLogin("yamada", PASSWORD).status()).isEqualTo(401);
    assertThat(t.apiLogin("yamada", "a guess at it").status()).isEqualTo(401);
    assertThat(
            audit("login.failed", "account:yamada").stream()
                .map(e -> e.details().get("reason").asText())
                .toList())
        .as("the right password of a deactivated account is told apart from a guess")
        .containsExactlyInAnyOrder("deactivated", "wrong-password");
    assertThat(
            api("GET", "/api/admin/accounts?state=inactive&q=yamada", root, null)
                .json()
                .get("total")
                .asInt())
        .isEqualTo(1);
    assertThat(
            audit("account.deactivated", "account:yamada")
                .get(0)
                .details()
                .get("sessionsEnded")
                .asText())
        .isEqualTo("2");

    TestServer.Answer on = api("POST", "/api/admin/accounts/yamada/reactivate", root, null);
    assertThat(on.status()).isEqualTo(200);
    assertThat(on.json().get("account").get("active").asBoolean()).isTrue();
    assertThat(api("GET", "/api/me", token, null).status()).as("ended stays ended").isEqualTo(401);
    assertThat(api("GET", "/api/me", login("yamada", PASSWORD), null).status()).isEqualTo(200);
    assertThat(audit("account.reactivated", "account:yamada")).hasSize(1);
  }

  @Test
  void aResetEndsTheSessionsAndTheUserMustChooseANewPassword() {
    assertThat(create("ito", PASSWORD, "inspector").status()).isEqualTo(201);
    String token = login("ito", PASSWORD);
    TestServer.Answer reset = api("POST", "/api/admin/accounts/ito/password", root, null);
    assertThat(reset.status()).as(reset.body()).isEqualTo(200);
    String temporary = reset.json().get("temporaryPassword").asText();
    assertThat(reset.json().get("account").get("mustChangePassword").asBoolean()).isTrue();
    assertThat(reset.json().get("changed").toString()).isEqualTo("[\"password\"]");
    assertThat(api("GET", "/api/me", token, null).status()).isEqualTo(401);
    assertThat(t.apiLogin("ito", PASSWORD).status()).isEqualTo(401);
    String fresh = login("ito", temporary);
    assertThat(t.accounts.mustChangePassword("ito")).isTrue();

    TestServer.Answer mine =
        api(
            "POST",
            "/api/me/password",
            fresh,
            body()
                .put("currentPassword", temporary)
                .put("newPassword", "violet kettle harbour")
                .toString());
    assertThat(mine.status()).as(mine.body()).isEqualTo(200);
    assertThat(t.accounts.mustChangePassword("ito")).isFalse();
    assertThat(
            api("GET", "/api/admin/accounts/ito", root, null)
                .json()
                .get("mustChangePassword")
                .asBoolean())
        .isFalse();
    assertThat(api("GET", "/api/me", fresh, null).status())
        .as("the current token stays")
        .isEqualTo(200);

    TestServer.Answer chosen =
        api(
            "POST",
            "/api/admin/accounts/ito/password",
            root,
            "{\"password\":\"given by admin 1\"}");
    assertThat(chosen.json().has("temporaryPassword")).isFalse();
    assertThat(
            api("POST", "/api/admin/accounts/ito/password", root, "{\"password\":\"ito\"}")
                .json()
                .get("field")
                .asText())
        .isEqualTo("password");
    List<TestServer.Entry> resets = audit("account.password.reset", "account:ito");
    assertThat(resets)
        .extracting(e -> e.details().get("passwordGenerated").asText())
        .containsExactly("true", "false");
    assertThat(t.audit().toString()).doesNotContain(temporary).doesNotContain("given by admin 1");
  }

  @Test
  void changingOnesOwnPasswordEndsTheOtherSessionsAndKeepsThisOne() {
    assertThat(create("kimura", PASSWORD, "liaison").status()).isEqualTo(201);
    String other = login("kimura", PASSWORD);
    Session here = signIn("kimura", PASSWORD);
    Session there = signIn("kimura", PASSWORD);

    TestServer.Answer mismatch =
        post(
            here,
            "/account/password",
            Map.of(
                "currentPassword", PASSWORD,
                "newPassword", "quiet orchard lamp 1",
                "repeatPassword", "quiet orchard lamp 2"));
    assertThat(mismatch.status()).isEqualTo(400);
    assertThat(mismatch.body()).contains("data-field=\"repeatPassword\"");
    TestServer.Answer wrong =
        post(
            here,
            "/account/password",
            Map.of(
                "currentPassword", "not my password",
                "newPassword", "quiet orchard lamp 1",
                "repeatPassword", "quiet orchard lamp 1"));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.body()).contains("data-field=\"currentPassword\"");
    TestServer.Answer noCsrf =
        post(
            here,
            "/account/password",
            Map.of(
                "_csrf", "forged",
                "currentPassword", PASSWORD,
                "newPassword", "quiet orchard lamp 1",
                "repeatPassword", "quiet orchard lamp 1"));
    assertThat(noCsrf.status()).isEqualTo(403);

    TestServer.Answer done =
        post(
            here,
            "/account/password",
            Map.of(
                "currentPassword", PASSWORD,
                "newPassword", "quiet orchard lamp 1",
                "repeatPassword", "quiet orchard lamp 1"));
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(done.body()).contains("id=\"account-notice\"");
    assertThat(me(here).status()).as("this session stays").isEqualTo(200);
    assertThat(me(there).status()).isEqualTo(401);
    assertThat(api("GET", "/api/me", other, null).status()).isEqualTo(401);
    assertThat(login("kimura", "quiet orchard lamp 1")).startsWith("sk_");
    List<TestServer.Entry> changed = audit("account.password.changed", "account:kimura");
    assertThat(changed).hasSize(1);
    assertThat(changed.get(0).details().get("sessionsEnded").asText()).isEqualTo("2");
    assertThat(audit("account.password.change.refused", "account:kimura"))
        .extracting(e -> e.details().get("field").asText())
        .containsExactly("repeatPassword", "currentPassword");
  }

  @Test
  void ownPasswordRulesAreCheckedAndWrongCurrentPasswordsAreThrottled() {
    assertThat(create("hayashi", PASSWORD, "analyst").status()).isEqualTo(201);
    // a server of its own: the guesses below lock the test client's address for new sign-ins
    try (TestServer own = server(db)) {
      String token = own.apiLogin("hayashi", PASSWORD).json().get("token").asText();
      String shortOne =
          body().put("currentPassword", PASSWORD).put("newPassword", "short").toString();
      TestServer.Answer a = own.post("/api/me/password", token, "application/json", shortOne);
      assertThat(a.status()).isEqualTo(400);
      assertThat(a.json().get("field").asText()).isEqualTo("newPassword");
      TestServer.Answer name =
          own.post(
              "/api/me/password",
              token,
              "application/json",
              body().put("currentPassword", PASSWORD).put("newPassword", "HAYASHI").toString());
      assertThat(name.json().get("field").asText()).isEqualTo("newPassword");
      TestServer.Answer missing =
          own.post("/api/me/password", token, "application/json", "{\"newPassword\":\"x\"}");
      assertThat(missing.status()).isEqualTo(400);
      assertThat(missing.json().get("field").asText()).isEqualTo("currentPassword");
      String guess =
          body()
              .put("currentPassword", "a guess")
              .put("newPassword", "maple ferry window")
              .toString();
      for (int i = 1; i <= 5; i++) {
        TestServer.Answer g = own.post("/api/me/password", token, "application/json", guess);
        assertThat(g.status()).as("guess %d", i).isEqualTo(400);
        assertThat(g.json().get("field").asText()).isEqualTo("currentPassword");
      }
      TestServer.Answer sixth = own.post("/api/me/password", token, "application/json", guess);
      assertThat(sixth.status()).isEqualTo(429);
      assertThat(sixth.header("Retry-After")).contains("1");
      // the guesses counted against hayashi alone: a colleague at the same address who never
      // signed in from it before still gets in
      assertThat(create("hayashi-colleague", PASSWORD, "analyst").status()).isEqualTo(201);
      assertThat(own.apiLogin("hayashi-colleague", PASSWORD).status()).isEqualTo(200);
      TestServer.Answer right =
          own.post(
              "/api/me/password",
              token,
              "application/json",
              body()
                  .put("currentPassword", PASSWORD)
                  .put("newPassword", "maple ferry window")
                  .toString());
      assertThat(right.status()).as("the right one, still within the delay").isEqualTo(429);
      own.clock.advance(java.time.Duration.ofSeconds(1));
      TestServer.Answer later =
          own.post(
              "/api/me/password",
              token,
              "application/json",
              body()
                  .put("currentPassword", PASSWORD)
                  .put("newPassword", "maple ferry window")
                  .toString());
      assertThat(later.status()).as(later.body()).isEqualTo(200);
    }
    assertThat(audit("account.password.change.refused", "account:hayashi"))
        .anyMatch(e -> e.details().get("reason").asText().equals("throttled"));
  }

  @Test
  void theThrottledPasswordFormAnswersItsPageWithTheReasonBesideTheField() {
    assertThat(create("hirano", PASSWORD, "analyst").status()).isEqualTo(201);
    try (TestServer own = server(db)) {
      Session s = signIn(own, "hirano", PASSWORD);
      Map<String, String> guess =
          Map.of(
              "currentPassword", "a guess",
              "newPassword", "amber tide lantern",
              "repeatPassword", "amber tide lantern");
      for (int i = 1; i <= 5; i++) {
        assertThat(post(own, s, "/account/password", guess).status())
            .as("guess %d", i)
            .isEqualTo(400);
      }
      TestServer.Answer sixth = post(own, s, "/account/password", guess);
      assertThat(sixth.status()).isEqualTo(429);
      assertThat(sixth.header("Content-Type"))
          .hasValueSatisfying(c -> assertThat(c).contains("html"));
      assertThat(sixth.header("Retry-After")).isPresent();
      assertThat(sixth.body())
          .contains("data-field=\"currentPassword\"")
          .contains("Too many wrong passwords. Try again in 1 s.");
    }
  }

  @Test
  void anAdministratorKeepsTheirOwnAccountAndAdminRole() {
    TestServer.Answer self = api("POST", "/api/admin/accounts/root/deactivate", root, null);
    assertThat(self.status()).isEqualTo(409);
    assertThat(self.json().get("error").asText()).isEqualTo("conflict");
    assertThat(self.json().get("field").asText()).isEqualTo("active");
    TestServer.Answer demote =
        api("POST", "/api/admin/accounts/root", root, "{\"roles\":[\"analyst\"]}");
    assertThat(demote.status()).isEqualTo(409);
    assertThat(demote.json().get("field").asText()).isEqualTo("roles");
    assertThat(demote.json().get("message").asText()).contains("your own account");
    assertThat(api("GET", "/api/admin/accounts/root", root, null).json().get("roles").toString())
        .isEqualTo("[\"admin\"]");
    assertThat(audit("account.change.refused", "account:root"))
        .extracting(e -> e.details().get("reason").asText())
        .contains("account.error.own.deactivate", "account.error.own.admin");

    // kiosk accounts hold the role kiosk alone; their password is the device's own; a kiosk
    // belongs to an office, whose officers receive its referrals
    TestServer.Answer nowhere = create("gate-hnd-02", null, "kiosk");
    assertThat(nowhere.status()).isEqualTo(400);
    assertThat(nowhere.json().get("field").asText()).isEqualTo("office");
    assertThat(nowhere.json().get("message").asText()).contains("needs its office");
    ObjectNode atHaneda =
        body().put("username", "gate-hnd-02").put("agency", "customs-jp").put("office", "HND");
    atHaneda.putArray("roles").add("kiosk");
    TestServer.Answer kiosk = api("POST", "/api/admin/accounts", root, atHaneda.toString());
    assertThat(kiosk.status()).isEqualTo(201);
    assertThat(
            api("POST", "/api/admin/accounts/gate-hnd-02", root, "{\"office\":\"\"}")
                .json()
                .get("field")
                .asText())
        .as("nor can its office be taken away")
        .isEqualTo("office");
    assertThat(kiosk.json().get("account").get("mustChangePassword").asBoolean()).isFalse();
    TestServer.Answer mixed =
        api("POST", "/api/admin/accounts/gate-hnd-02", root, "{\"roles\":[\"kiosk\",\"officer\"]}");
    assertThat(mixed.status()).isEqualTo(400);
    assertThat(mixed.json().get("field").asText()).isEqualTo("roles");
    String device = login("gate-hnd-02", kiosk.json().get("temporaryPassword").asText());
    assertThat(api("GET", "/account", device, null).status())
        .as("a kiosk device has no account page")
        .isEqualTo(403);
  }

  @Test
  void listingsFilterAndAreAudited() {
    assertThat(create("okada", PASSWORD, "pnr-unit").status()).isEqualTo(201);
    JsonNode admins = api("GET", "/api/admin/accounts?role=admin", root, null).json();
    assertThat(admins.get("accounts").findValuesAsText("username"))
        .contains("root", "boss", "polad");
    JsonNode police = api("GET", "/api/admin/accounts?agency=police-jp", root, null).json();
    assertThat(police.get("accounts").findValuesAsText("username")).containsExactly("polad");
    JsonNode text = api("GET", "/api/admin/accounts?q=OKA&state=active", root, null).json();
    assertThat(text.get("accounts").findValuesAsText("username")).containsExactly("okada");
    JsonNode one = api("GET", "/api/admin/accounts?limit=1", root, null).json();
    assertThat(one.get("accounts").size()).isEqualTo(1);
    assertThat(one.get("truncated").asBoolean()).isTrue();
    assertThat(one.get("total").asInt()).isGreaterThan(1);
    // page by page through nextUrl: every account once, in user-name order
    List<String> walked = new java.util.ArrayList<>();
    String url = "/api/admin/accounts?limit=2";
    while (url != null) {
      JsonNode page = api("GET", url, root, null).json();
      walked.addAll(page.get("accounts").findValuesAsText("username"));
      assertThat(page.get("total").asInt()).isEqualTo(one.get("total").asInt());
      url = page.get("nextUrl").isNull() ? null : page.get("nextUrl").asText();
    }
    assertThat(walked).hasSize(one.get("total").asInt()).isSorted().doesNotHaveDuplicates();
    String html =
        t.send(
                "GET",
                "/admin/accounts?role=admin&after=boss",
                Map.of("Authorization", "Bearer " + root, "Accept", "text/html"),
                null)
            .body();
    assertThat(html).contains("href=\"/admin/accounts?role=admin\"").doesNotContain(">boss<");
    for (String[] bad :
        List.of(
            new String[] {"state=gone", "state"},
            new String[] {"role=chief", "role"},
            new String[] {"agency=nowhere", "agency"},
            new String[] {"limit=0", "limit"})) {
      TestServer.Answer a = api("GET", "/api/admin/accounts?" + bad[0], root, null);
      assertThat(a.status()).as(bad[0]).isEqualTo(400);
      assertThat(a.json().get("field").asText()).isEqualTo(bad[1]);
    }
    List<TestServer.Entry> listed = t.audit("accounts.listed");
    assertThat(listed)
        .anyMatch(
            e ->
                e.actor().equals("root")
                    && e.details().path("q").asText().equals("OKA")
                    && e.details().path("total").asText().equals("1")
                    && e.details().path("channel").asText().equals("api"));
  }

  // ---- the administrator's pages

  @Test
  void theFormsCreateEditDeactivateAndResetWithTheirCsrfToken() {
    Session admin = signIn("boss", PASSWORD);
    TestServer.Answer list = page(admin, "/admin/accounts?role=admin");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains("id=\"accounts-table\"", "data-username=\"root\"");
    assertThat(list.body()).doesNotContain("data-username=\"kato\"");
    assertThat(t.audit("accounts.listed"))
        .anyMatch(
            e -> e.actor().equals("boss") && e.details().path("channel").asText().equals("web"));

    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("username", "matsuda");
    fields.put("displayName", "Matsuda Jun");
    fields.put("agency", "customs-jp");
    fields.put("office", "JPTYO");
    fields.put("password", "");
    fields.put("roles", "officer,kiosk");
    TestServer.Answer refused = post(admin, "/admin/accounts", fields);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body())
        .contains("id=\"create-error\" data-field=\"roles\"", "value=\"Matsuda Jun\"");
    assertThat(api("GET", "/api/admin/accounts/matsuda", root, null).status()).isEqualTo(404);

    Map<String, String> forged = new LinkedHashMap<>(fields);
    forged.put("roles", "officer");
    forged.put("_csrf", "forged");
    assertThat(post(admin, "/admin/accounts", forged).status()).isEqualTo(403);

    fields.put("roles", "officer,inspector");
    TestServer.Answer created = post(admin, "/admin/accounts", fields);
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    String temporary =
        match(Pattern.compile("id=\"generated-password\"[^>]*>([^<]+)<"), created.body());
    assertThat(login("matsuda", temporary)).startsWith("sk_");

    Map<String, String> edit = new LinkedHashMap<>();
    edit.put("displayName", "Matsuda Jun");
    edit.put("agency", "customs-jp");
    edit.put("office", "JPOSA");
    edit.put("roles", "inspector");
    TestServer.Answer saved = post(admin, "/admin/accounts/matsuda", edit);
    assertThat(saved.status()).isEqualTo(303);
    assertThat(saved.header("Location").orElseThrow())
        .isEqualTo("/admin/accounts/matsuda?done=updated&fields=roles,office");
    TestServer.Answer after = page(admin, saved.header("Location").orElseThrow());
    assertThat(after.body()).contains("id=\"account-notice\"", "data-role=\"inspector\"");

    edit.put("office", "not an office!");
    TestServer.Answer badOffice = post(admin, "/admin/accounts/matsuda", edit);
    assertThat(badOffice.status()).isEqualTo(400);
    assertThat(badOffice.body()).contains("data-field=\"office\"", "value=\"not an office!\"");

    TestServer.Answer off = post(admin, "/admin/accounts/matsuda/deactivate", Map.of());
    assertThat(off.status()).isEqualTo(303);
    assertThat(page(admin, off.header("Location").orElseThrow()).body())
        .contains("id=\"reactivate\"");
    TestServer.Answer reset =
        post(admin, "/admin/accounts/matsuda/password", Map.of("password", "short"));
    assertThat(reset.status()).isEqualTo(400);
    assertThat(reset.body()).contains("id=\"reset-error\" data-field=\"password\"");
    TestServer.Answer selfOff = post(admin, "/admin/accounts/boss/deactivate", Map.of());
    assertThat(selfOff.status()).isEqualTo(409);
    assertThat(selfOff.body()).contains("id=\"state-error\" data-field=\"active\"");
    assertThat(page(admin, "/admin/accounts/nobody").status()).isEqualTo(404);
  }

  // ---- the password rules

  @Test
  void trivialPasswordsAreRefusedOnCreationResetAndOwnChangeNamingTheRule() {
    record Case(String password, String key) {}
    List<Case> cases =
        List.of(
            new Case("aaaaaaaaaaaa", "account.error.password.repeated"),
            new Case("123456789012", "account.error.password.sequence"),
            new Case("qwertyuiop12", "account.error.password.sequence"),
            new Case("Password2026!", "account.error.password.common"),
            new Case("JapanCustoms2026", "account.error.password.agency"),
            new Case("weak1 is my name", "account.error.password.username"));
    for (Case c : cases) {
      TestServer.Answer a = create("weak1", c.password(), "officer");
      assertThat(a.status()).as(c.password() + " → " + a.body()).isEqualTo(400);
      assertThat(a.json().get("field").asText()).isEqualTo("password");
      assertThat(a.json().get("error").asText()).isEqualTo("invalid-value");
    }
    assertThat(api("GET", "/api/admin/accounts/weak1", root, null).status()).isEqualTo(404);
    assertThat(audit("account.change.refused", "account:weak1"))
        .extracting(e -> e.details().get("reason").asText())
        .containsExactlyElementsOf(cases.stream().map(Case::key).toList());
    // the rule is named, and the password never echoed nor audited
    TestServer.Answer agency = create("weak1", "JapanCustoms2026", "officer");
    assertThat(agency.json().get("message").asText())
        .contains("Japan Customs")
        .doesNotContain("JapanCustoms2026");
    assertThat(t.audit().toString())
        .doesNotContain("aaaaaaaaaaaa")
        .doesNotContain("qwertyuiop12")
        .doesNotContain("JapanCustoms2026");

    assertThat(create("strong1", "violet kettle harbour", "officer").status()).isEqualTo(201);
    TestServer.Answer reset =
        api(
            "POST",
            "/api/admin/accounts/strong1/password",
            root,
            "{\"password\":\"abcdabcdabcd\"}");
    assertThat(reset.status()).isEqualTo(400);
    assertThat(reset.json().get("field").asText()).isEqualTo("password");
    String token = login("strong1", "violet kettle harbour");
    TestServer.Answer own =
        api(
            "POST",
            "/api/me/password",
            token,
            body()
                .put("currentPassword", "violet kettle harbour")
                .put("newPassword", "P@ssw0rd1234")
                .toString());
    assertThat(own.status()).isEqualTo(400);
    assertThat(own.json().get("field").asText()).isEqualTo("newPassword");
    assertThat(own.json().get("message").asText()).contains("common");
    assertThat(audit("account.password.change.refused", "account:strong1"))
        .extracting(e -> e.details().get("reason").asText())
        .containsExactly("account.error.password.common");
  }

  // ---- every problem at once

  @Test
  void everyProblemOfAnAccountIsAnsweredAtOnceAndNothingIsWritten() {
    TestServer.Answer many =
        api(
            "POST",
            "/api/admin/accounts",
            root,
            "{\"username\":\"many1\",\"displayName\":\"tab\\there\",\"roles\":[\"chief\"],"
                + "\"agency\":\"nowhere\",\"office\":\"N R T\",\"password\":\"aaaaaaaaaaaa\"}");
    assertThat(many.status()).as(many.body()).isEqualTo(400);
    assertThat(many.json().get("field").asText()).isEqualTo("displayName");
    assertThat(many.json().get("error").asText()).isEqualTo("invalid-value");
    JsonNode problems = many.json().get("problems");
    assertThat(problems.findValuesAsText("field"))
        .containsExactly("displayName", "agency", "office", "password", "roles");
    assertThat(problems.findValuesAsText("code")).containsOnly("invalid-value");
    assertThat(problems.findValuesAsText("message"))
        .doesNotHaveDuplicates()
        .allMatch(m -> !m.isBlank());
    assertThat(api("GET", "/api/admin/accounts/many1", root, null).status()).isEqualTo(404);
    List<TestServer.Entry> refused = audit("account.change.refused", "account:many1");
    assertThat(refused).hasSize(1);
    assertThat(refused.get(0).details().get("refusedFields").asText())
        .isEqualTo("displayName,agency,office,password,roles");

    // the body's shape and the fields' rules together: an unknown field, a list that is not one
    TestServer.Answer shape =
        api(
            "POST",
            "/api/admin/accounts",
            root,
            "{\"username\":\"many2\",\"roles\":\"officer\",\"agency\":\"customs-jp\","
                + "\"office\":\"N R T\",\"colour\":\"red\"}");
    assertThat(shape.status()).isEqualTo(400);
    assertThat(shape.json().get("error").asText()).isEqualTo("unknown-field");
    assertThat(shape.json().get("problems").findValuesAsText("field"))
        .containsExactly("colour", "roles", "office");

    // a taken user name is a conflict, answered after the invalid input: the status is 400
    TestServer.Answer taken =
        api(
            "POST",
            "/api/admin/accounts",
            root,
            "{\"username\":\"root\",\"roles\":[\"officer\"],\"agency\":\"customs-jp\","
                + "\"office\":\"N R T\"}");
    assertThat(taken.status()).isEqualTo(400);
    assertThat(taken.json().get("problems").findValuesAsText("code"))
        .containsExactly("invalid-value", "conflict");
    assertThat(taken.json().get("problems").findValuesAsText("field"))
        .containsExactly("office", "username");

    // a change: every refused field, and the guards on the fields that could be read
    assertThat(create("many3", PASSWORD, "officer").status()).isEqualTo(201);
    TestServer.Answer edit =
        api(
            "POST",
            "/api/admin/accounts/many3",
            root,
            "{\"displayName\":\" \",\"roles\":[\"kiosk\",\"officer\"],\"office\":\"N R T\"}");
    assertThat(edit.status()).isEqualTo(400);
    assertThat(edit.json().get("problems").findValuesAsText("field"))
        .containsExactly("displayName", "office", "roles");
    JsonNode still = api("GET", "/api/admin/accounts/many3", root, null).json();
    assertThat(still.get("roles").toString()).isEqualTo("[\"officer\"]");
    assertThat(still.get("displayName").asText()).isEqualTo("many3");
  }

  @Test
  void theAccountFormShowsEveryProblemBesideItsFieldAndKeepsWhatWasTyped() {
    Session admin = signIn("boss", PASSWORD);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("username", "Bad One");
    fields.put("displayName", "Kept Name");
    fields.put("agency", "customs-jp");
    fields.put("office", "N R T");
    fields.put("password", "aaaaaaaaaaaa");
    TestServer.Answer refused = post(admin, "/admin/accounts", fields);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body())
        .contains(
            "id=\"create-error\" data-field=\"username\"",
            "id=\"create-error-username\"",
            "id=\"create-error-office\"",
            "id=\"create-error-password\"",
            "id=\"create-error-roles\"",
            "<li data-field=\"roles\">",
            "value=\"Bad One\"",
            "value=\"Kept Name\"",
            "value=\"N R T\"",
            "aria-describedby=\"create-error-office\"")
        .doesNotContain("aaaaaaaaaaaa")
        .doesNotContain("id=\"create-error-displayName\"");

    Map<String, String> edit = new LinkedHashMap<>();
    edit.put("displayName", " ");
    edit.put("agency", "customs-jp");
    edit.put("office", "N R T");
    TestServer.Answer editRefused = post(admin, "/admin/accounts/kato", edit);
    assertThat(editRefused.status()).isEqualTo(400);
    assertThat(editRefused.body())
        .contains(
            "id=\"edit-error-displayName\"",
            "id=\"edit-error-office\"",
            "id=\"edit-error-roles\"",
            "value=\"N R T\"");
  }

  @Test
  void theAccountPageIsInJapaneseForAJapaneseReader() {
    Session s = signIn("sato", PASSWORD);
    TestServer.Answer ja = page(s, "/account?lang=ja");
    assertThat(ja.status()).isEqualTo(200);
    assertThat(ja.body()).contains("マイアカウント", "パスワードの変更", "分析官");
  }
}
