package org.sekisho.passenger.egate.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.sekisho.passenger.egate.adapter.cli.EgateCommand;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;
import picocli.CommandLine;

/**
 * {@code sekisho egate specimen} prepares a test installation the kiosk accepts: the real server,
 * started over the data directory the command wrote (its CSCA, no face model), decides on the
 * specimen passports read back from the files.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class EgateSpecimenTest {
  // gate_referrals as stored: "REASON: detail; REASON: detail"
  private static final Pattern REASON = Pattern.compile("(?:\"gate_referrals\":\"|; )([A-Z_]+): ");
  private static final Pattern CAPTURE = Pattern.compile("\"captureId\":\"([0-9a-f-]{36})\"");
  private final Clock clock = Clock.systemUTC();
  private EgateServer server;
  private Path specimens;
  private String output;

  @BeforeAll
  void start(Database db, @TempDir Path dataDir) throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new EgateCommand()).setOut(new PrintWriter(out));
    int rc = cli.execute("specimen", "--data-dir", dataDir.toString());
    assertThat(rc).isZero();
    output = out.toString();
    specimens = dataDir.resolve("egate").resolve("specimen");
    server = EgateServer.asConfigured(db, dataDir, clock);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theCommandSaysItIsASpecimenAndWhereEachFileIs() throws Exception {
    assertThat(output)
        .startsWith("SPECIMEN, NOT FOR PRODUCTION")
        .contains("egate/csca/specimen-csca-UT.pem")
        .contains(specimens.toString())
        .contains("MUELLER JOSE");
    assertThat(Files.readString(specimens.resolve("README.md")))
        .contains("SPECIMEN, NOT FOR PRODUCTION")
        .contains("1-eriksson.chip-tampered.json")
        .contains("face not compared");
    assertThat(new CommandLine(new EgateCommand()).getUsageMessage()).contains("specimen");
    assertThat(
            new CommandLine(new EgateCommand()).getSubcommands().get("specimen").getUsageMessage())
        .contains("SPECIMEN, NOT FOR PRODUCTION");
  }

  @Test
  void everySpecimenPassportPassesPassiveAuthenticationAndOnlyTheFaceIsNotCompared()
      throws Exception {
    for (String stem : List.of("1-eriksson", "2-mueller", "3-okafor")) {
      List<String> mrz = Files.readAllLines(specimens.resolve(stem + ".mrz.txt"));
      String chip = Files.readString(specimens.resolve(stem + ".chip.json"));
      HttpResponse<String> r = decide(mrz, chip, declarationQr(mrz), specimen(stem));
      assertThat(r.statusCode()).as(stem).isEqualTo(200);
      // No face model ships: the gate refers with "face not compared", and for nothing else.
      assertThat(reasons(r.body())).as(stem + ": " + r.body()).containsExactly("FACE_NOT_COMPARED");
      assertThat(r.body()).contains("secondary-inspection");
    }
  }

  @Test
  void theTamperedSpecimenChipFailsPassiveAuthentication() throws Exception {
    List<String> mrz = Files.readAllLines(specimens.resolve("1-eriksson.mrz.txt"));
    String chip = Files.readString(specimens.resolve("1-eriksson.chip-tampered.json"));
    HttpResponse<String> r = decide(mrz, chip, declarationQr(mrz), specimen("1-eriksson"));
    assertThat(reasons(r.body())).contains("PASSIVE_AUTHENTICATION_FAILED");
  }

  @Test
  void aCscaFolderHoldingOtherCertificatesIsNeverGivenASpecimen(@TempDir Path other)
      throws Exception {
    Path csca = other.resolve("egate").resolve("csca");
    Files.createDirectories(csca);
    Files.writeString(csca.resolve("jpn-csca.pem"), "a production certificate");
    StringWriter err = new StringWriter();
    int rc =
        new CommandLine(new EgateCommand())
            .setErr(new PrintWriter(err))
            .execute("specimen", "--data-dir", other.toString());
    assertThat(rc).isEqualTo(1);
    assertThat(err.toString()).contains("jpn-csca.pem").contains("not specimen");
    try (var files = Files.list(csca)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("jpn-csca.pem");
    }
    assertThat(other.resolve("egate").resolve("specimen")).doesNotExist();
  }

  private byte[] specimen(String stem) throws Exception {
    return Files.readAllBytes(specimens.resolve(stem + ".face.jpg"));
  }

  /** The declaration made on the public page with the passport's details, as the README says. */
  private String declarationQr(List<String> mrz) throws Exception {
    String l1 = mrz.get(0);
    String l2 = mrz.get(1);
    String[] names = l1.substring(5).split("<<", 2);
    Map<String, String> f = new LinkedHashMap<>();
    f.put("flight", "NH110");
    f.put("departedFrom", "UTOPIA CITY");
    f.put("arrival", LocalDate.now(clock).toString());
    f.put("surname", names[0].replace('<', ' ').strip());
    f.put("givenNames", names[1].replace('<', ' ').strip());
    f.put("nationality", l2.substring(10, 13));
    f.put("birthDate", LocalDate.parse("19" + l2.substring(13, 19), yymmdd()).toString());
    f.put("passportNumber", l2.substring(0, 9).replace("<", ""));
    f.put("address", "HOTEL SEKISHO TOKYO");
    for (String q :
        List.of(
            "prohibited", "overAllowance", "commercial", "forOthers", "cash", "unaccompanied")) {
      f.put(q, "no");
    }
    byte[] body =
        f.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"))
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> page =
        server.send("POST", "/declaration", null, "application/x-www-form-urlencoded", body);
    Matcher m =
        Pattern.compile("<textarea id=\"qr-text\"[^>]*>([^<]+)</textarea>").matcher(page.body());
    assertThat(m.find()).as(page.body()).isTrue();
    return m.group(1);
  }

  private static java.time.format.DateTimeFormatter yymmdd() {
    return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd");
  }

  private HttpResponse<String> decide(List<String> mrz, String chip, String qr, byte[] face)
      throws Exception {
    String body =
        "{\"mrz\":[\""
            + mrz.get(0)
            + "\",\""
            + mrz.get(1)
            + "\"],\"chip\":"
            + chip
            + ",\"qrText\":\""
            + qr
            + "\",\"faceImage\":\"data:image/jpeg;base64,"
            + Base64.getEncoder().encodeToString(face)
            + "\",\"immigration\":{\"purposeOfVisit\":\"tourism\",\"intendedStayDays\":5}}";
    return server.send(
        "POST",
        "/api/egate/decisions",
        server.token("kiosk-hnd-01"),
        "application/json",
        body.getBytes(StandardCharsets.UTF_8));
  }

  /** The reasons an officer reads for the capture the kiosk answered (the kiosk is not told). */
  private List<String> reasons(String body) throws Exception {
    Matcher id = CAPTURE.matcher(body);
    assertThat(id.find()).as(body).isTrue();
    String record =
        server
            .send("GET", "/api/egate/arrivals/" + id.group(1), server.token("officer"), null, null)
            .body();
    List<String> out = new ArrayList<>();
    Matcher m = REASON.matcher(record);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
