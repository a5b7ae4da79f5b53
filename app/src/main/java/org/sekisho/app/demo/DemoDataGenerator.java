package org.sekisho.app.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.sekisho.app.demo.DemoParties.ForeignCompany;
import org.sekisho.app.demo.DemoParties.ForeignPerson;
import org.sekisho.app.demo.DemoParties.JpCompany;
import org.sekisho.app.demo.DemoParties.JpPerson;
import org.sekisho.app.demo.DemoVocabulary.Airline;
import org.sekisho.app.demo.DemoVocabulary.Contraband;
import org.sekisho.app.demo.DemoVocabulary.Flag;
import org.sekisho.app.demo.DemoVocabulary.Goods;
import org.sekisho.app.demo.DemoVocabulary.Line;
import org.sekisho.app.demo.DemoVocabulary.Office;
import org.sekisho.app.demo.DemoVocabulary.Parcel;
import org.sekisho.app.demo.DemoVocabulary.Port;

/**
 * Writes a realistic day of intelligence-database input (declarations, transport documents,
 * conveyance movements, postal items, seizures) as JSON Lines in the format of {@code
 * docs/formats/intel-records.md}, plus {@code networks.json} describing the planted networks.
 *
 * <p>Deterministic: every record is a pure function of (seed, date, scale, the day's end, record
 * index), drawn from {@link SplittableRandom}, so the same inputs give byte-identical files.
 * Streaming: records are written one line at a time and cross-references recompute the referenced
 * record from its index, so memory does not grow with scale (only the ids of planted records are
 * kept). Not thread-safe; one instance per run.
 */
public final class DemoDataGenerator {
  /** The owning agency of most records. */
  public static final String CUSTOMS = "customs-jp";

  /** The partner agency owning some seizures. */
  public static final String POLICE = "police-jp";

  /** Files written, in the order they are written. */
  public static final List<String> FILES =
      List.of(
          "conveyance-movements.jsonl",
          "transport-documents.jsonl",
          "declarations.jsonl",
          "postal-items.jsonl",
          "seizures.jsonl");

  private static final ZoneOffset JST = ZoneOffset.ofHours(9);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
  private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;

  // salts that separate the random streams of each kind of thing
  private static final long MOVEMENT = 101;
  private static final long DOCUMENT = 102;
  private static final long DECLARATION = 103;
  private static final long POSTAL = 104;
  private static final long SEIZURE = 105;
  private static final long VESSEL = 106;
  private static final long PLAN = 107;

  private final long seed;
  private final LocalDate date;
  private final double scale;
  // where the 24 hours end, as a position in the day's profile: 1 for the whole day
  private final double cut;
  private final DemoParties parties;
  private final String day;

  private final int movements;
  private final int documents;
  private final int declarations;
  private final int postalItems;
  private final int seizures;
  private final int jpCompanies;
  private final int jpPersons;
  private final int foreignCompanies;
  private final int foreignPersons;
  private final int vessels;

  private final Plan plan;

  /** The counts of what was written, per file. */
  public record Summary(Path directory, Map<String, Integer> counts) {
    public Summary {
      counts = Map.copyOf(counts);
    }
  }

  /**
   * @param seed any value; the same seed, date and scale always give the same files
   * @param date the day the records happen (times in Japan time, +09:00)
   * @param scale 1.0 is about 3,000 declarations; must be positive and finite
   * @throws IllegalArgumentException if scale is not positive and finite
   */
  public DemoDataGenerator(long seed, LocalDate date, double scale) {
    this(seed, date, scale, null);
  }

