package org.sekisho.maritime.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sekisho.core.Outcome;
import org.sekisho.maritime.adapter.geo.GeoJsonLand;
import org.sekisho.maritime.adapter.geo.GeoJsonPortAreas;
import org.sekisho.maritime.application.AlertIncidents;
import org.sekisho.maritime.application.ConveyanceMovements;
import org.sekisho.maritime.application.DecodeAisStream;
import org.sekisho.maritime.application.MaritimeRecords;
import org.sekisho.maritime.application.MaritimeService;
import org.sekisho.maritime.domain.geo.Passage;
import org.sekisho.maritime.domain.patrol.AlertTransitions;
import org.sekisho.maritime.domain.patrol.CameraSite;
import org.sekisho.maritime.domain.patrol.DarkVesselCheck;
import org.sekisho.maritime.domain.patrol.Intercept;
import org.sekisho.maritime.domain.patrol.PatrolBoat;
import org.sekisho.maritime.domain.patrol.PatrolTasking;
import org.sekisho.maritime.domain.patrol.Sighting;
import org.sekisho.maritime.domain.port.PortArea;
import org.sekisho.maritime.domain.time.ReportedTime;
import org.sekisho.maritime.domain.vessel.VesselSnapshot;
import org.sekisho.platform.auth.Access;
import org.sekisho.platform.auth.Principal;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.web.HttpProblem;
import org.sekisho.platform.web.Routes;
import org.sekisho.platform.web.Web;
import org.sekisho.platform.web.WebModule;

/**
 * The maritime picture: map page, vessel pages and the JSON API under {@code /api/maritime}.
 *
 * <p>Who may do what. The picture (vessels, tracks, alerts, port calls, patrol boats, camera sites
 * and sightings) belongs to the administration running Sekisho: every route admits its own staff in
 * the roles named below, and partners ({@link Role#PARTNER}) only from the agencies it has agreed
 * to share the picture with ({@link Scope#partnerAgencies()}, e.g. the coast guard); anyone else
 * gets 403 whatever their role. Officers, analysts, investigators, partners and administrators read
 * (administrators so that they can manage camera sites on the map); administrators manage camera
 * sites; officers, partners and administrators report sightings and patrol positions; they and
 * analysts acknowledge, close or reopen alerts, naming the version they read (a change made
 * meanwhile is refused with who made it and when, never silently undone); closing and reopening a
 * closed alert need a note saying why, and every change is kept in the alert's history. A feed
 * upload becomes conveyance movements in the administration's intelligence database, so only the
 * administration's own officers and administrators may upload, and the movements are owned by and
 * attributed to the uploader. Every read of a vessel and every write is audited with its content.
 */
public final class MaritimeWeb implements WebModule {
  public static final Access READ =
      Access.anyOf(Role.OFFICER, Role.ANALYST, Role.INVESTIGATOR, Role.PARTNER, Role.ADMIN);
  public static final Access MANAGE_SITES = Access.anyOf(Role.ADMIN);
  public static final Access REPORT = Access.anyOf(Role.OFFICER, Role.PARTNER, Role.ADMIN);

  /**
   * Who acknowledges and closes alerts: those who report, and analysts, who work the alert list
   * from the desk. Analysts do not report patrol positions or sightings: those come from crews and
   * camera operators (officers, partners), and a position typed at a desk would send boats wrong.
   */
  public static final Access ALERTS =
      Access.anyOf(Role.OFFICER, Role.ANALYST, Role.PARTNER, Role.ADMIN);

  public static final Access FEED = Access.anyOf(Role.OFFICER, Role.ADMIN);

  /**
   * Which agencies may use the maritime picture.
   *
   * @param administration the agency running Sekisho, which owns the picture
   * @param partnerAgencies agencies whose partners may read it and report into it (not upload)
   */
  public record Scope(String administration, java.util.Set<String> partnerAgencies) {
    public Scope {
      partnerAgencies = java.util.Set.copyOf(partnerAgencies);
    }

    /** Why {@code p} may not use the picture at all, or null. */
    public String refusal(Principal p) {
      if (p.agency().equals(administration)
          || (p.has(Role.PARTNER) && partnerAgencies.contains(p.agency()))) {
        return null;
      }
      return "the maritime picture belongs to "
          + administration
          + " and is not shared with agency "
          + p.agency();
    }
  }

  /** Longest free text kept (names, vessel type, image reference). */
  static final int MAX_TEXT = 200;

  private final MaritimeService service;
  private final GeoJsonPortAreas ports;
  private final Scope scope;
  private final ObjectMapper json = new ObjectMapper();
  private final TemplateEngine templates =
      TemplateEngine.createPrecompiled(
          null,
          ContentType.Html,
          MaritimeWeb.class.getClassLoader(),
          "org.sekisho.maritime.adapter.web.jte");

  public MaritimeWeb(MaritimeService service, GeoJsonPortAreas ports, Scope scope) {
    this.service = service;
    this.ports = ports;
    this.scope = scope;
  }

  /** Runs {@code h} for callers within the picture's {@link Scope}; 403 for anyone else. */
  private Handler scoped(Handler h) {
    return ctx -> {
      Principal p = Web.principal(ctx);
      if (scope.refusal(p) != null) {
        throw HttpProblem.of(
            "forbidden",
            "",
            Web.messages(ctx).get("maritime.notShared", scope.administration(), p.agency()));
      }
      h.handle(ctx);
    };
  }

  /** Only the administration's own staff: what they do becomes its intelligence records. */
  private Handler ownAgency(Handler h) {
    return ctx -> {
      Principal p = Web.principal(ctx);
      if (!p.agency().equals(scope.administration())) {
        throw HttpProblem.of(
            "forbidden",
            "",
            Web.messages(ctx)
                .get("maritime.feed.notOwnAgency", scope.administration(), p.agency()));
      }
      h.handle(ctx);
    };
  }

  @Override
  public void routes(Routes r) {
    r.get("/maritime", READ, "maritime map", scoped(this::mapPage))
        .get("/maritime/vessels/{mmsi}", READ, "vessel page", scoped(this::vesselPage))
        .get(
            "/assets/maritime/map.js",
            Access.open(),
            "maritime map script",
            ctx -> asset(ctx, "map.js", "text/javascript; charset=utf-8"))
        .get(
            "/assets/maritime/land.geojson",
            Access.open(),
            "offline basemap (Natural Earth land)",
            ctx -> asset(ctx, "land.geojson", "application/geo+json"))
        .get(
            "/api/maritime/picture",
            READ,
            "how old the picture is: newest report, its age at the server's clock, stale or not",
            scoped(ctx -> ctx.json(pictureJson(Web.messages(ctx)))))
        .query()
        .get(
            "/api/maritime/vessels",
            READ,
            "live vessels of the watched waters (area=all: every vessel heard)",
            scoped(this::vessels))
        .query("hours", "area")
        .get("/api/maritime/vessels/{mmsi}", READ, "one vessel", scoped(this::vessel))
        .query()
        .get("/api/maritime/vessels/{mmsi}/track", READ, "a vessel's track", scoped(this::track))
        .query("from", "to")
        .get(
            "/api/maritime/alerts",
            READ,
            "alerts, most urgent first, with nearest boats",
            scoped(this::alerts))
        .query("limit", "closed", "asOf")
        .get("/api/maritime/port-calls", READ, "port calls", scoped(this::portCalls))
        .query("limit")
        .get("/api/maritime/ports", READ, "port areas (GeoJSON)", scoped(this::portAreas))
        .query()
        .get(
            "/api/maritime/sites",
            READ,
            "camera sites",
            scoped(ctx -> ctx.json(service.records().sites())))
        .query()
        .post(
            "/api/maritime/sites",
            MANAGE_SITES,
            "add or change a camera site (id, name, lat, lon, bearingDeg, fovDeg, rangeNm)",
            scoped(this::saveSite))
        .query()
        .post(
            "/api/maritime/sightings",
            REPORT,
            "a camera sighting, checked for a dark vessel (siteId, time; lat and lon, or"
                + " bearingDeg; sizeM, vesselType, imageRef optional)",
            scoped(this::sighting))
        .query()
        .get(
            "/api/maritime/sightings",
            READ,
            "camera sightings, newest first",
            scoped(this::sightings))
        .query("limit")
        .get(
            "/api/maritime/patrols",
            READ,
            "patrol boats",
            scoped(ctx -> ctx.json(patrolsJson(ctx))))
        .query()
        .post(
            "/api/maritime/patrols",
            REPORT,
            "a patrol boat's position (id, name, lat, lon, speedKnots; time, maxSpeedKnots"
                + " optional; new: true registers a boat whose id is not known yet, without it an"
                + " unknown id is refused 400 unknown-patrol naming the known id likely meant; new"
                + " with the id of a boat on duty under another name is 409 on id)",
            scoped(this::patrol))
        .query()
        .post(
            "/api/maritime/patrols/{id}/stand-down",
            REPORT,
            "stand a patrol boat down (reason: why, at most 500 characters): no longer listed nor"
                + " offered on alerts until it reports a position again; audited",
            scoped(this::standDown))
        .query()
        .get(
            "/api/maritime/incidents",
            READ,
            "related alerts grouped into incidents, most urgent first, each with its parts",
            scoped(this::incidents))
        .query("limit", "closed", "asOf")
        .post(
            "/api/maritime/incidents/{id}/status",
            ALERTS,
            "acknowledge, close or reopen an incident (any of its alerts' id): all its parts"
                + " (status, expectedVersion of the alert named: 428 without, 409 when changed"
                + " meanwhile; note to close or reopen)",
            scoped(this::incidentStatus))
        .query()
        .post(
            "/api/maritime/alerts/{id}/status",
            ALERTS,
            "acknowledge, close or reopen an alert (status, expectedVersion: 428 without, 409 when"
                + " changed meanwhile or already at that status; note to close or reopen); kept in"
                + " its history",
            scoped(this::alertStatus))
        .query()
        .get(
            "/api/maritime/feeds",
            READ,
            "per-feed counts of lines, messages, skipped lines and broken sentences",
            scoped(ctx -> ctx.json(service.feedStats())))
        .query()
        .post(
            "/api/maritime/feed",
            FEED,
            "upload NMEA text into the tracker (replay); the administration's own staff only",
            Routes.Body.ROWS,
            ownAgency(this::feed))
        .query();
  }

