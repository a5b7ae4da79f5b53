package org.sekisho.passenger.screening.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.core.audit.AuditTrail;
import org.sekisho.names.domain.NameMatcher;
import org.sekisho.names.domain.NameNormaliser;
import org.sekisho.names.domain.watchlist.Watchlist;
import org.sekisho.passenger.pnr.application.PnrIngest;
import org.sekisho.passenger.pnr.domain.ApiMessage;
import org.sekisho.passenger.pnr.domain.Flight;
import org.sekisho.passenger.pnr.domain.Pnr;
import org.sekisho.passenger.pnr.domain.PnrMessage;
import org.sekisho.passenger.screening.domain.ApiTravellerKeys;
import org.sekisho.passenger.screening.domain.FlightRef;
import org.sekisho.passenger.screening.domain.FlightScreening;
import org.sekisho.passenger.screening.domain.Hit;
import org.sekisho.passenger.screening.domain.PassengerFacts;
import org.sekisho.passenger.screening.domain.Reason;
import org.sekisho.passenger.screening.domain.Schedule;
import org.sekisho.passenger.screening.domain.ScreeningList;
import org.sekisho.passenger.screening.domain.ScreeningRule;
import org.sekisho.passenger.screening.domain.TravellerFacts;
import org.sekisho.passenger.screening.domain.TravellerIdentity;

/**
 * Screens flights: keeps each flight's travellers as the latest PNR versions and API lists describe
 * them, screens the whole flight against the enabled rules and the watchlists whenever a message
 * for it arrives (or on request), and records the hits for the PNR unit. A hit is never a decision:
 * it stays open until a person records a disposition ({@link HitReview}).
 *
 * <p>Thread-safe: rules and watchlists are swapped as whole immutable values when they change.
 */
public final class PassengerScreening implements PnrIngest.Listener {
  private static final System.Logger LOG = System.getLogger(PassengerScreening.class.getName());
  private final ScreeningStore store;
  private final AuditTrail audit;
  private final Clock clock;
  private final String homeCountry;
  private final ApiTravellerKeys apiKeys;
  private volatile FlightScreening engine;
  private volatile int listEntries;
  private final NameNormaliser names;
  private volatile int ruleCount;
  private volatile boolean loaded;
  private String watchlistsLoaded = "";
  private String rulesLoaded = "";

  /**
   * @param homeCountry alpha-2 country whose arrivals and departures are screened (flights list)
   */
  public PassengerScreening(
      ScreeningStore store, AuditTrail audit, Clock clock, String homeCountry) {
    this(store, audit, clock, homeCountry, ApiTravellerKeys.random());
  }

  /**
   * @param homeCountry alpha-2 country whose arrivals and departures are screened (flights list)
   * @param apiKeys keys API travellers; its secret must outlive restarts for a re-sent list to meet
   *     its earlier travellers by key
   */
  public PassengerScreening(
      ScreeningStore store,
      AuditTrail audit,
      Clock clock,
      String homeCountry,
      ApiTravellerKeys apiKeys) {
    this(store, audit, clock, homeCountry, apiKeys, new NameNormaliser());
  }

  /**
   * @param homeCountry alpha-2 country whose arrivals and departures are screened (flights list)
   * @param apiKeys keys API travellers; its secret must outlive restarts for a re-sent list to meet
   *     its earlier travellers by key
   * @param names how names are normalised and read before they are compared: with a Japanese
   *     dictionary behind it, a watchlist entry in kanji meets the romaji of a passport
   */
  public PassengerScreening(
      ScreeningStore store,
      AuditTrail audit,
      Clock clock,
      String homeCountry,
      ApiTravellerKeys apiKeys,
      NameNormaliser names) {
    this.names = Objects.requireNonNull(names, "names");
    this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
    this.store = Objects.requireNonNull(store, "store");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.homeCountry = homeCountry;
    this.engine = new FlightScreening(List.of(), null, FlightScreening.DEFAULT_THRESHOLD);
  }

  /** What one screening of a flight did. */
  public record Summary(long flightId, FlightRef flight, int travellers, int hits, int newHits) {}

