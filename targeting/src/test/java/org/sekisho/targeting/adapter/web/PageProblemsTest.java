package org.sekisho.targeting.adapter.web;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.i18n.Messages;
import org.sekisho.platform.testing.PostgresExtension;
import org.sekisho.targeting.adapter.TargetingContext;
import org.sekisho.targeting.adapter.db.JdbcAssessments;
import org.sekisho.targeting.assessment.adapter.json.DeclarationJson;
import org.sekisho.targeting.assessment.application.RiskScorer;
import org.sekisho.targeting.criteria.Declarations;
import org.sekisho.targeting.criteria.application.CriteriaCatalogue;
import org.sekisho.targeting.criteria.application.CriteriaCatalogue.Draft;
import org.sekisho.targeting.criteria.application.CriterionState;
import org.sekisho.targeting.criteria.application.ReferenceLists;
import org.sekisho.targeting.criteria.application.StoredCriterion;
import org.sekisho.targeting.criteria.domain.ListCsv;
import org.sekisho.targeting.criteria.domain.ListKind;
import org.sekisho.targeting.criteria.domain.ListText;
import org.sekisho.targeting.model.domain.RankingFigures;
import org.sekisho.targeting.release.application.ModelLifecycle;
import org.sekisho.targeting.release.domain.Lifecycle;
import org.sekisho.targeting.release.domain.ModelStatus;
import org.sekisho.targeting.release.domain.ModelVersion;
import org.sekisho.targeting.selectivity.adapter.SelectivityProperties;
import org.sekisho.targeting.selectivity.application.SelectivitySettings;
import org.sekisho.targeting.worklist.application.WorkStatus;
import org.sekisho.targeting.worklist.application.Worklist;

