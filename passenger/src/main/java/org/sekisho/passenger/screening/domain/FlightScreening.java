package org.sekisho.passenger.screening.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sekisho.names.domain.MatchKind;
import org.sekisho.names.domain.NameComparison;
import org.sekisho.names.domain.TokenMatch;
import org.sekisho.names.domain.watchlist.Corroboration;
import org.sekisho.names.domain.watchlist.PartialDate;
import org.sekisho.names.domain.watchlist.ScreeningSubject;
import org.sekisho.names.domain.watchlist.Watchlist;
import org.sekisho.names.domain.watchlist.WatchlistHit;

/**
 * Screens the travellers of one flight: every traveller against the watchlists (name, with date of
 * birth, nationality and document number as corroboration), then every enabled rule. Produces hits
 * with their explanation; decides nothing. Pure: the same input gives the same hits.
 *
 * <p>Immutable; {@link #screen} is thread-safe. The travellers of a flight are searched in the
 * watchlists together ({@link Watchlist#screenAll}: each distinct name once, over the cores).
 */
public final class FlightScreening {
  /** Watchlist hits below this score are not raised. */
  public static final double DEFAULT_THRESHOLD = 0.85;

  /** Lists of people linked to past seizures, for {@code companion_of_seizure_linked}. */
  public static final String SEIZURE_LINKED = "seizure-linked";

  private final List<ScreeningRule> rules;
  private final Watchlist watchlist;
  private final double threshold;

  /**
   * @param rules the enabled rules
   * @param watchlist every watchlist entry, or null when there is none
   * @param threshold the lowest watchlist score raised
   */
  public FlightScreening(List<ScreeningRule> rules, Watchlist watchlist, double threshold) {
    this.rules = List.copyOf(rules);
    this.watchlist = watchlist;
    this.threshold = threshold;
  }

  /** The enabled rules. */
  public List<ScreeningRule> rules() {
    return rules;
  }

  /** Whether a watchlist holds the entry {@code list/id}. */
  public boolean listsEntry(String listAndId) {
    if (watchlist == null) {
      return false;
    }
    for (var e : watchlist.entries()) {
      if ((e.listName() + "/" + e.id()).equals(listAndId)) {
        return true;
      }
    }
    return false;
  }

  /** The same watchlists and threshold with other rules. */
  public FlightScreening withRules(List<ScreeningRule> newRules) {
    return new FlightScreening(newRules, watchlist, threshold);
  }

  /** The result of screening a flight: who was screened and what hit. */
  public record Result(List<ScreenedPassenger> travellers, List<Hit> hits) {
    public Result {
      travellers = List.copyOf(travellers);
      hits = List.copyOf(hits);
    }
  }

  /**
   * Screens a flight.
   *
   * @param pnr travellers from the latest PNR versions
   * @param api travellers from API lists (merged into the PNR traveller with the same name)
   * @param trips earlier flights in the last 30 days by traveller key (absent: 0)
   */
  public Result screen(
      List<PassengerFacts> pnr, List<PassengerFacts> api, Map<String, Integer> trips) {
    return screen(pnr, api, trips, Set.of());
  }

