package org.sekisho.targeting.selectivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.targeting.assessment.adapter.json.DeclarationJson;
import org.sekisho.targeting.assessment.domain.Assessor;
import org.sekisho.targeting.criteria.Declarations;
import org.sekisho.targeting.criteria.domain.DeclarationView;
import org.sekisho.targeting.selectivity.adapter.SelectivityProperties;
import org.sekisho.targeting.selectivity.domain.Lane;
import org.sekisho.targeting.selectivity.domain.LaneHit;
import org.sekisho.targeting.selectivity.domain.LaneLabels;
import org.sekisho.targeting.selectivity.domain.OfficeProfile;
import org.sekisho.targeting.selectivity.domain.Selection;
import org.sekisho.targeting.selectivity.domain.Selectivity;
import org.sekisho.targeting.selectivity.domain.SelectivityConfig;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SelectivityTest {
  private static SelectivityConfig config(double expected, double random, int maxHits) {
    return new SelectivityConfig(
        42, Map.of(), OfficeProfile.red(expected, random, maxHits), LaneLabels.colours());
  }

  @Test
  void aCriterionThatAsksForRedGetsRed() {
    Selectivity s = new Selectivity(config(0, 0, 0));
    Selection sel =
        s.select("JPTYO", "declaration:D1", List.of(new LaneHit("c1v1", Lane.RED, 100)), 0);
    assertThat(sel).isEqualTo(new Selection(Lane.RED, Selection.Basis.CRITERIA));
  }

  @Test
  void aLaneCarriedFromTheConsignmentIsTheLeastARecordGetsAndCountsInTheWindow() {
    Selectivity s = new Selectivity(config(0, 0, 0));
    assertThat(s.select("JPTYO", "declaration:C1", List.of(), 0, Lane.YELLOW))
        .isEqualTo(
            new Selection(
                Lane.YELLOW, Selection.Basis.CONSIGNMENT, Lane.GREEN, Selection.Basis.NONE));
    // a criterion asking for more wins, one asking for less does not lower it but is what the
    // record falls back to if the consignment is lowered
    assertThat(
            s.select(
                "JPTYO",
                "declaration:C2",
                List.of(new LaneHit("c1v1", Lane.RED, 100)),
                0,
                Lane.BLUE))
        .isEqualTo(new Selection(Lane.RED, Selection.Basis.CRITERIA));
    assertThat(
            s.select(
                "JPTYO",
                "declaration:C3",
                List.of(new LaneHit("c1v1", Lane.YELLOW, 100)),
                0,
                Lane.RED))
        .isEqualTo(
            new Selection(
                Lane.RED, Selection.Basis.CONSIGNMENT, Lane.YELLOW, Selection.Basis.CRITERIA));
    assertThat(s.select("JPTYO", "declaration:C4", List.of(), 0, Lane.GREEN))
        .isEqualTo(new Selection(Lane.GREEN, Selection.Basis.NONE));
    // the capacity a carried lane takes is counted: top-up sees the office's red share as it is
    assertThat(s.recentShares("JPTYO").get(Lane.RED)).isEqualTo(0.5);
    assertThat(s.recentShares("JPTYO").get(Lane.YELLOW)).isEqualTo(0.25);
  }

  @Test
  void theOwnLaneOfARecordGivenItsConsignmentsIsTheLaneItWouldHaveHadWithoutIt() {
    // the same draws, sampled criteria and forced selections, with and without a carried lane
    Selectivity carried = new Selectivity(config(0, 0.05, 3));
    Selectivity alone = new Selectivity(config(0, 0.05, 3));
    int differ = 0;
    for (int i = 0; i < 5000; i++) {
      List<LaneHit> hits = i % 4 == 0 ? List.of(new LaneHit("c9v1", Lane.YELLOW, 30)) : List.of();
      Lane consignment = i % 3 == 0 ? Lane.BLUE : Lane.GREEN;
      Selection with = carried.select("JPOSA", "declaration:O" + i, hits, i % 100, consignment);
      Selection without = alone.select("JPOSA", "declaration:O" + i, hits, i % 100);
      assertThat(with.own()).as("record %d", i).isEqualTo(without.lane());
      // and on the basis it would have had: a random draw, its criteria or a forced selection
      assertThat(with.ownBasis()).as("record %d", i).isEqualTo(without.basis());
      if (with.lane() == with.own()) {
        // held on its own anyway: the consignment's lane is not why
        assertThat(with.basis()).as("record %d", i).isEqualTo(without.basis());
      } else {
        assertThat(with.basis()).as("record %d", i).isEqualTo(Selection.Basis.CONSIGNMENT);
      }
      assertThat(with.lane()).isEqualTo(Lane.max(without.lane(), consignment));
      if (with.lane() != with.own()) {
        differ++;
      }
    }
    // the records given blue that were green, or random red while carried, on their own
    assertThat(differ).isGreaterThan(1000);
  }

  @Test
  void randomSelectionMeetsTheMinimumRateAndIsMarkedRandom() {
    Selectivity s = new Selectivity(config(0, 0.05, 0));
    int random = 0;
    for (int i = 0; i < 20_000; i++) {
      Selection sel = s.select("JPTYO", "declaration:D" + i, List.of(), 0);
      if (sel.lane() == Lane.RED) {
        assertThat(sel.random()).isTrue();
        random++;
      }
    }
    assertThat(random / 20_000.0).isBetween(0.045, 0.055);
  }

  @Test
  void aRecordSentAgainIsNotCountedAgain() {
    List<Selection> once = new ArrayList<>();
    List<Selection> twice = new ArrayList<>();
    List<Selection> countingAll = new ArrayList<>();
    Selectivity a = new Selectivity(config(0.1, 0.02, 3));
    Selectivity b = new Selectivity(config(0.1, 0.02, 3));
    // remembering nothing, as benchmarks that replay rows do: every call counts
    Selectivity c = new Selectivity(config(0.1, 0.02, 3), 0);
    for (int i = 0; i < 2000; i++) {
      List<LaneHit> hits = i % 7 == 0 ? List.of(new LaneHit("c9v1", Lane.YELLOW, 30)) : List.of();
      once.add(a.select("JPOSA", "declaration:X" + i, hits, (i * 37) % 100));
      for (Selectivity s : List.of(b, c)) {
        (s == b ? twice : countingAll)
            .add(s.select("JPOSA", "declaration:X" + i, hits, (i * 37) % 100));
        // every third record is sent again at once, and an old one now and then
        if (i % 3 == 0) {
          s.select("JPOSA", "declaration:X" + i, hits, (i * 37) % 100);
        }
        if (i % 50 == 49) {
          s.select("JPOSA", "declaration:X" + (i - 40), List.of(), 99);
        }
      }
    }
    assertThat(twice).isEqualTo(once);
    assertThat(b.recentShares("JPOSA")).isEqualTo(a.recentShares("JPOSA"));
    assertThat(countingAll).isNotEqualTo(once);
  }

  @Test
  void theSameStreamGivesTheSameLanes() {
    List<Selection> a = run(new Selectivity(config(0.1, 0.02, 3)));
    List<Selection> b = run(new Selectivity(config(0.1, 0.02, 3)));
    assertThat(a).isEqualTo(b);
    List<Selection> other =
        run(
            new Selectivity(
                new SelectivityConfig(
                    7, Map.of(), OfficeProfile.red(0.1, 0.02, 3), LaneLabels.colours())));
    assertThat(other).isNotEqualTo(a);
  }

  private static List<Selection> run(Selectivity s) {
    List<Selection> out = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      List<LaneHit> hits = i % 7 == 0 ? List.of(new LaneHit("c9v1", Lane.YELLOW, 30)) : List.of();
      out.add(s.select("JPOSA", "declaration:X" + i, hits, (i * 37) % 100));
    }
    return out;
  }

  @Test
  void transportDocumentsAreSelectedWithinTheirOwnStreamAndTheOfficesDeclarationsAreNotMoved() {
    Selectivity declarationsOnly = new Selectivity(config(0.10, 0.01, 0));
    Selectivity both = new Selectivity(config(0.10, 0.01, 0));
    List<Selection> alone = new ArrayList<>();
    List<Selection> mixed = new ArrayList<>();
    int billsRed = 0;
    for (int i = 0; i < 3000; i++) {
      double score = (i * 7919L % 1000) / 10.0;
      DeclarationView d = Declarations.coffee("D" + i, "TH", 1000, 10);
      DeclarationView bill = transportDocument("B" + i, d.office());
      alone.add(declarationsOnly.select(Assessor.stream(d), d.key(), List.of(), score));
      // every bill is riskier than every declaration: in one stream they would take the top-ups
      Selection b = both.select(Assessor.stream(bill), bill.key(), List.of(), 100 + score);
      mixed.add(both.select(Assessor.stream(d), d.key(), List.of(), score));
      billsRed += b.lane() == Lane.RED ? 1 : 0;
    }
    assertThat(Assessor.stream(transportDocument("B", "JPNAH")))
        .isEqualTo("JPNAH/transport-document");
    assertThat(mixed).isEqualTo(alone);
    assertThat(billsRed / 3000.0).isBetween(0.08, 0.11);
  }

  @Test
  void aStreamUsesItsOwnProfileElseItsOfficesElseTheDefaults() {
    OfficeProfile office = OfficeProfile.red(0.2, 0, 0);
    OfficeProfile bills = OfficeProfile.red(0.3, 0, 0);
    OfficeProfile defaults = OfficeProfile.red(0.05, 0, 0);
    SelectivityConfig c =
        new SelectivityConfig(
            1,
            Map.of("JPNAH", office, "JPYOK/transport-document", bills),
            defaults,
            LaneLabels.colours());
    assertThat(c.profile("JPNAH/transport-document")).isSameAs(office);
    assertThat(c.profile("JPYOK/transport-document")).isSameAs(bills);
    assertThat(c.profile("JPYOK")).isSameAs(defaults);
    assertThat(c.profile("JPOSA/transport-document")).isSameAs(defaults);
  }

  private static DeclarationView transportDocument(String number, String office) {
    return new DeclarationJson()
        .parse(
            "transport-document",
            "{\"number\":\""
                + number
                + "\",\"date\":\"2026-11-28\",\"office\":\""
                + office
                + "\",\"portOfLoading\":\"CNSHA\"}")
        .orElseThrow();
  }

  @Test
  void wouldBeGreenDeclarationsAreToppedUpByScoreToTheExpectedRate() {
    Selectivity s = new Selectivity(config(0.10, 0, 0));
    int red = 0;
    double redScore = 0;
    double allScore = 0;
    int n = 5000;
    for (int i = 0; i < n; i++) {
      double score = (i * 7919L % 1000) / 10.0; // spread 0..99.9
      Selection sel = s.select("JPTYO", "declaration:T" + i, List.of(), score);
      allScore += score;
      if (sel.lane() == Lane.RED) {
        assertThat(sel.basis()).isEqualTo(Selection.Basis.TOP_UP);
        red++;
        redScore += score;
      }
    }
    assertThat(red / (double) n).isBetween(0.08, 0.11);
    assertThat(redScore / red)
        .as("topped up by score")
        .isGreaterThan(85)
        .isGreaterThan(allScore / n);
  }

  @Test
  void aRecordWhoseScoreCarriesNoRiskSignalIsNeverToppedUpWhileScoredOnesAre() {
    // no model: nine records in ten score 0, the others 20-30 from criteria weights
    Selectivity s = new Selectivity(config(0.10, 0, 0));
    int zeroRed = 0;
    int scored = 0;
    int scoredRed = 0;
    for (int i = 0; i < 3000; i++) {
      double score = i % 10 == 3 ? 20 + i % 11 : 0;
      Selection sel = s.select("JPTYO", "declaration:Z" + i, List.of(), score);
      if (score == 0) {
        zeroRed += sel.lane() == Lane.RED ? 1 : 0;
      } else {
        scored++;
        scoredRed += sel.lane() == Lane.RED ? 1 : 0;
      }
    }
    assertThat(zeroRed).as("records scored 0 topped up to red").isZero();
    // the red share stays below 10 %, so every scored record after the warm-up is topped up
    assertThat(scoredRed).isGreaterThan(scored * 9 / 10);
    // and a record given its consignment's lane falls back to green, not to a top-up, on 0
    assertThat(s.select("JPTYO", "declaration:Z-carried", List.of(), 0, Lane.YELLOW).own())
        .isEqualTo(Lane.GREEN);
  }

  @Test
  void whenTheThresholdIsTheWindowsLowestScoreOnlyHigherScoresAreToppedUp() {
    // most recent scores tie at the bottom (5): the top 10 % threshold is 5 itself, and the records
    // tied there must not fill red first come, first served
    Selectivity s = new Selectivity(config(0.10, 0, 0));
    int tiedRed = 0;
    int higherRed = 0;
    int higher = 0;
    for (int i = 0; i < 3000; i++) {
      double score = i % 20 == 7 ? 40 : 5;
      Selection sel = s.select("JPTYO", "declaration:M" + i, List.of(), score);
      if (score == 5) {
        tiedRed += sel.lane() == Lane.RED ? 1 : 0;
      } else {
        higher++;
        higherRed += sel.lane() == Lane.RED ? 1 : 0;
      }
    }
    assertThat(tiedRed).isZero();
    assertThat(higherRed).isGreaterThan(higher * 9 / 10);
    // when the threshold lies above the lowest score, a score equal to it still qualifies: half
    // the scores are 20, half 10, and half are expected red
    Selectivity halves = new Selectivity(config(0.50, 0, 0));
    int atThreshold = 0;
    int atThresholdRed = 0;
    for (int i = 0; i < 2000; i++) {
      double score = i % 2 == 0 ? 20 : 10;
      Selection sel = halves.select("JPOSA", "declaration:H" + i, List.of(), score);
      assertThat(score == 10 && sel.lane() == Lane.RED).isFalse();
      if (score == 20) {
        atThreshold++;
        atThresholdRed += sel.lane() == Lane.RED ? 1 : 0;
      }
    }
    assertThat(atThresholdRed).isGreaterThan(atThreshold * 9 / 10);
  }

  @Test
  void aSampledCriterionIsSelectedAnywayAfterTheMaximumHitsWithoutSelection() {
    Selectivity s = new Selectivity(config(0, 0, 3));
    int missedInARow = 0;
    int maxMissed = 0;
    int forced = 0;
    for (int i = 0; i < 500; i++) {
      Selection sel =
          s.select("JPTYO", "declaration:S" + i, List.of(new LaneHit("c2v1", Lane.RED, 10)), 0);
      if (sel.lane() == Lane.RED) {
        missedInARow = 0;
        if (sel.basis() == Selection.Basis.FORCED_AFTER_MAX_HITS) {
          forced++;
        }
      } else {
        maxMissed = Math.max(maxMissed, ++missedInARow);
      }
    }
    assertThat(maxMissed).isEqualTo(3);
    assertThat(forced).isPositive();
  }

  @Test
  void japaneseLabelsAndOfficeRatesComeFromTheSettingsFile() {
    Properties p = new Properties();
    p.setProperty("seed", "9");
    p.setProperty("labels", "japan");
    p.setProperty("default.red.expected", "4");
    p.setProperty("office.JPTYO-AIR.red.random", "2");
    p.setProperty("office.JPTYO-AIR.yellow.expected", "10");
    SelectivityConfig c = SelectivityProperties.parse(p).orElseThrow();
    assertThat(c.labels().of(Lane.RED)).startsWith("区分3");
    assertThat(c.labels().of(Lane.GREEN)).startsWith("区分1");
    assertThat(c.profile("JPTYO-AIR").of(Lane.RED).minimumRandomRate()).isEqualTo(0.02);
    assertThat(c.profile("JPTYO-AIR").of(Lane.RED).expectedRate()).isEqualTo(0.04);
    assertThat(c.profile("JPTYO-AIR").of(Lane.YELLOW).expectedRate()).isEqualTo(0.10);
    assertThat(c.profile("JPOSA").of(Lane.RED).expectedRate()).isEqualTo(0.04);
    p.setProperty("office.JPTYO-AIR/Transport-Document.red.expected", "15");
    c = SelectivityProperties.parse(p).orElseThrow();
    assertThat(c.profile("JPTYO-AIR/transport-document").of(Lane.RED).expectedRate())
        .isEqualTo(0.15);
    // what the stream does not set comes from its office
    assertThat(c.profile("JPTYO-AIR/transport-document").of(Lane.RED).minimumRandomRate())
        .isEqualTo(0.02);
    assertThat(c.profile("JPTYO-AIR/transport-document").of(Lane.YELLOW).expectedRate())
        .isEqualTo(0.10);
    assertThat(c.profile("JPOSA/transport-document").of(Lane.RED).expectedRate()).isEqualTo(0.04);
    p.setProperty("default.red.expected", "lots");
    assertThat(SelectivityProperties.parse(p).problems().get(0).field())
        .isEqualTo("default.red.expected");
  }
}
