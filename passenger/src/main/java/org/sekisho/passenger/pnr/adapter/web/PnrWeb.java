package org.sekisho.passenger.pnr.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.passenger.edifact.MessageBytes;
import org.sekisho.passenger.pnr.adapter.json.JsonText;
import org.sekisho.passenger.pnr.adapter.json.PnrJson;
import org.sekisho.passenger.pnr.application.PnrIngest;
import org.sekisho.passenger.pnr.application.PnrStore;
import org.sekisho.passenger.pnr.application.PnrUnmasking;
import org.sekisho.passenger.pnr.domain.BookingChange;
import org.sekisho.platform.auth.Access;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.web.HttpProblem;
import org.sekisho.platform.web.Routes;
import org.sekisho.platform.web.Web;
import org.sekisho.platform.web.WebModule;

/**
 * HTTP ingest and read-back of PNR and API data. PNR is for the PNR unit only, and only that of the
 * administration running Sekisho ({@link PnrOwner}: any other agency gets 403 whatever its roles);
 * every push and every read is audited.
 *
 * <ul>
 *   <li>{@code POST /api/pnr} (PNR unit): body is a PNRGOV interchange; answers the booking
 *       versions written and the warnings; 400 with the reason when it cannot be used (the message
 *       is archived either way).
 *   <li>{@code POST /api/api} (PNR unit, analyst): body is a PAXLST interchange.
 *   <li>{@code GET /api/pnr/{carrier}/{locator}} (PNR unit): every version of a booking with its
 *       changes.
 *   <li>{@code POST /api/pnr/{carrier}/{locator}/{version}/unmask} (PNR unit, body: {@code
 *       {"reason": "…"}} as JSON, or the reason as {@code text/plain}): asks to unmask a masked
 *       version (409 while the caller's earlier request for it awaits a decision); {@code POST
 *       /api/pnr-unmask/{id}/approve} (a second member of the PNR unit) approves, {@code POST
 *       /api/pnr-unmask/{id}/refuse} (a second member, body as for the ask) refuses for good;
 *       {@code GET /api/pnr-unmask/{id}} (the requester, once approved) shows the identifying data,
 *       and says who refused, when and why otherwise. {@code GET /api/pnr-unmask} lists the pending
 *       requests, the caller's own and the latest decisions.
 * </ul>
 *
 * <p>Refusals are answered in the reader's language, code and field unchanged ({@link
 * ApiRefusals}).
 */
public final class PnrWeb implements WebModule {
  private static final Access PNR_UNIT = Access.anyOf(Role.PNR_UNIT);
  private final PnrIngest ingest;
  private final PnrStore store;
  private final PnrUnmasking unmasking;
  private final PnrOwner owner;

  /**
   * @param owner the administration whose staff alone may use these routes (see {@link PnrOwner})
   */
  public PnrWeb(PnrIngest ingest, PnrStore store, PnrUnmasking unmasking, PnrOwner owner) {
    this.ingest = Objects.requireNonNull(ingest, "ingest");
    this.store = Objects.requireNonNull(store, "store");
    this.unmasking = Objects.requireNonNull(unmasking, "unmasking");
    this.owner = Objects.requireNonNull(owner, "owner");
  }

  /** Every route, each refused to callers outside the administration ({@link PnrOwner}). */
  @Override
  public void routes(Routes r) {
    owner.declare(r, this::declare);
  }

