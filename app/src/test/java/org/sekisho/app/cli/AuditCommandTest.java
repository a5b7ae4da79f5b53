package org.sekisho.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sekisho audit list} and {@code audit verify} against a real (embedded) database in a fresh
 * data directory: what they print, and that each read or check is in the log it reads.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class AuditCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    var cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static Run run(Path dir, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--data-dir");
    all.add(dir.toString());
    return run(all.toArray(String[]::new));
  }

  @Test
  void listsTheLogNewestFirstAsTextAndJsonAndEachReadAndCheckIsLogged(@TempDir Path dir)
      throws Exception {
    Run added = run(dir, "agency", "add", "police-jp", "--name", "National Police Agency");
    assertThat(added.code()).as(added.err()).isZero();
    Run unknown = run(dir, "agency", "rename", "polce-jp", "--name", "NPA");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("no agency polce-jp is registered");

    Run text = run(dir, "audit", "list", "--action", "agency.");
    assertThat(text.code()).as(text.err()).isZero();
    List<String> lines = text.out().strip().lines().toList();
    // the administration's own agency at the first start, then the police: newest first
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .contains("agency.registered")
        .contains("agency:police-jp")
        .containsPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d JST");
    assertThat(lines.get(1)).contains("agency:customs-jp").contains("system:start");

    Run json = run(dir, "audit", "list", "--actor", "system:cli", "--json");
    assertThat(json.code()).as(json.err()).isZero();
    JsonNode page = JSON.readTree(json.out());
    assertThat(page.get("entries")).hasSize(1);
    JsonNode read = page.get("entries").get(0);
    // the text listing before was itself written down: by this machine's user, with its filter
    assertThat(read.get("action").asText()).isEqualTo("audit.read");
    assertThat(read.get("subject").asText()).isEqualTo("audit-log");
    assertThat(read.get("details").get("action").asText()).isEqualTo("agency.");
    assertThat(read.get("details").get("shown").asText()).isEqualTo("2");
    assertThat(read.get("details").get("channel").asText()).isEqualTo("cli");
    assertThat(read.get("details").get("osUser").asText())
        .isEqualTo(System.getProperty("user.name"));
    assertThat(page.get("more").asBoolean()).isFalse();
    assertThat(page.get("zone").asText()).isEqualTo("Asia/Tokyo");

    // the whole log in two pages, the second from --before: every entry once
    JsonNode first = JSON.readTree(run(dir, "audit", "list", "--json", "--limit", "2").out());
    assertThat(first.get("more").asBoolean()).isTrue();
    JsonNode rest =
        JSON.readTree(
            run(
                    dir,
                    "audit",
                    "list",
                    "--json",
                    "--before",
                    first.get("next").asText(),
                    "--limit",
                    "500")
                .out());
    assertThat(rest.get("more").asBoolean()).isFalse();
    List<Long> seqs = new ArrayList<>();
    first.get("entries").forEach(e -> seqs.add(e.get("seq").asLong()));
    rest.get("entries").forEach(e -> seqs.add(e.get("seq").asLong()));
    long newest = seqs.get(0);
    assertThat(seqs)
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.LongStream.rangeClosed(1, newest).boxed().toList());

    Run verify = run(dir, "audit", "verify");
    assertThat(verify.code()).as(verify.err()).isZero();
    assertThat(verify.out()).startsWith("OK: ").contains("hash chain intact");
    Run checks = run(dir, "audit", "list", "--action", "audit.verify", "--json");
    JsonNode check = JSON.readTree(checks.out()).get("entries").get(0);
    assertThat(check.get("actor").asText()).isEqualTo("system:cli");
    assertThat(check.get("details").get("result").asText()).isEqualTo("ok");
  }

  @Test
  void aBadFilterIsOneLineNamingTheOptionAndExit2BeforeAnyDatabaseStarts() {
    for (String[] bad :
        new String[][] {
          {"--from", "yesterday", "--from: expected a date (2026-11-27)"},
          {"--limit", "501", "--limit: expected a whole number from 1 to 500"},
          {"--before", "x", "--before: expected the seq of an entry"},
          {"--text", "z".repeat(201), "--text: expected at most 200 characters"},
          {"--subject", "*", "--subject: expected a value"}
        }) {
      Run r = run("audit", "list", bad[0], bad[1], "--data-dir", "/nonexistent/sekisho");
      assertThat(r.code()).as(bad[0]).isEqualTo(2);
      assertThat(r.err()).as(bad[0]).contains(bad[2]);
      assertThat(r.err().strip().lines()).as(bad[0]).hasSize(1);
    }
  }
}
