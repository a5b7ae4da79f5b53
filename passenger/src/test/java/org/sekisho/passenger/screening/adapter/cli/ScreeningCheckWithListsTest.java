package org.sekisho.passenger.screening.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.passenger.screening.adapter.db.JdbcScreeningStore;
import org.sekisho.passenger.screening.application.ScreeningStore.ListEntry;
import org.sekisho.passenger.screening.domain.PassengerListKind;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;
import picocli.CommandLine;

/** {@code sekisho screening check --data-dir}: rules with {@code in list} against stored lists. */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ScreeningCheckWithListsTest {

  @Test
  void ruleFilesAreCheckedAgainstTheStoredListsInThePnrUnitsWords(Database db, @TempDir Path dir)
      throws Exception {
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("passenger")));
    JdbcScreeningStore store = new JdbcScreeningStore(db.jdbi());
    store.createList("flagged-card-bins", PassengerListKind.CARD_BINS, "", "t", Instant.EPOCH);
    store.addListEntries(
        "flagged-card-bins", List.of(new ListEntry("453999", "")), "t", Instant.EPOCH);
    Path good = dir.resolve("good.rules");
    Files.writeString(
        good,
        "criterion \"Card\" when card_bin in list \"flagged-card-bins\" then weight 5 because"
            + " \"card of a flagged issuer\"");
    Path bad = dir.resolve("bad.rules");
    Files.writeString(
        bad,
        "criterion \"Card\" when via in list \"flagged-card-bins\" or phone in list \"nowhere\""
            + " then weight 5 because \"card of a flagged issuer\"");
    ScreeningRulesCommand command = new ScreeningRulesCommand();
    command.database = d -> Database.connect(db.jdbcUrl(), "postgres", "", 2);
    CommandLine cmd = new CommandLine(command);
    StringWriter out = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    assertThat(cmd.execute("--data-dir", dir.toString(), good.toString())).isZero();
    assertThat(out.toString())
        .contains("checking against 1 reference list(s)")
        .contains("good.rules: 1 rule(s), no problem");
    assertThat(cmd.execute("--data-dir", dir.toString(), bad.toString())).isEqualTo(1);
    assertThat(out.toString())
        .contains(
            bad
                + ":1:35: list 'flagged-card-bins' holds card-bins; field via takes lists of"
                + " countries")
        .contains(bad + ":1:72: no list named 'nowhere'");
    // without a data directory every list is unknown
    assertThat(new CommandLine(new ScreeningRulesCommand()).execute(good.toString())).isEqualTo(1);
  }
}
