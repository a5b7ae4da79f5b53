package org.sekisho.targeting.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.targeting.adapter.cli.RiskSimulateCommand;
import org.sekisho.targeting.model.application.BoostingParameters;
import org.sekisho.targeting.model.application.BoostingTrainer;
import org.sekisho.targeting.model.application.SimulateInspections;
import org.sekisho.targeting.model.application.SimulateInspections.Arrival;
import org.sekisho.targeting.model.application.SimulateInspections.Exploration;
import org.sekisho.targeting.model.domain.FeatureSet;
import org.sekisho.targeting.model.domain.FraudLabel;
import org.sekisho.targeting.model.domain.KcsDeclaration;
import org.sekisho.targeting.model.domain.RegressionTree;
import org.sekisho.targeting.model.domain.TreeEnsemble;
import picocli.CommandLine;

/** {@code risk simulate}: the weekly inspection protocol, on the KCS sample files. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RiskSimulateTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new RiskSimulateCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static String[] small(String data, String... more) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "--format",
                "kcs",
                "--history",
                TestData.path("train-3000.csv").toString(),
                "--data",
                data,
                "--rounds",
                "4",
                "--max-depth",
                "4",
                "--json"));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  static List<JsonNode> lines(String out) throws Exception {
    List<JsonNode> l = new ArrayList<>();
    for (String s : out.strip().split("\n")) {
      l.add(JSON.readTree(s));
    }
    return l;
  }

  @Test
  void onlyInspectedResultsAreRevealedAndTheFiguresFollowTheProtocol() throws Exception {
    Run r =
        run(small(TestData.path("valid-1000.csv").toString(), "--rate", "10", "--explore", "20"));
    assertThat(r.exit()).as(r.err()).isZero();
    List<JsonNode> l = lines(r.out());
    // valid-1000 spans 2021-01-01..2021-01-14: two weeks, then the summary
    assertThat(l).hasSize(3);
    int declarations = 0;
    int history = 3000;
    int revealed = 0;
    int foundAll = 0;
    for (JsonNode w : l.subList(0, 2)) {
      int n = w.get("declarations").asInt();
      int k = w.get("inspected").asInt();
      int frauds = w.get("frauds").asInt();
      int found = w.get("found").asInt();
      declarations += n;
      foundAll += found;
      assertThat(k).isEqualTo(n / 10);
      assertThat(w.get("explored").asInt()).isEqualTo(Math.round(k * 0.2f));
      assertThat(w.get("exploited").asInt() + w.get("explored").asInt()).isEqualTo(k);
      assertThat(w.get("foundByExploitation").asInt() + w.get("foundByExploration").asInt())
          .isEqualTo(found);
      // the week's model knows the history and the inspected results only
      assertThat(w.get("trainingRows").asInt()).isEqualTo(history + revealed);
      revealed += k;
      double precision = (double) found / k;
      assertThat(w.get("precision").asDouble()).isCloseTo(precision, within(1e-6));
      assertThat(w.get("recall").asDouble()).isCloseTo((double) found / frauds, within(1e-6));
      double best = Math.min((double) frauds / k, 1);
      assertThat(w.get("normPrecision").asDouble()).isCloseTo(precision / best, within(1e-5));
      assertThat(w.get("revenue").isNull()).as("the KCS set has no revenue column").isTrue();
      assertThat(w.get("normRevenue").isNull()).isTrue();
    }
    assertThat(l.get(0).get("from").asText()).isEqualTo("2021-01-01");
    assertThat(l.get(0).get("to").asText()).isEqualTo("2021-01-07");
    JsonNode s = l.get(2).get("summary");
    assertThat(s.get("weeks").asInt()).isEqualTo(2);
    assertThat(s.get("declarations").asInt()).isEqualTo(declarations).isEqualTo(1000);
    assertThat(s.get("inspected").asInt()).isEqualTo(revealed);
    assertThat(s.get("settings").get("strategy").asText()).isEqualTo("random");
    assertThat(s.get("found").asInt()).isEqualTo(foundAll);
    assertThat(s.get("precision").asDouble()).isCloseTo((double) foundAll / revealed, within(1e-6));
    assertThat(s.get("recall").asDouble())
        .isCloseTo((double) foundAll / s.get("frauds").asInt(), within(1e-6));

    Run again =
        run(small(TestData.path("valid-1000.csv").toString(), "--rate", "10", "--explore", "20"));
    assertThat(again.out()).as("the same seed gives the same run").isEqualTo(r.out());
  }

  @Test
  void revenueFromARevenueColumnIsCapturedAndNormalisedByTheBestPossible(@TempDir Path dir)
      throws Exception {
    // the sample plus a revenue column: a fraud recovers a tenth of its price, others nothing
    List<String> src = Files.readAllLines(TestData.path("valid-1000.csv"), StandardCharsets.UTF_8);
    List<String> rows = new ArrayList<>();
    rows.add(src.getFirst() + ",Revenue");
    List<String> header = List.of(src.getFirst().split(","));
    int price = header.indexOf("Item Price");
    int fraud = header.indexOf("Fraud");
    for (String line : src.subList(1, src.size())) {
      String[] f = line.split(",", -1);
      double rev = "1".equals(f[fraud]) ? Double.parseDouble(f[price]) / 10 : 0;
      rows.add(line + "," + rev);
    }
    Path file = dir.resolve("with-revenue.csv");
    Files.write(file, rows, StandardCharsets.UTF_8);
    Run r = run(small(file.toString(), "--rate", "20", "--strategy", "uncertain"));
    assertThat(r.exit()).as(r.err()).isZero();
    List<JsonNode> l = lines(r.out());
    for (JsonNode w : l.subList(0, 2)) {
      double revenue = w.get("revenue").asDouble();
      double best = w.get("bestRevenue").asDouble();
      assertThat(revenue).isBetween(0.0, 1.0);
      assertThat(best).isBetween(revenue, 1.0);
      assertThat(w.get("revenueFound").asDouble() / w.get("revenueAll").asDouble())
          .isCloseTo(revenue, within(1e-5));
      assertThat(w.get("normRevenue").asDouble()).isCloseTo(revenue / best, within(1e-4));
    }
    JsonNode s = l.get(2).get("summary");
    assertThat(s.get("settings").get("revenue").asBoolean()).isTrue();
    assertThat(s.get("meanNormRevenue").isNumber()).isTrue();
  }

  @Test
  void badOptionsAndUnusableFilesGiveExitCodesTwoAndOne(@TempDir Path dir) throws Exception {
    String valid = TestData.path("valid-1000.csv").toString();
    assertThat(run(small(valid, "--strategy", "greedy")).exit()).isEqualTo(2);
    assertThat(run(small(valid, "--rate", "0")).exit()).isEqualTo(2);
    assertThat(run(small(valid, "--explore", "101")).exit()).isEqualTo(2);
    Run missing = run(small(dir.resolve("nope.csv").toString()));
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("no such file");
    Run noColumn = run(small(valid, "--revenue-column", "Duty Recovered"));
    assertThat(noColumn.exit()).isEqualTo(1);
    assertThat(noColumn.err()).contains("no column 'Duty Recovered'");
    Path broken = dir.resolve("broken.csv");
    Files.writeString(broken, "Declaration ID,Date\n1,2021-01-01\n", StandardCharsets.UTF_8);
    Run b = run(small(broken.toString()));
    assertThat(b.exit()).isEqualTo(1);
    assertThat(b.err()).contains("missing-column");
  }

  @Test
  void withEqualScoresTheEarliestArrivalsAreExploitedAndExplorationTakesTheRest() {
    // a trainer that learns nothing: one leaf, every declaration scores the same
    BoostingTrainer flat =
        (train, valid, p) ->
            new BoostingTrainer.Trained(
                new TreeEnsemble(
                    0f,
                    train.columns(),
                    List.of(
                        new RegressionTree(
                            new int[] {-1},
                            new int[] {-1},
                            new int[] {0},
                            new float[] {0},
                            new boolean[] {true},
                            new float[] {0},
                            new double[] {1}))),
                1,
                new byte[0]);
    List<KcsDeclaration> all = TestData.read("valid-1000.csv");
    List<KcsDeclaration> history = all.subList(0, 100);
    // one week: the first 20 declarations of 2021-01-10 onwards, the first 5 of them frauds
    List<Arrival> stream = new ArrayList<>();
    for (KcsDeclaration d : all) {
      if (!d.date().isBefore(LocalDate.of(2021, 1, 10)) && stream.size() < 20) {
        stream.add(new Arrival(relabel(d, stream.size() < 5), Double.NaN));
      }
    }
    List<SimulateInspections.Week> weeks = new ArrayList<>();
    SimulateInspections.Summary s =
        new SimulateInspections(flat)
            .run(
                history,
                stream,
                new SimulateInspections.Settings(
                    50,
                    20,
                    Exploration.RANDOM,
                    7,
                    0,
                    BoostingParameters.defaults(1).withRounds(1),
                    new FeatureSet(false, true, false),
                    1),
                weeks::add);
    assertThat(weeks).hasSize(1);
    SimulateInspections.Week w = weeks.getFirst();
    assertThat(w.inspected()).isEqualTo(10);
    assertThat(w.exploited()).isEqualTo(8);
    assertThat(w.explored()).isEqualTo(2);
    // the first 8 arrivals hold all 5 frauds; exploration draws from the other 12 (no fraud)
    assertThat(w.foundByExploitation()).isEqualTo(5);
    assertThat(w.foundByExploration()).isZero();
    assertThat(w.precision()).isEqualTo(0.5);
    assertThat(w.recall()).isEqualTo(1.0);
    assertThat(w.bestPrecision()).isEqualTo(0.5);
    assertThat(w.normPrecision()).isEqualTo(1.0);
    assertThat(w.bestRecall()).isEqualTo(1.0);
    assertThat(w.trainingRows()).isEqualTo(100);
    assertThat(Double.isNaN(w.revenue())).isTrue();
    assertThat(s.found()).isEqualTo(5);

    assertThatThrownBy(
            () ->
                new SimulateInspections(flat)
                    .run(
                        List.of(),
                        stream,
                        new SimulateInspections.Settings(
                            10,
                            10,
                            Exploration.RANDOM,
                            7,
                            0,
                            BoostingParameters.defaults(1),
                            new FeatureSet(false, true, false),
                            1),
                        x -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("history");
  }

  private static KcsDeclaration relabel(KcsDeclaration d, boolean fraud) {
    return new KcsDeclaration(
        d.declarationId(),
        d.date(),
        d.officeId(),
        d.processType(),
        d.importType(),
        d.importUse(),
        d.paymentType(),
        d.transportMode(),
        d.declarantId(),
        d.importerId(),
        d.sellerId(),
        d.courierId(),
        d.hs6(),
        d.departureCountry(),
        d.originCountry(),
        d.taxRate(),
        d.taxType(),
        d.originIndicator(),
        d.netMass(),
        d.itemPrice(),
        fraud ? FraudLabel.FRAUD : FraudLabel.NO_FRAUD);
  }
}
