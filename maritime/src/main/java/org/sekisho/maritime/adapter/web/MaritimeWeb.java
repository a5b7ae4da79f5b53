package org.sekisho.maritime.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
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
import org.sekisho.maritime.adapter.geo.GeoJsonPortAreas;
import org.sekisho.maritime.application.DecodeAisStream;
import org.sekisho.maritime.application.MaritimeRecords;
import org.sekisho.maritime.application.MaritimeService;
import org.sekisho.maritime.domain.patrol.CameraSite;
import org.sekisho.maritime.domain.patrol.DarkVesselCheck;
import org.sekisho.maritime.domain.patrol.PatrolBoat;
import org.sekisho.maritime.domain.patrol.PatrolTasking;
import org.sekisho.maritime.domain.patrol.Sighting;
import org.sekisho.maritime.domain.port.PortArea;
import org.sekisho.maritime.domain.vessel.VesselSnapshot;
import org.sekisho.platform.auth.Access;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.web.HttpProblem;
import org.sekisho.platform.web.Routes;
import org.sekisho.platform.web.Web;
import org.sekisho.platform.web.WebModule;

/**
 * The maritime picture: map page, vessel pages and the JSON API under {@code /api/maritime}.
 * Officers, analysts, investigators and partners (coast guard) read; administrators manage camera
 * sites; officers, partners and administrators post sightings, patrol positions and feed uploads.
 */
public final class MaritimeWeb implements WebModule {
  public static final Access READ =
      Access.anyOf(Role.OFFICER, Role.ANALYST, Role.INVESTIGATOR, Role.PARTNER);
  public static final Access MANAGE_SITES = Access.anyOf(Role.ADMIN);
  public static final Access REPORT = Access.anyOf(Role.OFFICER, Role.PARTNER, Role.ADMIN);

  private final MaritimeService service;
  private final GeoJsonPortAreas ports;
  private final ObjectMapper json = new ObjectMapper();
  private final TemplateEngine templates =
      TemplateEngine.createPrecompiled(
          null,
          ContentType.Html,
          MaritimeWeb.class.getClassLoader(),
          "org.sekisho.maritime.adapter.web.jte");

  public MaritimeWeb(MaritimeService service, GeoJsonPortAreas ports) {
    this.service = service;
    this.ports = ports;
  }

  @Override
  public void routes(Routes r) {
    r.get("/maritime", READ, "maritime map", this::mapPage)
        .get("/maritime/vessels/{mmsi}", READ, "vessel page", this::vesselPage)
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
        .get("/api/maritime/vessels", READ, "live vessels", this::vessels)
        .get("/api/maritime/vessels/{mmsi}", READ, "one vessel", this::vessel)
        .get("/api/maritime/vessels/{mmsi}/track", READ, "a vessel's track", this::track)
        .get(
            "/api/maritime/alerts",
            READ,
            "alerts, most urgent first, with nearest boats",
            this::alerts)
        .get("/api/maritime/port-calls", READ, "port calls", this::portCalls)
        .get("/api/maritime/ports", READ, "port areas (GeoJSON)", this::portAreas)
        .get(
            "/api/maritime/sites", READ, "camera sites", ctx -> ctx.json(service.records().sites()))
        .post("/api/maritime/sites", MANAGE_SITES, "add or change a camera site", this::saveSite)
        .post(
            "/api/maritime/sightings",
            REPORT,
            "a camera sighting (dark-vessel check)",
            this::sighting)
        .get("/api/maritime/sightings", READ, "camera sightings, newest first", this::sightings)
        .get(
            "/api/maritime/patrols",
            READ,
            "patrol boats",
            ctx -> ctx.json(service.records().patrols()))
        .post("/api/maritime/patrols", REPORT, "a patrol boat's position", this::patrol)
        .post(
            "/api/maritime/feed",
            REPORT,
            "upload NMEA text into the tracker (replay)",
            Routes.Body.ROWS,
            this::feed);
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
    p.put("kinds", KINDS);
    Web.page(ctx, Web.messages(ctx).get("maritime.title"), render("map.jte", p));
  }

  private void vesselPage(Context ctx) {
    int mmsi = mmsi(ctx);
    VesselSnapshot v =
        service.records().vessel(mmsi).orElseThrow(() -> HttpProblem.notFound("vessel " + mmsi));
    Web.audit(ctx, "maritime.vessel.read", "vessel:" + mmsi, Map.of());
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("t", Web.messages(ctx));
    p.put("v", v);
    p.put("calls", service.records().portCalls(mmsi, 50));
    p.put("links", intelLinks(ctx, v));
    p.put(
        "alerts",
        service.records().alerts(Instant.EPOCH, 1000).stream()
            .filter(
                a ->
                    Integer.valueOf(mmsi).equals(a.mmsi())
                        || Integer.valueOf(mmsi).equals(a.otherMmsi()))
            .limit(50)
            .toList());
    Web.page(
        ctx,
        Web.messages(ctx).get("maritime.vessel.title", v.name() == null ? mmsi : v.name()),
        render("vessel.jte", p));
  }

  /** A link into the intelligence database's search page. */
  public record IntelLink(String id, String label, String href) {}

