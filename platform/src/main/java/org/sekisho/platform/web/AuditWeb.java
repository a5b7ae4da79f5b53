package org.sekisho.platform.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.platform.audit.AuditEntry;
import org.sekisho.platform.audit.AuditPage;
import org.sekisho.platform.audit.AuditQuery;
import org.sekisho.platform.audit.AuditSearch;
import org.sekisho.platform.audit.AuditVerification;
import org.sekisho.platform.auth.Access;
import org.sekisho.platform.auth.Principal;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.i18n.Messages;
import org.sekisho.platform.web.Routes.RouteSpec;

/**
 * The audit log for its administrators: {@code /admin/audit} (filters, entries newest first, older
 * pages, a check of the hash chain) and {@code GET /api/audit} with the same filters ({@link
 * AuditQuery#parse}). Only administrators of the administration running Sekisho read it (a partner
 * agency's administrator gets 403): the log holds what everyone, every agency included, did.
 *
 * <p>Every read of the log is itself audited ({@code audit.read}, with its filters and how many
 * entries it showed) before the entries are answered, and so is every check of the chain ({@code
 * audit.verify}, with its result). A subject that names something with a page ({@code record:42},
 * {@code entity:7}, {@code assessment:9}, {@code account:kato}, …) links to that page when this
 * server serves it and the reader's roles open it (an account's, when the account exists); its data
 * is never shown here.
 *
 * <p>Filters that cannot be read are refused all at once, each naming its parameter, in the
 * reader's language (the API as {@link ProblemAnswer} writes it).
 *
 * <p>A check walks the whole log (some 10 s a million entries), so one runs at a time: asked for
 * while another runs, it is refused with 409 saying who started that one and when.
 */
public final class AuditWeb implements WebModule {
  /** Who reads the audit log: administrators (of the administration, see the class comment). */
  public static final Access ADMINS = Access.anyOf(Role.ADMIN);

  /** The subject of the entries written for a read or a check of the audit log. */
  public static final String SUBJECT = "audit-log";

  /** The pages a subject of the form {@code kind:id} may link to, by kind. */
  private static final Map<String, String> PAGES =
      Map.of(
          "record", "/records/{id}",
          "entity", "/entities/{id}",
          "assessment", "/targeting/assessments/{id}",
          "hit", "/screening/hits/{id}",
          "flight", "/screening/flights/{id}",
          "vessel", "/maritime/vessels/{mmsi}");

  private static final Pattern LINKED = Pattern.compile("([a-z-]+):(\\d{1,18})");

  /** An account's subject, {@code account:<user name>}, linking to its administration page. */
  private static final Pattern ACCOUNT = Pattern.compile("account:([a-z0-9][a-z0-9._-]{0,62})");

  private static final String ACCOUNT_PAGE = "/admin/accounts/{username}";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AuditSearch search;
  private final Supplier<AuditVerification> verifier;
  private final String administration;
  // who started the check that runs now, and when; null when none runs
  private final AtomicReference<String> checking = new AtomicReference<>();

  /**
   * @param verifier checks the chain ({@code AuditLog::verify})
   * @param administration the agency running Sekisho ({@code SEKISHO_AGENCY}), whose administrators
   *     read the log
   */
  public AuditWeb(AuditSearch search, Supplier<AuditVerification> verifier, String administration) {
    this.search = search;
    this.verifier = verifier;
    this.administration = administration;
  }

  /** The navigation entry, offered to the administration's administrators only. */
  public NavItem nav() {
    return new NavItem("/admin/audit", "nav.audit", ADMINS, p -> p.agency().equals(administration));
  }

  @Override
  public void routes(Routes r) {
    r.get(
            "/admin/audit",
            ADMINS,
            "the audit log: filters, entries newest first, older pages (audited)",
            this::page)
        .post(
            "/admin/audit/verify",
            ADMINS,
            "check the audit log's hash chain and show the result (form; audited)",
            this::verifyPage)
        .get(
            "/api/audit",
            ADMINS,
            "audit log entries, newest first: actor, agency, action (exact, or a prefix such as"
                + " targeting.), subject (exact, or a prefix ending in *), from, to (a date, a"
                + " local time in the administration's zone, or a time with an offset), q (text in"
                + " the details), before (seq), limit (1-500); audited",
            this::api)
        .query(AuditQuery.PARAMETERS.toArray(String[]::new))
        .post(
            "/api/audit/verify",
            ADMINS,
            "check the audit log's hash chain: {ok, entries} or {ok:false, seq, reason}; audited",
            this::verifyApi)
        .query();
  }

