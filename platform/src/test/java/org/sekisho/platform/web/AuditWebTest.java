package org.sekisho.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.audit.AuditSearch;
import org.sekisho.platform.auth.Access;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * {@code /admin/audit} and {@code /api/audit} on a real server: who may read the log, what is
 * refused and how, that every read and check is itself audited, and where subjects link.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AuditWebTest {
  private TestServer t;
  private AuditLog log;
  private String root;
  private String both;
  private String partnerAdmin;
  private String kato;
  private volatile CountDownLatch holdCheck;
  private volatile CountDownLatch releaseCheck;

  @BeforeAll
  void start(Database db) {
    this.log = new AuditLog(db.jdbi());
    AuditWeb audit =
        new AuditWeb(
            new AuditSearch(db.jdbi()),
            () -> {
              // a check held at the gate, so that another can be asked for meanwhile
              CountDownLatch hold = holdCheck;
              if (hold != null) {
                hold.countDown();
                try {
                  releaseCheck.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              return log.verify();
            },
            "customs-jp");
    this.t =
        new TestServer(
            db,
            r -> {
              audit.routes(r);
              // a record page of another context, open to analysts, not to administrators
              r.get(
                  "/records/{id}",
                  Access.anyOf(Role.ANALYST),
                  "a record page",
                  ctx -> ctx.result("record " + ctx.pathParam("id")));
              r.get(
                  "/admin/accounts/{username}",
                  Access.anyOf(Role.ADMIN),
                  "an account page",
                  ctx -> ctx.result("account " + ctx.pathParam("username")));
            },
            List.of(audit.nav()));
    t.accounts.upsert(
        "root", "Root", TestServer.PASSWORD, EnumSet.of(Role.ADMIN), "customs-jp", "");
    t.accounts.upsert(
        "both",
        "Oversight",
        TestServer.PASSWORD,
        EnumSet.of(Role.ADMIN, Role.ANALYST),
        "customs-jp",
        "");
    t.accounts.upsert(
        "poladmin", "Police admin", TestServer.PASSWORD, EnumSet.of(Role.ADMIN), "police-jp", "");
    this.root = t.token("root");
    this.both = t.token("both");
    this.partnerAdmin = t.token("poladmin");
    this.kato = t.token("kato");
    Instant at = Instant.parse("2026-11-27T01:00:00Z");
    for (int i = 0; i < 12; i++) {
      log.record(
          new AuditEvent(
              at.plusSeconds(i),
              i % 2 == 0 ? "kato" : "sato",
              "customs-jp",
              i % 3 == 0 ? "record.read" : "targeting.assessment.read",
              i % 3 == 0 ? "record:" + i : "assessment:" + i,
              Map.of("n", Integer.toString(i))));
    }
  }

  @AfterAll
  void stop() {
    t.close();
  }

  private TestServer.Answer html(String path, String token) {
    return t.send(
        "GET", path, Map.of("Authorization", "Bearer " + token, "Accept", "text/html"), null);
  }

  @Test
  void onlyTheAdministrationsAdministratorsReadTheLog() {
    TestServer.Answer analyst = t.get("/api/audit", kato);
    assertThat(analyst.status()).isEqualTo(403);
    assertThat(analyst.body()).contains("needs the role admin");
    TestServer.Answer page = html("/admin/audit", kato);
    assertThat(page.status()).isEqualTo(403);
    // a browser is told in its reader's language which role the page is for; the API keeps the
    // English text clients match on
    assertThat(page.body())
        .contains("This page is for the role Administrator")
        .doesNotContain("needs the role");
    TestServer.Answer ja = html("/admin/audit?lang=ja", kato);
    assertThat(ja.status()).isEqualTo(403);
    assertThat(ja.body()).contains("このページは「管理者」の役割の方のためのものです");
    assertThat(t.post("/api/audit/verify", kato, "application/json", "{}").status()).isEqualTo(403);

    TestServer.Answer partner = t.get("/api/audit", partnerAdmin);
    assertThat(partner.status()).isEqualTo(403);
    assertThat(partner.json().get("message").asText())
        .contains("only its own administrators")
        .contains("police-jp");
    assertThat(t.post("/api/audit/verify", partnerAdmin, "application/json", "{}").status())
        .isEqualTo(403);
    assertThat(t.audit("audit.read.denied"))
        .anySatisfy(e -> assertThat(e.actor()).isEqualTo("poladmin"));

    assertThat(t.send("GET", "/api/audit", Map.of(), null).status()).isEqualTo(401);
    assertThat(t.get("/api/audit", root).status()).isEqualTo(200);
  }

  @Test
  void badParametersAre400NamingTheParameterAndTheExpectedForm() {
    record Bad(String query, String field, String says) {}
    for (Bad b :
        List.of(
            new Bad("from=yesterday", "from", "expected a date (2026-11-27)"),
            new Bad("to=2026-13-01", "to", "a local time read in Asia/Tokyo"),
            new Bad("from=2026-11-28&to=2026-11-27", "from", "before to"),
            new Bad("limit=0", "limit", "from 1 to 500"),
            new Bad("limit=100000", "limit", "from 1 to 500"),
            new Bad("before=soon", "before", "the seq of an entry"),
            new Bad("before=99999999", "before", "there is no entry 99999999"),
            new Bad("action=*", "action", "targeting.*"),
            new Bad("text=secret", "text", "there is no parameter 'text'"),
            new Bad("actr=kato", "actr", "takes actor, agency"))) {
      TestServer.Answer a = t.get("/api/audit?" + b.query(), root);
      assertThat(a.status()).as(b.query()).isEqualTo(400);
      JsonNode body = a.json();
      assertThat(body.get("field").asText()).as(b.query()).isEqualTo(b.field());
      assertThat(body.get("message").asText()).as(b.query()).contains(b.says());
    }
    // the page says it too, keeping what was typed
    TestServer.Answer page = html("/admin/audit?from=yesterday&actor=kato", root);
    assertThat(page.status()).isEqualTo(400);
    assertThat(page.body())
        .contains("id=\"audit-error\"")
        .contains("value=\"yesterday\"")
        .doesNotContain("id=\"audit-entries\"");
    // why, beside the filter at fault; above, the filters named by their labels, not parameters
    assertThat(element(page.body(), "error-from")).contains("expected a date");
    assertThat(page.body()).doesNotContain("id=\"error-actor\"");
    assertThat(element(page.body(), "audit-error")).contains("From").doesNotContain("from:");
    String ja = html("/admin/audit?from=yesterday&limit=0&lang=ja", root).body();
    assertThat(element(ja, "audit-error"))
        .contains("開始")
        .contains("表示件数")
        .doesNotContain("from:")
        .doesNotContain("limit:");
    assertThat(element(ja, "error-limit")).isNotBlank();
  }

  /** The text of the element with {@code id} (no nested elements), or empty. */
  private static String element(String html, String id) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(html);
    return m.find() ? m.group(1) : "";
  }

  @Test
  void aReadListsNewestFirstInTheAdministrationsZoneAndIsItselfAudited() {
    JsonNode page = t.get("/api/audit?actor=kato&action=record.read&limit=1", root).json();
    JsonNode entries = page.get("entries");
    assertThat(entries).hasSize(1);
    JsonNode newest = entries.get(0);
    assertThat(newest.get("subject").asText()).isEqualTo("record:6");
    assertThat(newest.get("at").asText()).isEqualTo("2026-11-27T01:00:06Z");
    assertThat(newest.get("time").asText()).isEqualTo("2026-11-27 10:00:06 JST");
    assertThat(newest.get("details").get("n").asText()).isEqualTo("6");
    assertThat(page.get("more").asBoolean()).isTrue();
    assertThat(page.get("zone").asText()).isEqualTo("Asia/Tokyo");
    String next = page.get("nextUrl").asText();
    assertThat(next).contains("actor=kato").contains("before=" + newest.get("seq").asLong());
    JsonNode older = t.get(next, root).json();
    assertThat(older.get("entries").get(0).get("subject").asText()).isEqualTo("record:0");
    assertThat(older.get("more").asBoolean()).isFalse();

    List<TestServer.Entry> reads = t.audit("audit.read");
    TestServer.Entry first = reads.get(reads.size() - 2);
    assertThat(first.actor()).isEqualTo("root");
    assertThat(first.subject()).isEqualTo("audit-log");
    assertThat(first.details().get("actor").asText()).isEqualTo("kato");
    assertThat(first.details().get("action").asText()).isEqualTo("record.read");
    assertThat(first.details().get("limit").asText()).isEqualTo("1");
    assertThat(first.details().get("shown").asText()).isEqualTo("1");
    assertThat(first.details().get("channel").asText()).isEqualTo("api");
    assertThat(reads.get(reads.size() - 1).details().has("before")).isTrue();
  }

  @Test
  void followingNextUrlReturnsEveryEntryExactlyOnce() {
    List<Long> seqs = new ArrayList<>();
    String url = "/api/audit?limit=5";
    int total = t.audit().size();
    while (url != null) {
      JsonNode page = t.get(url, root).json();
      page.get("entries").forEach(e -> seqs.add(e.get("seq").asLong()));
      url = page.get("more").asBoolean() ? page.get("nextUrl").asText() : null;
    }
    // each page's own audit.read comes after the first page was read: every entry written before
    // it, once
    assertThat(new HashSet<>(seqs)).hasSize(seqs.size());
    assertThat(seqs)
        .containsAll(java.util.stream.LongStream.rangeClosed(1, total).boxed().toList());
  }

  @Test
  void aCheckOfTheChainAnswersOkWithTheCountOrTheFirstBrokenEntryAndIsAudited() {
    JsonNode ok = t.post("/api/audit/verify", root, "application/json", "{}").json();
    assertThat(ok.get("ok").asBoolean()).isTrue();
    assertThat(ok.get("entries").asLong()).isGreaterThanOrEqualTo(12);
    TestServer.Entry checked = t.audit("audit.verify").getLast();
    assertThat(checked.actor()).isEqualTo("root");
    assertThat(checked.details().get("result").asText()).isEqualTo("ok");
    assertThat(checked.details().get("entries").asLong()).isEqualTo(ok.get("entries").asLong());

    String original = subjectOf(3);
    tamper(3, "record:forged");
    try {
      JsonNode broken = t.post("/api/audit/verify", root, "application/json", "{}").json();
      assertThat(broken.get("ok").asBoolean()).isFalse();
      assertThat(broken.get("seq").asLong()).isEqualTo(3);
      assertThat(broken.get("reason").asText()).contains("was altered");
      TestServer.Answer page =
          t.send(
              "POST",
              "/admin/audit/verify",
              Map.of(
                  "Authorization",
                  "Bearer " + root,
                  "Accept",
                  "text/html",
                  "Content-Type",
                  "application/x-www-form-urlencoded"),
              "actor=kato".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body())
          .contains("data-state=\"broken\"")
          .contains("Hash chain broken at entry 3")
          // the page it was asked from: its filter kept
          .contains("value=\"kato\"");
      assertThat(t.audit("audit.verify").getLast().details().get("result").asText())
          .isEqualTo("broken");
    } finally {
      tamper(3, original);
    }
    assertThat(
            t.post("/api/audit/verify", root, "application/json", "{}")
                .json()
                .get("ok")
                .asBoolean())
        .isTrue();
  }

  @Test
  void aSecondCheckWhileOneRunsIsRefusedWith409SayingWhoStartedTheFirst() throws Exception {
    releaseCheck = new CountDownLatch(1);
    holdCheck = new CountDownLatch(1);
    CompletableFuture<TestServer.Answer> first =
        CompletableFuture.supplyAsync(
            () -> t.post("/api/audit/verify", root, "application/json", "{}"));
    try {
      assertThat(holdCheck.await(30, TimeUnit.SECONDS)).isTrue();
      TestServer.Answer second = t.post("/api/audit/verify", both, "application/json", "{}");
      assertThat(second.status()).isEqualTo(409);
      assertThat(second.json().get("message").asText())
          .contains("running already (started by root at 2026-11-27 09:00 JST)");
    } finally {
      holdCheck = null;
      releaseCheck.countDown();
    }
    assertThat(first.get(30, TimeUnit.SECONDS).json().get("ok").asBoolean()).isTrue();
    // and once it has finished, the next runs
    assertThat(t.post("/api/audit/verify", both, "application/json", "{}").status()).isEqualTo(200);
  }

  private String subjectOf(long seq) {
    return t.db
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select subject from platform.audit_log where seq = :s")
                    .bind("s", seq)
                    .mapTo(String.class)
                    .one());
  }

  private void tamper(long seq, String subject) {
    t.db
        .jdbi()
        .useHandle(
            h -> {
              h.execute("alter table platform.audit_log disable trigger audit_log_no_update");
              h.createUpdate("update platform.audit_log set subject = :v where seq = :s")
                  .bind("v", subject)
                  .bind("s", seq)
                  .execute();
              h.execute("alter table platform.audit_log enable trigger audit_log_no_update");
            });
  }

  @Test
  void aRefusedCreationOfAnAccountNeverMadeNamesItWithoutALinkThatWouldAnswer404() {
    Instant at = Instant.parse("2026-11-27T02:00:00Z");
    for (String name : List.of("t2", "nosuch")) {
      log.record(
          new AuditEvent(
              at,
              "root",
              "customs-jp",
              "account.change.refused",
              "account:" + name,
              Map.of("change", "create", "field", "password")));
    }
    // an account that exists: its refused change still links to its page
    log.record(
        new AuditEvent(
            at,
            "root",
            "customs-jp",
            "account.change.refused",
            "account:kato",
            Map.of("change", "edit", "field", "office")));
    String page = html("/admin/audit?action=account.change.refused", root).body();
    assertThat(page).contains("account:t2").contains("account:nosuch");
    assertThat(page)
        .doesNotContain("href=\"/admin/accounts/t2\"")
        .doesNotContain("href=\"/admin/accounts/nosuch\"");
    assertThat(page).contains("href=\"/admin/accounts/kato\"");
    // the entry can still be narrowed to its subject
    assertThat(page).contains("subject=account%3At2\"");
  }

  @Test
  void aPageSizeTheMenuDoesNotOfferIsShownAsTheOneInForceNotAsFifty() {
    String page = html("/admin/audit?limit=7", root).body();
    assertThat(page).contains("<option value=\"7\" selected>7</option>");
    assertThat(page).doesNotContain("<option value=\"50\" selected>");
    assertThat(page.split("data-seq=", -1)).as("seven entries shown").hasSize(8);
    // a size the menu offers is not offered twice
    String fifty = html("/admin/audit?limit=100", root).body();
    assertThat(fifty).containsOnlyOnce("<option value=\"100\"");
  }

  @Test
  void thePageHeaderNamesTheReadersRolesInTheReadersLanguage() {
    java.util.regex.Pattern roles =
        java.util.regex.Pattern.compile("id=\"current-roles\">([^<]*)<");
    java.util.regex.Matcher ja = roles.matcher(html("/admin/audit?lang=ja", both).body());
    assertThat(ja.find()).as("the header names the roles").isTrue();
    assertThat(ja.group(1)).isEqualTo("分析官・管理者");
    java.util.regex.Matcher en = roles.matcher(html("/admin/audit?lang=en", both).body());
    assertThat(en.find()).isTrue();
    assertThat(en.group(1)).isEqualTo("Analyst, Administrator");
  }

  @Test
  void aSubjectLinksToItsPageOnlyWhereThisServerServesItAndTheReaderMayOpenIt() {
    // an administrator without a reading role: the record page would answer 403, so no link
    String plain = html("/admin/audit?subject=record:*", root).body();
    assertThat(plain).contains("record:9").doesNotContain("href=\"/records/9\"");
    assertThat(plain).contains("href=\"/admin/audit?subject=record%3A9\"");
    // an administrator who is also an analyst: linked; an assessment page this server does not
    // serve: not linked
    String linked = html("/admin/audit?actor=sato", both).body();
    assertThat(linked).contains("href=\"/records/9\"");
    assertThat(linked).contains("assessment:11").doesNotContain("/targeting/assessments/");
    // an account's entries link to its administration page
    assertThat(html("/admin/audit?action=account.saved", root).body())
        .contains("href=\"/admin/accounts/root\"");
    // the navigation offers the page to the administration's administrators only
    assertThat(html("/admin/audit", root).body()).contains("href=\"/admin/audit\"");
    assertThat(html("/admin/audit", kato).body()).doesNotContain("href=\"/admin/audit\"");
    assertThat(html("/admin/audit", partnerAdmin).body()).doesNotContain("href=\"/admin/audit\"");
    assertThat(html("/admin/audit?lang=ja", root).body()).contains("監査ログ").contains("チェーンを検証");
  }
}