  private void declare(Routes r) {
    // A push is archived as sent (also when it is rejected), then read leniently: a value holding
    // a NUL character is left out with a warning giving its position (SegmentReader), so the
    // server must not refuse the whole body before the handler.
    r.post(
            "/api/pnr",
            PNR_UNIT,
            "Receive a PNRGOV push (EDIFACT text)",
            Routes.Body.ROWS,
            this::postPnr)
        .query();
    r.post(
            "/api/api",
            Access.anyOf(Role.PNR_UNIT, Role.ANALYST),
            "Receive a PAXLST passenger or crew list (EDIFACT text)",
            Routes.Body.ROWS,
            this::postApi)
        .query();
    r.get(
            "/api/pnr/{carrier}/{locator}",
            PNR_UNIT,
            "Versions of one booking with their changes",
            this::versions)
        .query();
    r.post(
            "/api/pnr/{carrier}/{locator}/{version}/unmask",
            PNR_UNIT,
            "Ask to unmask a masked booking version: {\"reason\"} (at least 10 characters) as"
                + " application/json, or the reason alone as text/plain (415 otherwise); 409 naming"
                + " the request while the caller's earlier request for this version awaits a"
                + " decision",
            this::requestUnmask)
        .query();
    r.get(
            "/api/pnr-unmask",
            PNR_UNIT,
            "Unmasking requests awaiting a decision (who asked, why, which booking version), the"
                + " caller's own requests and the latest decisions (who approved or refused, when,"
                + " why)",
            this::pendingUnmask)
        .query();
    r.post(
            "/api/pnr-unmask/{id}/approve",
            PNR_UNIT,
            "Approve an unmasking request (a second member of the PNR unit)",
            this::approveUnmask)
        .query();
    r.post(
            "/api/pnr-unmask/{id}/refuse",
            PNR_UNIT,
            "Refuse an unmasking request (a second member of the PNR unit): {\"reason\"} (at least"
                + " 10 characters) as application/json, or the reason alone as text/plain (415"
                + " otherwise); a refused request can no longer be approved",
            this::refuseUnmask)
        .query();
    r.get(
            "/api/pnr-unmask/{id}",
            PNR_UNIT,
            "Read an approved unmasking (the requester only)",
            this::readUnmask)
        .query();
  }

  private void requestUnmask(Context ctx) {
    String carrier = ctx.pathParam("carrier");
    String locator = ctx.pathParam("locator");
    int version = pathInt(ctx, "version");
    String user = Web.principal(ctx).username();
    Outcome<Long> o = unmasking.request(carrier, locator, version, user, reason(ctx));
    Web.audit(
        ctx,
        "pnr.unmask.request",
        carrier + "/" + locator + "/" + version,
        // the reason stays with the request (it may name people); the audit log holds ids only
        Map.of(
            "requestId",
            o.isAccepted() ? String.valueOf(o.orElseThrow()) : "",
            "outcome",
            o.isAccepted() ? "pending" : o.problems().get(0).code()));
    long id = value(o);
    json(ctx, Map.of("requestId", id, "status", "pending"));
  }

  private void pendingUnmask(Context ctx) {
    String me = Web.principal(ctx).username();
    List<PnrUnmasking.Request> pending = unmasking.pending();
    List<PnrUnmasking.Request> mine = unmasking.mine(me);
    List<PnrUnmasking.Request> history = unmasking.history();
    List<Object> out = new ArrayList<>();
    for (PnrUnmasking.Request p : pending) {
      Map<String, Object> m = requestJson(p);
      // the one who asked cannot decide
      m.put("canApprove", !p.requester().equals(me));
      m.put("canRefuse", !p.requester().equals(me));
      out.add(m);
    }
    Web.audit(
        ctx,
        "pnr.unmask.list",
        "unmask-requests",
        Map.of(
            "pending", String.valueOf(out.size()),
            "mine", String.valueOf(mine.size()),
            "decided", String.valueOf(history.size())));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("requests", out);
    body.put("mine", mine.stream().map(PnrWeb::requestJson).toList());
    body.put("history", history.stream().map(PnrWeb::requestJson).toList());
    json(ctx, body);
  }

  /** A request as the API shows it: who asked, why, for which version, and how it was decided. */
  static Map<String, Object> requestJson(PnrUnmasking.Request r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("requestId", r.id());
    m.put("booking", r.booking());
    m.put("version", r.version());
    m.put("requestedBy", r.requester());
    m.put("reason", r.reason());
    m.put("requestedAt", r.requestedAt().toString());
    m.put("status", r.status());
    m.put("decidedBy", r.decidedBy().isEmpty() ? null : r.decidedBy());
    m.put("decidedAt", r.decidedAt() == null ? null : r.decidedAt().toString());
    m.put("refusalReason", r.refusalReason().isEmpty() ? null : r.refusalReason());
    return m;
  }

  private void approveUnmask(Context ctx) {
    long id = pathInt(ctx, "id");
    JsonBody.none(ctx.bodyAsBytes());
    Outcome<PnrUnmasking.Request> o = unmasking.approve(id, Web.principal(ctx).username());
    Web.audit(
        ctx,
        "pnr.unmask.approve",
        "request " + id,
        Map.of("outcome", o.isAccepted() ? "approved" : o.problems().get(0).code()));
    if (secondPersonRefused(ctx, o)) {
      return;
    }
    json(ctx, decisionJson(value(o)));
  }