  /** The form's filters by parameter, with the message key of each one's label. */
  private static final Map<String, String> LABELS =
      Map.of(
          "actor", "audit.actor",
          "agency", "audit.agency",
          "action", "audit.action",
          "subject", "audit.subject",
          "from", "audit.from",
          "to", "audit.to",
          "q", "audit.text",
          "limit", "audit.limit");

  /** The caller, if an administrator of the administration; 403 (audited) for anyone else's. */
  private Principal reader(Context ctx) {
    Principal p = Web.principal(ctx);
    if (!p.agency().equals(administration)) {
      Web.audit(ctx, "audit.read.denied", SUBJECT, Map.of("agency", p.agency()));
      throw HttpProblem.of(
          "forbidden",
          "",
          Web.messages(ctx).get("audit.error.otherAgency", administration, p.agency()));
    }
    return p;
  }

  private static Map<String, String> params(Context ctx, boolean form) {
    if (!form) {
      // a misspelt filter (text= for q=) would otherwise answer the whole log as if filtered
      for (String name : ctx.queryParamMap().keySet()) {
        if (!AuditQuery.PARAMETERS.contains(name) && !name.equals("lang")) {
          throw HttpProblem.of(
              "invalid-parameter",
              name,
              Web.messages(ctx)
                  .get(
                      "audit.error.parameter",
                      String.join(", ", AuditQuery.PARAMETERS),
                      name.length() > 40 ? name.substring(0, 40) + "…" : name));
        }
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : AuditQuery.PARAMETERS) {
      String v = form ? ctx.formParam(name) : ctx.queryParam(name);
      if (v != null) {
        out.put(name, v);
      }
    }
    return out;
  }

  /**
   * The page's outcome: the query read, then the page found, or every problem, worded in the
   * reader's language.
   */
  private Outcome<Found> find(Context ctx, Map<String, String> raw) {
    Messages t = Web.messages(ctx);
    Outcome<AuditQuery> parsed = AuditQuery.parse(raw, t.zone(), t);
    if (!(parsed instanceof Outcome.Accepted<AuditQuery> a)) {
      return new Outcome.Rejected<>(parsed.problems());
    }
    AuditQuery q = a.value();
    Outcome<AuditPage> page = search.search(q, t);
    if (!(page instanceof Outcome.Accepted<AuditPage> found)) {
      return new Outcome.Rejected<>(page.problems());
    }
    Map<String, String> details = new LinkedHashMap<>(q.given());
    details.put("shown", Integer.toString(found.value().entries().size()));
    details.put("channel", ctx.path().startsWith("/api/") ? "api" : "web");
    Web.audit(ctx, "audit.read", SUBJECT, details);
    return Outcome.accepted(new Found(q, found.value()));
  }

  private record Found(AuditQuery query, AuditPage page) {}

  private void api(Context ctx) {
    reader(ctx);
    Messages t = Web.messages(ctx);
    switch (find(ctx, params(ctx, false))) {
      case Outcome.Rejected<Found> r -> ProblemAnswer.send(ctx, r.problems());
      case Outcome.Accepted<Found> a -> {
        AuditPage p = a.value().page();
        Map<String, Object> out = asJson(p, t.zone());
        out.put(
            "nextUrl",
            p.more() ? url("/api/audit", a.value().query().before(p.next().getAsLong())) : null);
        ctx.json(out);
      }
    }
  }

  /**
   * A page as the API and {@code sekisho audit list --json} write it: {@code entries} (seq, at as
   * recorded, time in {@code zone}, actor, agency, action, subject, details as an object), {@code
   * more}, {@code next} (the seq to continue before, or null), {@code textScanCapped} and {@code
   * zone}.
   */
  public static Map<String, Object> asJson(AuditPage p, ZoneId zone) {
    DateTimeFormatter shown = timeFormat(zone);
    List<Map<String, Object>> entries = new ArrayList<>();
    for (AuditEntry e : p.entries()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("seq", e.seq());
      m.put("at", e.at().toString());
      m.put("time", shown.format(e.at()));
      m.put("actor", e.actor());
      m.put("agency", e.agency());
      m.put("action", e.action());
      m.put("subject", e.subject());
      m.put("details", details(e.details()));
      entries.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("entries", entries);
    out.put("more", p.more());
    out.put("next", p.more() ? p.next().getAsLong() : null);
    out.put("textScanCapped", p.textScanCapped());
    out.put("zone", zone.getId());
    return out;
  }

  /**
   * An entry's details as one line of {@code key=value} pairs (the stored text should it not be a
   * JSON object).
   */
  public static String detailsLine(String stored) {
    if (details(stored) instanceof Map<?, ?> m) {
      return m.entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining("  "));
    }
    return stored;
  }

  /** A time in {@code zone} to the second, with the zone's short name (JST) as pages write it. */
  public static DateTimeFormatter timeFormat(ZoneId zone) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ENGLISH).withZone(zone);
  }

  private void verifyApi(Context ctx) {
    reader(ctx);
    AuditVerification v = verify(ctx);
    Map<String, Object> out = new LinkedHashMap<>();
    switch (v) {
      case AuditVerification.Ok ok -> {
        out.put("ok", true);
        out.put("entries", ok.entries());
      }
      case AuditVerification.Broken b -> {
        out.put("ok", false);
        out.put("seq", b.seq());
        out.put("reason", b.reason());
      }
    }
    ctx.json(out);
  }

  /**
   * Checks the chain and audits the check with its result (before anyone sees it); 409 while
   * another check runs.
   */
  private AuditVerification verify(Context ctx) {
    WebServer server = ctx.attribute(Web.SERVER);
    String mine =
        Web.principal(ctx).username() + " at " + Web.messages(ctx).time(server.clock().instant());
    String other = checking.compareAndExchange(null, mine);
    if (other != null) {
      throw HttpProblem.of("conflict", "", Web.messages(ctx).get("audit.error.running", other));
    }
    AuditVerification v;
    try {
      v = verifier.get();
    } finally {
      checking.set(null);
    }
    Map<String, String> details =
        switch (v) {
          case AuditVerification.Ok ok ->
              Map.of("result", "ok", "entries", Long.toString(ok.entries()));
          case AuditVerification.Broken b ->
              Map.of("result", "broken", "seq", Long.toString(b.seq()));
        };
    Web.audit(ctx, "audit.verify", SUBJECT, details);
    return v;
  }

  private void page(Context ctx) {
    reader(ctx);
    render(ctx, params(ctx, false), Optional.empty());
  }

  private void verifyPage(Context ctx) {
    reader(ctx);
    AuditVerification v = verify(ctx);
    // the page the check was asked from, its filters carried in the form
    render(ctx, params(ctx, true), Optional.of(v));
  }

  private void render(
      Context ctx, Map<String, String> raw, Optional<AuditVerification> verification) {
    Messages t = Web.messages(ctx);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("t", t);
    params.put("csrf", Web.csrf(ctx));
    Map<String, String> form = new LinkedHashMap<>();
    for (String name : AuditQuery.PARAMETERS) {
      form.put(name, raw.getOrDefault(name, "").strip());
    }
    params.put("form", form);
    params.put("zone", t.zone().getId());
    params.put("verification", verification.map(v -> verificationView(v, t)).orElse(null));
    List<AuditRow> rows = List.of();
    String error = "";
    Map<String, String> errors = new LinkedHashMap<>();
    String older = "";
    String newest = "";
    boolean capped = false;
    switch (find(ctx, raw)) {
      case Outcome.Rejected<Found> r -> {
        // every problem at once: why beside each filter at fault, the filters named above by
        // their labels (a problem with no field of the form, such as before=, in full there)
        List<String> named = new ArrayList<>();
        for (Problem p : r.problems()) {
          String label = LABELS.get(p.field());
          if (label != null && form.containsKey(p.field())) {
            if (errors.putIfAbsent(p.field(), p.message()) == null) {
              named.add(t.get(label));
            }
          } else {
            named.add(p.field().isEmpty() ? p.message() : p.field() + ": " + p.message());
          }
        }
        error = String.join("; ", named);
      }
      case Outcome.Accepted<Found> a -> {
        AuditPage p = a.value().page();
        Function<String, String> pageOf = pagesFor(ctx, p.entries());
        DateTimeFormatter shown = timeFormat(t.zone());
        rows =
            p.entries().stream()
                .map(
                    e ->
                        new AuditRow(
                            e.seq(),
                            shown.format(e.at()),
                            e.at().toString(),
                            e.actor(),
                            e.agency(),
                            e.action(),
                            e.subject(),
                            pageOf.apply(e.subject()),
                            filterHref(a.value().query(), "actor", e.actor()),
                            e.subject().isEmpty()
                                ? ""
                                : filterHref(a.value().query(), "subject", e.subject()),
                            detailsLine(e.details())))
                .toList();
        if (p.more()) {
          older = url("/admin/audit", a.value().query().before(p.next().getAsLong()));
        }
        if (a.value().query().before().isPresent()) {
          Map<String, String> first = new LinkedHashMap<>(a.value().query().given());
          first.remove("before");
          newest = url("/admin/audit", first);
        }
        capped = p.textScanCapped();
      }
    }
    params.put("rows", rows);
    params.put("error", error);
    params.put("errors", errors);
    params.put("older", older);
    params.put("newest", newest);
    params.put("capped", capped);
    WebServer server = ctx.attribute(Web.SERVER);
    Web.page(ctx, t.get("audit.title"), server.layout().template("audit.jte", params));
    if (!error.isEmpty()) {
      ctx.status(400);
    }
  }

  /**
   * One entry as the page shows it.
   *
   * @param time in the administration's zone, to the second
   * @param at the instant as recorded (ISO-8601, UTC)
   * @param subjectHref the subject's own page, or empty
   * @param actorFilter this page narrowed to the entry's actor
   * @param subjectFilter this page narrowed to the entry's subject, or empty when it has none
   * @param details its details as {@code key=value} pairs
   */
  public record AuditRow(
      long seq,
      String time,
      String at,
      String actor,
      String agency,
      String action,
      String subject,
      String subjectHref,
      String actorFilter,
      String subjectFilter,
      String details) {}

  /**
   * What a check of the chain found, as the page shows it.
   *
   * @param state {@code ok} or {@code broken}
   * @param text the finding in the reader's language (a broken entry's reason as recorded)
   */
  public record VerificationView(String state, String text) {}

  private static VerificationView verificationView(AuditVerification v, Messages t) {
    return switch (v) {
      case AuditVerification.Ok ok ->
          new VerificationView("ok", t.get("audit.verify.ok", Long.toString(ok.entries())));
      case AuditVerification.Broken b ->
          new VerificationView(
              "broken", t.get("audit.verify.broken", Long.toString(b.seq()), b.reason()));
    };
  }

  /**
   * Which subjects link where for this reader: the page of a subject's kind, if this server serves
   * it and admits the reader's roles (an administrator without a reading role gets no link to a
   * record, which would only answer 403); an account's page only if the account exists (a refused
   * creation names one never made, whose page would only answer 404).
   */
  private static Function<String, String> pagesFor(Context ctx, List<AuditEntry> entries) {
    WebServer server = ctx.attribute(Web.SERVER);
    Principal p = Web.principal(ctx);
    Set<String> open =
        server.routes().stream()
            .filter(s -> s.method().equals("GET") && !s.api() && s.access().admits(p))
            .map(RouteSpec::path)
            .collect(Collectors.toSet());
    Set<String> accounts =
        open.contains(ACCOUNT_PAGE)
            ? server
                .accounts()
                .existing(
                    entries.stream()
                        .map(e -> ACCOUNT.matcher(e.subject()))
                        .filter(Matcher::matches)
                        .map(m -> m.group(1))
                        .collect(Collectors.toSet()))
            : Set.of();
    return subject -> {
      Matcher a = ACCOUNT.matcher(subject);
      if (a.matches()) {
        // user names are lower-case letters, digits and . _ -: nothing to escape in a path
        return accounts.contains(a.group(1)) ? "/admin/accounts/" + a.group(1) : "";
      }
      Matcher m = LINKED.matcher(subject);
      if (!m.matches()) {
        return "";
      }
      String page = PAGES.get(m.group(1));
      if (page == null || !open.contains(page)) {
        return "";
      }
      return page.replaceFirst("\\{[^}]+}", m.group(2));
    };
  }

  private static String filterHref(AuditQuery q, String name, String value) {
    Map<String, String> m = new LinkedHashMap<>(q.given());
    m.remove("before");
    m.put(name, value);
    return url("/admin/audit", m);
  }

  private static String url(String path, AuditQuery q) {
    return url(path, q.given());
  }

  private static String url(String path, Map<String, String> params) {
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String name : AuditQuery.PARAMETERS) {
      ordered.put(name, params.get(name));
    }
    return Web.url(path, ordered);
  }

  /** The stored details as a JSON object; the text itself should it not parse. */
  private static Object details(String stored) {
    try {
      return JSON.readValue(stored, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (Exception e) {
      return stored;
    }
  }
}