  private String render(String template, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    templates.render(template, params, out);
    return out.toString();
  }

  /** Alert kinds, as the ranking weighs them (labels on the map). */
  private static final List<String> KINDS =
      List.of(
          "dark-vessel",
          "fishing-meeting",
          "encounter",
          "unusual-grounds",
          "gap",
          "loitering",
          "port-call");

  private void mapPage(Context ctx) {
    var roles = Web.principal(ctx).roles();
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("t", Web.messages(ctx));
    p.put("admin", roles.contains(Role.ADMIN));
    p.put("report", REPORT.admits(Web.principal(ctx)));
    // a string: jte drops a boolean attribute's false value
    p.put("alerts", ALERTS.admits(Web.principal(ctx)) ? "true" : "false");
    // a sighting is reported from a camera site: without one the form says who sets one up
    p.put("noSites", service.records().sites().isEmpty());
    p.put("kinds", KINDS);
    var pic = service.picture();
    p.put("picture", pictureText(Web.messages(ctx), pic.orElse(null)));
    // a string: jte drops a boolean attribute's false value
    p.put("pictureStale", pic.map(x -> x.stale() ? "true" : "false").orElse("true"));
    Web.page(ctx, Web.messages(ctx).get("maritime.title"), render("map.jte", p));
  }

  private void vesselPage(Context ctx) {
    int mmsi = mmsi(ctx);
    VesselSnapshot v =
        service.records().vessel(mmsi).orElseThrow(() -> notFound(ctx, "vessel", mmsi));
    Web.audit(ctx, "maritime.vessel.read", "vessel:" + mmsi, Map.of());
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("t", Web.messages(ctx));
    p.put("v", v);
    p.put(
        "age",
        v.lastSeen() == null
            ? ""
            : Web.messages(ctx)
                .get(
                    "maritime.ago",
                    AlertText.duration(
                        Web.messages(ctx),
                        Duration.ofMinutes(minutesSince(v.lastSeen(), service.now())))));
    p.put("position", Double.isNaN(v.lat()) ? "" : position(v.lat(), v.lon()));
    p.put("calls", service.records().portCalls(mmsi, 50));
    p.put("links", intelLinks(ctx, v));
    var t = Web.messages(ctx);
    Map<Integer, String> names = names();
    List<MaritimeRecords.Alert> mine =
        service.records().alerts(Instant.EPOCH, 1000).stream()
            .filter(
                a ->
                    Integer.valueOf(mmsi).equals(a.mmsi())
                        || Integer.valueOf(mmsi).equals(a.otherMmsi()))
            .limit(50)
            .toList();
    // an open gap's length runs to the newest of the vessel's alerts (event time, never the clock)
    Instant asOf =
        mine.stream().map(MaritimeRecords.Alert::time).max(Instant::compareTo).orElse(null);
    p.put(
        "alerts",
        mine.stream().map(a -> new VesselAlert(a, AlertText.of(t, a, names, asOf))).toList());
    Web.page(
        ctx,
        // an MMSI is an identifier: as text, never a number formatted with separators
        Web.messages(ctx)
            .get("maritime.vessel.title", v.name() == null ? String.valueOf(mmsi) : v.name()),
        render("vessel.jte", p));
  }

  /**
   * The zone's short name as the server writes times ({@code JST}), for the map's script: the
   * browser would write {@code GMT+9} for the same zone.
   */
  public static String zoneName(org.sekisho.platform.i18n.Messages t) {
    return java.time.format.DateTimeFormatter.ofPattern("z", java.util.Locale.ENGLISH)
        .format(java.time.ZonedDateTime.now(t.zone()));
  }

  /** An alert on the vessel page, with its text in the reader's language. */
  public record VesselAlert(MaritimeRecords.Alert alert, String text) {}

  /** A link into the intelligence database's search page. */
  public record IntelLink(String id, String label, String href) {}

  /**
   * Links into the intelligence search (by URL only: this context never reads intel's tables): by
   * IMO (the identifier port calls carry into conveyance movements), name, call sign and MMSI. The
   * identifiers look among conveyance movements only: a number searched across everything also
   * finds phone numbers and documents that share its digits, which an analyst could take for the
   * vessel; the name looks everywhere (seizures name vessels too).
   */
  static List<IntelLink> intelLinks(Context ctx, VesselSnapshot v) {
    var t = Web.messages(ctx);
    List<IntelLink> links = new ArrayList<>();
    if (v.imo() != 0) {
      links.add(new IntelLink("intel-link", "IMO " + v.imo(), movements(String.valueOf(v.imo()))));
    }
    if (v.name() != null && !v.name().isBlank()) {
      links.add(
          new IntelLink(
              "intel-link-name", t.get("maritime.intel.name") + ": " + v.name(), search(v.name())));
    }
    if (v.callSign() != null && !v.callSign().isBlank()) {
      links.add(
          new IntelLink(
              "intel-link-callsign",
              t.get("maritime.intel.callsign") + ": " + v.callSign(),
              movements(v.callSign())));
    }
    links.add(
        new IntelLink(
            v.imo() == 0 ? "intel-link" : "intel-link-mmsi",
            t.get("maritime.intel.mmsi") + ": " + v.mmsi(),
            movements(String.valueOf(v.mmsi()))));
    return links;
  }

  private static String search(String q) {
    return "/search?q=" + URLEncoder.encode(q.strip(), StandardCharsets.UTF_8);
  }

  private static String movements(String q) {
    return search(q) + "&kind=conveyance-movement";
  }

  private static void asset(Context ctx, String name, String type) throws IOException {
    try (InputStream in = MaritimeWeb.class.getResourceAsStream("/assets/maritime/" + name)) {
      if (in == null) {
        throw HttpProblem.notFound(name);
      }
      ctx.contentType(type).result(in.readAllBytes());
    }
  }

  private static int mmsi(Context ctx) {
    String raw = ctx.pathParam("mmsi");
    int m;
    try {
      m = Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      m = 0;
    }
    if (m <= 0 || m > 999_999_999) {
      throw HttpProblem.of("invalid-mmsi", "mmsi", Web.messages(ctx).get("maritime.api.mmsi", raw));
    }
    return m;
  }

  /**
   * A 404 for a vessel, alert or patrol boat that is not there, in the reader's language ({@code
   * maritime.api.notFound.*}; the English as {@link HttpProblem#notFound} words it).
   */
  private static HttpProblem notFound(Context ctx, String what, Object id) {
    return HttpProblem.of(
        "not-found",
        "",
        Web.messages(ctx).get("maritime.api.notFound." + what, String.valueOf(id)));
  }

  /** A position as seafarers write it: {@code 30.0010°N 179.9990°W}. */
  public static String position(double lat, double lon) {
    return String.format(
        java.util.Locale.ROOT,
        "%.4f°%s %.4f°%s",
        Math.abs(lat),
        lat < 0 ? "S" : "N",
        Math.abs(lon),
        lon < 0 ? "W" : "E");
  }