  private void refuseUnmask(Context ctx) {
    long id = pathInt(ctx, "id");
    Outcome<PnrUnmasking.Request> o =
        unmasking.refuse(id, Web.principal(ctx).username(), reason(ctx));
    Web.audit(
        ctx,
        "pnr.unmask.refuse",
        "request " + id,
        // the reason stays with the request (it may name people); the audit log holds ids only
        Map.of("outcome", o.isAccepted() ? "refused" : o.problems().get(0).code()));
    if (secondPersonRefused(ctx, o)) {
      return;
    }
    json(ctx, decisionJson(value(o)));
  }

  /** The refusals of a request decided by the one who asked it: the four-eyes rules. */
  public static final java.util.Set<String> SECOND_PERSON =
      java.util.Set.of("second-approver-required", "second-person-required");

  /**
   * Answers 403, worded for the reader, when {@code o} refused a request's own asker ({@link
   * #SECOND_PERSON}), as a disposition's second-person rule answers: it is a matter of who may, not
   * of what was sent.
   */
  private static boolean secondPersonRefused(Context ctx, Outcome<?> o) {
    if (!(o instanceof Outcome.Rejected<?> r)
        || !SECOND_PERSON.contains(r.problems().get(0).code())) {
      return false;
    }
    Problem p = ApiRefusals.worded(Web.messages(ctx), r.problems().get(0));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", p.code());
    m.put("message", p.message());
    m.put("field", p.field().isEmpty() ? null : p.field());
    ctx.status(403);
    json(ctx, m);
    return true;
  }

  private static Map<String, Object> decisionJson(PnrUnmasking.Request r) {
    Map<String, Object> m = requestJson(r);
    // kept for callers of the first version of this answer
    m.put("approvedBy", r.status().equals("approved") ? r.decidedBy() : null);
    return m;
  }

  private void readUnmask(Context ctx) {
    long id = pathInt(ctx, "id");
    Outcome<PnrUnmasking.Unmasked> o = unmasking.read(id, Web.principal(ctx).username());
    Web.audit(
        ctx,
        "pnr.unmask.read",
        "request " + id,
        Map.of("outcome", o.isAccepted() ? "shown" : o.problems().get(0).code()));
    PnrUnmasking.Unmasked u = value(o);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("requestId", id);
    m.put("names", u.names());
    m.put("seats", u.seats());
    m.put("payments", u.payments());
    ctx.contentType("application/json; charset=utf-8")
        .result(
            JsonText.write(m).replaceFirst("\\}\\s*$", "")
                + ",\n  \"record\": "
                + (u.recordJson().isEmpty() ? "null" : u.recordJson())
                + "\n}");
  }

  private static int pathInt(Context ctx, String name) {
    String v = ctx.pathParam(name);
    if (!v.matches("\\d{1,9}")) {
      throw new HttpProblem(
          Problem.of("invalid-number", name, name + " must be a positive number, got '" + v + "'")
              .worded("number", name, v));
    }
    return Integer.parseInt(v);
  }

  /** The accepted value, or the refusal as an HTTP problem (403, 404, 409 or 400 by its code). */
  private static <T> T value(Outcome<T> o) {
    return switch (o) {
      case Outcome.Accepted<T> a -> a.value();
      case Outcome.Rejected<T> r -> throw new HttpProblem(r.problems().get(0));
    };
  }

  private void postPnr(Context ctx) {
    String source = "http:" + Web.principal(ctx).username();
    Outcome<PnrIngest.Receipt> outcome = ingest.pnr(message(ctx), source);
    answer(ctx, "pnr.receive", "PNRGOV", outcome);
  }

  private void postApi(Context ctx) {
    String source = "http:" + Web.principal(ctx).username();
    Outcome<PnrIngest.Receipt> outcome = ingest.api(message(ctx), source);
    answer(ctx, "api.receive", "PAXLST", outcome);
  }

  /**
   * A pushed message as text: in the request's {@code charset}, else as the UNB syntax identifier
   * says ({@link MessageBytes}), as the inbox and the command line read files.
   */
  private static String message(Context ctx) {
    return value(MessageBytes.decode(ctx.bodyAsBytes(), charset(ctx.header("Content-Type"))));
  }

  /** The {@code charset} parameter of a content type; empty when none. */
  static String charset(String contentType) {
    if (contentType == null) {
      return "";
    }
    for (String part : contentType.split(";")) {
      String p = part.strip();
      if (p.regionMatches(true, 0, "charset=", 0, 8)) {
        return p.substring(8).strip().replace("\"", "");
      }
    }
    return "";
  }

