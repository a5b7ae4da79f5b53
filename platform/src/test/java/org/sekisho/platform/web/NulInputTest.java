package org.sekisho.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.platform.auth.Access;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.platform.web.Routes.Body;

/**
 * Text holding a NUL (U+0000), which PostgreSQL refuses, is answered 400 before any handler runs,
 * on routes of a real server whose handlers do store what they get.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NulInputTest {
  private static final String NUL = String.valueOf((char) 0);

  private final TestServer t;
  private final String token;

  NulInputTest(Database db) {
    db.jdbi().useHandle(h -> h.execute("create table if not exists note(text text not null)"));
    db.jdbi().useHandle(h -> h.execute("truncate note"));
    this.t = new TestServer(db, this::routes);
    this.token = t.token("kato");
  }

  @AfterEach
  void stop() {
    t.close();
  }

  /** Routes whose handlers take what they are given to the database, unchecked. */
  private void routes(Routes r) {
    r.get(
            "/api/notes/search",
            Access.signedIn(),
            "notes containing q",
            ctx -> ctx.json(Map.of("count", count("text like ?", "%" + ctx.queryParam("q") + "%"))))
        .get(
            "/api/notes/{text}",
            Access.signedIn(),
            "notes equal to text",
            ctx -> ctx.json(Map.of("count", count("text = ?", ctx.pathParam("text")))))
        .post(
            "/notes",
            Access.signedIn(),
            "add a note (form)",
            ctx -> {
              store(ctx.formParam("comment"));
              ctx.redirect("/");
            })
        .post(
            "/api/notes",
            Access.signedIn(),
            "add the notes {note: {lines: [{text}]}}",
            ctx -> {
              for (JsonNode line : TestServer.JSON.readTree(ctx.body()).at("/note/lines")) {
                store(line.path("text").asText());
              }
              ctx.status(201);
            })
        .post(
            "/api/notes/csv",
            Access.signedIn(),
            "add the first cell of each CSV line",
            ctx -> {
              for (String line : ctx.body().split("\n")) {
                store(line.split(",")[0]);
              }
            })
        .post(
            "/api/notes/stream",
            Access.signedIn(),
            "add the body as one note, read as a stream",
            ctx -> {
              String text =
                  new String(ctx.bodyInputStream().readAllBytes(), StandardCharsets.UTF_8);
              store(text);
              ctx.result(text);
            })
        .post(
            "/api/notes/photo",
            Access.signedIn(),
            "the size of an image",
            ctx -> ctx.result(Integer.toString(ctx.bodyAsBytes().length)))
        .post(
            "/api/notes/rows",
            Access.signedIn(),
            "add one note per line, refusing bad lines",
            Body.ROWS,
            ctx -> {
              int stored = 0;
              int refused = 0;
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(ctx.bodyInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  if (Web.hasNul(line)) {
                    refused++;
                  } else {
                    store(line);
                    stored++;
                  }
                }
              }
              ctx.json(Map.of("stored", stored, "refused", refused));
            })
        .post(
            "/api/notes/public",
            Access.open(),
            "anyone may leave a note (a public form)",
            ctx -> {
              store(ctx.body());
              ctx.status(201);
            })
        .post(
            "/api/notes/careless",
            Access.signedIn(),
            "a batch route whose handler forgets to check its rows",
            Body.ROWS,
            ctx -> store(ctx.body()));
  }

  private void store(String text) {
    t.db
        .jdbi()
        .useHandle(h -> h.createUpdate("insert into note values (?)").bind(0, text).execute());
  }

  private int count(String where, String value) {
    return t.db
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select count(*) from note where " + where)
                    .bind(0, value)
                    .mapTo(Integer.class)
                    .one());
  }

  private List<String> notes() {
    return t.db
        .jdbi()
        .withHandle(h -> h.createQuery("select text from note").mapTo(String.class).list());
  }

  private static void assertRefused(TestServer.Answer a, String field) {
    assertThat(a.status()).as(a.body()).isEqualTo(400);
    JsonNode j = a.json();
    assertThat(j.path("error").asText()).isEqualTo("invalid-input");
    assertThat(j.path("field").asText()).isEqualTo(field);
    assertThat(j.path("message").asText())
        .contains("contains a NUL character (U+0000), which cannot be stored");
  }

  @Test
  void aPublicRouteRefusesABodyOverItsBoundWith413AndStoresNothing() throws Exception {
    byte[] big = new byte[WebServer.PUBLIC_BODY_LIMIT + 1];
    java.util.Arrays.fill(big, (byte) 'a');
    // sent as curl sends a large upload (Expect: 100-continue): the server refuses by the declared
    // length before reading, and without the go-ahead the upload races the server's close (CI saw
    // "header parser received no bytes" instead of the 413 once)
    TestServer.Answer a =
        t.send("POST", "/api/notes/public", Map.of("Content-Type", "text/plain"), big, true);
    assertThat(a.status()).as(a.body()).isEqualTo(413);
    assertThat(a.json().path("error").asText()).isEqualTo("too-large");
    assertThat(a.json().path("message").asText()).contains("at most 1024 KiB");

    // a chunked body announces no length: it is read up to the bound and no further
    java.net.http.HttpResponse<String> chunked =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            "http://127.0.0.1:" + t.server.port() + "/api/notes/public"))
                    .header("Content-Type", "text/plain")
                    .header("Accept", "application/json")
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                            () -> new java.io.ByteArrayInputStream(big)))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
    assertThat(notes()).isEmpty();

    // within the bound, chunked or not, the handler gets the whole body
    byte[] small = "a note from the public".getBytes(StandardCharsets.UTF_8);
    assertThat(
            java.net.http.HttpClient.newHttpClient()
                .send(
                    java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(
                                "http://127.0.0.1:" + t.server.port() + "/api/notes/public"))
                        .header("Content-Type", "text/plain")
                        .POST(
                            java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(small)))
                        .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(201);
    assertThat(notes()).containsExactly("a note from the public");
  }

  @Test
  void aHugeFieldNameHoldingANulIsEchoedAndAuditedCutNotWhole() {
    // a body sent as a form without its content type's boundaries reads as one huge field name
    String name = "x".repeat(5_000) + NUL;
    TestServer.Answer a =
        t.send(
            "POST",
            "/api/notes",
            Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"),
            ("{\"" + name.replace(NUL, "\\u0000") + "\":1}").getBytes(StandardCharsets.UTF_8));
    assertThat(a.status())
        .as(a.body().substring(0, Math.min(300, a.body().length())))
        .isEqualTo(400);
    String field = a.json().path("message").asText() + a.json().path("field").asText();
    assertThat(a.body().length()).isLessThan(1_000);
    assertThat(field).contains("(5001 characters)");
    assertThat(t.audit("input.rejected"))
        .filteredOn(e -> e.details().path("field").asText().startsWith("xxx"))
        .singleElement()
        .satisfies(e -> assertThat(e.details().toString().length()).isLessThan(1_000));
  }

  @Test
  void aRefusalAnsweredAsAPageNamesTheInputItRefusedInTheReadersLanguage() {
    for (String lang : new String[] {"en", "ja"}) {
      TestServer.Answer a =
          t.send(
              "POST",
              "/notes?lang=" + lang,
              Map.of(
                  "Authorization",
                  "Bearer " + token,
                  "Accept",
                  "text/html",
                  "Content-Type",
                  "application/x-www-form-urlencoded"),
              "comment=a%00".getBytes(StandardCharsets.UTF_8));
      assertThat(a.status()).isEqualTo(400);
      assertThat(a.body())
          .contains("id=\"error-field\"")
          .contains(lang.equals("en") ? "The input refused: comment" : "受け付けられなかった入力: comment");
    }
  }

  @Test
  void anApiRefusalOfTheInputIsInTheReadersLanguageWithTheSameCodeAndField() {
    TestServer.Answer ja =
        t.send(
            "GET",
            "/api/notes/search?q=a%00",
            Map.of("Authorization", "Bearer " + token, "Accept-Language", "ja"),
            null);
    assertThat(ja.status()).isEqualTo(400);
    assertThat(ja.json().get("error").asText()).isEqualTo("invalid-input");
    assertThat(ja.json().get("field").asText()).isEqualTo("q");
    assertThat(ja.json().get("message").asText())
        .isEqualTo("クエリパラメーターに NUL 文字（U+0000）が含まれていて保存できません。取り除いてください");
    TestServer.Answer twice =
        t.send(
            "POST",
            "/api/notes?lang=ja",
            Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"),
            "{\"note\":{\"a\":1,\"a\":2}}".getBytes(StandardCharsets.UTF_8));
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.json().get("error").asText()).isEqualTo("invalid-json");
    assertThat(twice.json().get("field").asText()).isEqualTo("note.a");
    assertThat(twice.json().get("message").asText())
        .isEqualTo("JSON の項目 note.a が一つのオブジェクトに二回あります。一回だけにしてください");
    assertThat(notes()).isEmpty();
  }

  @Test
  void aJsonBodyMalformedWithAFieldTwiceOrMoreAfterItsValueOrAByteOrderMarkIsRefusedNamingIt() {
    String token = t.token("kato");
    TestServer.Answer twice =
        t.post(
            "/api/notes",
            token,
            "application/json",
            "{\"note\":{\"lines\":[{\"text\":\"first\",\"text\":\"second\"}]}}");
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.json().get("error").asText()).isEqualTo("invalid-json");
    assertThat(twice.json().get("field").asText()).isEqualTo("note.lines[0].text");
    assertThat(twice.json().get("message").asText()).contains("appears twice");

    TestServer.Answer trailing =
        t.post("/api/notes", token, "application/json", "{\"note\":{}} and more");
    assertThat(trailing.status()).isEqualTo(400);
    assertThat(trailing.json().get("message").asText())
        .contains("more after its JSON value")
        .contains("column 12");

    TestServer.Answer cut = t.post("/api/notes", token, "application/json", "{\"note\":");
    assertThat(cut.status()).isEqualTo(400);
    assertThat(cut.json().get("message").asText())
        .isEqualTo(
            "the JSON body ends early at line 1, column 9; it still needs } to close what it"
                + " opened")
        .doesNotContain("REDACTED")
        .doesNotContain("StreamReadFeature");

    TestServer.Answer bom = t.post("/api/notes", token, "application/json", "\uFEFF{\"note\":{}}");
    assertThat(bom.status()).isEqualTo(400);
    assertThat(bom.json().get("message").asText()).contains("byte order mark");
    assertThat(count("text = ?", "first") + count("text = ?", "second"))
        .as("nothing stored")
        .isZero();

    assertThat(
            t.post("/api/notes", token, "application/json", "{\"note\":{\"lines\":[]}}").status())
        .isEqualTo(201);
  }

  @Test
  void jsonThatCannotBeReadIsAuditedAsSuchNotAsANul() {
    String token = t.token("kato");
    TestServer.Answer comma = t.post("/api/notes", token, "application/json", "{\"note\":{},}");
    assertThat(comma.status()).isEqualTo(400);
    assertThat(comma.json().get("error").asText()).isEqualTo("invalid-json");
    TestServer.Entry e = t.audit("input.rejected").getLast();
    assertThat(e.details().path("reason").asText()).isEqualTo("invalid-json");
    assertThat(e.details().path("field").asText()).isEqualTo("body");

    t.post("/api/notes", token, "application/json", "{\"note\":{\"text\":\"a\\u0000b\"}}");
    assertThat(t.audit("input.rejected").getLast().details().path("reason").asText())
        .isEqualTo("nul");
  }

  @Test
  void jsonBeyondTheParsersLimitsIsA400NotA500() {
    // Jackson refuses names over 50,000 characters: a handler that did not expect it must not
    // answer 500
    TestServer.Answer a =
        t.post("/api/notes", token, "application/json", "{\"" + "x".repeat(60_000) + "\":1}");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().path("error").asText()).isEqualTo("invalid-json");
    assertThat(a.json().path("message").asText()).contains("too long");
    assertThat(a.body().length()).isLessThan(1_000);
    TestServer.Answer broken = t.post("/api/notes", token, "application/json", "{\"note\": [1,");
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.json().path("message").asText())
        .isEqualTo(
            "the JSON body ends early at line 1, column 13; it still needs ]} to close what it"
                + " opened");
  }

  @Test
  void aNulInAQueryParameterIsRefusedWith400NamingTheParameter() {
    assertRefused(t.get("/api/notes/search?q=ab%00cd", token), "q");
    assertThat(t.get("/api/notes/search?q=abcd", token).status()).isEqualTo(200);
  }

  @Test
  void aNulInTheNameOfAQueryParameterIsRefusedToo() {
    TestServer.Answer a = t.get("/api/notes/search?q=x&a%00b=1", token);
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().path("field").asText()).isEqualTo("a\\u0000b");
  }

  @Test
  void aNulInAPathParameterIsRefused() {
    TestServer.Answer a = t.get("/api/notes/ab%00cd", token);
    assertThat(a.status()).as(a.body()).isEqualTo(400);
    assertThat(t.get("/api/notes/abcd", token).status()).isEqualTo(200);
  }

  @Test
  void aNulInAFormFieldIsRefusedAndNothingIsStored() {
    Accounts.Session s =
        t.accounts.openSession(t.accounts.authenticate("kato", TestServer.PASSWORD).orElseThrow());
    TestServer.Answer a =
        t.send(
            "POST",
            "/notes",
            Map.of(
                "Cookie", WebServer.SESSION_COOKIE + "=" + s.token(),
                "Content-Type", "application/x-www-form-urlencoded",
                "Accept", "application/json"),
            ("_csrf=" + s.csrfToken() + "&comment=ab%00cd").getBytes(StandardCharsets.UTF_8));
    assertRefused(a, "comment");
    assertThat(notes()).isEmpty();
  }

  @Test
  void aNulInAJsonStringNestedDeepIsRefusedNamingItsPath() {
    String body = "{\"note\":{\"lines\":[{\"text\":\"fine\"},{\"text\":\"ab\\u0000cd\"}]}}";
    assertRefused(t.post("/api/notes", token, "application/json", body), "note.lines[1].text");
    assertThat(notes()).as("not even the good line: the body is refused whole").isEmpty();
  }

  @Test
  void aNulInAJsonFieldNameIsRefused() {
    TestServer.Answer a =
        t.post("/api/notes", token, "application/json", "{\"note\":{\"a\\u0000b\":[]}}");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().path("field").asText()).isEqualTo("note.a\\u0000b");
    assertThat(a.json().path("message").asText()).contains("field name");
  }

  @Test
  void jsonIsCheckedWhateverContentTypeItIsSentWith() {
    String body = "{\"note\":{\"lines\":[{\"text\":\"ab\\u0000cd\"}]}}";
    assertRefused(t.post("/api/notes", token, "text/plain", body), "note.lines[0].text");
    assertRefused(
        t.post("/api/notes", token, "application/x-www-form-urlencoded", body),
        "note.lines[0].text");
    assertThat(notes()).isEmpty();
  }

  @Test
  void anEscapedBackslashBeforeU0000IsNotANul() {
    String body = "{\"note\":{\"lines\":[{\"text\":\"C:\\\\u0000\"}]}}";
    assertThat(t.post("/api/notes", token, "application/json", body).status()).isEqualTo(201);
    assertThat(notes()).containsExactly("C:\\u0000");
  }

  @Test
  void aNulByteInACsvBodyIsRefusedNamingTheBody() {
    assertRefused(t.post("/api/notes/csv", token, "text/csv", "a,1\nb" + NUL + ",2\n"), "body");
    assertThat(notes()).isEmpty();
  }

  @Test
  void aCheckedBodyStillReachesAHandlerThatStreamsIt() {
    TestServer.Answer a = t.post("/api/notes/stream", token, "text/plain", "one\ntwo");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body()).isEqualTo("one\ntwo");
    assertThat(notes()).containsExactly("one\ntwo");
  }

  @Test
  void anImageIsNotTextAndKeepsItsNulBytes() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 0};
    TestServer.Answer a =
        t.send(
            "POST",
            "/api/notes/photo",
            Map.of("Authorization", "Bearer " + token, "Content-Type", "image/png"),
            png);
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body()).isEqualTo("9");
  }

  @Test
  void aBatchRouteGetsItsWholeBodyAndRefusesOnlyTheBadRows() {
    TestServer.Answer a =
        t.post(
            "/api/notes/rows",
            token,
            "application/x-ndjson",
            "{\"text\":\"good\"}\n{\"text\":\"b\\u0000d\"}\nbad" + NUL + "\nlast\n");
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(a.json().path("stored").asInt()).isEqualTo(3);
    assertThat(a.json().path("refused").asInt()).isEqualTo(1);
    assertThat(notes()).hasSize(3).contains("last");
  }

  @Test
  void aBatchRouteStillHasItsQueryParametersChecked() {
    assertRefused(t.post("/api/notes/rows?source=a%00b", token, "text/plain", "good\n"), "source");
    assertThat(notes()).isEmpty();
  }

  @Test
  void aNulTheDatabaseRefusesIsAnswered400NotAnInternalError() {
    TestServer.Answer a =
        t.post("/api/notes/careless", token, "text/plain", "left" + NUL + "unchecked");
    assertThat(a.status()).as(a.body()).isEqualTo(400);
    assertThat(a.json().path("error").asText()).isEqualTo("invalid-input");
    assertThat(a.json().path("message").asText()).contains("NUL");
  }

  @Test
  void signingInWithANulInTheUserNameIsRefusedAndAudited() {
    TestServer.Answer a = t.apiLogin("ka" + NUL + "to", "whatever");
    assertRefused(a, "username");
    List<TestServer.Entry> rejected = t.audit("input.rejected");
    assertThat(rejected).isNotEmpty();
    TestServer.Entry last = rejected.getLast();
    assertThat(last.subject()).isEqualTo("route:POST /api/login");
    assertThat(last.details().path("field").asText()).isEqualTo("username");
  }
}