  /** Reloads the enabled rules and every watchlist entry from the store. */
  public synchronized void reload() {
    // read before loading: a change made while loading shows as a new stamp next time
    ScreeningStore.Stamp now = store.stamp();
    List<ScreeningRule> rules = enabledRules();
    Watchlist list = watchlist();
    this.engine = new FlightScreening(rules, list, FlightScreening.DEFAULT_THRESHOLD);
    this.ruleCount = rules.size();
    this.watchlistsLoaded = now.watchlists();
    this.rulesLoaded = now.rules();
    this.loaded = true;
  }

  /**
   * Reloads what another process (the command line, another node) changed since the last load: the
   * watchlists when they changed, else the rules when they or their lists changed.
   */
  public synchronized void refreshIfChanged() {
    if (!loaded) {
      reload();
      return;
    }
    ScreeningStore.Stamp now = store.stamp();
    if (!now.watchlists().equals(watchlistsLoaded)) {
      reload();
    } else if (!now.rules().equals(rulesLoaded)) {
      reloadRules();
    }
  }

  /** Loads rules and watchlists unless they are loaded already. */
  public synchronized void ensureLoaded() {
    if (!loaded) {
      reload();
    }
  }

  /** Reloads the enabled rules only (the watchlists, which take long to index, are kept). */
  public synchronized void reloadRules() {
    if (!loaded) {
      reload();
      return;
    }
    String now = store.stamp().rules();
    List<ScreeningRule> rules = enabledRules();
    this.engine = engine.withRules(rules);
    this.ruleCount = rules.size();
    this.rulesLoaded = now;
  }

  private List<ScreeningRule> enabledRules() {
    List<ScreeningRule> rules = new ArrayList<>();
    Map<String, ScreeningList> lists = null;
    for (ScreeningStore.RuleRow r : store.rules()) {
      if (r.enabled()) {
        if (lists == null) {
          // the lists as they are now: a rule tests the current entries of its lists
          lists = store.referenceLists();
        }
        var c = ScreeningRule.compile(r.text(), lists);
        if (c.isAccepted()) {
          rules.add(ScreeningRule.of(r.id(), c.orElseThrow().rule(), r.text()));
        } else {
          LOG.log(
              System.Logger.Level.WARNING,
              "passenger rule " + r.id() + " no longer compiles: " + c.problems());
        }
      }
    }
    return rules;
  }

  private Watchlist watchlist() {
    Watchlist.Builder b = new Watchlist.Builder(new NameMatcher(names, false));
    int[] n = {0};
    store.entries(
        e -> {
          b.add(e);
          n[0]++;
        });
    this.listEntries = n[0];
    return n[0] == 0 ? null : b.build();
  }

  @Override
  public void pnrStored(
      PnrMessage message, List<PnrIngest.StoredPnr> pnrs, Instant at, String source) {
    LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
    Set<Long> flights = new LinkedHashSet<>();
    for (PnrIngest.StoredPnr s : pnrs) {
      String booking = s.pnr().carrier() + "/" + s.pnr().recordLocator();
      Set<Long> on = new LinkedHashSet<>();
      for (FlightRef ref : flightsOf(message, s.pnr(), day)) {
        Flight leg = legFor(message, s.pnr(), ref);
        long id = store.flight(ref, ref.direction(homeCountry).code(), Schedule.of(leg));
        List<PassengerFacts> facts =
            previousNames(
                store.travellers(id), TravellerFacts.of(ref, s.pnr(), s.version(), s.changes()));
        store.replaceTravellers(id, booking, facts);
        on.add(id);
      }
      // a booking moved to another flight leaves the flights its itinerary no longer holds, or
      // it would stay there with its hits open (a version without an itinerary says nothing)
      for (long id :
          s.pnr().itinerary().isEmpty() ? List.<Long>of() : store.flightsOfBooking(booking)) {
        if (on.contains(id)) {
          continue;
        }
        FlightRef was = store.flightById(id).map(ScreeningStore.FlightRow::ref).orElse(null);
        if (was != null && !booked(s.pnr(), was)) {
          store.replaceTravellers(id, booking, List.of());
          flights.add(id);
        }
      }
      flights.addAll(on);
    }
    for (long id : flights) {
      screenFlight(id, "system:pnr-ingest", "", Set.of(), Set.of(), source);
    }
  }