  private static Double num(double d) {
    return Double.isNaN(d) || Double.isInfinite(d) ? null : d;
  }

  private static Map<String, Object> vesselJson(VesselSnapshot v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mmsi", v.mmsi());
    m.put("name", v.name());
    m.put("imo", v.imo() == 0 ? null : v.imo());
    m.put("callSign", v.callSign());
    m.put("shipType", v.shipType());
    m.put("flag", v.flag());
    m.put("destination", v.destination());
    m.put("lastSeen", v.lastSeen() == null ? null : v.lastSeen().toString());
    m.put("lat", num(v.lat()));
    m.put("lon", num(v.lon()));
    m.put("speedKnots", num(v.speedKnots()));
    m.put("course", num(v.course()));
    return m;
  }

  /**
   * Vessels of the watched waters ({@link MaritimeService#watchedArea}; {@code area=all}: every
   * vessel heard) heard within {@code hours} (default 6) of the picture's time, the newest report
   * from the watched waters (event time, so a replayed day shows as it was), each with its age at
   * the server's clock: a picture four hours old shows vessels four hours old, never "0 minutes".
   */
  private void vessels(Context ctx) {
    int hours = Web.intParam(ctx, "hours", 6, 1, 24 * 365 * 30);
    String area = ctx.queryParam("area");
    if (area != null
        && !area.isBlank()
        && !"all".equals(area.strip())
        && !"watched".equals(area.strip())) {
      throw HttpProblem.of(
          "invalid-parameter", "area", Web.messages(ctx).get("maritime.api.area", area));
    }
    List<Map<String, Object>> out = new ArrayList<>();
    // the watched waters' vessels, dated by their own newest report: one vessel an ocean away
    // heard now must not push the coast's vessels out of the window
    List<VesselSnapshot> live =
        area != null && "all".equals(area.strip())
            ? service.liveVessels(null)
            : service.watchedVessels(null);
    // the window runs back from the picture's time (the watched waters' newest report) for both
    Instant newest = service.pictureTime().orElse(Instant.EPOCH);
    Instant since = newest.minus(Duration.ofHours(hours));
    Instant now = service.now();
    for (VesselSnapshot v : live) {
      if (v.lastSeen() != null && !v.lastSeen().isBefore(since)) {
        Map<String, Object> m = vesselJson(v);
        m.put("ageMinutes", minutesSince(v.lastSeen(), now));
        out.add(m);
      }
    }
    ctx.json(out);
  }

  /** Whole minutes from {@code t} to {@code now}; 0 for a time a little ahead (clock skew). */
  static long minutesSince(Instant t, Instant now) {
    return t.isAfter(now) ? 0 : Duration.between(t, now).toMinutes();
  }

  /**
   * How old the picture is: its newest report's time, that time's age at the server's clock and
   * whether it is stale (no report for more than {@link MaritimeService#STALE_PICTURE}); the fields
   * are null before any report.
   */
  private Map<String, Object> pictureJson(org.sekisho.platform.i18n.Messages t) {
    Map<String, Object> m = new LinkedHashMap<>();
    var pic = service.picture();
    m.put("asOf", pic.map(p -> p.asOf() == null ? null : p.asOf().toString()).orElse(null));
    m.put("asOfLocal", pic.map(p -> p.asOf() == null ? null : t.time(p.asOf())).orElse(null));
    m.put("ageMinutes", pic.map(p -> p.age() == null ? null : p.age().toMinutes()).orElse(null));
    m.put("stale", pic.map(MaritimeService.Picture::stale).orElse(null));
    m.put("staleAfterMinutes", MaritimeService.STALE_PICTURE.toMinutes());
    // which waters it is judged on, and what was heard elsewhere (not on the picture)
    m.put(
        "watched",
        pic.map(p -> p.area().everywhere() ? "everywhere" : "around-sites-and-patrols")
            .orElse(null));
    m.put("watchedRadiusNm", org.sekisho.maritime.domain.patrol.WatchedArea.WATCH_RADIUS_NM);
    m.put("vesselsOutside", pic.map(MaritimeService.Picture::outside).orElse(0));
    m.put(
        "newestOutside",
        pic.map(p -> p.newestOutside() == null ? null : p.newestOutside().toString()).orElse(null));
    m.put("now", service.now().toString());
    m.put("text", pictureText(t, pic.orElse(null)));
    return m;
  }

  /** "Picture as of 12:59 JST (4 h 7 min ago)", with the stale warning when it is. */
  static String pictureText(org.sekisho.platform.i18n.Messages t, MaritimeService.Picture p) {
    if (p == null) {
      return t.get("maritime.picture.none");
    }
    String outside =
        p.outside() == 0
            ? ""
            : " "
                + t.get(
                    "maritime.picture.outside",
                    String.valueOf(p.outside()),
                    String.valueOf(
                        (long) org.sekisho.maritime.domain.patrol.WatchedArea.WATCH_RADIUS_NM));
    if (p.asOf() == null) {
      return t.get(
              "maritime.picture.none.watched",
              String.valueOf((long) org.sekisho.maritime.domain.patrol.WatchedArea.WATCH_RADIUS_NM))
          + outside;
    }
    String text = t.get("maritime.picture.asof", t.time(p.asOf()), AlertText.duration(t, p.age()));
    return (p.stale()
            ? text
                + " "
                + t.get("maritime.picture.stale", MaritimeService.STALE_PICTURE.toMinutes())
            : text)
        + outside;
  }

  private void vessel(Context ctx) {
    int mmsi = mmsi(ctx);
    VesselSnapshot v =
        service.records().vessel(mmsi).orElseThrow(() -> notFound(ctx, "vessel", mmsi));
    Web.audit(ctx, "maritime.vessel.read", "vessel:" + mmsi, Map.of());
    Map<String, Object> m = vesselJson(v);
    // aged at the server's clock, as the vessel list ages it
    m.put("ageMinutes", v.lastSeen() == null ? null : minutesSince(v.lastSeen(), service.now()));
    m.put("portCalls", service.records().portCalls(mmsi, 100));
    ctx.json(m);
  }

  private void track(Context ctx) {
    int mmsi = mmsi(ctx);
    service.sync();
    Instant to = boundedParam(ctx, "to", LAST_QUERY_TIME);
    Instant from = boundedParam(ctx, "from", Instant.EPOCH);
    if (from.isAfter(to)) {
      var t = Web.messages(ctx);
      throw HttpProblem.of(
          "invalid-parameter",
          "from",
          t.get(
              "maritime.api.fromAfterTo",
              asWritten(t, ctx.queryParam("from"), from),
              asWritten(t, ctx.queryParam("to"), to)));
    }
    List<Map<String, Object>> points = new ArrayList<>();
    for (MaritimeRecords.StoredPosition p : service.records().track(mmsi, from, to, 20_000)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("time", p.time().toString());
      m.put("lat", p.lat());
      m.put("lon", p.lon());
      m.put("speedKnots", num(p.speedKnots()));
      points.add(m);
    }
    ctx.json(Map.of("mmsi", mmsi, "positions", points));
  }

  /**
   * A query time in the form its caller wrote it: an instant or offset time as typed, a local time
   * in the administration's zone with the zone's name ({@code 2026-11-29 12:00 JST}), a time left
   * out as the instant it defaults to.
   */
  private static String asWritten(
      org.sekisho.platform.i18n.Messages t, String raw, Instant parsed) {
    if (raw == null || raw.isBlank()) {
      return parsed.toString();
    }
    try {
      java.time.OffsetDateTime.parse(raw.strip());
      return raw.strip();
    } catch (DateTimeParseException e) {
      return ZONED.format(parsed.atZone(t.zone()));
    }
  }

  /** The latest time a track query may name (PostgreSQL and the JDK agree up to here). */
  private static final Instant LAST_QUERY_TIME = Instant.parse("9999-12-31T23:59:59Z");

  /**
   * A query time from 1970 to {@link #LAST_QUERY_TIME}, or a 400 naming the parameter: times
   * outside that overflow the database's timestamps, and nothing was recorded before 1970.
   */
  private static Instant boundedParam(Context ctx, String name, Instant dflt) {
    String raw = ctx.queryParam(name);
    Instant i;
    if (raw == null || raw.isBlank()) {
      i = dflt;
    } else {
      try {
        // an instant, or the forms' local time in the administration's zone
        i = time(Web.messages(ctx), raw.strip(), name);
      } catch (HttpProblem e) {
        throw HttpProblem.of("invalid-parameter", name, e.problem().message());
      } catch (java.time.DateTimeException e) {
        throw HttpProblem.of("invalid-parameter", name, "expected a time from 1970 to 9999");
      }
    }
    if (i.isBefore(Instant.EPOCH) || i.isAfter(LAST_QUERY_TIME)) {
      throw HttpProblem.of(
          "invalid-parameter",
          name,
          "expected a time from " + Instant.EPOCH + " to " + LAST_QUERY_TIME + ", got " + i);
    }
    return i;
  }

