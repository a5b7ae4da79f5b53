package org.sekisho.passenger.egate.adapter.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.passenger.egate.application.DeclarationQrService;
import org.sekisho.passenger.egate.application.KioskCheckIn;
import org.sekisho.passenger.egate.application.QrImages;
import org.sekisho.passenger.egate.application.ReferralDesk;
import org.sekisho.passenger.egate.domain.chip.ChipFiles;
import org.sekisho.passenger.egate.domain.declaration.CustomsDeclaration;
import org.sekisho.passenger.egate.domain.declaration.DeclarationForm;
import org.sekisho.passenger.egate.domain.declaration.SealedDeclaration;
import org.sekisho.passenger.egate.domain.kiosk.ImmigrationAnswers;
import org.sekisho.passenger.egate.domain.mrz.MrzParser;
import org.sekisho.passenger.egate.domain.referral.OutcomeRequest;
import org.sekisho.passenger.egate.domain.referral.RecordedOutcome;
import org.sekisho.passenger.egate.domain.referral.ReferralOutcome;
import org.sekisho.platform.auth.Access;
import org.sekisho.platform.auth.Principal;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.i18n.Messages;
import org.sekisho.platform.web.HttpProblem;
import org.sekisho.platform.web.ProblemAnswer;
import org.sekisho.platform.web.Routes;
import org.sekisho.platform.web.Web;
import org.sekisho.platform.web.WebModule;

/**
 * The e-Gate pages and API: the public declaration page (the traveller fills in Form C No. 5360 and
 * gets the signed QR) and the integrated kiosk (passport, QR, face, result), which kiosk devices
 * reach with a device account holding the kiosk role; and the officers' side of the gate's
 * referrals (the referrals page, the arrivals API and the outcome each referral ends with).
 */
public final class EgateWeb implements WebModule {
  /**
   * Who may run the kiosk: kiosk devices, each with an account of its own holding the kiosk role
   * (and only that), so the audit log names the device and a kiosk's sign-in opens nothing else.
   */
  public static final Access KIOSK = Access.anyOf(Role.KIOSK);

  /**
   * Who reads the gate's referrals and records their outcomes: the officers and inspectors who
   * receive the travellers (never a kiosk device).
   */
  public static final Access REFERRALS = Access.anyOf(Role.OFFICER, Role.INSPECTOR);

  /** How long the kiosk's result stays on screen before it clears for the next traveller. */
  static final int KIOSK_CLEAR_SECONDS = 15;

  /**
   * How long the kiosk waits without a touch or key before it clears everything a traveller entered
   * and goes back to the start: someone who walks away at the QR step must not leave their passport
   * for the next person's QR. A minute leaves time to find the QR on a phone.
   */
  static final int KIOSK_IDLE_SECONDS = 60;

  /** Largest image accepted from a kiosk camera or upload. */
  static final int MAX_IMAGE_BYTES = 8 * 1024 * 1024;

  private final DeclarationQrService declarations;
  private final QrImages qrImages;
  private final KioskCheckIn kiosk;
  private final ReferralDesk desk;
  private final Clock clock;
  private final DeclarationThrottle throttle;
  private final TemplateEngine templates =
      TemplateEngine.createPrecompiled(
          null,
          ContentType.Html,
          EgateWeb.class.getClassLoader(),
          "org.sekisho.passenger.egate.adapter.web.jte");

  public EgateWeb(
      DeclarationQrService declarations,
      QrImages qrImages,
      KioskCheckIn kiosk,
      ReferralDesk desk,
      Clock clock) {
    this(declarations, qrImages, kiosk, desk, clock, DeclarationThrottle.Limits.DEFAULT);
  }

  /**
   * @param limits how many declarations the public page and API sign for one client address ({@link
   *     DeclarationThrottle})
   */
  public EgateWeb(
      DeclarationQrService declarations,
      QrImages qrImages,
      KioskCheckIn kiosk,
      ReferralDesk desk,
      Clock clock,
      DeclarationThrottle.Limits limits) {
    this.throttle = new DeclarationThrottle(clock, limits);
    this.desk = desk;
    this.declarations = declarations;
    this.qrImages = qrImages;
    this.kiosk = kiosk;
    this.clock = clock;
  }

  @Override
  public void routes(Routes r) {
    r.get("/declaration", Access.open(), "customs declaration form (Form C No. 5360)", this::form)
        .post("/declaration", Access.open(), "sign a declaration and show its QR", this::issue)
        .post(
            "/api/egate/declarations",
            Access.open(),
            "sign a declaration (JSON fields of the form) and answer the QR as PNG",
            this::issueApi)
        .query()
        .get("/kiosk", KIOSK, "integrated kiosk (passport, QR, face, result)", this::kioskPage)
        .get("/assets/egate/kiosk.js", Access.open(), "kiosk script", this::kioskScript)
        .get("/assets/egate/egate.css", Access.open(), "e-Gate styles", this::styles)
        .post(
            "/api/egate/qr",
            KIOSK,
            "read and verify the declaration QR in a camera frame (body: image)",
            this::readQr)
        .query()
        .post(
            "/api/egate/decisions",
            KIOSK,
            "decide for one traveller (MRZ, chip, QR, face, immigration items)",
            this::decide)
        .query()
        .get(
            "/api/egate/arrivals",
            REFERRALS,
            "the day's e-Gate referrals with their reasons (query: date=YYYY-MM-DD, default today)",
            this::referrals)
        .query("date")
        .get(
            "/api/egate/arrivals/{captureId}",
            REFERRALS,
            "one e-Gate customs arrival record by the capture id the kiosk showed, with its"
                + " outcomes and version",
            this::arrival)
        .query()
        .post(
            "/api/egate/arrivals/{captureId}/outcome",
            REFERRALS,
            "record a referral's outcome: {\"outcome\": \"released\"|\"duty-paid\"|"
                + "\"examination\"|\"seizure\", \"comment\", \"version\"} (a second one corrects;"
                + " 409 when someone recorded one since that version)",
            this::outcomeApi)
        .query()
        .get(
            "/egate/referrals",
            REFERRALS,
            "the day's e-Gate referrals, newest first, and a look-up by capture id (query: date,"
                + " capture)",
            this::referralsPage)
        .post(
            "/egate/referrals/{captureId}/outcome",
            REFERRALS,
            "record or correct a referral's outcome (form: outcome, comment, version)",
            this::outcomeForm);
  }