  /**
   * The flights a booking version is screened on: the pushed flight when the booking holds it (or
   * has no itinerary), else the legs of its itinerary that arrive in or leave the home country (the
   * booking moved to another flight), else its first leg.
   */
  private List<FlightRef> flightsOf(PnrMessage message, Pnr pnr, LocalDate day) {
    FlightRef pushed = TravellerFacts.flightOf(message, pnr, day);
    if (pushed == null) {
      return List.of();
    }
    // the push names its flight: a leg of that number and route holds it even on another date,
    // as feeds send a leg's date one day off (the corpus's bigbigPnr)
    if (pnr.itinerary().isEmpty() || onRoute(pnr, pushed)) {
      return List.of(pushed);
    }
    List<FlightRef> out = new ArrayList<>();
    for (Flight leg : pnr.itinerary()) {
      FlightRef ref = FlightRef.of(leg, day);
      if (ref.direction(homeCountry) != FlightRef.Direction.OTHER && !out.contains(ref)) {
        out.add(ref);
      }
    }
    return out.isEmpty() ? List.of(FlightRef.of(pnr.itinerary().get(0), day)) : out;
  }

  /** The leg whose schedule {@code ref} is stored with: the pushed one, else the booking's own. */
  private static Flight legFor(PnrMessage message, Pnr pnr, FlightRef ref) {
    Flight pushed = TravellerFacts.legOf(message, pnr);
    if (pushed != null && FlightRef.of(pushed, ref.departureDate()).equals(ref)) {
      return pushed;
    }
    for (Flight leg : pnr.itinerary()) {
      if (FlightRef.of(leg, ref.departureDate()).equals(ref)) {
        return leg;
      }
    }
    return pushed;
  }

  /** Whether the booking's itinerary has a leg of the flight's carrier, number and route. */
  private static boolean onRoute(Pnr pnr, FlightRef flight) {
    for (Flight leg : pnr.itinerary()) {
      FlightRef l = FlightRef.of(leg, flight.departureDate());
      if (l.carrier().equals(flight.carrier())
          && l.number().equals(flight.number())
          && l.origin().equals(flight.origin())
          && l.destination().equals(flight.destination())) {
        return true;
      }
    }
    return false;
  }

