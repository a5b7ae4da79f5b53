package org.sekisho.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.audit.AuditSearch;
import org.sekisho.platform.auth.AccountAdministration;
import org.sekisho.platform.auth.Agencies;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.i18n.Messages;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * The platform's own API refusals (sign-in, accounts, agencies, the audit log) are worded in the
 * language the pages would be ({@code ?lang=}, else {@code Accept-Language}), with the same {@code
 * error} code and {@code field} in every language.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ApiErrorLanguageTest {
  private static final Messages EN = new Messages(Locale.ENGLISH, List.of("i18n.platform"));
  private static final Messages JA = new Messages(Locale.JAPANESE, List.of("i18n.platform"));

  private TestServer t;
  private String root;

  @BeforeAll
  void start(Database db) {
    t =
        TestServer.over(
            db,
            List.of(),
            accounts -> {
              AuditLog audit = new AuditLog(db.jdbi());
              Agencies agencies = new Agencies(db.jdbi(), java.time.Clock.systemUTC(), audit);
              agencies.register("customs-jp", "Japan Customs", "test", "customs-jp");
              agencies.register("police-jp", "National Police Agency", "test", "customs-jp");
              AccountWeb accountWeb =
                  new AccountWeb(
                      new AccountAdministration(accounts, agencies, "customs-jp"), "customs-jp");
              AgencyWeb agencyWeb = new AgencyWeb(agencies, "customs-jp");
              AuditWeb auditWeb =
                  new AuditWeb(new AuditSearch(db.jdbi()), audit::verify, "customs-jp");
              return r -> {
                accountWeb.routes(r);
                agencyWeb.routes(r);
                auditWeb.routes(r);
              };
            });
    t.accounts.upsert(
        "root", "root", TestServer.PASSWORD, EnumSet.of(Role.ADMIN), "customs-jp", "", "test");
    root = t.apiLogin("root", TestServer.PASSWORD).json().get("token").asText();
  }

  @AfterAll
  void stop() {
    t.close();
  }

  /** A call as root (or anonymous when {@code token} is null) with an Accept-Language, or none. */
  private TestServer.Answer call(
      String method, String path, String token, String acceptLanguage, String json) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (token != null) {
      headers.put("Authorization", "Bearer " + token);
    }
    if (acceptLanguage != null) {
      headers.put("Accept-Language", acceptLanguage);
    }
    if (json != null) {
      headers.put("Content-Type", "application/json");
    }
    return t.send(
        method, path, headers, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
  }

  private static String message(TestServer.Answer a) {
    return a.json().get("message").asText();
  }

  @Test
  void signInRefusalsFollowLangAndAcceptLanguageWithTheSameCodeAndField() {
    TestServer.Answer en = call("POST", "/api/login", null, null, "{\"username\":\"kato\"}");
    TestServer.Answer ja =
        call("POST", "/api/login?lang=ja", null, null, "{\"username\":\"kato\"}");
    assertThat(en.status()).isEqualTo(400);
    assertThat(ja.status()).isEqualTo(400);
    for (TestServer.Answer a : List.of(en, ja)) {
      assertThat(a.json().get("error").asText()).isEqualTo("missing-field");
      assertThat(a.json().get("field").asText()).isEqualTo("password");
    }
    assertThat(message(en)).startsWith("password is missing");
    assertThat(message(ja))
        .isEqualTo(JA.get("login.error.missing", "password", "{\"username\":…, \"password\":…}"))
        .contains("password がありません");

    TestServer.Answer wrong =
        call(
            "POST",
            "/api/login",
            null,
            "ja,en;q=0.5",
            "{\"username\":\"kato\",\"password\":\"not the one at all\"}");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.json().get("error").asText()).isEqualTo("unauthenticated");
    assertThat(message(wrong)).isEqualTo("ユーザー名またはパスワードが違います");
    // an explicit choice wins over the header, as on the pages
    TestServer.Answer chosen =
        call(
            "POST",
            "/api/login?lang=en",
            null,
            "ja",
            "{\"username\":\"kato\",\"password\":\"not the one at all\"}");
    assertThat(message(chosen)).isEqualTo("wrong user name or password");

    // both fields wrong: both named at once, in the reader's language
    TestServer.Answer neither = call("POST", "/api/login?lang=ja", null, null, "{}");
    assertThat(neither.json().get("problems").findValuesAsText("field"))
        .containsExactly("username", "password");
    assertThat(neither.json().get("problems").findValuesAsText("message"))
        .allSatisfy(m -> assertThat(m).contains("がありません"));
  }

  @Test
  void accountRefusalsAreInTheReadersLanguage() {
    String weak =
        "{\"username\":\"lang1\",\"agency\":\"customs-jp\",\"roles\":[\"officer\"],"
            + "\"password\":\"aaaaaaaaaaaa\"}";
    TestServer.Answer en = call("POST", "/api/admin/accounts", root, null, weak);
    TestServer.Answer ja = call("POST", "/api/admin/accounts", root, "ja", weak);
    for (TestServer.Answer a : List.of(en, ja)) {
      assertThat(a.status()).as(a.body()).isEqualTo(400);
      assertThat(a.json().get("error").asText()).isEqualTo("invalid-value");
      assertThat(a.json().get("field").asText()).isEqualTo("password");
    }
    assertThat(message(en)).isEqualTo(EN.get("account.error.password.repeated"));
    assertThat(message(ja)).isEqualTo(JA.get("account.error.password.repeated"));
    assertThat(ja.json().get("problems").get(0).get("message").asText()).isEqualTo(message(ja));

    TestServer.Answer missing = call("GET", "/api/admin/accounts/nobody?lang=ja", root, null, null);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("field").asText()).isEqualTo("username");
    assertThat(message(missing)).isEqualTo("アカウント「nobody」はありません。");

    TestServer.Answer state = call("GET", "/api/admin/accounts?state=gone", root, "ja", null);
    assertThat(state.status()).isEqualTo(400);
    assertThat(state.json().get("field").asText()).isEqualTo("state");
    assertThat(message(state)).isEqualTo(JA.get("account.error.state"));

    TestServer.Answer limit = call("GET", "/api/admin/accounts?limit=0", root, "ja", null);
    assertThat(limit.json().get("field").asText()).isEqualTo("limit");
    assertThat(message(limit)).isEqualTo("1 から 1000 までの整数を指定してください");

    TestServer.Answer shape =
        call("POST", "/api/admin/accounts?lang=ja", root, null, "{\"username\":7,\"colour\":1}");
    JsonNode problems = shape.json().get("problems");
    assertThat(problems.findValuesAsText("code"))
        .containsExactly("unknown-field", "invalid-type", "missing-field", "missing-field");
    assertThat(problems.findValuesAsText("field"))
        .containsExactly("colour", "username", "roles", "agency");
    assertThat(problems.get(1).get("message").asText())
        .isEqualTo(JA.get("api.error.string", "username"));

    TestServer.Answer notJson = call("POST", "/api/admin/accounts", root, "ja", "{\"a\":");
    assertThat(notJson.json().get("error").asText()).isEqualTo("invalid-json");
    assertThat(message(notJson)).isEqualTo("本文の JSON が 1 行 6 文字目で途切れています。開いたものを閉じる } がまだありません");
  }

  @Test
  void aPartnerAgencysRoleRefusalIsInTheReadersLanguage() {
    String analyst =
        "{\"username\":\"revpol\",\"displayName\":\"Rev Pol\",\"roles\":[\"analyst\"],"
            + "\"agency\":\"police-jp\",\"office\":\"NPA\"}";
    TestServer.Answer en = call("POST", "/api/admin/accounts", root, null, analyst);
    TestServer.Answer ja = call("POST", "/api/admin/accounts?lang=ja", root, null, analyst);
    for (TestServer.Answer a : List.of(en, ja)) {
      assertThat(a.status()).as(a.body()).isEqualTo(400);
      assertThat(a.json().get("error").asText()).isEqualTo("invalid-value");
      assertThat(a.json().get("field").asText()).isEqualTo("roles");
    }
    assertThat(message(en))
        .isEqualTo(EN.get("account.error.roles.partnerAgency", "police-jp", "customs-jp"))
        .startsWith("An account of the partner agency police-jp");
    assertThat(message(ja))
        .isEqualTo(JA.get("account.error.roles.partnerAgency", "police-jp", "customs-jp"))
        .contains("連携機関 police-jp");
    // with another problem of the body's shape, every message still in Japanese
    TestServer.Answer both =
        call(
            "POST",
            "/api/admin/accounts?lang=ja",
            root,
            null,
            analyst.replace("\"office\"", "\"colour\":1,\"office\""));
    assertThat(both.json().get("problems").findValuesAsText("field")).contains("colour", "roles");
    assertThat(both.json().get("problems").findValuesAsText("message"))
        .allSatisfy(m -> assertThat(m).doesNotContain("An account").doesNotContain("expected"));
  }

  @Test
  void agencyRefusalsAreInTheReadersLanguage() {
    TestServer.Answer code =
        call("POST", "/api/agencies?lang=ja", root, null, "{\"code\":\"Coast Guard\"}");
    assertThat(code.status()).isEqualTo(400);
    assertThat(code.json().get("field").asText()).isEqualTo("code");
    assertThat(message(code)).isEqualTo(JA.get("agency.error.code.form", "40", "Coast Guard"));
    TestServer.Answer en = call("POST", "/api/agencies", root, null, "{\"code\":\"Coast Guard\"}");
    assertThat(message(en))
        .isEqualTo(
            "expected an agency code of lower-case letters and digits in words joined by hyphens"
                + " (at most 40 characters), such as police-jp; got 'Coast Guard'");

    // a name given blank, or none: refused naming the field, nothing registered
    for (String lang : List.of("en", "ja")) {
      TestServer.Answer blank =
          call(
              "POST",
              "/api/agencies?lang=" + lang,
              root,
              null,
              "{\"code\":\"blank-jp\",\"name\":\"   \"}");
      assertThat(blank.status()).as(blank.body()).isEqualTo(400);
      assertThat(blank.json().get("error").asText()).isEqualTo("invalid-value");
      assertThat(blank.json().get("field").asText()).isEqualTo("name");
      TestServer.Answer none =
          call("POST", "/api/agencies?lang=" + lang, root, null, "{\"code\":\"blank-jp\"}");
      assertThat(none.status()).as(none.body()).isEqualTo(400);
      assertThat(none.json().get("error").asText()).isEqualTo("missing-field");
      assertThat(none.json().get("field").asText()).isEqualTo("name");
    }
    assertThat(
            message(
                call(
                    "POST",
                    "/api/agencies",
                    root,
                    null,
                    "{\"code\":\"blank-jp\",\"name\":\"   \"}")))
        .isEqualTo(EN.get("agency.error.name.blank", "200"))
        .contains("name");
    assertThat(
            message(
                call(
                    "POST",
                    "/api/agencies?lang=ja",
                    root,
                    null,
                    "{\"code\":\"blank-jp\",\"name\":\"\"}")))
        .isEqualTo(JA.get("agency.error.name.blank", "200"))
        .contains("名称");
    assertThat(
            message(call("POST", "/api/agencies?lang=ja", root, null, "{\"code\":\"blank-jp\"}")))
        .isEqualTo(JA.get("agency.error.name.missing", "200"));
    assertThat(call("GET", "/api/agencies", root, null, null).body()).doesNotContain("blank-jp");

    TestServer.Answer nowhere =
        call("PUT", "/api/agencies/nowhere-jp", root, "ja", "{\"name\":\"Nowhere\"}");
    assertThat(nowhere.status()).isEqualTo(404);
    assertThat(nowhere.json().get("field").asText()).isEqualTo("code");
    assertThat(message(nowhere)).isEqualTo("機関 nowhere-jp は登録されていません");
  }

  @Test
  void auditViewerRefusalsAreInTheReadersLanguageAndNameEveryParameter() {
    TestServer.Answer en = call("GET", "/api/audit?from=soon&limit=0", root, null, null);
    TestServer.Answer ja = call("GET", "/api/audit?from=soon&limit=0&lang=ja", root, null, null);
    for (TestServer.Answer a : List.of(en, ja)) {
      assertThat(a.status()).as(a.body()).isEqualTo(400);
      assertThat(a.json().get("error").asText()).isEqualTo("invalid-parameter");
      assertThat(a.json().get("field").asText()).isEqualTo("from");
      assertThat(a.json().get("problems").findValuesAsText("field"))
          .containsExactly("from", "limit");
    }
    assertThat(message(en)).contains("expected a date (2026-11-27)").contains("got 'soon'");
    assertThat(message(ja)).isEqualTo(JA.get("audit.error.time", "Asia/Tokyo", "soon"));
    assertThat(ja.json().get("problems").get(1).get("message").asText())
        .isEqualTo("1 から 500 までの整数を指定してください（入力:「0」）");
  }
}
