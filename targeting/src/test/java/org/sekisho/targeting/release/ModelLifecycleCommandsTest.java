package org.sekisho.targeting.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.auth.PasswordHasher;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.DatabaseConfig;
import org.sekisho.platform.db.Migrations;
import org.sekisho.targeting.adapter.TargetingContext;
import org.sekisho.targeting.assessment.application.Replay;
import org.sekisho.targeting.assessment.application.StoredAssessment;
import org.sekisho.targeting.model.adapter.store.ModelDirectory;
import org.sekisho.targeting.release.domain.ModelStatus;
import org.sekisho.targeting.release.domain.ModelVersion;

/**
 * The model lifecycle end to end on one data directory: a legacy {@code model/} directory becomes
 * version 1, {@code risk register / approve / release / restore} run as separate commands while a
 * targeting context keeps assessing, and the running assessor switches models without a restart;
 * assessments made with an earlier model still replay to the same result.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ModelLifecycleCommandsTest {
  private Path tmp;
  private Path dataDir;
  private Path modelA;
  private Path modelB;
  private Database db;
  private AuditLog audit;
  private TargetingContext targeting;
  private StoredAssessment first;

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    this.tmp = tmp;
    modelA = TestModels.train(tmp.resolve("a"), 1);
    modelB = TestModels.train(tmp.resolve("b"), 2);
    dataDir = tmp.resolve("data");
    Path legacy = dataDir.resolve("targeting").resolve("model");
    Files.createDirectories(legacy);
    for (String f :
        List.of(ModelDirectory.MANIFEST, ModelDirectory.ENCODING, ModelDirectory.TREES)) {
      Files.copy(modelA.resolve(f), legacy.resolve(f), StandardCopyOption.REPLACE_EXISTING);
    }
    // the commands find this JVM's server through the data directory, as they find a running demo
    db = Database.open(DatabaseConfig.embedded(dataDir));
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("targeting")));
    Clock clock = Clock.systemUTC();
    Accounts accounts =
        new Accounts(db.jdbi(), clock, PasswordHasher.standard(), Duration.ofHours(1));
    accounts.upsert("kim", "Kim Scientist", "pw", EnumSet.of(Role.ANALYST), "customs-jp", "");
    accounts.upsert("ada", "Ada Admin", "pw", EnumSet.of(Role.ADMIN), "customs-jp", "");
    accounts.upsert("ben", "Ben Admin", "pw", EnumSet.of(Role.ADMIN), "customs-jp", "");
    audit = new AuditLog(db.jdbi());
    targeting = new TargetingContext(db, audit, clock, dataDir);
    targeting.start();
  }

  @AfterAll
  void stop() {
    if (targeting != null) {
      targeting.close();
    }
    if (db != null) {
      db.close();
    }
  }

  private static String id(Path model) throws Exception {
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(model.resolve(ModelDirectory.MANIFEST).toFile())
        .get("versionId")
        .asText();
  }

  private static String declaration(String id) {
    return "{\"declarationId\":\""
        + id
        + "\",\"date\":\"2021-01-04\",\"office\":\"30\","
        + "\"modeOfTransport\":\"40\",\"declarant\":{\"id\":\"D1\"},\"importer\":{\"id\":\"IMP9\"},"
        + "\"exporter\":{\"id\":\"S7\"},\"countryOfDeparture\":\"CN\",\"items\":[{\"hsCode\":"
        + "\"854231\",\"origin\":\"CN\",\"netMassKg\":\"12.5\",\"customsValue\":\"4100\","
        + "\"dutyRate\":\"8\"}]}";
  }

  private TestModels.Run risk(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--data-dir";
    all[args.length + 1] = dataDir.toString();
    return TestModels.risk(all);
  }

  private ModelVersion version(int v) {
    return targeting.modelLifecycle().find(v).orElseThrow();
  }

  @Test
  @Order(1)
  void theLegacyModelDirectoryBecomesReleasedVersionOneAndScores() throws Exception {
    ModelVersion one = version(1);
    assertThat(one.status()).isEqualTo(ModelStatus.RELEASED);
    assertThat(one.modelId()).isEqualTo(id(modelA));
    assertThat(one.registeredBy()).isEqualTo(ModelVersion.LEGACY);
    assertThat(one.figures().precision()).containsKeys(1, 2, 5, 10);
    assertThat(Files.isRegularFile(dataDir.resolve("targeting/models/1/xgboost-model.json")))
        .isTrue();
    assertThat(targeting.releasedModel().running().version()).isEqualTo(1);
    first = targeting.assessRecords().assessJson("declaration", declaration("D-1")).orElseThrow();
    assertThat(first.assessment().modelVersion()).isEqualTo(id(modelA));
    assertThat(first.assessment().modelProbability()).isBetween(0.0, 1.0).isNotZero();
  }

  @Test
  @Order(2)
  void registerEvaluatesOnTheValidationFileAndListsTheModelAsEvaluated() throws Exception {
    TestModels.Run r =
        risk(
            "register",
            "--model",
            modelB.toString(),
            "--valid",
            TestModels.valid(),
            "--format",
            "kcs",
            "--by",
            "ada");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("as version 2", "\"auc\"");
    ModelVersion two = version(2);
    assertThat(two.status()).isEqualTo(ModelStatus.EVALUATED);
    assertThat(two.registeredBy()).isEqualTo("ada");
    assertThat(two.figures().n()).isEqualTo(1000);
    assertThat(two.figures().precision()).containsKeys(1, 2, 5, 10);
    assertThat(two.figures().auc()).isBetween(0.5, 1.0);
    assertThat(two.evaluatedOn()).contains("valid-1000.csv", "sha256");
    TestModels.Run list = risk("models");
    assertThat(list.exit()).isZero();
    assertThat(list.out()).contains(id(modelA), id(modelB), "evaluated", "released");
  }

  @Test
  @Order(3)
  void theSameModelCannotBeRegisteredTwice() {
    TestModels.Run r =
        risk(
            "register",
            "--model",
            modelA.toString(),
            "--valid",
            TestModels.valid(),
            "--format",
            "kcs",
            "--by",
            "ben");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("already registered as version 1");
    // refused before the validation file is scored, not after
    assertThat(r.out()).doesNotContain("figures on");
  }

  @Test
  @Order(4)
  void aSecondAdministratorMustApprove() {
    TestModels.Run self = risk("approve", "2", "--by", "ada");
    assertThat(self.exit()).isEqualTo(1);
    assertThat(self.err()).contains("another administrator");
    TestModels.Run analyst = risk("approve", "2", "--by", "kim");
    assertThat(analyst.exit()).isEqualTo(1);
    assertThat(analyst.err()).contains("not an administrator");
    assertThat(risk("release", "2", "--by", "ben").err()).contains("only an approved model");
    TestModels.Run ok = risk("approve", "2", "--by", "ben");
    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(version(2).status()).isEqualTo(ModelStatus.APPROVED);
    assertThat(version(2).approvedBy()).isEqualTo("ben");
  }

  @Test
  @Order(5)
  void aReleaseFromTheCommandLineReachesTheRunningAssessorWithoutRestart() throws Exception {
    TestModels.Run r = risk("release", "2", "--by", "ada");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(version(2).status()).isEqualTo(ModelStatus.RELEASED);
    assertThat(version(1).status()).isEqualTo(ModelStatus.RETIRED);
    long deadline =
        System.nanoTime() + TimeUnit.SECONDS.toNanos(4L * TargetingContext.WATCH_SECONDS);
    while (targeting.releasedModel().running().version() != 2 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(targeting.releasedModel().running().version()).isEqualTo(2);
    StoredAssessment next =
        targeting.assessRecords().assessJson("declaration", declaration("D-2")).orElseThrow();
    assertThat(next.assessment().modelVersion()).isEqualTo(id(modelB));
    // the assessment made with model A still replays with model A
    Replay replay = targeting.assessRecords().replay(first.id()).orElseThrow();
    assertThat(replay.differences()).isEmpty();
    assertThat(replay.same()).isTrue();
  }

  @Test
  @Order(6)
  void restoringTheRetiredModelSwitchesBackAndEveryStepIsAudited() throws Exception {
    TestModels.Run r = risk("restore", "1", "--by", "ben");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(version(1).status()).isEqualTo(ModelStatus.RELEASED);
    assertThat(version(2).status()).isEqualTo(ModelStatus.RETIRED);
    targeting.modelLifecycle().refresh();
    assertThat(targeting.releasedModel().running().version()).isEqualTo(1);
    List<String> actions =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select actor || ' ' || action || ' ' || subject || ' '"
                                + " || details from platform.audit_log where action like"
                                + " 'targeting.model.%' order by seq")
                        .mapTo(String.class)
                        .list());
    assertThat(actions).hasSize(5);
    assertThat(actions.get(0)).startsWith(ModelVersion.LEGACY + " targeting.model.release model:1");
    assertThat(actions.get(1))
        .startsWith("ada targeting.model.register model:2")
        .contains("precision@5", "auc");
    assertThat(actions.get(2)).startsWith("ben targeting.model.approve model:2");
    assertThat(actions.get(3))
        .startsWith("ada targeting.model.release model:2")
        .contains("\"replaces\":\"1\"");
    assertThat(actions.get(4))
        .startsWith("ben targeting.model.restore model:1")
        .contains("\"replaces\":\"2\"");
    assertThat(audit.verify().getClass().getSimpleName()).isEqualTo("Ok");
  }

  @Test
  @Order(7)
  void aModelWhoseFilesChangedAfterRegistrationIsNotRestored() throws Exception {
    Path trees = dataDir.resolve("targeting/models/2/" + ModelDirectory.MANIFEST);
    assertThat(trees.toFile().canWrite() && !isRoot()).isFalse();
    trees.toFile().setWritable(true);
    Files.writeString(trees, Files.readString(trees).replace("\"trees\"", "\"trees\" "));
    TestModels.Run r = risk("restore", "2", "--by", "ada");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("no longer match");
    assertThat(version(1).status()).isEqualTo(ModelStatus.RELEASED);
  }

  @Test
  @Order(8)
  void aRefitModelIsNotEvaluatedOnTheFilesItWasTrainedOn() throws Exception {
    Path refit = TestModels.train(tmp.resolve("refit"), 3, true);
    for (String file : List.of(TestModels.valid(), TestModels.trainFile())) {
      TestModels.Run r =
          risk(
              "register",
              "--model",
              refit.toString(),
              "--valid",
              file,
              "--format",
              "kcs",
              "--by",
              "ada");
      assertThat(r.exit()).as(r.out()).isEqualTo(1);
      String name = Path.of(file).getFileName().toString();
      assertThat(r.err()).contains("--valid", name, "the model was trained on this file", "sha256");
      assertThat(r.out()).doesNotContain("figures on");
    }
    String refitId = id(refit);
    assertThat(targeting.modelLifecycle().all()).noneMatch(v -> v.modelId().equals(refitId));
  }

  @Test
  @Order(9)
  void aModelWithoutRefitIsNotEvaluatedOnItsTrainingFileButMayBeOnItsEarlyStoppingFile()
      throws Exception {
    Path c = TestModels.train(tmp.resolve("c"), 4);
    TestModels.Run onTrain =
        risk(
            "register",
            "--model",
            c.toString(),
            "--valid",
            TestModels.trainFile(),
            "--format",
            "kcs",
            "--by",
            "ada");
    assertThat(onTrain.exit()).isEqualTo(1);
    assertThat(onTrain.err()).contains("train-3000.csv", "the model was trained on this file");
    assertThat(onTrain.out()).doesNotContain("figures on");
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}
