package org.sekisho.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sekisho ingest} against a real (embedded) database: the owning agency must be registered,
 * and the exit status says whether every row of the file is stored.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class IngestCommandTest {
  private record Run(int code, String out, String err) {}

  private static Run run(Path dir, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--data-dir");
    all.add(dir.resolve("data").toString());
    var cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  private static String declaration(String id, String office) {
    return "{\"declarationId\":\""
        + id
        + "\",\"type\":\"IM\",\"office\":\""
        + office
        + "\",\"date\":\"2026-11-20T09:00:00+09:00\",\"importer\":{\"name\":\"Mori Shoji\"},"
        + "\"items\":[{\"hsCode\":\"090111\",\"description\":\"coffee beans\"}]}\n";
  }

  @Test
  void anUnregisteredAgencyIsRefusedAndNothingIsStored(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("one.jsonl");
    Files.writeString(file, declaration("ING-CLI-1", "JPYOK"), StandardCharsets.UTF_8);

    Run typo = run(dir, "ingest", "declarations", file.toString(), "--agency", "polce-jp");
    assertThat(typo.code()).isEqualTo(2);
    assertThat(typo.err())
        .contains("--agency 'polce-jp' is not a registered agency")
        .contains("registered: customs-jp")
        .contains("sekisho agency add");

    // refused before any row was read: no ingest run in the audit log
    Run runs = run(dir, "audit", "list", "--action", "ingest");
    assertThat(runs.code()).as(runs.err()).isZero();
    assertThat(runs.out()).doesNotContain("ingest-run:");

    Run added = run(dir, "agency", "add", "police-jp", "--name", "National Police Agency");
    assertThat(added.code()).as(added.err()).isZero();
    Run owned = run(dir, "ingest", "declarations", file.toString(), "--agency", "police-jp");
    assertThat(owned.code()).as(owned.err()).isZero();
    assertThat(owned.out()).contains("1 stored");
  }

  @Test
  void theExitStatusSaysWhetherEveryRowIsStored(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("good.jsonl");
    Files.writeString(
        good,
        declaration("ING-CLI-2", "JPYOK") + declaration("ING-CLI-3", "JPTYO"),
        StandardCharsets.UTF_8);
    Run first = run(dir, "ingest", "declarations", good.toString());
    assertThat(first.code()).as(first.out() + first.err()).isZero();
    assertThat(first.out()).contains("2 stored");
    // sent again: already present, nothing lost
    assertThat(run(dir, "ingest", "declarations", good.toString()).code()).isZero();

    Path partly = dir.resolve("partly.jsonl");
    Files.writeString(
        partly,
        declaration("ING-CLI-4", "JPYOK") + declaration("ING-CLI-5", ""),
        StandardCharsets.UTF_8);
    Run some = run(dir, "ingest", "declarations", partly.toString());
    assertThat(some.out()).contains("1 stored").contains("1 rejected").contains("row 2");
    assertThat(some.code()).as("a row was left out").isEqualTo(1);

    Path empty = dir.resolve("empty.jsonl");
    Files.writeString(empty, "", StandardCharsets.UTF_8);
    Run none = run(dir, "ingest", "declarations", empty.toString());
    assertThat(none.code()).as(none.out()).isEqualTo(1);

    // a search by an office written as its name: nothing, and the command says which to use
    Run byName = run(dir, "search", "--office", "東京");
    assertThat(byName.code()).as(byName.err()).isZero();
    assertThat(byName.out()).contains("0 records").contains("JPTYO");

    // an HS heading or subheading narrows as the help says (and as the API does), not only chapters
    Run heading = run(dir, "search", "coffee", "--hs", "0901");
    assertThat(heading.code()).as(heading.err()).isZero();
    assertThat(heading.out()).contains("3 records");
    assertThat(run(dir, "search", "coffee", "--hs", "090111").out()).contains("3 records");
    assertThat(run(dir, "search", "coffee", "--hs", "0902").out()).contains("0 records");
    // times in the administration's zone, as the pages and `audit list` show them
    assertThat(heading.out()).contains("2026-11-20 09:00:00 JST").doesNotContain("T00:00:00Z");
  }
}
