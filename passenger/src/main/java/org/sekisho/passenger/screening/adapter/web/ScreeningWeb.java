package org.sekisho.passenger.screening.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.names.domain.watchlist.Severity;
import org.sekisho.passenger.pnr.adapter.web.ApiRefusals;
import org.sekisho.passenger.pnr.adapter.web.JsonBody;
import org.sekisho.passenger.pnr.adapter.web.PnrOwner;
import org.sekisho.passenger.pnr.application.PnrStore;
import org.sekisho.passenger.pnr.application.PnrUnmasking;
import org.sekisho.passenger.screening.application.HitReview;
import org.sekisho.passenger.screening.application.PassengerRules;
import org.sekisho.passenger.screening.application.PassengerScreening;
import org.sekisho.passenger.screening.application.ScreeningLists;
import org.sekisho.passenger.screening.application.ScreeningStore;
import org.sekisho.passenger.screening.application.ScreeningStore.FlightRow;
import org.sekisho.passenger.screening.application.ScreeningStore.HitRow;
import org.sekisho.passenger.screening.application.Utf8Input;
import org.sekisho.passenger.screening.application.WatchlistImport;
import org.sekisho.passenger.screening.domain.PassengerFacts;
import org.sekisho.passenger.screening.domain.PassengerVocabulary;
import org.sekisho.passenger.screening.domain.Schedule;
import org.sekisho.platform.auth.Access;
import org.sekisho.platform.auth.AccountRules;
import org.sekisho.platform.auth.Principal;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.i18n.Messages;
import org.sekisho.platform.web.HttpProblem;
import org.sekisho.platform.web.Routes;
import org.sekisho.platform.web.Web;
import org.sekisho.platform.web.WebModule;
import org.sekisho.targeting.criteria.domain.FieldDefinition;

/**
 * Passenger screening for the PNR unit: flights with their screening status, a flight's travellers
 * and hits, the hit review with its explanation and disposition, a traveller's PNR versions (no
 * search links: a name or document in a URL would reach the audit log, which outlives PNR masking),
 * rules and watchlists; the same as JSON under {@code /api/screening}. Every read of personal data
 * and every decision is audited. Only the staff of the administration running Sekisho may use any
 * of it ({@link PnrOwner}).
 */
public final class ScreeningWeb implements WebModule {
  private static final Access PNR_UNIT = Access.anyOf(Role.PNR_UNIT);
  // Watchlists decide who is targeted: the PNR unit alone reads and imports them. An administrator
  // runs the system, not the targeting (least privilege; README: "/screening/watchlists | PNR
  // unit").
  private static final Access WATCHLISTS = PNR_UNIT;
  // a referral goes to the officers at the airport, who record what they found
  private static final Access REFERRALS = Access.anyOf(Role.PNR_UNIT, Role.OFFICER);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ScreeningStore store;
  private final PnrStore pnrs;
  private final PassengerScreening screening;
  private final HitReview review;
  private final PassengerRules rules;
  private final WatchlistImport lists;
  private final ScreeningLists referenceLists;
  private final PnrUnmasking unmasking;
  private final PnrOwner owner;
  private final Clock clock;
  private final TemplateEngine templates =
      TemplateEngine.createPrecompiled(
          null,
          ContentType.Html,
          ScreeningWeb.class.getClassLoader(),
          "org.sekisho.passenger.screening.adapter.web.jte");

