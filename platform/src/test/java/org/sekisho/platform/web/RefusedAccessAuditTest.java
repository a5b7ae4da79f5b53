package org.sekisho.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.auth.Access;
import org.sekisho.platform.auth.Principal;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;

/**
 * Every refused access is audited as {@code access.denied}, once, wherever it was decided: by the
 * server for want of a role, by a module's own rule (an agency the data is not shared with) thrown
 * or answered as 403, or by a missing CSRF token. A handler that audited something else first (a
 * read, its own {@code record.read.denied}) does not stand in for it; one that audited {@code
 * access.denied} itself is not audited twice.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RefusedAccessAuditTest {
  private static final Access READERS = Access.anyOf(Role.ANALYST, Role.PARTNER);

  /** Routes refusing as modules do: by the caller's agency, thrown or answered, or audited. */
  private static WebModule module(Database db) {
    return r ->
        r.get(
                "/api/picture/vessels",
                READERS,
                "vessels, refused to agencies the picture is not shared with",
                ctx -> {
                  Principal p = Web.principal(ctx);
                  if (!p.agency().equals("customs-jp")) {
                    throw HttpProblem.of(
                        "forbidden",
                        "",
                        "the picture belongs to customs-jp and is not shared with agency "
                            + p.agency());
                  }
                  ctx.result("vessels");
                })
            .post(
                "/api/picture/patrols",
                READERS,
                "a patrol report, refused to agencies the picture is not shared with",
                ctx -> {
                  if (!Web.principal(ctx).agency().equals("customs-jp")) {
                    // answered as a page of its own, not thrown
                    ctx.status(403).result("not shared with your agency");
                    return;
                  }
                  ctx.status(201);
                })
            .get(
                "/api/picture/records/{id}",
                READERS,
                "a record, whose refusal the module audits itself",
                ctx -> {
                  Web.audit(ctx, "record.read.denied", "record:" + ctx.pathParam("id"), Map.of());
                  throw HttpProblem.of("forbidden", "", "record not available to you");
                })
            .get(
                "/api/picture/cases/{id}",
                READERS,
                "a case whose summary is read (and audited) before its file is refused",
                ctx -> {
                  Web.audit(ctx, "case.read", "case:" + ctx.pathParam("id"), Map.of());
                  throw HttpProblem.of("forbidden", "", "the case file is sealed");
                })
            .get(
                "/api/picture/notes/{id}",
                READERS,
                "a note read through a use case of its own log, then answered 403",
                ctx -> {
                  // as a use case appends its read with what it stores: not through Web.audit
                  new AuditLog(db.jdbi())
                      .record(
                          Web.auditEvent(
                              ctx, "note.read", "note:" + ctx.pathParam("id"), Map.of()));
                  ctx.status(403).result("the rest of the note is sealed");
                })
            .get(
                "/api/picture/seals/{id}",
                READERS,
                "a refusal the module audits as access.denied itself",
                ctx -> {
                  Web.audit(
                      ctx,
                      "access.denied",
                      "GET /api/picture/seals/{id}",
                      Map.of("reason", "sealed"));
                  throw HttpProblem.of("forbidden", "", "sealed");
                });
  }

  private TestServer t;

  @BeforeAll
  void start(Database db) {
    this.t = new TestServer(db, module(db));
    t.accounts.upsert(
        "police",
        "Taro Yamamoto",
        TestServer.PASSWORD,
        EnumSet.of(Role.PARTNER),
        "police-jp",
        "NPA");
    t.accounts.upsert(
        "inspector",
        "Yui Suzuki",
        TestServer.PASSWORD,
        EnumSet.of(Role.INSPECTOR),
        "customs-jp",
        "JPYOK");
  }

  @AfterAll
  void stop() {
    t.close();
  }

  private List<TestServer.Entry> denials(String actor) {
    return t.audit("access.denied").stream().filter(e -> e.actor().equals(actor)).toList();
  }

  @Test
  void aPartnersAccessRefusedByTheModulesAgencyRuleIsAuditedAsAnInspectorsRefusalByRoleIs() {
    String police = t.token("police");
    TestServer.Answer read = t.get("/api/picture/vessels", police);
    assertThat(read.status()).isEqualTo(403);
    TestServer.Answer report =
        t.post("/api/picture/patrols", police, "application/json", "{\"at\":\"here\"}");
    assertThat(report.status()).isEqualTo(403);

    String inspector = t.token("inspector");
    assertThat(t.get("/api/picture/vessels", inspector).status()).isEqualTo(403);

    // the other tests' refusals of the same partner left out
    List<TestServer.Entry> partner =
        denials("police").stream()
            .filter(e -> e.subject().matches("GET /api/picture/vessels|POST /api/picture/patrols"))
            .toList();
    assertThat(partner)
        .extracting(TestServer.Entry::subject)
        .containsExactly("GET /api/picture/vessels", "POST /api/picture/patrols");
    // why, as the caller was told it
    assertThat(partner.get(0).details().path("reason").asText()).isEqualTo("forbidden");
    assertThat(partner.get(0).details().path("message").asText())
        .contains("not shared with agency police-jp");
    assertThat(partner.get(0).details().path("ip").asText()).isNotEmpty();

    List<TestServer.Entry> byRole = denials("inspector");
    assertThat(byRole)
        .extracting(TestServer.Entry::subject)
        .containsExactly("GET /api/picture/vessels");
    assertThat(byRole.get(0).details().path("reason").asText()).isEqualTo("role");
  }

  @Test
  void aRefusalTheModuleAuditsUnderItsOwnActionIsStillAuditedOnceAsAccessDenied() {
    String police = t.token("police");
    assertThat(t.get("/api/picture/records/42", police).status()).isEqualTo(403);
    assertThat(
            t.audit().stream()
                .filter(e -> e.actor().equals("police") && e.subject().equals("record:42")))
        .hasSize(1);
    assertThat(denials("police"))
        .filteredOn(e -> e.subject().equals("GET /api/picture/records/{id}"))
        .singleElement()
        .satisfies(e -> assertThat(e.details().path("path").asText()).endsWith("/records/42"));
  }

  @Test
  void aReadAuditedBeforeTheRefusalKeepsItsEntryAndTheRefusalGetsOneAccessDenied() {
    String police = t.token("police");
    assertThat(t.get("/api/picture/cases/7", police).status()).isEqualTo(403);
    assertThat(t.audit("case.read")).extracting(TestServer.Entry::subject).contains("case:7");
    assertThat(denials("police"))
        .filteredOn(e -> e.details().path("path").asText().endsWith("/cases/7"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.subject()).isEqualTo("GET /api/picture/cases/{id}");
              assertThat(e.details().path("message").asText()).isEqualTo("the case file is sealed");
            });
  }

  @Test
  void aReadAppendedByAUseCaseBeforeAnAnswered403KeepsItsEntryAndTheRefusalGetsOne() {
    String police = t.token("police");
    assertThat(t.get("/api/picture/notes/9", police).status()).isEqualTo(403);
    assertThat(t.audit("note.read")).extracting(TestServer.Entry::subject).contains("note:9");
    assertThat(denials("police"))
        .filteredOn(e -> e.details().path("path").asText().endsWith("/notes/9"))
        .singleElement()
        .satisfies(e -> assertThat(e.details().path("reason").asText()).isEqualTo("forbidden"));
  }

  @Test
  void aRefusalTheModuleAuditsAsAccessDeniedItselfIsNotAuditedTwice() {
    String police = t.token("police");
    assertThat(t.get("/api/picture/seals/3", police).status()).isEqualTo(403);
    assertThat(denials("police"))
        .filteredOn(e -> e.subject().equals("GET /api/picture/seals/{id}"))
        .singleElement()
        .satisfies(e -> assertThat(e.details().path("reason").asText()).isEqualTo("sealed"));
  }

  @Test
  void aWriteRefusedForWantOfItsCsrfTokenIsAudited() {
    Principal kato = t.accounts.authenticate("kato", TestServer.PASSWORD).orElseThrow();
    String session = t.accounts.openSession(kato).token();
    TestServer.Answer a =
        t.send(
            "POST",
            "/api/picture/patrols",
            Map.of(
                "Cookie",
                WebServer.SESSION_COOKIE + "=" + session,
                "Content-Type",
                "application/json"),
            "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(a.status()).isEqualTo(403);
    assertThat(denials("kato"))
        .anyMatch(
            e ->
                e.subject().equals("POST /api/picture/patrols")
                    && e.details().path("reason").asText().equals("csrf"));
  }
}