  /**
   * A list's {@code asOf}, or null when not given: an instant or the forms' local time in the
   * administration's zone, as a track's {@code from} and {@code to}; a time the list cannot read is
   * a 400 naming it, in the reader's language.
   */
  private static Instant asOfParam(Context ctx) {
    String raw = ctx.queryParam("asOf");
    if (raw == null || raw.isBlank()) {
      return null;
    }
    var t = Web.messages(ctx);
    try {
      return time(t, raw.strip(), "asOf");
    } catch (HttpProblem e) {
      throw HttpProblem.of("invalid-parameter", "asOf", e.problem().message());
    } catch (java.time.DateTimeException e) {
      throw HttpProblem.of(
          "invalid-parameter", "asOf", t.get("maritime.api.time", t.zone().getId(), raw.strip()));
    }
  }

  /**
   * Whether a list shows closed alerts too ({@code closed=true}; false, the default, when left out
   * or {@code false}); any other value is a 400 naming it, not the open alerts alone said nothing
   * of.
   */
  private static boolean closedParam(Context ctx) {
    String raw = ctx.queryParam("closed");
    if (raw == null || raw.isBlank() || "false".equals(raw.strip())) {
      return false;
    }
    if ("true".equals(raw.strip())) {
      return true;
    }
    throw HttpProblem.of(
        "invalid-parameter", "closed", Web.messages(ctx).get("maritime.api.closed", raw.strip()));
  }

  /**
   * Alerts, most urgent first as of the picture's time ({@code asOf}, default the newest alert's):
   * open and acknowledged ones, closed ones too with {@code closed=true}. Each carries the vessels'
   * names, its text in the reader's language, its length (to its end, or to the picture's time
   * while open) and the boats that could respond with the age of their positions.
   */
  private void alerts(Context ctx) {
    int limit = Web.intParam(ctx, "limit", 100, 1, 1000);
    Map<Integer, String> names = names();
    List<Map<String, Object>> out = new ArrayList<>();
    int rank = 0;
    List<MaritimeService.RankedAlert> listed = listed(ctx);
    var histories = histories(listed.subList(0, Math.min(limit, listed.size())));
    for (MaritimeService.RankedAlert ra : listed) {
      if (rank >= limit) {
        break;
      }
      Map<String, Object> m = alertJson(ctx, ra, names, histories);
      m.put("rank", ++rank);
      out.add(m);
    }
    ctx.json(out);
  }

  /**
   * Incidents: the listed alerts ({@code asOf}, {@code closed} as for alerts) grouped when they are
   * about the same vessels at the same time and place ({@link AlertIncidents}), most urgent first.
   * An incident takes its lead's (most urgent part's) id, kind, score, place and boats; its time
   * runs from its earliest part to its latest end; it is open while any part is open.
   */
  private void incidents(Context ctx) {
    int limit = Web.intParam(ctx, "limit", 100, 1, 1000);
    Map<Integer, String> names = names();
    List<Map<String, Object>> out = new ArrayList<>();
    int rank = 0;
    List<AlertIncidents.Incident> incidents = AlertIncidents.group(listed(ctx));
    var histories =
        histories(
            incidents.subList(0, Math.min(limit, incidents.size())).stream()
                .flatMap(in -> in.parts().stream())
                .toList());
    for (AlertIncidents.Incident in : incidents) {
      if (rank >= limit) {
        break;
      }
      List<Map<String, Object>> parts = new ArrayList<>();
      for (MaritimeService.RankedAlert ra : in.parts()) {
        parts.add(alertJson(ctx, ra, names, histories));
      }
      Map<String, Object> m = new LinkedHashMap<>(parts.get(0));
      m.remove("rank");
      m.put("rank", ++rank);
      Instant from = in.parts().stream().map(p -> p.alert().time()).min(Instant::compareTo).get();
      m.put("time", from.toString());
      m.put("timeLocal", Web.messages(ctx).time(from));
      java.util.TreeSet<Integer> vessels = new java.util.TreeSet<>();
      boolean open = false;
      for (MaritimeService.RankedAlert ra : in.parts()) {
        MaritimeRecords.Alert a = ra.alert();
        if (a.mmsi() != null) {
          vessels.add(a.mmsi());
        }
        if (a.otherMmsi() != null) {
          vessels.add(a.otherMmsi());
        }
        open |= "open".equals(a.status());
      }
      m.put("vessels", List.copyOf(vessels));
      m.put("status", open ? "open" : in.lead().alert().status());
      m.put("parts", parts);
      out.add(m);
    }
    ctx.json(out);
  }

  /** The status histories of the alerts shown, read at once. */
  private Map<Long, List<MaritimeRecords.StatusChange>> histories(
      List<MaritimeService.RankedAlert> shown) {
    return service.records().alertHistories(shown.stream().map(ra -> ra.alert().id()).toList());
  }

  /** The ranked alerts a list shows: closed ones only with {@code closed=true}. */
  private List<MaritimeService.RankedAlert> listed(Context ctx) {
    boolean closed = closedParam(ctx);
    Instant asOf = asOfParam(ctx);
    if (asOf != null) {
      // a picture of a time ahead of the clock has nothing in it and every length runs to it
      java.util.Optional<org.sekisho.core.Problem> bad =
          ReportedTime.check("asOf", asOf, service.now());
      if (bad.isPresent()) {
        throw refusal(ctx, (Outcome.Rejected<?>) Outcome.rejected(bad.get()), asOf);
      }
    }
    List<MaritimeService.RankedAlert> out = new ArrayList<>();
    for (MaritimeService.RankedAlert ra : service.rankedAlerts(Instant.EPOCH, 1000, asOf)) {
      if (closed || !"closed".equals(ra.alert().status())) {
        out.add(ra);
      }
    }
    return out;
  }

  /** Vessel names by MMSI, for alerts that name their vessels. */
  private Map<Integer, String> names() {
    Map<Integer, String> names = new java.util.HashMap<>();
    for (VesselSnapshot v : service.liveVessels(null)) {
      if (v.name() != null && !v.name().isBlank()) {
        names.put(v.mmsi(), v.name());
      }
    }
    return names;
  }