  /**
   * The reason an ask or a refusal carries: {@code {"reason": "…"}} as {@code application/json}, as
   * the other JSON routes take it (no other field, an object, the reason a string), or the reason
   * alone as {@code text/plain}, as the first clients send it. Any other body is refused (415)
   * naming both forms: read as text, a JSON body would be stored as the reason itself.
   */
  static String reason(Context ctx) {
    String type =
        Objects.requireNonNullElse(ctx.header("Content-Type"), "")
            .split(";", 2)[0]
            .strip()
            .toLowerCase(Locale.ROOT);
    return switch (type) {
      case "application/json" -> jsonReason(ctx.bodyAsBytes());
      case "text/plain" -> new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
      default ->
          throw new HttpProblem(
              Problem.of(
                      "unsupported-media-type",
                      "Content-Type",
                      "send {\"reason\": \"…\"} as application/json (or the reason alone as"
                          + " text/plain); got "
                          + (type.isEmpty() ? "no content type" : type))
                  .worded(type.isEmpty() ? "reason-none" : "reason", type));
    };
  }

  private static String jsonReason(byte[] body) {
    JsonNode reason = JsonBody.object(body, "reason").path("reason");
    if (reason.isMissingNode() || reason.isNull()) {
      return "";
    }
    if (!reason.isTextual()) {
      throw new HttpProblem(
          Problem.of("invalid-input", "reason", "reason must be a JSON string")
              .worded("reason-string"));
    }
    return reason.textValue();
  }

  private static void answer(
      Context ctx, String action, String kind, Outcome<PnrIngest.Receipt> outcome) {
    switch (outcome) {
      case Outcome.Rejected<PnrIngest.Receipt> r -> {
        Web.audit(ctx, action + ".rejected", kind, Map.of("reason", r.problems().get(0).code()));
        throw new HttpProblem(r.problems().get(0));
      }
      case Outcome.Accepted<PnrIngest.Receipt> a -> {
        PnrIngest.Receipt receipt = a.value();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", receipt.duplicate() ? "duplicate" : "accepted");
        m.put("messageId", receipt.duplicate() ? null : receipt.messageId());
        List<Object> bookings = new ArrayList<>();
        for (PnrIngest.BookingVersion v : receipt.bookings()) {
          Map<String, Object> b = new LinkedHashMap<>();
          b.put("carrier", v.carrier());
          b.put("recordLocator", v.locator());
          b.put("version", v.version());
          b.put("changes", changes(v.changes()));
          bookings.add(b);
        }
        m.put("bookings", bookings);
        m.put("travellers", receipt.travellers());
        m.put("warnings", receipt.warnings().stream().map(PnrJson::warning).toList());
        Web.audit(
            ctx,
            action,
            kind,
            Map.of(
                "message", String.valueOf(receipt.messageId()),
                "bookings", String.valueOf(receipt.bookings().size()),
                "travellers", String.valueOf(receipt.travellers())));
        json(ctx, m);
      }
    }
  }

  private void versions(Context ctx) {
    String carrier = ctx.pathParam("carrier");
    String locator = ctx.pathParam("locator");
    List<PnrStore.Version> versions = store.versions(carrier, locator);
    Web.audit(
        ctx,
        "pnr.read",
        carrier + "/" + locator,
        Map.of("versions", String.valueOf(versions.size())));
    if (versions.isEmpty()) {
      throw new HttpProblem(
          Problem.of("not-found", "", "booking " + carrier + "/" + locator + " was not found")
              .worded("booking", carrier + "/" + locator));
    }
    List<Object> out = new ArrayList<>();
    for (PnrStore.Version v : versions) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("version", v.version());
      m.put("receivedAt", v.receivedAt().toString());
      m.put("masked", v.masked());
      m.put("names", v.facts().names());
      m.put("seats", v.facts().seats());
      m.put("payments", v.facts().payments());
      m.put("itinerary", v.facts().itinerary());
      m.put("changes", changes(v.changes()));
      out.add(m);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("carrier", carrier);
    m.put("recordLocator", locator);
    m.put("versions", out);
    json(ctx, m);
  }

  private static List<Object> changes(List<BookingChange> changes) {
    List<Object> out = new ArrayList<>();
    for (BookingChange c : changes) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
      m.put("change", c.added() ? "added" : "removed");
      m.put("value", c.value());
      out.add(m);
    }
    return out;
  }

  private static void json(Context ctx, Object body) {
    ctx.contentType("application/json; charset=utf-8").result(JsonText.write(body));
  }
}
