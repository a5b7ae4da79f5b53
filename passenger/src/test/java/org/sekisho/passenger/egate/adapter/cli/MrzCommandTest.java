package org.sekisho.passenger.egate.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MrzCommandTest {
  private final StringWriter out = new StringWriter();

  private int run(String... args) {
    CommandLine cl = new CommandLine(new MrzCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(out, true));
    return cl.execute(args);
  }

  @Test
  void aValidExpiredPassportPrintsValidTrueAndExpiredTrue() {
    int code =
        run(
            "parse",
            "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
            "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
            "--json",
            "--on",
            "2026-01-15");
    assertThat(code).isZero();
    String json = out.toString().strip();
    assertThat(json)
        .startsWith("{\"format\":\"TD3\",\"valid\":true,\"expired\":true,\"fields\":{")
        .contains("\"document_number\":\"L898902C3\"")
        .contains("\"birth_date\":\"740812\"")
        .contains("\"secondary_identifier\":\"ANNA MARIA\"")
        .contains("{\"field\":\"composite\",\"ok\":true")
        .endsWith("\"errors\":[]}");
  }

  @Test
  void aWrongCheckDigitStillParsesButIsInvalid() {
    int code =
        run(
            "parse",
            "IDAUT10000999<6<<<<<<<<<<<<<<<",
            "7109094F1112315AUT<<<<<<<<<<<6",
            "MUSTERFRAU<<ISOLDE<<<<<<<<<<<<",
            "--json");
    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("\"valid\":false")
        .contains("{\"field\":\"composite\",\"ok\":false")
        .contains("\"code\":\"mrz-check-digit\"");
  }

  @Test
  void linesOfNoLayoutExitWithOneAndAReason() {
    int code = run("parse", "NOT<AN<MRZ", "--json");
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("\"format\":null").contains("mrz-layout");
  }

  @Test
  void generateWritesTheLinesForTheFields() {
    int code =
        run(
            "generate",
            "--format",
            "TD2",
            "--type",
            "I",
            "--state",
            "Utopia",
            "--surname",
            "Eriksson",
            "--given-names",
            "Anna Maria",
            "--number",
            "D23145890",
            "--nationality",
            "UTO",
            "--birth",
            "740812",
            "--sex",
            "F",
            "--expiry",
            "120415");
    assertThat(code).isZero();
    assertThat(out.toString())
        .isEqualToNormalizingNewlines(
            "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6\n");
  }

  @Test
  void aMissingSubcommandIsAUsageError() {
    assertThat(run()).isEqualTo(2);
  }
}