  private Map<String, Object> alertJson(
      Context ctx,
      MaritimeService.RankedAlert ra,
      Map<Integer, String> names,
      Map<Long, List<MaritimeRecords.StatusChange>> histories) {
    var t = Web.messages(ctx);
    MaritimeRecords.Alert a = ra.alert();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("kind", a.kind());
    m.put("time", a.time().toString());
    m.put("timeLocal", t.time(a.time()));
    m.put("end", a.end() == null ? null : a.end().toString());
    if (AlertText.INSTANT_KINDS.contains(a.kind())) {
      // a port call or a sighting happens at one time: it has no length to grow
      m.put("durationMinutes", null);
      m.put("duration", null);
    } else {
      Instant until = a.end() != null ? a.end() : ra.asOf();
      long minutes = until.isAfter(a.time()) ? Duration.between(a.time(), until).toMinutes() : 0;
      m.put("durationMinutes", minutes);
      m.put("duration", AlertText.duration(t, Duration.ofMinutes(minutes)));
    }
    m.put("lat", num(a.lat()));
    m.put("lon", num(a.lon()));
    m.put("mmsi", a.mmsi());
    m.put("vesselName", a.mmsi() == null ? null : names.get(a.mmsi()));
    m.put("otherMmsi", a.otherMmsi());
    m.put("otherName", a.otherMmsi() == null ? null : names.get(a.otherMmsi()));
    String text = AlertText.of(t, a, names, ra.asOf());
    // in the reader's language, as text; the record's own (English) summary as it was stored
    m.put("summary", text);
    m.put("recordedSummary", a.summary());
    m.put("text", text);
    // the same sentence around its vessel, for a page that links the vessel where its name stands
    String[] around = AlertText.around(t, a, names, ra.asOf());
    m.put("textBefore", around == null ? null : around[0]);
    m.put("textAfter", around == null ? null : around[2]);
    m.put("facts", a.facts());
    m.put("score", ra.score());
    m.put("asOf", ra.asOf().toString());
    m.put("status", a.status());
    m.put("statusBy", a.statusBy());
    m.put("statusAt", a.statusAt() == null ? null : a.statusAt().toString());
    m.put("statusNote", a.statusNote());
    m.put("version", a.version());
    m.put("history", historyJson(t, histories.getOrDefault(a.id(), List.of())));
    MaritimeService.Target target = ra.target();
    if (target == null) {
      m.put("tasking", null);
    } else {
      Map<String, Object> g = new LinkedHashMap<>();
      g.put("lat", target.lat());
      g.put("lon", target.lon());
      g.put("time", target.time().toString());
      g.put("timeLocal", t.time(target.time()));
      g.put("mmsi", target.mmsi());
      g.put("vesselName", target.mmsi() == null ? null : names.get(target.mmsi()));
      // its motion at that fix, from which the boats' meetings with it are reckoned
      g.put("speedKnots", num(target.speedKnots()));
      g.put("courseDeg", target.course() >= 0 && target.course() < 360 ? target.course() : null);
      // aged at the server's clock, as the vessel list ages the same position: before any boat has
      // reported, the picture's time would call a position heard ten hours ago "0 min old"
      Instant now = service.now();
      g.put("ageMinutes", minutesSince(target.time(), now));
      g.put("age", AlertText.duration(t, Duration.ofMinutes(minutesSince(target.time(), now))));
      g.put("agedAt", now.toString());
      m.put("tasking", g);
    }
    List<Map<String, Object>> boats = new ArrayList<>();
    for (PatrolTasking.Option o : ra.nearestBoats()) {
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("id", o.boat().id());
      b.put("name", o.boat().name());
      b.put("distanceNm", o.distanceNm());
      b.put("onScene", o.onScene());
      b.put("etaMinutes", o.eta() == null ? null : o.eta().toMinutes());
      // by sea round the land on the map, unless no sea route was found (then a straight line,
      // the least the distance can be)
      b.put("etaBasis", basis(o.passage().basis()));
      b.put("route", points(o.passage()));
      b.put("intercept", o.intercept().map(i -> meeting(t, i, ra.taskAt())).orElse(null));
      b.put("responseKnots", o.boat().responseKnots());
      b.put("speedAssumed", o.boat().responseAssumed());
      b.put("eta", o.eta() == null ? null : AlertText.duration(t, o.eta()));
      // when it would arrive if sent now, for an officer relaying it by radio
      Instant arrives = o.eta() == null ? null : service.now().plus(o.eta());
      b.put("etaAt", arrives == null ? null : arrives.toString());
      b.put("etaAtLocal", arrives == null ? null : t.time(arrives));
      b.put("positionAgeMinutes", minutesSince(o.boat().time(), service.now()));
      b.put("positionAge", AlertText.duration(t, Duration.between(o.boat().time(), service.now())));
      boats.add(b);
    }
    m.put("nearestBoats", boats);
    return m;
  }

  /**
   * Acknowledges or closes an incident, named by any of its alerts' ids: every part not yet closed
   * (acknowledging leaves closed parts closed), each kept with who and when and audited as for one
   * alert. The incident is the one that alert belongs to among the alerts not closed, as the map
   * lists them; a closed alert alone is an incident of one.
   */
  private void incidentStatus(Context ctx) {
    long id = alertId(ctx);
    Body b = body(ctx, STATUS_FIELDS);
    String status = status(b);
    String note = note(b);
    MaritimeRecords.Alert lead = alertOr404(ctx, id);
    Integer version = expectedVersion(ctx, b, lead.version());
    if (version == null) {
      return;
    }
    List<MaritimeService.RankedAlert> open = new ArrayList<>();
    for (MaritimeService.RankedAlert ra : service.rankedAlerts(Instant.EPOCH, 1000, null)) {
      if (!"closed".equals(ra.alert().status())) {
        open.add(ra);
      }
    }
    List<Long> ids =
        AlertIncidents.group(open).stream()
            .filter(in -> in.contains(id))
            .findFirst()
            .map(in -> in.parts().stream().map(p -> p.alert().id()).toList())
            .orElse(List.of(id));
    List<Map<String, Object>> parts = new ArrayList<>();
    // the alert named is checked against the version the officer read; the other parts go with it
    // at their own versions; parts already at the status are left as they are (the whole incident
    // already at it is refused as one alert would be)
    if (lead.version() != version) {
      throw changedMeanwhile(Web.messages(ctx), lead);
    }
    List<MaritimeRecords.Alert> toChange = new ArrayList<>();
    toChange.add(lead);
    for (long part : ids) {
      if (part != id) {
        toChange.add(alertOr404(ctx, part));
      }
    }
    if (toChange.stream().allMatch(a -> a.status().equals(status))) {
      parts.add(setStatus(ctx, lead, version, status, note));
    }
    for (MaritimeRecords.Alert a : toChange) {
      if (!a.status().equals(status)) {
        parts.add(setStatus(ctx, a, a == lead ? version : a.version(), status, note));
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("status", status);
    m.put("parts", parts);
    ctx.json(m);
  }

  /** The fields a status change takes (an alert's or an incident's). */
  private static final String[] STATUS_FIELDS = {"status", "expectedVersion", "note"};

  /**
   * The status note: at most 1000 characters; {@link AlertTransitions} says when one is needed (to
   * close, to reopen a closed alert: the next watch reads why).
   */
  private static String note(Body b) {
    return limited(b, "note", 1000);
  }

  private static long alertId(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw HttpProblem.of(
          "invalid-parameter", "id", Web.messages(ctx).get("maritime.api.alertId"));
    }
  }

  private String status(Body b) {
    String status = text(b, "status", true);
    if (!MaritimeRecords.ALERT_STATUSES.contains(status)) {
      throw HttpProblem.of(
          "invalid-field",
          "status",
          b.t().get("maritime.api.status", String.valueOf(MaritimeRecords.ALERT_STATUSES)));
    }
    return status;
  }

  /**
   * The version the change was made on, or null after answering 428 (a change without one must not
   * silently undo a change made meanwhile).
   */
  private static Integer expectedVersion(Context ctx, Body b, int current) {
    JsonNode n = b.get("expectedVersion");
    if (n == null || n.isNull()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("error", "precondition-required");
      m.put("message", b.t().get("maritime.api.versionRequired"));
      m.put("field", "expectedVersion");
      m.put("version", current);
      ctx.status(428).json(m);
      return null;
    }
    if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 0) {
      throw HttpProblem.of(
          "invalid-field", "expectedVersion", b.t().get("maritime.api.expectedVersion"));
    }
    return n.asInt();
  }

  private MaritimeRecords.Alert alertOr404(Context ctx, long id) {
    return service.records().alert(id).orElseThrow(() -> notFound(ctx, "alert", id));
  }

  /**
   * 409: the alert moved on since it was read; says who changed it, when (in the administration's
   * zone) and to what, in the reader's language.
   */
  private static HttpProblem changedMeanwhile(
      org.sekisho.platform.i18n.Messages t, MaritimeRecords.Alert now) {
    String status = t.get("maritime.status." + now.status());
    return HttpProblem.of(
        "conflict",
        "expectedVersion",
        now.statusBy() == null
            ? t.get(
                "maritime.problem.alert-changed.anon",
                String.valueOf(now.id()),
                status,
                String.valueOf(now.version()))
            : t.get(
                "maritime.problem.alert-changed",
                String.valueOf(now.id()),
                status,
                now.statusBy(),
                t.time(now.statusAt()),
                String.valueOf(now.version())));
  }

  /** Times in API messages: in the administration's zone, as people on the map typed them. */
  static final java.time.format.DateTimeFormatter ZONED =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", java.util.Locale.ENGLISH);