  /** Whether the booking's itinerary holds the flight (a leg without a date holds any day's). */
  private static boolean booked(Pnr pnr, FlightRef flight) {
    for (Flight leg : pnr.itinerary()) {
      if (FlightRef.of(leg, flight.departureDate()).equals(flight)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The travellers of a new booking version with the name each had before, where this version
   * changed it: from the same passenger (same key, that is the same passenger reference) in the
   * flight's facts so far, else as the booking's changes tell it.
   */
  private static List<PassengerFacts> previousNames(
      List<PassengerFacts> before, List<PassengerFacts> now) {
    Map<String, PassengerFacts> byKey = new HashMap<>();
    for (PassengerFacts f : before) {
      if (f.source().equals("PNR")) {
        byKey.put(f.key(), f);
      }
    }
    List<PassengerFacts> out = new ArrayList<>(now.size());
    for (PassengerFacts f : now) {
      PassengerFacts was = byKey.get(f.key());
      boolean renamed =
          f.changed().contains("name")
              && was != null
              && was.version() < f.version()
              && !was.displayName().equals(f.displayName());
      out.add(renamed ? f.withPreviousName(was.displayName()) : f);
    }
    return out;
  }

  @Override
  public void apiStored(ApiMessage message, Instant at, String source) {
    FlightRef ref = TravellerFacts.flightOf(message, LocalDate.ofInstant(at, ZoneOffset.UTC));
    if (ref == null) {
      return;
    }
    long id =
        store.flight(ref, ref.direction(homeCountry).code(), TravellerFacts.scheduleOf(message));
    List<PassengerFacts> incoming = TravellerFacts.of(ref, message, apiKeys);
    // an API list may come in parts: keep the travellers of earlier lists that this one lacks
    Map<String, PassengerFacts> api = new LinkedHashMap<>();
    for (PassengerFacts f : store.travellers(id)) {
      if (f.source().equals("API")) {
        api.put(f.key(), f);
      }
    }
    Map<String, PassengerFacts> earlier = new LinkedHashMap<>(api);
    Set<String> replaced = new HashSet<>();
    Set<String> renamed = new HashSet<>();
    for (PassengerFacts f : incoming) {
      PassengerFacts now = f;
      // a corrected list replaces what an earlier one said about the same passenger
      for (PassengerFacts e : earlier.values()) {
        if (e.key().equals(f.key()) || !TravellerFacts.sameApiPassenger(e, f)) {
          continue;
        }
        if (renamedOnDocument(e, f)) {
          // another name on the same document is itself a red flag: the document's holder keeps
          // the earlier key, and with it the hits, which stay open (withdrawStale)
          boolean changedNow = !sameName(e, f);
          now = f.withKey(e.key(), changedNow ? e.displayName() : e.previousName());
          if (changedNow) {
            renamed.add(e.key());
          }
        } else {
          api.remove(e.key());
          replaced.add(e.key());
        }
      }
      api.put(now.key(), now);
    }
    replaced.removeAll(api.keySet());
    store.replaceTravellers(id, "API", List.copyOf(api.values()));
    screenFlight(id, "system:api-ingest", "", replaced, renamed, source);
  }

  /**
   * Whether a later list names the holder of an earlier list's document otherwise (or names them as
   * a list before already renamed them): both give the document, and the names differ or differed.
   */
  private static boolean renamedOnDocument(PassengerFacts earlier, PassengerFacts later) {
    return !earlier.documentNumber().isBlank()
        && !later.documentNumber().isBlank()
        && (!sameName(earlier, later) || !earlier.previousName().isBlank());
  }

  private static boolean sameName(PassengerFacts a, PassengerFacts b) {
    return letters(a.surname()).equals(letters(b.surname()))
        && letters(a.givenName()).equals(letters(b.givenName()));
  }

  private static String letters(String s) {
    return s.toUpperCase(java.util.Locale.ROOT)
        .codePoints()
        .filter(Character::isLetterOrDigit)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }

  /** Screens one flight again with the current rules and watchlists. */
  public Summary screenFlight(long flightId, String actor) {
    return screenFlight(flightId, actor, "");
  }

  /**
   * Screens one flight again on a person's request, audited with their agency.
   *
   * @param agency the agency of {@code actor}
   */
  public Summary screenFlight(long flightId, String actor, String agency) {
    return screenFlight(flightId, actor, agency, Set.of(), Set.of(), "");
  }

  /**
   * @param replaced keys of API travellers that a later list replaced: their open hits are
   *     withdrawn saying so
   * @param renamed keys of API travellers whose document a later list gave under another name:
   *     their open hits stay open, the change noted in their history
   * @param source the push that caused this screening ({@code http:USER}, {@code file:NAME}; empty
   *     for a screening on request), named in the audit details of everything it changed, so that a
   *     withdrawal is traced to the one who pushed
   */
  private Summary screenFlight(
      long flightId,
      String actor,
      String agency,
      Set<String> replaced,
      Set<String> renamed,
      String source) {
    refreshIfChanged();
    ScreeningStore.FlightRow flight =
        store
            .flightById(flightId)
            .orElseThrow(() -> new IllegalArgumentException("no flight " + flightId));
    List<PassengerFacts> pnr = new ArrayList<>();
    List<PassengerFacts> api = new ArrayList<>();
    for (PassengerFacts f : store.travellers(flightId)) {
      (f.source().equals("API") ? api : pnr).add(f);
    }
    Map<String, Integer> trips = new HashMap<>(store.tripsLast30Days(flightId));
    List<ScreeningStore.HitRow> before = store.hits(flightId);
    Set<String> dismissed = new HashSet<>();
    for (ScreeningStore.HitRow h : before) {
      if (HitReview.DISMISSALS.contains(h.status())) {
        dismissed.add(FlightScreening.hitKey(h.hit().subjectKey(), h.hit().source()));
      }
    }
    FlightScreening current = engine;
    FlightScreening.Result r = current.screen(pnr, api, trips, dismissed);
    Instant now = clock.instant();
    // the person each traveller key stands for now: a decision made for someone else reopens
    Map<String, TravellerIdentity> identities = new HashMap<>();
    for (var t : r.travellers()) {
      identities.put(t.facts().key(), TravellerIdentity.of(t.facts()));
    }
    ScreeningStore.Recorded recorded = store.recordHits(flightId, r.hits(), identities, now);
    int fresh = recorded.fresh();
    Map<Long, ScreeningStore.HitRow> byId = new HashMap<>();
    for (ScreeningStore.HitRow h : before) {
      byId.put(h.id(), h);
    }
    for (ScreeningStore.Reopened o : recorded.reopened()) {
      ScreeningStore.HitRow h = byId.get(o.hitId());
      audit.record(
          new AuditEvent(
              now,
              actor,
              agency,
              "screening.hit.reopen",
              "hit:" + o.hitId(),
              Map.of(
                  "previous",
                  o.before(),
                  "reason",
                  o.reasonKey(),
                  "traveller",
                  h == null ? "" : h.hit().subjectKey(),
                  "flight",
                  "flight:" + flightId,
                  "push",
                  source)));
    }
    int withdrawn =
        withdrawStale(flightId, before, r, current, replaced, renamed, now, actor, agency, source);
    store.screened(flightId, now, r.travellers().size(), ruleCount, listEntries);
    audit.record(
        new AuditEvent(
            now,
            actor,
            agency,
            "screening.flight",
            "flight:" + flightId,
            Map.of(
                "flight", flight.ref().toString(),
                "travellers", String.valueOf(r.travellers().size()),
                "hits", String.valueOf(r.hits().size()),
                "newHits", String.valueOf(fresh),
                "withdrawnHits", String.valueOf(withdrawn),
                "push", source)));
    return new Summary(flightId, flight.ref(), r.travellers().size(), r.hits().size(), fresh);
  }

  /**
   * Withdraws the open hits that this screening no longer raises, each with the reason its cause
   * went away, so that nothing stays open that no one can reach or that nothing supports any more.
   * A withdrawn hit that is raised again is open again ({@link ScreeningStore#recordHits}).
   */
  private int withdrawStale(
      long flightId,
      List<ScreeningStore.HitRow> before,
      FlightScreening.Result r,
      FlightScreening current,
      Set<String> replaced,
      Set<String> renamed,
      Instant now,
      String actor,
      String agency,
      String source) {
    Set<String> raised = new HashSet<>();
    for (Hit h : r.hits()) {
      raised.add(FlightScreening.hitKey(h.subjectKey(), h.source()));
    }
    Set<String> travellers = new HashSet<>();
    Set<String> renamedOnDocument = new HashSet<>();
    for (var t : r.travellers()) {
      travellers.add(t.facts().key());
      if (t.facts().source().equals("API") && !t.facts().previousName().isBlank()) {
        renamedOnDocument.add(t.facts().key());
      }
    }
    for (ScreeningStore.HitRow h : before) {
      String key = h.hit().subjectKey();
      if (h.status().equals("open") && renamed.contains(key)) {
        // the reason's key and the hit only: the names stay with the traveller's facts
        if (store.note(h.id(), Reason.of("renamed.document").encode(), "system", now)) {
          audit.record(
              new AuditEvent(
                  now,
                  actor,
                  agency,
                  "screening.hit.note",
                  "hit:" + h.id(),
                  Map.of(
                      "reason",
                      "renamed.document",
                      "traveller",
                      key,
                      "flight",
                      "flight:" + flightId,
                      "push",
                      source)));
        }
      }
    }
    Set<String> rules = new HashSet<>();
    for (ScreeningRule rule : current.rules()) {
      rules.add("rule:" + rule.id());
    }
    int n = 0;
    for (ScreeningStore.HitRow h : before) {
      if (!h.status().equals("open")
          || raised.contains(FlightScreening.hitKey(h.hit().subjectKey(), h.hit().source()))) {
        continue;
      }
      String hitSource = h.hit().source();
      Reason reason;
      boolean ruleGone = hitSource.startsWith("rule:") && !rules.contains(hitSource);
      boolean delisted =
          hitSource.startsWith("watchlist:")
              && !current.listsEntry(hitSource.substring("watchlist:".length()));
      if (renamedOnDocument.contains(h.hit().subjectKey()) && !ruleGone && !delisted) {
        // no longer raised only because the name on the listed document changed: kept open
        continue;
      }
      if (replaced.contains(h.hit().subjectKey())) {
        reason = Reason.of("withdrawn.replaced");
      } else if (!travellers.contains(h.hit().subjectKey())) {
        reason = Reason.of("withdrawn.gone", h.hit().booking());
      } else if (ruleGone) {
        reason = Reason.of("withdrawn.rule", hitSource.substring("rule:".length()));
      } else if (delisted) {
        reason = Reason.of("withdrawn.delisted", hitSource.substring("watchlist:".length()));
      } else {
        reason = Reason.of("withdrawn.changed." + h.hit().kind().code());
      }
      // stored as a key with its arguments: shown in the reader's language
      if (store.withdraw(h.id(), reason.encode(), now)) {
        n++;
        audit.record(
            new AuditEvent(
                now,
                actor,
                agency,
                "screening.hit.withdraw",
                "hit:" + h.id(),
                // the reason's key only: its arguments may name a listed entry
                Map.of(
                    "reason",
                    reason.key(),
                    "traveller",
                    h.hit().subjectKey(),
                    "flight",
                    "flight:" + flightId,
                    "push",
                    source)));
      }
    }
    return n;
  }

  /**
   * Withdraws every open hit of a rule that was just disabled, on every flight, saying so: its hits
   * must not wait in the queue for their flight's next screening.
   *
   * @return how many were withdrawn
   */
  public int withdrawRuleHits(long ruleId, String actor, String agency) {
    Instant now = clock.instant();
    Reason reason = Reason.of("withdrawn.rule", String.valueOf(ruleId));
    int n = 0;
    for (ScreeningStore.HitRow h : store.openHitsOf("rule:" + ruleId)) {
      if (store.withdraw(h.id(), reason.encode(), now)) {
        n++;
        audit.record(
            new AuditEvent(
                now,
                actor,
                agency,
                "screening.hit.withdraw",
                "hit:" + h.id(),
                Map.of(
                    "reason",
                    reason.key(),
                    "traveller",
                    h.hit().subjectKey(),
                    "flight",
                    "flight:" + h.flightId(),
                    "rule",
                    "rule:" + ruleId)));
      }
    }
    return n;
  }

  /**
   * Screens again the flights that have not left yet (departing from yesterday, UTC, to {@code
   * days} ahead): after a rule is saved or enabled, so that its hits are raised now rather than at
   * each flight's next push.
   *
   * @return how many flights were screened
   */
  public int screenCurrentFlights(String actor, String agency, int days) {
    return screenCurrentFlights(actor, agency, days, "");
  }

  /**
   * Screens again the flights that have not left yet as {@link #screenCurrentFlights(String,
   * String, int)}, after a change that is not a person's request on a flight (a watchlist import):
   * {@code cause} is named in the audit details of every hit it raises again or withdraws.
   *
   * @param cause what caused the screening, e.g. {@code watchlist:NAME v3}
   * @return how many flights were screened
   */
  public int screenCurrentFlights(String actor, String agency, int days, String cause) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    int n = 0;
    for (ScreeningStore.FlightRow f : store.flights(today.minusDays(1), today.plusDays(days), "")) {
      screenFlight(f.id(), actor, agency, Set.of(), Set.of(), cause);
      n++;
    }
    return n;
  }

  /** The engine in use now (rules and watchlists as last loaded). */
  public FlightScreening engine() {
    return engine;
  }

  public String homeCountry() {
    return homeCountry;
  }
}
