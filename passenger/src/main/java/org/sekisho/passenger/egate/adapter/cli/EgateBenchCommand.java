package org.sekisho.passenger.egate.adapter.cli;

import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import org.sekisho.passenger.egate.adapter.chip.CscaMasterList;
import org.sekisho.passenger.egate.adapter.chip.JmrtdPassiveAuthentication;
import org.sekisho.passenger.egate.adapter.chip.SpecimenChipIssuer;
import org.sekisho.passenger.egate.adapter.face.FaceModelConfig;
import org.sekisho.passenger.egate.adapter.face.OnnxFaceMatcher;
import org.sekisho.passenger.egate.adapter.qr.DeclarationKeyFiles;
import org.sekisho.passenger.egate.adapter.qr.ZxingQrImages;
import org.sekisho.passenger.egate.adapter.records.JdbcArrivalRecords;
import org.sekisho.passenger.egate.adapter.records.JdbcDeclarationUses;
import org.sekisho.passenger.egate.application.DeclarationQrService;
import org.sekisho.passenger.egate.application.FaceMatcher;
import org.sekisho.passenger.egate.application.FaceVerifications;
import org.sekisho.passenger.egate.application.GateDecisions;
import org.sekisho.passenger.egate.application.KioskCheckIn;
import org.sekisho.passenger.egate.application.TargetingCheck;
import org.sekisho.passenger.egate.domain.chip.ChipFiles;
import org.sekisho.passenger.egate.domain.decision.GateDecision;
import org.sekisho.passenger.egate.domain.declaration.CustomsDeclaration;
import org.sekisho.passenger.egate.domain.face.FaceVerification;
import org.sekisho.passenger.egate.domain.kiosk.ImmigrationAnswers;
import org.sekisho.passenger.egate.domain.mrz.MrzData;
import org.sekisho.passenger.egate.domain.mrz.MrzFormat;
import org.sekisho.passenger.egate.domain.mrz.MrzGenerator;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.DatabaseConfig;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.db.ScratchDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sekisho bench egate}: latency of the server-side e-Gate decision over generated
 * travellers, one at a time on one thread, after a warm-up that is not counted.
 *
 * <p>By default it measures the decision ({@link GateDecisions}: MRZ parse, passive authentication
 * with JMRTD/Bouncy Castle, declaration QR signature, targeting lookup, rules) with the face score
 * given. {@code --kiosk} measures what the server does for a kiosk request ({@link KioskCheckIn}):
 * the same plus face verification (the operator's ONNX model with {@code --face-config}, else a
 * fixed-score matcher), the customs and immigration records written to a throw-away embedded
 * PostgreSQL and the hash-chained audit entry. It prints the configuration it ran, wall-clock and
 * thread-CPU percentiles (the gap between them is time the thread waited: other load, I/O) and the
 * garbage collections during the measured part.
 */
@Command(
    name = "egate",
    mixinStandardHelpOptions = true,
    description =
        "Measure p50/p95/p99 of the server-side e-Gate decision over generated travellers"
            + " (--kiosk: the whole kiosk request with face, records and audit).")
