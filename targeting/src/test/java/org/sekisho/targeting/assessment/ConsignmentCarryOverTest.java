package org.sekisho.targeting.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.targeting.adapter.TargetingContext;
import org.sekisho.targeting.adapter.db.JdbcAssessments;
import org.sekisho.targeting.assessment.adapter.json.DeclarationJson;
import org.sekisho.targeting.assessment.application.AssessRecords;
import org.sekisho.targeting.assessment.application.AssessmentRequests.Request;
import org.sekisho.targeting.assessment.application.RiskScorer;
import org.sekisho.targeting.assessment.application.StoredAssessment;
import org.sekisho.targeting.assessment.domain.ConsignmentSelection;
import org.sekisho.targeting.criteria.Declarations;
import org.sekisho.targeting.selectivity.domain.Lane;
import org.sekisho.targeting.selectivity.domain.Selection;
import org.sekisho.targeting.worklist.application.WorkItem;
import org.sekisho.targeting.worklist.application.WorkStatus;
import org.sekisho.targeting.worklist.application.Worklist;

/**
 * Goods selected before arrival stay selected when they are declared: a declaration is given at
 * least the lane its consignment (transport document) holds at the time, unless an analyst released
 * the consignment or its examination found nothing; the carried lane is kept with the assessment,
 * one record at a time and in stored batches alike.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConsignmentCarryOverTest {
  private final Database db;

  ConsignmentCarryOverTest(Database db) {
    this.db = db;
  }

  /** Every consignment at JPTYO is sent to red at random; declarations only by what they carry. */
  private static final String SELECTIVITY =
      """
      default.red.expected=0
      default.red.random=0
      default.yellow.expected=0
      default.yellow.random=0
      default.blue.expected=0
      default.blue.random=0
      office.JPTYO/transport-document.red.random=100
      office.JPNGO.blue.random=100
      """;

  private static String bill(String number) {
    return bill(number, "JPTYO");
  }

  private static String bill(String number, String office) {
    return "{\"number\":\""
        + number
        + "\",\"documentType\":\"MBL\",\"date\":\"2026-11-27T06:00:00+09:00\",\"office\":\""
        + office
        + "\","
        + "\"consignee\":{\"name\":\"Importer IMP-A\",\"id\":\"IMP-A\"},\"portOfLoading\":\"THBKK\","
        + "\"hsCode\":\"090121\",\"grossMassKg\":\"100\",\"packages\":5}";
  }

  /** A declaration of the goods of {@code bill} (none when blank). */
  private static String declaration(String id, String bill) {
    String json = Declarations.json(id, "IMP-A", "BRK-X", "50000");
    return bill.isEmpty() ? json : "{\"transportDocument\":\"" + bill + "\"," + json.substring(1);
  }

  /** Targeting over the test database, with {@link #SELECTIVITY}. */
  private TargetingContext started(Path dir) throws java.io.IOException {
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("targeting")));
    Files.createDirectories(dir.resolve("targeting"));
    Files.writeString(dir.resolve("targeting/selectivity.properties"), SELECTIVITY);
    TargetingContext ctx =
        new TargetingContext(db, new AuditLog(db.jdbi()), Clock.systemUTC(), dir, RiskScorer.NONE);
    ctx.start();
    return ctx;
  }

  @Test
  void aDeclarationKeepsTheLaneItsConsignmentWasSelectedForBeforeArrival(@TempDir Path dir)
      throws Exception {
    TargetingContext ctx = started(dir);
    try {
      AssessRecords assess = ctx.assessRecords();
      JdbcAssessments store = new JdbcAssessments(db.jdbi(), new DeclarationJson());
      Worklist worklist = new Worklist(store, Clock.systemUTC());
      long[] bills = new long[5];
      for (int i = 1; i <= 4; i++) {
        // B2 at an office whose consignments are not selected at random: an analyst raises it
        StoredAssessment b =
            assess
                .assessJson("transport-document", i == 2 ? bill("B2", "JPOSA") : bill("B" + i))
                .orElseThrow();
        assertThat(b.assessment().lane()).isEqualTo(i == 2 ? Lane.GREEN : Lane.RED);
        bills[i] = b.id();
      }
      // B1 stays open in red; B2 raised, then released by an analyst; B3 examined, nothing found;
      // B4 examined, infraction found
      assertThat(worklist.decide(bills[2], "red", "consignee unknown", "ana").isAccepted())
          .isTrue();
      assertThat(worklist.decide(bills[2], "green", "papers in order", "ana").isAccepted())
          .isTrue();
      // a random selection cannot be lowered
      assertThat(worklist.decide(bills[1], "yellow", "looks fine to me", "ana").problems())
          .extracting(org.sekisho.core.Problem::code)
          .containsExactly("random-selection");
      for (int i = 3; i <= 4; i++) {
        assertThat(worklist.decide(bills[i], "red", "confirm the exam", "ana").isAccepted())
            .isTrue();
      }
      assertThat(
              worklist
                  .recordOutcome(bills[3], "nothing-found", "", false, "as declared", "insp")
                  .isAccepted())
          .isTrue();
      assertThat(
              worklist
                  .recordOutcome(bills[4], "infraction", "120000", true, "undeclared", "insp")
                  .isAccepted())
          .isTrue();

      // a B/L number written in lower case or full width on one record is the same B/L
      assertThat(assess.assessJson("transport-document", bill("mscu5")).orElseThrow().id())
          .isPositive();
      assertThat(assess.assessJson("transport-document", bill("ＭＳＣＵ６")).orElseThrow().id())
          .isPositive();
      assertThat(
              assess
                  .assessJson("declaration", declaration("D8", "MSCU5"))
                  .orElseThrow()
                  .assessment()
                  .selection())
          .isEqualTo(
              new Selection(
                  Lane.RED, Selection.Basis.CONSIGNMENT, Lane.GREEN, Selection.Basis.NONE));
      assess.assessAll(List.of(new Request("declaration", "D9", declaration("D9", "mscu６"))));
      assertThat(lane(store, "D9")).isEqualTo("red consignment transport-document:ＭＳＣＵ６");

      // D1 and D2 one at a time, the others as one stored batch
      StoredAssessment d1 = assess.assessJson("declaration", declaration("D1", "B1")).orElseThrow();
      StoredAssessment d2 = assess.assessJson("declaration", declaration("D2", "B2")).orElseThrow();
      assess.assessAll(
          List.of(
              new Request("declaration", "D3", declaration("D3", "B3")),
              new Request("declaration", "D4", declaration("D4", "B4")),
              new Request("declaration", "D5", declaration("D5", "B9")),
              new Request("declaration", "D6", declaration("D6", "")),
              new Request("declaration", "D7", declaration("D7", "B1"))));

      assertThat(d1.assessment().selection())
          .isEqualTo(
              new Selection(
                  Lane.RED, Selection.Basis.CONSIGNMENT, Lane.GREEN, Selection.Basis.NONE));
      assertThat(d1.assessment().consignment())
          .contains(new ConsignmentSelection("transport-document:B1", bills[1], Lane.RED));
      assertThat(d2.assessment().lane()).isEqualTo(Lane.GREEN);
      // read in the same look-up as the consignment: the importer's earlier records (at least
      // its four bills; the other test shares the database), then D1 too
      assertThat(d1.history().importerDeclarations()).isGreaterThanOrEqualTo(4);
      assertThat(d2.history().importerDeclarations())
          .isEqualTo(d1.history().importerDeclarations() + 1);
      assertThat(d2.history().declarantDeclarations())
          .isEqualTo(d1.history().declarantDeclarations() + 1);
      assertThat(d2.assessment().consignment()).isEmpty();

      // what is stored, read back: the lane, why, and the consignment it came from
      WorkItem w1 = worklist.item(d1.id()).orElseThrow();
      assertThat(w1.basis()).isEqualTo("consignment");
      assertThat(w1.reasons())
          .first()
          .isEqualTo(
              "consignment B1 was selected red before arrival (assessment " + bills[1] + ")");
      assertThat(lane(store, "D3")).isEqualTo("green none");
      assertThat(lane(store, "D4")).isEqualTo("red consignment transport-document:B4");
      assertThat(lane(store, "D5")).isEqualTo("green none");
      assertThat(lane(store, "D6")).isEqualTo("green none");
      assertThat(lane(store, "D7")).isEqualTo("red consignment transport-document:B1");
      assertThat(lane(store, "D1")).isEqualTo("red consignment transport-document:B1");

      // the carried lane is an input: replaying gives the same assessment
      assertThat(assess.replay(d1.id()).orElseThrow().same()).isTrue();
      // the consignment's lane is neither score nor criteria lane
      assertThat(d1.assessment().criteriaLane()).isEqualTo(Lane.GREEN);
      assertThat(d1.assessment().score()).isEqualTo(d2.assessment().score());
    } finally {
      ctx.close();
    }
  }

  @Test
  void declarationsAssessedBeforeTheirConsignmentIsSelectedAreRaisedToItsLane(@TempDir Path dir)
      throws Exception {
    TargetingContext ctx = started(dir);
    try {
      AssessRecords assess = ctx.assessRecords();
      JdbcAssessments store = new JdbcAssessments(db.jdbi(), new DeclarationJson());
      Worklist worklist = new Worklist(store, Clock.systemUTC());
      // the goods are declared first: released green
      assess.assessAll(
          List.of(
              new Request("declaration", "E1", declaration("E1", "L1")),
              new Request("declaration", "E2", declaration("E2", "L2")),
              new Request("declaration", "E3", declaration("E3", "L1")),
              new Request("declaration", "E4", declaration("E4", "L1"))));
      long e1 = store.byKey("declaration:E1").orElseThrow().id();
      long e2 = store.byKey("declaration:E2").orElseThrow().id();
      long e3 = store.byKey("declaration:E3").orElseThrow().id();
      long e4 = store.byKey("declaration:E4").orElseThrow().id();
      assertThat(worklist.item(e1).orElseThrow().finalLane()).isEqualTo(Lane.GREEN);
      // an analyst already sent E3 to red; E4 was examined and closed
      assertThat(worklist.decide(e3, "red", "known smuggler", "ana").isAccepted()).isTrue();
      assertThat(worklist.decide(e4, "yellow", "check papers", "ana").isAccepted()).isTrue();
      assertThat(worklist.recordOutcome(e4, "nothing-found", "", false, "ok", "insp").isAccepted())
          .isTrue();

      // L1's manifest arrives and is selected red (every JPTYO consignment is); L2 at JPOSA is not
      assess.assessAll(
          List.of(
              new Request("transport-document", "L1", bill("L1")),
              new Request("transport-document", "L2", bill("L2", "JPOSA"))));
      long l1 = store.byKey("transport-document:L1").orElseThrow().id();
      long l2 = store.byKey("transport-document:L2").orElseThrow().id();

      WorkItem raised = worklist.item(e1).orElseThrow();
      assertThat(raised.finalLane()).isEqualTo(Lane.RED);
      assertThat(raised.status()).isEqualTo(WorkStatus.OPEN);
      assertThat(raised.changes()).hasSize(1);
      WorkItem.LaneChange change = raised.changes().get(0);
      assertThat(change.by()).isEqualTo(ConsignmentSelection.DECIDED_BY);
      assertThat(change.from()).isEqualTo(Lane.GREEN);
      assertThat(change.comment())
          .isEqualTo(
              "its consignment L1 was selected red after this declaration was assessed"
                  + " (assessment "
                  + l1
                  + ")");
      // what it was assessed as is not rewritten: the lane change says why it moved
      assertThat(raised.lane()).isEqualTo(Lane.GREEN);
      // already red, and closed: untouched
      assertThat(worklist.item(e3).orElseThrow().changes()).hasSize(1);
      assertThat(worklist.item(e4).orElseThrow().status()).isEqualTo(WorkStatus.CLOSED);
      assertThat(worklist.item(e4).orElseThrow().changes()).hasSize(1);
      assertThat(worklist.item(e2).orElseThrow().finalLane()).isEqualTo(Lane.GREEN);

      // written differently on the two records, still one B/L
      assess.assessAll(List.of(new Request("declaration", "E5", declaration("E5", "oney7"))));
      long e5 = store.byKey("declaration:E5").orElseThrow().id();
      assess.assessAll(List.of(new Request("transport-document", "ONEY7", bill("ONEY7"))));
      assertThat(worklist.item(e5).orElseThrow().finalLane()).isEqualTo(Lane.RED);
      assertThat(worklist.consignment("ｏｎｅｙ７").map(WorkItem::recordKey))
          .contains("transport-document:ONEY7");
      // the consignment's page lists its declarations, and only them
      assertThat(worklist.declarationsOf("l1", 10))
          .extracting(WorkItem::recordKey)
          .containsExactly("declaration:E1", "declaration:E3", "declaration:E4");

      // an analyst raises L2 to yellow: its declaration follows
      assertThat(worklist.decide(l2, "yellow", "consignee on a watch list", "ana").isAccepted())
          .isTrue();
      WorkItem e2now = worklist.item(e2).orElseThrow();
      assertThat(e2now.finalLane()).isEqualTo(Lane.YELLOW);
      assertThat(e2now.status()).isEqualTo(WorkStatus.OPEN);
      assertThat(e2now.changes().get(0).comment()).contains("L2 was selected yellow");
      // goods to examine come first on the worklist, whatever their score (a carried lane has
      // none): every red item before every yellow one
      List<Lane> lanes =
          worklist.items("JPTYO", WorkStatus.OPEN, "", 100).stream()
              .map(WorkItem::finalLane)
              .toList();
      assertThat(lanes).contains(Lane.YELLOW, Lane.RED).isSortedAccordingTo(Lane::compareTo);

      // assessing the same manifest again raises nothing twice
      assess.assessAll(List.of(new Request("transport-document", "L1", bill("L1"))));
      assertThat(worklist.item(e1).orElseThrow().changes()).hasSize(1);
    } finally {
      ctx.close();
    }
  }

  @Test
  void declarationsFollowTheirConsignmentDownToTheirOwnLanes(@TempDir Path dir) throws Exception {
    TargetingContext ctx = started(dir);
    try {
      AssessRecords assess = ctx.assessRecords();
      JdbcAssessments store = new JdbcAssessments(db.jdbi(), new DeclarationJson());
      Worklist worklist = new Worklist(store, Clock.systemUTC());
      // declared first: G1 green on its own, G2 blue (every JPNGO declaration is, at random), G5
      // green and sent to yellow by an analyst
      assess.assessAll(
          List.of(
              new Request("declaration", "G1", declaration("G1", "K1")),
              new Request("declaration", "G2", atNagoya(declaration("G2", "K1"))),
              new Request("declaration", "G5", declaration("G5", "K1"))));
      long g1 = store.byKey("declaration:G1").orElseThrow().id();
      long g2 = store.byKey("declaration:G2").orElseThrow().id();
      long g5 = store.byKey("declaration:G5").orElseThrow().id();
      assertThat(worklist.item(g2).orElseThrow().finalLane()).isEqualTo(Lane.BLUE);
      assertThat(worklist.decide(g5, "yellow", "invoice missing", "ana").isAccepted()).isTrue();

      // K1's manifest (at JPOSA, not selected on its own) is raised to red by an analyst: all
      // three follow it up; an analyst then confirms G1's red on its own grounds
      long k1 = assess.assessJson("transport-document", bill("K1", "JPOSA")).orElseThrow().id();
      assertThat(worklist.decide(k1, "red", "tip from the port", "ana").isAccepted()).isTrue();
      assertThat(List.of(g1, g2, g5))
          .allSatisfy(
              g -> assertThat(worklist.item(g).orElseThrow().finalLane()).isEqualTo(Lane.RED));
      assertThat(worklist.decide(g1, "red", "importer under watch", "ana").isAccepted()).isTrue();

      // declared after K1 was selected: they take its lane, and keep what they would have had
      StoredAssessment g3 = assess.assessJson("declaration", declaration("G3", "K1")).orElseThrow();
      StoredAssessment g4 =
          assess.assessJson("declaration", atNagoya(declaration("G4", "K1"))).orElseThrow();
      assertThat(g3.assessment().selection())
          .isEqualTo(
              new Selection(
                  Lane.RED, Selection.Basis.CONSIGNMENT, Lane.GREEN, Selection.Basis.NONE));
      assertThat(g4.assessment().selection())
          .isEqualTo(
              new Selection(
                  Lane.RED, Selection.Basis.CONSIGNMENT, Lane.BLUE, Selection.Basis.RANDOM));
      // stored and read back with it
      assertThat(store.byKey("declaration:G4").orElseThrow().assessment().selection().own())
          .isEqualTo(Lane.BLUE);

      // K1 lowered to yellow: each falls to the more severe of yellow and its lane before K1's
      assertThat(worklist.decide(k1, "yellow", "papers only", "ana").isAccepted()).isTrue();
      assertThat(finalLanes(worklist, g1, g2, g3.id(), g4.id(), g5))
          .containsExactly(Lane.RED, Lane.YELLOW, Lane.YELLOW, Lane.YELLOW, Lane.YELLOW);
      WorkItem.LaneChange last = lastChange(worklist, g3.id());
      assertThat(last.by()).isEqualTo(ConsignmentSelection.DECIDED_BY);
      assertThat(last.from()).isEqualTo(Lane.RED);
      assertThat(last.comment())
          .isEqualTo("its consignment K1 was lowered to yellow (assessment " + k1 + ")");
      // the analyst's own decision on G1 is not undone
      assertThat(lastChange(worklist, g1).by()).isEqualTo("ana");

      // released: each is back to its own lane; one left green is released
      assertThat(worklist.decide(k1, "green", "cleared by the port", "ana").isAccepted()).isTrue();
      assertThat(finalLanes(worklist, g1, g2, g3.id(), g4.id(), g5))
          .containsExactly(Lane.RED, Lane.BLUE, Lane.GREEN, Lane.BLUE, Lane.YELLOW);
      assertThat(worklist.item(g3.id()).orElseThrow().status()).isEqualTo(WorkStatus.RELEASED);
      assertThat(worklist.item(g3.id()).orElseThrow().changes()).hasSize(2);
      // lowering again changes nothing more
      assertThat(store.followDown(k1, Lane.GREEN, "again", java.time.Instant.now())).isZero();

      // K2 raised to red and examined with nothing found: H1 (declared after) and H2 (before)
      // fall back to green and are released; H3, examined itself, is closed and left alone
      assess.assessAll(
          List.of(
              new Request("declaration", "H2", declaration("H2", "K2")),
              new Request("declaration", "H3", declaration("H3", "K2"))));
      long h2 = store.byKey("declaration:H2").orElseThrow().id();
      long h3 = store.byKey("declaration:H3").orElseThrow().id();
      long k2 = assess.assessJson("transport-document", bill("K2", "JPOSA")).orElseThrow().id();
      assertThat(worklist.decide(k2, "red", "tip from the port", "ana").isAccepted()).isTrue();
      assertThat(worklist.decide(h3, "red", "examine with K2", "ana").isAccepted()).isTrue();
      assertThat(
              worklist.recordOutcome(h3, "infraction", "5000", false, "short", "insp").isAccepted())
          .isTrue();
      long h1 = assess.assessJson("declaration", declaration("H1", "K2")).orElseThrow().id();
      assertThat(worklist.item(h1).orElseThrow().finalLane()).isEqualTo(Lane.RED);
      assertThat(
              worklist
                  .recordOutcome(k2, "nothing-found", "", false, "as manifested", "insp")
                  .isAccepted())
          .isTrue();
      assertThat(finalLanes(worklist, h1, h2)).containsExactly(Lane.GREEN, Lane.GREEN);
      assertThat(worklist.item(h1).orElseThrow().status()).isEqualTo(WorkStatus.RELEASED);
      assertThat(lastChange(worklist, h2).comment())
          .isEqualTo(
              "its consignment K2 was examined and nothing was found (assessment " + k2 + ")");
      assertThat(worklist.item(h3).orElseThrow().status()).isEqualTo(WorkStatus.CLOSED);
      assertThat(worklist.item(h3).orElseThrow().finalLane()).isEqualTo(Lane.RED);
      // the carried lane is still an input: replay gives the same assessment
      assertThat(assess.replay(g4.id()).orElseThrow().same()).isTrue();
    } finally {
      ctx.close();
    }
  }

  @Test
  void aDeclarationRedOnItsOwnNoLongerGivesItsLoweredConsignmentAsItsReason(@TempDir Path dir)
      throws Exception {
    TargetingContext ctx = started(dir);
    try {
      var lists = ctx.referenceLists();
      assertThat(lists.create("watched", "parties", "test", "ana").isAccepted()).isTrue();
      assertThat(lists.add("watched", "IMP-W", "seized 2026", "ana").isAccepted()).isTrue();
      var criteria = ctx.criteriaCatalogue();
      long criterion =
          criteria
              .save(
                  new org.sekisho.targeting.criteria.application.CriteriaCatalogue.Draft(
                      java.util.Optional.empty(),
                      "criterion \"Watched importer\" when importer in list \"watched\" then"
                          + " lane red because \"importer named in a seizure\"",
                      java.util.Set.of(),
                      java.util.Optional.empty(),
                      java.util.Optional.empty()),
                  "ana")
              .orElseThrow()
              .id();
      assertThat(criteria.release(criterion, 1, "admin").isAccepted()).isTrue();
      AssessRecords assess = ctx.assessRecords();
      JdbcAssessments store = new JdbcAssessments(db.jdbi(), new DeclarationJson());
      Worklist worklist = new Worklist(store, Clock.systemUTC());
      // both bills at an office whose consignments are not selected at random; analysts raise them
      long c1 = assess.assessJson("transport-document", bill("WC1", "JPOSA")).orElseThrow().id();
      long c2 = assess.assessJson("transport-document", bill("WC2", "JPOSA")).orElseThrow().id();
      assertThat(worklist.decide(c1, "red", "tip from the port", "ana").isAccepted()).isTrue();
      assertThat(worklist.decide(c2, "red", "tip from the port", "ana").isAccepted()).isTrue();
      // W1 is red on its own (its importer is watched) and carries C1's red; E2 only C2's
      String w1json = Declarations.json("WD1", "IMP-W", "BRK-X", "50000");
      w1json = "{\"transportDocument\":\"WC1\"," + w1json.substring(1);
      StoredAssessment w1 = assess.assessJson("declaration", w1json).orElseThrow();
      StoredAssessment e2 =
          assess.assessJson("declaration", declaration("WD2", "WC2")).orElseThrow();
      assertThat(w1.assessment().selection())
          // red on its own, for its hit: that is its basis, the consignment's red seconding it
          .isEqualTo(
              new Selection(
                  Lane.RED, Selection.Basis.CRITERIA, Lane.RED, Selection.Basis.CRITERIA));
      assertThat(worklist.item(w1.id()).orElseThrow().reasons())
          .first()
          .isEqualTo("consignment WC1 was selected red before arrival (assessment " + c1 + ")");

      // C1 released by an analyst: W1 stays red, for its own hit, and says so
      assertThat(worklist.decide(c1, "green", "papers in order", "ana").isAccepted()).isTrue();
      WorkItem now = worklist.item(w1.id()).orElseThrow();
      assertThat(now.finalLane()).isEqualTo(Lane.RED);
      assertThat(now.basis()).isEqualTo("criteria");
      assertThat(now.reasons()).noneMatch(r -> r.contains("before arrival"));
      assertThat(now.reasons()).first().asString().startsWith("Watched importer: ");
      // confirmed red by an analyst: the referral gives the same, current, reason
      assertThat(worklist.decide(w1.id(), "red", "confirm", "ana").isAccepted()).isTrue();
      assertThat(worklist.referrals("JPTYO", 100))
          .filteredOn(w -> w.id() == w1.id())
          .singleElement()
          .satisfies(
              w -> {
                assertThat(w.basis()).isEqualTo("criteria");
                assertThat(w.reasons()).noneMatch(r -> r.contains("before arrival"));
              });

      // C2 lowered to yellow: E2 falls to yellow, and its reason is C2's lane as it now stands
      assertThat(worklist.decide(c2, "yellow", "papers only", "ana").isAccepted()).isTrue();
      WorkItem e = worklist.item(e2.id()).orElseThrow();
      assertThat(e.finalLane()).isEqualTo(Lane.YELLOW);
      assertThat(e.basis()).isEqualTo("consignment");
      assertThat(e.reasons())
          .first()
          .isEqualTo("its consignment WC2 was lowered to yellow (assessment " + c2 + ")");
      // the assessment as made is unchanged, and still replays
      assertThat(assess.replay(w1.id()).orElseThrow().same()).isTrue();
    } finally {
      ctx.close();
    }
  }

  @Test
  void aDeclarationDrawnAtRandomOnItsOwnSaysSoWhetherItsConsignmentStandsOrIsLowered(
      @TempDir Path dir) throws Exception {
    TargetingContext ctx = started(dir);
    try {
      AssessRecords assess = ctx.assessRecords();
      JdbcAssessments store = new JdbcAssessments(db.jdbi(), new DeclarationJson());
      Worklist worklist = new Worklist(store, Clock.systemUTC());
      // two bills at an office whose consignments are not selected at random; analysts raise RB1
      // to red and RB2 to blue
      long b1 = assess.assessJson("transport-document", bill("RB1", "JPOSA")).orElseThrow().id();
      long b2 = assess.assessJson("transport-document", bill("RB2", "JPOSA")).orElseThrow().id();
      assertThat(worklist.decide(b1, "red", "tip from the port", "ana").isAccepted()).isTrue();
      assertThat(worklist.decide(b2, "blue", "papers to check", "ana").isAccepted()).isTrue();
      // declared at JPNGO, where every declaration is drawn blue at random: R1 carries RB1's red
      // above its own blue; R2 would have had RB2's blue on its own, drawn at random
      long r1 =
          assess.assessJson("declaration", atNagoya(declaration("R1", "RB1"))).orElseThrow().id();
      long r2 =
          assess.assessJson("declaration", atNagoya(declaration("R2", "RB2"))).orElseThrow().id();

      // R2's lane is its own random selection (the consignment's seconds it): said so, and it
      // cannot be lowered, as no random selection can
      WorkItem two = worklist.item(r2).orElseThrow();
      assertThat(two.basis()).isEqualTo("random");
      assertThat(two.reasons())
          .containsExactly(
              "consignment RB2 was selected blue before arrival (assessment " + b2 + ")",
              "random selection (measures the true infraction rate)");
      assertThat(worklist.decide(r2, "green", "papers in order", "ana").problems())
          .extracting(org.sekisho.core.Problem::code)
          .containsExactly("random-selection");
      // R1 holds the consignment's red while it stands
      assertThat(worklist.item(r1).orElseThrow().basis()).isEqualTo("consignment");

      // RB1 released: R1 falls back to its own blue, drawn at random, and says so everywhere
      assertThat(worklist.decide(b1, "green", "cleared by the port", "ana").isAccepted()).isTrue();
      WorkItem one = worklist.item(r1).orElseThrow();
      assertThat(one.finalLane()).isEqualTo(Lane.BLUE);
      assertThat(one.lane()).isEqualTo(Lane.BLUE);
      assertThat(one.basis()).isEqualTo("random");
      assertThat(one.reasons())
          .containsExactly("random selection (measures the true infraction rate)");
      assertThat(worklist.items("JPNGO", WorkStatus.OPEN, "", 100))
          .filteredOn(w -> w.id() == r1)
          .singleElement()
          .satisfies(w -> assertThat(w.basis()).isEqualTo("random"));
      // its blue was drawn at random: confirmed, but not lowered
      assertThat(worklist.decide(r1, "green", "papers in order", "ana").problems())
          .extracting(org.sekisho.core.Problem::code)
          .containsExactly("random-selection");
      assertThat(worklist.decide(r1, "blue", "examine as drawn", "ana").isAccepted()).isTrue();
      // referred blue: a post-clearance audit, not in the inspectors' queue
      assertThat(worklist.referrals("JPNGO", 100)).noneMatch(w -> w.id() == r1);
      assertThat(worklist.items("JPNGO", WorkStatus.REFERRED, "", 100))
          .filteredOn(w -> w.id() == r1)
          .singleElement()
          .satisfies(
              w -> {
                assertThat(w.basis()).isEqualTo("random");
                assertThat(w.reasons()).noneMatch(r -> r.contains("before arrival"));
              });
      // the assessments as made are unchanged, and still replay
      assertThat(assess.replay(r1).orElseThrow().same()).isTrue();
      assertThat(assess.replay(r2).orElseThrow().same()).isTrue();
    } finally {
      ctx.close();
    }
  }

  private static String atNagoya(String json) {
    return json.replace("\"JPTYO\"", "\"JPNGO\"");
  }

  private static List<Lane> finalLanes(Worklist worklist, long... ids) {
    return java.util.Arrays.stream(ids)
        .mapToObj(id -> worklist.item(id).orElseThrow().finalLane())
        .toList();
  }

  private static WorkItem.LaneChange lastChange(Worklist worklist, long id) {
    List<WorkItem.LaneChange> changes = worklist.item(id).orElseThrow().changes();
    return changes.get(changes.size() - 1);
  }

  /** Lane, basis and carried consignment of a declaration's stored assessment. */
  private static String lane(JdbcAssessments store, String id) {
    var a = store.byKey("declaration:" + id).orElseThrow().assessment();
    return a.lane().code()
        + " "
        + a.selection().basis().code()
        + a.consignment().map(c -> " " + c.recordKey()).orElse("");
  }
}
