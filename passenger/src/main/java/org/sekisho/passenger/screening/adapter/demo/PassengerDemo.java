package org.sekisho.passenger.screening.adapter.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.sekisho.core.Outcome;
import org.sekisho.names.domain.watchlist.Severity;
import org.sekisho.passenger.pnr.adapter.PnrContext;
import org.sekisho.passenger.pnr.application.PnrRetention;
import org.sekisho.passenger.screening.adapter.demo.DemoBookings.Booking;
import org.sekisho.passenger.screening.adapter.demo.DemoBookings.Leg;
import org.sekisho.passenger.screening.adapter.demo.DemoBookings.Traveller;
import org.sekisho.passenger.screening.application.ScreeningStore;
import org.sekisho.passenger.screening.application.WatchlistImport;

/**
 * Demo data for the PNR unit: reference lists, passenger rules, two watchlists and a day of
 * arriving flights whose PNRGOV pushes are ingested and screened, so that {@code sekisho demo}
 * shows flights with open hits of every kind (rules, list tests, watchlist names in Japanese,
 * Cyrillic and Arabic script, a companion of a seizure-linked person), and one booking whose first
 * version, received months ago, retention has masked (for unmasking by two members).
 *
 * <p>Idempotent: lists and rules that exist (by name) are left alone, the watchlists are imported
 * as wholes (the same content keeps its version), and a push already received is recognised by the
 * PNR archive. Every name, date, phone, card and document number is invented.
 */
public final class PassengerDemo {
  /** Who the demo's changes are audited as. */
  public static final String ACTOR = "system:demo";

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  private PassengerDemo() {}

