package org.sekisho.passenger.egate.adapter.chip;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.passenger.egate.domain.chip.ChipFiles;
import org.sekisho.passenger.egate.domain.mrz.MrzData;
import org.sekisho.passenger.egate.domain.mrz.MrzFormat;
import org.sekisho.passenger.egate.domain.mrz.MrzGenerator;

/**
 * SPECIMEN, NOT FOR PRODUCTION: a kit for exercising the kiosk on a test installation or the demo.
 * Creates a new specimen CSCA for the ICAO specimen state Utopia (UTO), makes the gate trust it by
 * writing it as PEM into {@code <data-dir>/egate/csca/}, and writes a few specimen passports (MRZ
 * lines, the chip dump in the kiosk's JSON format, the portrait) with a README into an output
 * folder.
 *
 * <p>The CSCA's private key is never written: it lives in memory for this run only, so each run is
 * a new CSCA whose file replaces the previous one (chips written by an earlier run then fail
 * passive authentication). The gate reads {@code csca/} when it starts: restart the server after a
 * run. Refuses to write into a {@code csca/} folder holding anything but earlier specimen files, so
 * a production trust store is never mixed with a specimen CSCA.
 */
public final class SpecimenPassports {
  /** The file name prefix that marks a CSCA file as specimen. */
  public static final String CSCA_PREFIX = "specimen-";

  static final String CSCA_FILE = CSCA_PREFIX + "csca-UT.pem";

  private final Clock clock;

  public SpecimenPassports(Clock clock) {
    this.clock = clock;
  }

  /**
   * One specimen traveller: the passport as issued and the declaration details that go with it.
   *
   * @param file the file name stem ({@code 1-eriksson})
   * @param mrz the printed MRZ lines
   * @param surname surname as in the MRZ (what the declaration form takes)
   * @param givenNames given names as in the MRZ
   * @param sex M, F or X
   * @param birthDate date of birth
   * @param number passport number
   */
  public record Traveller(
      String file,
      List<String> mrz,
      String surname,
      String givenNames,
      String sex,
      LocalDate birthDate,
      String number) {}

  /**
   * What was written.
   *
   * @param csca the specimen CSCA certificate file (PEM) in {@code <data-dir>/egate/csca/}
   * @param out the folder of specimen passports
   * @param readme the README in {@code out}
   * @param travellers the specimen travellers, in file order
   */
  public record Written(Path csca, Path out, Path readme, List<Traveller> travellers) {}

  /**
   * Writes the kit: the CSCA into {@code dataDir/egate/csca/}, the passports into {@code out}
   * (created when absent; earlier specimen files there are overwritten).
   *
   * @return the files written, or a rejection (field {@code csca}) when the CSCA folder holds
   *     certificates that are not specimen ones
   * @throws IOException when a file cannot be written
   */
  public Outcome<Written> write(Path dataDir, Path out) throws IOException {
    Path cscaDir = dataDir.resolve("egate").resolve("csca");
    List<String> foreign = foreignFiles(cscaDir);
    if (!foreign.isEmpty()) {
      return Outcome.rejected(
          Problem.of(
              "production-csca",
              "csca",
              cscaDir
                  + " holds certificates that are not specimen ones ("
                  + String.join(", ", foreign)
                  + "): a specimen CSCA is never added to a real trust store; use a test"
                  + " installation's data directory"));
    }
    LocalDate today = LocalDate.now(clock);
    SpecimenChipIssuer issuer = SpecimenChipIssuer.create("UT", clock.instant());
    Files.createDirectories(cscaDir);
    Path csca = cscaDir.resolve(CSCA_FILE);
    Files.writeString(csca, pem(issuer), StandardCharsets.US_ASCII);
    Files.createDirectories(out);
    List<Traveller> travellers = new ArrayList<>();
    int shade = 40;
    for (Traveller t : travellers(today)) {
      byte[] portrait = SpecimenChipIssuer.placeholderPortrait(120, 160, shade);
      shade += 60;
      ChipFiles chip = issuer.issue(String.join("", t.mrz()), portrait, 120, 160);
      Files.writeString(out.resolve(t.file() + ".mrz.txt"), String.join("\n", t.mrz()) + "\n");
      Files.writeString(out.resolve(t.file() + ".chip.json"), ChipDumpJson.write(chip));
      Files.write(out.resolve(t.file() + ".face.jpg"), portrait);
      if (travellers.isEmpty()) {
        // One chip whose MRZ data group was changed after signing: the drill for a forgery.
        byte[] dg1 = chip.dataGroup(1);
        dg1[dg1.length - 3] ^= 0x01;
        Files.writeString(
            out.resolve(t.file() + ".chip-tampered.json"),
            ChipDumpJson.write(chip.withDataGroup(1, dg1)));
      }
      travellers.add(t);
    }
    Path readme = out.resolve("README.md");
    Files.writeString(readme, readme(csca, today, travellers), StandardCharsets.UTF_8);
    return Outcome.accepted(new Written(csca, out, readme, List.copyOf(travellers)));
  }