  /**
   * A day that ends at {@code until}: the records fill the 24 hours before {@code until} (Japan
   * time) on {@code date}, so that none of them lies in the future of someone who generates at that
   * time. Those whose time of day falls after {@code until} happen on the day before, with the same
   * working-day profile; ids stay those of {@code date}.
   *
   * @param until the end of the 24 hours on {@code date}, Japan time; {@code null} for the whole
   *     day
   * @throws IllegalArgumentException if scale is not positive and finite
   */
  public DemoDataGenerator(long seed, LocalDate date, double scale, LocalTime until) {
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("scale must be a positive number, got " + scale);
    }
    this.seed = seed;
    this.date = date;
    this.scale = scale;
    this.cut = until == null ? 1 : profilePosition(until.toSecondOfDay() / 86_400.0);
    this.parties = new DemoParties(seed);
    this.day = date.format(COMPACT);
    this.movements = atLeast(150, 8);
    this.documents = atLeast(800, 20);
    this.declarations = atLeast(3000, 40);
    this.postalItems = atLeast(4000, 40);
    SplittableRandom r = parties.rng(SEIZURE, -1);
    this.seizures = (int) Math.max(4, Math.round(scale * (5 + r.nextInt(6))));
    this.jpCompanies = atLeast(300, 40);
    this.jpPersons = atLeast(2500, 60);
    this.foreignCompanies = atLeast(500, 40);
    this.foreignPersons = atLeast(3000, 60);
    this.vessels = atLeast(60, 12);
    this.plan = new Plan();
  }

  private int atLeast(int perScale, int min) {
    return (int) Math.max(min, Math.round(perScale * scale));
  }

  /**
   * Writes the five record files and {@code networks.json} into {@code dir} (created if missing;
   * existing files of the same names are replaced).
   *
   * @throws IOException if a file cannot be written
   */
  public Summary generate(Path dir) throws IOException {
    Files.createDirectories(dir);
    plan.records.values().forEach(List::clear);
    Map<String, Integer> counts = new LinkedHashMap<>();
    // each file is written beside its final name and moved into place at the end, seizures.jsonl
    // last, so a reader that sees seizures.jsonl (as `sekisho demo` does) sees a complete day
    counts.put(FILES.get(0), write(part(dir, FILES.get(0)), movements, this::movementLine));
    counts.put(FILES.get(1), write(part(dir, FILES.get(1)), documents, this::documentLine));
    counts.put(FILES.get(2), write(part(dir, FILES.get(2)), declarations, this::declarationLine));
    counts.put(FILES.get(3), write(part(dir, FILES.get(3)), postalItems, this::postalLine));
    counts.put(FILES.get(4), write(part(dir, FILES.get(4)), seizures, this::seizureLine));
    writeNetworks(part(dir, "networks.json"), counts);
    Files.deleteIfExists(dir.resolve(FILES.get(4)));
    for (String f : List.of(FILES.get(0), FILES.get(1), FILES.get(2), FILES.get(3))) {
      Files.move(part(dir, f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
    }
    Files.move(
        part(dir, "networks.json"),
        dir.resolve("networks.json"),
        StandardCopyOption.REPLACE_EXISTING);
    Files.move(
        part(dir, FILES.get(4)), dir.resolve(FILES.get(4)), StandardCopyOption.REPLACE_EXISTING);
    return new Summary(dir, counts);
  }

  private static Path part(Path dir, String file) {
    return dir.resolve(file + ".part");
  }

  private interface LineMaker {
    Map<String, Object> make(int index);
  }

  private static int write(Path file, int n, LineMaker maker) throws IOException {
    try (Writer w =
        new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
      for (int i = 0; i < n; i++) {
        w.write(JsonLine.write(maker.make(i)));
        w.write('\n');
      }
    }
    return n;
  }

  // ================================================================ planted networks

  /** Which records carry a planted network, by kind and index; small and fixed per run. */
  private final class Plan {
    final String sharedPhone;
    final int[] phoneImporters = new int[4];
    final Map<Integer, Integer> phoneDeclarations = new HashMap<>();

    final DemoParties.Address sharedAddress;
    final int[] addressCompanies = new int[2];
    final int[] addressPersons = new int[2];
    final Map<Integer, Integer> addressDocuments = new HashMap<>();
    final Map<Integer, Integer> addressPostal = new HashMap<>();

    final int hubPerson;
    final Map<Integer, Integer> hubPostal = new HashMap<>();

    final int seizedCompany;
    final Map<Integer, Integer> seizedDeclarations = new HashMap<>();
    final Map<Integer, Integer> seizedDocuments = new HashMap<>();

    final ForeignPerson courier;
    final Map<Integer, Integer> courierPostal = new HashMap<>();

    final List<Integer> police = new ArrayList<>();

    // ids of planted records, filled while writing (bounded by the plan's size)
    final Map<String, List<String>> records = new LinkedHashMap<>();

    Plan() {
      SplittableRandom r = parties.rng(PLAN, 0);
      int base = r.nextInt(jpCompanies - 8);
      for (int i = 0; i < 4; i++) {
        phoneImporters[i] = base + i; // consecutive indices have different name roots
      }
      sharedPhone = DemoParties.landline(r, "03");
      addressCompanies[0] = base + 4;
      addressCompanies[1] = base + 5;
      seizedCompany = base + 6;
      int pbase = r.nextInt(jpPersons - 4);
      addressPersons[0] = pbase;
      addressPersons[1] = pbase + 1;
      hubPerson = pbase + 2;
      sharedAddress = parties.address(r);
      courier = parties.foreignPerson(r.nextInt(foreignPersons));

      java.util.Set<Integer> taken = new java.util.HashSet<>();
      for (int i = 0; i < 4; i++) {
        for (int k = 0; k < 2; k++) {
          phoneDeclarations.put(slot(r, declarations, taken), i);
        }
      }
      for (int k = 0; k < 3; k++) {
        seizedDeclarations.put(slot(r, declarations, taken), k);
      }
      taken.clear();
      for (int k = 0; k < 4; k++) {
        addressDocuments.put(slot(r, documents, taken), k);
      }
      for (int k = 0; k < 2; k++) {
        seizedDocuments.put(slot(r, documents, taken), k);
      }
      taken.clear();
      for (int k = 0; k < 4; k++) {
        addressPostal.put(slot(r, postalItems, taken), k);
      }
      for (int k = 0; k < 12; k++) {
        hubPostal.put(slot(r, postalItems, taken), k);
      }
      for (int k = 0; k < 4; k++) {
        courierPostal.put(slot(r, postalItems, taken), k);
      }
      int nPolice = Math.max(2, (int) Math.round(seizures * 0.1));
      for (int k = 0; k < nPolice; k++) {
        police.add(seizures - 1 - k);
      }
      for (String n :
          List.of(
              "shared-phone",
              "shared-address",
              "hub-addressee",
              "seized-importer",
              "seizure-person-phone")) {
        records.put(n, new ArrayList<>());
      }
    }

    private int slot(SplittableRandom r, int n, java.util.Set<Integer> taken) {
      while (true) {
        int i = r.nextInt(n);
        if (taken.add(i)) {
          return i;
        }
      }
    }

    void note(String network, String record) {
      records.get(network).add(record);
    }
  }

  /** A Japanese company, with the planted phone or address where it belongs to a network. */
  private JpCompany company(int k) {
    JpCompany c = parties.jpCompany(k);
    for (int m : plan.phoneImporters) {
      if (m == k) {
        return new JpCompany(k, c.root(), c.trade(), c.address(), plan.sharedPhone, c.id());
      }
    }
    for (int m : plan.addressCompanies) {
      if (m == k) {
        return new JpCompany(k, c.root(), c.trade(), plan.sharedAddress, c.phone(), c.id());
      }
    }
    return c;
  }

  private JpPerson person(int k) {
    JpPerson p = parties.jpPerson(k);
    for (int m : plan.addressPersons) {
      if (m == k) {
        return new JpPerson(k, p.family(), p.given(), plan.sharedAddress, p.mobile());
      }
    }
    return p;
  }

  // ================================================================ conveyance movements

  /** What other records need to know of a movement. */
  private record Movement(
      String id,
      boolean sea,
      boolean arrival,
      String port,
      String previousPort,
      int vessel,
      String flight) {}

  private record Vessel(
      String name, String imo, String mmsi, String callSign, Flag flag, Line line) {}

  private Vessel vessel(int v) {
    SplittableRandom r = parties.rng(VESSEL, v);
    Line line = DemoParties.pick(r, DemoVocabulary.LINES);
    String name = line.vesselPrefix() + " " + DemoParties.pick(r, DemoVocabulary.VESSEL_NAMES);
    String first6 = "9" + (1 + r.nextInt(9)) + DemoParties.digits(r, 4);
    int sum = 0;
    for (int i = 0; i < 6; i++) {
      sum += (first6.charAt(i) - '0') * (7 - i);
    }
    Flag flag = DemoParties.pick(r, DemoVocabulary.FLAGS);
    String mmsi = flag.mid() + DemoParties.digits(r, 3) + "000";
    String callSign =
        (char) ('A' + r.nextInt(26)) + "" + (char) ('A' + r.nextInt(26)) + DemoParties.digits(r, 4);
    return new Vessel(name, first6 + (sum % 10), mmsi, callSign, flag, line);
  }

  private Movement movement(int m) {
    SplittableRandom r = parties.rng(MOVEMENT, m);
    boolean sea = r.nextInt(10) < 6;
    boolean arrival = r.nextInt(4) > 0;
    String port;
    String other;
    int vessel = -1;
    String flight = "";
    if (sea) {
      port = DemoParties.pick(r, DemoVocabulary.SEA_OFFICES).locode();
      other = DemoParties.pick(r, DemoVocabulary.SEA_PORTS).locode();
      vessel = r.nextInt(vessels);
    } else {
      port = DemoParties.pick(r, DemoVocabulary.AIR_OFFICES).locode();
      other = DemoParties.pick(r, DemoVocabulary.AIRPORTS).locode();
      Airline a = DemoParties.pick(r, DemoVocabulary.AIRLINES);
      flight = a.designator() + (100 + r.nextInt(900));
    }
    String id = "PC-" + port + "-" + day + "-" + pad(m + 1, 3);
    return new Movement(id, sea, arrival, port, other, vessel, flight);
  }

  private Map<String, Object> movementLine(int m) {
    Movement mv = movement(m);
    SplittableRandom r = parties.rng(MOVEMENT + 1000, m);
    Map<String, Object> o =
        JsonLine.obj(
            "movementId",
            mv.id(),
            "mode",
            mv.sea() ? "sea" : "air",
            "direction",
            mv.arrival() ? "arrival" : "departure",
            "time",
            time(m, movements, r));
    if (mv.sea()) {
      Vessel v = vessel(mv.vessel());
      o.put("conveyanceName", v.name());
      o.put("voyageOrFlight", pad(1 + r.nextInt(400), 3) + (mv.arrival() ? "N" : "S"));
      o.put("imo", v.imo());
      o.put("mmsi", v.mmsi());
      o.put("callSign", v.callSign());
      o.put("flag", v.flag().country());
      o.put("operator", v.line().name());
    } else {
      Airline a = airlineOf(mv.flight());
      o.put("conveyanceName", a.name() + " " + mv.flight());
      o.put("voyageOrFlight", mv.flight());
      o.put("operator", a.name());
    }
    o.put("port", mv.port());
    o.put(mv.arrival() ? "previousPort" : "nextPort", mv.previousPort());
    o.put("agency", CUSTOMS);
    return o;
  }

  private static Airline airlineOf(String flight) {
    String d = flight.substring(0, 2);
    for (Airline a : DemoVocabulary.AIRLINES) {
      if (a.designator().equals(d)) {
        return a;
      }
    }
    return DemoVocabulary.AIRLINES.get(0);
  }

  /**
   * Record {@code i} of {@code n} gets a time in its slot of the day, so files run in time order.
   * Slots follow a working-day profile: 10% of records before 07:00, 75% from 07:00 to 19:00, 15%
   * after 19:00 (a monotone map from position to time keeps the order).
   */
  private String time(int i, int n, SplittableRandom r) {
    double from = (double) i / n;
    double to = (double) (i + 1) / n;
    double u = from + r.nextDouble() * (to - from);
    LocalDate on = date;
    if (cut < 1) {
      // the first records are yesterday's after the cut, the last today's before it
      u += cut;
      if (u < 1) {
        on = date.minusDays(1);
      } else {
        u -= 1;
      }
    }
    long s = Math.min(86_399L, (long) (dayFraction(u) * 86_400));
    return OffsetDateTime.of(on.atStartOfDay(), JST).plusSeconds(s).format(TIME);
  }

  /** The inverse of {@link #dayFraction}: where in the profile a time of day (0..1) lies. */
  static double profilePosition(double fraction) {
    double h = fraction * 24;
    if (h < 7) {
      return h / 7 * 0.10;
    } else if (h < 19) {
      return 0.10 + (h - 7) / 12 * 0.75;
    }
    return 0.85 + (h - 19) / 5 * 0.15;
  }

  static double dayFraction(double u) {
    double h;
    if (u < 0.10) {
      h = u / 0.10 * 7;
    } else if (u < 0.85) {
      h = 7 + (u - 0.10) / 0.75 * 12;
    } else {
      h = 19 + (u - 0.85) / 0.15 * 5;
    }
    return h / 24;
  }

  // ================================================================ transport documents

  private record Document(
      String number,
      String type,
      String office,
      String loading,
      String loadingCountry,
      String discharge,
      String movementId,
      int consigneeCompany,
      int consigneePerson) {}

  private Document document(int j) {
    SplittableRandom r = parties.rng(DOCUMENT, j);
    int t = r.nextInt(20);
    String type = t < 11 ? "MBL" : t < 16 ? "HBL" : "AWB";
    boolean sea = !type.equals("AWB");
    Movement mv = null;
    for (int tries = 0; tries < 6 && mv == null; tries++) {
      Movement c = movement(r.nextInt(movements));
      if (c.sea() == sea && c.arrival()) {
        mv = c;
      }
    }
    Port loading =
        sea
            ? DemoParties.pick(r, DemoVocabulary.SEA_PORTS)
            : DemoParties.pick(r, DemoVocabulary.AIRPORTS);
    String discharge;
    String office;
    if (mv != null) {
      discharge = mv.port();
      office = officeOf(mv.port(), !sea);
      if (r.nextInt(10) < 7) {
        loading = portOf(mv.previousPort(), loading);
      }
    } else {
      Office o =
          sea
              ? DemoParties.pick(r, DemoVocabulary.SEA_OFFICES)
              : DemoParties.pick(r, DemoVocabulary.AIR_OFFICES);
      discharge = o.locode();
      office = o.code();
    }
    long serial = bijection(j, 1_000_000_000L);
    String number =
        switch (type) {
          case "MBL" -> DemoParties.pick(r, DemoVocabulary.LINES).billPrefix() + pad(serial, 9);
          case "HBL" -> DemoParties.pick(r, DemoVocabulary.FORWARDERS) + pad(serial, 9);
          default -> {
            long s7 = serial % 10_000_000L;
            yield DemoParties.pick(r, DemoVocabulary.AIRLINES).awbPrefix() + pad(s7, 7) + (s7 % 7);
          }
        };
    int company = -1;
    int person = -1;
    Integer planted = plan.addressDocuments.get(j);
    if (planted != null) {
      if (planted < 2) {
        company = plan.addressCompanies[planted];
      } else {
        person = plan.addressPersons[planted - 2];
      }
    } else if (plan.seizedDocuments.containsKey(j)) {
      company = plan.seizedCompany;
    } else if (r.nextInt(100) < 88) {
      company = r.nextInt(jpCompanies);
    } else {
      person = r.nextInt(jpPersons);
    }
    return new Document(
        number,
        type,
        office,
        loading.locode(),
        loading.country(),
        discharge,
        mv == null ? "" : mv.id(),
        company,
        person);
  }

  private static Port portOf(String locode, Port fallback) {
    for (Port p : DemoVocabulary.SEA_PORTS) {
      if (p.locode().equals(locode)) {
        return p;
      }
    }
    for (Port p : DemoVocabulary.AIRPORTS) {
      if (p.locode().equals(locode)) {
        return p;
      }
    }
    return fallback;
  }

  private static String officeOf(String locode, boolean air) {
    for (Office o : air ? DemoVocabulary.AIR_OFFICES : DemoVocabulary.SEA_OFFICES) {
      if (o.locode().equals(locode)) {
        return o.code();
      }
    }
    return locode;
  }

  private Map<String, Object> documentLine(int j) {
    Document d = document(j);
    SplittableRandom r = parties.rng(DOCUMENT + 1000, j);
    boolean sea = !d.type().equals("AWB");
    Map<String, Object> o =
        JsonLine.obj(
            "number", d.number(),
            "documentType", d.type(),
            "date", time(j, documents, r),
            "office", d.office());
    if (d.type().equals("HBL")) {
      Line line = DemoParties.pick(r, DemoVocabulary.LINES);
      o.put("masterNumber", line.billPrefix() + DemoParties.digits(r, 9));
    }
    o.put(
        "carrier",
        sea
            ? DemoParties.pick(r, DemoVocabulary.LINES).name()
            : DemoParties.pick(r, DemoVocabulary.AIRLINES).name());
    ForeignCompany shipper =
        parties.foreignCompany(r.nextInt(foreignCompanies), d.loadingCountry());
    o.put("shipper", parties.foreignCompanyParty(shipper, r));
    Map<String, Object> consignee =
        d.consigneeCompany() >= 0
            ? parties.companyParty(company(d.consigneeCompany()), r, true)
            : parties.personParty(person(d.consigneePerson()), r);
    if (plan.addressDocuments.containsKey(j)) {
      consignee.put("address", DemoParties.address(plan.sharedAddress, r, false));
    }
    if (plan.seizedDocuments.containsKey(j)) {
      consignee.put("id", company(plan.seizedCompany).id());
    }
    o.put("consignee", consignee);
    if (r.nextInt(4) == 0) {
      o.put("notifyParty", JsonLine.obj("kind", "company", "name", broker(r.nextInt(30), r)));
    }
    o.put("portOfLoading", d.loading());
    o.put("portOfDischarge", d.discharge());
    if (sea) {
      int n = d.type().equals("HBL") ? r.nextInt(2) : 1 + r.nextInt(4);
      List<String> containers = new ArrayList<>();
      for (int c = 0; c < n; c++) {
        String owner =
            r.nextInt(3) == 0
                ? DemoParties.pick(r, DemoVocabulary.LEASING_OWNERS)
                : DemoParties.pick(r, DemoVocabulary.LINES).ownerCode();
        containers.add(container(owner, bijection(j * 4L + c, 1_000_000L)));
      }
      JsonLine.put(o, "containers", containers);
    }
    Goods g = DemoParties.pick(r, DemoVocabulary.GOODS);
    o.put("goodsDescription", g.description());
    o.put("hsCode", g.hs());
    double mass = sea ? 500 + r.nextDouble() * 24_000 : 5 + r.nextDouble() * 800;
    o.put("grossMassKg", decimal(mass, 1));
    o.put("packages", Integer.toString(1 + r.nextInt(sea ? 900 : 40)));
    JsonLine.put(o, "conveyanceRef", d.movementId());
    o.put("agency", CUSTOMS);
    if (plan.addressDocuments.containsKey(j)) {
      plan.note("shared-address", "transport-document:" + d.number());
    }
    if (plan.seizedDocuments.containsKey(j)) {
      plan.note("seized-importer", "transport-document:" + d.number());
    }
    return o;
  }

  /** An ISO 6346 container number; serials whose check value would be 10 are moved on by one. */
  static String container(String owner, long serial) {
    while (true) {
      String first10 = owner + pad(serial, 6);
      int check = org.sekisho.core.RecordFormat.containerCheckValue(first10);
      if (check != 10) {
        return first10 + check;
      }
      serial = (serial + 1) % 1_000_000L;
    }
  }

  private static String broker(int k, SplittableRandom r) {
    DemoVocabulary.JpWord root = DemoVocabulary.JP_ROOTS.get(k % DemoVocabulary.JP_ROOTS.size());
    return switch (r.nextInt(3)) {
      case 0 -> root.kanji() + "通関株式会社";
      case 1 -> root.romaji() + " Customs Brokerage Co., Ltd.";
      default -> "株式会社" + root.kanji() + "通関";
    };
  }

  // ================================================================ declarations

  private Map<String, Object> declarationLine(int i) {
    SplittableRandom r = parties.rng(DECLARATION, i);
    String id = "D" + day + pad(i + 1, 5);
    boolean post = r.nextInt(10) == 0;
    Document d = post ? null : document(r.nextInt(documents));
    String mode = post ? "5" : d.type().equals("AWB") ? "4" : "1";
    String office = post ? DemoParties.pick(r, DemoVocabulary.MAIL_OFFICES) : d.office();
    String departure =
        post ? DemoParties.pick(r, DemoVocabulary.FOREIGN_NAMES).country() : d.loadingCountry();
    Map<String, Object> o =
        JsonLine.obj(
            "declarationId",
            id,
            "type",
            "IM",
            "date",
            time(i, declarations, r),
            "office",
            office,
            "procedure",
            r.nextInt(10) == 0 ? "4071" : "4000",
            "modeOfTransport",
            mode);
    int brokerIndex = r.nextInt(30);
    o.put(
        "declarant",
        JsonLine.obj(
            "kind",
            "company",
            "name",
            broker(brokerIndex, r),
            "id",
            "JPB" + pad(bijection(brokerIndex, 100_000L), 5)));
    int importer;
    Integer phoneMember = plan.phoneDeclarations.get(i);
    boolean seized = plan.seizedDeclarations.containsKey(i);
    if (phoneMember != null) {
      importer = plan.phoneImporters[phoneMember];
      plan.note("shared-phone", "declaration:" + id);
    } else if (seized) {
      importer = plan.seizedCompany;
      plan.note("seized-importer", "declaration:" + id);
    } else if (d != null && d.consigneeCompany() >= 0 && r.nextInt(10) < 7) {
      importer = d.consigneeCompany();
    } else {
      importer = r.nextInt(jpCompanies);
    }
    Map<String, Object> imp = parties.companyParty(company(importer), r, true);
    if (phoneMember != null) {
      // the network must be visible: always write the shared phone
      imp.put("phone", DemoParties.phone(plan.sharedPhone, r));
    }
    if (seized) {
      // the corporate number ties the variant names together, as it would in real filings
      imp.put("id", company(importer).id());
    }
    o.put("importer", imp);
    ForeignCompany exporter = parties.foreignCompany(r.nextInt(foreignCompanies), departure);
    o.put("exporter", parties.foreignCompanyParty(exporter, r));
    o.put("countryOfDeparture", departure);
    if (d != null) {
      o.put("transportDocument", d.number());
    }
    int outcome = r.nextInt(200);
    if (outcome < 8) {
      o.put("outcome", "nothing-found");
    } else if (outcome < 10) {
      o.put("outcome", "infraction");
    }
    int n = 1 + r.nextInt(4);
    List<Object> items = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      Goods g = DemoParties.pick(r, DemoVocabulary.GOODS);
      // values spread log-uniformly from 30,000 to 9 million yen (sea freight 5x), mass follows
      double value =
          30_000
              * StrictMath.exp(r.nextDouble() * StrictMath.log(300))
              * (mode.equals("1") ? 5 : 1);
      double kg = Math.max(0.1, value / g.yenPerKg() * (0.7 + r.nextDouble() * 0.6));
      String origin =
          r.nextInt(5) == 0 ? DemoParties.pick(r, DemoVocabulary.SEA_PORTS).country() : departure;
      Map<String, Object> item =
          JsonLine.obj(
              "hsCode", g.hs(),
              "description", g.description(),
              "origin", origin,
              "quantity", quantity(g.unit(), kg),
              "unit", g.unit(),
              "netMassKg", decimal(kg, 1),
              "grossMassKg", decimal(kg * 1.08, 1),
              "customsValue", decimal(value, 0),
              "currency", "JPY",
              "dutyRate", decimal(r.nextInt(4) == 0 ? 0 : r.nextInt(20) * 0.5, 1));
      items.add(item);
    }
    o.put("items", items);
    o.put("agency", CUSTOMS);
    return o;
  }

  // ================================================================ postal items

  private static final List<String> S10_SERVICES =
      List.of("EE", "EA", "EM", "RR", "RA", "CP", "CE", "LX", "LY", "UA");

  private Map<String, Object> postalLine(int p) {
    SplittableRandom r = parties.rng(POSTAL, p);
    Integer hub = plan.hubPostal.get(p);
    Integer address = plan.addressPostal.get(p);
    Integer courierItem = plan.courierPostal.get(p);
    Map<String, Object> sender;
    String origin;
    if (hub != null || r.nextInt(5) > 0) {
      // a hub addressee gets each item from a different sender
      int senderIndex = hub != null ? (plan.hubPerson * 7 + hub) % foreignPersons : -1;
      ForeignPerson fp =
          parties.foreignPerson(senderIndex >= 0 ? senderIndex : r.nextInt(foreignPersons));
      sender = parties.foreignPersonParty(fp, r);
      origin = fp.country();
    } else {
      origin = DemoParties.pick(r, DemoVocabulary.SEA_PORTS).country();
      ForeignCompany fc = parties.foreignCompany(r.nextInt(foreignCompanies), origin);
      sender = parties.foreignCompanyParty(fc, r);
    }
    String service = DemoParties.pick(r, S10_SERVICES);
    String serial = pad(bijection(p, 100_000_000L), 8);
    String itemId = service + serial + s10Check(serial) + origin;
    Map<String, Object> addressee;
    if (hub != null) {
      addressee = parties.personParty(person(plan.hubPerson), r);
      addressee.put("address", DemoParties.address(person(plan.hubPerson).address(), r, false));
      plan.note("hub-addressee", "postal-item:" + itemId);
    } else if (address != null) {
      addressee =
          address < 2
              ? parties.companyParty(company(plan.addressCompanies[address]), r, false)
              : parties.personParty(person(plan.addressPersons[address - 2]), r);
      addressee.put("address", DemoParties.address(plan.sharedAddress, r, false));
      plan.note("shared-address", "postal-item:" + itemId);
    } else if (r.nextInt(10) > 0) {
      addressee = parties.personParty(person(r.nextInt(jpPersons)), r);
    } else {
      addressee = parties.companyParty(company(r.nextInt(jpCompanies)), r, false);
    }
    if (courierItem != null) {
      // different names at different addresses, all reachable on the courier's phone
      addressee.put("phone", plan.courier.phone());
      plan.note("seizure-person-phone", "postal-item:" + itemId);
    }
    Parcel parcel = DemoParties.pick(r, DemoVocabulary.PARCELS);
    Map<String, Object> o =
        JsonLine.obj(
            "itemId",
            itemId,
            "date",
            time(p, postalItems, r),
            "office",
            DemoParties.pick(r, DemoVocabulary.MAIL_OFFICES),
            "sender",
            sender,
            "addressee",
            addressee,
            "contents",
            parcel.contents());
    if (r.nextInt(10) < 7) {
      o.put("hsCode", parcel.hs());
    }
    o.put("declaredValue", Integer.toString(Math.max(0, parcel.usd() + r.nextInt(40) - 15)));
    o.put("currency", "USD");
    o.put("weightKg", decimal(0.05 + r.nextDouble() * (service.startsWith("C") ? 15 : 2), 2));
    o.put("originCountry", origin);
    o.put("destinationCountry", "JP");
    o.put(
        "category",
        parcel.contents().equals("documents")
            ? "documents"
            : parcel.contents().startsWith("sample")
                ? "sample"
                : r.nextInt(3) == 0 ? "gift" : "merchandise");
    o.put("agency", CUSTOMS);
    return o;
  }

  /** The declared quantity in the goods' unit, consistent with the net mass. */
  static String quantity(String unit, double kg) {
    return switch (unit) {
      case "kg", "l" -> decimal(kg, 1);
      case "g" -> decimal(kg * 1000, 0);
      // pieces and pairs: about two to the kilogram, packaging included
      default -> Long.toString(Math.max(1, Math.round(kg * 2)));
    };
  }

  static int s10Check(String serial8) {
    int[] w = {8, 6, 4, 2, 3, 5, 9, 7};
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += (serial8.charAt(i) - '0') * w[i];
    }
    int c = 11 - sum % 11;
    return c == 10 ? 0 : c == 11 ? 5 : c;
  }

  // ================================================================ seizures

  private Map<String, Object> seizureLine(int s) {
    SplittableRandom r = parties.rng(SEIZURE, s);
    String id = "S-" + day + "-" + pad(s + 1, 3);
    Contraband c = DemoParties.pick(r, DemoVocabulary.CONTRABAND);
    boolean air = r.nextBoolean();
    Office office =
        air
            ? DemoParties.pick(r, DemoVocabulary.AIR_OFFICES)
            : DemoParties.pick(r, DemoVocabulary.SEA_OFFICES);
    Port from =
        air
            ? DemoParties.pick(r, DemoVocabulary.AIRPORTS)
            : DemoParties.pick(r, DemoVocabulary.SEA_PORTS);
    List<String> route = new ArrayList<>();
    if (r.nextBoolean()) {
      route.add(DemoParties.pick(r, DemoVocabulary.FOREIGN_NAMES).country());
    }
    if (!route.contains(from.country())) {
      route.add(from.country());
    }
    route.add("JP");
    double qty = c.typical() * (0.2 + r.nextDouble() * 2);
    Map<String, Object> o =
        JsonLine.obj(
            "seizureId", id,
            "date", time(s, seizures, r),
            "office", office.code(),
            "place", office.locode(),
            "commodity", c.commodity(),
            "hsCode", c.hs(),
            "quantity", c.unit().equals("pcs") ? decimal(Math.ceil(qty), 0) : decimal(qty, 2),
            "unit", c.unit(),
            "concealment", DemoParties.pick(r, DemoVocabulary.CONCEALMENTS),
            "detection", DemoParties.pick(r, DemoVocabulary.DETECTIONS),
            "route", route);
    List<Object> persons = new ArrayList<>();
    List<Object> companies = new ArrayList<>();
    List<String> related = new ArrayList<>();
    if (s == 0) {
      Map<String, Object> seizedCompany =
          parties.companyParty(company(plan.seizedCompany), r, true);
      seizedCompany.put("id", company(plan.seizedCompany).id());
      companies.add(seizedCompany);
      for (String rec : plan.records.get("seized-importer")) {
        if (rec.startsWith("declaration:")) {
          related.add(rec);
          break;
        }
      }
      plan.note("seized-importer", "seizure:" + id);
    }
    if (s == 1) {
      ForeignPerson p = plan.courier;
      persons.add(
          JsonLine.obj(
              "kind", "person",
              "name", DemoParties.foreignPersonName(p, r),
              "dateOfBirth", birthDate(r),
              "document",
                  "P:"
                      + p.country()
                      + ":"
                      + (char) ('A' + r.nextInt(26))
                      + DemoParties.digits(r, 8),
              "phone", p.phone(),
              "country", p.country()));
      plan.note("seizure-person-phone", "seizure:" + id);
    }
    int extra = r.nextInt(3);
    for (int k = 0; k < extra; k++) {
      ForeignPerson p = parties.foreignPerson(r.nextInt(foreignPersons));
      persons.add(
          JsonLine.obj(
              "kind", "person",
              "name", DemoParties.foreignPersonName(p, r),
              "dateOfBirth", birthDate(r),
              "document",
                  "P:"
                      + p.country()
                      + ":"
                      + (char) ('A' + r.nextInt(26))
                      + DemoParties.digits(r, 8),
              "country", p.country()));
    }
    JsonLine.put(o, "persons", persons);
    JsonLine.put(o, "companies", companies);
    o.put(
        "conveyance",
        air
            ? DemoParties.pick(r, DemoVocabulary.AIRLINES).designator() + (100 + r.nextInt(900))
            : vessel(r.nextInt(vessels)).name());
    if (s == 1) {
      for (String rec : plan.records.get("seizure-person-phone")) {
        if (rec.startsWith("postal-item:")) {
          related.add(rec);
        }
      }
    } else if (s > 1 && r.nextBoolean()) {
      // an ordinary seizure points at the declaration it was found on
      related.add("declaration:D" + day + pad(1 + r.nextInt(declarations), 5));
    }
    JsonLine.put(o, "relatedRecords", related);
    o.put(
        "narrative",
        c.commodity()
            + " found by "
            + o.get("detection")
            + " at "
            + office.code()
            + ", "
            + o.get("concealment"));
    int policeRank = plan.police.indexOf(s);
    if (policeRank >= 0) {
      o.put("agency", POLICE);
      if (policeRank % 2 == 0) {
        o.put("sharedWith", List.of(CUSTOMS));
      }
    } else {
      o.put("agency", CUSTOMS);
    }
    return o;
  }

  private String birthDate(SplittableRandom r) {
    return date.minusYears(20 + r.nextInt(45)).minusDays(r.nextInt(365)).toString();
  }

  // ================================================================ networks.json

  private void writeNetworks(Path file, Map<String, Integer> counts) throws IOException {
    List<Object> networks = new ArrayList<>();
    List<Object> phoneMembers = new ArrayList<>();
    for (int k : plan.phoneImporters) {
      phoneMembers.add(member(company(k)));
    }
    networks.add(
        network(
            "shared-phone",
            "phone",
            "four different importers give the same office phone number (written in national and"
                + " +81 forms)",
            plan.sharedPhone,
            phoneMembers));
    List<Object> addressMembers = new ArrayList<>();
    for (int k : plan.addressCompanies) {
      addressMembers.add(member(company(k)));
    }
    for (int k : plan.addressPersons) {
      addressMembers.add(personMember(person(k)));
    }
    networks.add(
        network(
            "shared-address",
            "address",
            "two companies and two persons receive transport documents and postal items at one"
                + " address (written in several notations)",
            DemoParties.canonicalAddress(plan.sharedAddress),
            addressMembers));
    networks.add(
        network(
            "hub-addressee",
            "consignee",
            "one addressee receives postal items from many different senders abroad",
            personName(person(plan.hubPerson)),
            List.of(personMember(person(plan.hubPerson)))));
    networks.add(
        network(
            "seized-importer",
            "company",
            "an importer named in a seizure also appears as importer on declarations and consignee"
                + " on transport documents (name written in variant forms)",
            company(plan.seizedCompany).id(),
            List.of(member(company(plan.seizedCompany)))));
    networks.add(
        network(
            "seizure-person-phone",
            "phone",
            "a person named in a seizure has the phone that addressees of several postal items give",
            plan.courier.phone(),
            List.of(
                JsonLine.obj(
                    "kind",
                    "person",
                    "name",
                    plan.courier.given() + " " + plan.courier.family(),
                    "country",
                    plan.courier.country(),
                    "phone",
                    plan.courier.phone()))));
    List<Object> police = new ArrayList<>();
    for (int k = 0; k < plan.police.size(); k++) {
      int s = plan.police.get(k);
      police.add(
          JsonLine.obj(
              "seizure",
              "S-" + day + "-" + pad(s + 1, 3),
              "agency",
              POLICE,
              "sharedWithCustoms",
              k % 2 == 0));
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("seed", seed);
    root.put("date", date.toString());
    root.put("scale", scale);
    root.put("counts", counts);
    root.put("networks", networks);
    root.put("agencyScoping", police);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    try {
      Files.writeString(file, json.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, Object> network(
      String id, String kind, String description, String value, List<Object> members) {
    return JsonLine.obj(
        "id", id,
        "kind", kind,
        "description", description,
        "value", value,
        "members", members,
        "records", List.copyOf(plan.records.get(id)));
  }

  private static Map<String, Object> member(JpCompany c) {
    return JsonLine.obj(
        "kind",
        "company",
        "name",
        "株式会社" + c.root().kanji() + c.trade().kanji(),
        "nameLatin",
        c.root().romaji() + " " + c.trade().romaji() + " Co., Ltd.",
        "id",
        c.id(),
        "phone",
        c.phone());
  }

  private static Map<String, Object> personMember(JpPerson p) {
    return JsonLine.obj("kind", "person", "name", personName(p), "phone", p.mobile());
  }

  private static String personName(JpPerson p) {
    return p.family().kanji() + " " + p.given().kanji();
  }

  // ================================================================ small helpers

  /**
   * A permutation of [0, n) for n a power of ten (fixed per seed): distinct indices give distinct
   * serial numbers that do not look sequential.
   */
  long bijection(long i, long n) {
    // 3^18 is coprime to every power of ten, so i -> a*i + b (mod n) is a permutation; i and a
    // both stay below 10^9, so the product fits in a long
    return Math.floorMod(i * 387_420_489L + Math.floorMod(DemoParties.mix(seed ^ n), n), n);
  }

  static String pad(long v, int width) {
    String s = Long.toString(v);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }

  static String decimal(double v, int places) {
    return BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).toPlainString();
  }
}