  private void referrals(Context ctx) {
    ZoneId zone = Web.messages(ctx).zone();
    LocalDate day = day(ctx.queryParam("date"), zone);
    if (day == null) {
      throw HttpProblem.of("invalid-parameter", "date", Web.messages(ctx).get("egate.api.date"));
    }
    List<ReferralDesk.Arrival> rows = desk.referredOn(day, zone, officer(ctx));
    auditListed(ctx, day, rows);
    List<Map<String, Object>> out = new ArrayList<>();
    for (ReferralDesk.Arrival a : rows) {
      Map<String, Object> m = recordJson(a, Web.messages(ctx));
      m.put("reasons", reasonsJson(a, Web.messages(ctx)));
      m.put("version", a.latest().map(RecordedOutcome::version).orElse(0));
      m.put("outcome", a.latest().map(EgateWeb::outcomeJson).orElse(null));
      out.add(m);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("date", day.toString());
    body.put("zone", zone.getId());
    body.put("referrals", out);
    ctx.json(body);
  }

  private void arrival(Context ctx) {
    String id = captureId(ctx.pathParam("captureId"));
    if (id == null) {
      throw HttpProblem.of(
          "invalid-parameter", "captureId", Web.messages(ctx).get("egate.api.captureId"));
    }
    ReferralDesk.Arrival a = readable(ctx, found(ctx, id));
    auditRead(ctx, a);
    ctx.json(arrivalJson(a, Web.messages(ctx)));
  }

  /** The signed-in officer as the desk knows them: name, agency, office. */
  private static ReferralDesk.Officer officer(Context ctx) {
    Principal p = Web.principal(ctx);
    return new ReferralDesk.Officer(p.username(), p.agency(), p.office());
  }

  /** The arrival {@code id} names; 404, audited as a refused read, when no record has it. */
  private ReferralDesk.Arrival found(Context ctx, String id) {
    Optional<ReferralDesk.Arrival> a = desk.find(id);
    if (a.isEmpty()) {
      auditReadRefused(ctx, id, "not-found");
      throw new HttpProblem(
          worded(Web.messages(ctx), HttpProblem.notFound(id).problem().worded("capture", id)));
    }
    return a.get();
  }

  /**
   * {@code a} when the caller may read it ({@link ReferralDesk#reach}); 403 otherwise, audited as a
   * refused read.
   */
  private static ReferralDesk.Arrival readable(Context ctx, ReferralDesk.Arrival a) {
    ReferralDesk.Officer o = officer(ctx);
    if (ReferralDesk.reach(o, a.record()) == ReferralDesk.Reach.NONE) {
      auditReadRefused(ctx, a.captureId(), "forbidden");
      throw HttpProblem.of(
          "forbidden",
          "captureId",
          Web.messages(ctx)
              .get(
                  "egate.api.otherOffice",
                  a.record().getOrDefault("kiosk_office", ""),
                  o.office()));
    }
    return a;
  }

  /**
   * The record's fields as the API answers them: the codes as kept (reasons' names, outcomes,
   * dates, ids); {@code gate_referral_details}, kept as message keys and arguments, as each
   * reason's name and its detail worded in the reader's language, one a line, tab between, never a
   * key; and for a reader of another language than English the decision, the declaration's answers,
   * its signature, the family members, the screening hits and each referral's detail in {@code
   * gate_referrals} worded as the referrals page words them (English keeps the record's own text,
   * which clients may read).
   */
  static Map<String, Object> recordJson(ReferralDesk.Arrival a, Messages t) {
    Map<String, String> r = a.record();
    Map<String, Object> m = new LinkedHashMap<>(r);
    if (r.containsKey("gate_referral_details")) {
      m.put(
          "gate_referral_details",
          a.referrals().stream()
              .map(ref -> ref.reason().name() + "\t" + ReferralText.detail(t, ref))
              .collect(java.util.stream.Collectors.joining("\n")));
    }
    if (t.english()) {
      return m;
    }
    if (r.containsKey("gate_decision")) {
      m.put("gate_decision", ReferralText.decision(t, r.get("gate_decision")));
    }
    if (r.containsKey("declaration_answers")) {
      m.put("declaration_answers", ReferralText.answers(t, r.get("declaration_answers")));
    }
    if (r.containsKey("family_members")) {
      m.put("family_members", ReferralText.family(t, r.get("family_members")));
    }
    if (r.containsKey("declaration_signature")) {
      m.put("declaration_signature", ReferralText.signature(t, r.get("declaration_signature")));
    }
    if (r.containsKey("targeting_hits") && !r.get("targeting_hits").isBlank()) {
      m.put("targeting_hits", ReferralText.hits(t, a.referrals(), r.get("targeting_hits")));
    }
    if (r.containsKey("gate_referrals")) {
      m.put(
          "gate_referrals",
          a.referrals().stream()
              .map(ref -> ref.reason().name() + ": " + ReferralText.detail(t, ref))
              .collect(java.util.stream.Collectors.joining("; ")));
    }
    return m;
  }

  private static Map<String, Object> arrivalJson(ReferralDesk.Arrival a, Messages t) {
    Map<String, Object> m = recordJson(a, t);
    m.put("reasons", reasonsJson(a, t));
    m.put("version", a.version());
    m.put("outcomes", a.outcomes().stream().map(EgateWeb::outcomeJson).toList());
    return m;
  }

  /** Each reason with its text and detail in the reader's language ({@code lang}). */
  private static List<Map<String, String>> reasonsJson(ReferralDesk.Arrival a, Messages t) {
    List<Map<String, String>> out = new ArrayList<>();
    for (var ref : a.referrals()) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("reason", ref.reason().name());
      m.put("text", t.get("reason." + ref.reason().name()));
      m.put("detail", ReferralText.detail(t, ref));
      out.add(m);
    }
    return out;
  }