  /**
   * What seeding did.
   *
   * @param listsCreated reference lists that were new
   * @param rulesSaved rules that were new
   * @param watchlistVersions the version of each demo watchlist after its import
   * @param pushes PNRGOV pushes ingested (already received ones count too)
   * @param flights flights screened
   * @param openHits open hits on those flights
   */
  public record Summary(
      int listsCreated,
      int rulesSaved,
      Map<String, Integer> watchlistVersions,
      int pushes,
      int flights,
      int openHits) {
    public Summary {
      watchlistVersions = Map.copyOf(watchlistVersions);
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "passenger demo: %d lists and %d rules new, watchlists %s, %d PNR pushes, %d flights,"
              + " %d open hits",
          listsCreated,
          rulesSaved,
          watchlistVersions,
          pushes,
          flights,
          openHits);
    }
  }

  /** The demo reference lists: name, kind, description, entries. */
  static final List<List<String>> LISTS =
      List.of(
          List.of(
              "source-countries",
              "countries",
              "source and transit countries of cocaine and heroin",
              "CO,PE,BO,VE,AF,MM,EC"),
          List.of(
              "flagged-card-bins",
              "card-bins",
              "BINs of cards seen in past seizures",
              "453999,522786"),
          List.of(
              "flagged-phones",
              "phones",
              "contact phones linked to couriers",
              "+819011112222,+66812345678"),
          List.of("flagged-agencies", "agencies", "agencies that booked couriers", "99887766"));

  /** The demo rules, one criterion each. */
  static final List<String> RULES =
      List.of(
          "criterion \"Cash, booked late, one way\"\n"
              + "  when payment = \"CA\" and booking_days_before_departure <= 3 and one_way = \"yes\"\n"
              + "  then severity medium weight 30\n"
              + "  because \"a one-way ticket paid cash days before the flight\"",
          "criterion \"One way through a source country\"\n"
              + "  when one_way = \"yes\" and via in list \"source-countries\"\n"
              + "  then severity medium weight 20\n"
              + "  because \"one-way journey through a source country of drugs\"",
          "criterion \"Card from a flagged issuer\"\n"
              + "  when card_bin in list \"flagged-card-bins\"\n"
              + "  then severity medium weight 25\n"
              + "  because \"paid with a card whose BIN was seen in past seizures\"",
          "criterion \"Contact phone on a list\"\n"
              + "  when phone in list \"flagged-phones\"\n"
              + "  then severity high weight 35\n"
              + "  because \"the booking's contact phone is linked to couriers\"",
          "criterion \"Booked by a flagged agency\"\n"
              + "  when agency in list \"flagged-agencies\"\n"
              + "  then severity low weight 15\n"
              + "  because \"booked by an agency that booked couriers before\"",
          "criterion \"Companion of a seizure-linked person\"\n"
              + "  when companion_of_seizure_linked = \"yes\"\n"
              + "  then severity high weight 40\n"
              + "  because \"travels on the booking of someone linked to a past seizure\"",
          "criterion \"Bags out of pattern\"\n"
              + "  when bags >= 4 and travelling_alone = \"yes\" or bag_weight > 60\n"
              + "  then severity low weight 10\n"
              + "  because \"more or heavier bags than a lone traveller usually checks\"");

  /**
   * Seeds the demo: lists, rules, watchlists, then today's arriving flights (today in Japan by
   * {@code clock}), each pushed as PNRGOV and screened on ingest.
   *
   * @param context the passenger context of the running Sekisho (migrated and started)
   */
  public static Summary seed(PnrContext context, Clock clock) {
    return seed(context, LocalDate.now(clock.withZone(JAPAN)));
  }

  /**
   * As {@link #seed(PnrContext, Clock)}, with the flights arriving on {@code day} (the demo's
   * {@code --date}).
   */
  public static Summary seed(PnrContext context, LocalDate day) {
    int listsCreated = 0;
    for (List<String> l : LISTS) {
      if (context.lists().find(l.get(0)).isEmpty()) {
        context.lists().create(l.get(0), l.get(1), l.get(2), ACTOR).orElseThrow();
        listsCreated++;
      }
      for (String value : l.get(3).split(",")) {
        context.lists().add(l.get(0), value, "demo", ACTOR).orElseThrow();
      }
    }
    Set<String> names = new HashSet<>();
    for (ScreeningStore.RuleRow r : context.screeningStore().rules()) {
      names.add(r.name());
    }
    int rulesSaved = 0;
    for (String text : RULES) {
      String name = text.substring(text.indexOf('"') + 1, text.indexOf('"', text.indexOf('"') + 1));
      if (!names.contains(name)) {
        context.rules().save(0, text, ACTOR).orElseThrow();
        rulesSaved++;
      }
    }
    Map<String, Integer> versions = new java.util.TreeMap<>();
    for (String list : List.of("national-alerts", "seizure-linked")) {
      try (Reader in = resource(list + ".csv")) {
        Outcome<WatchlistImport.ListReport> o =
            context.watchlists().importList(list, Severity.HIGH, "csv", in, ACTOR);
        versions.put(list, o.orElseThrow().version());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    LocalDate today = day;
    // a booking version old enough to be masked, before today's version of the same booking
    context.ingestReceivedAgo(OLD_VERSION_AGE).pnr(oldPush(today), "demo:pnrgov-old").orElseThrow();
    List<String> pushes = pushes(today);
    for (int i = 0; i < pushes.size(); i++) {
      context.ingest().pnr(pushes.get(i), "demo:pnrgov-" + i).orElseThrow();
    }
    // masks it now rather than at the next hourly run
    context.runRetention();
    int flights = 0;
    int open = 0;
    for (ScreeningStore.FlightRow f : context.screeningStore().flights(today, today, "")) {
      flights++;
      open += f.openHits();
    }
    return new Summary(listsCreated, rulesSaved, versions, pushes.size() + 1, flights, open);
  }

  private static Reader resource(String name) {
    InputStream in = PassengerDemo.class.getResourceAsStream("/demo/passenger/" + name);
    if (in == null) {
      throw new IllegalStateException("demo resource missing: " + name);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  // ---- the flights

  private static final String[][] GIVEN_M = {
    {"JAMES"},
    {"LUCAS"},
    {"HIROSHI"},
    {"WEI"},
    {"MARCO"},
    {"DANIEL"},
    {"ARJUN"},
    {"TOMAS"},
    {"KENJI"},
    {"OLIVER"},
    {"MINHO"},
    {"SAMUEL"},
    {"PAUL"},
    {"RYO"},
    {"ANDREW"}
  };
  private static final String[][] GIVEN_F = {
    {"EMMA"},
    {"SOFIA"},
    {"YUKI"},
    {"MEI"},
    {"CLARA"},
    {"HANNA"},
    {"PRIYA"},
    {"LAURA"},
    {"AOI"},
    {"GRACE"},
    {"JIWOO"},
    {"NORA"},
    {"ELENA"},
    {"SAKURA"},
    {"JULIA"}
  };
  private static final String[] SURNAMES = {
    "TANAKA", "SMITH", "MUELLER", "CHEN", "GARCIA", "KIM", "BROWN", "SATO", "ROSSI", "NGUYEN",
    "WILSON", "LEE", "MARTIN", "ITO", "SCHMIDT", "LOPEZ", "TAYLOR", "WONG", "DUBOIS", "KATO"
  };
  private static final String[] NATIONS = {"JPN", "USA", "DEU", "CHN", "ESP", "KOR", "GBR", "AUS"};

  /**
   * How long before seeding the first version of the re-booked booking ({@link #rebooked}) was
   * received: longer than retention keeps data unmasked, so that it is masked.
   */
  static final Period OLD_VERSION_AGE = PnrRetention.MASK_AFTER.plusMonths(1);

  private static Leg lax(LocalDate day) {
    return new Leg("JL", "0061", day, "0040", "0525", "LAX", "HND", 1);
  }

  /**
   * A booking on the LAX flight made eight months ahead: {@code later} false is its first version
   * (one traveller), pushed when it was made; true is today's, a companion added since.
   */
  static Booking rebooked(Leg leg, boolean later) {
    List<Traveller> t = new ArrayList<>();
    t.add(person("HARRIS", "EMMA", "F", LocalDate.of(1984, 3, 9), "GBR", "GB5310274"));
    if (later) {
      t.add(person("HARRIS", "NOAH", "M", LocalDate.of(1982, 11, 21), "GBR", "GB5310288"));
    }
    return direct("JL2OLD", 240, t, "CC::1840.00:VI:45399912XXXX4471:0828", leg);
  }

  /**
   * The first version of {@link #rebooked}, which {@link #seed} ingests as received {@link
   * #OLD_VERSION_AGE} ago and retention then masks: the PNR unit can ask to unmask it from the
   * traveller page, and a second member decide.
   */
  static String oldPush(LocalDate day) {
    Leg lax = lax(day);
    return DemoBookings.push(lax, List.of(rebooked(lax, false)), "DEMO" + day + "00");
  }

  /** One PNRGOV push per demo flight, arriving in Japan on {@code day}. */
  static List<String> pushes(LocalDate day) {
    LocalDate before = day.minusDays(1);
    Leg bkk = new Leg("NH", "0806", day, "0010", "0805", "BKK", "NRT");
    Leg lax = lax(day);
    Leg bogMex = new Leg("AM", "0017", before, "2350", "0430", "BOG", "MEX", 1);
    Leg mex = new Leg("AM", "0058", day, "0020", "0540", "MEX", "NRT", 1);
    Leg svo = new Leg("SU", "0260", day, "0005", "1420", "SVO", "NRT");
    Leg dxb = new Leg("EK", "0318", day, "0240", "1735", "DXB", "NRT");
    Leg icn = new Leg("KE", "0705", day, "0900", "1115", "ICN", "NRT");
    List<String> out = new ArrayList<>();
    out.add(DemoBookings.push(bkk, flight(bkk, 1, bkkPlanted(bkk)), "DEMO" + day + "01"));
    out.add(
        DemoBookings.push(lax, flight(lax, 2, List.of(rebooked(lax, true))), "DEMO" + day + "02"));
    out.add(DemoBookings.push(mex, flight(mex, 3, mexPlanted(bogMex, mex)), "DEMO" + day + "03"));
    out.add(DemoBookings.push(svo, flight(svo, 4, svoPlanted(svo)), "DEMO" + day + "04"));
    out.add(DemoBookings.push(dxb, flight(dxb, 5, dxbPlanted(dxb)), "DEMO" + day + "05"));
    out.add(DemoBookings.push(icn, flight(icn, 6, icnPlanted(icn)), "DEMO" + day + "06"));
    return out;
  }

  private static Traveller person(
      String surname, String given, String gender, LocalDate dob, String nat, String passport) {
    return new Traveller(
        surname, given, gender.equals("F") ? "MS" : "MR", gender, dob, nat, passport);
  }

  private static Booking direct(String locator, int days, List<Traveller> t, String fop, Leg leg) {
    Leg back =
        new Leg(
            leg.carrier(),
            leg.number(),
            leg.date().plusDays(9),
            "1100",
            "1700",
            leg.to(),
            leg.from());
    return new Booking(locator, days, t, fop, List.of(leg, back), "", "", 0, 0);
  }

  /** Ordinary travellers: round trips paid by card weeks ahead, one to three per booking. */
  private static List<Booking> flight(Leg leg, int n, List<Booking> planted) {
    SplittableRandom r = new SplittableRandom(7919L * n + leg.date().toEpochDay());
    List<Booking> out = new ArrayList<>(planted);
    int travellers = 0;
    int b = 0;
    while (travellers < 24) {
      int size = 1 + r.nextInt(3);
      String surname = SURNAMES[r.nextInt(SURNAMES.length)];
      String nat = NATIONS[r.nextInt(NATIONS.length)];
      List<Traveller> t = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        boolean f = r.nextBoolean();
        String given = (f ? GIVEN_F : GIVEN_M)[r.nextInt(15)][0];
        t.add(
            person(
                surname,
                given,
                f ? "F" : "M",
                LocalDate.of(1955 + r.nextInt(50), 1 + r.nextInt(12), 1 + r.nextInt(28)),
                nat,
                nat.substring(0, 2) + (1_000_000 + r.nextInt(8_999_999))));
      }
      String card =
          "CC::"
              + (400 + r.nextInt(3000))
              + ".00:VI:4"
              + (10000 + r.nextInt(89999))
              + "XXXXXX"
              + (1000 + r.nextInt(8999))
              + ":0929";
      out.add(
          direct(
              String.format(Locale.ROOT, "%s%d%03d", leg.carrier(), n, b++),
              14 + r.nextInt(80),
              t,
              card,
              leg));
      travellers += size;
    }
    return out;
  }

  private static List<Booking> bkkPlanted(Leg leg) {
    // alone with five heavy bags, and a contact phone on the flagged list
    Booking bags =
        new Booking(
            "BAGS01",
            20,
            List.of(person("KOVAC", "MILAN", "M", LocalDate.of(1983, 3, 9), "HRV", "HR7730112")),
            "CC::1450.00:MC:52278611XXXX4410:1128",
            List.of(leg),
            "",
            "81 90 1111 2222",
            5,
            88);
    return List.of(bags);
  }

  private static List<Booking> mexPlanted(Leg bogMex, Leg mex) {
    // one way from Bogota paid cash the day before; a listed name with his passport number
    Booking cash =
        new Booking(
            "CASH01",
            1,
            List.of(person("RIOS", "CARLOS", "M", LocalDate.of(1991, 10, 2), "COL", "CO88120455")),
            "CA::2380.00",
            List.of(bogMex, mex),
            "",
            "",
            0,
            0);
    Booking listed =
        new Booking(
            "ALVA01",
            12,
            List.of(
                person(
                    "ALVAREZ MENDOZA",
                    "RICARDO",
                    "M",
                    LocalDate.of(1975, 6, 11),
                    "COL",
                    "CO55102938")),
            "CC::1960.00:VI:45399912XXXX7781:0530",
            List.of(bogMex, mex),
            "",
            "",
            0,
            0);
    return List.of(cash, listed);
  }

  private static List<Booking> svoPlanted(Leg leg) {
    Booking volkov =
        direct(
            "VOLK01",
            30,
            List.of(person("VOLKOV", "DMITRY", "M", LocalDate.of(1981, 9, 2), "RUS", "751234567")),
            "CC::890.00:VI:4276XXXXXXXX1190:0727",
            leg);
    // a seizure-linked man and the woman on his booking
    Booking morozov =
        direct(
            "MORO01",
            9,
            List.of(
                person("MOROZOV", "VIKTOR", "M", LocalDate.of(1970, 5, 21), "RUS", "753300981"),
                person("MOROZOVA", "ANNA", "F", LocalDate.of(1988, 1, 17), "RUS", "753300982")),
            "CC::1780.00:VI:4276XXXXXXXX5531:0428",
            leg);
    return List.of(volkov, morozov);
  }

  private static List<Booking> dxbPlanted(Leg leg) {
    Leg back =
        new Leg(
            leg.carrier(), leg.number(), leg.date().plusDays(6), "2200", "0500", "NRT", "DXB", 1);
    Booking haddad =
        new Booking(
            "HADD01",
            4,
            List.of(
                person("HADDAD", "OMAR FAROUK", "M", LocalDate.of(1979, 1, 23), "SYR", "N0123987")),
            "CC::2100.00:VI:41000012XXXX3321:0927",
            List.of(leg, back),
            "99887766",
            "",
            0,
            0);
    return List.of(haddad);
  }

  private static List<Booking> icnPlanted(Leg leg) {
    Booking yamada =
        new Booking(
            "YAMA01",
            6,
            List.of(person("YAMADA", "TARO", "M", LocalDate.of(1972, 4, 18), "JPN", "TR4471023")),
            "CC::420.00:VI:45399912XXXX0042:1027",
            List.of(leg),
            "",
            "66 81 234 5678",
            0,
            0);
    return List.of(yamada);
  }
}