  /**
   * Sets one alert's status if it is still at {@code version} and the change makes sense ({@link
   * AlertTransitions}); who, when and why are kept in its history and audited. 404 when there is no
   * such alert, 409 when it changed meanwhile or the change contradicts its state.
   */
  private Map<String, Object> setStatus(
      Context ctx, MaritimeRecords.Alert a, int version, String status, String note) {
    var t = Web.messages(ctx);
    if (a.version() != version) {
      throw changedMeanwhile(t, a);
    }
    AlertTransitions.refusal(a.status(), status, note)
        .ifPresent(
            r -> {
              throw HttpProblem.of(
                  r.conflict() ? "conflict" : "missing-field",
                  r.field(),
                  t.get(
                      "maritime.transition." + r.rule(),
                      String.valueOf(a.id()),
                      // the status as the API names it in English, in the reader's words otherwise
                      t.english() ? status : t.get("maritime.status." + status)));
            });
    Principal p = Web.principal(ctx);
    MaritimeRecords.Alert changed =
        service
            .records()
            .setAlertStatus(a.id(), version, status, p.username(), service.now(), note)
            .orElseThrow(() -> changedMeanwhile(t, alertOr404(ctx, a.id())));
    Map<String, String> details = new LinkedHashMap<>();
    details.put("from", a.status());
    details.put("status", status);
    details.put("kind", a.kind());
    details.put("version", String.valueOf(changed.version()));
    if (note != null) {
      details.put("note", note);
    }
    Web.audit(ctx, "maritime.alert.status", "alert:" + a.id(), details);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", changed.id());
    m.put("status", changed.status());
    m.put("version", changed.version());
    m.put("statusBy", changed.statusBy());
    m.put("statusAt", changed.statusAt() == null ? null : changed.statusAt().toString());
    m.put("statusNote", changed.statusNote());
    m.put(
        "history",
        historyJson(
            t, service.records().alertHistories(List.of(a.id())).getOrDefault(a.id(), List.of())));
    return m;
  }