  public ScreeningWeb(
      ScreeningStore store,
      PnrStore pnrs,
      PassengerScreening screening,
      HitReview review,
      PassengerRules rules,
      WatchlistImport lists,
      ScreeningLists referenceLists,
      PnrUnmasking unmasking,
      PnrOwner owner,
      Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.pnrs = Objects.requireNonNull(pnrs, "pnrs");
    this.screening = Objects.requireNonNull(screening, "screening");
    this.review = Objects.requireNonNull(review, "review");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.lists = Objects.requireNonNull(lists, "lists");
    this.referenceLists = Objects.requireNonNull(referenceLists, "referenceLists");
    this.unmasking = Objects.requireNonNull(unmasking, "unmasking");
    this.owner = Objects.requireNonNull(owner, "owner");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Every route, each refused to callers outside the administration ({@link PnrOwner}): the
   * referrals too, as they show the traveller's document, date of birth and seat from PNR and API
   * data.
   */
  @Override
  public void routes(Routes r) {
    owner.declare(r, this::declare);
  }

  private void declare(Routes r) {
    r.get(
            "/assets/screening/screening.css",
            Access.open(),
            "screening page styles (wide tables scroll in their box)",
            this::styles)
        .get(
            "/screening/flights",
            PNR_UNIT,
            "flights with screening status, in the order they land",
            this::flightsPage)
        .get(
            "/screening/queue",
            PNR_UNIT,
            "open hits across flights: the next arrival first, then by severity",
            this::queuePage)
        .get(
            "/screening/flights/{id}", PNR_UNIT, "a flight's travellers and hits", this::flightPage)
        .post(
            "/screening/flights/{id}/screen",
            PNR_UNIT,
            "screen a flight again (form)",
            this::screenForm)
        .get(
            "/screening/flights/{id}/traveller",
            PNR_UNIT,
            "a traveller: facts, PNR versions, hits",
            this::travellerPage)
        .post(
            "/screening/flights/{id}/traveller/unmask",
            PNR_UNIT,
            "ask to unmask one of a traveller's masked booking versions with a reason (form:"
                + " key, version, reason); a second member decides",
            this::askUnmaskForm)
        .get("/screening/hits/{id}", PNR_UNIT, "hit review", this::hitPage)
        .post(
            "/screening/hits/{id}/disposition",
            PNR_UNIT,
            "record a hit's disposition (form)",
            this::dispositionForm)
        .post(
            "/screening/hits/{id}/correction",
            PNR_UNIT,
            "correct a hit's disposition (form)",
            this::correctionForm)
        .get(
            "/screening/referrals",
            REFERRALS,
            "hits referred to the officers at an airport, awaiting their outcome (every"
                + " airport's for the PNR unit and headquarters, read only)",
            this::referralsPage)
        .get(
            "/screening/referrals/{id}",
            REFERRALS,
            "one referral as the officers see it: the traveller's document, date of birth, seat,"
                + " the arrival and why (read only, audited)",
            this::referralPage)
        .post(
            "/screening/referrals/{id}/outcome",
            Access.anyOf(Role.OFFICER),
            "record what the examination of a referred traveller found (form)",
            this::outcomeForm)
        .get(
            "/screening/unmasking",
            PNR_UNIT,
            "unmasking requests awaiting a second member's decision, the reader's own requests and"
                + " the latest approvals and refusals",
            this::unmaskingPage)
        .get(
            "/screening/unmasking/{id}",
            PNR_UNIT,
            "the unmasked data of an approved request (the one who asked only; audited)",
            this::unmaskedPage)
        .post(
            "/screening/unmasking/{id}/approve",
            PNR_UNIT,
            "approve an unmasking request (form)",
            this::approveUnmaskForm)
        .post(
            "/screening/unmasking/{id}/refuse",
            PNR_UNIT,
            "refuse an unmasking request with a reason (form)",
            this::refuseUnmaskForm)
        .get("/screening/rules", PNR_UNIT, "passenger rules", this::rulesPage)
        .post("/screening/rules", PNR_UNIT, "save a passenger rule (form)", this::ruleForm)
        .post(
            "/screening/rules/{id}/enable",
            PNR_UNIT,
            "enable a rule (form)",
            c -> enableForm(c, true))
        .post(
            "/screening/rules/{id}/disable",
            PNR_UNIT,
            "disable a rule (form)",
            c -> enableForm(c, false))
        .get("/screening/watchlists", WATCHLISTS, "watchlists", this::listsPage)
        .get(
            "/api/screening/flights",
            PNR_UNIT,
            "flights with screening status and schedule, in the order they land (?from=&to="
                + "&direction=)",
            this::flightsApi)
        .query("from", "to", "direction")
        .get(
            "/api/screening/queue",
            PNR_UNIT,
            "open hits across flights: the next arrival first, then by severity (?from=&to="
                + "&direction=)",
            this::queueApi)
        .query("from", "to", "direction")
        .get(
            "/api/screening/flights/{id}",
            PNR_UNIT,
            "a flight's travellers and hits",
            this::flightApi)
        .query()
        .post(
            "/api/screening/flights/{id}/screen",
            PNR_UNIT,
            "screen a flight again",
            this::screenApi)
        .query()
        .get("/api/screening/hits/{id}", PNR_UNIT, "one hit with its explanation", this::hitApi)
        .query()
        .post(
            "/api/screening/hits/{id}/disposition",
            PNR_UNIT,
            "record a disposition: {\"disposition\",\"comment\"}",
            this::dispositionApi)
        .query()
        .post(
            "/api/screening/hits/{id}/correction",
            PNR_UNIT,
            "correct a disposition: {\"disposition\",\"comment\",\"version\"} (409 conflict when"
                + " someone decided since that version)",
            this::correctionApi)
        .query()
        .get(
            "/api/screening/referrals",
            REFERRALS,
            "referred hits awaiting an outcome: an officer's airport (office); every airport's,"
                + " or ?airport=, for the PNR unit and headquarters (read only)",
            this::referralsApi)
        .query("airport")
        .get(
            "/api/screening/referrals/{id}",
            REFERRALS,
            "one referral awaiting an outcome at the officer's airport: traveller's document,"
                + " date of birth, seat, scheduled arrival and explanation (read only, audited)",
            this::referralApi)
        .query("airport")
        .post(
            "/api/screening/referrals/{id}/outcome",
            Access.anyOf(Role.OFFICER),
            "record a referral's outcome: {\"outcome\": \"confirmed\"|\"examined-nothing-found\","
                + " \"comment\",\"version\"}",
            this::outcomeApi)
        .query("airport")
        .get("/api/screening/rules", PNR_UNIT, "passenger rules", this::rulesApi)
        .query()
        .post(
            "/api/screening/rules",
            PNR_UNIT,
            "save a rule: {\"id\" (0 for new),\"text\"}; 400 with line and column",
            this::ruleApi)
        .query()
        .post(
            "/api/screening/rules/{id}/enable", PNR_UNIT, "enable a rule", c -> enableApi(c, true))
        .query()
        .post(
            "/api/screening/rules/{id}/disable",
            PNR_UNIT,
            "disable a rule",
            c -> enableApi(c, false))
        .query()
        .get("/api/screening/watchlists", WATCHLISTS, "watchlists and their sizes", this::listsApi)
        .query()
        // Imports are batches of rows: a bad row (a NUL character included) is refused with its
        // row or line and the others are kept, so the server leaves their bodies to the handler.
        .post(
            "/api/screening/watchlists/csv",
            WATCHLISTS,
            "import watchlist CSV (docs/formats/watchlist.md)",
            Routes.Body.ROWS,
            this::importCsv)
        .query()
        .post(
            "/api/screening/watchlists/ftm",
            WATCHLISTS,
            "import FollowTheMoney JSON lines (?list=&severity=)",
            Routes.Body.ROWS,
            this::importFtm)
        .query("list", "severity")
        .post(
            "/api/screening/watchlists/{name}/import",
            WATCHLISTS,
            "import one watchlist as a whole (?format=csv|ftm&severity=); the same content keeps"
                + " its version",
            Routes.Body.ROWS,
            this::importList)
        .query("format", "severity")
        .get(
            "/api/screening/watchlists/{name}/versions",
            WATCHLISTS,
            "a watchlist's versions",
            this::watchlistVersionsApi)
        .query()
        .get(
            "/api/screening/rules/{id}/versions",
            PNR_UNIT,
            "a rule's versions with the list versions each was checked against",
            this::ruleVersionsApi)
        .query()
        .get("/api/screening/lists", PNR_UNIT, "reference lists for rules", this::refListsApi)
        .query()
        .post(
            "/api/screening/lists",
            PNR_UNIT,
            "create a reference list: {\"name\",\"kind\",\"description\"}",
            this::createListApi)
        .query()
        .get(
            "/api/screening/lists/{name}",
            PNR_UNIT,
            "a reference list with its entries (?limit=, default 1000)",
            this::refListApi)
        .query("limit")
        .post(
            "/api/screening/lists/{name}/entries",
            PNR_UNIT,
            "import CSV rows value[,note] into a reference list; bad rows refused by line",
            Routes.Body.ROWS,
            this::importListCsvApi)
        .query()
        .post(
            "/api/screening/lists/{name}/add",
            PNR_UNIT,
            "add one entry: {\"value\",\"note\"}",
            this::addListEntryApi)
        .query()
        .post(
            "/api/screening/lists/{name}/remove",
            PNR_UNIT,
            "remove one entry: {\"value\"}",
            this::removeListEntryApi)
        .query();
  }

  // ---- pages

  private void flightsPage(Context ctx) {
    Map<String, Object> p = new LinkedHashMap<>();
    Messages t = Web.messages(ctx);
    List<FlightRow> flights = List.of();
    String error = "";
    String field = "";
    try {
      FlightFilter filter = filter(ctx);
      flights = store.flights(filter.from(), filter.to(), filter.direction());
    } catch (HttpProblem e) {
      // a bad filter is said on the page beside the filter, which keeps what was typed
      ctx.status(HttpStatus.BAD_REQUEST);
      error = e.problem().code();
      field = Objects.requireNonNullElse(e.problem().field(), "");
    }
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    p.put("flights", flights);
    p.put(
        "from", Objects.requireNonNullElse(ctx.queryParam("from"), today.minusDays(1).toString()));
    p.put("to", Objects.requireNonNullElse(ctx.queryParam("to"), today.plusDays(2).toString()));
    p.put("direction", Objects.requireNonNullElse(ctx.queryParam("direction"), ""));
    p.put("error", error);
    p.put("errorField", field);
    p.put("t", t);
    Web.page(ctx, t.get("screening.flights"), render("flights.jte", p));
  }

  private void queuePage(Context ctx) {
    Map<String, Object> p = new LinkedHashMap<>();
    Messages t = Web.messages(ctx);
    List<ScreeningStore.QueuedHit> hits = List.of();
    String error = "";
    String field = "";
    try {
      hits = queue(ctx, filter(ctx));
    } catch (HttpProblem e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      error = e.problem().code();
      field = Objects.requireNonNullElse(e.problem().field(), "");
    }
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    p.put("hits", hits);
    p.put(
        "from", Objects.requireNonNullElse(ctx.queryParam("from"), today.minusDays(1).toString()));
    p.put("to", Objects.requireNonNullElse(ctx.queryParam("to"), today.plusDays(2).toString()));
    p.put("direction", Objects.requireNonNullElse(ctx.queryParam("direction"), ""));
    p.put("error", error);
    p.put("errorField", field);
    p.put("t", t);
    Web.page(ctx, t.get("screening.queue"), render("queue.jte", p));
  }

  /** The open hits of the period, read as a whole and audited by their ids. */
  private List<ScreeningStore.QueuedHit> queue(Context ctx, FlightFilter filter) {
    List<ScreeningStore.QueuedHit> hits =
        store.openHits(filter.from(), filter.to(), filter.direction());
    String ids = String.join(",", hits.stream().map(q -> "hit:" + q.hit().id()).toList());
    Web.audit(
        ctx,
        "screening.queue.read",
        "queue:" + filter.from() + ".." + filter.to(),
        Map.of("hits", ids.length() > 1900 ? hits.size() + " hits" : ids));
    return hits;
  }

  private void flightPage(Context ctx) {
    FlightRow f = flight(ctx);
    List<PassengerFacts> travellers = travellers(f.id());
    Map<String, List<HitRow>> hits = new LinkedHashMap<>();
    for (HitRow h : store.hits(f.id())) {
      hits.computeIfAbsent(h.hit().subjectKey(), k -> new ArrayList<>()).add(h);
    }
    Web.audit(ctx, "screening.flight.read", "flight:" + f.id(), shown(f, travellers));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("f", f);
    p.put("scheduleWarning", scheduleWarning(Web.messages(ctx), f));
    p.put("travellers", travellers);
    p.put("hits", hits);
    p.put("csrf", Web.csrf(ctx));
    p.put("t", Web.messages(ctx));
    Web.page(ctx, f.ref().designator(), render("flight.jte", p));
  }

  /** The data-quality warning of a flight scheduled to land before it leaves; empty when none. */
  static String scheduleWarning(Messages t, FlightRow f) {
    return ScreeningText.timeWarning(
        t, f.ref().designator(), f.ref().origin(), f.ref().destination(), f.schedule());
  }

  /**
   * What a flight read showed, for the audit log: the key of every traveller shown (ids, not
   * names), split over {@code travellers}, {@code travellers.2}, … so that a full flight fits the
   * log's limit on one detail.
   */
  static Map<String, String> shown(FlightRow f, List<PassengerFacts> travellers) {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("flight", f.ref().toString());
    d.put("count", String.valueOf(travellers.size()));
    StringBuilder part = new StringBuilder();
    int n = 1;
    for (PassengerFacts p : travellers) {
      if (part.length() + p.key().length() + 1 > 1900) {
        d.put(n == 1 ? "travellers" : "travellers." + n, part.toString());
        part.setLength(0);
        n++;
      }
      part.append(part.isEmpty() ? "" : ",").append(p.key());
    }
    d.put(n == 1 ? "travellers" : "travellers." + n, part.toString());
    return d;
  }

  private void screenForm(Context ctx) {
    FlightRow f = flight(ctx);
    Principal who = Web.principal(ctx);
    screening.screenFlight(f.id(), who.username(), who.agency());
    ctx.redirect("/screening/flights/" + f.id(), HttpStatus.SEE_OTHER);
  }

  private void travellerPage(Context ctx) {
    travellerPage(ctx, flight(ctx), ctx.queryParam("key"), "", 0, "");
  }

  /**
   * @param error the code of the problem with the unmasking request just sent, empty when none
   * @param errorVersion the booking version that request was for (0 when none)
   * @param reason the reason typed in it, kept so that it need not be typed again
   */
  private void travellerPage(
      Context ctx, FlightRow f, String key, String error, int errorVersion, String reason) {
    PassengerFacts p = traveller(f, key);
    List<PnrStore.Version> versions = List.of();
    List<PnrUnmasking.Request> requests = List.of();
    if (p.booking().contains("/") && p.source().equals("PNR")) {
      String[] b = p.booking().split("/", 2);
      versions = pnrs.versions(b[0], b[1]);
      // the reader's own requests for this booking: the page says where each stands
      requests =
          unmasking.mine(Web.principal(ctx).username()).stream()
              .filter(r -> r.booking().equals(p.booking()))
              .toList();
    }
    Web.audit(
        ctx,
        "screening.traveller.read",
        "flight:" + f.id(),
        Map.of("traveller", p.key(), "versions", String.valueOf(versions.size())));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("p", p);
    m.put("f", f);
    m.put("booking", TravellerBooking.of(p, versions));
    m.put("versions", versions);
    m.put("hits", store.hitsOf(p.key()));
    m.put("unmaskRequests", requests);
    m.put("unmaskError", error);
    m.put("unmaskErrorVersion", errorVersion);
    m.put("unmaskReason", reason);
    m.put("minReason", PnrUnmasking.MIN_REASON);
    m.put("csrf", Web.csrf(ctx));
    m.put("t", Web.messages(ctx));
    Web.page(ctx, p.displayName(), render("traveller.jte", m));
  }

  private PassengerFacts traveller(FlightRow f, String key) {
    return travellers(f.id()).stream()
        .filter(t -> t.key().equals(key))
        .findFirst()
        .orElseThrow(() -> notFound("traveller on flight", f.id()));
  }

  /**
   * Asks to unmask a masked version of the traveller's own booking: back to the traveller page,
   * which then shows the request awaiting a second member; on refusal the page again, saying why
   * and keeping the reason typed.
   */
  private void askUnmaskForm(Context ctx) {
    FlightRow f = flight(ctx);
    String key = Objects.requireNonNullElse(ctx.formParam("key"), "");
    PassengerFacts p = traveller(f, key);
    if (!p.source().equals("PNR") || !p.booking().contains("/")) {
      throw new HttpProblem(
          Problem.of("invalid-input", "key", "traveller " + key + " has no PNR booking to unmask")
              .worded("no-booking", key));
    }
    int version = (int) Math.min(Integer.MAX_VALUE, id(ctx.formParam("version"), "version"));
    String reason = Objects.requireNonNullElse(ctx.formParam("reason"), "");
    String[] b = p.booking().split("/", 2);
    Outcome<Long> o = unmasking.request(b[0], b[1], version, Web.principal(ctx).username(), reason);
    Web.audit(
        ctx,
        "pnr.unmask.request",
        p.booking() + "/" + version,
        // the reason stays with the request (it may name people); the audit log holds ids only
        Map.of(
            "requestId",
            o.isAccepted() ? String.valueOf(o.orElseThrow()) : "",
            "outcome",
            o.isAccepted() ? "pending" : o.problems().get(0).code()));
    switch (o) {
      case Outcome.Accepted<Long> a ->
          ctx.redirect(
              "/screening/flights/"
                  + f.id()
                  + "/traveller?key="
                  + URLEncoder.encode(p.key(), StandardCharsets.UTF_8)
                  + "#unmask-"
                  + version,
              HttpStatus.SEE_OTHER);
      case Outcome.Rejected<Long> r -> {
        ctx.status(HttpProblem.status(r.problems().get(0)));
        travellerPage(ctx, f, key, r.problems().get(0).code(), version, reason);
      }
    }
  }

  /** The identifying data of an approved request, for the one who asked (audited either way). */
  private void unmaskedPage(Context ctx) {
    long id = id(ctx.pathParam("id"), "id");
    Outcome<PnrUnmasking.Unmasked> o = unmasking.read(id, Web.principal(ctx).username());
    Web.audit(
        ctx,
        "pnr.unmask.read",
        "request " + id,
        Map.of("outcome", o.isAccepted() ? "shown" : o.problems().get(0).code()));
    PnrUnmasking.Unmasked u =
        switch (o) {
          case Outcome.Accepted<PnrUnmasking.Unmasked> a -> a.value();
          case Outcome.Rejected<PnrUnmasking.Unmasked> r ->
              throw new HttpProblem(r.problems().get(0));
        };
    PnrUnmasking.Request request =
        unmasking.mine(Web.principal(ctx).username()).stream()
            .filter(r -> r.id() == id)
            .findFirst()
            .orElse(null);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("request", request);
    m.put("u", u);
    m.put("t", Web.messages(ctx));
    Web.page(ctx, Web.messages(ctx).get("screening.unmasked", id), render("unmasked.jte", m));
  }

  private void hitPage(Context ctx) {
    hitPage(ctx, hit(ctx), "", "", "");
  }

  /**
   * @param error the code of the problem with the form just sent, empty when none
   * @param chosen the disposition chosen in that form, kept so that a correction does not record
   *     another
   * @param comment the comment typed in that form
   */
  private void hitPage(Context ctx, HitRow h, String error, String chosen, String comment) {
    FlightRow f = store.flightById(h.flightId()).orElseThrow();
    Web.audit(
        ctx,
        "screening.hit.read",
        "hit:" + h.id(),
        Map.of("traveller", h.hit().subjectKey(), "status", h.status()));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("h", h);
    p.put("f", f);
    p.put("dispositions", HitReview.DISPOSITIONS);
    p.put("corrections", HitReview.CORRECTIONS);
    List<ScreeningStore.Decision> history = store.decisions(h.id());
    p.put("history", history);
    // four eyes: the one who decided last is not offered a correction that would be refused
    p.put(
        "mayCorrect",
        !HitReview.lastDecidedBy(history).equals(Web.principal(ctx).username()) ? "yes" : "no");
    p.put("error", error);
    p.put("chosen", chosen);
    p.put("comment", comment);
    p.put("csrf", Web.csrf(ctx));
    p.put("t", Web.messages(ctx));
    Web.page(ctx, Web.messages(ctx).get("screening.hit") + " " + h.id(), render("hit.jte", p));
  }

  private void dispositionForm(Context ctx) {
    HitRow h = hit(ctx);
    Principal who = Web.principal(ctx);
    Outcome<HitRow> o =
        review.dispose(
            h.id(),
            ctx.formParam("disposition"),
            ctx.formParam("comment"),
            who.username(),
            who.agency(),
            ctx.ip());
    switch (o) {
      case Outcome.Accepted<HitRow> a ->
          ctx.redirect("/screening/hits/" + h.id(), HttpStatus.SEE_OTHER);
      case Outcome.Rejected<HitRow> r -> {
        ctx.status(
            r.problems().get(0).code().equals("conflict")
                ? HttpStatus.CONFLICT
                : HttpStatus.BAD_REQUEST);
        hitPage(
            ctx,
            store.hit(h.id()).orElseThrow(),
            r.problems().get(0).code(),
            Objects.requireNonNullElse(ctx.formParam("disposition"), ""),
            Objects.requireNonNullElse(ctx.formParam("comment"), ""));
      }
    }
  }

  private void correctionForm(Context ctx) {
    HitRow h = hit(ctx);
    Principal who = Web.principal(ctx);
    Outcome<HitRow> o =
        review.correct(
            h.id(),
            (int) id(Objects.requireNonNullElse(ctx.formParam("version"), ""), "version"),
            ctx.formParam("disposition"),
            ctx.formParam("comment"),
            who.username(),
            who.agency(),
            ctx.ip());
    switch (o) {
      case Outcome.Accepted<HitRow> a ->
          ctx.redirect("/screening/hits/" + h.id(), HttpStatus.SEE_OTHER);
      case Outcome.Rejected<HitRow> r -> {
        String code = r.problems().get(0).code();
        ctx.status(
            code.equals("conflict")
                ? HttpStatus.CONFLICT
                : code.equals("second-person-required")
                    ? HttpStatus.FORBIDDEN
                    : HttpStatus.BAD_REQUEST);
        hitPage(
            ctx,
            store.hit(h.id()).orElseThrow(),
            code,
            Objects.requireNonNullElse(ctx.formParam("disposition"), ""),
            Objects.requireNonNullElse(ctx.formParam("comment"), ""));
      }
    }
  }

  /**
   * Whether {@code who} is of headquarters ({@link AccountRules#HEADQUARTERS}) and no member of the
   * PNR unit: as at the e-Gate, headquarters reads every airport's referrals and records none, for
   * it receives no traveller.
   */
  static boolean headquarters(Principal who) {
    return !who.has(Role.PNR_UNIT)
        && AccountRules.HEADQUARTERS.contains(who.office().strip().toUpperCase(Locale.ROOT));
  }

  /**
   * The airport whose referrals a person sees: an officer's office; any (or {@code ?airport=}) for
   * the PNR unit and headquarters.
   */
  private static String referralAirport(Context ctx) {
    Principal who = Web.principal(ctx);
    if (who.has(Role.PNR_UNIT) || headquarters(who)) {
      return Objects.requireNonNullElse(ctx.queryParam("airport"), "").strip();
    }
    // an officer whose office is no airport has no referrals, rather than every airport's
    return who.office().isBlank() ? "-" : who.office().strip();
  }

  /** How long a referral the officers closed stays listed as recently closed. */
  private static final java.time.Duration RECENTLY = java.time.Duration.ofDays(7);

  private List<ScreeningStore.Referral> referrals(Context ctx) {
    String airport = referralAirport(ctx);
    List<ScreeningStore.Referral> out = store.referrals(airport);
    Web.audit(
        ctx,
        "screening.referral.read",
        "referrals:" + (airport.isEmpty() ? "all" : airport),
        Map.of("hits", hitIds(out)));
    return out;
  }

  /** The referrals the reader's airport closed in the last {@link #RECENTLY}, audited as read. */
  private List<ScreeningStore.Referral> closedReferrals(Context ctx) {
    String airport = referralAirport(ctx);
    List<ScreeningStore.Referral> out =
        store.closedReferrals(airport, clock.instant().minus(RECENTLY));
    if (!out.isEmpty()) {
      Web.audit(
          ctx,
          "screening.referral.read",
          "referrals-closed:" + (airport.isEmpty() ? "all" : airport),
          Map.of("hits", hitIds(out)));
    }
    return out;
  }

  private static String hitIds(List<ScreeningStore.Referral> referrals) {
    String ids = String.join(",", referrals.stream().map(r -> "hit:" + r.hit().id()).toList());
    return ids.length() > 1900 ? referrals.size() + " hits" : ids;
  }

  /** The airport a hit's referral goes to: where its flight lands (leaves, for a departure). */
  private String airportOf(HitRow h) {
    return store
        .flightById(h.flightId())
        .map(f -> f.direction().equals("departure") ? f.ref().origin() : f.ref().destination())
        .orElse("");
  }

  private void referralsPage(Context ctx) {
    referralsPage(ctx, "", 0);
  }

  private void referralsPage(Context ctx, String error, long errorHit) {
    referralsPage(ctx, referrals(ctx), error, errorHit);
  }

  private void referralsPage(
      Context ctx, List<ScreeningStore.Referral> referrals, String error, long errorHit) {
    Map<String, Object> p = new LinkedHashMap<>();
    List<ScreeningStore.Referral> closed = closedReferrals(ctx);
    p.put("referrals", referrals);
    p.put("closed", closed);
    List<ScreeningStore.Referral> all = new ArrayList<>(referrals);
    all.addAll(closed);
    p.put("facts", referredFacts(all));
    p.put("officer", Web.principal(ctx).has(Role.OFFICER) && !headquarters(Web.principal(ctx)));
    p.put("readOnly", headquarters(Web.principal(ctx)));
    p.put("outcomes", HitReview.OUTCOMES);
    p.put("error", error);
    p.put("errorHit", errorHit);
    p.put("csrf", Web.csrf(ctx));
    p.put("t", Web.messages(ctx));
    Web.page(ctx, Web.messages(ctx).get("screening.referrals"), render("referrals.jte", p));
  }

  /**
   * The traveller of each referral as the flight's data describe them now, by hit id: what an
   * officer needs to pick out the right passenger (namesakes travel together).
   */
  private Map<Long, PassengerFacts> referredFacts(List<ScreeningStore.Referral> referrals) {
    Map<Long, List<PassengerFacts>> byFlight = new LinkedHashMap<>();
    Map<Long, PassengerFacts> out = new LinkedHashMap<>();
    for (ScreeningStore.Referral r : referrals) {
      for (PassengerFacts f :
          byFlight.computeIfAbsent(r.flight().id(), id -> store.travellers(id))) {
        if (f.key().equals(r.hit().hit().subjectKey())) {
          out.put(r.hit().id(), f);
        }
      }
    }
    return out;
  }

  /** One referral the person may see (their airport's), audited as read; else not found. */
  private ScreeningStore.Referral referral(Context ctx) {
    long id = id(ctx.pathParam("id"), "id");
    String airport = referralAirport(ctx);
    ScreeningStore.Referral r =
        store.referrals(airport).stream()
            .filter(x -> x.hit().id() == id)
            .findFirst()
            .orElseThrow(
                () ->
                    new HttpProblem(
                        Problem.of(
                                "not-found",
                                "",
                                "referral "
                                    + id
                                    + " awaiting an outcome at your airport was not found")
                            .worded("referral", id)));
    Web.audit(
        ctx,
        "screening.referral.read",
        "hit:" + id,
        Map.of("traveller", r.hit().hit().subjectKey(), "flight", "flight:" + r.flight().id()));
    return r;
  }

  private void referralPage(Context ctx) {
    referralsPage(ctx, List.of(referral(ctx)), "", 0);
  }

  private void referralApi(Context ctx) {
    ScreeningStore.Referral r = referral(ctx);
    json(ctx, referralJson(Web.messages(ctx), r, referredFacts(List.of(r)).get(r.hit().id())));
  }

  private static Map<String, Object> referralJson(
      Messages t, ScreeningStore.Referral r, PassengerFacts f) {
    Map<String, Object> m = hitJson(t, r.hit());
    m.put("airport", r.airport());
    m.put("flight", r.flight().ref().designator());
    m.put("date", r.flight().ref().departureDate().toString());
    m.put("route", r.flight().ref().origin() + "-" + r.flight().ref().destination());
    var s = r.flight().schedule();
    m.put("scheduledArrivalLocal", s.arrivalLocal() == null ? null : s.arrivalLocal().toString());
    m.put("scheduledArrival", s.arrival() == null ? null : s.arrival().toString());
    m.put("dateOfBirth", f == null || f.dateOfBirth() == null ? null : f.dateOfBirth().toString());
    m.put("gender", f == null ? "" : f.gender());
    m.put("nationality", f == null ? "" : f.nationality());
    m.put("documentNumber", f == null ? "" : f.documentNumber());
    m.put("documentCountry", f == null ? "" : f.documentCountry());
    m.put("seat", f == null ? "" : f.seat());
    return m;
  }

  /**
   * Why the caller may not record an outcome of hit {@code hitId}, asked before anything the
   * request holds (its version included): headquarters records none, and a referral (open, or
   * closed with the officers' outcome) is decided at its own airport only. Empty when they may.
   */
  private Optional<Problem> mayNotRecord(Context ctx, long hitId) {
    if (headquarters(Web.principal(ctx))) {
      return Optional.of(
          Problem.of(
                  "forbidden",
                  "hit",
                  "headquarters reads every airport's referrals and records no outcome: the"
                      + " officers at the airport the hit was referred to record it")
              .worded("headquarters"));
    }
    String airport = referralAirport(ctx);
    boolean mine =
        store
            .hit(hitId)
            .map(
                h ->
                    !h.status().equals("refer-to-officer")
                            && !HitReview.OUTCOMES.contains(h.status())
                        || airportOf(h).equalsIgnoreCase(airport))
            .orElse(true);
    return mine
        ? Optional.empty()
        : Optional.of(
            Problem.of("forbidden", "hit", "hit " + hitId + " was referred to another airport")
                .worded("other-airport", hitId));
  }

  private Outcome<HitRow> outcome(Context ctx, long hitId, String outcome, String comment, int v) {
    Principal who = Web.principal(ctx);
    Optional<Problem> refused = mayNotRecord(ctx, hitId);
    if (refused.isPresent()) {
      return new Outcome.Rejected<>(List.of(refused.get()));
    }
    return review.recordOutcome(hitId, v, outcome, comment, who.username(), who.agency(), ctx.ip());
  }

  private void outcomeForm(Context ctx) {
    HitRow h = hit(ctx);
    Outcome<HitRow> o =
        outcome(
            ctx,
            h.id(),
            ctx.formParam("outcome"),
            ctx.formParam("comment"),
            (int) id(Objects.requireNonNullElse(ctx.formParam("version"), ""), "version"));
    switch (o) {
      case Outcome.Accepted<HitRow> a -> ctx.redirect("/screening/referrals", HttpStatus.SEE_OTHER);
      case Outcome.Rejected<HitRow> r -> {
        ctx.status(HttpProblem.status(r.problems().get(0)));
        referralsPage(ctx, r.problems().get(0).code(), h.id());
      }
    }
  }

  private void unmaskingPage(Context ctx) {
    unmaskingPage(ctx, "", 0, "");
  }

  /**
   * @param error the problem with the form just sent, empty when none
   * @param errorRequest the request that form was about (0 when none)
   * @param reason the refusal reason typed in it, kept so that it need not be typed again
   */
  private void unmaskingPage(Context ctx, String error, long errorRequest, String reason) {
    String me = Web.principal(ctx).username();
    List<PnrUnmasking.Request> pending = unmasking.pending();
    List<PnrUnmasking.Request> mine = unmasking.mine(me);
    List<PnrUnmasking.Request> history = unmasking.history();
    Web.audit(
        ctx,
        "pnr.unmask.list",
        "unmask-requests",
        Map.of(
            "pending", String.valueOf(pending.size()),
            "mine", String.valueOf(mine.size()),
            "decided", String.valueOf(history.size())));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("requests", pending);
    p.put("mine", mine);
    p.put("history", history);
    p.put("me", me);
    p.put("error", error);
    p.put("errorRequest", errorRequest);
    p.put("reason", reason);
    p.put("minReason", PnrUnmasking.MIN_REASON);
    p.put("csrf", Web.csrf(ctx));
    p.put("t", Web.messages(ctx));
    Web.page(ctx, Web.messages(ctx).get("screening.unmasking"), render("unmasking.jte", p));
  }

  private void approveUnmaskForm(Context ctx) {
    long id = id(ctx.pathParam("id"), "id");
    Outcome<PnrUnmasking.Request> o = unmasking.approve(id, Web.principal(ctx).username());
    Web.audit(
        ctx,
        "pnr.unmask.approve",
        "request " + id,
        Map.of("outcome", o.isAccepted() ? "approved" : o.problems().get(0).code()));
    unmaskDecided(ctx, o, id, "");
  }

  private void refuseUnmaskForm(Context ctx) {
    long id = id(ctx.pathParam("id"), "id");
    String reason = Objects.requireNonNullElse(ctx.formParam("reason"), "");
    Outcome<PnrUnmasking.Request> o = unmasking.refuse(id, Web.principal(ctx).username(), reason);
    Web.audit(
        ctx,
        "pnr.unmask.refuse",
        "request " + id,
        // the reason stays with the request (it may name people); the audit log holds ids only
        Map.of("outcome", o.isAccepted() ? "refused" : o.problems().get(0).code()));
    unmaskDecided(ctx, o, id, reason);
  }

  private void unmaskDecided(Context ctx, Outcome<PnrUnmasking.Request> o, long id, String reason) {
    switch (o) {
      case Outcome.Accepted<PnrUnmasking.Request> a ->
          ctx.redirect("/screening/unmasking", HttpStatus.SEE_OTHER);
      case Outcome.Rejected<PnrUnmasking.Request> r -> {
        String code = r.problems().get(0).code();
        // the asker deciding their own request: 403, as every second-person rule answers
        ctx.status(
            org.sekisho.passenger.pnr.adapter.web.PnrWeb.SECOND_PERSON.contains(code)
                ? 403
                : HttpProblem.status(r.problems().get(0)));
        unmaskingPage(ctx, code, id, reason);
      }
    }
  }

  private void rulesPage(Context ctx) {
    long edit = ctx.queryParam("edit") == null ? 0 : id(ctx.queryParam("edit"), "edit");
    String text =
        edit == 0
            ? "criterion \"Cash, booked late, one way\"\n  when payment = \"CA\" and"
                + " booking_days_before_departure <= 2 and one_way = \"yes\"\n  then severity"
                + " medium weight 30\n  because \"cash bought a one-way ticket days before the"
                + " flight\"\n"
            : store.rule(edit).orElseThrow(() -> notFound("rule", edit)).text();
    rulesPage(ctx, edit, text, List.of());
  }

  private void rulesPage(Context ctx, long edit, String text, List<Problem> problems) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("rules", store.rules());
    p.put("editId", edit);
    p.put("text", text);
    p.put("problems", problems);
    String same = Objects.requireNonNullElse(ctx.queryParam("same"), "");
    p.put("same", same.matches("[0-9,]{1,200}") ? same.replace(",", ", ") : "");
    p.put(
        "fields",
        PassengerVocabulary.PASSENGER.fields().stream().map(FieldDefinition::code).toList());
    p.put("lists", store.referenceListRows());
    p.put("csrf", Web.csrf(ctx));
    p.put("t", Web.messages(ctx));
    Web.page(ctx, Web.messages(ctx).get("screening.rules"), render("rules.jte", p));
  }