  private static Map<String, Object> outcomeJson(RecordedOutcome o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", o.version());
    m.put("outcome", o.outcome().code());
    m.put("comment", o.comment());
    m.put("officer", o.officer());
    m.put("agency", o.agency());
    m.put("recordedAt", o.recordedAt().toString());
    return m;
  }

  /** A day as YYYY-MM-DD, today in {@code zone} when blank; null when not a date. */
  private LocalDate day(String raw, ZoneId zone) {
    if (raw == null || raw.isBlank()) {
      return desk.today(zone);
    }
    try {
      return LocalDate.parse(raw.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The capture id as the kiosk showed it (a UUID, lower case), or null when it is not one. */
  static String captureId(String raw) {
    String id = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    return id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}") ? id : null;
  }

  private static void auditListed(Context ctx, LocalDate day, List<ReferralDesk.Arrival> rows) {
    auditListed(ctx, day, rows, "");
  }

  /**
   * A list shown, audited with the capture ids it showed and, when the reader looked one up and was
   * refused it, the capture id asked for ({@code asked}; nothing of a text that is no capture id,
   * which may be anything typed).
   */
  private static void auditListed(
      Context ctx, LocalDate day, List<ReferralDesk.Arrival> rows, String asked) {
    Map<String, String> details = listed(rows);
    String id = captureId(asked);
    if (id != null) {
      details.put("asked", id);
    }
    Web.audit(ctx, "egate.referrals.listed", "egate:referrals:" + day, details);
  }

  /**
   * A read of one arrival refused, by ids: who (the entry's actor and office), the capture id asked
   * for and why ({@code forbidden}: another office's traveller; {@code not-found}; {@code
   * invalid-parameter}: no capture id), as a refused outcome is.
   */
  private static void auditReadRefused(Context ctx, String id, String problem) {
    Web.audit(
        ctx,
        "egate.arrival.read.refused",
        "egate:capture:" + id,
        Map.of("capture", id, "problem", problem, "office", officer(ctx).office()));
  }

  /**
   * What a list of referrals showed, for the audit log: the capture id of every referral shown
   * (ids, never names or passport numbers), split over {@code captures}, {@code captures.2}, … so
   * that a busy day fits the log's limit on one detail, as a PNR flight read lists its travellers.
   */
  static Map<String, String> listed(List<ReferralDesk.Arrival> rows) {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("count", Integer.toString(rows.size()));
    StringBuilder part = new StringBuilder();
    int n = 1;
    for (ReferralDesk.Arrival a : rows) {
      if (part.length() + a.captureId().length() + 1 > 1900) {
        d.put(n == 1 ? "captures" : "captures." + n, part.toString());
        part.setLength(0);
        n++;
      }
      part.append(part.isEmpty() ? "" : ",").append(a.captureId());
    }
    d.put(n == 1 ? "captures" : "captures." + n, part.toString());
    return d;
  }

  private static void auditRead(Context ctx, ReferralDesk.Arrival a) {
    Map<String, String> row = a.record();
    Web.audit(
        ctx,
        "egate.arrival.read",
        "passport:"
            + row.getOrDefault("issuing_state", row.getOrDefault("nationality", ""))
            + ":"
            + row.getOrDefault("document_number", ""),
        Map.of("capture", a.captureId()));
  }

  /**
   * The outcome API's JSON body; {@code version} as sent (a JSON number is required: a string or a
   * fraction is refused, never read as a number).
   */
  public record OutcomeBody(
      String outcome, String comment, com.fasterxml.jackson.databind.JsonNode version) {}

  private void outcomeApi(Context ctx) {
    String id = captureId(ctx.pathParam("captureId"));
    if (id == null) {
      throw HttpProblem.of(
          "invalid-parameter", "captureId", Web.messages(ctx).get("egate.api.captureId"));
    }
    // who may not record is told so first, whatever the body holds (version included)
    ReferralDesk.Arrival arrival =
        switch (desk.recordable(id, officer(ctx))) {
          case Outcome.Rejected<ReferralDesk.Arrival> no -> {
            auditRefused(ctx, id, no.problems().get(0), "");
            throw outcomeProblem(ctx, no.problems().get(0));
          }
          case Outcome.Accepted<ReferralDesk.Arrival> yes -> yes.value();
        };
    OutcomeBody body = parse(ctx, OutcomeBody.class);
    var v = body.version();
    if (v == null || v.isNull() || v.isMissingNode()) {
      // as targeting's decisions: an outcome says which version it was taken on, or it could
      // silently undo one recorded meanwhile; the precondition is missing (428, RFC 6585), and the
      // answer gives the version now, to read the referral again with
      Problem missing =
          Problem.of(
              "precondition-required",
              "version",
              Web.messages(ctx).get("egate.api.version-required", id));
      auditRefused(ctx, id, missing, "");
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("error", missing.code());
      m.put("message", missing.message());
      m.put("field", missing.field());
      m.put("version", arrival.version());
      ctx.status(428);
      ctx.json(m);
      return;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
      Messages t = Web.messages(ctx);
      String got =
          v.isNumber()
              ? (v.asText().length() > 40 ? v.asText().substring(0, 40) + "…" : v.asText())
              : t.get(
                  switch (v.getNodeType()) {
                    case STRING -> "egate.api.type.string";
                    case BOOLEAN -> "egate.api.type.boolean";
                    case ARRAY -> "egate.api.type.list";
                    default -> "egate.api.type.object";
                  });
      Problem wrong = Problem.of("invalid-field", "version", t.get("egate.api.version-type", got));
      auditRefused(ctx, id, wrong, "");
      throw new HttpProblem(wrong);
    }
    OutcomeRequest request =
        switch (OutcomeRequest.read(body.outcome(), body.comment(), v.intValue())) {
          case Outcome.Accepted<OutcomeRequest> a -> a.value();
          case Outcome.Rejected<OutcomeRequest> r -> throw outcomeProblem(ctx, r.problems().get(0));
        };
    switch (record(ctx, id, request)) {
      case Outcome.Accepted<RecordedOutcome> a -> {
        ctx.status(201);
        ctx.json(outcomeJson(a.value()));
      }
      case Outcome.Rejected<RecordedOutcome> r -> throw outcomeProblem(ctx, r.problems().get(0));
    }
  }

  /** The bundle key of the words the outcome form uses for {@code problem}. */
  private static String outcomeKey(Problem problem) {
    return switch (problem.code()) {
      case "conflict" -> "referrals.error.conflict";
      case "not-referred" -> "referrals.error.notReferred";
      case "forbidden" -> "referrals.error.forbidden";
      default -> "referrals.error." + problem.field();
    };
  }

  /**
   * A field the outcome API refuses, in the reader's language (?lang=, Accept-Language): the form's
   * words for it, with the codes an outcome may take; code, field and status unchanged.
   */
  private static HttpProblem outcomeProblem(Context ctx, Problem problem) {
    if (!problem.code().equals("missing-field") && !problem.code().equals("invalid-field")) {
      // a conflict or a refusal names who, when and why in words of its own
      return new HttpProblem(worded(Web.messages(ctx), problem));
    }
    String key = outcomeKey(problem);
    String words = Web.messages(ctx).get(key);
    if (words.equals(key)) {
      return new HttpProblem(problem);
    }
    if (problem.field().equals("outcome")) {
      words += " (" + String.join(", ", ReferralOutcome.CODES) + ")";
    }
    return new HttpProblem(Problem.of(problem.code(), problem.field(), words));
  }

  /**
   * A refusal of the desk ({@code forbidden}, {@code conflict}, {@code not-found}, {@code
   * not-referred}) in the reader's language: English keeps the desk's message byte for byte (API
   * clients may match on it, times included, as ISO instants in UTC); another language words it
   * from {@code egate.api.<code>.<key>} with the refusal's values, an outcome by its label and a
   * time as people there read it ({@link Messages#time}). Code and field unchanged; the refusal as
   * it is when it has no wording or the bundle lacks it.
   */
  static Problem worded(Messages t, Problem p) {
    if (t.english() || p.key().isEmpty()) {
      return p;
    }
    String key = "egate.api." + p.code() + "." + p.key();
    Object[] args = p.args().toArray();
    if (key.equals("egate.api.conflict.latest") && args.length == 6) {
      args[3] = t.get("referrals.outcome." + args[3]);
      try {
        args[5] = t.time(java.time.Instant.parse((String) args[5]));
      } catch (DateTimeParseException e) {
        // kept as recorded
      }
    }
    String text = t.get(key, args);
    return text.equals(key) ? p : new Problem(p.code(), text, p.field(), p.key(), p.args());
  }

  /** Records through the desk and audits by ids only: no name, no comment text. */
  private Outcome<RecordedOutcome> record(Context ctx, String id, OutcomeRequest request) {
    Outcome<RecordedOutcome> o = desk.record(id, request, officer(ctx));
    switch (o) {
      case Outcome.Accepted<RecordedOutcome> a ->
          Web.audit(
              ctx,
              "egate.referral.outcome",
              "egate:capture:" + id,
              Map.of(
                  "outcome",
                  a.value().outcome().code(),
                  "version",
                  Integer.toString(a.value().version())));
      case Outcome.Rejected<RecordedOutcome> r ->
          auditRefused(ctx, id, r.problems().get(0), Integer.toString(request.expectedVersion()));
    }
    return o;
  }

  /** A refused outcome, by ids: the problem's code and the version sent (empty when unread). */
  private static void auditRefused(Context ctx, String id, Problem problem, String version) {
    Web.audit(
        ctx,
        "egate.referral.outcome.refused",
        "egate:capture:" + id,
        Map.of("problem", problem.code(), "version", version));
  }

  private void referralsPage(Context ctx) {
    Messages t = Web.messages(ctx);
    ZoneId zone = t.zone();
    String rawCapture = ctx.queryParam("capture");
    if (rawCapture != null && !rawCapture.isBlank()) {
      String id = captureId(rawCapture);
      if (id == null) {
        auditReadRefused(ctx, "", "invalid-parameter");
        showList(ctx, desk.today(zone), rawCapture, "referrals.lookup.invalid", 400);
        return;
      }
      Optional<ReferralDesk.Arrival> a = desk.find(id);
      if (a.isEmpty()) {
        auditReadRefused(ctx, id, "not-found");
        showList(ctx, desk.today(zone), id, "referrals.lookup.notFound", 404);
        return;
      }
      if (ReferralDesk.reach(officer(ctx), a.get().record()) == ReferralDesk.Reach.NONE) {
        auditReadRefused(ctx, id, "forbidden");
        showList(ctx, desk.today(zone), id, "referrals.lookup.otherOffice", 403);
        return;
      }
      auditRead(ctx, a.get());
      showArrival(ctx, a.get(), Map.of(), Map.of(), 200);
      return;
    }
    LocalDate day = day(ctx.queryParam("date"), zone);
    if (day == null) {
      ctx.status(400);
      Map<String, Object> p = pageParams(ctx);
      p.put("date", "");
      p.put("dateError", t.get("referrals.date.invalid"));
      p.put("list", List.of());
      Web.page(ctx, t.get("referrals.title"), render("egate-referrals.jte", p));
      return;
    }
    showList(ctx, day, "", "", 200);
  }

  private Map<String, Object> pageParams(Context ctx) {
    Messages t = Web.messages(ctx);
    Map<String, Object> p = new HashMap<>();
    p.put("t", t);
    p.put("csrf", Web.csrf(ctx));
    // "Japan Time" / 日本時間, as a reader names the zone (the id where the zone has no name)
    p.put("zone", t.zone().getDisplayName(java.time.format.TextStyle.FULL, t.locale()));
    p.put("capture", "");
    p.put("captureError", "");
    p.put("dateError", "");
    p.put("one", null);
    p.put("outcomes", ReferralOutcome.CODES);
    p.put("values", Map.of());
    p.put("errors", Map.of());
    p.put("mayRecord", "false");
    p.put("readOnly", "");
    return p;
  }

  private void showList(Context ctx, LocalDate day, String capture, String errorKey, int status) {
    Messages t = Web.messages(ctx);
    List<ReferralDesk.Arrival> rows = desk.referredOn(day, t.zone(), officer(ctx));
    auditListed(ctx, day, rows, capture);
    Map<String, Object> p = pageParams(ctx);
    p.put("date", day.toString());
    p.put("list", rows);
    p.put("capture", capture);
    p.put("captureError", errorKey.isEmpty() ? "" : t.get(errorKey));
    ctx.status(status);
    // Travellers' personal data: not kept in the browser's or a proxy's cache.
    ctx.header("Cache-Control", "no-store");
    Web.page(ctx, t.get("referrals.title"), render("egate-referrals.jte", p));
  }

  private void showArrival(
      Context ctx,
      ReferralDesk.Arrival a,
      Map<String, String> values,
      Map<String, String> errors,
      int status) {
    Messages t = Web.messages(ctx);
    Map<String, Object> p = pageParams(ctx);
    p.put("date", "");
    p.put("list", List.of());
    p.put("one", a);
    p.put("capture", a.captureId());
    p.put("values", values);
    p.put("errors", errors);
    ReferralDesk.Officer o = officer(ctx);
    boolean mayRecord = ReferralDesk.reach(o, a.record()) == ReferralDesk.Reach.RECORD;
    // strings: jte drops a boolean attribute's false value
    p.put("mayRecord", mayRecord ? "true" : "false");
    p.put(
        "readOnly",
        mayRecord
            ? ""
            : t.get(
                "referrals.readOnly",
                a.record().getOrDefault("kiosk_office", ""),
                o.office().isEmpty() ? "-" : o.office()));
    ctx.status(status);
    ctx.header("Cache-Control", "no-store");
    Web.page(ctx, t.get("referrals.title"), render("egate-referrals.jte", p));
  }

  private void outcomeForm(Context ctx) {
    Messages t = Web.messages(ctx);
    String id = captureId(ctx.pathParam("captureId"));
    if (id == null) {
      throw HttpProblem.of(
          "invalid-parameter", "captureId", Web.messages(ctx).get("egate.api.captureId"));
    }
    ReferralDesk.Arrival before = readable(ctx, found(ctx, id));
    Map<String, String> values = new LinkedHashMap<>();
    values.put("outcome", Optional.ofNullable(ctx.formParam("outcome")).orElse(""));
    values.put("comment", Optional.ofNullable(ctx.formParam("comment")).orElse(""));
    String rawVersion = Optional.ofNullable(ctx.formParam("version")).orElse("").strip();
    Integer version;
    try {
      version = rawVersion.isEmpty() ? null : Integer.valueOf(rawVersion);
    } catch (NumberFormatException e) {
      version = -1;
    }
    Outcome<RecordedOutcome> result;
    if (desk.recordable(id, officer(ctx)) instanceof Outcome.Rejected<ReferralDesk.Arrival> no) {
      // as the API: the office first, before the fields and the version
      auditRefused(ctx, id, no.problems().get(0), rawVersion);
      result = new Outcome.Rejected<>(no.problems());
    } else {
      result =
          switch (OutcomeRequest.read(values.get("outcome"), values.get("comment"), version)) {
            case Outcome.Rejected<OutcomeRequest> r -> new Outcome.Rejected<>(r.problems());
            case Outcome.Accepted<OutcomeRequest> a -> record(ctx, id, a.value());
          };
    }
    switch (result) {
      case Outcome.Accepted<RecordedOutcome> a ->
          ctx.redirect("/egate/referrals?capture=" + id, io.javalin.http.HttpStatus.SEE_OTHER);
      case Outcome.Rejected<RecordedOutcome> r -> {
        Map<String, String> errors = new LinkedHashMap<>();
        int status = 400;
        for (Problem problem : r.problems()) {
          String key = outcomeKey(problem);
          if (problem.code().equals("conflict")) {
            status = 409;
          } else if (problem.code().equals("forbidden")) {
            status = 403;
          } else if (problem.code().equals("missing-field")
              && problem.field().equals("version")
              && status == 400) {
            // the page always sends the version it showed: as the API, a missing precondition
            status = 428;
          }
          errors.putIfAbsent(problem.field(), t.get(key));
        }
        // After a conflict the page shows the outcome as it is now, with its version.
        ReferralDesk.Arrival now = desk.find(id).orElse(before);
        showArrival(ctx, now, values, errors, status);
      }
    }
  }

  private String render(String template, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    templates.render(template, params, out);
    return out.toString();
  }

  private void form(Context ctx) {
    showForm(ctx, Map.of(), Map.of(), null, null);
  }

  private void showForm(
      Context ctx,
      Map<String, String> values,
      Map<String, String> errors,
      String qrPng,
      String qrText) {
    showForm(ctx, values, errors, qrPng, qrText, "");
  }

  private void showForm(
      Context ctx,
      Map<String, String> values,
      Map<String, String> errors,
      String qrPng,
      String qrText,
      String notice) {
    Messages t = Web.messages(ctx);
    Map<String, Object> p = new HashMap<>();
    p.put("t", t);
    p.put("v", values);
    p.put("errors", errors);
    p.put("notice", notice);
    p.put("csrf", Web.csrf(ctx));
    // Only Base64 characters: the template writes this URL unescaped in the download link.
    if (qrPng != null && !qrPng.matches("[A-Za-z0-9+/=]*")) {
      throw new IllegalStateException("QR PNG is not Base64");
    }
    p.put("qrDataUrl", qrPng == null ? "" : "data:image/png;base64," + qrPng);
    p.put("qrText", qrText == null ? "" : qrText);
    // A traveller's passport, birth date, address and phone: never kept by the browser or a proxy,
    // so that the next person at a shared terminal cannot go back to them.
    ctx.header("Cache-Control", "no-store");
    Web.page(ctx, t.get("declaration.title"), render("declaration.jte", p));
  }

  private void issue(Context ctx) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String f : DeclarationForm.FIELDS) {
      String v = ctx.formParam(f);
      if (v != null) {
        values.put(f, v);
      }
    }
    switch (DeclarationForm.check(values, LocalDate.now(clock))) {
      case DeclarationForm.Reading.Refused r -> {
        // In the page's language, one per field (the first), shown in the list and beside it.
        Messages t = Web.messages(ctx);
        Map<String, String> errors = new LinkedHashMap<>();
        for (DeclarationForm.FieldError e : r.errors()) {
          errors.putIfAbsent(e.field(), t.get(e.mistake().key(), e.args().toArray()));
        }
        ctx.status(400);
        showForm(ctx, values, errors, null, null);
      }
      case DeclarationForm.Reading.Filled f -> {
        Optional<DeclarationThrottle.Refusal> refused = throttled(ctx);
        if (refused.isPresent()) {
          // what the traveller typed stays, to send again once the wait is over
          long seconds = DeclarationThrottle.seconds(refused.get().retryAfter());
          ctx.status(429);
          showForm(
              ctx,
              values,
              Map.of(),
              null,
              null,
              Web.messages(ctx).get("declaration.throttled", seconds));
          return;
        }
        String text = declarations.sealText(f.declaration());
        auditIssued(ctx, f.declaration());
        // the QR only: the form starts empty again, for the next traveller at a shared terminal
        showForm(
            ctx, Map.of(), Map.of(), Base64.getEncoder().encodeToString(qrImages.png(text)), text);
      }
    }
  }

