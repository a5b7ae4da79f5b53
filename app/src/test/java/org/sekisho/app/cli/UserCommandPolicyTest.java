package org.sekisho.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code sekisho user} against a real (embedded) database keeps the whole password policy, the rule
 * that the agency's registered name may not be in the password included: exit 2 and one line naming
 * SEKISHO_PASSWORD and the rule, never the password, no stack trace, no account written.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class UserCommandPolicyTest {
  private record Run(int code, String out, String err) {}

  private static Run run(Path dir, String password, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--data-dir");
    all.add(dir.resolve("data").toString());
    CommandLine cl = Main.commandLine();
    UserCommand user = cl.getSubcommands().get("user").getCommand();
    user.environment = name -> name.equals("SEKISHO_PASSWORD") ? password : null;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void aPasswordHoldingTheAgencysNameIsRefusedWithExit2AndNothingIsWritten(@TempDir Path dir) {
    Run added = run(dir, null, "agency", "add", "police-jp", "--name", "National Police Agency");
    assertThat(added.code()).as(added.err()).isZero();

    String weak = "Xq7-National-Wv9k";
    Run refused = run(dir, weak, "user", "kono", "--role", "partner", "--agency", "police-jp");
    assertThat(refused.code()).as(refused.out() + refused.err()).isEqualTo(2);
    assertThat(refused.err())
        .startsWith("sekisho: SEKISHO_PASSWORD: ")
        .contains("National Police Agency")
        .doesNotContain(weak)
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(refused.err().strip().lines()).hasSize(1);
    assertThat(refused.out()).doesNotContain(weak);

    // the other rules too, before any database opens
    Run named =
        run(
            dir,
            "Zq8-kono-Wv3m-Kp7y",
            "user",
            "kono",
            "--role",
            "partner",
            "--agency",
            "police-jp");
    assertThat(named.code()).isEqualTo(2);
    assertThat(named.err()).contains("SEKISHO_PASSWORD: ").doesNotContain("Zq8-kono");

    // nothing was written: the account is created now, not updated
    Run good =
        run(
            dir,
            "Zq8-Hr4t-Wv3m-Kp7y",
            "user",
            "kono",
            "--role",
            "partner",
            "--agency",
            "police-jp");
    assertThat(good.code()).as(good.err()).isZero();
    assertThat(good.out()).contains("account kono created").doesNotContain("Zq8-Hr4t");
  }
}
