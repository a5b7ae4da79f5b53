package org.sekisho.targeting.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.targeting.adapter.cli.BenchCommand;
import org.sekisho.targeting.adapter.cli.RiskCommand;
import picocli.CommandLine;

/** The commands end to end on the KCS sample files, with a small model. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RiskCommandsTest {
  @TempDir static Path tmp;
  static Path model;

  record Run(int exit, String out, String err) {}

  static Run run(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @BeforeAll
  static void trainASmallModel() {
    model = tmp.resolve("model");
    Run r =
        run(
            new RiskCommand(),
            "train",
            "--format",
            "kcs",
            "--train",
            TestData.path("train-3000.csv").toString(),
            "--valid",
            TestData.path("valid-1000.csv").toString(),
            "--out",
            model.toString(),
            "--seed",
            "5",
            "--max-rounds",
            "40",
            "--eta",
            "0.3",
            "--max-depth",
            "5");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("written to", "validation");
  }

  @Test
  void trainWritesASelfDescribingModelDirectory() throws Exception {
    JsonNode m = new ObjectMapper().readTree(model.resolve("manifest.json").toFile());
    assertThat(m.get("format").asText()).isEqualTo("sekisho-risk-model/1");
    assertThat(m.get("versionId").asText()).startsWith("risk-");
    assertThat(m.at("/trainingData/train/sha256").asText()).hasSize(64);
    assertThat(m.at("/trainingData/train/rows").asLong()).isEqualTo(3000);
    assertThat(m.at("/parameters/seed").asText()).isEqualTo("5");
    assertThat(m.at("/validation/precision/5").isNumber()).isTrue();
    assertThat(m.get("procedure").asText()).contains("refit");
    assertThat(Files.exists(model.resolve("encoding.json"))).isTrue();
  }

  @Test
  void evaluatePrintsOneJsonObjectWithTheAgreedKeys() throws Exception {
    Run r =
        run(
            new RiskCommand(),
            "evaluate",
            "--format",
            "kcs",
            "--model",
            model.toString(),
            "--test",
            TestData.path("valid-1000.csv").toString(),
            "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("n").asLong()).isEqualTo(1000);
    assertThat(j.get("positives").asLong()).isPositive();
    for (String k : List.of("1", "2", "5", "10")) {
      assertThat(j.at("/precision/" + k).asDouble()).isBetween(0.0, 1.0);
      assertThat(j.at("/recall/" + k).asDouble()).isBetween(0.0, 1.0);
    }
    // refit saw these rows, so this only checks that the model ranks frauds first
    assertThat(j.get("auc").asDouble()).isGreaterThan(0.6);
  }

  @Test
  void evaluateSkipsMalformedRowsNamingThemAndCountsThem() throws Exception {
    List<String> lines =
        Files.readAllLines(TestData.path("valid-1000.csv"), StandardCharsets.UTF_8);
    lines.set(3, lines.get(3).replace("2021-01-", "2021/01/"));
    lines.set(5, lines.get(5) + ",extra");
    lines.set(7, lines.get(7).replaceFirst(",[01],[012]$", ",maybe,0"));
    Path bad = tmp.resolve("bad.csv");
    Files.write(bad, lines, StandardCharsets.UTF_8);
    Run r =
        run(
            new RiskCommand(),
            "evaluate",
            "--format",
            "kcs",
            "--model",
            model.toString(),
            "--test",
            bad.toString(),
            "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err())
        .contains(
            "line 4 (data row 3), column Date",
            "line 6 (data row 5)",
            "line 8 (data row 7), column Fraud",
            "3 malformed row(s) skipped");
    assertThat(new ObjectMapper().readTree(r.out()).get("n").asLong()).isEqualTo(997);
  }

  @Test
  void evaluateOnAFileWithoutFraudsSaysAucIsUndefinedAndExitsOne() throws Exception {
    List<String> lines =
        Files.readAllLines(TestData.path("valid-1000.csv"), StandardCharsets.UTF_8);
    for (int i = 1; i < lines.size(); i++) {
      lines.set(i, lines.get(i).replaceFirst(",[01],[012]$", ",0,0"));
    }
    Path clean = tmp.resolve("no-frauds.csv");
    Files.write(clean, lines, StandardCharsets.UTF_8);
    for (String[] extra : new String[][] {{}, {"--json"}}) {
      String[] args = {
        "evaluate", "--format", "kcs", "--model", model.toString(), "--test", clean.toString()
      };
      Run r =
          run(
              new RiskCommand(),
              java.util.stream.Stream.concat(
                      java.util.Arrays.stream(args), java.util.Arrays.stream(extra))
                  .toArray(String[]::new));
      assertThat(r.exit()).as(r.err()).isEqualTo(1);
      // no NaN and no precision of 0 passed off as the model's figures
      assertThat(r.out()).isEmpty();
      assertThat(r.err())
          .contains("no row is a fraud (0 of 1000 rows have Fraud 1)")
          .contains("AUC is undefined without both frauds and clean rows")
          .doesNotContain("NaN");
    }
  }

  @Test
  void unusableInputsAndUsageErrorsGiveExitCodesOneAndTwo() {
    assertThat(
            run(
                    new RiskCommand(),
                    "evaluate",
                    "--format",
                    "kcs",
                    "--model",
                    tmp.resolve("none").toString(),
                    "--test",
                    TestData.path("valid-1000.csv").toString())
                .exit())
        .isEqualTo(1);
    assertThat(
            run(
                    new RiskCommand(),
                    "evaluate",
                    "--format",
                    "kcs",
                    "--model",
                    model.toString(),
                    "--test",
                    tmp.resolve("missing.csv").toString())
                .exit())
        .isEqualTo(1);
    assertThat(
            run(
                    new RiskCommand(),
                    "evaluate",
                    "--format",
                    "wco",
                    "--model",
                    model.toString(),
                    "--test",
                    TestData.path("valid-1000.csv").toString())
                .exit())
        .isEqualTo(2);
    assertThat(run(new RiskCommand(), "evaluate", "--bogus").exit()).isEqualTo(2);
  }

  @Test
  void explainShowsTheTopDeclarationsWithReasons() {
    Run r =
        run(
            new RiskCommand(),
            "explain",
            "--format",
            "kcs",
            "--model",
            model.toString(),
            "--input",
            TestData.path("valid-1000.csv").toString(),
            "--top",
            "3");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("score");
    assertThat(r.out().lines().filter(l -> l.startsWith("    ")).count()).isPositive();
  }

  @Test
  void theScoringBenchRunsAndAgreesWithXgboost() {
    Run r =
        run(
            new BenchCommand(),
            "scoring",
            "--model",
            model.toString(),
            "--input",
            TestData.path("valid-1000.csv").toString(),
            "--seconds",
            "0.2",
            "--repeats",
            "2",
            "--recursion-rows",
            "2");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "xgboost4j inplace_predict",
            "declarations/s",
            "path contributions, walking the trees",
            "path contributions, from scored leaves",
            "exact SHAP, depth-first, one by one",
            "exact SHAP, depth-first, blocks of 128",
            "baseline: leaf paths, one by one",
            "baseline: leaf paths, blocks of 256, float",
            "baseline: recursion",
            "immediate reasons (path contributions) for the",
            "exact SHAP reasons (blocks of 128) for the",
            "criteria + lists + model + selectivity",
            "with reasons for every referral at once");
    String block =
        r.out().lines().filter(l -> l.contains("blocks of 128:")).findFirst().orElseThrow();
    double blockDiff =
        Double.parseDouble(block.substring(block.lastIndexOf(' ') + 1, block.length() - 1));
    assertThat(blockDiff).as("blocks equal one by one").isLessThan(1e-9);
    String shap = r.out().lines().filter(l -> l.contains("recursion (")).findFirst().orElseThrow();
    double shapDiff =
        Double.parseDouble(shap.substring(shap.lastIndexOf(' ') + 1, shap.length() - 1));
    assertThat(shapDiff).as("depth-first equals the recursion").isLessThan(1e-9);
    String diff = r.out().lines().filter(l -> l.startsWith("max |java")).findFirst().orElseThrow();
    double d = Double.parseDouble(diff.substring(diff.lastIndexOf(' ') + 1));
    assertThat(d).isLessThan(1e-6);
  }
}