  /** An alert's status changes, oldest first, each with its time in the reader's zone. */
  private static List<Map<String, Object>> historyJson(
      org.sekisho.platform.i18n.Messages t, List<MaritimeRecords.StatusChange> changes) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (MaritimeRecords.StatusChange c : changes) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("version", c.version());
      m.put("from", c.fromStatus());
      m.put("status", c.status());
      m.put("note", c.note());
      m.put("by", c.by());
      m.put("at", c.at().toString());
      m.put("atLocal", t.time(c.at()));
      out.add(m);
    }
    return out;
  }

  /**
   * Acknowledges, closes or reopens an alert: {@code status}, {@code expectedVersion} (the version
   * read; 428 without, 409 when it changed meanwhile) and a {@code note} (needed to close and to
   * reopen a closed alert).
   */
  private void alertStatus(Context ctx) {
    long id = alertId(ctx);
    Body b = body(ctx, STATUS_FIELDS);
    String status = status(b);
    String note = note(b);
    MaritimeRecords.Alert a = alertOr404(ctx, id);
    Integer version = expectedVersion(ctx, b, a.version());
    if (version != null) {
      ctx.json(setStatus(ctx, a, version, status, note));
    }
  }

  private List<Map<String, Object>> patrolsJson(Context ctx) {
    var t = Web.messages(ctx);
    List<Map<String, Object>> out = new ArrayList<>();
    for (PatrolBoat p : service.records().patrols()) {
      out.add(patrolJson(t, p));
    }
    return out;
  }

  /**
   * A patrol boat as the API gives it: an unknown max speed is null, and a position older than
   * {@link MaritimeService#STALE_PATROL} at the server's clock is {@code stale} (never offered).
   */
  private Map<String, Object> patrolJson(org.sekisho.platform.i18n.Messages t, PatrolBoat p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("name", p.name());
    m.put("time", p.time().toString());
    m.put("timeLocal", t.time(p.time()));
    m.put("lat", p.lat());
    m.put("lon", p.lon());
    m.put("speedKnots", p.speedKnots());
    m.put("maxSpeedKnots", num(p.maxSpeedKnots()));
    Duration age = Duration.between(p.time(), service.now());
    m.put("ageMinutes", Math.max(0, age.toMinutes()));
    m.put("stale", age.compareTo(MaritimeService.STALE_PATROL) > 0);
    return m;
  }

  private void sightings(Context ctx) {
    int limit = Web.intParam(ctx, "limit", 100, 1, 1000);
    List<Map<String, Object>> out = new ArrayList<>();
    for (MaritimeRecords.StoredSighting s : service.records().sightings(limit)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", s.id());
      m.put("siteId", s.siteId());
      m.put("time", s.time().toString());
      m.put("timeLocal", Web.messages(ctx).time(s.time()));
      m.put("lat", s.lat());
      m.put("lon", s.lon());
      m.put("bearingDeg", num(s.bearingDeg()));
      m.put("sizeM", num(s.sizeM()));
      m.put("vesselType", s.vesselType());
      m.put("imageRef", s.imageRef());
      m.put("matchedMmsi", s.matchedMmsi());
      m.put("dark", s.dark());
      m.put("checked", s.checked());
      if (!s.checked()) {
        m.put("notChecked", notChecked(Web.messages(ctx), s.aisLastReport()));
      }
      out.add(m);
    }
    ctx.json(out);
  }

  /** "not checked: no AIS received since 2026-11-28 13:59 JST", in the reader's language. */
  private static String notChecked(org.sekisho.platform.i18n.Messages t, Instant lastReport) {
    return lastReport == null
        ? t.get("maritime.sighting.notchecked.never")
        : t.get("maritime.sighting.notchecked", t.time(lastReport));
  }

  private void portCalls(Context ctx) {
    int limit = Web.intParam(ctx, "limit", 100, 1, 1000);
    service.sync();
    var t = Web.messages(ctx);
    List<Map<String, Object>> out = new ArrayList<>();
    for (MaritimeRecords.StoredPortCall c : service.records().portCalls(null, limit)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("movementId", c.movementId());
      m.put("mmsi", c.mmsi());
      m.put("locode", c.locode());
      m.put("portName", c.portName());
      m.put("direction", c.direction());
      m.put("time", c.time().toString());
      m.put("timeLocal", t.time(c.time()));
      out.add(m);
    }
    ctx.json(out);
  }

  private void portAreas(Context ctx) {
    List<Map<String, Object>> features = new ArrayList<>();
    for (PortArea p : ports.ports()) {
      double[][] ring = ports.outline(p.locode()).orElse(new double[0][]);
      features.add(
          Map.of(
              "type",
              "Feature",
              "properties",
              Map.of("locode", p.locode(), "name", p.name(), "kind", p.kind()),
              "geometry",
              // a Polygon is a list of rings, each a list of [lon, lat]: List.of(ring) would take
              // the double[][] as varargs and flatten it to a list of points
              Map.of("type", "Polygon", "coordinates", List.<Object>of((Object) ring))));
    }
    ctx.json(Map.of("type", "FeatureCollection", "features", features));
  }

  /**
   * The request's JSON object, refused (400 {@code unknown-field}, naming the field, the fields the
   * route takes and the one it likely meant) when it holds a field other than {@code fields}: a
   * misspelt {@code sizeM} would otherwise be stored as unknown and the request answered 201.
   */
  private Body body(Context ctx, String... fields) {
    JsonNode n = body(ctx);
    List<String> taken = List.of(fields);
    for (var it = n.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!taken.contains(name)) {
        // a long junk name is cut: the answer echoes what was sent
        String given = name.length() > 64 ? name.substring(0, 64) + "…" : name;
        var t = Web.messages(ctx);
        String all = String.join(", ", taken);
        throw HttpProblem.of(
            "unknown-field",
            given,
            org.sekisho.core.Spelling.nearest(name, taken, 2)
                .map(m -> t.get("maritime.api.unknownField.meant", all, given, m))
                .orElseGet(() -> t.get("maritime.api.unknownField", all, given)));
      }
    }
    return new Body(n, Web.messages(ctx));
  }

  /** A request's JSON object with the reader's messages, in which its refusals are worded. */
  private record Body(JsonNode node, org.sekisho.platform.i18n.Messages t) {
    JsonNode get(String field) {
      return node.get(field);
    }
  }

  private JsonNode body(Context ctx) {
    try {
      JsonNode n = json.readTree(ctx.body());
      if (n == null || !n.isObject()) {
        throw HttpProblem.of(
            "invalid-json", "body", Web.messages(ctx).get("maritime.api.notAnObject"));
      }
      return n;
    } catch (IOException e) {
      throw HttpProblem.of(
          "invalid-json", "body", Web.messages(ctx).get("maritime.api.notJson", e.getMessage()));
    }
  }

  private static String text(Body b, String field, boolean required) {
    JsonNode n = b.get(field);
    if (n == null || n.isNull() || n.asText().isBlank()) {
      if (required) {
        throw HttpProblem.of("missing-field", field, b.t().get("maritime.api.required.text"));
      }
      return null;
    }
    return n.asText().strip();
  }

  /** An optional {@code true} or {@code false}; false when left out. */
  private static boolean flag(Body b, String field) {
    JsonNode n = b.get(field);
    if (n == null || n.isNull()) {
      return false;
    }
    if (!n.isBoolean()) {
      throw HttpProblem.of("invalid-field", field, b.t().get("maritime.api.flag"));
    }
    return n.asBoolean();
  }

  /** {@code min to max} as people write them: 0 to 80, -90 to 90, 0.5 to 100 (0～80 in Japanese). */
  static String range(org.sekisho.platform.i18n.Messages t, double min, double max) {
    return t.get("maritime.api.range", plain(min), plain(max));
  }

  private static String plain(double d) {
    return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  private static double number(Body b, String field, double min, double max, boolean required) {
    JsonNode n = b.get(field);
    if (n == null || n.isNull()) {
      if (required) {
        // the expected form, so that a form or client left without it knows what to send
        throw HttpProblem.of(
            "missing-field",
            field,
            b.t().get("maritime.api.required.number", range(b.t(), min, max)));
      }
      return Double.NaN;
    }
    if (!n.isNumber() || n.asDouble() < min || n.asDouble() > max) {
      throw HttpProblem.of(
          "invalid-field", field, b.t().get("maritime.api.number", range(b.t(), min, max)));
    }
    return n.asDouble();
  }

  /**
   * A time as an ISO-8601 instant ({@code 2026-11-28T02:50:00Z}, or with an offset), or as a local
   * date and time in the administration's zone ({@code 2026-11-28 11:50} or {@code
   * 2026-11-28T11:50}), as people on the map enter it.
   */
  static Instant time(org.sekisho.platform.i18n.Messages t, String raw, String field) {
    java.time.ZoneId zone = t.zone();
    try {
      return java.time.OffsetDateTime.parse(raw).toInstant();
    } catch (DateTimeParseException e) {
      // not an instant: try a local time below
    }
    try {
      return java.time.LocalDateTime.parse(raw.replace(' ', 'T')).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw HttpProblem.of("invalid-field", field, t.get("maritime.api.time", zone.getId(), raw));
    }
  }

  private static Instant time(Context ctx, Body b, String field) {
    return time(b.t(), text(b, field, true), field);
  }

  /** Optional text of at most {@code max} characters. */
  private static String limited(Body b, String field, int max) {
    String v = text(b, field, false);
    if (v != null && v.length() > max) {
      throw HttpProblem.of(
          "invalid-field",
          field,
          b.t().get("maritime.api.tooLong", String.valueOf(max), String.valueOf(v.length())));
    }
    return v;
  }

  private static String required(Body b, String field, int max) {
    text(b, field, true);
    return limited(b, field, max);
  }

  /**
   * A refusal from the service as the reader gets it: in their language where this module has words
   * for it ({@code maritime.problem.*}), otherwise its English text; either way with its times in
   * the administration's zone, as the forms take them ({@code 2026-11-28 23:36 JST}), never as UTC
   * instants an officer who typed local time would have to convert.
   *
   * @param given the time the request gave, named by time problems
   */
  private HttpProblem refusal(Context ctx, Outcome.Rejected<?> rej, Instant given) {
    var t = Web.messages(ctx);
    var p = rej.problems().get(0);
    String message =
        switch (p.code()) {
          case "future-time" ->
              t.get(
                  "maritime.problem.future-time",
                  String.valueOf(ReportedTime.SKEW.toMinutes()),
                  t.time(service.now().plus(ReportedTime.SKEW)),
                  t.time(given));
          case "implausible-time" ->
              t.get(
                  "maritime.problem.implausible-time",
                  t.time(ReportedTime.EARLIEST),
                  t.time(given));
          case "unknown-patrol" ->
              t.get("maritime.problem.unknown-patrol." + p.key(), p.args().toArray());
          // a refusal the domain words by key (a sighting's place): in the reader's language
          default -> {
            String key = "maritime.problem." + p.code() + "." + p.key();
            String worded = p.key().isEmpty() ? key : t.get(key, p.args().toArray());
            yield worded.equals(key) ? localTimes(p.message(), t.zone()) : worded;
          }
        };
    return HttpProblem.of(p.code(), p.field(), message);
  }

  private static final java.util.regex.Pattern INSTANT =
      java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");

  /** {@code text} with every UTC instant in it written in {@code zone} ("2026-11-28 23:36 JST"). */
  static String localTimes(String text, java.time.ZoneId zone) {
    return INSTANT
        .matcher(text)
        .replaceAll(
            m -> {
              try {
                return java.util.regex.Matcher.quoteReplacement(
                    ZONED.format(Instant.parse(m.group()).atZone(zone)));
              } catch (DateTimeParseException e) {
                return java.util.regex.Matcher.quoteReplacement(m.group());
              }
            });
  }

  private void saveSite(Context ctx) {
    Body b = body(ctx, "id", "name", "lat", "lon", "bearingDeg", "fovDeg", "rangeNm");
    String id = text(b, "id", true);
    if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
      throw HttpProblem.of("invalid-field", "id", b.t().get("maritime.api.siteId"));
    }
    CameraSite s =
        new CameraSite(
            id,
            required(b, "name", MAX_TEXT),
            number(b, "lat", -90, 90, true),
            number(b, "lon", -180, 180, true),
            number(b, "bearingDeg", 0, 360, true),
            positive(b, "fovDeg", 360),
            positive(b, "rangeNm", 100));
    // a camera on a headland overlooks the sea; one farther inland than it can see watches none
    double inlandNm = GeoJsonLand.shared().depth(s.lat(), s.lon()) * 60;
    if (inlandNm > s.rangeNm()) {
      throw HttpProblem.of(
          "invalid-field",
          "lat",
          String.format(
              java.util.Locale.ROOT,
              "lat %s, lon %s is %.1f nm inside the map's land, farther than the camera's range of"
                  + " %s nm from any sea: expected a site that overlooks the sea; check lat and"
                  + " lon",
              s.lat(),
              s.lon(),
              inlandNm,
              s.rangeNm()));
    }
    service.records().saveSite(s);
    Web.audit(
        ctx,
        "maritime.site.save",
        "camera-site:" + id,
        Map.of(
            "name", s.name(),
            "position", s.lat() + "," + s.lon(),
            "view", s.bearingDeg() + "/" + s.fovDeg() + "/" + s.rangeNm()));
    ctx.status(201).json(s);
  }

  private void sighting(Context ctx) {
    Body b =
        body(ctx, "siteId", "time", "lat", "lon", "bearingDeg", "sizeM", "vesselType", "imageRef");
    Sighting s =
        new Sighting(
            required(b, "siteId", 64),
            time(ctx, b, "time"),
            number(b, "lat", -90, 90, false),
            number(b, "lon", -180, 180, false),
            number(b, "bearingDeg", 0, 360, false),
            number(b, "sizeM", 0, 500, false),
            limited(b, "vesselType", MAX_TEXT),
            limited(b, "imageRef", 500));
    if (Double.isNaN(s.lat()) != Double.isNaN(s.lon())) {
      throw HttpProblem.of(
          "invalid-field",
          Double.isNaN(s.lat()) ? "lat" : "lon",
          b.t().get("maritime.api.latLonPair"));
    }
    if (!Double.isNaN(s.lat())) {
      // a vessel is seen at sea: inland is a mistyped position, and would raise a dark-vessel
      // alert with boats sent across the land
      atSea(b.t(), s.lat(), s.lon(), b.t().get("maritime.api.atSea.sighting"));
    }
    Outcome<MaritimeService.SightingResult> r = service.sighting(s);
    switch (r) {
      case Outcome.Rejected<MaritimeService.SightingResult> rej ->
          throw refusal(ctx, rej, s.time());
      case Outcome.Accepted<MaritimeService.SightingResult> ok -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", ok.value().id());
        DarkVesselCheck.Result res = ok.value().result();
        m.put("dark", res instanceof DarkVesselCheck.Dark);
        m.put("checked", !(res instanceof DarkVesselCheck.NotChecked));
        if (res instanceof DarkVesselCheck.NotChecked n) {
          var t = Web.messages(ctx);
          m.put("aisLastReport", n.lastReport() == null ? null : n.lastReport().toString());
          m.put("notChecked", notChecked(t, n.lastReport()));
        }
        m.put("lat", res.lat());
        m.put("lon", res.lon());
        if (res instanceof DarkVesselCheck.Explained e) {
          m.put("matchedMmsi", e.nearest().mmsi());
          m.put("distanceNm", e.distanceNm());
        }
        Map<String, String> audit = new LinkedHashMap<>();
        audit.put("site", s.siteId());
        audit.put("time", s.time().toString());
        audit.put("position", res.lat() + "," + res.lon());
        audit.put(
            "result",
            switch (res) {
              case DarkVesselCheck.Dark d -> "dark";
              case DarkVesselCheck.Explained e -> "explained";
              case DarkVesselCheck.NotChecked n -> "not-checked";
            });
        if (!Double.isNaN(s.bearingDeg())) {
          audit.put("bearingDeg", String.valueOf(s.bearingDeg()));
        }
        if (!Double.isNaN(s.sizeM())) {
          audit.put("sizeM", String.valueOf(s.sizeM()));
        }
        if (s.vesselType() != null) {
          audit.put("vesselType", s.vesselType());
        }
        if (res instanceof DarkVesselCheck.Explained e) {
          audit.put("matchedMmsi", String.valueOf(e.nearest().mmsi()));
        }
        if (s.imageRef() != null) {
          audit.put("imageRef", s.imageRef());
        }
        Web.audit(ctx, "maritime.sighting", "sighting:" + ok.value().id(), audit);
        ctx.status(201).json(m);
      }
    }
  }

  /**
   * A patrol boat's position. {@code time} may be left out: the position is then as of now (the
   * server's clock), as a crew reporting where it is means; {@code maxSpeedKnots} is the speed the
   * boat can make to respond (kept from earlier reports when left out).
   */
  private void patrol(Context ctx) {
    Body b = body(ctx, "id", "name", "time", "lat", "lon", "speedKnots", "maxSpeedKnots", "new");
    boolean registers = flag(b, "new");
    String id = required(b, "id", 64);
    String name = required(b, "name", MAX_TEXT);
    Instant time = text(b, "time", false) == null ? service.now() : time(ctx, b, "time");
    PatrolBoat p =
        new PatrolBoat(
            id,
            name,
            time,
            number(b, "lat", -90, 90, true),
            number(b, "lon", -180, 180, true),
            number(b, "speedKnots", 0, 80, true),
            number(b, "maxSpeedKnots", 0, 80, false));
    if (p.maxSpeedKnots() == 0) {
      // the speed it can make to respond: a boat that can make none would never be offered
      throw HttpProblem.of("invalid-field", "maxSpeedKnots", b.t().get("maritime.api.maxSpeed"));
    }
    // a boat is at sea: inland is a mistyped position, and would be offered with an ETA over land
    atSea(b.t(), p.lat(), p.lon(), b.t().get("maritime.api.atSea.boat"));
    switch (service.reportPatrol(p, registers)) {
      case Outcome.Rejected<PatrolBoat> rej
          when rej.problems().get(0).code().equals("conflict")
              && rej.problems().get(0).field().equals("id") -> {
        var t = Web.messages(ctx);
        throw HttpProblem.of(
            "conflict",
            "id",
            t.get("maritime.problem.patrol-registered", rej.problems().get(0).args().toArray()));
      }
      case Outcome.Rejected<PatrolBoat> rej
          when rej.problems().get(0).code().equals("conflict") -> {
        var t = Web.messages(ctx);
        Instant last =
            service.records().patrols().stream()
                .filter(boat -> boat.id().equals(p.id()))
                .map(PatrolBoat::time)
                .findFirst()
                .orElse(p.time());
        throw HttpProblem.of(
            "conflict",
            "time",
            t.get("maritime.problem.patrol-older", p.id(), t.time(last), t.time(p.time())));
      }
      case Outcome.Rejected<PatrolBoat> rej -> throw refusal(ctx, rej, p.time());
      case Outcome.Accepted<PatrolBoat> ok -> {
        PatrolBoat stored = ok.value();
        Web.audit(
            ctx,
            "maritime.patrol.report",
            "patrol-boat:" + stored.id(),
            Map.of(
                "time",
                stored.time().toString(),
                "position",
                stored.lat() + "," + stored.lon(),
                "speedKnots",
                String.valueOf(stored.speedKnots()),
                "maxSpeedKnots",
                Double.isNaN(stored.maxSpeedKnots())
                    ? "unknown"
                    : String.valueOf(stored.maxSpeedKnots()),
                // whether the report was sent as the registration of a new boat
                "new",
                String.valueOf(registers)));
        ctx.status(201).json(patrolJson(Web.messages(ctx), stored));
      }
    }
  }

  /**
   * Stands a boat down: one reported by mistake (a mistyped id makes a new boat), laid up or off
   * duty is no longer offered on alerts. Who, when and why are kept with it and audited; a later
   * position report puts it back on duty. 404 when no boat on duty has the id.
   */
  private void standDown(Context ctx) {
    String id = ctx.pathParam("id");
    Body b = body(ctx, "reason");
    String reason = required(b, "reason", 500);
    PatrolBoat boat =
        service.records().patrols().stream()
            .filter(x -> x.id().equals(id))
            .findFirst()
            .orElseThrow(() -> notFound(ctx, "patrol", id));
    Principal p = Web.principal(ctx);
    Instant now = service.now();
    if (!service.records().standDownPatrol(id, p.username(), now, reason)) {
      // stood down by someone else meanwhile
      throw notFound(ctx, "patrol", id);
    }
    Web.audit(
        ctx,
        "maritime.patrol.stand-down",
        "patrol-boat:" + id,
        Map.of(
            "name",
            boat.name(),
            "reason",
            reason,
            "lastReport",
            boat.time().toString(),
            "position",
            boat.lat() + "," + boat.lon()));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("name", boat.name());
    m.put("stoodDownBy", p.username());
    m.put("stoodDownAt", now.toString());
    m.put("stoodDownAtLocal", Web.messages(ctx).time(now));
    m.put("reason", reason);
    ctx.json(m);
  }

  /**
   * Refuses a position more than a nautical mile inside the map's land, where {@code expected} is
   * what the position should have been.
   */
  private static void atSea(
      org.sekisho.platform.i18n.Messages t, double lat, double lon, String expected) {
    if (GeoJsonLand.shared().onLand(lat, lon)) {
      throw HttpProblem.of(
          "invalid-field",
          "lat",
          t.get("maritime.api.onLand", String.valueOf(lat), String.valueOf(lon), expected));
    }
  }

  /** Where and when a boat meets a vessel under way, leaving at {@code departs}. */
  private static Map<String, Object> meeting(
      org.sekisho.platform.i18n.Messages t, Intercept i, Instant departs) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("lat", round4(i.lat()));
    m.put("lon", round4(i.lon()));
    m.put("distanceNm", Math.round(i.passage().distanceNm() * 10) / 10.0);
    m.put("etaMinutes", i.eta().toMinutes());
    m.put("eta", AlertText.duration(t, i.eta()));
    Instant at = departs.plus(i.eta());
    m.put("at", at.toString());
    m.put("atLocal", t.time(at));
    m.put("route", points(i.passage()));
    return m;
  }

  /** A passage's points as {@code [lat, lon]} pairs, to four decimals (about 10 m). */
  private static List<double[]> points(Passage p) {
    List<double[]> out = new ArrayList<>();
    for (Passage.Waypoint w : p.waypoints()) {
      out.add(new double[] {round4(w.lat()), round4(w.lon())});
    }
    return out;
  }

  /** How a boat's passage was reckoned, as the API names it. */
  private static String basis(Passage.Basis basis) {
    return switch (basis) {
      case SEA -> "sea";
      case STRAIGHT_LINE -> "straight-line";
      case NO_SEA_ROUTE -> "no-sea-route";
    };
  }

  private static double round4(double degrees) {
    return Math.round(degrees * 10_000) / 10_000.0;
  }

  private static double positive(Body b, String field, double max) {
    double v = number(b, field, 0, max, true);
    if (v <= 0) {
      throw HttpProblem.of(
          "invalid-field", field, b.t().get("maritime.api.positive", String.valueOf(max)));
    }
    return v;
  }

  private void feed(Context ctx) throws IOException {
    byte[] body = ctx.bodyAsBytes();
    if (body.length == 0) {
      throw HttpProblem.of("empty-feed", "body", "expected NMEA sentences, one per line");
    }
    Principal p = Web.principal(ctx);
    var origin = new ConveyanceMovements.Origin.User(p.username(), p.agency());
    DecodeAisStream.Summary s = service.ingest(new ByteArrayInputStream(body), origin, "upload");
    service.endOfInput(origin);
    Web.audit(
        ctx,
        "maritime.feed.upload",
        "feed",
        Map.of(
            "lines", String.valueOf(s.lines()),
            "messages", String.valueOf(s.messages()),
            "broken", String.valueOf(s.broken())));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("lines", s.lines());
    m.put("messages", s.messages());
    m.put("broken", s.brokenByCode());
    m.put("skipped", s.skipped());
    List<Map<String, Object>> examples = new ArrayList<>();
    for (DecodeAisStream.Broken b : s.examples()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("line", b.line());
      e.put("code", b.problem().code());
      e.put("field", b.problem().field());
      e.put("message", b.problem().message());
      examples.add(e);
    }
    m.put("examples", examples);
    ctx.json(m);
  }
}