  private void ruleForm(Context ctx) {
    String idText = ctx.formParam("id");
    long id = idText == null || idText.isBlank() ? 0 : id(idText, "id");
    String text = Objects.requireNonNullElse(ctx.formParam("text"), "");
    Principal who = Web.principal(ctx);
    Outcome<Long> o = rules.save(id, text, who.username(), who.agency()).map(c -> c.id());
    switch (o) {
      case Outcome.Accepted<Long> a -> {
        List<Long> same = rules.sameTextAs(a.value(), text);
        ctx.redirect(
            "/screening/rules?edit="
                + a.value()
                + (same.isEmpty()
                    ? ""
                    : "&same=" + String.join(",", same.stream().map(String::valueOf).toList())),
            HttpStatus.SEE_OTHER);
      }
      case Outcome.Rejected<Long> r -> {
        ctx.status(HttpStatus.BAD_REQUEST);
        rulesPage(ctx, id, text, r.problems());
      }
    }
  }

  private void enableForm(Context ctx, boolean enabled) {
    long id = id(ctx.pathParam("id"), "id");
    Principal who = Web.principal(ctx);
    Outcome<PassengerRules.Change> o =
        rules.enable(id, enabled, ctx.formParam("reason"), who.username(), who.agency(), ctx.ip());
    switch (o) {
      case Outcome.Accepted<PassengerRules.Change> a ->
          ctx.redirect("/screening/rules", HttpStatus.SEE_OTHER);
      case Outcome.Rejected<PassengerRules.Change> r -> {
        ctx.status(HttpProblem.status(r.problems().get(0)));
        rulesPage(ctx, 0, "", r.problems());
      }
    }
  }

