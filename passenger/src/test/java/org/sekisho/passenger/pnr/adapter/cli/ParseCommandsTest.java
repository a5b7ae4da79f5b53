package org.sekisho.passenger.pnr.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.passenger.pnr.Corpus;
import picocli.CommandLine;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ParseCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Run(int exit, String out) {
    JsonNode json() throws Exception {
      return JSON.readTree(out);
    }
  }

  private static Run run(Object command, String... args) {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(out));
    int exit = cl.execute(args);
    return new Run(exit, out.toString());
  }

  @Test
  void pnrParseJsonPrintsRecordsWithIsoDatesAndWarnings() throws Exception {
    Run r =
        run(
            new PnrCommand(),
            "parse",
            Corpus.path("parsers-pnr/pnrMessagePg77.txt").toString(),
            "--json");
    assertThat(r.exit()).isZero();
    JsonNode root = r.json();
    assertThat(root.get("format").asText()).isEqualTo("PNRGOV");
    assertThat(root.get("status").asText()).isEqualTo("accepted");
    JsonNode msg = root.get("messages").get(0);
    assertThat(msg.get("version").asText()).isEqualTo("11.1");
    assertThat(msg.get("flight").get("departure").asText()).isEqualTo("2013-05-28T22:25:00");
    JsonNode pnr = msg.get("pnrs").get(0);
    assertThat(pnr.get("recordLocator").asText()).isEqualTo("W9TEND");
    assertThat(pnr.get("created").asText()).isEqualTo("2013-05-23T18:13:48");
    JsonNode pax = pnr.get("passengers").get(0);
    assertThat(pax.get("referenceNumber").asText()).isEqualTo("43576");
    assertThat(pax.get("documents").get(0).get("dateOfBirth").asText()).isEqualTo("1980-07-04");
    assertThat(pnr.get("itinerary").get(0).get("number").asText()).isEqualTo("0006");
    assertThat(pnr.get("payments").get(0).get("type").asText()).isEqualTo("CA");
    assertThat(pnr.has("raw")).isFalse();
    JsonNode warning = root.get("warnings").get(0);
    assertThat(warning.get("code").asText()).isEqualTo("segment-count");
    assertThat(warning.get("line").asInt()).isEqualTo(55);
    assertThat(warning.get("tag").asText()).isEqualTo("UNT");
  }

  @Test
  void pnrParseShowsCodeSharesAndRawRecordsOnRequest() throws Exception {
    Run r =
        run(
            new PnrCommand(),
            "parse",
            Corpus.path("parsers-pnr/modifyPnr77ForCodeShare.txt").toString(),
            "--json",
            "--raw");
    JsonNode pnr = r.json().get("messages").get(0).get("pnrs").get(0);
    JsonNode shares = pnr.get("codeShares");
    assertThat(shares).hasSize(2);
    assertThat(shares.get(0).get("fullMarketingFlightNumber").asText()).isEqualTo("SQ5678");
    assertThat(shares.get(0).get("operatingFlightNumber").asText()).isEqualTo("1524");
    assertThat(shares.get(1).get("operatingFlightNumber").asText()).isEqualTo("972");
    assertThat(pnr.get("raw").asText()).startsWith("SRC'RCI+TZ:W9TEND");
  }

  @Test
  void apiParseJsonPrintsFlightsAndTravellers() throws Exception {
    Run r =
        run(
            new ApiCommand(),
            "parse",
            Corpus.path("parsers-apis/apisMessage.txt").toString(),
            "--json");
    assertThat(r.exit()).isZero();
    JsonNode msg = r.json().get("messages").get(0);
    assertThat(msg.get("flights")).hasSize(2);
    assertThat(msg.get("flights").get(0).get("designator").asText()).isEqualTo("AA123");
    assertThat(msg.get("flights").get(0).get("departure").asText())
        .isEqualTo("2007-02-19T15:40:00");
    JsonNode t = msg.get("travellers").get(0);
    assertThat(t.get("surname").asText()).isEqualTo("CLARK");
    assertThat(t.get("dateOfBirth").asText()).isEqualTo("1972-09-07");
    assertThat(t.get("crew").asBoolean()).isFalse();
  }

  @Test
  void aRejectedMessageExitsOneWithTheReasonInTheJson(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("not-edifact.txt");
    Files.writeString(file, "this is not an EDIFACT message");
    Run r = run(new PnrCommand(), "parse", file.toString(), "--json");
    assertThat(r.exit()).isEqualTo(1);
    JsonNode root = r.json();
    assertThat(root.get("status").asText()).isEqualTo("rejected");
    assertThat(root.get("problems").get(0).get("code").asText()).isEqualTo("no-message");
    assertThat(root.get("problems").get(0).get("message").asText()).contains("UNH");

    Run api =
        run(
            new ApiCommand(),
            "parse",
            Corpus.path("parsers-pnr/pnrMessagePg77.txt").toString(),
            "--json");
    assertThat(api.exit()).isEqualTo(1);
    assertThat(api.json().get("problems").get(0).get("code").asText()).isEqualTo("not-paxlst");
  }

  @Test
  void aMissingFileAndAMissingArgumentAreUsageErrors(@TempDir Path dir) throws Exception {
    // a file that is not there is a wrong argument (exit 2), as in every command, not a message
    // read and refused (exit 1)
    Run missing = run(new PnrCommand(), "parse", dir.resolve("nope.edi").toString(), "--json");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.out()).contains("no such file").contains("nope.edi");
    Run folder = run(new ApiCommand(), "parse", dir.toString());
    assertThat(folder.exit()).isEqualTo(2);
    assertThat(folder.out()).contains("is a folder, not a file");
    assertThat(run(new PnrCommand(), "parse").exit()).isEqualTo(2);
    assertThat(run(new ApiCommand()).exit()).isEqualTo(2);
  }

  @Test
  void withoutJsonASummaryIsPrinted() {
    Run r = run(new PnrCommand(), "parse", Corpus.path("loader-pnr/pnr_split.edi").toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("2 record(s)").contains("AM ICOXXX").contains("TESTSURNAMETHREE/");
  }
}