  /**
   * Screens a flight, leaving out of {@code companion_of_seizure_linked} the watchlist matches that
   * a person of the PNR unit has dismissed.
   *
   * @param pnr travellers from the latest PNR versions
   * @param api travellers from API lists (merged into the PNR traveller with the same name)
   * @param trips earlier flights in the last 30 days by traveller key (absent: 0)
   * @param dismissed hits found not to be the listed person, as {@link #hitKey} of traveller key
   *     and source: such a match makes nobody a companion of a seizure-linked person
   */
  public Result screen(
      List<PassengerFacts> pnr,
      List<PassengerFacts> api,
      Map<String, Integer> trips,
      Set<String> dismissed) {
    List<PassengerFacts> travellers = merge(pnr, api);
    List<List<Hit>> listHits = travellers.parallelStream().map(this::watchlistHits).toList();
    // the seizure-linked travellers, each with the entries that make them so
    Map<String, List<String>> seizureLinked = new LinkedHashMap<>();
    Map<String, PassengerFacts> byKey = new LinkedHashMap<>();
    for (int i = 0; i < travellers.size(); i++) {
      PassengerFacts t = travellers.get(i);
      byKey.put(t.key(), t);
      for (Hit h : listHits.get(i)) {
        if (h.source().startsWith("watchlist:" + SEIZURE_LINKED + "/")
            && !dismissed.contains(hitKey(t.key(), h.source()))) {
          seizureLinked
              .computeIfAbsent(t.key(), k -> new ArrayList<>())
              .add(h.source().substring("watchlist:".length()));
        }
      }
    }
    List<ScreenedPassenger> screened = new ArrayList<>(travellers.size());
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < travellers.size(); i++) {
      PassengerFacts f = travellers.get(i);
      List<String> linkedCompanions = new ArrayList<>();
      for (String c : f.companions()) {
        if (seizureLinked.containsKey(c)) {
          PassengerFacts who = byKey.get(c);
          linkedCompanions.add(
              (who == null ? c : who.displayName())
                  + " ("
                  + String.join(", ", seizureLinked.get(c))
                  + ")");
        }
      }
      ScreenedPassenger p =
          new ScreenedPassenger(f, trips.getOrDefault(f.key(), 0), !linkedCompanions.isEmpty());
      screened.add(p);
      hits.addAll(listHits.get(i));
      for (ScreeningRule r : rules) {
        if (r.rule().hits(p, null)) {
          List<Reason> why = new ArrayList<>();
          why.add(Reason.text(r.rule().reason()));
          for (String e : r.rule().evidence(p, null)) {
            why.add(ScreeningRule.evidence(e));
          }
          why.addAll(r.facts(p));
          if (r.fields().contains("companion_of_seizure_linked") && p.companionOfSeizureLinked()) {
            why.add(Reason.of("companion", String.join("; ", linkedCompanions)));
          }
          hits.add(
              new Hit(
                  f.key(),
                  f.displayName(),
                  f.booking(),
                  Hit.Kind.RULE,
                  "rule:" + r.id(),
                  r.name(),
                  r.severity(),
                  r.weight(),
                  why));
        }
      }
    }
    return new Result(screened, hits);
  }

  /** How {@code dismissed} names a hit: the traveller's key and the hit's source. */
  public static String hitKey(String travellerKey, String source) {
    return travellerKey + " " + source;
  }

  /** The watchlist hits of one traveller, searched alone. */
  public List<Hit> watchlistHits(PassengerFacts f) {
    if (watchlist == null || watchlist.size() == 0) {
      return List.of();
    }
    return hits(f, watchlist.screen(subject(f), threshold), threshold);
  }

  private static List<Hit> hits(PassengerFacts f, List<WatchlistHit> found, double threshold) {
    if (found.isEmpty()) {
      return List.of();
    }
    List<Hit> out = new ArrayList<>(found.size());
    for (WatchlistHit w : found) {
      List<Reason> why = new ArrayList<>();
      why.add(
          Reason.of(
              "entry",
              w.entry().listName(),
              w.entry().id(),
              Reason.term("screening.severity." + severity(w)),
              w.matchedName(),
              String.format(Locale.ROOT, "%.3f", w.score())));
      why.addAll(nameReasons(w.name()));
      for (Corroboration c : w.corroboration()) {
        why.add(
            Reason.of(
                "corroboration",
                Reason.term("screening.evidence." + c.evidence().name().toLowerCase(Locale.ROOT)),
                Reason.term("screening.agreement." + c.agreement().name().toLowerCase(Locale.ROOT)),
                c.evidence() == Corroboration.Evidence.NATIONALITY
                    ? countryCodes(c.detail())
                    : c.detail(),
                String.format(Locale.ROOT, "%+.2f", c.adjustment())));
      }
      if (w.corroboration().isEmpty()) {
        why.add(Reason.of("no-corroboration"));
      }
      if (w.documentMatch() && w.score() < threshold) {
        why.add(
            Reason.of(
                "document-only",
                String.format(Locale.ROOT, "%.3f", w.score()),
                String.format(Locale.ROOT, "%.2f", threshold)));
      }
      out.add(
          new Hit(
              f.key(),
              f.displayName(),
              f.booking(),
              Hit.Kind.WATCHLIST,
              "watchlist:" + w.entry().listName() + "/" + w.entry().id(),
              w.matchedName(),
              severity(w),
              w.score(),
              why));
    }
    return out;
  }

  /**
   * A nationality comparison ({@code jp vs jp,kr}, as the name matcher writes it normalised) with
   * its codes upper-case, as the traveller's facts and every other explanation write countries.
   */
  static String countryCodes(String detail) {
    List<String> sides = new ArrayList<>();
    for (String side : detail.split(" vs ", -1)) {
      sides.add(side.toUpperCase(Locale.ROOT));
    }
    return String.join(" vs ", sides);
  }

  private static String severity(WatchlistHit w) {
    return w.entry().severity().name().toLowerCase(Locale.ROOT);
  }

  /**
   * The name comparison, part by part: both names as written (so a transliterated match shows the
   * original script next to its reading), then each part's match, reordering and ignored words.
   */
  static List<Reason> nameReasons(NameComparison n) {
    List<Reason> out = new ArrayList<>();
    out.add(
        Reason.of(
            "name",
            String.format(Locale.ROOT, "%.3f", n.score()),
            n.left().original(),
            n.right().original(),
            String.join(" ", n.right().tokens())));
    for (TokenMatch m : n.matches()) {
      if (m.how() == MatchKind.UNMATCHED) {
        out.add(
            m.left().isEmpty()
                ? Reason.of("part.listed-only", m.right())
                : m.right().isEmpty()
                    ? Reason.of("part.traveller-only", m.left())
                    : Reason.of("part.different", m.left(), m.right()));
      } else {
        out.add(
            Reason.of(
                "part",
                m.left(),
                m.right(),
                Reason.term("screening.match." + m.how().name().toLowerCase(Locale.ROOT)),
                String.format(Locale.ROOT, "%.2f", m.similarity())));
      }
    }
    if (n.reordered()) {
      out.add(Reason.of("reordered"));
    }
    if (!n.left().removed().isEmpty()) {
      out.add(Reason.of("ignored.traveller", String.join(", ", n.left().removed())));
    }
    if (!n.right().removed().isEmpty()) {
      out.add(Reason.of("ignored.listed", String.join(", ", n.right().removed())));
    }
    return out;
  }

  /** What the watchlists are searched with. */
  public static ScreeningSubject subject(PassengerFacts f) {
    return new ScreeningSubject(
        f.displayName(),
        f.dateOfBirth() == null
            ? Optional.empty()
            : Optional.of(
                new PartialDate(
                    f.dateOfBirth().getYear(),
                    f.dateOfBirth().getMonthValue(),
                    f.dateOfBirth().getDayOfMonth())),
        f.nationality().isEmpty()
            ? Optional.empty()
            : Optional.of(f.nationality().toLowerCase(Locale.ROOT)),
        f.documentNumber().isEmpty() ? Optional.empty() : Optional.of(f.documentNumber()));
  }

  /**
   * PNR travellers with the identity data of the API traveller of the same name filled in, then the
   * API travellers no PNR traveller matched. A PNR traveller matches an API traveller with the same
   * surname whose given names start the same way, and the same booking when both name one.
   */
  public static List<PassengerFacts> merge(List<PassengerFacts> pnr, List<PassengerFacts> api) {
    Map<String, PassengerFacts> out = new LinkedHashMap<>();
    for (PassengerFacts p : pnr) {
      out.put(p.key(), p);
    }
    for (PassengerFacts a : api) {
      // namesakes on one booking (father and son) are told apart by document, then birth date
      PassengerFacts match = null;
      int best = Integer.MIN_VALUE;
      for (PassengerFacts p : out.values()) {
        if (p.source().equals("PNR") && same(p, a) && agreement(p, a) > best) {
          match = p;
          best = agreement(p, a);
        }
      }
      if (match != null) {
        out.put(match.key(), match.enrichedWith(a));
      } else {
        out.putIfAbsent(a.key(), a);
      }
    }
    return List.copyOf(out.values());
  }

  /** How well a PNR and an API traveller of the same name agree on document and birth date. */
  private static int agreement(PassengerFacts p, PassengerFacts a) {
    int score = 0;
    if (!p.documentNumber().isEmpty() && !a.documentNumber().isEmpty()) {
      boolean same =
          PassengerListKind.document(p.documentNumber())
              .equals(PassengerListKind.document(a.documentNumber()));
      score += same ? 4 : -1;
    }
    if (p.dateOfBirth() != null && a.dateOfBirth() != null) {
      score += p.dateOfBirth().equals(a.dateOfBirth()) ? 2 : -2;
    }
    return score;
  }

  private static boolean same(PassengerFacts p, PassengerFacts a) {
    if (!letters(p.surname()).equals(letters(a.surname()))) {
      return false;
    }
    if (!p.booking().isEmpty() && !a.booking().isEmpty() && !p.booking().equals(a.booking())) {
      return false;
    }
    String pg = letters(p.givenName());
    String ag = letters(a.givenName());
    return !pg.isEmpty() && !ag.isEmpty() && (pg.startsWith(ag) || ag.startsWith(pg));
  }

  private static String letters(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toUpperCase(Locale.ROOT).toCharArray()) {
      if (Character.isLetter(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }
}