  private void issueApi(Context ctx) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<?, ?> body = parse(ctx, Map.class);
    body.forEach((k, v) -> values.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
    switch (DeclarationForm.check(values, LocalDate.now(clock))) {
      case DeclarationForm.Reading.Refused r -> {
        // every field's problem at once, code and field as the domain names them: in English the
        // API's own words (what clients match on), in another language the form's
        Messages t = Web.messages(ctx);
        boolean english = t.english();
        ProblemAnswer.send(
            ctx,
            r.errors().stream()
                .map(
                    e ->
                        english
                            ? e.problem()
                            : Problem.of(
                                e.mistake().code(),
                                e.field(),
                                t.get(e.mistake().key(), e.args().toArray())))
                .toList());
      }
      case DeclarationForm.Reading.Filled f -> {
        Optional<DeclarationThrottle.Refusal> refused = throttled(ctx);
        if (refused.isPresent()) {
          long seconds = DeclarationThrottle.seconds(refused.get().retryAfter());
          ProblemAnswer.send(
              ctx,
              List.of(
                  Problem.of(
                      "too-many-attempts",
                      "declaration",
                      Web.messages(ctx).get("declaration.throttled", seconds))));
          return;
        }
        String text = declarations.sealText(f.declaration());
        auditIssued(ctx, f.declaration());
        ctx.contentType("image/png");
        ctx.result(qrImages.png(text));
      }
    }
  }