public final class EgateBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--travellers", defaultValue = "3000", description = "measured travellers")
  int travellers;

  @Option(names = "--warmup", defaultValue = "3000", description = "decisions before measuring")
  int warmup;

  @Option(names = "--seed", defaultValue = "6")
  long seed;

  @Option(
      names = "--kiosk",
      description =
          "measure the whole kiosk request: decision, face verification, customs and immigration"
              + " records in an embedded PostgreSQL, audit entry")
  boolean kiosk;

  @Option(
      names = "--face-config",
      description = "face-model.properties of the operator's ONNX model (with --kiosk)")
  Path faceConfig;

  @Option(
      names = "--jdk-crypto",
      description =
          "verify QR signatures with the JDK's providers instead of Bouncy Castle (comparison)")
  boolean jdkCrypto;

  public EgateBenchCommand() {}

  /** One generated traveller's inputs. */
  private record Traveller(List<String> mrz, ChipFiles chip, String qr, FaceVerification face) {}

  /** One way of deciding for a traveller, as measured. */
  private interface Decider {
    boolean decide(Traveller t, ChipFiles chip);
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (travellers < 1 || warmup < 0) {
      out.println("error: --travellers must be at least 1 and --warmup not negative");
      return 2;
    }
    if (faceConfig != null && !kiosk) {
      out.println("error: --face-config needs --kiosk");
      return 2;
    }
    Clock clock = Clock.system(ZoneOffset.UTC);
    LocalDate today = LocalDate.now(clock);
    SpecimenChipIssuer issuer = SpecimenChipIssuer.create("UT", clock.instant());
    KeyPair qrKeys = DeclarationKeyFiles.generate();
    DeclarationQrService page =
        new DeclarationQrService(
            new ZxingQrImages(),
            Map.of("BENCH", qrKeys.getPublic()),
            Optional.of(new DeclarationQrService.SigningKey("BENCH", qrKeys.getPrivate())),
            clock,
            jdkCrypto ? null : JmrtdPassiveAuthentication.provider());
    Set<String> watchlist = Set.of("X00000001", "X00000002");
    TargetingCheck targeting =
        m -> watchlist.contains(m.documentNumber()) ? List.of("watchlist: document") : List.of();
    JmrtdPassiveAuthentication pa =
        new JmrtdPassiveAuthentication(new CscaMasterList(List.of(issuer.csca())), clock);
    Random rnd = new Random(seed);
    byte[] portrait = SpecimenChipIssuer.placeholderPortrait(120, 160, 77);
    int pool = Math.min(travellers, 1000);
    long genStart = System.nanoTime();
    List<Traveller> all = new ArrayList<>();
    for (int i = 0; i < pool; i++) {
      all.add(traveller(rnd, i, issuer, page, portrait, today));
    }
    double genSeconds = (System.nanoTime() - genStart) / 1e9;
    if (!kiosk) {
      GateDecisions gate = new GateDecisions(pa, page, targeting, clock);
      String what =
          "decision (GateDecisions): MRZ parse, passive authentication (SOD ECDSA P-256 signature,"
              + " document signer to CSCA, DG hashes, DG1/DG2 parse), declaration QR signature,"
              + " targeting lookup (in memory), gate rules; face score given (no model run), no"
              + " storage, no HTTP (see --kiosk)";
      return run(
          out,
          what,
          all,
          pool,
          genSeconds,
          (t, chip) -> gate.decide(t.mrz(), chip, t.qr(), t.face()) instanceof GateDecision.Pass);
    }
    FaceMatcher matcher =
        faceConfig == null
            ? new FaceMatcher() {
              @Override
              public double similarity(byte[] chipPortrait, byte[] liveCapture) {
                return 0.8;
              }

              @Override
              public String model() {
                return "fixed score 0.8 (no model: --face-config to run one)";
              }
            }
            : OnnxFaceMatcher.open(FaceModelConfig.load(faceConfig));
    double threshold = faceConfig == null ? 0.5 : FaceModelConfig.load(faceConfig).threshold();
    try (ScratchDirectory dir = ScratchDirectory.create("sekisho-egate-bench-db");
        Database db = Database.open(DatabaseConfig.embedded(dir.path()))) {
      db.migrate(List.of(Migrations.of("platform"), Migrations.of("egate")));
      JdbcArrivalRecords tables = new JdbcArrivalRecords(db.jdbi());
      KioskCheckIn kioskCheckIn =
          new KioskCheckIn(
              pa,
              page,
              new FaceVerifications(matcher, threshold, line -> {}),
              targeting,
              tables.customs(),
              tables.immigration(),
              new JdbcDeclarationUses(db.jdbi()),
              new AuditLog(db.jdbi()),
              clock);
      KioskCheckIn.Kiosk device = new KioskCheckIn.Kiosk("bench-kiosk-1", "customs-jp");
      ImmigrationAnswers answers = new ImmigrationAnswers("tourism", 7, false, false, false);
      String what =
          "kiosk request (KioskCheckIn): the decision, face verification ("
              + matcher.model()
              + "), the declaration's use held (egate.declaration_use: a traveller met again"
              + " once the distinct ones are used is referred for a declaration already used),"
              + " customs and immigration records into embedded PostgreSQL (egate tables,"
              + " delivered in parallel), hash-chained audit entry (platform.audit_log)";
      return run(
          out,
          what,
          all,
          pool,
          genSeconds,
          (t, chip) ->
              kioskCheckIn
                      .checkIn(
                          new KioskCheckIn.Capture(
                              t.mrz(),
                              Optional.of(chip),
                              Optional.of(t.qr()),
                              new byte[0],
                              portrait.clone(),
                              answers),
                          device)
                      .decision()
                  instanceof GateDecision.Pass);
    } finally {
      if (matcher instanceof OnnxFaceMatcher m) {
        m.close();
      }
    }
  }

  private int run(
      PrintWriter out,
      String what,
      List<Traveller> all,
      int pool,
      double genSeconds,
      Decider path) {
    for (int i = 0; i < warmup; i++) {
      Traveller t = all.get(i % pool);
      path.decide(t, copy(t.chip()));
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long gcCount0 = gcCount();
    long gcMillis0 = gcMillis();
    long[] nanos = new long[travellers];
    long[] cpu = new long[travellers];
    int passed = 0;
    long start = System.nanoTime();
    for (int i = 0; i < travellers; i++) {
      Traveller t = all.get(i % pool);
      ChipFiles chip = copy(t.chip()); // the kiosk erases the chip files it was given
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      boolean pass = path.decide(t, chip);
      nanos[i] = System.nanoTime() - t0;
      cpu[i] = threads.getCurrentThreadCpuTime() - c0;
      passed += pass ? 1 : 0;
    }
    double total = (System.nanoTime() - start) / 1e9;
    Arrays.sort(nanos);
    Arrays.sort(cpu);
    Runtime rt = Runtime.getRuntime();
    out.printf("egate bench: %s%n", what);
    out.printf(
        "configuration: Java %s (%s), GC %s, max heap %d MiB, %d CPUs, load average %.1f;"
            + " signatures by %s (QR) and Bouncy Castle (SOD, document signer checked once per"
            + " signer); one thread%n",
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        gcNames(),
        rt.maxMemory() / (1024 * 1024),
        rt.availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        jdkCrypto ? "the JDK's providers" : "Bouncy Castle");
    out.printf(
        "%d travellers (%d distinct, generated in %.1f s), warm-up %d decisions not counted%n",
        travellers, pool, genSeconds, warmup);
    out.printf(
        "  wall       p50 %.3f ms  p95 %.3f ms  p99 %.3f ms  max %.3f ms  (%.0f decisions/s)%n",
        pct(nanos, 0.50),
        pct(nanos, 0.95),
        pct(nanos, 0.99),
        nanos[nanos.length - 1] / 1e6,
        travellers / total);
    out.printf(
        "  thread CPU p50 %.3f ms  p95 %.3f ms  p99 %.3f ms  max %.3f ms%n",
        pct(cpu, 0.50), pct(cpu, 0.95), pct(cpu, 0.99), cpu[cpu.length - 1] / 1e6);
    out.printf(
        "  GC while measuring: %d collections, %d ms in total%n",
        gcCount() - gcCount0, gcMillis() - gcMillis0);
    out.printf(
        "  passed %d, secondary inspection %d; target p99 <= 50 ms server side%n",
        passed, travellers - passed);
    out.flush();
    return 0;
  }

  private static ChipFiles copy(ChipFiles c) {
    return new ChipFiles(c.com(), c.dataGroups(), c.sod());
  }

  private static long gcCount() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(g -> Math.max(0, g.getCollectionCount()))
        .sum();
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(g -> Math.max(0, g.getCollectionTime()))
        .sum();
  }

  private static String gcNames() {
    return String.join(
        "+",
        ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(GarbageCollectorMXBean::getName)
            .toList());
  }

  private static double pct(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  private static Traveller traveller(
      Random rnd,
      int i,
      SpecimenChipIssuer issuer,
      DeclarationQrService page,
      byte[] portrait,
      LocalDate today) {
    String number = String.format("TK%07d", i);
    LocalDate birth =
        LocalDate.of(1950 + rnd.nextInt(55), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
    LocalDate expiry = today.plusDays(30 + rnd.nextInt(3000));
    String surname = "TRAVELLER" + (char) ('A' + rnd.nextInt(26));
    List<String> mrz =
        new MrzGenerator()
            .generate(
                new MrzData(
                    MrzFormat.TD3,
                    "P",
                    "UTO",
                    surname,
                    "BENCH",
                    number,
                    "UTO",
                    yymmdd(birth),
                    rnd.nextBoolean() ? "F" : "M",
                    yymmdd(expiry),
                    "",
                    ""))
            .orElseThrow();
    ChipFiles chip = issuer.issue(String.join("", mrz), portrait, 120, 160);
    if (rnd.nextInt(50) == 0) {
      chip = chip.withDataGroup(1, tamper(chip.dataGroup(1)));
    }
    boolean goods = rnd.nextInt(10) == 0;
    CustomsDeclaration decl =
        new CustomsDeclaration(
            "NH" + (100 + rnd.nextInt(900)),
            "NEW YORK",
            today,
            surname,
            "BENCH",
            "UTO",
            birth,
            number,
            "",
            "TOKYO HOTEL",
            "",
            new CustomsDeclaration.FamilyMembers(0, 0, 0),
            new CustomsDeclaration.Answers(
                false, goods, false, false, rnd.nextInt(100) == 0, false),
            0);
    String qr = page.sealText(decl);
    FaceVerification face = new FaceVerification(rnd.nextInt(40) == 0 ? 0.2 : 0.8, 0.5, "bench");
    return new Traveller(mrz, chip, qr, face);
  }

  private static byte[] tamper(byte[] dg1) {
    byte[] b = dg1.clone();
    b[b.length - 3] = (byte) (b[b.length - 3] == 'A' ? 'B' : 'A');
    return b;
  }

  private static String yymmdd(LocalDate d) {
    return String.format("%02d%02d%02d", d.getYear() % 100, d.getMonthValue(), d.getDayOfMonth());
  }
}