  private void listsPage(Context ctx) {
    Web.page(
        ctx,
        Web.messages(ctx).get("screening.watchlists"),
        render("watchlists.jte", Map.of("lists", store.lists(), "t", Web.messages(ctx))));
  }

  // ---- API

  private void flightsApi(Context ctx) {
    FlightFilter filter = filter(ctx);
    List<Object> out = new ArrayList<>();
    for (FlightRow f : store.flights(filter.from(), filter.to(), filter.direction())) {
      out.add(flightJson(f));
    }
    json(ctx, Map.of("flights", out));
  }

  private void queueApi(Context ctx) {
    List<Object> out = new ArrayList<>();
    for (ScreeningStore.QueuedHit q : queue(ctx, filter(ctx))) {
      Map<String, Object> m = hitJson(Web.messages(ctx), q.hit());
      m.put("flight", flightJson(q.flight()));
      out.add(m);
    }
    json(ctx, Map.of("hits", out));
  }

  private void flightApi(Context ctx) {
    FlightRow f = flight(ctx);
    List<PassengerFacts> travellers = travellers(f.id());
    Web.audit(ctx, "screening.flight.read", "flight:" + f.id(), shown(f, travellers));
    Map<String, Object> m = flightJson(f);
    List<Object> ts = new ArrayList<>();
    for (PassengerFacts p : travellers) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("key", p.key());
      t.put("name", p.displayName());
      t.put("booking", p.booking());
      t.put("source", p.source());
      t.put("dateOfBirth", p.dateOfBirth() == null ? null : p.dateOfBirth().toString());
      t.put("nationality", p.nationality());
      t.put("document", p.documentNumber());
      ts.add(t);
    }
    m.put("travellers", ts);
    m.put("hits", store.hits(f.id()).stream().map(h -> hitJson(Web.messages(ctx), h)).toList());
    json(ctx, m);
  }

  private void screenApi(Context ctx) {
    FlightRow f = flight(ctx);
    JsonBody.none(ctx.bodyAsBytes());
    Principal who = Web.principal(ctx);
    PassengerScreening.Summary s = screening.screenFlight(f.id(), who.username(), who.agency());
    json(
        ctx,
        Map.of(
            "flightId", s.flightId(),
            "travellers", s.travellers(),
            "hits", s.hits(),
            "newHits", s.newHits()));
  }

  private void hitApi(Context ctx) {
    HitRow h = hit(ctx);
    Web.audit(
        ctx,
        "screening.hit.read",
        "hit:" + h.id(),
        Map.of("traveller", h.hit().subjectKey(), "status", h.status()));
    json(ctx, hitJson(Web.messages(ctx), h, store.decisions(h.id())));
  }

  private void dispositionApi(Context ctx) {
    // the request's form first: a field not taken is refused whatever the hit
    JsonNode body = body(ctx, "disposition", "comment");
    HitRow h = hit(ctx);
    Principal who = Web.principal(ctx);
    HitRow done =
        value(
            review.dispose(
                h.id(),
                body.path("disposition").asText(""),
                body.path("comment").asText(""),
                who.username(),
                who.agency(),
                ctx.ip()));
    json(ctx, hitJson(Web.messages(ctx), done));
  }

  private void correctionApi(Context ctx) {
    JsonNode body = body(ctx, "disposition", "comment", "version");
    HitRow h = hit(ctx);
    Principal who = Web.principal(ctx);
    if (!versionSent(ctx, body, h, "/api/screening/hits/")) {
      return;
    }
    Outcome<HitRow> o =
        review.correct(
            h.id(),
            body.path("version").asInt(),
            body.path("disposition").asText(""),
            body.path("comment").asText(""),
            who.username(),
            who.agency(),
            ctx.ip());
    if (o instanceof Outcome.Rejected<HitRow> r
        && r.problems().get(0).code().equals("second-person-required")) {
      refuse(ctx, 403, ApiRefusals.worded(Web.messages(ctx), r.problems().get(0)));
      return;
    }
    json(ctx, hitJson(Web.messages(ctx), value(o), store.decisions(h.id())));
  }

  /**
   * Whether a decision names the hit's version it was taken on; answers 428 {@code
   * precondition-required} naming {@code version} when not: the last writer must not win unseen.
   *
   * @param readAt the route the caller may read the version at ({@code /api/screening/hits/} for
   *     the PNR unit, {@code /api/screening/referrals/} for an officer), the hit's id appended
   */
  private static boolean versionSent(Context ctx, JsonNode body, HitRow h, String readAt) {
    JsonNode v = body.path("version");
    if (v.isIntegralNumber() && v.canConvertToInt() && v.asInt() >= 0) {
      return true;
    }
    Problem p =
        ApiRefusals.worded(
            Web.messages(ctx),
            Problem.of(
                    "precondition-required",
                    "version",
                    "send the hit's version you read as \"version\" (a whole number; now "
                        + h.version()
                        + ", see GET "
                        + readAt
                        + h.id()
                        + "): a decision without it could overwrite one you did not see")
                .worded("version-at", h.version(), readAt + h.id()));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", p.code());
    m.put("message", p.message());
    m.put("field", p.field());
    m.put("version", h.version());
    ctx.status(428);
    json(ctx, m);
    return false;
  }

  /** A refusal whose status is not the platform's for its code (403 for a second person). */
  private static void refuse(Context ctx, int status, Problem p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", p.code());
    m.put("message", p.message());
    m.put("field", p.field().isEmpty() ? null : p.field());
    ctx.status(status);
    json(ctx, m);
  }

  private void referralsApi(Context ctx) {
    List<ScreeningStore.Referral> referrals = referrals(ctx);
    Map<Long, PassengerFacts> facts = referredFacts(referrals);
    List<Object> out = new ArrayList<>();
    for (ScreeningStore.Referral r : referrals) {
      out.add(referralJson(Web.messages(ctx), r, facts.get(r.hit().id())));
    }
    List<ScreeningStore.Referral> closed = closedReferrals(ctx);
    Map<Long, PassengerFacts> closedFacts = referredFacts(closed);
    List<Object> done = new ArrayList<>();
    for (ScreeningStore.Referral r : closed) {
      done.add(referralJson(Web.messages(ctx), r, closedFacts.get(r.hit().id())));
    }
    json(ctx, Map.of("referrals", out, "recentlyClosed", done));
  }

  private void outcomeApi(Context ctx) {
    JsonNode body = body(ctx, "outcome", "comment", "version");
    HitRow h = hit(ctx);
    // who may not record is told so before being asked for the version
    Optional<Problem> refused = mayNotRecord(ctx, h.id());
    if (refused.isPresent()) {
      throw new HttpProblem(refused.get());
    }
    if (!versionSent(ctx, body, h, "/api/screening/referrals/")) {
      return;
    }
    json(
        ctx,
        hitJson(
            Web.messages(ctx),
            value(
                outcome(
                    ctx,
                    h.id(),
                    body.path("outcome").asText(""),
                    body.path("comment").asText(""),
                    body.path("version").asInt())),
            store.decisions(h.id())));
  }

  private void rulesApi(Context ctx) {
    List<Object> out = new ArrayList<>();
    for (ScreeningStore.RuleRow r : store.rules()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", r.id());
      m.put("name", r.name());
      m.put("enabled", r.enabled());
      m.put("text", r.text());
      m.put("updatedBy", r.updatedBy());
      m.put("updatedAt", r.updatedAt().toString());
      m.put("version", r.version());
      m.put("lists", r.lists());
      m.put("disabledBy", r.disabledBy());
      m.put("disabledAt", r.disabledAt() == null ? null : r.disabledAt().toString());
      m.put("disabledReason", r.disabledReason());
      out.add(m);
    }
    json(ctx, Map.of("rules", out));
  }

  private void ruleApi(Context ctx) {
    JsonNode body = body(ctx, "id", "text");
    Principal who = Web.principal(ctx);
    PassengerRules.Change c =
        value(
            rules.save(
                body.path("id").asLong(0),
                body.path("text").asText(""),
                who.username(),
                who.agency()));
    long id = c.id();
    // saved all the same (a copy may be on purpose, e.g. before editing it), but said
    List<Long> same = rules.sameTextAs(id, body.path("text").asText(""));
    json(
        ctx,
        same.isEmpty()
            ? Map.of("id", id, "flightsScreened", c.flightsScreened(), "warnings", List.of())
            : Map.of(
                "id",
                id,
                "flightsScreened",
                c.flightsScreened(),
                "warnings",
                List.of(
                    Map.of(
                        "code",
                        "same-text",
                        "rules",
                        same,
                        "message",
                        "an enabled rule has the same text: each of its hits is raised twice"))));
  }

  private void enableApi(Context ctx, boolean enabled) {
    long id = id(ctx.pathParam("id"), "id");
    String reason = "";
    if (enabled) {
      JsonBody.none(ctx.bodyAsBytes());
    } else {
      JsonNode b = body(ctx, "reason");
      reason = b.path("reason").asText("");
    }
    Principal who = Web.principal(ctx);
    PassengerRules.Change c =
        value(rules.enable(id, enabled, reason, who.username(), who.agency(), ctx.ip()));
    json(
        ctx,
        Map.of(
            "id",
            id,
            "enabled",
            enabled,
            "withdrawnHits",
            c.withdrawnHits(),
            "flightsScreened",
            c.flightsScreened()));
  }

  private void listsApi(Context ctx) {
    List<Object> out = new ArrayList<>();
    for (ScreeningStore.ListRow l : store.lists()) {
      out.add(
          Map.of(
              "name",
              l.name(),
              "entries",
              l.entries(),
              "severities",
              l.severities(),
              "version",
              l.version()));
    }
    json(ctx, Map.of("lists", out));
  }

  private void styles(Context ctx) {
    try (java.io.InputStream in =
        ScreeningWeb.class.getClassLoader().getResourceAsStream("assets/screening/screening.css")) {
      if (in == null) {
        throw HttpProblem.notFound("assets/screening/screening.css");
      }
      ctx.contentType("text/css; charset=utf-8");
      ctx.header("Cache-Control", "no-cache");
      ctx.result(in.readAllBytes());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Reads an upload as {@link #utf8Upload} hands it. */
  @FunctionalInterface
  private interface UploadReader {
    void read(BufferedReader in) throws IOException;
  }

  /**
   * Hands the body to {@code use} once it is known to be UTF-8 (its byte order mark left out):
   * spooled to a temporary file while checked, so that a file in another encoding (Excel's
   * Shift_JIS CSV) is refused whole, naming where, before a row of it is stored, and a large file
   * is never held in memory. The file is deleted afterwards.
   */
  private void utf8Upload(Context ctx, UploadReader use) throws IOException {
    java.nio.file.Path spooled =
        java.nio.file.Files.createTempFile("sekisho-watchlist-", ".upload");
    try {
      Optional<Utf8Input.NotUtf8> bad;
      try (java.io.InputStream in = ctx.bodyInputStream();
          java.io.OutputStream out = java.nio.file.Files.newOutputStream(spooled)) {
        bad = Utf8Input.copy(in, out);
      }
      if (bad.isPresent()) {
        Problem p = ImportRefusals.worded(Web.messages(ctx), bad.get().problem());
        ctx.status(HttpStatus.BAD_REQUEST);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", p.code());
        m.put("field", p.field());
        m.put("message", p.message());
        m.put("imported", 0);
        json(ctx, m);
        return;
      }
      try (BufferedReader in = Utf8Input.reader(java.nio.file.Files.newInputStream(spooled))) {
        use.read(in);
      }
    } finally {
      java.nio.file.Files.deleteIfExists(spooled);
    }
  }

  private void importCsv(Context ctx) throws IOException {
    utf8Upload(
        ctx,
        in ->
            report(ctx, lists.csv(in, Web.principal(ctx).username(), Web.principal(ctx).agency())));
  }

  private void importFtm(Context ctx) throws IOException {
    String list = Objects.requireNonNullElse(ctx.queryParam("list"), "opensanctions");
    Outcome<Severity> sev =
        Severity.parse("severity", Objects.requireNonNullElse(ctx.queryParam("severity"), "high"));
    Severity severity = value(sev);
    utf8Upload(
        ctx,
        in ->
            report(
                ctx,
                lists.followTheMoney(
                    in,
                    list,
                    severity,
                    Web.principal(ctx).username(),
                    Web.principal(ctx).agency())));
  }

  private void importList(Context ctx) throws IOException {
    Outcome<Severity> sev =
        Severity.parse("severity", Objects.requireNonNullElse(ctx.queryParam("severity"), "high"));
    Severity severity = value(sev);
    utf8Upload(ctx, in -> importList(ctx, severity, in));
  }

  private void importList(Context ctx, Severity severity, BufferedReader in) {
    String name = ctx.pathParam("name");
    String format = Objects.requireNonNullElse(ctx.queryParam("format"), "csv");
    Outcome<WatchlistImport.ListReport> o =
        lists.importList(
            name, severity, format, in, Web.principal(ctx).username(), Web.principal(ctx).agency());
    switch (o) {
      case Outcome.Accepted<WatchlistImport.ListReport> a -> {
        WatchlistImport.ListReport r = a.value();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("list", r.list());
        m.put("version", r.version());
        m.put("previousVersion", r.previousVersion());
        m.put("unchanged", r.unchanged());
        m.put("imported", r.imported());
        m.put("removed", r.removed());
        m.put("removedIds", r.removedIds());
        m.put("kept", r.kept());
        if (!r.kept().isEmpty()) {
          m.put(
              "keptReason",
              Web.messages(ctx).get("screening.import.kept", r.refused(), r.kept().size()));
        }
        m.put("refused", r.refused());
        m.put("problems", problems(ImportRefusals.worded(Web.messages(ctx), r.problems())));
        m.put("leftOut", leftOutJson(Web.messages(ctx), r.leftOut()));
        m.put("flightsScreened", r.flightsScreened());
        json(ctx, m);
      }
      case Outcome.Rejected<WatchlistImport.ListReport> r -> {
        ctx.status(HttpStatus.BAD_REQUEST);
        List<Problem> worded = ImportRefusals.worded(Web.messages(ctx), r.problems());
        Problem first = worded.get(0);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", first.code());
        m.put("field", first.field());
        m.put("message", first.message());
        m.put("problems", problems(worded.subList(1, worded.size())));
        json(ctx, m);
      }
    }
  }

  private void watchlistVersionsApi(Context ctx) {
    String name = ctx.pathParam("name");
    List<Object> out = new ArrayList<>();
    for (ScreeningStore.WatchlistVersionRow v : store.watchlistVersions(name)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("version", v.version());
      m.put("entries", v.entries());
      m.put("imported", v.added());
      m.put("removed", v.removed());
      m.put("refused", v.refused());
      m.put("format", v.format());
      m.put("importedBy", v.importedBy());
      m.put("importedAt", v.importedAt().toString());
      out.add(m);
    }
    if (out.isEmpty()) {
      throw notFound("watchlist", name);
    }
    json(ctx, Map.of("name", name, "versions", out));
  }

  private void ruleVersionsApi(Context ctx) {
    long id = id(ctx.pathParam("id"), "id");
    List<Object> out = new ArrayList<>();
    for (ScreeningStore.RuleVersion v : store.ruleVersions(id)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("version", v.version());
      m.put("name", v.name());
      m.put("text", v.text());
      m.put("lists", v.lists());
      m.put("savedBy", v.savedBy());
      m.put("savedAt", v.savedAt().toString());
      out.add(m);
    }
    if (out.isEmpty()) {
      throw notFound("rule", id);
    }
    json(ctx, Map.of("id", id, "versions", out));
  }

  private void refListsApi(Context ctx) {
    json(ctx, Map.of("lists", referenceLists.all().stream().map(ScreeningWeb::listJson).toList()));
  }

  private void createListApi(Context ctx) {
    JsonNode body = body(ctx, "name", "kind", "description");
    ScreeningStore.ReferenceListRow l =
        value(
            referenceLists.create(
                body.path("name").asText(""),
                body.path("kind").asText(""),
                body.path("description").asText(""),
                Web.principal(ctx).username()));
    json(ctx, listJson(l));
  }

  private void refListApi(Context ctx) {
    String name = ctx.pathParam("name");
    ScreeningStore.ReferenceListRow l =
        referenceLists.find(name).orElseThrow(() -> notFound("list", name));
    String limitText = Objects.requireNonNullElse(ctx.queryParam("limit"), "1000");
    int limit = (int) Math.min(100_000, Math.max(1, id(limitText, "limit")));
    Map<String, Object> m = listJson(l);
    List<Object> entries = new ArrayList<>();
    for (ScreeningStore.ListEntry e : referenceLists.entries(name, limit)) {
      entries.add(Map.of("value", e.value(), "note", e.note()));
    }
    m.put("entryList", entries);
    json(ctx, m);
  }

  private void importListCsvApi(Context ctx) throws IOException {
    String name = ctx.pathParam("name");
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(ctx.bodyInputStream(), StandardCharsets.UTF_8))) {
      ScreeningLists.Imported r =
          value(referenceLists.importCsv(name, in, Web.principal(ctx).username()));
      json(ctx, importedJson(Web.messages(ctx), r));
    }
  }

  private void addListEntryApi(Context ctx) {
    JsonNode body = body(ctx, "value", "note");
    ScreeningLists.Imported r =
        value(
            referenceLists.add(
                ctx.pathParam("name"),
                body.path("value").asText(""),
                body.path("note").asText(""),
                Web.principal(ctx).username()));
    json(ctx, importedJson(Web.messages(ctx), r));
  }

  private void removeListEntryApi(Context ctx) {
    JsonNode body = body(ctx, "value");
    boolean removed =
        value(
            referenceLists.remove(
                ctx.pathParam("name"),
                body.path("value").asText(""),
                Web.principal(ctx).username()));
    json(ctx, Map.of("removed", removed));
  }

  private static Map<String, Object> importedJson(Messages t, ScreeningLists.Imported r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("read", r.read());
    m.put("added", r.added());
    m.put("version", r.version());
    m.put("refused", r.refused().size());
    m.put("problems", problems(ApiRefusals.worded(t, r.refused())));
    return m;
  }

  private static Map<String, Object> listJson(ScreeningStore.ReferenceListRow l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", l.name());
    m.put("kind", l.kind().code());
    m.put("description", l.description());
    m.put("version", l.version());
    m.put("entries", l.entries());
    m.put("updatedBy", l.updatedBy());
    m.put("updatedAt", l.updatedAt().toString());
    return m;
  }

  private static List<Object> problems(List<Problem> ps) {
    List<Object> out = new ArrayList<>();
    for (Problem p : ps.stream().limit(1000).toList()) {
      out.add(Map.of("error", p.code(), "field", p.field(), "message", p.message()));
    }
    return out;
  }

  /**
   * FollowTheMoney entities left out of an import: per schema, how many and why (in the reader's
   * language; the use case's English for an English reader).
   */
  private static List<Object> leftOutJson(Messages t, List<WatchlistImport.SchemaLeftOut> leftOut) {
    List<Object> out = new ArrayList<>();
    for (WatchlistImport.SchemaLeftOut l : leftOut) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("schema", l.schema());
      m.put("entities", l.entities());
      m.put("code", l.code());
      m.put("reason", t.english() ? l.reason() : ImportRefusals.leftOut(t, l.code()));
      out.add(m);
    }
    return out;
  }

  private static void report(Context ctx, WatchlistImport.Report r) {
    List<Object> problems = new ArrayList<>();
    for (Problem p :
        ImportRefusals.worded(Web.messages(ctx), r.problems().stream().limit(1000).toList())) {
      problems.add(Map.of("error", p.code(), "field", p.field(), "message", p.message()));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("imported", r.imported());
    m.put("refused", r.refused());
    m.put("problems", problems);
    m.put("leftOut", leftOutJson(Web.messages(ctx), r.leftOut()));
    m.put("flightsScreened", r.flightsScreened());
    if (r.imported() == 0 && !r.problems().isEmpty()) {
      // nothing imported: refused as the named import refuses it, the first problem on top
      ctx.status(HttpStatus.BAD_REQUEST);
      Problem first = ImportRefusals.worded(Web.messages(ctx), r.problems().get(0));
      m.put("error", first.code());
      m.put("message", first.message());
    }
    json(ctx, m);
  }

  // ---- helpers

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static Map<String, Object> flightJson(FlightRow f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", f.id());
    m.put("flight", f.ref().designator());
    m.put("date", f.ref().departureDate().toString());
    m.put("origin", f.ref().origin());
    m.put("destination", f.ref().destination());
    m.put("direction", f.direction());
    m.put("scheduledDeparture", text(f.schedule().departure()));
    m.put("scheduledArrival", text(f.schedule().arrival()));
    m.put("scheduledDepartureLocal", text(f.schedule().departureLocal()));
    m.put("scheduledArrivalLocal", text(f.schedule().arrivalLocal()));
    m.put("scheduleCheck", scheduleCheckJson(f.schedule().check()));
    m.put("status", f.status());
    m.put("screenedAt", f.screenedAt() == null ? null : f.screenedAt().toString());
    m.put("travellers", f.travellers());
    m.put("openHits", f.openHits());
    m.put("hits", f.hits());
    return m;
  }

  /**
   * Whether the schedule lands after it leaves: {@code {status: "plausible", minutes}}, {@code
   * {status: "arrives-before-departure", minutes}} (a data-quality warning: by how much), or {@code
   * {status: "unchecked", reason}}.
   */
  private static Map<String, Object> scheduleCheckJson(Schedule.TimeCheck c) {
    Map<String, Object> m = new LinkedHashMap<>();
    switch (c) {
      case Schedule.TimeCheck.Plausible p -> {
        m.put("status", "plausible");
        m.put("minutes", p.flightTime().toMinutes());
      }
      case Schedule.TimeCheck.ArrivesBeforeDeparture a -> {
        m.put("status", "arrives-before-departure");
        m.put("minutes", a.by().toMinutes());
      }
      case Schedule.TimeCheck.Unchecked u -> {
        m.put("status", "unchecked");
        m.put("reason", u.reason());
      }
    }
    return m;
  }

  /**
   * A hit as the API gives it, its explanation and comments in the reader's language ({@code t}) as
   * the pages word them; {@code explanationParts} keeps each line's key (what a client matches on)
   * with its arguments as words, a severity or kind of match among them in {@code t}'s language
   * too, never a stored marker.
   */
  private static Map<String, Object> hitJson(Messages t, HitRow h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", h.id());
    m.put("flightId", h.flightId());
    m.put("traveller", h.hit().subjectKey());
    m.put("name", h.hit().subjectName());
    m.put("booking", h.hit().booking());
    m.put("kind", h.hit().kind().code());
    m.put("source", h.hit().source());
    m.put("title", h.hit().title());
    m.put("severity", h.hit().severity());
    // three decimals, as the page shows it: the rest is floating-point noise (0.9550000000000001)
    m.put("score", Math.round(h.hit().score() * 1000) / 1000.0);
    m.put("explanation", h.hit().reasons().stream().map(r -> ScreeningText.line(t, r)).toList());
    // each line's key with its arguments as words, for a client that words lines itself
    m.put(
        "explanationParts",
        h.hit().reasons().stream()
            .map(
                r ->
                    Map.of(
                        "key",
                        r.key(),
                        "args",
                        r.args().stream().map(a -> ScreeningText.argument(t, a)).toList(),
                        "text",
                        ScreeningText.line(t, r)))
            .toList());
    m.put("status", h.status());
    m.put("comment", ScreeningText.stored(t, h.comment()));
    m.put("disposedBy", h.disposedBy());
    m.put("disposedAt", h.disposedAt() == null ? null : h.disposedAt().toString());
    m.put("version", h.version());
    return m;
  }

  private static Map<String, Object> hitJson(
      Messages t, HitRow h, List<ScreeningStore.Decision> history) {
    Map<String, Object> m = hitJson(t, h);
    List<Object> out = new ArrayList<>();
    for (ScreeningStore.Decision d : history) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("version", d.version());
      e.put("kind", d.kind().code());
      e.put("disposition", d.disposition());
      // the system's reasons as the hit's own comment shows them, not their stored keys
      e.put("comment", ScreeningText.stored(t, d.comment()));
      e.put("by", d.decidedBy());
      e.put("at", d.decidedAt().toString());
      out.add(e);
    }
    m.put("history", out);
    return m;
  }

  private List<PassengerFacts> travellers(long flightId) {
    List<PassengerFacts> pnr = new ArrayList<>();
    List<PassengerFacts> api = new ArrayList<>();
    for (PassengerFacts f : store.travellers(flightId)) {
      (f.source().equals("API") ? api : pnr).add(f);
    }
    return org.sekisho.passenger.screening.domain.FlightScreening.merge(pnr, api);
  }

  private FlightRow flight(Context ctx) {
    long id = id(ctx.pathParam("id"), "id");
    return store.flightById(id).orElseThrow(() -> notFound("flight", id));
  }

  private HitRow hit(Context ctx) {
    long id = id(ctx.pathParam("id"), "id");
    return store.hit(id).orElseThrow(() -> notFound("hit", id));
  }

  /**
   * 404 {@code not-found}, worded ({@code what} hyphenated is its key): {@code "<what> <id> was not
   * found"}, the words {@link HttpProblem#notFound} writes.
   */
  private static HttpProblem notFound(String what, Object id) {
    return new HttpProblem(
        Problem.of("not-found", "", what + " " + id + " was not found")
            .worded(what.replace(' ', '-'), id));
  }

  private static long id(String v, String name) {
    if (v == null || !v.matches("\\d{1,15}")) {
      throw new HttpProblem(
          Problem.of("invalid-number", name, name + " must be a positive number, got '" + v + "'")
              .worded("number", name, v));
    }
    return Long.parseLong(v);
  }

  private static LocalDate date(Context ctx, String name, LocalDate dflt) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      return LocalDate.parse(v.strip());
    } catch (DateTimeException e) {
      throw new HttpProblem(
          Problem.of("invalid-date", name, name + " must be YYYY-MM-DD, got '" + v + "'")
              .worded("date", name, v));
    }
  }

  private static String direction(Context ctx) {
    String d = Objects.requireNonNullElse(ctx.queryParam("direction"), "").strip();
    if (!d.isEmpty() && !List.of("arrival", "departure", "other").contains(d)) {
      throw new HttpProblem(
          Problem.of("invalid-direction", "direction", "direction is arrival, departure or other")
              .worded("direction"));
    }
    return d;
  }

  /** Which flights a list covers: departure dates (inclusive) and direction. */
  private record FlightFilter(LocalDate from, LocalDate to, String direction) {}

  /** The filter of a flight list or queue; a bad date, or from after to, is a 400 naming it. */
  private FlightFilter filter(Context ctx) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate from = date(ctx, "from", today.minusDays(1));
    LocalDate to = date(ctx, "to", today.plusDays(2));
    if (from.isAfter(to)) {
      throw new HttpProblem(
          Problem.of("invalid-range", "to", "to (" + to + ") is before from (" + from + ")")
              .worded("range", to, from));
    }
    return new FlightFilter(from, to, direction(ctx));
  }

  /**
   * The request's JSON object as {@link JsonBody} reads it: refused (400 {@code unknown-field},
   * naming it and the fields taken) when it holds a field other than {@code fields}, as a misspelt
   * or misplaced field ({@code expectedVersion} on a disposition) would otherwise be answered as if
   * it had been read.
   */
  private static JsonNode body(Context ctx, String... fields) {
    return JsonBody.object(ctx.bodyAsBytes(), fields);
  }

  private static <T> T value(Outcome<T> o) {
    return switch (o) {
      case Outcome.Accepted<T> a -> a.value();
      case Outcome.Rejected<T> r -> throw new HttpProblem(r.problems().get(0));
    };
  }

  private String render(String template, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    templates.render(template, params, out);
    return out.toString();
  }

  private static void json(Context ctx, Object body) {
    try {
      ctx.contentType("application/json; charset=utf-8").result(JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** For links built elsewhere: the traveller page of a flight. */
  public static String travellerUrl(long flightId, String key) {
    return "/screening/flights/"
        + flightId
        + "/traveller?key="
        + URLEncoder.encode(key, StandardCharsets.UTF_8);
  }
}