  /**
   * Counts a declaration about to be signed against the client's address; a refusal sets {@code
   * Retry-After}, and only the first of a run of refusals from an address is audited, so that
   * refusals cannot grow the log either.
   */
  private Optional<DeclarationThrottle.Refusal> throttled(Context ctx) {
    Optional<DeclarationThrottle.Refusal> r = throttle.take(ctx.ip());
    if (r.isPresent()) {
      long seconds = DeclarationThrottle.seconds(r.get().retryAfter());
      ctx.header("Retry-After", Long.toString(seconds));
      if (r.get().first()) {
        Web.audit(
            ctx,
            "egate.declaration.throttled",
            "address:" + DeclarationThrottle.key(ctx.ip()),
            Map.of(
                "burst",
                Integer.toString(throttle.limits().burst()),
                "everySeconds",
                Long.toString(throttle.limits().every().toSeconds()),
                "retryAfterSeconds",
                Long.toString(seconds)));
      }
    }
    return r;
  }

  private static void auditIssued(Context ctx, CustomsDeclaration d) {
    Web.audit(
        ctx,
        "egate.declaration.issued",
        "passport:" + d.nationality() + ":" + d.passportNumber(),
        Map.of("flight", d.flight(), "arrival", d.arrival().toString()));
  }

  /**
   * The kiosk is a traveller-facing screen, not a staff page: it is rendered as a page of its own,
   * without the staff navigation (search, intelligence), the signed-in account or sign-out.
   */
  private void kioskPage(Context ctx) {
    Messages t = Web.messages(ctx);
    ctx.header("Cache-Control", "no-store");
    ctx.html(
        render(
            "kiosk.jte",
            Map.of(
                "t",
                t,
                "csrf",
                Web.csrf(ctx),
                "clearAfterSeconds",
                KIOSK_CLEAR_SECONDS,
                "idleAfterSeconds",
                KIOSK_IDLE_SECONDS)));
  }