/**
 * A page words a use case's refusal from its wording (key and values), never from its English: each
 * refusal below is produced by the real use case (or domain function), and its Japanese line must
 * carry the values it concerns; its English line is the use case's message, word for word. Every
 * wording the page knows has a text in both bundles, taking as many values as its producers give.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PageProblemsTest {
  // in the administration's zone, as the server words them: a time quoted reads as pages write it
  private static final Messages EN =
      new Messages(Locale.ENGLISH, List.of("i18n.targeting"), ZoneId.of("Asia/Tokyo"));
  private static final Messages JA =
      new Messages(Locale.JAPANESE, List.of("i18n.targeting"), ZoneId.of("Asia/Tokyo"));

  /**
   * How many values each wording takes, by key: what its producers pass (checked below for every
   * refusal produced here) and what its texts in both bundles must take.
   */
  private static final Map<String, Integer> ARGS =
      Map.ofEntries(
          entry("lane", 0),
          entry("comment-required", 1),
          entry("closed", 0),
          entry("superseded", 2),
          entry("random-selection", 0),
          entry("random-selection-own", 1),
          entry("result", 0),
          entry("revenue", 1),
          entry("inconsistent-outcome", 0),
          entry("note-required", 1),
          entry("not-referred", 1),
          entry("changed", 0),
          entry("other-office", 1),
          entry("other-office-item", 1),
          entry("no-assessment", 1),
          entry("criterion-not-found", 1),
          entry("version-not-found", 2),
          entry("no-list", 1),
          entry("longer", 1),
          entry("dates", 0),
          entry("criteria.period-over", 2),
          entry("no-criterion", 1),
          entry("no-version", 2),
          entry("name-taken-rename", 4),
          entry("name-taken", 4),
          entry("name-taken-release", 5),
          entry("office", 1),
          entry("released-already", 4),
          entry("released-already-untimed", 3),
          entry("released-already-unrecorded", 2),
          entry("release-race", 2),
          entry("reason-required", 1),
          entry("disabled-already", 4),
          entry("disabled-already-unrecorded", 1),
          entry("disable-race", 1),
          entry("date", 0),
          entry("days", 0),
          entry("whole", 0),
          entry("list-name", 0),
          entry("list-kind", 0),
          entry("list-exists", 1),
          entry("empty-replacement", 0),
          entry("csv-quote", 0),
          entry("csv-unclosed", 0),
          entry("csv-nul", 0),
          entry("csv-cells", 1),
          entry("csv-not-utf8", 3),
          entry("csv-not-charset", 4),
          entry("list-charset", 1),
          entry("entry-empty", 0),
          entry("header", 3),
          entry("header-extra", 2),
          entry("entry-country", 1),
          entry("entry-hs", 1),
          entry("entry-phone", 1),
          entry("entry-note", 0),
          entry("entry-twice", 2),
          entry("entry-phone-international", 1),
          entry("entry-same-number", 3),
          entry("model-approve", 2),
          entry("model-restore-instead", 2),
          entry("model-release", 2),
          entry("model-restore", 2),
          entry("model-not-released", 1),
          entry("model-second-person", 2),
          entry("model-none", 1),
          entry("model-changed", 1),
          entry("selectivity-version", 0),
          entry("selectivity-changed", 2),
          entry("selectivity-changed-by", 3),
          entry("selectivity-too-large", 1),
          entry("selectivity-if-match", 0),
          entry("setting.twice", 2),
          entry("setting.whole", 2),
          entry("setting.labels", 2),
          entry("setting.lane", 2),
          entry("setting.label-length", 2),
          entry("setting.unknown", 1),
          entry("setting.form", 1),
          entry("setting.green", 1),
          entry("setting.office", 2),
          entry("setting.kind", 2),
          entry("setting.max-hits", 2),
          entry("setting.percent", 2),
          entry("setting.below-random", 4),
          entry("setting.random-defaults", 2),
          entry("setting.random-sum", 3),
          entry("worklist-office", 1),
          entry("worklist-status", 0),
          entry("worklist-kind", 1),
          entry("assessment-id", 0),
          entry("inspector-office", 0),
          entry("version-required", 1),
          entry("outcome-version-required", 1),
          entry("json-unknown", 2),
          entry("json-unknown-near", 3),
          entry("json-unknown-none", 1),
          entry("json-invalid", 0),
          entry("json-object", 0),
          entry("json-nothing", 0),
          entry("json-syntax", 1),
          entry("json-string", 1),
          entry("json-boolean", 1),
          entry("json-strings", 1),
          entry("json-whole", 3),
          entry("json-whole-type", 3),
          entry("list-mode", 0),
          entry("item-version-none", 3),
          entry("item-not-as-shown", 2),
          entry("item-changed-meanwhile", 3),
          entry("correction-comment", 1),
          entry("correction-no-outcome", 1),
          entry("correction-version-none", 2),
          entry("correction-changed", 1),
          entry("correction-changed-by", 2),
          entry("amount-number", 2));

  /**
   * Wordings only the web module itself or a race produces (an id in a path, another office's item,
   * two writers at one moment, an assessment superseded by a later one): their pages are tested
   * where the web module is ({@code PagesInJapaneseTest}), or not produced here at all.
   */
  private static final Set<String> NOT_PRODUCED_HERE =
      Set.of(
          "superseded",
          "changed",
          "other-office",
          "other-office-item",
          "no-assessment",
          "criterion-not-found",
          "version-not-found",
          "no-list",
          "release-race",
          "disable-race",
          // a version released, or a criterion disabled, before who and when were kept
          // (CriterionConflictsInReadersLanguageTest words them from the migrated rows)
          "released-already-untimed",
          "released-already-unrecorded",
          "disabled-already-unrecorded",
          "date",
          "days",
          "whole",
          "model-changed",
          // a change after another one, and the API's missing If-Match (SelectivityWebTest)
          "selectivity-changed-by",
          "selectivity-if-match",
          // the web module's reading of a filter, a path or a JSON body
          // (RefusedFormsKeepWhatWasTypedTest)
          "worklist-office",
          "worklist-status",
          "worklist-kind",
          "assessment-id",
          "inspector-office",
          "version-required",
          "outcome-version-required",
          "json-unknown",
          "json-unknown-near",
          // a field sent to a route that takes none (BodilessRoutesRefuseFieldsTest)
          "json-unknown-none",
          "json-invalid",
          "json-object",
          "json-string",
          "json-boolean",
          "json-strings",
          "json-whole",
          "json-whole-type",
          "list-mode",
          // the API's lane and correction conflicts, an amount as a JSON number
          // (PagesInJapaneseTest)
          "item-version-none",
          "item-not-as-shown",
          "item-changed-meanwhile",
          "correction-comment",
          "correction-no-outcome",
          "correction-version-none",
          "correction-changed",
          "correction-changed-by",
          "amount-number");

  /**
   * Nothing is selected but at Osaka, where everything is sent to red at random, and at Nagoya,
   * where every declaration is drawn blue: elsewhere each record lands where an analyst decides it.
   */
  private static final String SELECTIVITY =
      """
      default.red.expected=0
      default.red.random=0
      default.yellow.expected=0
      default.yellow.random=0
      default.blue.expected=0
      default.blue.random=0
      office.JPOSA.red.random=100
      office.JPNGO.blue.random=100
      """;

  private static final String COFFEE =
      "criterion \"Coffee\" when hs starts with \"0901\" then lane red weight 10 because \"cheap"
          + " coffee\"";
  private static final String MATE =
      "criterion \"Mate\" when hs starts with \"0903\" then lane red weight 10 because \"cheap"
          + " mate\"";
  private static final String TEA =
      "criterion \"Tea\" when hs starts with \"0902\" then lane red weight 10 because \"cheap tea\"";

  private TargetingContext ctx;
  private Database db;

  @BeforeAll
  void start(Database db, @TempDir Path dir) throws Exception {
    this.db = db;
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("targeting")));
    Files.createDirectories(dir.resolve("targeting"));
    Files.writeString(dir.resolve("targeting/selectivity.properties"), SELECTIVITY);
    ctx =
        new TargetingContext(db, new AuditLog(db.jdbi()), Clock.systemUTC(), dir, RiskScorer.NONE);
    ctx.start();
  }

  @AfterAll
  void stop() {
    if (ctx != null) {
      ctx.close();
    }
  }

  /** A bundle as the classpath holds it, read as UTF-8 (as {@link Messages} reads it). */
  private static Properties bundle(String language) throws Exception {
    Properties p = new Properties();
    try (InputStream in =
        PageProblemsTest.class.getResourceAsStream("/i18n/targeting_" + language + ".properties")) {
      assertThat(in).as(language).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void everyWordingHasATextInBothLanguagesTakingTheValuesItsProducersGive() throws Exception {
    assertThat(new TreeSet<>(PageProblems.WORDINGS.keySet()))
        .as("a wording added to the page is added here with the values it takes")
        .isEqualTo(new TreeSet<>(ARGS.keySet()));
    for (String language : List.of("en", "ja")) {
      Properties b = bundle(language);
      for (var w : PageProblems.WORDINGS.entrySet()) {
        String text = b.getProperty(w.getValue().bundleKey());
        assertThat(text).as(language + " " + w.getValue().bundleKey()).isNotBlank();
        int takes = ARGS.get(w.getKey());
        assertThat(new MessageFormat(text, Locale.ROOT).getFormatsByArgumentIndex())
            .as(language + " " + w.getValue().bundleKey() + ": " + text)
            .hasSize(takes);
        for (int i = 0; i < takes; i++) {
          assertThat(text).as(language + " " + w.getKey()).contains("{" + i + "}");
        }
        // a value put into words by a prefix (a status) has words for every value it may take
        for (int i = 0; i < w.getValue().argKeys().size(); i++) {
          String prefix = w.getValue().argKeys().get(i);
          if (prefix.isEmpty()) {
            continue;
          }
          List<String> codes =
              switch (prefix) {
                case "targeting.problem.status." ->
                    java.util.Arrays.stream(WorkStatus.values()).map(WorkStatus::code).toList();
                // the kinds of JSON value a field of the wrong kind may hold
                case "targeting.problem.lane-name." ->
                    java.util.Arrays.stream(org.sekisho.targeting.selectivity.domain.Lane.values())
                        .map(org.sekisho.targeting.selectivity.domain.Lane::code)
                        .toList();
                // an instant, written as the reader reads times
                case PageProblems.TIME -> List.of();
                case PageProblems.JSON_TYPE ->
                    List.of("string", "number", "boolean", "array", "object", "null");
                default ->
                    java.util.Arrays.stream(ModelStatus.values()).map(ModelStatus::code).toList();
              };
          for (String code : codes) {
            assertThat(b.getProperty(prefix + code))
                .as(language + " " + prefix + code)
                .isNotBlank();
          }
        }
      }
    }
  }

  /** One refusal as a use case gives it, and its Japanese line with the values it concerns. */
  private record Case(String key, Supplier<Problem> refusal, String japanese) {}

  /** The one problem of {@code o} worded {@code key}. */
  private static Problem only(Outcome<?> o, String key) {
    return only(o.problems(), key);
  }

  private static Problem only(List<Problem> problems, String key) {
    List<Problem> worded = problems.stream().filter(p -> p.key().equals(key)).toList();
    assertThat(worded).as(key + " in " + problems).hasSize(1);
    return worded.get(0);
  }

  private static final Instant T0 = Instant.parse("2026-11-27T01:00:00Z");
  private static final RankingFigures FIGURES =
      new RankingFigures(1000, 200, Map.of(1, 1.0, 5, 0.98), Map.of(1, 0.05, 5, 0.25), 0.93);

  private static ModelVersion registered(int version, String by) {
    return ModelVersion.evaluated(
        version, "risk-" + version, "hash-" + version, FIGURES, "valid.csv", by, T0);
  }

  private static ModelVersion approved(int version) {
    return Lifecycle.approve(registered(version, "kim"), "ada", T0).orElseThrow();
  }

  private static ModelVersion released(int version) {
    return Lifecycle.release(approved(version), Optional.empty(), "ada", T0)
        .orElseThrow()
        .released();
  }

  private static final String CSV =
      "value,note\nTH,a\nth,again\nCO,a,b\nC\"N\n,empty\nBR,\"" + "n".repeat(501) + "\"\n\"VN";

  private static final String SETTINGS =
      "seed=x\nlabels=pink\nlabel.purple=X\nlabel.red="
          + "r".repeat(100)
          + "\nbogus=1\ndefault.red.often=5\ndefault.green.expected=5\n"
          + "office.NOWHERE.red.expected=5\noffice.JPYOK/parcel.red.expected=5\n"
          + "default.red.max-hits=-1\ndefault.yellow.expected=150\nseed=3\n"
          + "office.JPYOK.red.expected=1\noffice.JPYOK.red.random=2\n";

  private List<Case> cases() {
    Worklist worklist =
        new Worklist(new JdbcAssessments(db.jdbi(), new DeclarationJson()), Clock.systemUTC());
    long open =
        ctx.assessRecords()
            .assessJson("declaration", Declarations.json("D-PP-1", "IMP-PP", "BRK-PP", "800"))
            .orElseThrow()
            .id();
    long inspected =
        ctx.assessRecords()
            .assessJson("declaration", Declarations.json("D-PP-2", "IMP-PP", "BRK-PP", "800"))
            .orElseThrow()
            .id();
    long drawn =
        ctx.assessRecords()
            .assessJson(
                "declaration",
                Declarations.json("D-PP-3", "IMP-PP", "BRK-PP", "800")
                    .replace("\"office\":\"JPTYO\"", "\"office\":\"JPOSA\""))
            .orElseThrow()
            .id();
    // drawn blue at random on its own at Nagoya, held red by its bill, which an analyst raised
    long bill =
        ctx.assessRecords()
            .assessJson(
                "transport-document",
                "{\"number\":\"PP-BL\",\"documentType\":\"MBL\",\"date\":\"2026-11-27\","
                    + "\"office\":\"JPTYO\",\"consignee\":{\"name\":\"Importer IMP-PP\"},"
                    + "\"portOfLoading\":\"THBKK\",\"hsCode\":\"090121\",\"grossMassKg\":\"100\","
                    + "\"packages\":5}")
            .orElseThrow()
            .id();
    assertThat(worklist.decide(bill, "red", "tip from the port", "ana").isAccepted()).isTrue();
    long heldDrawn =
        ctx.assessRecords()
            .assessJson(
                "declaration",
                "{\"transportDocument\":\"PP-BL\","
                    + Declarations.json("D-PP-4", "IMP-PP", "BRK-PP", "800")
                        .replace("\"office\":\"JPTYO\"", "\"office\":\"JPNGO\"")
                        .substring(1))
            .orElseThrow()
            .id();
    assertThat(worklist.decide(inspected, "red", "examine the goods", "ana").isAccepted()).isTrue();
    Outcome<?> beforeOutcome =
        worklist.recordOutcome(inspected, "nothing-found", "", false, "", "ken");
    assertThat(beforeOutcome.isAccepted()).as(beforeOutcome.toString()).isTrue();

    CriteriaCatalogue catalogue = ctx.criteriaCatalogue();
    StoredCriterion coffee =
        catalogue
            .save(
                new Draft(Optional.empty(), COFFEE, Set.of(), Optional.empty(), Optional.empty()),
                "ana")
            .orElseThrow();
    StoredCriterion inForce = catalogue.release(coffee.id(), coffee.version(), "ada").orElseThrow();
    StoredCriterion tea =
        catalogue
            .save(
                new Draft(Optional.empty(), TEA, Set.of(), Optional.empty(), Optional.empty()),
                "ana")
            .orElseThrow();
    assertThat(catalogue.disable(tea.id(), "ana", "replaced by the tariff rule").isAccepted())
        .isTrue();
    CriterionState.Disabled disabled = catalogue.states().get(tea.id()).disabled().orElseThrow();
    // a draft whose criterion was disabled while another took its name: it cannot be released
    StoredCriterion mate =
        catalogue
            .save(
                new Draft(Optional.empty(), MATE, Set.of(), Optional.empty(), Optional.empty()),
                "ana")
            .orElseThrow();
    assertThat(catalogue.disable(mate.id(), "ana", "rewritten as a new rule").isAccepted())
        .isTrue();
    StoredCriterion newMate =
        catalogue
            .save(
                new Draft(Optional.empty(), MATE, Set.of(), Optional.empty(), Optional.empty()),
                "ana")
            .orElseThrow();
    LocalDate today = catalogue.today();

    ReferenceLists lists = ctx.referenceLists();
    assertThat(lists.create("origins", "countries", "", "ana").isAccepted()).isTrue();

    ModelVersion retired =
        Lifecycle.release(approved(5), Optional.of(released(3)), "ada", T0)
            .orElseThrow()
            .retired()
            .orElseThrow();
    ModelLifecycle models = ctx.modelLifecycle();
    ModelLifecycle.Actor ben = new ModelLifecycle.Actor("ben", "customs-jp");

    List<Problem> csv = ListCsv.read(CSV, ListKind.COUNTRIES).problems();
    List<Problem> settings = SelectivityProperties.parse(SETTINGS).problems();
    SelectivitySettings selectivity = ctx.selectivitySettings();

    return List.of(
        // lane decisions
        new Case(
            "lane",
            () -> only(worklist.decide(open, "purple", "because", "ana"), "lane"),
            "区分: 区分を選んでください (red, yellow, blue, green のいずれか)"),
        new Case(
            "comment-required",
            () -> only(worklist.decide(open, "red", "ab", "ana"), "comment-required"),
            "コメント: 理由を 5 文字以上のコメントで書いてください"),
        new Case(
            "longer",
            () -> only(worklist.decide(open, "red", "x".repeat(2001), "ana"), "longer"),
            "コメント: 2000 文字を超えています"),
        new Case(
            "random-selection",
            () ->
                only(
                    worklist.decide(drawn, "green", "looks fine to me", "ana"), "random-selection"),
            "区分: 無作為選定は真の違反率を測るためのもので、区分を下げることはできません。代わりに検査で見つかったことを記録してください"),
        new Case(
            "random-selection-own",
            () ->
                only(
                    worklist.decide(heldDrawn, "green", "looks fine to me", "ana"),
                    "random-selection-own"),
            "区分: この申告はそれ自体で無作為に青に選定されており、貨物の区分にかかわらず青より下げることはできません。無作為選定は真の違反率を測るためのものです。代わりに検査で見つかったことを記録してください"),
        new Case(
            "closed",
            () -> only(worklist.decide(inspected, "green", "cleared", "ana"), "closed"),
            "状態: 検査結果が既に記録されています"),
        // inspection outcomes
        new Case(
            "result",
            () -> only(worklist.recordOutcome(open, "maybe", "", false, "", "ken"), "result"),
            "結果: 「異常なし」か「違反あり」を選んでください"),
        new Case(
            "revenue",
            () ->
                only(
                    worklist.recordOutcome(open, "infraction", "-3", false, "found it", "ken"),
                    "revenue"),
            "追徴額: 0 以上 999999999999999.99 以下、小数 2 桁までの金額を入力してください (例: 12500.50 または"
                + " 12,500.50)"),
        new Case(
            "inconsistent-outcome",
            () ->
                only(
                    worklist.recordOutcome(open, "nothing-found", "5", false, "", "ken"),
                    "inconsistent-outcome"),
            "結果: 追徴額や差押えがある場合は「違反あり」です"),
        new Case(
            "note-required",
            () ->
                only(
                    worklist.recordOutcome(open, "infraction", "", false, "", "ken"),
                    "note-required"),
            "備考: 見つかった内容を 5 文字以上の備考で書いてください (違反は事業者の履歴に数えられます)"),
        new Case(
            "not-referred",
            () ->
                only(
                    worklist.recordOutcome(inspected, "nothing-found", "", false, "", "ken"),
                    "not-referred"),
            "状態: 結果を記録できるのは検査に付された審査だけです。この審査は「検査済み」です"),
        // criteria: saving
        new Case(
            "office",
            () ->
                only(
                    catalogue.save(
                        new Draft(
                            Optional.empty(),
                            TEA,
                            Set.of("NOWHERE"),
                            Optional.empty(),
                            Optional.empty()),
                        "ana"),
                    "office"),
            "官署: 「NOWHERE」は官署コードではありません。UN/LOCODE (部署を付けて JPYOK、JPNRT-MAIL など) か官署番号を入力してください"),
        new Case(
            "dates",
            () ->
                only(
                    catalogue.save(
                        new Draft(
                            Optional.empty(),
                            COFFEE,
                            Set.of(),
                            Optional.of(LocalDate.parse("2099-02-01")),
                            Optional.of(LocalDate.parse("2099-01-01"))),
                        "ana"),
                    "dates"),
            "適用終了日: 適用終了日が適用開始日より前です"),
        new Case(
            "criteria.period-over",
            () ->
                only(
                    catalogue.save(
                        new Draft(
                            Optional.empty(),
                            COFFEE,
                            Set.of(),
                            Optional.empty(),
                            Optional.of(LocalDate.parse("2020-01-01"))),
                        "ana"),
                    "criteria.period-over"),
            "適用終了日: 適用期間は 2020-01-01 に終了しています (本日は "
                + today
                + ")。この版が適用されることはありません。本日以降の終了日か、終了日なしで保存してください。"),
        new Case(
            "no-criterion",
            () ->
                only(
                    catalogue.save(
                        new Draft(
                            Optional.of(999999L),
                            COFFEE,
                            Set.of(),
                            Optional.empty(),
                            Optional.empty()),
                        "ana"),
                    "no-criterion"),
            "ID: 基準 999999 はありません"),
        new Case(
            "name-taken",
            () ->
                only(
                    catalogue.save(
                        new Draft(
                            Optional.empty(), COFFEE, Set.of(), Optional.empty(), Optional.empty()),
                        "ana"),
                    "name-taken"),
            "名称: 「Coffee」という名前の基準は既にあります (c"
                + coffee.id()
                + "、最新版 "
                + coffee.key()
                + ")。その基準の新しい版として保存するには ID ("
                + coffee.id()
                + ") を指定し、別の基準にする場合は名前を変えてください"),
        new Case(
            "name-taken-rename",
            () ->
                only(
                    catalogue.save(
                        new Draft(
                            Optional.of(tea.id()),
                            COFFEE,
                            Set.of(),
                            Optional.empty(),
                            Optional.empty()),
                        "ana"),
                    "name-taken-rename"),
            "名称: 「Coffee」という名前の基準は既にあります (c"
                + coffee.id()
                + "、最新版 "
                + coffee.key()
                + ")。c"
                + tea.id()
                + " のこの版には、使われていない名前を付けてください"),
        // criteria: releasing
        new Case(
            "no-version",
            () -> only(catalogue.release(999999, 1, "ada"), "no-version"),
            "版: 基準 c999999v1 が見つかりません"),
        new Case(
            "released-already",
            () -> only(catalogue.release(coffee.id(), coffee.version(), "ada"), "released-already"),
            "版: 基準 "
                + coffee.key()
                + " は既に適用中です ("
                // the administration's time, as pages write times, never a raw UTC instant
                + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH)
                    .format(inForce.releasedAt().orElseThrow().atZone(ZoneId.of("Asia/Tokyo")))
                + " に ada が適用)"),
        new Case(
            "name-taken-release",
            () -> only(catalogue.release(mate.id(), mate.version(), "ada"), "name-taken-release"),
            "名称: 基準 "
                + mate.key()
                + " の名前「Mate」は c"
                + newMate.id()
                + " ("
                + newMate.key()
                + ") と同じです。c"
                + mate.id()
                + " を別の名前で新しい版として保存し、その版を適用してください"),
        // criteria: disabling
        new Case(
            "reason-required",
            () -> only(catalogue.disable(coffee.id(), "ana", "no"), "reason-required"),
            "理由: 無効化する理由を 5 文字以上で書いてください"),
        new Case(
            "disabled-already",
            () -> only(catalogue.disable(tea.id(), "ana", "again, why not"), "disabled-already"),
            "ID: 基準 c"
                + tea.id()
                + " は既に無効化されています ("
                + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH)
                    .format(disabled.at().orElseThrow().atZone(ZoneId.of("Asia/Tokyo")))
                + " に ana が無効化。理由: replaced by the tariff rule)。いずれかの版を適用すると再び有効になります"),
        // reference lists and their CSV files
        new Case(
            "list-name",
            () -> only(lists.create("Bad Name", "countries", "", "ana"), "list-name"),
            "名称: 英小文字・数字・ハイフン (63 文字まで) で入力してください (例: high-risk-origins)"),
        new Case(
            "list-kind",
            () -> only(lists.create("colours", "colours", "", "ana"), "list-kind"),
            "種類: 種類を選んでください (parties, countries, hs-codes, documents, addresses, phones のいずれか)"),
        new Case(
            "list-exists",
            () -> only(lists.create("origins", "countries", "", "ana"), "list-exists"),
            "名称: origins という名前のリストは既にあります"),
        new Case(
            "entry-country",
            () -> only(lists.add("origins", "XYZ", "", "ana"), "entry-country"),
            "値: ISO 3166-1 alpha-2 の国コード (ZZ: 不明) を入力してください (入力値: 「XYZ」)"),
        new Case(
            "empty-replacement",
            () ->
                only(
                    lists.importCsv("origins", "value\n", "ana", ReferenceLists.Mode.REPLACE),
                    "empty-replacement"),
            "CSV: 置き換えには 1 件以上の登録が必要です。リストを空にするには 1 件ずつ削除してください"),
        new Case(
            "entry-twice",
            () -> only(csv, "entry-twice"),
            "3 行目: TH は既に 2 行目にあります。値は 1 回だけ書いてください (2 行目の行を読み込みました)"),
        new Case(
            "csv-cells", () -> only(csv, "csv-cells"), "4 行目: セルは 2 つ (value, note) までですが、3 個あります"),
        new Case(
            "csv-quote",
            () -> only(csv, "csv-quote"),
            "5 行目: 引用符で囲まれていないセルに「\"」があります。セル全体を「\"」で囲んでください"),
        new Case("entry-empty", () -> only(csv, "entry-empty"), "6 行目: 値が空です"),
        new Case("entry-note", () -> only(csv, "entry-note"), "7 行目: 備考が 500 文字を超えています"),
        new Case("csv-unclosed", () -> only(csv, "csv-unclosed"), "8 行目: 「\"」で始まるセルが閉じられていません"),
        new Case(
            "csv-nul",
            () -> only(ListCsv.read("TH\nA\u0000B\n", ListKind.PARTIES).problems(), "csv-nul"),
            "2 行目: 保存できない NUL 文字 (U+0000) が含まれています。削除してください"),
        // Excel's CSV in Japan (Shift_JIS) sent as UTF-8, or as what it is not
        new Case(
            "csv-not-utf8",
            () ->
                only(
                    ListText.decode(
                        "value,note\nTH,山田商事\n".getBytes(Charset.forName("windows-31j")),
                        ListText.DEFAULT),
                    "csv-not-utf8"),
            "2 行目: 2 行目に UTF-8 の文字として読めないバイトがあります (バイトオフセット 14: 0x8E)。何も取り込んでいません。"
                + "Excel では「CSV UTF-8 (コンマ区切り)」で保存し直して取り込むか、ファイルの文字コードを指定してください (charset=Shift_JIS)"),
        new Case(
            "csv-not-charset",
            () ->
                only(
                    ListText.decode(
                        "value\nTH\n\u00ff".getBytes(StandardCharsets.ISO_8859_1),
                        StandardCharsets.US_ASCII),
                    "csv-not-charset"),
            "3 行目: 3 行目に US-ASCII の文字として読めないバイトがあります (バイトオフセット 9: 0xFF)。何も取り込んでいません。"
                + "ファイルの文字コードを指定し直すか、「CSV UTF-8 (コンマ区切り)」で保存して charset を付けずに送ってください"),
        new Case(
            "list-charset",
            () -> only(ListText.charset("klingon-8"), "list-charset"),
            "文字コード: 文字コードは UTF-8 (既定) または Shift_JIS などを指定してください (指定: 「klingon-8」)"),
        new Case(
            "header",
            () -> only(ListCsv.read("vaule,note\nTH\n", ListKind.COUNTRIES).problems(), "header"),
            "1 行 1 列: 見出し行の 1 列目が「vaule」ですが、ここは「value」です。見出し行は value または value,note"
                + " (登録する値と、任意の備考) です。見出し行を省いて 1 行目から登録を書くこともできます"),
        new Case(
            "header-extra",
            () ->
                only(
                    ListCsv.read("value,note,origin\nTH\n", ListKind.COUNTRIES).problems(),
                    "header-extra"),
            "1 行 3 列: 見出し行の 3 列目が「origin」ですが、見出し行は 2 列までです。見出し行は value または value,note"
                + " (登録する値と、任意の備考) です。見出し行を省いて 1 行目から登録を書くこともできます"),
        new Case(
            "entry-hs",
            () -> only(ListCsv.read("value\n09x\n", ListKind.HS_CODES).problems(), "entry-hs"),
            "2 行目: 2～10 桁の HS コード (またはその先頭部分) を入力してください (入力値: 「09x」)"),
        new Case(
            "entry-phone",
            () -> only(ListCsv.read("value\n12\n", ListKind.PHONES).problems(), "entry-phone"),
            "2 行目: 5 桁以上の電話番号を入力してください (入力値: 「12」)"),
        // a record sent for assessment that is no JSON object
        new Case(
            "json-nothing",
            () -> only(new DeclarationJson().parse("declaration", " "), "json-nothing"),
            "本文が空です。記録を JSON オブジェクトで送ってください"),
        new Case(
            "json-syntax",
            () ->
                only(
                    new DeclarationJson().parse("declaration", "{\"declarationId\": D-1}"),
                    "json-syntax"),
            "本文が JSON として読めません（Unrecognized token 'D': was expecting (JSON String, Number, Array,"
                + " Object or token 'null', 'true' or 'false')）。記録を JSON オブジェクトで送ってください"),
        new Case(
            "entry-phone-international",
            () ->
                only(
                    ListCsv.read("value\n+1010000000000\n", ListKind.PHONES).problems(),
                    "entry-phone-international"),
            "2 行目: 国際番号として読める電話番号を入力してください (例: +81 3 3094 7412。国番号のない番号は日本の番号として読みます)"
                + " (入力値: 「+1010000000000」)"),
        new Case(
            "entry-same-number",
            () ->
                only(
                    ListCsv.read("+81 3-3094-7412\n03-3094-7412\n", ListKind.PHONES).problems(),
                    "entry-same-number"),
            "2 行目: 03-3094-7412 は 1 行目 (+81 330947412) と同じ番号です。番号は 1 回だけ書いてください (1 行目の行を読み込みました)"),
        // risk models: approving, releasing, restoring
        new Case(
            "model-second-person",
            () -> only(Lifecycle.approve(registered(2, "ada"), "ada", T0), "model-second-person"),
            "by: ada がモデル版 2 を登録しました。承認は別の管理者が行います"),
        new Case(
            "model-approve",
            () -> only(Lifecycle.approve(released(3), "ben", T0), "model-approve"),
            "状態: モデル版 3 は「リリース中」です。承認できるのは評価済みのモデルだけです"),
        new Case(
            "model-release",
            () ->
                only(
                    Lifecycle.release(registered(4, "kim"), Optional.empty(), "ada", T0),
                    "model-release"),
            "状態: モデル版 4 は「評価済み」です。リリースできるのは承認済みのモデルだけです"),
        new Case(
            "model-restore-instead",
            () ->
                only(
                    Lifecycle.release(retired, Optional.empty(), "ada", T0),
                    "model-restore-instead"),
            "状態: モデル版 3 は「退役」です。復元してください"),
        new Case(
            "model-restore",
            () ->
                only(
                    Lifecycle.restore(registered(4, "kim"), Optional.empty(), "ada", T0),
                    "model-restore"),
            "状態: モデル版 4 は「評価済み」です。復元できるのは退役したモデルだけです"),
        new Case(
            "model-not-released",
            () ->
                only(
                    Lifecycle.release(approved(5), Optional.of(approved(6)), "ada", T0),
                    "model-not-released"),
            "状態: モデル版 6 はリリースされていません"),
        new Case(
            "model-none", () -> only(models.approve(9, ben), "model-none"), "版: モデル版 9 はありません"),
        // selectivity settings as a whole: the version changed on, the text's size
        new Case(
            "selectivity-version",
            () -> only(selectivity.replace("seed=1\n", "", "ana"), "selectivity-version"),
            "版: 変更のもとにした設定の版を指定してください (GET /api/targeting/selectivity の ETag)"),
        new Case(
            "selectivity-changed",
            () ->
                only(
                    selectivity.replace("seed=1\n", "0123456789abcdef", "ana"),
                    "selectivity-changed"),
            "版: 版 0123456789ab を読み込んだ後に設定が変更されました。現在は版 "
                + SelectivitySettings.abbreviated(selectivity.current().version())
                + " です。再読み込みしてから変更し直してください"),
        new Case(
            "selectivity-too-large",
            () ->
                only(
                    selectivity.replace(
                        "#".repeat(SelectivitySettings.MAX_TEXT + 1),
                        selectivity.current().version(),
                        "ana"),
                    "selectivity-too-large"),
            "テキスト: 設定のテキストは 65536 文字までです"),
        // selectivity settings, one a line
        new Case(
            "setting.whole",
            () -> only(settings, "setting.whole"),
            "1 行目: seed: 整数を指定してください (指定値: 「x」)"),
        new Case(
            "setting.labels",
            () -> only(settings, "setting.labels"),
            "2 行目: labels: japan か colours を指定してください (指定値: 「pink」)"),
        new Case(
            "setting.lane",
            () -> only(settings, "setting.lane"),
            "3 行目: label.purple: 「purple」という区分はありません (red, yellow, blue, green のいずれか)"),
        new Case(
            "setting.label-length",
            () -> only(settings, "setting.label-length"),
            "4 行目: label.red: 表示名は 60 文字までです"),
        new Case(
            "setting.unknown",
            () -> only(settings, "setting.unknown"),
            "5 行目: bogus: この設定はありません。seed、labels、label.<区分>、default.<red|yellow|blue>.<expected|random|max-hits>、"
                + "office.<官署>[/<種類>].<red|yellow|blue>.<expected|random|max-hits> のいずれかです"),
        new Case(
            "setting.form",
            () -> only(settings, "setting.form"),
            "6 行目: default.red.often: <範囲>.<red|yellow|blue>.<expected|random|max-hits> の形で指定してください"),
        new Case(
            "setting.green",
            () -> only(settings, "setting.green"),
            "7 行目: default.green.expected: green には設定がありません (他の区分の残りが green です)"),
        new Case(
            "setting.office",
            () -> only(settings, "setting.office"),
            "8 行目: office.NOWHERE.red.expected: 「NOWHERE」は官署コードではありません。UN/LOCODE (部署を付けて"
                + " JPYOK、JPNRT-MAIL など) か官署番号を指定してください"),
        new Case(
            "setting.kind",
            () -> only(settings, "setting.kind"),
            "9 行目: office.JPYOK/parcel.red.expected: 「parcel」は記録の種類ではありません。declaration、postal-item、"
                + "transport-document のいずれかです"),
        new Case(
            "setting.max-hits",
            () -> only(settings, "setting.max-hits"),
            "10 行目: default.red.max-hits: 選定なしで許す該当回数を整数で指定してください (0 は無制限。指定値: 「-1」)"),
        new Case(
            "setting.percent",
            () -> only(settings, "setting.percent"),
            "11 行目: default.yellow.expected: 0 から 100 までの百分率を指定してください (指定値: 「150」)"),
        new Case(
            "setting.twice",
            () -> only(settings, "setting.twice"),
            "12 行目: seed: 2 回指定されています (1 行目にもあります)"),
        new Case(
            "setting.below-random",
            () -> only(settings, "setting.below-random"),
            "13 行目: office.JPYOK.red.expected: red の期待率 (1 %) が無作為選定率 (2 %) を下回っています。"
                + "無作為選定だけで超えてしまうため、引き上げるか、上乗せなしの 0 にしてください"),
        new Case(
            "setting.random-defaults",
            () ->
                only(
                    SelectivityProperties.parse(
                            "default.red.random=50\ndefault.yellow.random=30\ndefault.blue.random=30\n")
                        .problems(),
                    "setting.random-defaults"),
            "1 行目: default.red.random: 既定値の無作為選定率の合計が 110 % で、100 % を超えています"),
        new Case(
            "setting.random-sum",
            () ->
                only(
                    SelectivityProperties.parse(
                            "default.red.random=0\ndefault.yellow.random=0\ndefault.blue.random=0\n"
                                + "office.JPOSA.red.random=60\noffice.JPOSA.yellow.random=60\n")
                        .problems(),
                    "setting.random-sum"),
            "4 行目: office.JPOSA.red.random: JPOSA の無作為選定率の合計が 120 % で、100 % を超えています"));
  }

  @Test
  void eachRefusalOfTheUseCasesIsSaidInJapaneseWithItsValuesAndInEnglishAsTheUseCaseWroteIt() {
    List<Case> cases = cases();
    List<String> failures = new ArrayList<>();
    Set<String> covered = new TreeSet<>();
    for (Case c : cases) {
      Problem p = c.refusal().get();
      covered.add(c.key());
      assertThat(p.key()).as(c.key()).isEqualTo(c.key());
      assertThat(p.args()).as(c.key() + " " + p.args()).hasSize(ARGS.get(c.key()));
      String ja = PageProblems.line(JA, p);
      if (!ja.equals(c.japanese())) {
        failures.add(c.key() + ":\n  expected " + c.japanese() + "\n  but was  " + ja);
      }
      if (!c.key().equals("criteria.period-over")) {
        // the English page says the use case's words exactly (a period that is over is said as
        // the editor said it before)
        assertThat(PageProblems.line(EN, p))
            .as(c.key())
            .isEqualTo(p.field().isEmpty() ? p.message() : p.field() + ": " + p.message());
      }
    }
    assertThat(failures).isEmpty();
    Set<String> all = new TreeSet<>(ARGS.keySet());
    all.removeAll(NOT_PRODUCED_HERE);
    assertThat(covered).isEqualTo(all);
  }

  @Test
  void aRefusalWithoutAWordingTheModuleKnowsIsShownAsTheUseCaseWroteIt() {
    Problem plain = Problem.of("conflict", "status", "the item changed meanwhile; reload it");
    assertThat(PageProblems.line(JA, plain)).isEqualTo("状態: the item changed meanwhile; reload it");
    Problem unknown = plain.worded("no-such-wording", "x");
    assertThat(PageProblems.message(JA, unknown)).isEmpty();
    assertThat(PageProblems.line(JA, unknown))
        .isEqualTo("状態: the item changed meanwhile; reload it");
    // the wording, not the English, decides: a value with the English's own delimiters in it
    Problem twice =
        only(
            ListCsv.read("A is on line 7 already\nA is on line 7 already\n", ListKind.PARTIES)
                .problems(),
            "entry-twice");
    assertThat(PageProblems.line(JA, twice))
        .isEqualTo("2 行目: A IS ON LINE 7 ALREADY は既に 1 行目にあります。値は 1 回だけ書いてください (1 行目の行を読み込みました)");
  }
}