  /**
   * Links into the intelligence search (by URL only: this context never reads intel's tables): by
   * IMO (the identifier port calls carry into conveyance movements), name, call sign and MMSI.
   */
  static List<IntelLink> intelLinks(Context ctx, VesselSnapshot v) {
    var t = Web.messages(ctx);
    List<IntelLink> links = new ArrayList<>();
    if (v.imo() != 0) {
      links.add(new IntelLink("intel-link", "IMO " + v.imo(), search(String.valueOf(v.imo()))));
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
              search(v.callSign())));
    }
    links.add(
        new IntelLink(
            v.imo() == 0 ? "intel-link" : "intel-link-mmsi",
            t.get("maritime.intel.mmsi") + ": " + v.mmsi(),
            search(String.valueOf(v.mmsi()))));
    return links;
  }

  private static String search(String q) {
    return "/search?q=" + URLEncoder.encode(q.strip(), StandardCharsets.UTF_8);
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
    try {
      int m = Integer.parseInt(raw);
      if (m <= 0 || m > 999_999_999) {
        throw HttpProblem.of("invalid-mmsi", "mmsi", "expected 1 to 9 digits");
      }
      return m;
    } catch (NumberFormatException e) {
      throw HttpProblem.of("invalid-mmsi", "mmsi", "expected 1 to 9 digits, got '" + raw + "'");
    }
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

  private void vessels(Context ctx) {
    int hours = Web.intParam(ctx, "hours", 24 * 365 * 30, 1, 24 * 365 * 30);
    List<Map<String, Object>> out = new ArrayList<>();
    List<VesselSnapshot> live = service.liveVessels(null);
    Instant newest = Instant.EPOCH;
    for (VesselSnapshot v : live) {
      newest = v.lastSeen() != null && v.lastSeen().isAfter(newest) ? v.lastSeen() : newest;
    }
    Instant since = newest.minus(Duration.ofHours(hours));
    for (VesselSnapshot v : live) {
      if (v.lastSeen() != null && !v.lastSeen().isBefore(since)) {
        out.add(vesselJson(v));
      }
    }
    ctx.json(out);
  }

  private void vessel(Context ctx) {
    int mmsi = mmsi(ctx);
    VesselSnapshot v =
        service.records().vessel(mmsi).orElseThrow(() -> HttpProblem.notFound("vessel " + mmsi));
    Web.audit(ctx, "maritime.vessel.read", "vessel:" + mmsi, Map.of());
    Map<String, Object> m = vesselJson(v);
    m.put("portCalls", service.records().portCalls(mmsi, 100));
    ctx.json(m);
  }

  private void track(Context ctx) {
    int mmsi = mmsi(ctx);
    service.sync();
    Instant to = instantParam(ctx, "to", Instant.parse("9999-01-01T00:00:00Z"));
    Instant from = instantParam(ctx, "from", Instant.EPOCH);
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

  private static Instant instantParam(Context ctx, String name, Instant dflt) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return dflt;
    }
    try {
      return Instant.parse(raw.strip());
    } catch (DateTimeParseException e) {
      throw HttpProblem.of(
          "invalid-parameter", name, "expected an ISO-8601 instant like 2024-05-01T00:00:00Z");
    }
  }

  private void alerts(Context ctx) {
    int limit = Web.intParam(ctx, "limit", 100, 1, 1000);
    List<Map<String, Object>> out = new ArrayList<>();
    int rank = 0;
    for (MaritimeService.RankedAlert ra : service.rankedAlerts(Instant.EPOCH, limit)) {
      MaritimeRecords.Alert a = ra.alert();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rank", ++rank);
      m.put("id", a.id());
      m.put("kind", a.kind());
      m.put("time", a.time().toString());
      m.put("end", a.end() == null ? null : a.end().toString());
      m.put("lat", num(a.lat()));
      m.put("lon", num(a.lon()));
      m.put("mmsi", a.mmsi());
      m.put("otherMmsi", a.otherMmsi());
      m.put("summary", a.summary());
      m.put("score", ra.score());
      List<Map<String, Object>> boats = new ArrayList<>();
      for (PatrolTasking.Option o : ra.nearestBoats()) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("id", o.boat().id());
        b.put("name", o.boat().name());
        b.put("distanceNm", o.distanceNm());
        b.put("etaMinutes", o.eta() == null ? null : o.eta().toMinutes());
        boats.add(b);
      }
      m.put("nearestBoats", boats);
      out.add(m);
    }
    ctx.json(out);
  }

  private void sightings(Context ctx) {
    int limit = Web.intParam(ctx, "limit", 100, 1, 1000);
    List<Map<String, Object>> out = new ArrayList<>();
    for (MaritimeRecords.StoredSighting s : service.records().sightings(limit)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", s.id());
      m.put("siteId", s.siteId());
      m.put("time", s.time().toString());
      m.put("lat", s.lat());
      m.put("lon", s.lon());
      m.put("bearingDeg", num(s.bearingDeg()));
      m.put("sizeM", num(s.sizeM()));
      m.put("vesselType", s.vesselType());
      m.put("imageRef", s.imageRef());
      m.put("matchedMmsi", s.matchedMmsi());
      m.put("dark", s.dark());
      out.add(m);
    }
    ctx.json(out);
  }

  private void portCalls(Context ctx) {
    int limit = Web.intParam(ctx, "limit", 100, 1, 1000);
    service.sync();
    ctx.json(service.records().portCalls(null, limit));
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
              Map.of("type", "Polygon", "coordinates", List.of(ring))));
    }
    ctx.json(Map.of("type", "FeatureCollection", "features", features));
  }

  private JsonNode body(Context ctx) {
    try {
      JsonNode n = json.readTree(ctx.body());
      if (n == null || !n.isObject()) {
        throw HttpProblem.of("invalid-json", "body", "expected a JSON object");
      }
      return n;
    } catch (IOException e) {
      throw HttpProblem.of("invalid-json", "body", "not JSON: " + e.getMessage());
    }
  }

  private static String text(JsonNode b, String field, boolean required) {
    JsonNode n = b.get(field);
    if (n == null || n.isNull() || n.asText().isBlank()) {
      if (required) {
        throw HttpProblem.of("missing-field", field, "required");
      }
      return null;
    }
    return n.asText().strip();
  }

  private static double number(JsonNode b, String field, double min, double max, boolean required) {
    JsonNode n = b.get(field);
    if (n == null || n.isNull()) {
      if (required) {
        throw HttpProblem.of("missing-field", field, "required");
      }
      return Double.NaN;
    }
    if (!n.isNumber() || n.asDouble() < min || n.asDouble() > max) {
      throw HttpProblem.of("invalid-field", field, "expected a number from " + min + " to " + max);
    }
    return n.asDouble();
  }

  private static Instant time(JsonNode b, String field) {
    String raw = text(b, field, true);
    try {
      return Instant.parse(raw);
    } catch (DateTimeParseException e) {
      throw HttpProblem.of("invalid-field", field, "expected an ISO-8601 instant");
    }
  }

  private void saveSite(Context ctx) {
    JsonNode b = body(ctx);
    String id = text(b, "id", true);
    if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
      throw HttpProblem.of("invalid-field", "id", "letters, digits, '.', '_' or '-', at most 64");
    }
    CameraSite s =
        new CameraSite(
            id,
            text(b, "name", true),
            number(b, "lat", -90, 90, true),
            number(b, "lon", -180, 180, true),
            number(b, "bearingDeg", 0, 360, true),
            number(b, "fovDeg", 0, 360, true),
            number(b, "rangeNm", 0, 100, true));
    service.records().saveSite(s);
    Web.audit(ctx, "maritime.site.save", "camera-site:" + id, Map.of());
    ctx.status(201).json(s);
  }

  private void sighting(Context ctx) {
    JsonNode b = body(ctx);
    Sighting s =
        new Sighting(
            text(b, "siteId", true),
            time(b, "time"),
            number(b, "lat", -90, 90, false),
            number(b, "lon", -180, 180, false),
            number(b, "bearingDeg", 0, 360, false),
            number(b, "sizeM", 0, 500, false),
            text(b, "vesselType", false),
            text(b, "imageRef", false));
    Outcome<MaritimeService.SightingResult> r = service.sighting(s);
    switch (r) {
      case Outcome.Rejected<MaritimeService.SightingResult> rej -> {
        var p = rej.problems().get(0);
        throw HttpProblem.of(p.code(), p.field(), p.message());
      }
      case Outcome.Accepted<MaritimeService.SightingResult> ok -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", ok.value().id());
        DarkVesselCheck.Result res = ok.value().result();
        m.put("dark", res instanceof DarkVesselCheck.Dark);
        m.put("lat", res.lat());
        m.put("lon", res.lon());
        if (res instanceof DarkVesselCheck.Explained e) {
          m.put("matchedMmsi", e.nearest().mmsi());
          m.put("distanceNm", e.distanceNm());
        }
        Web.audit(ctx, "maritime.sighting", "sighting:" + ok.value().id(), Map.of());
        ctx.status(201).json(m);
      }
    }
  }

  private void patrol(Context ctx) {
    JsonNode b = body(ctx);
    PatrolBoat p =
        new PatrolBoat(
            text(b, "id", true),
            text(b, "name", true),
            time(b, "time"),
            number(b, "lat", -90, 90, true),
            number(b, "lon", -180, 180, true),
            number(b, "speedKnots", 0, 80, true));
    service.records().savePatrol(p);
    ctx.status(201).json(p);
  }

  private void feed(Context ctx) throws IOException {
    byte[] body = ctx.bodyAsBytes();
    if (body.length == 0) {
      throw HttpProblem.of("empty-feed", "body", "expected NMEA sentences, one per line");
    }
    DecodeAisStream.Summary s = service.ingest(new ByteArrayInputStream(body));
    service.endOfInput();
    Web.audit(
        ctx, "maritime.feed.upload", "feed", Map.of("messages", String.valueOf(s.messages())));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("lines", s.lines());
    m.put("messages", s.messages());
    m.put("broken", s.brokenByCode());
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