  private void kioskScript(Context ctx) {
    asset(ctx, "assets/egate/kiosk.js", "text/javascript; charset=utf-8");
  }

  private void styles(Context ctx) {
    asset(ctx, "assets/egate/egate.css", "text/css; charset=utf-8");
  }

  private static void asset(Context ctx, String path, String type) {
    try (InputStream in = EgateWeb.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw HttpProblem.notFound(path);
      }
      ctx.contentType(type);
      ctx.header("Cache-Control", "no-cache");
      ctx.result(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void readQr(Context ctx) {
    byte[] image = ctx.bodyAsBytes();
    Messages t = Web.messages(ctx);
    if (image.length == 0) {
      throw HttpProblem.of("missing-field", "image", t.get("egate.api.image"));
    }
    if (image.length > MAX_IMAGE_BYTES) {
      throw HttpProblem.of("too-large", "image", t.get("egate.api.tooLarge"));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    switch (qrImages.read(image)) {
      case Outcome.Rejected<String> r -> {
        out.put("found", false);
        out.put("problem", problem(t, r.problems().get(0)));
      }
      case Outcome.Accepted<String> a -> {
        out.put("found", true);
        out.put("text", a.value());
        Outcome<SealedDeclaration> v = declarations.readText(a.value());
        out.put("verified", v.isAccepted());
        // Decoding a traveller's declaration is a read of personal data: audited like any other.
        switch (v) {
          case Outcome.Accepted<SealedDeclaration> ok -> {
            CustomsDeclaration d = ok.value().declaration();
            Web.audit(
                ctx,
                "egate.declaration.read",
                "passport:" + d.nationality() + ":" + d.passportNumber(),
                Map.of("verified", "true", "key", ok.value().keyId()));
          }
          case Outcome.Rejected<SealedDeclaration> no -> {
            out.put("problem", problem(t, no.problems().get(0)));
            Web.audit(
                ctx,
                "egate.declaration.read",
                "qr:unverified",
                Map.of("verified", "false", "problem", no.problems().get(0).code()));
          }
        }
      }
    }
    java.util.Arrays.fill(image, (byte) 0);
    ctx.json(out);
  }

  /**
   * The kiosk's JSON request; images as Base64 (a {@code data:} URL prefix is allowed). {@code
   * requestId} (optional, 1-64 letters, digits, {@code .}, {@code _}, {@code :} or {@code -}) is
   * the kiosk's own id for the capture, sent again when it retries a request whose answer it lost:
   * the retry is the same capture (same capture id), never a second use of the declaration.
   */
  public record DecisionRequest(
      List<String> mrz,
      ChipDump chip,
      String qrText,
      String qrImage,
      String faceImage,
      Immigration immigration,
      String requestId) {}

  private static final java.util.regex.Pattern REQUEST_ID =
      java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  /** Chip files as read, Base64: EF.COM, data groups by number, EF.SOD. */
  public record ChipDump(String com, Map<String, String> dataGroups, String sod) {}

  public record Immigration(
      String purposeOfVisit,
      Integer intendedStayDays,
      Boolean deportationOrRefusalHistory,
      Boolean criminalConviction,
      Boolean carryingProhibitedItems) {}

  private void decide(Context ctx) {
    DecisionRequest req = parse(ctx, DecisionRequest.class);
    Messages t = Web.messages(ctx);
    if (req.mrz() == null || req.mrz().isEmpty()) {
      throw HttpProblem.of("missing-field", "mrz", t.get("egate.api.mrz"));
    }
    for (int i = 0; i < req.mrz().size() && i < 4; i++) {
      if (req.mrz().get(i) == null) {
        throw HttpProblem.of("invalid-field", "mrz[" + i + "]", t.get("egate.api.mrzLine"));
      }
    }
    // Lines of no MRZ's shape are a misread to try again, refused before anything is decided or
    // written (no capture, no record sent); a well-shaped MRZ that fails its check digits is a
    // document the gate refers (DOCUMENT_INVALID), recorded for the officer.
    Optional<Problem> shape = MrzParser.shape(req.mrz());
    if (shape.isPresent()) {
      Problem p = shape.get();
      throw HttpProblem.of(
          "invalid-field", p.field(), t.get("egate.api.mrz." + p.key(), p.args().toArray()));
    }
    checkImmigration(t, req.immigration());
    if (req.requestId() != null && !REQUEST_ID.matcher(req.requestId()).matches()) {
      throw HttpProblem.of("invalid-field", "requestId", t.get("egate.api.requestId", "64"));
    }
    Optional<ChipFiles> chip = Optional.ofNullable(req.chip()).map(d -> chipFiles(t, d));
    Immigration im = req.immigration();
    ImmigrationAnswers answers =
        im == null
            ? new ImmigrationAnswers("", 0, false, false, false)
            : new ImmigrationAnswers(
                im.purposeOfVisit(),
                im.intendedStayDays() == null ? 0 : im.intendedStayDays(),
                Boolean.TRUE.equals(im.deportationOrRefusalHistory()),
                Boolean.TRUE.equals(im.criminalConviction()),
                Boolean.TRUE.equals(im.carryingProhibitedItems()));
    KioskCheckIn.Capture capture =
        new KioskCheckIn.Capture(
            req.mrz(),
            chip,
            Optional.ofNullable(req.qrText()),
            base64(t, "qrImage", req.qrImage()),
            base64(t, "faceImage", req.faceImage()),
            answers,
            Optional.ofNullable(req.requestId()));
    Principal p = Web.principal(ctx);
    KioskCheckIn.Result result =
        kiosk.checkIn(capture, new KioskCheckIn.Kiosk(p.username(), p.agency(), p.office()));
    ctx.json(answer(result, Web.messages(ctx)));
  }

  /** The purposes the kiosk offers (the values of its purpose-of-visit list). */
  static final List<String> PURPOSES =
      List.of("tourism", "business", "visiting relatives", "transit", "other");

  private static void checkImmigration(Messages t, Immigration im) {
    if (im == null) {
      return;
    }
    if (im.purposeOfVisit() != null
        && !im.purposeOfVisit().isBlank()
        && !PURPOSES.contains(im.purposeOfVisit().strip())) {
      throw HttpProblem.of(
          "invalid-field",
          "immigration.purposeOfVisit",
          t.get("egate.api.purpose", String.join(", ", PURPOSES)));
    }
    if (im.intendedStayDays() != null
        && (im.intendedStayDays() < 0 || im.intendedStayDays() > 365)) {
      throw HttpProblem.of(
          "invalid-field", "immigration.intendedStayDays", t.get("egate.api.stay", "365"));
    }
  }

  /**
   * What the kiosk is told: the capture id, the decision and the traveller's instruction, nothing
   * more. The kiosk is a public device: the reasons, their details (which name the declaration's
   * holder, the face score, chip failures), the face comparison and the record receipts are for
   * officers, who read them at {@code GET /api/egate/arrivals/{captureId}}.
   */
  static Map<String, Object> answer(KioskCheckIn.Result r, Messages t) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("captureId", r.captureId());
    out.put("decision", KioskCheckIn.decisionCode(r.decision()));
    out.put("decisionText", t.get("kiosk.decision." + KioskCheckIn.decisionCode(r.decision())));
    return out;
  }

  /**
   * Why a frame holds no declaration that verifies: the code and field as the reader refused them,
   * the message in the reader's language ({@code egate.qr.problem.<code>}; the reader's own English
   * for an English reader or a code without words).
   */
  private static Map<String, String> problem(Messages t, Problem p) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("code", p.code());
    m.put("field", p.field());
    String key = "egate.qr.problem." + p.code();
    String words = t.english() ? key : t.get(key);
    m.put("message", words.equals(key) ? p.message() : words);
    return m;
  }

  private static ChipFiles chipFiles(Messages t, ChipDump d) {
    Map<Integer, byte[]> groups = new TreeMap<>();
    if (d.dataGroups() != null) {
      for (Map.Entry<String, String> e : d.dataGroups().entrySet()) {
        int n;
        try {
          n = Integer.parseInt(e.getKey().strip());
        } catch (NumberFormatException ex) {
          n = -1;
        }
        if (n < 1 || n > 16) {
          String key = e.getKey();
          throw HttpProblem.of(
              "invalid-field",
              "chip.dataGroups",
              t.get("egate.api.dataGroup", key.length() > 20 ? key.substring(0, 20) + "…" : key));
        }
        groups.put(n, base64(t, "chip.dataGroups." + n, e.getValue()));
      }
    }
    return new ChipFiles(base64(t, "chip.com", d.com()), groups, base64(t, "chip.sod", d.sod()));
  }

  static byte[] base64(Messages t, String field, String value) {
    if (value == null || value.isBlank()) {
      return new byte[0];
    }
    String v = value.strip();
    if (v.startsWith("data:")) {
      int comma = v.indexOf(',');
      v = comma < 0 ? "" : v.substring(comma + 1);
    }
    if (v.length() > MAX_IMAGE_BYTES / 3 * 4 + 4) {
      throw HttpProblem.of("too-large", field, t.get("egate.api.tooLarge"));
    }
    try {
      return Base64.getMimeDecoder().decode(v);
    } catch (IllegalArgumentException e) {
      // the decoder's own account (which character, where) follows as it wrote it
      throw HttpProblem.of("invalid-field", field, t.get("egate.api.base64", e.getMessage()));
    }
  }

  private static <T> T parse(Context ctx, Class<T> type) {
    T value;
    try {
      value = ctx.bodyAsClass(type);
    } catch (Exception e) { // Javalin rethrows Jackson's checked exceptions unchecked
      throw jsonProblem(Web.messages(ctx), e);
    }
    if (value == null) {
      throw HttpProblem.of("invalid-json", "", Web.messages(ctx).get("egate.api.object"));
    }
    return value;
  }

  /** A 400 naming the JSON field that could not be read (e.g. {@code mrz[0]}) and what it wants. */
  static HttpProblem jsonProblem(Messages t, Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof JsonMappingException m && !m.getPath().isEmpty()) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
          if (r.getFieldName() != null) {
            field.append(field.isEmpty() ? "" : ".").append(r.getFieldName());
          } else {
            field.append('[').append(r.getIndex()).append(']');
          }
        }
        if (m instanceof UnrecognizedPropertyException u) {
          return unknownField(t, field.toString(), u);
        }
        String expected =
            switch (m) {
              case MismatchedInputException mi when mi.getTargetType() != null ->
                  t.get("egate.api.expected", t.get(expected(mi.getTargetType())));
              default -> t.get("egate.api.value");
            };
        return HttpProblem.of("invalid-json", field.toString(), expected);
      }
    }
    return HttpProblem.of("invalid-json", "", t.get("egate.api.body"));
  }

  /**
   * A 400 {@code unknown-field} on the field's path ({@code immigration.purpose}), naming the
   * fields its object takes, in the order the format documents them, and the one likely meant: a
   * misspelt field would otherwise be refused without saying what to write instead.
   */
  private static HttpProblem unknownField(
      Messages t, String path, UnrecognizedPropertyException u) {
    List<String> taken = new ArrayList<>();
    Class<?> owner = u.getReferringClass();
    if (owner != null && owner.isRecord()) {
      for (java.lang.reflect.RecordComponent c : owner.getRecordComponents()) {
        taken.add(c.getName());
      }
    } else {
      u.getKnownPropertyIds().forEach(id -> taken.add(String.valueOf(id)));
      java.util.Collections.sort(taken);
    }
    String name = u.getPropertyName();
    String names = String.join(", ", taken);
    String message =
        org.sekisho.core.Spelling.nearest(name, taken, 2)
            .map(meant -> t.get("egate.api.unknownField.meant", name, names, meant))
            .orElseGet(() -> t.get("egate.api.unknownField", name, names));
    return HttpProblem.of("unknown-field", path, message);
  }

  /** The bundle key of what a JSON value of {@code type} is called. */
  private static String expected(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class) {
      return "egate.api.type.number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "egate.api.type.boolean";
    }
    if (type == String.class) {
      return "egate.api.type.string";
    }
    if (List.class.isAssignableFrom(type)) {
      return "egate.api.type.list";
    }
    return "egate.api.type.object";
  }
}
