package org.sekisho.passenger.egate.adapter.cli;

import java.io.PrintWriter;
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
import org.sekisho.passenger.egate.adapter.qr.DeclarationKeyFiles;
import org.sekisho.passenger.egate.adapter.qr.ZxingQrImages;
import org.sekisho.passenger.egate.application.DeclarationQrService;
import org.sekisho.passenger.egate.application.GateDecisions;
import org.sekisho.passenger.egate.domain.chip.ChipFiles;
import org.sekisho.passenger.egate.domain.decision.GateDecision;
import org.sekisho.passenger.egate.domain.declaration.CustomsDeclaration;
import org.sekisho.passenger.egate.domain.face.FaceVerification;
import org.sekisho.passenger.egate.domain.mrz.MrzData;
import org.sekisho.passenger.egate.domain.mrz.MrzFormat;
import org.sekisho.passenger.egate.domain.mrz.MrzGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sekisho bench egate}: latency of the whole server-side gate decision (MRZ parse, passive
 * authentication with JMRTD/Bouncy Castle, declaration QR signature check, targeting lookup and the
 * rules) over generated travellers, one at a time on one thread.
 */
@Command(
    name = "egate",
    mixinStandardHelpOptions = true,
    description = "Measure p50/p99 of the server-side e-Gate decision over generated travellers.")
public final class EgateBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--travellers", defaultValue = "3000", description = "measured travellers")
  int travellers;

  @Option(names = "--warmup", defaultValue = "1500", description = "decisions before measuring")
  int warmup;

  @Option(names = "--seed", defaultValue = "6")
  long seed;

  public EgateBenchCommand() {}

  /** One generated traveller's inputs. */
  private record Traveller(List<String> mrz, ChipFiles chip, String qr, FaceVerification face) {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (travellers < 1 || warmup < 0) {
      out.println("error: --travellers must be at least 1 and --warmup not negative");
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
            clock);
    Set<String> watchlist = Set.of("X00000001", "X00000002");
    GateDecisions gate =
        new GateDecisions(
            new JmrtdPassiveAuthentication(new CscaMasterList(List.of(issuer.csca())), clock),
            page,
            m ->
                watchlist.contains(m.documentNumber()) ? List.of("watchlist: document") : List.of(),
            clock);
    Random rnd = new Random(seed);
    byte[] portrait = SpecimenChipIssuer.placeholderPortrait(120, 160, 77);
    int pool = Math.min(travellers, 1000);
    long genStart = System.nanoTime();
    List<Traveller> all = new ArrayList<>();
    for (int i = 0; i < pool; i++) {
      all.add(traveller(rnd, i, issuer, page, portrait, today));
    }
    double genSeconds = (System.nanoTime() - genStart) / 1e9;
    int passed = 0;
    for (int i = 0; i < warmup; i++) {
      Traveller t = all.get(i % pool);
      gate.decide(t.mrz(), t.chip(), t.qr(), t.face());
    }
    long[] nanos = new long[travellers];
    long start = System.nanoTime();
    for (int i = 0; i < travellers; i++) {
      Traveller t = all.get(i % pool);
      long t0 = System.nanoTime();
      GateDecision d = gate.decide(t.mrz(), t.chip(), t.qr(), t.face());
      nanos[i] = System.nanoTime() - t0;
      if (d instanceof GateDecision.Pass) {
        passed++;
      }
    }
    double total = (System.nanoTime() - start) / 1e9;
    Arrays.sort(nanos);
    out.printf(
        "egate decision: %d travellers (%d distinct, generated in %.1f s), warm-up %d%n",
        travellers, pool, genSeconds, warmup);
    out.printf(
        "  p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.3f ms  (%.0f decisions/s, one thread)%n",
        pct(nanos, 0.50),
        pct(nanos, 0.90),
        pct(nanos, 0.99),
        nanos[nanos.length - 1] / 1e6,
        travellers / total);
    out.printf(
        "  passed %d, secondary inspection %d; target p99 <= 50 ms%n", passed, travellers - passed);
    out.flush();
    return 0;
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
