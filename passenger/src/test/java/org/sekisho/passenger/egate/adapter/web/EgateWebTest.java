package org.sekisho.passenger.egate.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.passenger.egate.Travellers;
import org.sekisho.passenger.egate.adapter.qr.ZxingQrImages;
import org.sekisho.passenger.egate.application.ReferralDesk;
import org.sekisho.passenger.egate.domain.declaration.CustomsDeclaration;
import org.sekisho.passenger.egate.domain.declaration.DeclarationForm;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.i18n.Messages;
import org.sekisho.platform.testing.PostgresExtension;

/** The declaration page and the kiosk API on the real server. */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class EgateWebTest {
  private EgateServer server;
  private Database db;
  private Path dataDir;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    this.db = db;
    this.dataDir = dir;
    server = new EgateServer(db, dir, Clock.systemUTC());
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  static Map<String, String> form(Travellers t) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("flight", t.declaration().flight());
    f.put("departedFrom", t.declaration().departedFrom());
    f.put("arrival", t.declaration().arrival().toString());
    f.put("surname", t.declaration().surname());
    f.put("givenNames", t.declaration().givenNames());
    f.put("nationality", t.declaration().nationality());
    f.put("birthDate", t.declaration().birthDate().toString());
    f.put("passportNumber", t.declaration().passportNumber());
    f.put("address", "東京都千代田区 ホテル関所");
    for (String q : DeclarationForm.QUESTIONS) {
      f.put(q, "no");
    }
    return f;
  }

  private static byte[] urlEncoded(Map<String, String> f) {
    return f.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"))
        .getBytes(StandardCharsets.UTF_8);
  }

  private String issueQrText() throws Exception {
    return issueQrText(form(server.traveller));
  }

  private String issueQrText(Map<String, String> form) throws Exception {
    return issueQrText(server, form);
  }

  private static String issueQrText(EgateServer server, Map<String, String> form) throws Exception {
    HttpResponse<String> page =
        server.send(
            "POST", "/declaration", null, "application/x-www-form-urlencoded", urlEncoded(form));
    assertThat(page.statusCode()).isEqualTo(200);
    Matcher m =
        Pattern.compile("<textarea id=\"qr-text\"[^>]*>([^<]+)</textarea>").matcher(page.body());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void theDeclarationPageIsPublicInEnglishAndJapanese() throws Exception {
    HttpResponse<String> en = server.send("GET", "/declaration?lang=en", null, null, null);
    assertThat(en.statusCode()).isEqualTo(200);
    assertThat(en.body()).contains("id=\"declaration-form\"").contains("Form C No. 5360");
    HttpResponse<String> ja = server.send("GET", "/declaration?lang=ja", null, null, null);
    assertThat(ja.body()).contains("携帯品・別送品申告書");
    // a family's declaration: how its members go through (each with their own passport listed
    // here and this QR, or with the declarant at a staffed counter)
    assertThat(en.body())
        .contains("each member shows their own passport and this declaration's QR code")
        .contains("id=\"familyPassports\"");
    assertThat(ja.body()).contains("ご家族それぞれがご自身の旅券とこの申告の QR コードを示します");
  }

  @Test
  void aFilledFormGivesASignedQrImageAndTextThatVerify() throws Exception {
    HttpResponse<String> page =
        server.send(
            "POST",
            "/declaration",
            null,
            "application/x-www-form-urlencoded",
            urlEncoded(form(server.traveller)));
    Matcher img =
        Pattern.compile("id=\"declaration-qr\" src=\"data:image/png;base64,([^\"]+)\"")
            .matcher(page.body());
    assertThat(img.find()).isTrue();
    byte[] png = Base64.getDecoder().decode(img.group(1));
    String text = new ZxingQrImages().read(png).orElseThrow();
    assertThat(text).startsWith("SKD1:");
    assertThat(server.context.declarations().readText(text).orElseThrow().declaration().surname())
        .isEqualTo("ERIKSSON");
  }

  @Test
  void theDeclarationPagesAreNotCachedAndTheFormIsEmptyAgainOnceTheQrIsMade() throws Exception {
    HttpResponse<String> empty = server.send("GET", "/declaration", null, null, null);
    assertThat(empty.headers().firstValue("Cache-Control")).hasValue("no-store");
    Map<String, String> f = form(server.traveller);
    f.put("phone", "+81 3 9876 5432");
    HttpResponse<String> done =
        server.send(
            "POST", "/declaration", null, "application/x-www-form-urlencoded", urlEncoded(f));
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(done.body())
        .contains("id=\"declaration-qr\"")
        .doesNotContain("value=\"" + server.traveller.declaration().passportNumber() + "\"")
        .doesNotContain("value=\"" + server.traveller.declaration().birthDate() + "\"")
        .doesNotContain("+81 3 9876 5432")
        .doesNotContain("ホテル関所");
    // a refused form keeps what was typed (to be corrected), and is not cached either
    f.put("birthDate", "soon");
    HttpResponse<String> refused =
        server.send(
            "POST", "/declaration", null, "application/x-www-form-urlencoded", urlEncoded(f));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(refused.body())
        .contains("value=\"" + server.traveller.declaration().passportNumber() + "\"");
  }

  @Test
  void theDownloadLinkSavesTheQrPngItself() throws Exception {
    HttpResponse<String> page =
        server.send(
            "POST",
            "/declaration",
            null,
            "application/x-www-form-urlencoded",
            urlEncoded(form(server.traveller)));
    Matcher link =
        Pattern.compile(
                "id=\"declaration-qr-download\" href=\"data:image/png;base64,([^\"]+)\""
                    + " download=\"declaration-qr.png\"")
            .matcher(page.body());
    assertThat(link.find()).as("download link in %s", page.body()).isTrue();
    byte[] png = Base64.getDecoder().decode(link.group(1));
    assertThat(new ZxingQrImages().read(png).orElseThrow()).startsWith("SKD1:");
  }

  @Test
  void aFormWithMistakesIsShownAgainNamingEachField() throws Exception {
    Map<String, String> f = form(server.traveller);
    f.put("birthDate", "12.04.1985");
    f.remove("surname");
    HttpResponse<String> page =
        server.send(
            "POST", "/declaration", null, "application/x-www-form-urlencoded", urlEncoded(f));
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body())
        .contains("id=\"form-errors\"")
        .contains("data-field=\"surname\"")
        .contains("data-field=\"birthDate\"")
        .doesNotContain("id=\"declaration-qr\"");
  }

  @Test
  void theJsonApiAnswersThePngAndRefusesBadFieldsWithTheFieldName() throws Exception {
    String json =
        "{\"flight\":\"NH110\",\"departedFrom\":\"SEOUL\",\"arrival\":\""
            + server.traveller.declaration().arrival()
            + "\",\"surname\":\"KIM\",\"nationality\":\"KOR\",\"birthDate\":\"1990-01-02\","
            + "\"passportNumber\":\"M12345678\",\"address\":\"HOTEL\","
            + "\"prohibited\":\"no\",\"overAllowance\":false,\"commercial\":\"no\","
            + "\"forOthers\":\"no\",\"cash\":\"no\",\"unaccompanied\":\"no\"}";
    var ok =
        server.http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(server.base + "/api/egate/declarations"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(new ZxingQrImages().read(ok.body()).orElseThrow()).startsWith("SKD1:");
    HttpResponse<String> bad =
        server.send(
            "POST",
            "/api/egate/declarations",
            null,
            "application/json",
            json.replace("1990-01-02", "soon").getBytes(StandardCharsets.UTF_8));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("\"field\":\"birthDate\"");
    // A yes/no question answered with anything but yes or no is refused, never read as "no".
    for (String[] c :
        new String[][] {
          {"\"unaccompanied\":\"no\"", "\"unaccompanied\":1", "unaccompanied"},
          {"\"prohibited\":\"no\"", "\"prohibited\":\"maybe\"", "prohibited"},
          {"\"cash\":\"no\",", "", "cash"}
        }) {
      HttpResponse<String> refused =
          server.send(
              "POST",
              "/api/egate/declarations",
              null,
              "application/json",
              json.replace(c[0], c[1]).getBytes(StandardCharsets.UTF_8));
      assertThat(refused.statusCode()).as(c[1]).isEqualTo(400);
      assertThat(refused.body()).as(c[1]).contains("\"field\":\"" + c[2] + "\"");
    }
  }

  @Test
  void theEgateApisRefuseAFieldTheyDoNotTakeNamingItTheFieldsTakenAndTheOneMeant()
      throws Exception {
    // given names sent as "givenName": never signed as if the traveller had none
    Map<String, String> f = form(server.traveller);
    f.put("givenName", f.remove("givenNames"));
    String declaration = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(f);
    HttpResponse<String> en =
        server.send(
            "POST",
            "/api/egate/declarations",
            null,
            "application/json",
            declaration.getBytes(StandardCharsets.UTF_8));
    assertThat(en.statusCode()).as(en.body()).isEqualTo(400);
    assertThat(json(en).get("error").asText()).isEqualTo("unknown-field");
    assertThat(json(en).get("field").asText()).isEqualTo("givenName");
    assertThat(json(en).get("message").asText())
        .startsWith("field \"givenName\" is not taken here: did you mean givenNames?")
        .contains("flight, departedFrom, arrival, surname, givenNames, nationality")
        .contains("goodNameN, goodQuantityN and goodValueN for the goods rows N = 1 to 10");
    HttpResponse<String> ja =
        server.send(
            "POST",
            "/api/egate/declarations?lang=ja",
            null,
            "application/json",
            declaration.replace("givenName", "middleName").getBytes(StandardCharsets.UTF_8));
    assertThat(ja.statusCode()).as(ja.body()).isEqualTo(400);
    assertThat(json(ja).get("error").asText()).isEqualTo("unknown-field");
    assertThat(json(ja).get("field").asText()).isEqualTo("middleName");
    assertThat(json(ja).get("message").asText())
        .startsWith("項目「middleName」は受け付けていません。受け付ける項目は flight, departedFrom")
        .doesNotContain("not taken");
    // a goods row past the form's last is no field of it either
    f = form(server.traveller);
    f.put("goodName11", "whisky");
    HttpResponse<String> row =
        server.send(
            "POST",
            "/api/egate/declarations",
            null,
            "application/json",
            new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(f));
    assertThat(row.statusCode()).isEqualTo(400);
    assertThat(json(row).get("field").asText()).isEqualTo("goodName11");

    // the kiosk's decision: top-level and nested fields, by their path
    String kiosk = server.token("kiosk-hnd-01");
    String good = decisionBody(issueQrText(), server.traveller.portrait());
    HttpResponse<String> face =
        server.send(
            "POST",
            "/api/egate/decisions",
            kiosk,
            "application/json",
            good.replace("\"faceImage\"", "\"faceimage\"").getBytes(StandardCharsets.UTF_8));
    assertThat(face.statusCode()).as(face.body()).isEqualTo(400);
    assertThat(json(face).get("error").asText()).isEqualTo("unknown-field");
    assertThat(json(face).get("field").asText()).isEqualTo("faceimage");
    assertThat(json(face).get("message").asText())
        .isEqualTo(
            "field \"faceimage\" is not taken here: did you mean faceImage? This route takes mrz,"
                + " chip, qrText, qrImage, faceImage, immigration, requestId");
    HttpResponse<String> purpose =
        server.send(
            "POST",
            "/api/egate/decisions?lang=ja",
            kiosk,
            "application/json",
            good.replace("\"purposeOfVisit\"", "\"purpose\"").getBytes(StandardCharsets.UTF_8));
    assertThat(purpose.statusCode()).as(purpose.body()).isEqualTo(400);
    assertThat(json(purpose).get("field").asText()).isEqualTo("immigration.purpose");
    assertThat(json(purpose).get("message").asText())
        .isEqualTo(
            "項目「purpose」はこのルートでは受け付けていません。受け付ける項目は purposeOfVisit,"
                + " intendedStayDays, deportationOrRefusalHistory, criminalConviction,"
                + " carryingProhibitedItems です");

    // an officer's outcome
    String id = referredCaptureId();
    HttpResponse<String> outcome =
        postOutcome(
            server.token("officer"),
            id,
            "{\"outcome\":\"released\",\"comment\":\"Questioned\",\"expectedVersion\":0}");
    assertThat(outcome.statusCode()).as(outcome.body()).isEqualTo(400);
    assertThat(json(outcome).get("error").asText()).isEqualTo("unknown-field");
    assertThat(json(outcome).get("field").asText()).isEqualTo("expectedVersion");
    assertThat(json(outcome).get("message").asText())
        .isEqualTo(
            "field \"expectedVersion\" is not taken here; this route takes outcome, comment,"
                + " version");
  }

  private String decisionBody(String qrText, byte[] face) {
    return decisionBody(server.traveller, qrText, face);
  }

  private static String decisionBody(Travellers t, String qrText, byte[] face) {
    return "{\"mrz\":[\""
        + t.mrz().get(0)
        + "\",\""
        + t.mrz().get(1)
        + "\"],\"chip\":"
        + t.chipJson()
        + ",\"qrText\":\""
        + qrText
        + "\",\"faceImage\":\"data:image/jpeg;base64,"
        + Base64.getEncoder().encodeToString(face)
        + "\",\"immigration\":{\"purposeOfVisit\":\"tourism\",\"intendedStayDays\":5}}";
  }

  private HttpResponse<String> decide(String body) throws Exception {
    return server.send(
        "POST",
        "/api/egate/decisions",
        server.token("kiosk-hnd-01"),
        "application/json",
        body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void malformedKioskInputIsA400NamingTheFieldNeverA500() throws Exception {
    String good = decisionBody(issueQrText(), server.traveller.portrait());
    Map<String, String> cases = new java.util.LinkedHashMap<>();
    cases.put("{\"mrz\":[null]}", "mrz[0]");
    cases.put("{\"mrz\":\"P<UTO\"}", "mrz");
    cases.put("{\"mrz\":[\"a\",\"b\"],\"chip\":\"abc\"}", "chip");
    cases.put(
        good.replace("\"intendedStayDays\":5", "\"intendedStayDays\":\"five\""),
        "immigration.intendedStayDays");
    cases.put(
        good.replace("\"intendedStayDays\":5", "\"intendedStayDays\":99999999999"),
        "immigration.intendedStayDays");
    cases.put(
        good.replace("\"intendedStayDays\":5", "\"intendedStayDays\":-5"),
        "immigration.intendedStayDays");
    cases.put(
        good.replace("\"purposeOfVisit\":\"tourism\"", "\"purposeOfVisit\":\"smuggling\""),
        "immigration.purposeOfVisit");
    cases.put("{\"mrz\":[\"a\",\"b\"],\"unknownField\":1}", "unknownField");
    long before = count("egate.immigration_outbox");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      HttpResponse<String> r = decide(c.getKey());
      assertThat(r.statusCode()).as("%s -> %s", c.getValue(), r.body()).isEqualTo(400);
      assertThat(r.body()).as(c.getValue()).contains("\"field\":\"" + c.getValue() + "\"");
    }
    assertThat(count("egate.immigration_outbox")).isEqualTo(before);
  }

  /** Rows the kiosk writes for one capture: both records and the decision's audit entry. */
  private long written() {
    return count("egate.customs_arrival")
        + count("egate.immigration_outbox")
        + db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from platform.audit_log where action = 'egate.decision'")
                        .mapTo(Long.class)
                        .one());
  }

  private String withMrz(String body, List<String> lines) throws Exception {
    String good =
        "[\"" + server.traveller.mrz().get(0) + "\",\"" + server.traveller.mrz().get(1) + "\"]";
    assertThat(body).contains(good);
    return body.replace(
        good, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(lines));
  }

  @Test
  void anMrzOfNoDoc9303ShapeIsA400NamingTheLineAndTheExpectedFormAndNothingIsWritten()
      throws Exception {
    String good = decisionBody(issueQrText(), server.traveller.portrait());
    String l1 = server.traveller.mrz().get(0);
    String l2 = server.traveller.mrz().get(1);
    // lines, field, what the message says
    Object[][] cases = {
      {List.of("abc"), "mrz", "got 1"},
      {List.of(l1), "mrz", "2 lines"},
      {List.of(l1, l2, l2), "mrz[0]", "expected 30 characters"},
      {List.of(l1.substring(0, 30), l2.substring(0, 30), l2.substring(0, 29)), "mrz[2]", "got 29"},
      {List.of(l1, l2.substring(1)), "mrz[1]", "expected 44 characters, as line 1 has, got 43"},
      {List.of(l1 + "<", l2 + "<"), "mrz[0]", "got 45"},
      {List.of(l1.substring(0, 36), l2), "mrz[1]", "expected 36 characters"},
      {List.of(l1.replace("P<UTO", "p<UTO"), l2), "mrz[0]", "character 'p' at position 1"},
      {
        List.of(l1, l2.substring(0, 20) + " " + l2.substring(21)), "mrz[1]", "U+0020 at position 21"
      },
    };
    long before = written();
    for (Object[] c : cases) {
      @SuppressWarnings("unchecked")
      List<String> lines = (List<String>) c[0];
      HttpResponse<String> r = decide(withMrz(good, lines));
      assertThat(r.statusCode()).as("%s -> %s", lines, r.body()).isEqualTo(400);
      assertThat(json(r).path("error").asText()).as(r.body()).isEqualTo("invalid-field");
      assertThat(json(r).path("field").asText()).as(r.body()).isEqualTo(c[1]);
      assertThat(json(r).path("message").asText()).as(r.body()).contains((String) c[2]);
    }
    // nothing decided: no capture, no record sent to customs or immigration, no decision audited
    assertThat(written()).isEqualTo(before);
    // in the reader's language too, same code and field
    HttpResponse<String> ja =
        server.send(
            "POST",
            "/api/egate/decisions?lang=ja",
            server.token("kiosk-hnd-01"),
            "application/json",
            withMrz(good, List.of("abc")).getBytes(StandardCharsets.UTF_8));
    assertThat(ja.statusCode()).isEqualTo(400);
    assertThat(json(ja).path("field").asText()).isEqualTo("mrz");
    assertThat(json(ja).path("message").asText()).isEqualTo(JA.get("egate.api.mrz.lines", "1"));
  }

  /**
   * Fuzz: the traveller's MRZ with characters changed, dropped, added, lines dropped or doubled. No
   * answer is a 500; a shape no Doc 9303 layout has is a 400 naming its line with nothing written;
   * any other MRZ is decided and, when its check digits, dates or codes fail, never passes.
   */
  @Test
  void noMalformedMrzIsEverPassedOrAnswered500() throws Exception {
    String good = decisionBody(issueQrText(), server.traveller.portrait());
    java.util.Random random = new java.util.Random(9303);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<<abc <>|é\t\u0000";
    org.sekisho.passenger.egate.domain.mrz.MrzParser parser =
        new org.sekisho.passenger.egate.domain.mrz.MrzParser(Clock.systemUTC());
    int refused = 0;
    int decided = 0;
    for (int n = 0; n < 60; n++) {
      List<String> lines = new java.util.ArrayList<>(server.traveller.mrz());
      int edits = 1 + random.nextInt(3);
      for (int e = 0; e < edits; e++) {
        int li = random.nextInt(lines.size());
        StringBuilder l = new StringBuilder(lines.get(li));
        switch (random.nextInt(6)) {
          case 0 ->
              l.setCharAt(
                  random.nextInt(l.length()), alphabet.charAt(random.nextInt(alphabet.length())));
          case 1 -> l.deleteCharAt(random.nextInt(l.length()));
          case 2 ->
              l.insert(
                  random.nextInt(l.length() + 1),
                  alphabet.charAt(random.nextInt(alphabet.length())));
          case 3 -> {
            // a check digit (or any digit) changed: the shape stays, the document does not verify
            int at = random.nextInt(l.length());
            l.setCharAt(at, (char) ('0' + (l.charAt(at) - '0' + 1 + random.nextInt(8)) % 10));
          }
          case 4 -> {
            if (lines.size() > 1) {
              lines.remove(li);
              continue;
            }
          }
          default -> {
            lines.add(l.toString());
            continue;
          }
        }
        lines.set(li, l.toString());
      }
      long before = written();
      HttpResponse<String> r = decide(withMrz(good, lines));
      assertThat(r.statusCode()).as("%s -> %s", lines, r.body()).isIn(200, 400);
      var shape = org.sekisho.passenger.egate.domain.mrz.MrzParser.shape(lines);
      if (shape.isPresent()) {
        refused++;
        assertThat(r.statusCode()).as("%s -> %s", lines, r.body()).isEqualTo(400);
        assertThat(json(r).path("field").asText()).isEqualTo(shape.get().field());
        assertThat(written()).as("nothing written for %s", lines).isEqualTo(before);
      } else {
        decided++;
        assertThat(r.statusCode()).as("%s -> %s", lines, r.body()).isEqualTo(200);
        var parsed = parser.parse(lines);
        boolean valid =
            parsed
                    instanceof
                    org.sekisho.core.Outcome.Accepted<
                            org.sekisho.passenger.egate.domain.mrz.MachineReadableZone>
                        a
                && a.value().valid();
        if (!valid || !lines.equals(server.traveller.mrz())) {
          assertThat(json(r).path("decision").asText())
              .as("%s", lines)
              .isEqualTo("secondary-inspection");
        }
      }
    }
    // the fuzz reached both sides
    assertThat(refused).isPositive();
    assertThat(decided).isPositive();
  }

  private static final org.sekisho.platform.i18n.Messages JA =
      new org.sekisho.platform.i18n.Messages(
          java.util.Locale.JAPANESE, java.util.List.of("i18n.egate", "i18n.platform"));

  private static com.fasterxml.jackson.databind.JsonNode json(HttpResponse<String> r)
      throws Exception {
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
  }

  @Test
  void theKioskApisFieldChecksFollowTheReadersLanguageWithTheSameCodeAndField() throws Exception {
    String good = decisionBody(issueQrText(), server.traveller.portrait());
    String kiosk = server.token("kiosk-hnd-01");
    // body, field, code, the Japanese message
    String[][] cases = {
      {"{\"mrz\":[null]}", "mrz[0]", "invalid-field", JA.get("egate.api.mrzLine")},
      {
        "{\"mrz\":[\"a\",\"b\",\"c\",\"d\"]}",
        "mrz",
        "invalid-field",
        JA.get("egate.api.mrz.lines", "4")
      },
      {"{}", "mrz", "missing-field", JA.get("egate.api.mrz")},
      {
        "{\"mrz\":\"P<UTO\"}",
        "mrz",
        "invalid-json",
        JA.get("egate.api.expected", JA.get("egate.api.type.list"))
      },
      {
        "{\"mrz\":[\"a\",\"b\"],\"unknownField\":1}",
        "unknownField",
        "unknown-field",
        JA.get(
            "egate.api.unknownField",
            "unknownField",
            "mrz, chip, qrText, qrImage, faceImage, immigration, requestId")
      },
      {
        good.replace("\"purposeOfVisit\":\"tourism\"", "\"purposeOfVisit\":\"smuggling\""),
        "immigration.purposeOfVisit",
        "invalid-field",
        JA.get("egate.api.purpose", "tourism, business, visiting relatives, transit, other")
      },
      {
        good.replace("\"intendedStayDays\":5", "\"intendedStayDays\":-5"),
        "immigration.intendedStayDays",
        "invalid-field",
        JA.get("egate.api.stay", "365")
      },
      {
        // the MRZ as read (lines of no MRZ shape are refused first, as mrz)
        good.replaceFirst("\"faceImage\":\"[^\"]*\"", "\"faceImage\":\"**not base64**\""),
        "faceImage",
        "invalid-field",
        null
      },
    };
    for (String[] c : cases) {
      HttpResponse<String> ja =
          server.send(
              "POST",
              "/api/egate/decisions?lang=ja",
              kiosk,
              "application/json",
              c[0].getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> en =
          server.send(
              "POST",
              "/api/egate/decisions?lang=en",
              kiosk,
              "application/json",
              c[0].getBytes(StandardCharsets.UTF_8));
      for (HttpResponse<String> r : java.util.List.of(ja, en)) {
        assertThat(r.statusCode()).as(c[1] + " " + r.body()).isEqualTo(400);
        assertThat(json(r).get("field").asText()).as(r.body()).isEqualTo(c[1]);
        assertThat(json(r).get("error").asText()).as(r.body()).isEqualTo(c[2]);
      }
      String message = json(ja).get("message").asText();
      if (c[3] != null) {
        assertThat(message).as(c[1]).isEqualTo(c[3]);
      } else {
        assertThat(message).as(c[1]).startsWith("Base64 で送ってください");
      }
      assertThat(json(en).get("message").asText()).as(c[1]).isNotEqualTo(message);
    }
    // the English answer is as it was: what API clients match on
    HttpResponse<String> en =
        server.send(
            "POST",
            "/api/egate/decisions",
            kiosk,
            "application/json",
            "{\"mrz\":[null]}".getBytes(StandardCharsets.UTF_8));
    assertThat(json(en).get("message").asText()).isEqualTo("expected a line of MRZ text");

    // the QR reader and the referral desk's checks too
    HttpResponse<String> noImage =
        server.send("POST", "/api/egate/qr?lang=ja", kiosk, "image/png", new byte[0]);
    assertThat(noImage.statusCode()).isEqualTo(400);
    assertThat(json(noImage).get("field").asText()).isEqualTo("image");
    assertThat(json(noImage).get("message").asText()).isEqualTo(JA.get("egate.api.image"));
    String officer = server.token("officer");
    HttpResponse<String> date =
        server.send("GET", "/api/egate/arrivals?date=soon&lang=ja", officer, null, null);
    assertThat(date.statusCode()).isEqualTo(400);
    assertThat(json(date).get("field").asText()).isEqualTo("date");
    assertThat(json(date).get("message").asText()).isEqualTo(JA.get("egate.api.date"));
    HttpResponse<String> capture =
        server.send("GET", "/api/egate/arrivals/nope?lang=ja", officer, null, null);
    assertThat(json(capture).get("field").asText()).isEqualTo("captureId");
    assertThat(json(capture).get("message").asText()).isEqualTo(JA.get("egate.api.captureId"));
  }

  @Test
  void theDeclarationApiNamesEveryFieldInTheReadersLanguage() throws Exception {
    String json =
        "{\"flight\":\"NH110\",\"departedFrom\":\"SEOUL\",\"arrival\":\""
            + server.traveller.declaration().arrival()
            + "\",\"surname\":\"KIM\",\"nationality\":\"KOR\",\"birthDate\":\"soon\","
            + "\"passportNumber\":\"M12345678\","
            + "\"prohibited\":\"no\",\"overAllowance\":false,\"commercial\":\"no\","
            + "\"forOthers\":\"no\",\"cash\":\"no\",\"unaccompanied\":\"no\"}";
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> ja =
        server.send("POST", "/api/egate/declarations?lang=ja", null, "application/json", body);
    HttpResponse<String> en =
        server.send("POST", "/api/egate/declarations", null, "application/json", body);
    for (HttpResponse<String> r : java.util.List.of(ja, en)) {
      assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
      assertThat(json(r).get("field").asText()).isEqualTo("birthDate");
      assertThat(json(r).get("error").asText()).isEqualTo("invalid-field");
      // the address is missing too: every field at once
      assertThat(json(r).get("problems").findValuesAsText("field"))
          .containsExactly("birthDate", "address");
    }
    assertThat(json(ja).get("message").asText())
        .isEqualTo(JA.get("declaration.error.dateFormat", "soon"));
    assertThat(json(ja).get("problems").get(1).get("message").asText())
        .isEqualTo(JA.get("declaration.error.required"));
    assertThat(json(en).get("message").asText())
        .isEqualTo("expected a date as YYYY-MM-DD, got soon");
  }

  @Test
  void aFamilyMemberListedOnTheHeadsDeclarationPassesWithTheirOwnPassportAndTheAuditSaysWhose()
      throws Exception {
    Travellers member = Travellers.member(server.issuer, server.traveller.declaration().arrival());
    String memberSubject = "passport:UTO:" + Travellers.MEMBER_NUMBER;
    // the head's declaration without the member's passport: the gate refers her
    HttpResponse<String> unlisted = decide(decisionBody(member, issueQrText(), member.portrait()));
    assertThat(unlisted.body()).contains("\"decision\":\"secondary-inspection\"");
    assertThat(lastDecisionDetail(memberSubject, "reasons"))
        .contains("DECLARATION_NOT_FOR_THIS_PASSPORT");
    assertThat(lastDecisionDetail(memberSubject, "declaration")).isNull();

    // listed by the head of family (one member declared): covered by the head's declaration
    Map<String, String> f = form(server.traveller);
    f.put("family6", "1");
    f.put("familyPassports", "uto " + Travellers.MEMBER_NUMBER.toLowerCase(java.util.Locale.ROOT));
    String headsQr = issueQrText(f);
    HttpResponse<String> listed = decide(decisionBody(member, headsQr, member.portrait()));
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.body()).contains("\"decision\":\"pass\"");
    assertThat(lastDecisionDetail(memberSubject, "declaration"))
        .isEqualTo("family member of passport:UTO:" + Travellers.NUMBER);
    // the head passes with the same QR, as the declarant
    HttpResponse<String> head = decide(decisionBody(headsQr, server.traveller.portrait()));
    assertThat(head.body()).contains("\"decision\":\"pass\"");
    assertThat(lastDecisionDetail("passport:UTO:" + Travellers.NUMBER, "declaration")).isNull();
  }

  @Test
  void aYesToGoodsOverTheAllowanceAsksForTheGoodsSignsThemAndTheOfficerSeesThem() throws Exception {
    HttpResponse<String> page = server.send("GET", "/declaration?lang=en", null, null, null);
    assertThat(page.body())
        .contains("id=\"goodName1\"")
        .contains("id=\"goodValue10\"")
        .doesNotContain("id=\"goodName11\"");
    Map<String, String> f = form(server.traveller);
    f.put("overAllowance", "yes");
    HttpResponse<String> none =
        server.send(
            "POST",
            "/declaration?lang=en",
            null,
            "application/x-www-form-urlencoded",
            urlEncoded(f));
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.body())
        .contains("id=\"goods-error\"")
        .contains("list the goods you carry (name, quantity and value in yen), at least one row");
    HttpResponse<String> noneJa =
        server.send(
            "POST",
            "/declaration?lang=ja",
            null,
            "application/x-www-form-urlencoded",
            urlEncoded(f));
    assertThat(noneJa.body()).contains("携帯品（品名・数量・価格（円））を1行以上記入してください");

    f.put("goodName1", "Whisky 750 ml");
    f.put("goodQuantity1", "3");
    f.put("goodValue1", "¥45,000");
    f.put("goodName2", "腕時計");
    f.put("goodQuantity2", "1");
    f.put("goodValue2", "350000");
    f.put("goodName3", "Perfume");
    f.put("goodQuantity3", "0");
    f.put("goodValue3", "a lot");
    HttpResponse<String> bad =
        server.send(
            "POST",
            "/declaration?lang=en",
            null,
            "application/x-www-form-urlencoded",
            urlEncoded(f));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body())
        .contains("Goods row 3: quantity</a>: expected a whole number from 1 to 9,999")
        .contains("Goods row 3: value in yen</a>: expected the value in yen as a whole number")
        .contains("id=\"goodQuantity3-error\"")
        .doesNotContain("id=\"goods-error\"")
        // what was typed stays
        .contains("value=\"腕時計\"");
    HttpResponse<String> api =
        server.send(
            "POST",
            "/api/egate/declarations",
            null,
            "application/json",
            ("{\"goodName3\":\"Perfume\",\"goodQuantity3\":\"x\"}")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(api.statusCode()).isEqualTo(400);
    assertThat(api.body())
        .contains("\"field\":\"goodQuantity3\"")
        .contains("\"field\":\"goodValue3\"");

    f.put("goodQuantity3", "2");
    f.put("goodValue3", "12000円");
    String qr = issueQrText(f);
    assertThat(server.context.declarations().readText(qr).orElseThrow().declaration().goods())
        .containsExactly(
            new CustomsDeclaration.Good("Whisky 750 ml", 3, 45_000),
            new CustomsDeclaration.Good("腕時計", 1, 350_000),
            new CustomsDeclaration.Good("Perfume", 2, 12_000));

    // goods to declare: the gate refers the traveller, and the officer sees what was declared
    HttpResponse<String> referred = decide(decisionBody(qr, server.traveller.portrait()));
    assertThat(referred.body()).contains("\"decision\":\"secondary-inspection\"");
    Matcher id = Pattern.compile("\"captureId\":\"([0-9a-f-]{36})\"").matcher(referred.body());
    assertThat(id.find()).isTrue();
    String officer = server.token("officer");
    String en =
        server
            .send(
                "GET", "/egate/referrals?capture=" + id.group(1) + "&lang=en", officer, null, null)
            .body();
    assertThat(en)
        .contains("id=\"declared-goods\"")
        .contains("<td>Whisky 750 ml</td><td class=\"num\">3</td><td class=\"num\">¥45,000</td>")
        .contains("<td>腕時計</td><td class=\"num\">1</td><td class=\"num\">¥350,000</td>");
    String ja =
        server
            .send(
                "GET", "/egate/referrals?capture=" + id.group(1) + "&lang=ja", officer, null, null)
            .body();
    assertThat(ja).contains("申告された携帯品").contains("12,000 円");
  }

  @Test
  void aListedMemberReferredForAnotherReasonShowsTheOfficerWhoseDeclarationCoversThem()
      throws Exception {
    Travellers member = Travellers.member(server.issuer, server.traveller.declaration().arrival());
    Map<String, String> f = form(server.traveller);
    f.put("family6", "1");
    f.put("familyPassports", "UTO " + Travellers.MEMBER_NUMBER);
    f.put("occupation", "Marine surveyor");
    f.put("phone", "+81 3-5555-0142");
    // the member's own passport and the head's QR, but the head's face at the camera
    HttpResponse<String> referred =
        decide(decisionBody(member, issueQrText(f), server.traveller.portrait()));
    assertThat(referred.body()).contains("\"decision\":\"secondary-inspection\"");
    Matcher id = Pattern.compile("\"captureId\":\"([0-9a-f-]{36})\"").matcher(referred.body());
    assertThat(id.find()).isTrue();
    String officer = server.token("officer");
    String en =
        server
            .send(
                "GET", "/egate/referrals?capture=" + id.group(1) + "&lang=en", officer, null, null)
            .body();
    assertThat(en)
        .contains("data-reason=\"FACE_MISMATCH\"")
        .doesNotContain("DECLARATION_NOT_FOR_THIS_PASSPORT")
        .contains("Covered by the declaration of")
        .contains("id=\"declared-by\">the head of family, passport UTO:" + Travellers.NUMBER + "<");
    String ja =
        server
            .send(
                "GET", "/egate/referrals?capture=" + id.group(1) + "&lang=ja", officer, null, null)
            .body();
    assertThat(ja)
        .contains("家族として含まれる申告")
        .contains("id=\"declared-by\">世帯主の旅券 UTO:" + Travellers.NUMBER + " の申告<");
    // the member's customs record keeps what the declaration says for the family, and names the
    // declarant, but not the head's address, occupation or telephone as the member's own
    String memberRecord =
        server.send("GET", "/api/egate/arrivals/" + id.group(1), officer, null, null).body();
    assertThat(memberRecord)
        .contains("\"declared_by\":\"UTO:" + Travellers.NUMBER + "\"")
        .contains("\"family_members\":\"0 aged 20+, ")
        .contains("\"declaration_answers\"")
        .contains("\"document_number\":\"" + Travellers.MEMBER_NUMBER)
        .doesNotContain("address_in_japan")
        .doesNotContain("ホテル関所")
        .doesNotContain("occupation")
        .doesNotContain("Marine surveyor")
        .doesNotContain("phone_in_japan")
        .doesNotContain("5555-0142");
    // the head's own referral names no declarant: the line is for members only
    HttpResponse<String> head =
        decide(decisionBody(Travellers.altered(issueQrText(f)), server.traveller.portrait()));
    Matcher headId = Pattern.compile("\"captureId\":\"([0-9a-f-]{36})\"").matcher(head.body());
    assertThat(headId.find()).isTrue();
    // the head passing with the same declaration keeps the head's own details
    HttpResponse<String> passed = decide(decisionBody(issueQrText(f), server.traveller.portrait()));
    assertThat(passed.body()).contains("\"decision\":\"pass\"");
    Matcher passedId = Pattern.compile("\"captureId\":\"([0-9a-f-]{36})\"").matcher(passed.body());
    assertThat(passedId.find()).isTrue();
    assertThat(
            server
                .send("GET", "/api/egate/arrivals/" + passedId.group(1), officer, null, null)
                .body())
        .contains("ホテル関所")
        .contains("\"occupation\":\"Marine surveyor\"")
        .contains("\"phone_in_japan\":\"+81 3-5555-0142\"")
        .doesNotContain("declared_by");
    assertThat(
            server
                .send(
                    "GET",
                    "/egate/referrals?capture=" + headId.group(1) + "&lang=en",
                    officer,
                    null,
                    null)
                .body())
        .doesNotContain("id=\"declared-by\"");
  }

  @Test
  void familyPassportsAreCheckedOnTheFormAndTheApi() throws Exception {
    Map<String, String> f = form(server.traveller);
    f.put("familyPassports", "UTO " + Travellers.MEMBER_NUMBER);
    // no family member declared: a passport listed is one too many
    HttpResponse<String> tooMany =
        server.send(
            "POST",
            "/declaration?lang=en",
            null,
            "application/x-www-form-urlencoded",
            urlEncoded(f));
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.body()).contains("id=\"familyPassports-error\"");
    f.put("family20", "2");
    for (String[] c :
        new String[][] {
          {"jp 12345", "familyPassport", "JP 12345"},
          {"UTO TK7654321, UTO TK7654321", "familyPassportTwice", "UTO TK7654321"},
          {"UTO " + Travellers.NUMBER, "familyPassportTwice", "UTO " + Travellers.NUMBER},
        }) {
      f.put("familyPassports", c[0]);
      String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(f);
      HttpResponse<String> r =
          server.send(
              "POST",
              "/api/egate/declarations?lang=ja",
              null,
              "application/json",
              json.getBytes(StandardCharsets.UTF_8));
      assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
      assertThat(json(r).get("field").asText()).as(c[0]).isEqualTo("familyPassports");
      assertThat(json(r).get("error").asText()).isEqualTo("invalid-field");
      assertThat(json(r).get("message").asText())
          .as(c[0])
          .isEqualTo(JA.get("declaration.error." + c[1], c[2]));
    }
  }

  /** A detail of the newest egate.decision entry about {@code subject}; null when it has none. */
  private String lastDecisionDetail(String subject, String detail) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select details::jsonb ->> :detail from platform.audit_log where action ="
                            + " 'egate.decision' and subject = :subject order by seq desc limit 1")
                    .bind("detail", detail)
                    .bind("subject", subject)
                    .mapTo(String.class)
                    .findOne()
                    .orElse(null));
  }

  @Test
  void readingADeclarationQrAtTheKioskIsAudited() throws Exception {
    String token = server.token("kiosk-hnd-01");
    long before = countAudit("egate.declaration.read");
    HttpResponse<String> r =
        server.send(
            "POST", "/api/egate/qr", token, "image/png", new ZxingQrImages().png(issueQrText()));
    assertThat(r.body()).contains("\"verified\":true");
    assertThat(countAudit("egate.declaration.read")).isEqualTo(before + 1);
    String subject =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select subject from platform.audit_log"
                                + " where action = 'egate.declaration.read' order by seq desc limit 1")
                        .mapTo(String.class)
                        .one());
    assertThat(subject).isEqualTo("passport:UTO:" + Travellers.NUMBER);
  }

  private long countAudit(String action) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("select count(*) from platform.audit_log where action = :a")
                    .bind("a", action)
                    .mapTo(Long.class)
                    .one());
  }

  @Test
  void theKioskPassesATravellerWhoseQrWasMadeOnTheDeclarationPage() throws Exception {
    String token = server.token("kiosk-hnd-01");
    HttpResponse<String> r =
        server.send(
            "POST",
            "/api/egate/decisions",
            token,
            "application/json",
            decisionBody(issueQrText(), server.traveller.portrait())
                .getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"decision\":\"pass\"");
    long customs = count("egate.customs_arrival");
    long immigration = count("egate.immigration_outbox");
    assertThat(customs).isPositive();
    assertThat(immigration).isEqualTo(customs);
  }

  @Test
  void anAlteredQrIsRefusedAndTheTravellerIsReferredWithTheReason() throws Exception {
    String token = server.token("kiosk-hnd-01");
    String altered = Travellers.altered(issueQrText());
    HttpResponse<String> r =
        server.send(
            "POST",
            "/api/egate/decisions",
            token,
            "application/json",
            decisionBody(altered, server.traveller.portrait()).getBytes(StandardCharsets.UTF_8));
    assertThat(r.body()).contains("\"decision\":\"secondary-inspection\"");
    // the reasons are read by an officer, by the capture id the kiosk showed
    Matcher id = Pattern.compile("\"captureId\":\"([0-9a-f-]{36})\"").matcher(r.body());
    assertThat(id.find()).isTrue();
    assertThat(
            server
                .send(
                    "GET",
                    "/api/egate/arrivals/" + id.group(1),
                    server.token("officer"),
                    null,
                    null)
                .body())
        .contains("DECLARATION_INVALID: ")
        .contains("qr-signature-invalid");
  }

  @Test
  void theKioskIsToldTheDecisionAndTheTravellersTextOnlyNeverTheReasonsOrTheirDetails()
      throws Exception {
    HttpResponse<String> r =
        decide(decisionBody(Travellers.altered(issueQrText()), server.traveller.portrait()));
    assertThat(r.statusCode()).isEqualTo(200);
    com.fasterxml.jackson.databind.JsonNode answer =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
    java.util.List<String> fields = new java.util.ArrayList<>();
    answer.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("captureId", "decision", "decisionText");
    assertThat(r.body())
        .doesNotContain("DECLARATION_INVALID")
        .doesNotContain("qr-signature-invalid")
        .doesNotContain("similarity")
        .doesNotContain(server.traveller.declaration().surname());
  }

  @Test
  void anOfficerSeesTheDaysReferralsWithTheirReasonsAndLooksOneUpByItsCaptureId() throws Exception {
    HttpResponse<String> referred =
        decide(decisionBody(Travellers.altered(issueQrText()), server.traveller.portrait()));
    Matcher id = Pattern.compile("\"captureId\":\"([0-9a-f-]{36})\"").matcher(referred.body());
    assertThat(id.find()).isTrue();
    String officer = server.token("officer");
    HttpResponse<String> list = server.send("GET", "/api/egate/arrivals", officer, null, null);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body())
        .contains(id.group(1))
        .contains("DECLARATION_INVALID: ")
        .contains("qr-signature-invalid");
    HttpResponse<String> one =
        server.send("GET", "/api/egate/arrivals/" + id.group(1), officer, null, null);
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(one.body()).contains("\"gate_referrals\":\"DECLARATION_INVALID: ");
    assertThat(countAudit("egate.arrival.read")).isPositive();
    assertThat(countAudit("egate.referrals.listed")).isPositive();
    // A kiosk device must not read other travellers' records.
    assertThat(
            server
                .send("GET", "/api/egate/arrivals", server.token("kiosk-hnd-01"), null, null)
                .statusCode())
        .isEqualTo(403);
    assertThat(
            server.send("GET", "/api/egate/arrivals?date=2026-02-30", officer, null, null).body())
        .contains("\"field\":\"date\"");
  }

  @Test
  void aReferralIsItsOfficesAnotherOfficeNeitherReadsNorRecordsAndHeadquartersReadsOnly()
      throws Exception {
    String id = referredCaptureId();
    String yokohama = server.token("yokohama");
    String hq = server.token("hq");
    String ok = "{\"outcome\":\"released\",\"comment\":\"Questioned\",\"version\":0}";
    // another office: not in its list, not readable by id, no outcome recorded
    assertThat(server.send("GET", "/api/egate/arrivals", yokohama, null, null).body())
        .doesNotContain(id);
    HttpResponse<String> read =
        server.send("GET", "/api/egate/arrivals/" + id, yokohama, null, null);
    assertThat(read.statusCode()).isEqualTo(403);
    assertThat(read.body()).contains("\"field\":\"captureId\"").contains("HND");
    assertThat(postOutcome(yokohama, id, ok).statusCode()).isEqualTo(403);
    HttpResponse<String> page =
        server.send("GET", "/egate/referrals?capture=" + id, yokohama, null, null);
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).doesNotContain("id=\"arrival\"");
    // headquarters: reads every office's, records none
    assertThat(server.send("GET", "/api/egate/arrivals", hq, null, null).body()).contains(id);
    assertThat(server.send("GET", "/api/egate/arrivals/" + id, hq, null, null).statusCode())
        .isEqualTo(200);
    HttpResponse<String> refused = postOutcome(hq, id, ok);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("reads it only");
    String hqPage =
        server.send("GET", "/egate/referrals?capture=" + id + "&lang=en", hq, null, null).body();
    assertThat(hqPage).contains("id=\"read-only\"").doesNotContain("id=\"outcome-form\"");
    // the office whose kiosk received the traveller: records
    HttpResponse<String> recorded = postOutcome(server.token("inspector"), id, ok);
    assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
    assertThat(server.send("GET", "/api/egate/arrivals/" + id, hq, null, null).body())
        .contains("\"kiosk_office\":\"HND\"")
        .contains("\"officer\":\"inspector\"");
  }

  @Test
  void whoMayNotRecordAnOutcomeIsToldSoBeforeAnythingAboutTheVersion() throws Exception {
    String id = referredCaptureId();
    // no version: the office whose kiosk received the traveller is asked for it (428, as targeting)
    String noVersion = "{\"outcome\":\"released\",\"comment\":\"Questioned\"}";
    HttpResponse<String> own = postOutcome(server.token("officer"), id, noVersion);
    assertThat(own.statusCode()).isEqualTo(428);
    assertThat(own.body()).contains("\"field\":\"version\"");
    // headquarters and another office are refused for the office first, whatever the version
    for (String user : List.of("hq", "yokohama")) {
      for (String body :
          List.of(noVersion, "{\"outcome\":\"released\",\"comment\":\"Q\",\"version\":7}")) {
        HttpResponse<String> r = postOutcome(server.token(user), id, body);
        assertThat(r.statusCode()).as(user + " " + body + ": " + r.body()).isEqualTo(403);
        assertThat(r.body()).contains("\"field\":\"captureId\"").doesNotContain("reload");
      }
    }
    // the form as well: headquarters reads the referral, so it is answered on the page
    HttpResponse<String> form =
        server.send(
            "POST",
            "/egate/referrals/" + id + "/outcome?lang=en",
            server.token("hq"),
            "application/x-www-form-urlencoded",
            "outcome=released&comment=Questioned".getBytes(StandardCharsets.UTF_8));
    assertThat(form.statusCode()).as(form.body()).isEqualTo(403);
    assertThat(form.body())
        .contains("only that office's officers")
        .doesNotContain("reload the page");
    long refused =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from platform.audit_log where action ="
                                + " 'egate.referral.outcome.refused' and subject = :s and"
                                + " details::jsonb ->> 'problem' = 'forbidden'")
                        .bind("s", "egate:capture:" + id)
                        .mapTo(Long.class)
                        .one());
    assertThat(refused).isEqualTo(5);
  }

  /** The details of the latest audit entry {@code action} by {@code actor} on {@code subject}. */
  private List<String> auditDetails(String action, String actor, String subject) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select details::jsonb::text from platform.audit_log where action = :a"
                            + " and actor = :u and subject = :s order by seq")
                    .bind("a", action)
                    .bind("u", actor)
                    .bind("s", subject)
                    .mapTo(String.class)
                    .list());
  }

  @Test
  void anotherOfficesRefusedReadIsAuditedNamingWhoTheCaptureAskedForAndWhy() throws Exception {
    String id = referredCaptureId();
    String yokohama = server.token("yokohama");
    String subject = "egate:capture:" + id;
    // the API: 403, and the refusal is written down with the capture asked for and why
    assertThat(server.send("GET", "/api/egate/arrivals/" + id, yokohama, null, null).statusCode())
        .isEqualTo(403);
    List<String> api = auditDetails("egate.arrival.read.refused", "yokohama", subject);
    assertThat(api).hasSize(1);
    assertThat(api.get(0))
        .contains("\"capture\": \"" + id + "\"")
        .contains("\"problem\": \"forbidden\"")
        .contains("\"office\": \"JPYOK\"")
        .contains("\"ip\"")
        .doesNotContain(server.traveller.declaration().passportNumber());
    // the page's look-up: refused beside the field, audited as refused, and the list shown
    // beside it names the capture asked for
    HttpResponse<String> page =
        server.send("GET", "/egate/referrals?capture=" + id, yokohama, null, null);
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(auditDetails("egate.arrival.read.refused", "yokohama", subject)).hasSize(2);
    String listed =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select details::jsonb ->> 'asked' from platform.audit_log where"
                                + " action = 'egate.referrals.listed' and actor = 'yokohama'"
                                + " order by seq desc limit 1")
                        .mapTo(String.class)
                        .one());
    assertThat(listed).isEqualTo(id);
    // the outcome form reads the referral first: refused and audited as a read as well
    HttpResponse<String> form =
        server.send(
            "POST",
            "/egate/referrals/" + id + "/outcome",
            yokohama,
            "application/x-www-form-urlencoded",
            "outcome=released&comment=Q&version=0".getBytes(StandardCharsets.UTF_8));
    assertThat(form.statusCode()).isEqualTo(403);
    assertThat(auditDetails("egate.arrival.read.refused", "yokohama", subject)).hasSize(3);
    // a capture id no record has: 404, audited with the id asked for
    String none = "00000000-0000-4000-8000-000000000000";
    assertThat(server.send("GET", "/api/egate/arrivals/" + none, yokohama, null, null).statusCode())
        .isEqualTo(404);
    assertThat(auditDetails("egate.arrival.read.refused", "yokohama", "egate:capture:" + none))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("\"problem\": \"not-found\"");
  }

  @Test
  void theOutcomeApisRefusalsAndTheArrivalsListReadInTheReadersLanguageWithNoMessageKey()
      throws Exception {
    String id = referredCaptureId();
    String hq = server.token("hq");
    String ok = "{\"outcome\":\"released\",\"comment\":\"Questioned\",\"version\":0}";
    // headquarters may not record: told so in Japanese, code and field unchanged
    HttpResponse<String> ja =
        server.send(
            "POST",
            "/api/egate/arrivals/" + id + "/outcome?lang=ja",
            hq,
            "application/json",
            ok.getBytes(StandardCharsets.UTF_8));
    assertThat(ja.statusCode()).isEqualTo(403);
    assertThat(ja.body())
        .contains("\"error\":\"forbidden\"")
        .contains("\"field\":\"captureId\"")
        .contains("官署 HND のキオスク")
        .contains("官署 HQ は閲覧のみ")
        .doesNotContain("only that office");
    // in English as before, byte for byte
    assertThat(postOutcome(hq, id, ok).body())
        .contains(
            "received at office HND's kiosk: only that office's officers and inspectors record"
                + " its outcome; office HQ reads it only");
    // a stale version: the latest outcome named in Japanese, its time as people in Japan read it
    assertThat(postOutcome(server.token("officer"), id, ok).statusCode()).isEqualTo(201);
    HttpResponse<String> stale =
        server.send(
            "POST",
            "/api/egate/arrivals/" + id + "/outcome?lang=ja",
            server.token("inspector"),
            "application/json",
            ok.getBytes(StandardCharsets.UTF_8));
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(stale.body())
        .contains("\"error\":\"conflict\"")
        .contains("\"field\":\"version\"")
        .contains("版 1")
        .contains("質問の上、許可")
        .containsPattern("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} JST")
        .doesNotContain("not 0")
        .doesNotContainPattern("T[0-9:.]+Z");
    assertThat(postOutcome(server.token("inspector"), id, ok).body())
        .contains("the referral is at version 1, not 0 (latest: version 1, released by officer at")
        .containsPattern("at [0-9-]+T[0-9:.]+Z\\); reload it");
    // the list and the record: the decision, the family and the details in Japanese, no key
    for (String path :
        List.of("/api/egate/arrivals?lang=ja", "/api/egate/arrivals/" + id + "?lang=ja")) {
      String body = server.send("GET", path, server.token("officer"), null, null).body();
      assertThat(body)
          .as(path)
          .contains(id)
          .contains("\"gate_decision\":\"検査場へ誘導")
          .doesNotContain("secondary inspection")
          .doesNotContain("aged 20+")
          .doesNotContain("\\tdetail.")
          .doesNotContain("\"detail.");
    }
    // the reviewer's record: no face model, family counted; in Japanese every text worded
    ReferralDesk.Arrival noModel =
        new ReferralDesk.Arrival(
            Map.of(
                "capture_id", id,
                "gate_decision", "secondary inspection: FACE_NOT_COMPARED",
                "family_members", "0 aged 20+, 0 aged 6-19, 0 under 6",
                "gate_referrals", "FACE_NOT_COMPARED: no face model configured",
                "gate_referral_details", "FACE_NOT_COMPARED\tdetail.face.noModel"),
            org.sekisho.passenger.egate.domain.referral.GateReferrals.parse(
                "FACE_NOT_COMPARED: no face model configured",
                "FACE_NOT_COMPARED\tdetail.face.noModel"),
            List.of());
    Messages japanese =
        new Messages(Locale.JAPANESE, List.of("i18n.egate"), java.time.ZoneId.of("Asia/Tokyo"));
    Map<String, Object> worded = EgateWeb.recordJson(noModel, japanese);
    assertThat(worded.get("gate_decision")).isEqualTo("検査場へ誘導: 顔を旅券の写真と照合できませんでした");
    assertThat(worded.get("family_members")).isEqualTo("20歳以上 0 名、6歳以上20歳未満 0 名、6歳未満 0 名");
    assertThat(worded.get("gate_referral_details").toString())
        .startsWith("FACE_NOT_COMPARED\t")
        .doesNotContain("detail.")
        .doesNotContain("no face model");
    assertThat(worded.get("gate_referrals").toString())
        .startsWith("FACE_NOT_COMPARED: ")
        .doesNotContain("no face model");
    Map<String, Object> english =
        EgateWeb.recordJson(
            noModel,
            new Messages(Locale.ENGLISH, List.of("i18n.egate"), java.time.ZoneId.of("Asia/Tokyo")));
    assertThat(english.get("gate_decision")).isEqualTo("secondary inspection: FACE_NOT_COMPARED");
    assertThat(english.get("gate_referral_details"))
        .isEqualTo("FACE_NOT_COMPARED\tno face model configured");
    // in English the record's own decision, and still no message key
    String en =
        server.send("GET", "/api/egate/arrivals/" + id, server.token("officer"), null, null).body();
    assertThat(en)
        .contains("\"gate_decision\":\"secondary inspection: ")
        .contains("\"gate_referral_details\":\"DECLARATION_INVALID\\t")
        .doesNotContain("\\tdetail.");
  }

  @Test
  void aListOfReferralsIsAuditedWithTheCaptureIdsShownAndNoNameOrPassport() throws Exception {
    String id = referredCaptureId();
    for (String path : List.of("/api/egate/arrivals", "/egate/referrals")) {
      for (String user : List.of("officer", "hq")) {
        HttpResponse<String> r = server.send("GET", path, server.token(user), null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains(id);
        String details =
            db.jdbi()
                .withHandle(
                    h ->
                        h.createQuery(
                                "select details from platform.audit_log where action ="
                                    + " 'egate.referrals.listed' and actor = :a order by seq desc"
                                    + " limit 1")
                            .bind("a", user)
                            .mapTo(String.class)
                            .one());
        assertThat(details)
            .as(path + " " + user)
            .contains(id)
            .contains("\"captures\"")
            .contains("\"ip\"")
            .doesNotContain(server.traveller.declaration().surname())
            .doesNotContain(server.traveller.declaration().passportNumber());
      }
    }
    // another office's list shows no HND referral, and its entry names none
    assertThat(
            server.send("GET", "/api/egate/arrivals", server.token("yokohama"), null, null).body())
        .doesNotContain(id);
    String other =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select details from platform.audit_log where action ="
                                + " 'egate.referrals.listed' and actor = 'yokohama' order by seq"
                                + " desc limit 1")
                        .mapTo(String.class)
                        .one());
    assertThat(other).doesNotContain(id).contains("captures");
  }

  @Test
  void reasonDetailsReadInTheReadersLanguageAndAMismatchShowsBothSidesLabelled() throws Exception {
    Map<String, String> other = form(server.traveller);
    other.put("passportNumber", "TK7654321");
    other.put("surname", "TANAKA");
    other.put("givenNames", "HANAKO");
    HttpResponse<String> referred =
        decide(decisionBody(issueQrText(other), server.traveller.portrait()));
    Matcher id = Pattern.compile("\"captureId\":\"([0-9a-f-]{36})\"").matcher(referred.body());
    assertThat(id.find()).isTrue();
    String officer = server.token("officer");
    String ja =
        server
            .send(
                "GET", "/egate/referrals?capture=" + id.group(1) + "&lang=ja", officer, null, null)
            .body();
    assertThat(ja)
        .contains("data-reason=\"DECLARATION_NOT_FOR_THIS_PASSPORT\"")
        .contains("申告書: TANAKA HANAKO")
        .contains("旅券番号 TK7654321")
        .contains("提示された旅券: ERIKSSON")
        .contains("旅券番号 " + server.traveller.declaration().passportNumber())
        .contains("旅券番号、姓、名 が異なります")
        .doesNotContain("differs in")
        .doesNotContain("declaration names")
        // the gate's decision and the declaration's answers as kept for the customs arrival
        // system, worded for the reader
        .containsPattern("id=\"gate-decision\">検査場へ誘導: [^<]+</dd>")
        .doesNotContain("secondary inspection")
        .doesNotContain("prohibited=");
    assertThat(ja).contains("輸入禁止・規制品: いいえ").contains("20歳以上 0 名");
    String en =
        server
            .send(
                "GET", "/egate/referrals?capture=" + id.group(1) + "&lang=en", officer, null, null)
            .body();
    assertThat(en)
        .contains("differs in passport number, surname, given names.")
        .contains("Declaration: TANAKA HANAKO")
        .contains("Passport presented: ERIKSSON");
    // a refused QR's detail: worded by its problem code in Japanese, the code kept to be quoted
    HttpResponse<String> altered =
        decide(decisionBody(Travellers.altered(issueQrText()), server.traveller.portrait()));
    Matcher alteredId =
        Pattern.compile("\"captureId\":\"([0-9a-f-]{36})\"").matcher(altered.body());
    assertThat(alteredId.find()).isTrue();
    String jaAltered =
        server
            .send(
                "GET",
                "/egate/referrals?capture=" + alteredId.group(1) + "&lang=ja",
                officer,
                null,
                null)
            .body();
    assertThat(jaAltered)
        .contains("署名を検証できません（QR コードが改ざんまたは偽造されています）")
        .contains("qr-signature-invalid");
  }

  @Test
  void whenThePassportIsNotReadTheRowNamesTheTravellerFromTheVerifiedDeclaration()
      throws Exception {
    // the kiosk API refuses such lines (a misread to try again: 400); a client of the check-in
    // itself, such as the bench, may still hand them over, and the gate then refers the traveller
    String qr = issueQrText();
    List<String> unread = List.of("NOT AN MRZ LINE", server.traveller.mrz().get(1));
    var result =
        server
            .context
            .kiosk()
            .checkIn(
                new org.sekisho.passenger.egate.application.KioskCheckIn.Capture(
                    unread,
                    java.util.Optional.empty(),
                    java.util.Optional.of(qr),
                    null,
                    null,
                    new org.sekisho.passenger.egate.domain.kiosk.ImmigrationAnswers(
                        "tourism", 5, false, false, false)),
                new org.sekisho.passenger.egate.application.KioskCheckIn.Kiosk(
                    "kiosk-hnd-01", "customs-jp", "HND"));
    Matcher id = Pattern.compile("(.+)").matcher(result.captureId());
    assertThat(id.find()).isTrue();
    String officer = server.token("officer");
    String list = server.send("GET", "/egate/referrals?lang=en", officer, null, null).body();
    Matcher row =
        Pattern.compile(
                "<tr class=\"referral\" data-capture=\"" + id.group(1) + "\">(.*?)</tr>",
                Pattern.DOTALL)
            .matcher(list);
    assertThat(row.find()).as(list).isTrue();
    assertThat(row.group(1))
        .contains(server.traveller.declaration().surname())
        .contains("name on the declaration; passport not read");
    // the API words each reason in the reader's language too
    assertThat(
            server
                .send("GET", "/api/egate/arrivals/" + id.group(1) + "?lang=ja", officer, null, null)
                .body())
        .contains("\"reason\":\"DOCUMENT_INVALID\"")
        .contains("機械読取領域を読み取れません");
  }

  private String referredCaptureId() throws Exception {
    HttpResponse<String> referred =
        decide(decisionBody(Travellers.altered(issueQrText()), server.traveller.portrait()));
    Matcher id = Pattern.compile("\"captureId\":\"([0-9a-f-]{36})\"").matcher(referred.body());
    assertThat(id.find()).isTrue();
    return id.group(1);
  }

  private HttpResponse<String> postOutcome(String token, String id, String json) throws Exception {
    return server.send(
        "POST",
        "/api/egate/arrivals/" + id + "/outcome",
        token,
        "application/json",
        json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anOfficerRecordsAReferralsOutcomeAndACorrectionMustNameTheVersionItWasTakenOn()
      throws Exception {
    String id = referredCaptureId();
    String officer = server.token("officer");
    String inspector = server.token("inspector");
    HttpResponse<String> first =
        postOutcome(
            officer,
            id,
            "{\"outcome\":\"released\",\"comment\":\"Questioned; QR made again\",\"version\":0}");
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(first.body()).contains("\"version\":1").contains("\"officer\":\"officer\"");
    // The inspector's page was opened before the officer recorded: refused, not overwritten.
    HttpResponse<String> stale =
        postOutcome(inspector, id, "{\"outcome\":\"seizure\",\"comment\":\"cash\",\"version\":0}");
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(stale.body()).contains("\"field\":\"version\"").contains("by officer");
    HttpResponse<String> correction =
        postOutcome(
            inspector,
            id,
            "{\"outcome\":\"examination\",\"comment\":\"sent to x-ray\",\"version\":1}");
    assertThat(correction.statusCode()).isEqualTo(201);
    HttpResponse<String> one = server.send("GET", "/api/egate/arrivals/" + id, officer, null, null);
    assertThat(one.body())
        .contains("\"version\":2")
        .contains("Questioned; QR made again")
        .contains("sent to x-ray");
    HttpResponse<String> day = server.send("GET", "/api/egate/arrivals", officer, null, null);
    assertThat(day.body())
        .contains("\"zone\":\"Asia/Tokyo\"")
        .contains("\"outcome\":{\"version\":2,\"outcome\":\"examination\"");
    // Audited by ids: the capture, the outcome code and the version; no comment, no name.
    String details =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select string_agg(subject || ' ' || details, ' | ') from"
                                + " platform.audit_log where action = 'egate.referral.outcome'"
                                + " and subject = :s")
                        .bind("s", "egate:capture:" + id)
                        .mapTo(String.class)
                        .one());
    assertThat(details)
        .contains("released")
        .contains("examination")
        .doesNotContain("Questioned")
        .doesNotContain("x-ray")
        .doesNotContain("ERIKSSON")
        .doesNotContain("Ken Mori");
    assertThat(countAudit("egate.referral.outcome.refused")).isPositive();
  }

  /**
   * As targeting's decisions: an outcome naming no version is a missing precondition (428, with the
   * version now), and a version that is not a JSON whole number (a string, a fraction) a 400 naming
   * the field and the form expected; neither records anything.
   */
  @Test
  void anOutcomeWithoutItsVersionIs428AndAVersionNotAWholeJsonNumberIs400() throws Exception {
    String id = referredCaptureId();
    String officer = server.token("officer");
    for (String body :
        List.of(
            "{\"outcome\":\"seizure\",\"comment\":\"x\"}",
            "{\"outcome\":\"seizure\",\"comment\":\"x\",\"version\":null}")) {
      HttpResponse<String> r = postOutcome(officer, id, body);
      assertThat(r.statusCode()).as(body + " -> " + r.body()).isEqualTo(428);
      assertThat(json(r).path("error").asText()).isEqualTo("precondition-required");
      assertThat(json(r).path("field").asText()).isEqualTo("version");
      assertThat(json(r).path("version").asInt(-1)).isZero();
      assertThat(json(r).path("message").asText())
          .contains("GET /api/egate/arrivals/" + id)
          .doesNotContain("reload the page");
    }
    Map<String, String> got =
        Map.of(
            "\"1\"", "got a string",
            "\"0\"", "got a string",
            "1.5", "got 1.5",
            "-1", "got -1",
            "true", "got true or false",
            "99999999999", "got 99999999999");
    for (var e : got.entrySet()) {
      String body = "{\"outcome\":\"seizure\",\"comment\":\"x\",\"version\":" + e.getKey() + "}";
      HttpResponse<String> r = postOutcome(officer, id, body);
      assertThat(r.statusCode()).as(body + " -> " + r.body()).isEqualTo(400);
      assertThat(json(r).path("error").asText()).isEqualTo("invalid-field");
      assertThat(json(r).path("field").asText()).isEqualTo("version");
      assertThat(json(r).path("message").asText())
          .as(body)
          .contains("whole JSON number from 0")
          .endsWith(e.getValue());
    }
    HttpResponse<String> ja =
        server.send(
            "POST",
            "/api/egate/arrivals/" + id + "/outcome?lang=ja",
            officer,
            "application/json",
            "{\"outcome\":\"seizure\",\"comment\":\"x\",\"version\":\"1\"}"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(ja.statusCode()).isEqualTo(400);
    assertThat(json(ja).path("message").asText())
        .isEqualTo(JA.get("egate.api.version-type", JA.get("egate.api.type.string")));
    HttpResponse<String> jaMissing =
        server.send(
            "POST",
            "/api/egate/arrivals/" + id + "/outcome?lang=ja",
            officer,
            "application/json",
            "{\"outcome\":\"seizure\",\"comment\":\"x\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(jaMissing.statusCode()).isEqualTo(428);
    assertThat(json(jaMissing).path("message").asText())
        .isEqualTo(JA.get("egate.api.version-required", id));
    // nothing recorded
    assertThat(server.send("GET", "/api/egate/arrivals/" + id, officer, null, null).body())
        .contains("\"version\":0")
        .contains("\"outcomes\":[]");
  }

  /**
   * The reviewer's arrival read in Japanese: the "declaration:" field name, the declaration's
   * signature and the decision are worded, the stable codes kept.
   */
  @Test
  void anArrivalReadInJapaneseHasNoEnglishInTheSignatureOrTheProblemsField() throws Exception {
    String officer = server.token("officer");
    // no QR shown: DECLARATION_INVALID, field "declaration"
    String noQr =
        decisionBody(issueQrText(), server.traveller.portrait())
            .replaceFirst("\"qrText\":\"[^\"]*\",", "");
    String noQrId = json(decide(noQr)).path("captureId").asText();
    var ja =
        json(server.send("GET", "/api/egate/arrivals/" + noQrId + "?lang=ja", officer, null, null));
    String detail = "";
    for (var r : ja.path("reasons")) {
      if (r.path("reason").asText().equals("DECLARATION_INVALID")) {
        detail = r.path("detail").asText();
      }
    }
    assertThat(detail)
        .isEqualTo("申告書: 申告 QR コードが提示されていません（qr-missing）")
        .doesNotContain("declaration");
    assertThat(ja.path("gate_referrals").asText()).doesNotContain("declaration:");
    assertThat(ja.path("declaration_signature").asText())
        .isEqualTo("不受理: 申告 QR コードが提示されていません（qr-missing）");
    // a verified declaration, the traveller referred for another reason (the chip not read)
    String noChip =
        decisionBody(issueQrText(), server.traveller.portrait())
            .replaceFirst("\"chip\":\\{.*?\\},\"qrText\"", "\"qrText\"");
    String verifiedId = json(decide(noChip)).path("captureId").asText();
    var verified =
        json(
            server.send(
                "GET", "/api/egate/arrivals/" + verifiedId + "?lang=ja", officer, null, null));
    assertThat(verified.path("declaration_signature").asText())
        .startsWith("検証済み（鍵 ")
        .doesNotContain("verified")
        .doesNotContain("signed");
    // English keeps the record's own text
    var en =
        json(
            server.send(
                "GET", "/api/egate/arrivals/" + verifiedId + "?lang=en", officer, null, null));
    assertThat(en.path("declaration_signature").asText()).startsWith("verified (key ");
  }

  @Test
  void aBadOutcomeIsA400NamingTheFieldAndOnlyOfficersAndInspectorsMayRecordOne() throws Exception {
    String id = referredCaptureId();
    String officer = server.token("officer");
    Map<String, String> fieldOf =
        Map.of(
            "{\"outcome\":\"let-go\",\"comment\":\"x\",\"version\":0}", "outcome",
            "{\"outcome\":\"seizure\",\"comment\":\"  \",\"version\":0}", "comment",
            "{\"outcome\":\"seizure\",\"comment\":\"x\",\"version\":\"two\"}", "version",
            "{\"outcome\":\"seizure\",\"comment\":\"x\",\"version\":0,\"by\":\"me\"}", "by");
    for (var e : fieldOf.entrySet()) {
      HttpResponse<String> r = postOutcome(officer, id, e.getKey());
      assertThat(r.statusCode()).as(e.getKey()).isEqualTo(400);
      assertThat(r.body()).as(e.getKey()).contains("\"field\":\"" + e.getValue() + "\"");
    }
    // in the reader's language, with the codes an outcome may take
    HttpResponse<String> ja =
        server.send(
            "POST",
            "/api/egate/arrivals/" + id + "/outcome?lang=ja",
            officer,
            "application/json",
            "{\"outcome\":\"let-go\",\"comment\":\"x\",\"version\":0}"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(ja.statusCode()).isEqualTo(400);
    assertThat(ja.body())
        .contains("\"field\":\"outcome\"")
        .contains("対応の結果を選択してください")
        .contains("released");
    HttpResponse<String> badId =
        postOutcome(
            officer, "not-a-capture", "{\"outcome\":\"seizure\",\"comment\":\"x\",\"version\":0}");
    assertThat(badId.statusCode()).isEqualTo(400);
    assertThat(badId.body()).contains("\"field\":\"captureId\"");
    assertThat(
            postOutcome(
                    officer,
                    "00000000-0000-4000-8000-000000000000",
                    "{\"outcome\":\"seizure\",\"comment\":\"x\",\"version\":0}")
                .statusCode())
        .isEqualTo(404);
    for (String who : new String[] {"kiosk-hnd-01", "analyst"}) {
      assertThat(
              postOutcome(
                      server.token(who),
                      id,
                      "{\"outcome\":\"seizure\",\"comment\":\"x\",\"version\":0}")
                  .statusCode())
          .as(who)
          .isEqualTo(403);
    }
    assertThat(server.send("GET", "/api/egate/arrivals/" + id, officer, null, null).body())
        .contains("\"version\":0")
        .contains("\"outcomes\":[]");
  }

  @Test
  void theReferralsPageShowsTheDaysReferralsInTheReadersLanguageWithTokyoTimesToStaffOnly()
      throws Exception {
    String id = referredCaptureId();
    String officer = server.token("officer");
    String capturedAt =
        server
            .send("GET", "/api/egate/arrivals/" + id, officer, null, null)
            .body()
            .replaceAll("(?s).*\"captured_at\":\"([^\"]+)\".*", "$1");
    String tokyo =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", java.util.Locale.ROOT)
            .format(java.time.Instant.parse(capturedAt).atZone(java.time.ZoneId.of("Asia/Tokyo")));
    long listed = countAudit("egate.referrals.listed");
    HttpResponse<String> ja = server.send("GET", "/egate/referrals?lang=ja", officer, null, null);
    assertThat(ja.statusCode()).isEqualTo(200);
    assertThat(ja.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(ja.body())
        .contains("電子申告ゲートからの回付")
        .contains("data-capture=\"" + id + "\"")
        .contains("申告QRコードが受け付けられません")
        .contains("qr-signature-invalid")
        .contains("時刻は日本時間")
        .doesNotContain("Asia/Tokyo")
        .contains("<td class=\"time\">" + tokyo)
        .contains("href=\"/egate/referrals\"");
    assertThat(countAudit("egate.referrals.listed")).isEqualTo(listed + 1);
    long read = countAudit("egate.arrival.read");
    HttpResponse<String> one =
        server.send(
            "GET", "/egate/referrals?lang=en&capture=" + id.toUpperCase(), officer, null, null);
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(one.body())
        .contains("id=\"outcome-form\"")
        .contains("The declaration QR code was refused")
        .contains("Awaiting outcome")
        .doesNotContain("<img");
    assertThat(countAudit("egate.arrival.read")).isEqualTo(read + 1);
    HttpResponse<String> badId =
        server.send("GET", "/egate/referrals?lang=en&capture=cc3acc5f", officer, null, null);
    assertThat(badId.statusCode()).isEqualTo(400);
    assertThat(badId.body()).contains("id=\"capture-error\"").contains("Capture id:");
    HttpResponse<String> badDay =
        server.send("GET", "/egate/referrals?lang=en&date=2026-02-30", officer, null, null);
    assertThat(badDay.statusCode()).isEqualTo(400);
    assertThat(badDay.body()).contains("id=\"date-error\"").contains("Day:");
    assertThat(
            server
                .send(
                    "GET",
                    "/egate/referrals?capture=00000000-0000-4000-8000-000000000000",
                    officer,
                    null,
                    null)
                .statusCode())
        .isEqualTo(404);
    assertThat(
            server
                .send("GET", "/egate/referrals", server.token("inspector"), null, null)
                .statusCode())
        .isEqualTo(200);
    for (String who : new String[] {"kiosk-hnd-01", "analyst"}) {
      assertThat(server.send("GET", "/egate/referrals", server.token(who), null, null).statusCode())
          .as(who)
          .isEqualTo(403);
    }
    // The analyst's navigation has no entry for the page.
    assertThat(server.send("GET", "/declaration", server.token("analyst"), null, null).body())
        .doesNotContain("href=\"/egate/referrals\"");
  }

  @Test
  void theQrEndpointReadsACameraFrameAndSaysWhetherItVerifies() throws Exception {
    String token = server.token("kiosk-hnd-01");
    String text = issueQrText();
    HttpResponse<String> good =
        server.send("POST", "/api/egate/qr", token, "image/png", new ZxingQrImages().png(text));
    assertThat(good.body()).contains("\"found\":true").contains("\"verified\":true");
    HttpResponse<String> forged =
        server.send(
            "POST",
            "/api/egate/qr",
            token,
            "image/png",
            new ZxingQrImages().png(Travellers.altered(text)));
    assertThat(forged.body())
        .contains("\"verified\":false")
        .contains("\"code\":\"qr-signature-invalid\"");
    HttpResponse<String> none =
        server.send("POST", "/api/egate/qr", token, "image/png", new byte[] {1, 2, 3});
    assertThat(none.body()).contains("\"found\":false").contains("qr-image-unreadable");
    // why a code does not verify, in the reader's language; the code unchanged
    HttpResponse<String> forgedJa =
        server.send(
            "POST",
            "/api/egate/qr?lang=ja",
            token,
            "image/png",
            new ZxingQrImages().png(Travellers.altered(text)));
    assertThat(json(forgedJa).get("problem").get("code").asText())
        .isEqualTo("qr-signature-invalid");
    assertThat(json(forgedJa).get("problem").get("message").asText())
        .isEqualTo("署名を検証できません。QR コードが書き換えられたか、偽造されています。");
    HttpResponse<String> noneJa =
        server.send("POST", "/api/egate/qr?lang=ja", token, "image/png", new byte[] {1, 2, 3});
    assertThat(json(noneJa).get("problem").get("message").asText())
        .isEqualTo("画像として読めません（PNG、JPEG、BMP、GIF のいずれか）。");
    HttpResponse<String> notOurs =
        server.send(
            "POST",
            "/api/egate/qr?lang=ja",
            token,
            "image/png",
            new ZxingQrImages().png("https://example.com/"));
    assertThat(json(notOurs).get("problem").get("message").asText())
        .isEqualTo("税関申告の QR コード（SKD1: で始まる）ではありません。");
    assertThat(json(forged).get("problem").get("message").asText()).doesNotContain("署名");
  }

  @Test
  void onlyKioskDevicesMayCallTheKiosk() throws Exception {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    assertThat(
            server
                .send("POST", "/api/egate/decisions", null, "application/json", body)
                .statusCode())
        .isEqualTo(401);
    assertThat(
            server
                .send(
                    "POST",
                    "/api/egate/decisions",
                    server.token("analyst"),
                    "application/json",
                    body)
                .statusCode())
        .isEqualTo(403);
    // a person is no kiosk: an inspector signs in to receive referrals, not to act as a device
    assertThat(
            server
                .send(
                    "POST",
                    "/api/egate/decisions",
                    server.token("inspector"),
                    "application/json",
                    body)
                .statusCode())
        .isEqualTo(403);
    assertThat(
            server
                .send("GET", "/api/egate/arrivals", server.token("inspector"), null, null)
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> noMrz =
        server.send(
            "POST", "/api/egate/decisions", server.token("kiosk-hnd-01"), "application/json", body);
    assertThat(noMrz.statusCode()).isEqualTo(400);
    assertThat(noMrz.body()).contains("\"field\":\"mrz\"");
    HttpResponse<String> notJson =
        server.send(
            "POST",
            "/api/egate/decisions",
            server.token("kiosk-hnd-01"),
            "application/json",
            "[1,".getBytes(StandardCharsets.UTF_8));
    assertThat(notJson.statusCode()).isEqualTo(400);
  }

  @Test
  void theSigningKeyWasGeneratedUnderTheDataDirectoryAtFirstStart() throws Exception {
    try (var files = Files.list(dataDir.resolve("egate/declaration-keys/signing"))) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .anyMatch(n -> n.endsWith(".key.pem"))
          .anyMatch(n -> n.endsWith(".pub.pem"));
    }
  }

  private long count(String table) {
    return db.jdbi()
        .withHandle(h -> h.createQuery("select count(*) from " + table).mapTo(Long.class).one());
  }

  /**
   * At 01:30 in Japan it is still the day before in UTC: the gate's "today" is the airport's date,
   * so a traveller declaring today's (Japanese) arrival passes; read in UTC, every arrival before
   * 09:00 was referred as a declaration "not for today".
   */
  @org.junit.jupiter.api.Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class JustAfterMidnightInJapan {
    private EgateServer early;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
      early =
          new EgateServer(
              db,
              dir,
              Clock.fixed(
                  java.time.Instant.parse("2026-11-28T16:30:00Z"), java.time.ZoneOffset.UTC));
    }

    @AfterAll
    void stop() {
      if (early != null) {
        early.close();
      }
    }

    @Test
    void aTravellerDeclaringTodaysJapaneseDatePasses() throws Exception {
      assertThat(early.traveller.declaration().arrival()).hasToString("2026-11-29");
      HttpResponse<String> r =
          early.send(
              "POST",
              "/api/egate/decisions",
              early.token("kiosk-hnd-01"),
              "application/json",
              decisionBody(
                      early.traveller,
                      issueQrText(early, form(early.traveller)),
                      early.traveller.portrait())
                  .getBytes(StandardCharsets.UTF_8));
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("\"decision\":\"pass\"");
    }
  }
}