  private static List<String> foreignFiles(Path cscaDir) throws IOException {
    if (!Files.isDirectory(cscaDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(cscaDir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith(CSCA_PREFIX))
          .sorted()
          .toList();
    }
  }

  /** The specimen travellers: passports of Utopia valid for five years from {@code today}. */
  static List<Traveller> travellers(LocalDate today) {
    List<Traveller> out = new ArrayList<>();
    out.add(
        traveller(today, "1-eriksson", "ERIKSSON", "ANNA MARIA", "F", "1985-04-12", "UTS000011"));
    // The MRZ transliterates Ü and É (ICAO 9303 part 3): the chip says MUELLER JOSE.
    out.add(traveller(today, "2-mueller", "MÜLLER", "JOSÉ", "M", "1979-11-03", "UTS000029"));
    out.add(traveller(today, "3-okafor", "OKAFOR", "CHIDI", "X", "1999-02-28", "UTS000037"));
    return out;
  }

  private static Traveller traveller(
      LocalDate today,
      String file,
      String surname,
      String given,
      String sex,
      String birth,
      String number) {
    LocalDate birthDate = LocalDate.parse(birth);
    List<String> mrz =
        new MrzGenerator()
            .generate(
                new MrzData(
                    MrzFormat.TD3,
                    "P",
                    "UTO",
                    surname,
                    given,
                    number,
                    "UTO",
                    yymmdd(birthDate),
                    sex,
                    yymmdd(today.plusYears(5)),
                    "",
                    ""))
            .orElseThrow();
    // The names as the MRZ holds them, which the declaration must carry.
    String[] names = mrz.get(0).substring(5).split("<<", 2);
    return new Traveller(
        file,
        mrz,
        names[0].replace('<', ' ').strip(),
        names.length > 1 ? names[1].replace('<', ' ').strip() : "",
        sex,
        birthDate,
        number);
  }

  private static String yymmdd(LocalDate d) {
    return String.format("%02d%02d%02d", d.getYear() % 100, d.getMonthValue(), d.getDayOfMonth());
  }

  private static String pem(SpecimenChipIssuer issuer) {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(issuer.csca().getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("cannot encode the specimen CSCA", e);
    }
  }

  private static String readme(Path csca, LocalDate today, List<Traveller> travellers) {
    StringBuilder s = new StringBuilder();
    s.append("# Sekisho e-Gate specimen passports: SPECIMEN, NOT FOR PRODUCTION\n\n");
    s.append("Written by `sekisho egate specimen` on ").append(today).append(".\n");
    s.append("These files exercise the kiosk on a test installation or the demo. They are not\n");
    s.append("real documents, and the CSCA below must never be trusted by a production gate.\n\n");
    s.append("## Files\n\n");
    s.append("* `")
        .append(csca)
        .append("`: the specimen CSCA certificate (Utopia, UTO) the gate now trusts. Its private\n")
        .append("  key was never written; each run replaces it, so chips from an earlier run no\n")
        .append("  longer pass. Restart the server to load it. Delete it to stop trusting it.\n");
    s.append(
            "* `N-name.mrz.txt`: the passport's two MRZ lines, as the document reader gives them\n")
        .append("  (paste them into the kiosk's passport step).\n");
    s.append("* `N-name.chip.json`: the chip's files (EF.COM, DG1, DG2, EF.SOD) in the kiosk's\n")
        .append(
            "  JSON format (the kiosk's \"Chip files (JSON)\"). Passive authentication passes.\n");
    s.append(
            "* `N-name.face.jpg`: the portrait in the chip (a grey placeholder, not a face); use\n")
        .append(
            "  it as the live face. Without a face model the gate refers every traveller with\n")
        .append("  \"face not compared\" (see docs/formats/egate-face-model.md).\n");
    s.append("* `1-eriksson.chip-tampered.json`: traveller 1's chip with DG1 changed after\n")
        .append("  signing: the gate refers it (passive authentication failed).\n\n");
    s.append("## Travellers\n\n");
    s.append(
        "Make the customs declaration at `/declaration` with these details (names as in the\n");
    s.append("MRZ, nationality UTO, arrival date today), then show its QR at the kiosk.\n\n");
    s.append("| files | surname | given names | sex | born | passport | MRZ |\n");
    s.append("|---|---|---|---|---|---|---|\n");
    for (Traveller t : travellers) {
      s.append("| `")
          .append(t.file())
          .append(".*` | ")
          .append(t.surname())
          .append(" | ")
          .append(t.givenNames())
          .append(" | ")
          .append(t.sex())
          .append(" | ")
          .append(t.birthDate())
          .append(" | ")
          .append(t.number())
          .append(" | `")
          .append(String.join("` `", t.mrz()))
          .append("` |\n");
    }
    return s.toString();
  }
}
