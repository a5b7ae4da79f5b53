package org.sekisho.intel.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.core.Spelling;
import org.sekisho.intel.application.Actor;
import org.sekisho.intel.application.EntityMerges;
import org.sekisho.intel.application.IngestRecords;
import org.sekisho.intel.application.IngestReport;
import org.sekisho.intel.application.IngestRuns;
import org.sekisho.intel.application.IntelQueries;
import org.sekisho.intel.application.IntelQueries.Visibility;
import org.sekisho.intel.application.IntelViews;
import org.sekisho.intel.application.IntelViews.Reader;
import org.sekisho.intel.application.IntelViews.SearchPage;
import org.sekisho.intel.application.IntelViews.SearchQuery;
import org.sekisho.intel.application.RecordSharing;
import org.sekisho.intel.domain.FieldRules;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.intel.domain.SharingAgreement;
import org.sekisho.platform.auth.Access;
import org.sekisho.platform.auth.Agencies;
import org.sekisho.platform.auth.Principal;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.i18n.Messages;
import org.sekisho.platform.web.HttpProblem;
import org.sekisho.platform.web.ProblemAnswer;
import org.sekisho.platform.web.Routes;
import org.sekisho.platform.web.Web;
import org.sekisho.platform.web.WebModule;

/** Pages and API of the intelligence database. Reads are scoped by agency and audited. */
public final class IntelWeb implements WebModule {
  /** Who may read the intelligence database: everyone with a case to, not administrators. */
  public static final Access READ =
      Access.anyOf(
          Role.ANALYST,
          Role.OFFICER,
          Role.INSPECTOR,
          Role.INVESTIGATOR,
          Role.LIAISON,
          Role.PARTNER);

  /**
   * Who may look things up in the intelligence database (search, records, entities, the link
   * graph): its readers and the PNR unit, which checks a flight's travellers against what customs
   * knows. Every look-up is scoped and audited as a reader's is; the dashboard stays the readers'.
   */
  public static final Access LOOKUP =
      Access.anyOf(
          Role.ANALYST,
          Role.OFFICER,
          Role.INSPECTOR,
          Role.INVESTIGATOR,
          Role.LIAISON,
          Role.PARTNER,
          Role.PNR_UNIT);

  /**
   * Who may ingest: {@link #INGEST_ANY_KIND} any kind, investigators seizures only (they record
   * what they seized; declarations, manifests, movements and postal items come from the customs
   * systems and partners that hold them).
   */
  public static final Access INGEST =
      Access.anyOf(Role.ANALYST, Role.OFFICER, Role.PARTNER, Role.ADMIN, Role.INVESTIGATOR);

  /** The roles that may ingest every kind of record. */
  static final Set<Role> INGEST_ANY_KIND =
      Set.of(Role.ANALYST, Role.OFFICER, Role.PARTNER, Role.ADMIN);

  public static final Access MERGE = Access.anyOf(Role.ANALYST, Role.OFFICER, Role.INVESTIGATOR);

  private final IntelQueries queries;
  private final IngestRecords ingest;
  private final EntityMerges merges;
  private final RecordSharing sharing;
  private final Agencies agencies;
  private final IngestRuns runs;
  // numbers shown with every digit, in plain form (never through a double, never 1E-7)
  // one mapper for the small bodies and texts read and written outside the records' exact JSON
  private static final ObjectMapper PLAIN_JSON = new ObjectMapper();

  private final ObjectMapper pretty = org.sekisho.intel.adapter.format.ExactJson.indented();
  private final TemplateEngine templates =
      TemplateEngine.createPrecompiled(
          null,
          ContentType.Html,
          IntelWeb.class.getClassLoader(),
          "org.sekisho.intel.adapter.web.jte");

  /**
   * @param agencies the registered agencies, whose names the liaison desk shows and whose codes its
   *     agreement form offers
   * @param runs what ingest runs did, and their archived inputs
   */
  public IntelWeb(
      IntelQueries queries,
      IngestRecords ingest,
      EntityMerges merges,
      RecordSharing sharing,
      Agencies agencies,
      IngestRuns runs) {
    this.runs = runs;
    this.queries = queries;
    this.ingest = ingest;
    this.merges = merges;
    this.sharing = sharing;
    this.agencies = agencies;
  }

  /** Who shares records with partner agencies: the liaison officers. */
  public static final Access SHARE = Access.anyOf(Role.LIAISON);

  /**
   * Who ends a sharing: liaison officers, and administrators of the administration (an emergency
   * stop; a partner agency's administrators are refused by use).
   */
  public static final Access REVOKE = Access.anyOf(Role.LIAISON, Role.ADMIN);

  /**
   * Who sees what other agencies shared with their own: a partner agency's readers and liaison
   * officers (the administration's liaison officers see what partners shared with it).
   */
  public static final Access RECEIVED = Access.anyOf(Role.PARTNER, Role.LIAISON);

  /** Who sees the agreements: liaison officers, who share under them, and administrators. */
  public static final Access AGREEMENTS_READ = Access.anyOf(Role.LIAISON, Role.ADMIN);

  /** Who records and ends agreements: administrators (of the administration, checked by use). */
  public static final Access AGREEMENTS_WRITE = Access.anyOf(Role.ADMIN);

  /**
   * Who opens the liaison desk ({@code /sharing}): those who see the agreements and what a partner
   * can read, as the sharing API admits them; each sees its own agency's part only.
   */
  public static final Access DESK = AGREEMENTS_READ;

  @Override
  public void routes(Routes r) {
    r.get("/", READ, "dashboard: today's volumes", this::dashboardPage)
        .get("/search", LOOKUP, "search page", this::searchPage)
        .get("/records/{id}", LOOKUP, "record page", this::recordPage)
        .get(
            "/records/{kind}/{sourceId}",
            LOOKUP,
            "record page by kind and source id (redirect), e.g. from a targeting assessment",
            this::recordBySource)
        .get("/entities/{id}", LOOKUP, "entity page", this::entityPage)
        .post(
            "/entities/{id}/merge", MERGE, "merge an entity into this one (form)", this::mergeForm)
        .post("/merges/{id}/undo", MERGE, "undo a merge (form)", this::undoForm)
        .get("/assets/intel/graph.js", Access.open(), "link-graph script", this::graphScript)
        .get(
            "/api/dashboard",
            READ,
            "volumes of a day",
            api(null, ctx -> ctx.json(queries.dashboard(day(ctx, "date"), reader(ctx)))))
        .query("date")
        .get(
            "/api/search",
            LOOKUP,
            "search records and entities",
            api(SEARCH_WORDS, this::searchApi))
        .query("q", "kind", "from", "to", "office", "country", "hs", "sort", "page", "size")
        .get(
            "/api/search/export",
            LOOKUP,
            "the search's records as CSV, in its order (at most "
                + SearchExport.MAX_ROWS
                + "; X-Sekisho-Truncated says when it found more)",
            api(SEARCH_WORDS, this::searchExport))
        .query("q", "kind", "from", "to", "office", "country", "hs", "sort")
        .get(
            "/api/records/{id}",
            LOOKUP,
            "one record with its linked entities",
            api(null, this::recordApi))
        .query()
        .get(
            "/api/records/{kind}/{sourceId}",
            LOOKUP,
            "the record the reader's agency holds (else one shared with it) under a kind (its"
                + " code, seizure, or its plural as ingest names it, seizures) and source id",
            api(null, ctx -> recordApi(ctx, bySource(ctx))))
        .query()
        .get(
            "/api/entities/{id}",
            LOOKUP,
            "one entity with its records, candidates and merges",
            api(null, this::entityApi))
        .query("limit")
        .get(
            "/api/entities/{id}/graph",
            LOOKUP,
            "link graph around an entity to N hops",
            api(null, this::graphApi))
        .query("hops", "max")
        .post(
            "/api/entities/{id}/merge",
            MERGE,
            "merge entity {mergedId} into this one",
            api(MERGE_WORDS, this::mergeApi))
        .query()
        .post("/api/merges/{id}/undo", MERGE, "undo a merge", api(UNDO_WORDS, this::undoApi))
        .query()
        .get(
            "/api/sharing/agreements",
            AGREEMENTS_READ,
            "agreements under which records may be shared with partner agencies",
            api(sharingWords(), this::agreementsApi))
        .query()
        .post(
            "/api/sharing/agreements",
            AGREEMENTS_WRITE,
            "record an agreement {agency, kinds:[seizures,…], reference, validFrom, validUntil?}",
            api(sharingWords(), this::addAgreementApi))
        .query()
        .post(
            "/api/sharing/agreements/{id}/end",
            AGREEMENTS_WRITE,
            "end an agreement {lastDay, reason}; the sharings it no longer allows end at once",
            api(sharingWords(), this::endAgreementApi))
        .query()
        .get(
            "/api/sharing/readable",
            AGREEMENTS_READ,
            "what a partner agency can read of the caller's agency's records now (?agency=)",
            api(sharingWords(), this::readableApi))
        .query("agency")
        .get(
            "/api/sharing/records/{id}",
            READ,
            "with whom a record of the reader's agency is shared, under which agreement, why",
            api(sharingWords(), this::sharesApi))
        .query()
        .post(
            "/api/sharing/records/{id}",
            SHARE,
            "share a record with a partner agency {agency, purpose, agreement?} under an agreement"
                + " in force: the one chosen (its id), else the one in force that started last",
            api(sharingWords(), this::shareApi))
        .query()
        .post(
            "/api/sharing/records/{id}/{agency}/revoke",
            REVOKE,
            "end a record's sharing with an agency {reason} (liaison officers; the"
                + " administration's administrators as an emergency stop)",
            api(sharingWords(), this::revokeApi))
        .query()
        .get(
            "/api/sharing/received",
            RECEIVED,
            "what other agencies shared with the caller's agency, newest first (?page=)",
            api(sharingWords(), this::receivedApi))
        .query("page")
        .get(
            "/shared",
            RECEIVED,
            "what other agencies shared with the reader's agency (?page=)",
            this::receivedPage)
        .post("/records/{id}/shares", SHARE, "share a record (form)", this::shareForm)
        .post(
            "/records/{id}/shares/{agency}/revoke",
            REVOKE,
            "end a record's sharing (form)",
            this::revokeForm)
        .get(
            "/sharing",
            DESK,
            "the liaison desk: agreements, what a partner can read now and the history of the"
                + " exchange (?agency=, page=, history=)",
            this::deskPage)
        .post(
            "/sharing/agreements",
            AGREEMENTS_WRITE,
            "record an agreement (desk form)",
            this::addAgreementForm)
        .post(
            "/sharing/agreements/{id}/end",
            AGREEMENTS_WRITE,
            "end an agreement on a day with a reason (desk form)",
            this::endAgreementForm)
        .post(
            "/sharing/records/{id}/{agency}/revoke",
            REVOKE,
            "end a record's sharing from the desk (form)",
            this::deskRevokeForm)
        .post(
            "/api/ingest/{kind}",
            INGEST,
            "ingest a file of records (body; ?format=json|csv|kcs)",
            // checked row by row: a NUL in one row rejects that row, the others are stored
            Routes.Body.ROWS,
            api(null, this::ingestApi))
        .query("format", "source")
        .get(
            "/api/ingest-runs/{id}",
            INGEST,
            "an ingest run of the caller's agency: its counts and refused rows (row, field, code,"
                + " reason; no value of a row) and where its raw input is read",
            api(null, this::runApi))
        .query()
        .get(
            "/api/ingest-runs/{id}/raw",
            INGEST,
            "the raw input of an ingest run as archived, for the user who ran it or an"
                + " administrator of its agency (audited)",
            api(null, this::rawApi))
        .query();
  }

  /**
   * How an API route words a refusal for its reader, beyond intel's general texts ({@link
   * ApiMessages#why}): its family's texts (search, merge, sharing), or the problem's message when
   * it has none for it.
   */
  @FunctionalInterface
  private interface Wording {
    String why(Context ctx, Messages t, Problem p);
  }

  /** The request attribute naming a problem worded in the reader's language where it was raised. */
  private static final String WORDED = "sekisho.intel.worded";

  /**
   * A problem worded where it is raised, in the reader's language: left as it is by {@link #api}.
   */
  private static HttpProblem worded(Context ctx, Problem p) {
    ctx.attribute(WORDED, p);
    return new HttpProblem(p);
  }

  /**
   * {@code h}, its refusals worded in the reader's language: code and field unchanged, the message
   * from the route's family of texts ({@code family}, may be null), else from intel's general ones;
   * in English, and for a refusal no text is written for, the handler's message as it is.
   */
  private static io.javalin.http.Handler api(Wording family, io.javalin.http.Handler h) {
    return ctx -> {
      try {
        h.handle(ctx);
      } catch (HttpProblem e) {
        Problem p = e.problem();
        Messages t = Web.messages(ctx);
        if (ApiMessages.english(t) || ctx.attribute(WORDED) == p) {
          throw e;
        }
        String text = family == null ? p.message() : family.why(ctx, t, p);
        if (text == null || text.equals(p.message())) {
          text = ApiMessages.why(t, p);
        }
        throw new HttpProblem(Problem.of(p.code(), p.field(), text));
      }
    };
  }

  /** The search's parameters as typed, by name, for the texts that quote them. */
  private static Map<String, String> typedSearch(Context ctx) {
    Map<String, String> echo = new LinkedHashMap<>();
    for (String k : SEARCH_PARAMS) {
      echo.put(k, param(ctx, k));
    }
    echo.put("page", param(ctx, "page"));
    return echo;
  }

  private static final Wording SEARCH_WORDS =
      (ctx, t, p) -> SearchMessages.why(t, p, typedSearch(ctx));

  /** The text of a JSON body's field, or empty: for the texts that name what was typed. */
  private static String bodyText(Context ctx, String field) {
    try {
      JsonNode body = ctx.body().isBlank() ? null : PLAIN_JSON.readTree(ctx.body());
      JsonNode v = body == null || !body.isObject() ? null : body.get(field);
      return v == null || v.isContainerNode() || v.isNull() ? "" : v.asText();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static final Wording MERGE_WORDS =
      (ctx, t, p) -> {
        String merged = bodyText(ctx, "mergedId").strip();
        return MergeMessages.why(t, p, merged.equals(ctx.pathParam("id")), merged);
      };

  private static final Wording UNDO_WORDS =
      (ctx, t, p) -> MergeMessages.why(t, p, false, ctx.pathParam("id"));

  /**
   * The sharing texts: the partner named by the path, the body or the query ({0}), the record's
   * kind where the path names a record ({1}).
   */
  private Wording sharingWords() {
    return (ctx, t, p) -> {
      String agency = ctx.pathParamMap().getOrDefault("agency", "");
      if (agency.isEmpty()) {
        agency = bodyText(ctx, "agency");
      }
      if (agency.isEmpty()) {
        agency = param(ctx, "agency");
      }
      String kind = "";
      if (ctx.path().startsWith("/api/sharing/records/")) {
        String id = ctx.pathParamMap().getOrDefault("id", "");
        if (id.matches("\\d{1,18}")) {
          kind = kindOf(Long.parseLong(id), ctx);
        }
      }
      return SharingMessages.why(t, p, agency, kind);
    };
  }

  private static IngestRuns.Asker asker(Context ctx) {
    Principal p = Web.principal(ctx);
    return new IngestRuns.Asker(
        p.username(), p.agency(), p.hasAny(INGEST_ANY_KIND), p.has(Role.ADMIN));
  }

  private void runApi(Context ctx) {
    long id = id(ctx);
    IngestRuns.Listing l = answer(runs.listing(id, asker(ctx)));
    IngestRuns.Run r = l.run();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("run", r.id());
    body.put("kind", r.kind());
    body.put("format", r.format());
    body.put("source", r.source());
    body.put("actor", r.actor());
    body.put("agency", r.agency());
    body.put("startedAt", r.startedAt().toString());
    body.put("finishedAt", r.finishedAt().map(Object::toString).orElse(null));
    body.put("rowsRead", r.rowsRead());
    body.put("stored", r.stored());
    body.put("duplicates", r.duplicates());
    body.put("conflicts", r.conflicts());
    body.put("rejected", r.rejected());
    body.put("sha256", r.sha256());
    // where the values of the refused rows are: the archived input, read under its own check
    body.put("raw", l.mayReadRaw() ? "/api/ingest-runs/" + r.id() + "/raw" : null);
    Messages t = Web.messages(ctx);
    body.put(
        "problems",
        l.problems().stream()
            .map(
                q ->
                    new IngestRuns.ListedProblem(
                        q.row(),
                        q.sourceId(),
                        q.field(),
                        q.code(),
                        ApiMessages.row(t, q.code(), q.field(), q.reason())))
            .toList());
    Web.audit(
        ctx,
        "ingest.problems.read",
        "ingest-run:" + id,
        Map.of("problems", Integer.toString(l.problems().size())));
    ctx.json(body);
  }

  private void rawApi(Context ctx) throws IOException {
    long id = id(ctx);
    IngestRuns.RawInput raw = answer(runs.raw(id, asker(ctx), audited(ctx)));
    ctx.contentType("application/octet-stream")
        .header(
            "Content-Disposition",
            "attachment; filename=\"ingest-run-" + id + "." + raw.run().format() + "\"");
    // streamed: an input may be larger than the heap
    try (InputStream in = raw.in()) {
      in.transferTo(ctx.outputStream());
    }
  }

  static Reader reader(Context ctx) {
    Principal p = Web.principal(ctx);
    return new Reader(p.username(), p.agency());
  }

  static Actor actor(Context ctx) {
    Principal p = Web.principal(ctx);
    return new Actor(p.username(), p.agency(), false);
  }

  /**
   * The audit trail of a decision taken through this request: written as reads are ({@link
   * Web#audit}), so that the entry carries the client's address.
   */
  static org.sekisho.core.audit.AuditTrail audited(Context ctx) {
    return e -> Web.audit(ctx, e.action(), e.subject(), e.details());
  }

  private String render(String template, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    templates.render(template, params, out);
    return out.toString();
  }

  private void dashboardPage(Context ctx) {
    var d = queries.dashboard(day(ctx, "date"), reader(ctx));
    Web.page(
        ctx,
        Web.messages(ctx).get("nav.dashboard"),
        render("dashboard.jte", Map.of("d", d, "t", Web.messages(ctx))));
  }

  /** The search parameters the search page and the API read, in the order the page shows them. */
  private static final List<String> SEARCH_PARAMS =
      List.of("q", "kind", "from", "to", "office", "country", "hs", "sort", "size");

  /**
   * The query asked for, or every parameter refused with why (each named once, its first problem,
   * in the order they are checked: the API answers with the first).
   */
  private record Asked(Optional<SearchQuery> query, List<Problem> problems) {}

  private Asked ask(Context ctx) {
    List<Problem> problems = new ArrayList<>();
    String kind = param(ctx, "kind");
    if (!kind.isEmpty() && RecordKind.ofCode(kind).isEmpty()) {
      problems.add(
          Problem.of(
              "invalid-parameter",
              "kind",
              "expected declaration, transport-document, conveyance-movement, postal-item or"
                  + " seizure"));
    }
    // an HS code of other than 2, 4 or 6 digits, and from after to, are among the query's problems
    String hs = param(ctx, "hs");
    String country = param(ctx, "country").toUpperCase(Locale.ROOT);
    if (!country.isEmpty() && !org.sekisho.core.Country.isValidOrUnknown(country)) {
      problems.add(
          Problem.of(
              "invalid-parameter", "country", "expected an ISO 3166-1 alpha-2 code, e.g. CN"));
    }
    Optional<LocalDate> from = checked(problems, () -> day(ctx, "from"), Optional.empty());
    Optional<LocalDate> to = checked(problems, () -> day(ctx, "to"), Optional.empty());
    int page = checked(problems, () -> Web.intParam(ctx, "page", 0, 0, 10_000), 0);
    int size = checked(problems, () -> Web.intParam(ctx, "size", 50, 1, SearchQuery.MAX_SIZE), 50);
    // relevance (exact matches first) or newest first; blank for the default of the query
    String sortName = param(ctx, "sort");
    Optional<IntelViews.SearchOrder> sort = IntelViews.SearchOrder.ofCode(sortName);
    if (!sortName.isEmpty() && sort.isEmpty()) {
      problems.add(
          Problem.of(
                  "invalid-parameter",
                  "sort",
                  "expected relevance (exact matches first) or newest, got '"
                      + FieldRules.shorten(sortName)
                      + "'")
              .worded("not-an-order", FieldRules.shorten(sortName)));
    }
    SearchQuery q =
        new SearchQuery(
            param(ctx, "q"),
            problems.stream().anyMatch(p -> p.field().equals("kind"))
                ? Optional.empty()
                : opt(kind),
            from,
            to,
            opt(param(ctx, "office")),
            problems.stream().anyMatch(p -> p.field().equals("country"))
                ? Optional.empty()
                : opt(country),
            opt(hs),
            page,
            size,
            sort.orElse(null));
    problems.addAll(q.problems());
    // one problem per field: the first, as the API has always answered
    Set<String> seen = new HashSet<>();
    List<Problem> first = problems.stream().filter(p -> seen.add(p.field())).toList();
    return new Asked(first.isEmpty() ? Optional.of(q) : Optional.empty(), first);
  }

  /** What {@code read} reads, or {@code otherwise} with its refusal added to {@code problems}. */
  private static <T> T checked(
      List<Problem> problems, java.util.function.Supplier<T> read, T otherwise) {
    try {
      return read.get();
    } catch (HttpProblem e) {
      problems.add(e.problem());
      return otherwise;
    }
  }

  private SearchQuery query(Context ctx) {
    Asked a = ask(ctx);
    return a.query().orElseThrow(() -> new HttpProblem(a.problems().get(0)));
  }

  private SearchPage search(Context ctx, SearchQuery q) {
    SearchPage p = queries.search(q, reader(ctx));
    Map<String, String> details = q.auditDetails(p.total());
    Web.audit(ctx, "search", "", details);
    // the office miss in the reader's language, for the page and the API alike
    Messages t = Web.messages(ctx);
    return p.withOfficeMiss(
        p.officeMiss()
            .map(
                m ->
                    m.worded(
                        m.nearest().isEmpty()
                            ? t.get("search.officeMiss.none", m.office())
                            : t.get(
                                "search.officeMiss", m.office(), String.join(", ", m.nearest())))));
  }

  /**
   * The search page; a parameter refused, the page comes back (with the refusal's status) showing
   * why beside each field at fault, in the reader's language, with what was typed.
   */
  private void searchPage(Context ctx) {
    Map<String, String> echo = new LinkedHashMap<>();
    for (String k : SEARCH_PARAMS) {
      echo.put(k, param(ctx, k));
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("q", echo);
    params.put("t", Web.messages(ctx));
    Asked asked = ask(ctx);
    if (asked.query().isEmpty()) {
      Messages t = Web.messages(ctx);
      Map<String, String> errors = new LinkedHashMap<>();
      asked.problems().forEach(p -> errors.put(p.field(), SearchMessages.why(t, p, echo)));
      Problem first = asked.problems().get(0);
      ctx.status(HttpProblem.status(first));
      params.put("p", null);
      params.put("nextUrl", "");
      params.put("prevUrl", "");
      params.put("exportUrl", "");
      params.put(
          "refused",
          new FormRefusal(
              "search", first.field(), errors.get(first.field()), echo, List.of(), errors));
      Web.page(ctx, t.get("search.title"), render("search.jte", params));
      return;
    }
    SearchQuery q = asked.query().get();
    SearchPage p = search(ctx, q);
    // the count stops at its cap; whether a next page has hits is known beyond it
    String next = p.more() ? pageUrl(echo, q.page() + 1) : "";
    String prev = q.page() > 0 ? pageUrl(echo, q.page() - 1) : "";
    params.put("p", p);
    params.put("nextUrl", next);
    params.put("prevUrl", prev);
    // the same search as a file: every parameter but the page's size and number
    Map<String, String> exported = new LinkedHashMap<>(echo);
    exported.remove("size");
    params.put("exportUrl", pageUrl(exported, 0).replaceFirst("^/search", "/api/search/export"));
    params.put("refused", null);
    Web.page(ctx, Web.messages(ctx).get("search.title"), render("search.jte", params));
  }

  /**
   * The search page {@code page} of the same query: every non-empty parameter kept, encoded, and
   * the page number (left out for the first page).
   */
  static String pageUrl(Map<String, String> params, int page) {
    StringBuilder sb = new StringBuilder("/search");
    char sep = '?';
    for (Map.Entry<String, String> e : params.entrySet()) {
      if (!e.getValue().isEmpty() && !e.getKey().equals("page")) {
        sb.append(sep)
            .append(e.getKey())
            .append('=')
            .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        sep = '&';
      }
    }
    if (page > 0) {
      sb.append(sep).append("page=").append(page);
    }
    return sb.toString();
  }

  /**
   * The search API; a parameter refused, every refused parameter at once in the reader's language
   * ({@code problems}, the first also as {@code error}, {@code message}, {@code field}).
   */
  private void searchApi(Context ctx) {
    Asked a = ask(ctx);
    if (a.query().isEmpty()) {
      Messages t = Web.messages(ctx);
      Map<String, String> typed = typedSearch(ctx);
      ProblemAnswer.send(
          ctx,
          a.problems().stream()
              .map(
                  p ->
                      ApiMessages.english(t)
                          ? p
                          : Problem.of(p.code(), p.field(), SearchMessages.why(t, p, typed)))
              .toList());
      return;
    }
    ctx.json(search(ctx, a.query().get()));
  }

  /**
   * The search's records as a CSV file, read page by page in the search's order, up to {@link
   * SearchExport#MAX_ROWS}; one audit entry ({@code export}) with the query and how many records
   * left in the file.
   */
  private void searchExport(Context ctx) {
    SearchQuery asked = query(ctx);
    List<IntelViews.Hit> hits = new ArrayList<>();
    boolean more = true;
    for (int page = 0; more && hits.size() < SearchExport.MAX_ROWS; page++) {
      SearchPage p = queries.search(asked.withPage(page, SearchQuery.MAX_SIZE), reader(ctx));
      hits.addAll(p.hits());
      more = p.more() && !p.hits().isEmpty();
    }
    boolean truncated = more || hits.size() > SearchExport.MAX_ROWS;
    if (hits.size() > SearchExport.MAX_ROWS) {
      hits = hits.subList(0, SearchExport.MAX_ROWS);
    }
    Map<String, String> details = asked.auditDetails(hits.size());
    details.remove("page");
    details.put("truncated", Boolean.toString(truncated));
    Web.audit(ctx, "export", "", details);
    String base = SearchExport.linkBase(ctx.header("Referer"), ctx.host());
    ctx.header("X-Sekisho-Truncated", Boolean.toString(truncated));
    ctx.header("Content-Disposition", "attachment; filename=\"sekisho-search.csv\"");
    ctx.contentType("text/csv; charset=utf-8");
    ctx.result(SearchExport.csv(hits, Web.messages(ctx).zone(), base));
  }

  private long id(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw HttpProblem.of("invalid-parameter", "id", "expected a numeric id");
    }
  }

  /**
   * Refused ({@link #unavailable}) unless the reader may read record {@code id}: one another agency
   * holds and has not shared with the reader's answers exactly as an id that does not exist
   * (status, code, message), for every caller, the administration's readers included, so that no
   * answer tells which ids exist; the denied read is audited all the same.
   */
  private void requireRecord(Context ctx, long id) {
    Visibility v = queries.recordVisibility(id, reader(ctx));
    if (v == Visibility.FORBIDDEN) {
      Web.audit(ctx, "record.read.denied", "record:" + id, Map.of());
    }
    if (v != Visibility.VISIBLE) {
      throw unavailable(ctx, "record", Long.toString(id));
    }
  }

  /**
   * Refused ({@link #unavailable}) unless the reader may read entity {@code id}: one named only by
   * records the reader may not read answers exactly as an id that does not exist, for every caller
   * (see {@link #requireRecord}); the denied read is audited all the same.
   */
  private void requireEntity(Context ctx, long id) {
    Visibility v = queries.entityVisibility(id, reader(ctx));
    if (v == Visibility.FORBIDDEN) {
      Web.audit(ctx, "entity.read.denied", "entity:" + id, Map.of());
    }
    if (v != Visibility.VISIBLE) {
      throw unavailable(ctx, "entity", Long.toString(id));
    }
  }

  /**
   * Not found, worded in the reader's language ({@code api.error.not-found.<what>}): the one answer
   * for an id that does not exist and one the reader may not read.
   */
  /**
   * The one answer for a record or entity the reader may not read, whether it does not exist or
   * only another agency's unshared records hold it: 403, the same status, code and words either
   * way, so that the answer never tells that a hidden one exists (as a store answers access denied
   * for a missing key to a caller who may not list it). The caller audits a denied read.
   */
  private static HttpProblem unavailable(Context ctx, String what, String id) {
    return worded(
        ctx,
        Problem.of("forbidden", "", Web.messages(ctx).get("api.error.unavailable." + what, id)));
  }

  private static HttpProblem notFound(Context ctx, String what, long id) {
    return worded(
        ctx,
        Problem.of(
            "not-found",
            "",
            Web.messages(ctx).get("api.error.not-found." + what, Long.toString(id))));
  }

  private void recordPage(Context ctx) {
    renderRecord(ctx, id(ctx), null);
  }

  /**
   * The record page, read and audited as always; with {@code refused}, the share or revoke form
   * that was refused shows why, beside what was typed.
   */
  private void renderRecord(Context ctx, long id, FormRefusal refused) {
    requireRecord(ctx, id);
    var r =
        queries
            .record(id, reader(ctx))
            .orElseThrow(() -> unavailable(ctx, "record", Long.toString(id)));
    Web.audit(
        ctx, "record.read", "record:" + id, Map.of("kind", r.kind(), "sourceId", r.sourceId()));
    String prettyJson;
    try {
      prettyJson = pretty.writeValueAsString(shown(pretty.readTree(r.dataJson()), true));
    } catch (IOException e) {
      prettyJson = r.dataJson();
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("r", r);
    params.put("prettyJson", prettyJson);
    params.put("t", Web.messages(ctx));
    // with whom the record is shared: for its own agency's readers; the form for its liaison
    Principal p = Web.principal(ctx);
    boolean owner = r.agency().equals(p.agency());
    params.put(
        "shares", owner ? answer(sharing.shares(id, actor(ctx))) : List.<RecordSharing.Share>of());
    params.put("owner", owner);
    params.put("sharedWith", sharedWithFor(r.agency(), r.sharedWith(), p));
    params.put("mayShare", owner && SHARE.admits(p));
    // the partners an agreement in force allows, less those that have the record already: when
    // none is left because all have it, the page says so rather than "no agreement"
    List<String> allowed =
        owner && SHARE.admits(p)
            ? RecordKind.ofCode(r.kind())
                .map(k -> sharing.allowedPartners(r.agency(), k))
                .orElse(List.of())
            : List.of();
    List<String> partners = allowed.stream().filter(a -> !r.sharedWith().contains(a)).toList();
    params.put("partners", partners);
    params.put("allShared", !allowed.isEmpty() && partners.isEmpty());
    // the agreements a sharing may fall under, to choose from when more than one could apply
    params.put(
        "agreements",
        partners.isEmpty()
            ? List.<SharingAgreement>of()
            : RecordKind.ofCode(r.kind()).map(k -> sharing.inForceFor(k)).orElse(List.of()).stream()
                .filter(a -> partners.contains(a.agency()) || a.agency().equals(r.agency()))
                .toList());
    // a partner's reader sees the basis of its own agency's sharing: what limits its use
    params.put(
        "ownShare",
        owner ? Optional.<RecordSharing.Share>empty() : sharing.sharingOf(id, actor(ctx)));
    params.put("refused", refused);
    params.put("csrf", Web.csrf(ctx));
    Web.page(ctx, Titles.local(r.title(), Web.messages(ctx)), render("record.jte", params));
  }

  private void recordBySource(Context ctx) {
    // the record page checks the reader's agency and audits the read
    ctx.redirect("/records/" + bySource(ctx), HttpStatus.SEE_OTHER);
  }

  /**
   * The id of the record a kind and source id in the path name for the reader: its own agency's,
   * else one shared with it; another agency's unshared record is refused exactly as an unknown id
   * is. The kind is its code ({@code seizure}) or its plural as ingest names it ({@code seizures}).
   */
  private long bySource(Context ctx) {
    String typed = ctx.pathParam("kind");
    String sourceId = ctx.pathParam("sourceId");
    Optional<RecordKind> named = RecordKind.ofCode(typed).or(() -> RecordKind.ofPlural(typed));
    if (named.isEmpty()) {
      throw new HttpProblem(
          Problem.of(
                  "invalid-field",
                  "kind",
                  "expected a record kind such as declaration, got '" + typed + "'")
              .worded("not-a-kind", typed));
    }
    String kind = named.get().code();
    Optional<Long> id = queries.recordId(kind, sourceId, reader(ctx));
    if (id.isEmpty()) {
      // not found, as an unknown source id is, but a refused read all the same: audited as one
      for (long hidden : queries.hiddenRecordIds(kind, sourceId, reader(ctx))) {
        Web.audit(ctx, "record.read.denied", "record:" + hidden, Map.of());
      }
      throw unavailable(ctx, "record", kind + " " + sourceId);
    }
    return id.get();
  }

  private void recordApi(Context ctx) {
    recordApi(ctx, id(ctx));
  }

  private void recordApi(Context ctx, long id) {
    requireRecord(ctx, id);
    var r =
        queries
            .record(id, reader(ctx))
            .orElseThrow(() -> unavailable(ctx, "record", Long.toString(id)));
    Web.audit(
        ctx, "record.read", "record:" + id, Map.of("kind", r.kind(), "sourceId", r.sourceId()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", r.id());
    body.put("kind", r.kind());
    body.put("sourceId", r.sourceId());
    body.put("eventTime", r.eventTime());
    body.put("recordedAt", r.recordedAt());
    body.put("office", r.office());
    body.put("agency", r.agency());
    body.put("sharedWith", sharedWithFor(r.agency(), r.sharedWith(), Web.principal(ctx)));
    body.put("title", r.title());
    body.put("parties", r.parties());
    body.put("entities", r.entities());
    // the seizures naming this record in their relatedRecords, as its page lists them: only those
    // the reader may read (a partner sees those shared with it)
    List<Map<String, Object>> namedBy = new ArrayList<>();
    for (IntelViews.Hit h : r.namedBy()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", h.id());
      m.put("kind", h.kind());
      m.put("sourceId", h.sourceId());
      m.put("eventTime", h.eventTime());
      m.put("title", h.title());
      m.put("href", "/api/records/" + h.id());
      m.put("page", "/records/" + h.id());
      namedBy.add(m);
    }
    body.put("namedBy", namedBy);
    try {
      // written here, not by the server's mapper, so that numbers keep every digit in plain form
      var exact = org.sekisho.intel.adapter.format.ExactJson.compact();
      body.put(
          "data",
          new com.fasterxml.jackson.databind.util.RawValue(
              exact.writeValueAsString(shown(exact.readTree(r.dataJson()), false))));
      // the same data under the names an ingest row gives them (data calls the time eventTime,
      // ingest date or time), so that a record read here can be sent back or to another system
      RecordKind kind = RecordKind.ofCode(r.kind()).orElseThrow();
      Map<String, Object> ingest = new LinkedHashMap<>();
      ingest.put("path", "/api/ingest/" + kind.plural());
      ingest.put(
          "row",
          new com.fasterxml.jackson.databind.util.RawValue(
              exact.writeValueAsString(ingestRow(exact.readTree(r.dataJson()), kind))));
      body.put("ingest", ingest);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ctx.json(body);
  }

  /**
   * A stored record's data as an ingest row of its kind: the time under the kind's time field
   * ({@code date}, a movement's {@code time}) instead of {@code eventTime}, the fields left blank
   * and those the format does not define (derived ones such as an item's sequence) left out.
   */
  static JsonNode ingestRow(JsonNode data, RecordKind kind) {
    JsonNode row = shown(data, true);
    if (row instanceof com.fasterxml.jackson.databind.node.ObjectNode o && o.has("eventTime")) {
      JsonNode t = o.remove("eventTime");
      o.set(kind.timeField(), t);
    }
    return inFormat(row, org.sekisho.core.RecordFormat.ofKind(kind.code()).orElseThrow());
  }

  private static JsonNode inFormat(JsonNode node, org.sekisho.core.RecordFormat.Shape shape) {
    if (!(node instanceof com.fasterxml.jackson.databind.node.ObjectNode o)) {
      return node;
    }
    com.fasterxml.jackson.databind.node.ObjectNode out = o.objectNode();
    shape
        .fields()
        .forEach(
            (name, field) -> {
              JsonNode v = o.get(name);
              if (v == null) {
                return;
              }
              if (field.shape() != null && v.isArray()) {
                com.fasterxml.jackson.databind.node.ArrayNode a = out.putArray(name);
                v.forEach(e -> a.add(inFormat(e, field.shape())));
              } else if (field.shape() != null) {
                out.set(name, inFormat(v, field.shape()));
              } else {
                out.set(name, v);
              }
            });
    return out;
  }

  /**
   * The stored record as it is shown: without a party's derived {@code empty} flag, which is no
   * field of the record; on the page ({@code dropBlank}) without the fields the record left blank,
   * which storage fills with "" or [].
   */
  static JsonNode shown(JsonNode data, boolean dropBlank) {
    if (data instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
      List<String> drop = new ArrayList<>();
      o.properties()
          .forEach(
              e -> {
                JsonNode v = shown(e.getValue(), dropBlank);
                boolean flag = e.getKey().equals("empty") && v.isBoolean();
                boolean blank =
                    v.isNull()
                        || (v.isTextual() && v.asText().isEmpty())
                        || (v.isContainerNode() && v.isEmpty());
                if (flag || (dropBlank && blank)) {
                  drop.add(e.getKey());
                }
              });
      o.remove(drop);
    } else if (data instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
      a.forEach(v -> shown(v, dropBlank));
    }
    return data;
  }

  private void entityPage(Context ctx) {
    renderEntity(ctx, id(ctx), null);
  }

  /**
   * The entity page, read and audited as always; with {@code refused}, the merge or undo form that
   * was refused shows why beside it, with what was typed.
   */
  private void renderEntity(Context ctx, long id, FormRefusal refused) {
    requireEntity(ctx, id);
    var e =
        queries
            .entity(id, reader(ctx), 200)
            .orElseThrow(() -> unavailable(ctx, "entity", Long.toString(id)));
    // A merged-away party's page names the party it became, where the reader may read that one;
    // its name is a read of personal data too, so the audit entry says whose it was.
    Optional<Long> survivorId =
        e.mergedInto().filter(s -> queries.entityVisibility(s, reader(ctx)) == Visibility.VISIBLE);
    String survivor =
        survivorId
            .flatMap(s -> queries.entity(s, reader(ctx), 1))
            .map(IntelViews.EntityView::display)
            .orElse(null);
    Web.audit(
        ctx,
        "entity.read",
        "entity:" + id,
        survivor == null
            ? Map.of("type", e.type())
            : Map.of("type", e.type(), "survivor", "entity:" + survivorId.get()));
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("e", e);
    params.put("survivor", survivor);
    // the records that came to this party through a merge, each with the party merged in that
    // names it (that party's name is shown in the merge history already)
    Map<Long, String> mergedNames = new java.util.HashMap<>();
    e.merges().stream()
        .filter(m -> m.survivorId() == id && m.undoneAt().isEmpty())
        .forEach(m -> mergedNames.putIfAbsent(m.mergedId(), m.mergedDisplay()));
    Map<Long, Long> through =
        mergedNames.isEmpty()
            ? Map.of()
            : merges.cameThroughMerge(id, e.records().stream().map(IntelViews.Hit::id).toList());
    params.put("through", through);
    params.put("mergedNames", mergedNames);
    params.put("mayMerge", MERGE.admits(Web.principal(ctx)));
    params.put("csrf", Web.csrf(ctx));
    params.put("t", Web.messages(ctx));
    params.put("refused", refused);
    params.put("graphTexts", graphTexts(Web.messages(ctx)));
    Web.page(ctx, e.display(), render("entity.jte", params));
  }

  /** The node kinds the link graph draws: records and every entity type. */
  private static final List<String> GRAPH_KINDS =
      List.of(
          "record",
          "company",
          "person",
          "trader",
          "address",
          "phone",
          "email",
          "document",
          "vessel",
          "flight",
          "container",
          "transport-document");

  /** The links' roles the graph names. */
  private static final List<String> GRAPH_ROLES =
      List.of(
          "declarant",
          "importer",
          "exporter",
          "consignee",
          "seller",
          "shipper",
          "notify",
          "sender",
          "addressee",
          "suspect",
          "company",
          "container",
          "transport-document",
          "master",
          "self",
          "conveyance");

  /**
   * The link graph's texts in the reader's language, as JSON for its script (status line, legend,
   * node kinds, link roles, tooltips): the script itself holds none.
   */
  private String graphTexts(Messages t) {
    Map<String, Object> texts = new LinkedHashMap<>();
    texts.put("loading", t.get("graph.loading"));
    texts.put("status", t.get("graph.status"));
    texts.put("truncated", t.get("graph.truncated"));
    texts.put("unavailable", t.get("graph.unavailable"));
    texts.put("legend", t.get("graph.legend"));
    texts.put("open", t.get("graph.open"));
    texts.put("fit", t.get("graph.fit"));
    texts.put("labels", t.get("graph.labels"));
    Map<String, String> kinds = new LinkedHashMap<>();
    for (String k : GRAPH_KINDS) {
      kinds.put(k, t.get(k.equals("record") ? "graph.kind.record" : "entity." + k));
    }
    texts.put("kinds", kinds);
    Map<String, String> roles = new LinkedHashMap<>();
    for (String r : GRAPH_ROLES) {
      roles.put(r, t.get("role." + r));
    }
    texts.put("roles", roles);
    try {
      return PLAIN_JSON.writeValueAsString(texts);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void entityApi(Context ctx) {
    long id = id(ctx);
    requireEntity(ctx, id);
    var e = queries.entity(id, reader(ctx), Web.intParam(ctx, "limit", 200, 1, 5000)).orElseThrow();
    Web.audit(ctx, "entity.read", "entity:" + id, Map.of("type", e.type()));
    ctx.json(e);
  }

  private void graphApi(Context ctx) {
    long id = id(ctx);
    requireEntity(ctx, id);
    int hops = Web.intParam(ctx, "hops", 2, 1, 6);
    var g = queries.graph(id, reader(ctx), hops, Web.intParam(ctx, "max", 250, 10, 2000));
    // A graph shows the names of every person in it, so whose names were shown is kept, by id
    Web.audit(
        ctx,
        "entity.graph",
        "entity:" + id,
        Map.of(
            "hops",
            Integer.toString(hops),
            "nodes",
            Integer.toString(g.nodes().size()),
            "persons",
            String.join(
                ",",
                g.nodes().stream()
                    .filter(n -> n.type().equals("person"))
                    .map(n -> Long.toString(n.dbId()))
                    .toList())));
    // a record's label is its title, whose kind words the reader's language says as the page's
    // record lists do (輸入申告 …); names and ids stay as written, English labels as they were
    Messages t = Web.messages(ctx);
    if (!ApiMessages.english(t)) {
      g =
          new IntelViews.Graph(
              g.nodes().stream()
                  .map(
                      n ->
                          n.type().equals("record")
                              ? new IntelViews.Node(
                                  n.id(), Titles.local(n.label(), t), n.type(), n.dbId())
                              : n)
                  .toList(),
              g.edges(),
              g.truncated(),
              g.mergedInto());
    }
    ctx.json(g);
  }

  private void graphScript(Context ctx) throws IOException {
    try (InputStream in = IntelWeb.class.getResourceAsStream("/assets/intel/graph.js")) {
      if (in == null) {
        throw HttpProblem.notFound("graph.js");
      }
      ctx.contentType("text/javascript; charset=utf-8").result(in.readAllBytes());
    }
  }

  private long mergedId(String raw) {
    try {
      return Long.parseLong(raw == null ? "" : raw.strip());
    } catch (NumberFormatException e) {
      throw HttpProblem.of(
          "invalid-parameter", "mergedId", "expected the numeric id of the entity to merge");
    }
  }

  /**
   * Merges from the entity page (a candidate's row, or the form that takes an id: {@code
   * form=by-id}); refused, the page comes back (with the refusal's status) showing why beside the
   * form, with the id and reason as typed.
   */
  private void mergeForm(Context ctx) {
    long id = id(ctx);
    requireEntity(ctx, id);
    String typedId = form(ctx, "mergedId").strip();
    String reason = form(ctx, "reason");
    String name = "by-id".equals(form(ctx, "form")) ? "merge-by-id" : "merge:" + typedId;
    Outcome<Long> o;
    try {
      long mergedId = mergedId(typedId);
      // the entity pulled in must be one the actor may read, as the survivor must
      requireEntity(ctx, mergedId);
      o = merges.merge(id, mergedId, reason, actor(ctx), audited(ctx));
    } catch (HttpProblem refused) {
      o = new Outcome.Rejected<>(List.of(refused.problem()));
    }
    if (o instanceof Outcome.Rejected<?> r) {
      Problem p = r.problems().get(0);
      // refused decisions are kept as the sharing's are: which form, which field, why (by code)
      auditMergeRefused(ctx, id, typedId, p);
      ctx.status(HttpProblem.status(p));
      renderEntity(
          ctx,
          id,
          new FormRefusal(
              name,
              p.field(),
              MergeMessages.why(Web.messages(ctx), p, typedId.equals(Long.toString(id)), typedId),
              Map.of("mergedId", typedId, "reason", reason),
              List.of()));
      return;
    }
    ctx.redirect("/entities/" + id);
  }

  /**
   * Undoes a merge from an entity page; refused, the page comes back showing why beside the undo
   * form, with the reason as typed.
   */
  private void undoForm(Context ctx) {
    long mergeId = id(ctx);
    // everything is checked before the undo is made: a bad page to return to must not answer 400
    // for an undo already done
    String back = Optional.ofNullable(ctx.formParam("back")).orElse("").strip();
    if (!back.isEmpty() && !back.matches("\\d{1,18}")) {
      throw HttpProblem.of(
          "invalid-parameter", "back", "expected the numeric id of the entity page to return to");
    }
    long survivor = requireMerge(ctx, mergeId);
    String reason = form(ctx, "reason");
    long page = back.isEmpty() ? survivor : Long.parseLong(back);
    if (merges.undo(mergeId, reason, actor(ctx), audited(ctx)) instanceof Outcome.Rejected<?> r) {
      Problem p = r.problems().get(0);
      auditUndoRefused(ctx, mergeId, p);
      ctx.status(HttpProblem.status(p));
      renderEntity(
          ctx,
          page,
          new FormRefusal(
              "undo:" + mergeId,
              p.field(),
              MergeMessages.why(Web.messages(ctx), p, false, Long.toString(mergeId)),
              Map.of("reason", reason),
              List.of()));
      return;
    }
    ctx.redirect("/entities/" + page);
  }

  /**
   * A refused merge into entity {@code id}, audited by ids and the refusal's code and field: the
   * entity to merge as typed only when it is an id, never the reason.
   */
  private static void auditMergeRefused(Context ctx, long id, String typedId, Problem p) {
    String merged = typedId.strip().matches("\\d{1,18}") ? typedId.strip() : "";
    Web.audit(
        ctx,
        "entity.merge.refused",
        "entity:" + id,
        Map.of(
            "merged",
            merged,
            "refused",
            p.code() == null ? "" : p.code(),
            "field",
            p.field() == null ? "" : p.field()));
  }

  /**
   * A refused undo of merge {@code mergeId}, audited by its id and the refusal's code and field.
   */
  private static void auditUndoRefused(Context ctx, long mergeId, Problem p) {
    Web.audit(
        ctx,
        "entity.merge.undo.refused",
        "merge:" + mergeId,
        Map.of(
            "refused",
            p.code() == null ? "" : p.code(),
            "field",
            p.field() == null ? "" : p.field()));
  }

  /**
   * The survivor of merge {@code mergeId}, once both of its entities are found readable by the
   * actor: undoing a merge with an entity the actor cannot see is refused as reading it would be.
   */
  private long requireMerge(Context ctx, long mergeId) {
    var m = queries.merge(mergeId).orElseThrow(() -> notFound(ctx, "merge", mergeId));
    try {
      requireEntity(ctx, m.survivorId());
      requireEntity(ctx, m.mergedId());
    } catch (HttpProblem hidden) {
      // a merge of entities the actor may not read is not found, as an unknown merge id is: naming
      // the entity would tell that the merge exists, and which entity it kept
      throw notFound(ctx, "merge", mergeId);
    }
    return m.survivorId();
  }

  // ---- sharing with partner agencies

  /**
   * The agencies a record is shared with, as a reader may know them: all of them for the owner's
   * readers; for a partner's, only its own (which other partners got the record is the owner's).
   */
  static List<String> sharedWithFor(String owner, List<String> sharedWith, Principal reader) {
    if (owner.equals(reader.agency())) {
      return sharedWith;
    }
    return sharedWith.contains(reader.agency()) ? List.of(reader.agency()) : List.of();
  }

  private static Map<String, Object> agreementJson(SharingAgreement a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("agency", a.agency());
    m.put("kinds", a.kinds().stream().map(RecordKind::plural).toList());
    m.put("reference", a.reference());
    m.put("validFrom", a.validFrom().toString());
    m.put("validUntil", a.validUntil().map(LocalDate::toString).orElse(null));
    return m;
  }

  private static Map<String, Object> shareJson(RecordSharing.Share s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("agency", s.agency());
    m.put("agreementId", s.agreementId() == 0 ? null : s.agreementId());
    m.put("agreement", s.agreementReference());
    m.put("purpose", s.purpose());
    m.put("sharedBy", s.sharedBy());
    m.put("sharedAt", s.sharedAt().toString());
    m.put("inForce", s.inForce());
    m.put("revokedBy", s.revokedBy().orElse(null));
    m.put("revokedAt", s.revokedAt().map(Object::toString).orElse(null));
    m.put("revokeReason", s.revokeReason().orElse(null));
    return m;
  }

  private void agreementsApi(Context ctx) {
    LocalDate today = sharing.today();
    List<Map<String, Object>> out = new ArrayList<>();
    List<RecordSharing.AgreementEntry> seen = new ArrayList<>(sharing.agreementsSeenBy(actor(ctx)));
    // the most recent first, as this answer always listed them
    seen.sort(
        java.util.Comparator.comparing(
                (RecordSharing.AgreementEntry e) -> e.agreement().validFrom())
            .reversed());
    for (RecordSharing.AgreementEntry e : seen) {
      Map<String, Object> m = agreementJson(e.agreement());
      m.put("state", e.agreement().state(today).code());
      m.put("recordedBy", e.recordedBy());
      m.put("recordedAt", e.recordedAt().toString());
      m.put("endedBy", e.ending().map(RecordSharing.Ending::by).orElse(null));
      m.put("endedAt", e.ending().map(en -> en.at().toString()).orElse(null));
      m.put("endReason", e.ending().map(RecordSharing.Ending::reason).orElse(null));
      out.add(m);
    }
    ctx.json(Map.of("agreements", out));
  }

  /**
   * Records an agreement; refused, every problem at once (each naming its field, the first deciding
   * the status), in the reader's language, as the desk's form answers.
   */
  private void addAgreementApi(Context ctx) {
    String shape =
        "{\"agency\":\"police-jp\",\"kinds\":[\"seizures\"],\"reference\":…,"
            + "\"validFrom\":\"YYYY-MM-DD\",\"validUntil\":…}";
    JsonNode body = jsonObject(ctx, shape);
    // a misspelt field (from for validFrom) would record other days than the ones meant
    List<Problem> refusedHere =
        new ArrayList<>(unknownFields(body, AGREEMENT_FIELDS.toArray(String[]::new)));
    List<String> kinds = new ArrayList<>();
    JsonNode ks = body.get("kinds");
    if (ks != null && !ks.isNull()) {
      if (!ks.isArray()) {
        refusedHere.add(Problem.of("invalid-field", "kinds", "expected a list of record kinds"));
      } else {
        for (int i = 0; i < ks.size(); i++) {
          if (ks.get(i).isTextual()) {
            kinds.add(ks.get(i).asText());
          } else {
            refusedHere.add(
                Problem.of("invalid-field", "kinds[" + i + "]", "expected a record kind"));
          }
        }
      }
    }
    String agency = checked(refusedHere, () -> jsonText(body, "agency", "an agency code"), "");
    String reference =
        checked(refusedHere, () -> jsonText(body, "reference", "the agreement's citation"), "");
    LocalDate from =
        checked(refusedHere, () -> jsonDate(body, "validFrom"), Optional.<LocalDate>empty())
            .orElse(null);
    Optional<LocalDate> until =
        checked(refusedHere, () -> jsonDate(body, "validUntil"), Optional.<LocalDate>empty());
    switch (addAgreement(ctx, agency, kinds, reference, refusedHere, from, until)) {
      case Outcome.Accepted<SharingAgreement> a -> ctx.status(201).json(agreementJson(a.value()));
      case Outcome.Rejected<SharingAgreement> r -> sendSharing(ctx, r.problems(), agency);
    }
  }

  /**
   * Records an agreement, or refuses it with every problem: those found reading the request ({@code
   * refusedHere}: a day that is no date, a kind that is no text) beside the use case's own for the
   * other fields, in the form's order. A request refused here is audited as the use case audits its
   * own refusals.
   */
  private Outcome<SharingAgreement> addAgreement(
      Context ctx,
      String agency,
      List<String> kinds,
      String reference,
      List<Problem> refusedHere,
      LocalDate from,
      Optional<LocalDate> until) {
    if (refusedHere.isEmpty()) {
      return sharing.addAgreement(agency, kinds, reference, from, until, actor(ctx));
    }
    List<Problem> problems = new ArrayList<>(refusedHere);
    Set<String> refused = new HashSet<>();
    refusedHere.forEach(q -> refused.add(bare(q.field())));
    for (Problem q : sharing.agreementProblems(agency, kinds, reference, from, until, actor(ctx))) {
      if (!refused.contains(bare(q.field()))) {
        problems.add(q);
      }
    }
    problems.sort(Comparator.comparingInt(q -> AGREEMENT_FIELDS.indexOf(bare(q.field()))));
    Map<String, String> details = new LinkedHashMap<>();
    details.put("agency", FieldRules.shorten(agency));
    details.put("refused", problems.get(0).code());
    details.put("field", problems.get(0).field());
    if (problems.size() > 1) {
      details.put("fields", String.join(",", problems.stream().map(Problem::field).toList()));
    }
    Web.audit(ctx, "sharing.agreement.refused", "", details);
    return new Outcome.Rejected<>(problems);
  }

  private void readableApi(Context ctx) {
    String partner = Optional.ofNullable(ctx.queryParam("agency")).orElse("").strip();
    List<RecordSharing.SharedRecord> out = answer(sharing.readableBy(partner, actor(ctx)));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (RecordSharing.SharedRecord r :
        out.subList(0, Math.min(out.size(), RecordSharing.MAX_LISTED))) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", r.id());
      m.put("kind", r.kind().code());
      m.put("sourceId", r.sourceId());
      m.put("agreementId", r.agreementId() == 0 ? null : r.agreementId());
      m.put("sharedBy", r.sharedBy());
      m.put("since", r.since().toString());
      m.put("title", r.title());
      m.put("agreement", r.agreementReference());
      m.put("purpose", r.purpose());
      rows.add(m);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("agency", partner);
    body.put("records", rows);
    body.put("truncated", out.size() > RecordSharing.MAX_LISTED);
    ctx.json(body);
  }

  /**
   * Ends an agreement; refused, every problem at once (a last day that is no date, or out of the
   * agreement's days, beside a missing reason), in the reader's language.
   */
  private void endAgreementApi(Context ctx) {
    long id = id(ctx);
    JsonNode body = jsonObject(ctx, "{\"lastDay\":\"YYYY-MM-DD\",\"reason\":…}");
    // a misspelt field would end the agreement on another day, or with no reason kept
    only(body, "lastDay", "reason");
    List<Problem> refusedHere = new ArrayList<>();
    LocalDate lastDay =
        checked(refusedHere, () -> jsonDate(body, "lastDay"), Optional.<LocalDate>empty())
            .orElse(null);
    String reason = checked(refusedHere, () -> jsonText(body, "reason", "text"), "");
    Outcome<SharingAgreement> o;
    if (refusedHere.isEmpty()) {
      o = sharing.endAgreement(id, lastDay, reason, actor(ctx));
    } else {
      List<Problem> problems = new ArrayList<>(refusedHere);
      if (problems.stream().noneMatch(q -> q.field().equals("reason"))) {
        RecordSharing.endingReasonProblem(reason).ifPresent(problems::add);
      }
      Web.audit(
          ctx,
          "sharing.agreement.refused",
          "agreement:" + id,
          Map.of(
              "refused",
              problems.get(0).code(),
              "field",
              String.join(",", problems.stream().map(Problem::field).toList())));
      o = new Outcome.Rejected<>(problems);
    }
    switch (o) {
      case Outcome.Accepted<SharingAgreement> a -> ctx.json(agreementJson(a.value()));
      case Outcome.Rejected<SharingAgreement> r -> {
        String partner =
            sharing.agreements().stream()
                .filter(a -> a.id() == id)
                .map(SharingAgreement::agency)
                .findFirst()
                .orElse("");
        sendSharing(ctx, r.problems(), partner);
      }
    }
  }

  private static Optional<LocalDate> jsonDate(JsonNode body, String field) {
    String v = jsonText(body, field, "a date YYYY-MM-DD").strip();
    if (v.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(v));
    } catch (java.time.format.DateTimeParseException e) {
      throw new HttpProblem(
          Problem.of("invalid-field", field, "expected a date YYYY-MM-DD, got '" + v + "'")
              .worded("not-a-date", v));
    }
  }

  private void sharesApi(Context ctx) {
    long id = id(ctx);
    requireRecord(ctx, id);
    List<RecordSharing.Share> shares = answer(sharing.shares(id, actor(ctx)));
    Web.audit(ctx, "record.shares.read", "record:" + id, Map.of());
    ctx.json(Map.of("shares", shares.stream().map(IntelWeb::shareJson).toList()));
  }

  private void shareApi(Context ctx) {
    long id = id(ctx);
    requireRecord(ctx, id);
    JsonNode body = jsonObject(ctx, "{\"agency\":\"police-jp\",\"purpose\":…,\"agreement\":12?}");
    only(body, "agency", "purpose", "agreement");
    Optional<Long> agreement;
    JsonNode a = body.get("agreement");
    if (a == null || a.isNull()) {
      agreement = Optional.empty();
    } else if (a.isIntegralNumber() && a.canConvertToLong() && a.asLong() > 0) {
      agreement = Optional.of(a.asLong());
    } else {
      String got = FieldRules.shorten(a.toString());
      throw new HttpProblem(
          Problem.of(
                  "invalid-field",
                  "agreement",
                  "expected the numeric id of an agreement in force that covers the record, e.g."
                      + " 12; got "
                      + got)
              .worded("not-an-id", got));
    }
    RecordSharing.Share s =
        answer(
            sharing.share(
                id,
                jsonText(body, "agency", "an agency code"),
                jsonText(body, "purpose", "text"),
                agreement,
                actor(ctx)));
    ctx.status(201).json(shareJson(s));
  }

  /**
   * Refused unless the caller is a liaison officer or an administrator of the administration: a
   * partner agency's administrators do not stop its exchange with the administration.
   */
  private void requireRevoker(Context ctx, long id) {
    Principal p = Web.principal(ctx);
    if (!p.has(Role.LIAISON) && !sharing.mayAdminister(actor(ctx))) {
      Web.audit(ctx, "record.unshare.refused", "record:" + id, Map.of("refused", "forbidden"));
      Messages t = Web.messages(ctx);
      String english =
          "ending a sharing needs the role liaison, or an administrator of the administration";
      throw worded(
          ctx,
          Problem.of(
              "forbidden", "", ApiMessages.english(t) ? english : t.get("api.error.revoker")));
    }
  }

  private void revokeApi(Context ctx) {
    long id = id(ctx);
    requireRevoker(ctx, id);
    requireRecord(ctx, id);
    JsonNode body = jsonObject(ctx, "{\"reason\":…}");
    only(body, "reason");
    String agency =
        answer(
            sharing.revoke(
                id, ctx.pathParam("agency"), jsonText(body, "reason", "text"), actor(ctx)));
    ctx.json(Map.of("agency", agency, "revoked", true));
  }

  private static String form(Context ctx, String name) {
    return Optional.ofNullable(ctx.formParam(name)).orElse("");
  }

  /** A record's kind code for texts that name it, e.g. seizure; empty when it is not found. */
  private String kindOf(long recordId, Context ctx) {
    return queries.record(recordId, reader(ctx)).map(IntelViews.RecordView::kind).orElse("");
  }

  /**
   * Shares from the record page; refused, the page comes back (with the refusal's status) showing
   * why beside the form, with the partner and purpose as typed.
   */
  private void shareForm(Context ctx) {
    long id = id(ctx);
    requireRecord(ctx, id);
    String agency = form(ctx, "agency");
    String purpose = form(ctx, "purpose");
    String chosen = form(ctx, "agreement").strip();
    Outcome<RecordSharing.Share> o;
    if (chosen.isEmpty()) {
      o = sharing.share(id, agency, purpose, actor(ctx));
    } else if (chosen.matches("\\d{1,18}")) {
      o = sharing.share(id, agency, purpose, Optional.of(Long.parseLong(chosen)), actor(ctx));
    } else {
      o =
          Outcome.rejected(
              "invalid-value", "agreement", "expected the numeric id of an agreement, e.g. 12");
      // refused here, before the use case saw it: audited as the use case audits its own
      Web.audit(
          ctx,
          "record.share.refused",
          "record:" + id,
          Map.of(
              "agency",
              FieldRules.shorten(agency),
              "refused",
              "invalid-value",
              "field",
              "agreement"));
    }
    if (o instanceof Outcome.Rejected<?> r) {
      Problem p = r.problems().get(0);
      ctx.status(HttpProblem.status(p));
      renderRecord(
          ctx,
          id,
          new FormRefusal(
              "share",
              p.field(),
              SharingMessages.why(Web.messages(ctx), p, agency, kindOf(id, ctx)),
              Map.of("agency", agency, "purpose", purpose, "agreement", chosen),
              List.of()));
      return;
    }
    ctx.redirect("/records/" + id + "#sharing", HttpStatus.SEE_OTHER);
  }

  /** Revokes from the record page; refused, the page comes back with the reason as typed. */
  private void revokeForm(Context ctx) {
    long id = id(ctx);
    requireRevoker(ctx, id);
    requireRecord(ctx, id);
    String agency = ctx.pathParam("agency");
    String reason = form(ctx, "reason");
    if (sharing.revoke(id, agency, reason, actor(ctx)) instanceof Outcome.Rejected<?> r) {
      Problem p = r.problems().get(0);
      ctx.status(HttpProblem.status(p));
      renderRecord(
          ctx,
          id,
          new FormRefusal(
              "revoke:" + agency,
              p.field(),
              SharingMessages.why(Web.messages(ctx), p, agency, kindOf(id, ctx)),
              Map.of("reason", reason),
              List.of()));
      return;
    }
    ctx.redirect("/records/" + id + "#sharing", HttpStatus.SEE_OTHER);
  }

  // ---- what other agencies shared with the reader's

  private void receivedApi(Context ctx) {
    RecordSharing.ReceivedPage p =
        sharing.received(Web.intParam(ctx, "page", 0, 0, 100_000), actor(ctx));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (RecordSharing.Received r : p.records()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", r.id());
      m.put("kind", r.kind().code());
      m.put("sourceId", r.sourceId());
      m.put("title", r.title());
      m.put("owner", r.owner());
      m.put("since", r.since().toString());
      m.put("purpose", r.purpose());
      m.put("agreementId", r.agreementId() == 0 ? null : r.agreementId());
      m.put("agreement", r.agreementReference());
      rows.add(m);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("agency", p.agency());
    body.put("total", p.total());
    body.put("page", p.page());
    body.put("more", p.more());
    body.put("records", rows);
    ctx.json(body);
  }

  private void receivedPage(Context ctx) {
    RecordSharing.ReceivedPage p =
        sharing.received(Web.intParam(ctx, "page", 0, 0, 100_000), actor(ctx));
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("p", p);
    params.put("t", Web.messages(ctx));
    params.put("nextUrl", "/shared?page=" + (p.page() + 1));
    params.put(
        "prevUrl",
        p.page() == 0 ? "" : p.page() == 1 ? "/shared" : "/shared?page=" + (p.page() - 1));
    Web.page(ctx, Web.messages(ctx).get("shared.title"), render("shared.jte", params));
  }

  // ---- the liaison desk

  private void deskPage(Context ctx) {
    renderDesk(
        ctx,
        Optional.ofNullable(ctx.queryParam("agency")).orElse(""),
        Web.intParam(ctx, "page", 0, 0, 100_000),
        Web.intParam(ctx, "history", 0, 0, 100_000),
        null);
  }

  /**
   * The desk for {@code partner}, read and audited; with {@code refused}, the refused form shows
   * why beside what was typed. After a refused form naming a partner the desk cannot show (a
   * mistyped code), it shows the first partner, so the refusal is still seen.
   */
  private void renderDesk(
      Context ctx, String partner, int page, int historyPage, FormRefusal refused) {
    Actor actor = actor(ctx);
    Outcome<RecordSharing.Desk> o = sharing.desk(partner, page, historyPage, actor);
    if (refused != null && o instanceof Outcome.Rejected<RecordSharing.Desk>) {
      o = sharing.desk("", 0, 0, actor);
    }
    RecordSharing.Desk d = answer(o);
    Principal p = Web.principal(ctx);
    Messages t = Web.messages(ctx);
    Map<String, String> names = new LinkedHashMap<>();
    for (Agencies.Agency a : agencies.all()) {
      names.put(a.code(), a.name());
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("d", d);
    params.put("t", t);
    params.put("csrf", Web.csrf(ctx));
    params.put("own", p.agency());
    params.put("names", names);
    // liaison officers, and the administration's administrators as an emergency stop
    params.put(
        "mayRevoke", p.has(Role.LIAISON) || (REVOKE.admits(p) && sharing.mayAdminister(actor)));
    params.put("mayOpen", LOOKUP.admits(p));
    params.put("mayAdminister", AGREEMENTS_WRITE.admits(p) && sharing.mayAdminister(actor));
    params.put("kinds", List.of(RecordKind.values()));
    params.put("refused", refused);
    params.put("pageUrl", deskUrl(d.partner(), d.readablePage() + 1, d.historyPage()));
    params.put(
        "prevPageUrl",
        d.readablePage() > 0 ? deskUrl(d.partner(), d.readablePage() - 1, d.historyPage()) : "");
    params.put("historyUrl", deskUrl(d.partner(), d.readablePage(), d.historyPage() + 1));
    params.put(
        "prevHistoryUrl",
        d.historyPage() > 0 ? deskUrl(d.partner(), d.readablePage(), d.historyPage() - 1) : "");
    Web.page(ctx, t.get("sharing.title"), render("sharing.jte", params));
  }

  /** The desk for {@code partner} at the given pages (first pages left out). */
  static String deskUrl(String partner, int page, int historyPage) {
    StringBuilder sb =
        new StringBuilder("/sharing?agency=")
            .append(URLEncoder.encode(partner, StandardCharsets.UTF_8));
    if (page > 0) {
      sb.append("&page=").append(page);
    }
    if (historyPage > 0) {
      sb.append("&history=").append(historyPage);
    }
    return sb.toString();
  }

  /** A day typed in a desk form: empty when blank, else the day or the refusal naming the field. */
  private static Outcome<Optional<LocalDate>> formDay(String field, String v) {
    String s = v.strip();
    if (s.isEmpty()) {
      return Outcome.accepted(Optional.empty());
    }
    try {
      return Outcome.accepted(Optional.of(LocalDate.parse(s)));
    } catch (java.time.format.DateTimeParseException e) {
      return Outcome.rejected(
          Problem.of(
                  "invalid-value",
                  field,
                  "expected a date YYYY-MM-DD, got '" + FieldRules.shorten(s) + "'")
              .worded("not-a-date", FieldRules.shorten(s)));
    }
  }

  /**
   * Records an agreement from the desk; refused, the desk comes back with why beside the form and
   * everything typed kept.
   */
  private void addAgreementForm(Context ctx) {
    String agency = form(ctx, "agency");
    List<String> kinds = ctx.formParams("kinds");
    String reference = form(ctx, "reference");
    String from = form(ctx, "validFrom");
    String until = form(ctx, "validUntil");
    Outcome<Optional<LocalDate>> first = formDay("validFrom", from);
    Outcome<Optional<LocalDate>> last = formDay("validUntil", until);
    // a day that is no date is refused here, with the rest of the form's problems beside it
    List<Problem> refusedHere = new ArrayList<>(first.problems());
    refusedHere.addAll(last.problems());
    Outcome<SharingAgreement> o =
        addAgreement(
            ctx,
            agency,
            kinds,
            reference,
            refusedHere,
            first instanceof Outcome.Accepted<Optional<LocalDate>>(var d) ? d.orElse(null) : null,
            last instanceof Outcome.Accepted<Optional<LocalDate>>(var d) ? d : Optional.empty());
    switch (o) {
      case Outcome.Accepted<SharingAgreement> a ->
          ctx.redirect(
              deskUrl(a.value().agency(), 0, 0) + "#agreement-" + a.value().id(),
              HttpStatus.SEE_OTHER);
      case Outcome.Rejected<SharingAgreement> r -> {
        Problem p = r.problems().get(0);
        Messages t = Web.messages(ctx);
        // each field at fault with why, the first reason for a field kept (kinds[0], kinds[1]…)
        Map<String, String> errors = new LinkedHashMap<>();
        for (Problem q : r.problems()) {
          errors.putIfAbsent(bare(q.field()), SharingMessages.why(t, q, agency, ""));
        }
        ctx.status(HttpProblem.status(p));
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("agency", agency);
        typed.put("reference", reference);
        typed.put("validFrom", from);
        typed.put("validUntil", until);
        renderDesk(
            ctx,
            agency,
            0,
            0,
            new FormRefusal(
                "add", p.field(), SharingMessages.why(t, p, agency, ""), typed, kinds, errors));
      }
    }
  }

  /** The agreement form's fields in the order it shows them. */
  private static final List<String> AGREEMENT_FIELDS =
      List.of("agency", "kinds", "reference", "validFrom", "validUntil");

  /** A refusal's field without its index: {@code kinds[1]} is the form's {@code kinds}. */
  private static String bare(String field) {
    return field == null ? "" : field.replaceAll("\\[\\d+]$", "");
  }

  /**
   * Ends an agreement from the desk on a day with a reason; the sharings it no longer allows end at
   * once. Refused, the desk comes back with why beside that agreement's form, day and reason kept.
   */
  private void endAgreementForm(Context ctx) {
    long id = id(ctx);
    String lastDay = form(ctx, "lastDay");
    String reason = form(ctx, "reason");
    String partner =
        sharing.agreements().stream()
            .filter(a -> a.id() == id)
            .map(SharingAgreement::agency)
            .findFirst()
            .orElse("");
    Outcome<Optional<LocalDate>> day = formDay("lastDay", lastDay);
    Outcome<SharingAgreement> o =
        switch (day) {
          case Outcome.Rejected<Optional<LocalDate>> r -> new Outcome.Rejected<>(r.problems());
          case Outcome.Accepted<Optional<LocalDate>> a ->
              sharing.endAgreement(id, a.value().orElse(null), reason, actor(ctx));
        };
    switch (o) {
      case Outcome.Accepted<SharingAgreement> a ->
          ctx.redirect(
              deskUrl(a.value().agency(), 0, 0) + "#agreement-" + id, HttpStatus.SEE_OTHER);
      case Outcome.Rejected<SharingAgreement> r -> {
        Problem p = r.problems().get(0);
        if (day instanceof Outcome.Rejected<Optional<LocalDate>>) {
          Web.audit(
              ctx,
              "sharing.agreement.refused",
              "agreement:" + id,
              Map.of("refused", p.code(), "field", p.field()));
        }
        ctx.status(HttpProblem.status(p));
        renderDesk(
            ctx,
            partner,
            0,
            0,
            new FormRefusal(
                "end:" + id,
                p.field(),
                // ended already: by whom, when and to which last day (the refusal's wording)
                SharingMessages.why(Web.messages(ctx), p, partner, ""),
                Map.of("lastDay", lastDay, "reason", reason),
                List.of()));
      }
    }
  }

  /**
   * Ends a record's sharing with a partner from the desk; refused, the desk comes back with why
   * beside the record's row and the reason kept.
   */
  private void deskRevokeForm(Context ctx) {
    long id = id(ctx);
    requireRevoker(ctx, id);
    requireRecord(ctx, id);
    String agency = ctx.pathParam("agency");
    String reason = form(ctx, "reason");
    if (sharing.revoke(id, agency, reason, actor(ctx)) instanceof Outcome.Rejected<?> r) {
      Problem p = r.problems().get(0);
      ctx.status(HttpProblem.status(p));
      renderDesk(
          ctx,
          agency,
          0,
          0,
          new FormRefusal(
              "revoke:" + id,
              p.field(),
              SharingMessages.why(Web.messages(ctx), p, agency, kindOf(id, ctx)),
              Map.of("reason", reason),
              List.of()));
      return;
    }
    ctx.redirect(deskUrl(agency, 0, 0) + "#readable", HttpStatus.SEE_OTHER);
  }

  /**
   * Answers an agreement's refusal with every problem, worded in the reader's language with the
   * partner agency {@code partner} named where a text takes it.
   */
  private static void sendSharing(Context ctx, List<Problem> problems, String partner) {
    Messages t = Web.messages(ctx);
    ProblemAnswer.send(
        ctx,
        problems.stream()
            .map(
                p ->
                    ApiMessages.english(t)
                        ? p
                        : Problem.of(p.code(), p.field(), SharingMessages.why(t, p, partner, "")))
            .toList());
  }

  /** The request body as a JSON object, or a 400 naming what was expected. */
  private JsonNode jsonObject(Context ctx, String expected) {
    JsonNode body;
    try {
      String text = ctx.body();
      body = text.isBlank() ? null : pretty.readTree(text);
    } catch (IOException e) {
      throw HttpProblem.of("invalid-json", "", "not valid JSON; expected " + expected);
    }
    if (body == null || !body.isObject()) {
      throw HttpProblem.of("invalid-json", "", "expected a JSON object " + expected);
    }
    return body;
  }

  /** Refuses a field this route does not take: a misspelt one would otherwise be ignored. */
  private static void only(JsonNode body, String... fields) {
    List<Problem> unknown = unknownFields(body, fields);
    if (!unknown.isEmpty()) {
      throw new HttpProblem(unknown.get(0));
    }
  }

  /**
   * Each field of {@code body} this route does not take, in the body's order: named, with the
   * fields it takes and the one likely meant ({@code from} for {@code validFrom}), worded {@code
   * unknown} (the field, the fields) or {@code unknown-meant} (the field, the fields, the one
   * meant) for the reader's language.
   */
  static List<Problem> unknownFields(JsonNode body, String... fields) {
    List<String> known = List.of(fields);
    String taken = String.join(", ", fields);
    List<Problem> out = new ArrayList<>();
    for (java.util.Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (known.contains(f)) {
        continue;
      }
      String named = FieldRules.shorten(f);
      Optional<String> meant = meant(f, known);
      String message = "this route takes the fields " + taken + "; not " + named;
      out.add(
          meant.isPresent()
              ? Problem.of("unknown-field", named, message + " (did you mean " + meant.get() + "?)")
                  .worded("unknown-meant", named, taken, meant.get())
              : Problem.of("unknown-field", named, message).worded("unknown", named, taken));
    }
    return out;
  }

  /**
   * The field a misspelt one most likely meant: the only one that differs from it by case, holds it
   * or is held by it (from, validFrom), else the nearest within two edits (reson, reason) by the
   * guess every module's refusals share ({@link Spelling#nearest}).
   */
  private static Optional<String> meant(String typed, List<String> known) {
    String t = typed.toLowerCase(java.util.Locale.ROOT);
    if (t.length() >= 3) {
      List<String> holding =
          known.stream()
              .filter(
                  k -> {
                    String l = k.toLowerCase(java.util.Locale.ROOT);
                    return l.contains(t) || t.contains(l);
                  })
              .toList();
      if (holding.size() == 1) {
        return Optional.of(holding.get(0));
      }
    }
    return Spelling.nearest(typed, known, 2);
  }

  /** A text field of a JSON body: absent or null is empty; any other type is a 400 naming it. */
  private static String jsonText(JsonNode body, String field, String expected) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return "";
    }
    if (!v.isTextual()) {
      throw HttpProblem.of("invalid-field", field, "expected " + expected);
    }
    return v.asText();
  }

  private void mergeApi(Context ctx) {
    long id = id(ctx);
    requireEntity(ctx, id);
    String typed = "";
    try {
      JsonNode body = ctx.body().isBlank() ? null : pretty.readTree(ctx.body());
      JsonNode m = body == null || !body.isObject() ? null : body.get("mergedId");
      typed = m == null || m.isContainerNode() ? "" : m.asText();
    } catch (IOException e) {
      // refused below as not valid JSON
    }
    try {
      mergeApiChecked(ctx, id);
    } catch (HttpProblem refused) {
      // refusals are audited as the merge form's are: ids and the refusal's code, never the reason
      auditMergeRefused(ctx, id, typed, refused.problem());
      throw refused;
    }
  }

  private void mergeApiChecked(Context ctx, long id) {
    String expected = "{\"mergedId\": 123, \"reason\": \"…\"}";
    JsonNode body = jsonObject(ctx, expected);
    // a misspelt field ("reson") would otherwise merge with the reason missing, or not at all
    only(body, "mergedId", "reason");
    JsonNode merged = body.get("mergedId");
    if (merged == null || merged.isNull()) {
      throw HttpProblem.of("missing-field", "mergedId", "expected " + expected);
    }
    long mergedId;
    if (merged.isIntegralNumber() && merged.canConvertToLong()) {
      mergedId = merged.asLong();
    } else if (merged.isTextual() && merged.asText().strip().matches("\\d{1,18}")) {
      mergedId = Long.parseLong(merged.asText().strip());
    } else {
      String got = FieldRules.shorten(merged.toString());
      throw new HttpProblem(
          Problem.of(
                  "invalid-field",
                  "mergedId",
                  "expected the numeric id of the entity to merge, e.g. 123, got " + got)
              .worded("not-an-id", got));
    }
    String reason = jsonText(body, "reason", "a text saying why the two are the same party");
    // the entity pulled in must be one the actor may read, as the survivor must
    requireEntity(ctx, mergedId);
    long merge = answer(merges.merge(id, mergedId, reason, actor(ctx), audited(ctx)));
    ctx.status(201).json(Map.of("merge", merge));
  }

  private void undoApi(Context ctx) {
    long id = id(ctx);
    try {
      JsonNode body = jsonObject(ctx, "{\"reason\": \"…\"}");
      only(body, "reason");
      String reason = jsonText(body, "reason", "a text saying why the two are not the same party");
      requireMerge(ctx, id);
      ctx.json(Map.of("undone", answer(merges.undo(id, reason, actor(ctx), audited(ctx)))));
    } catch (HttpProblem refused) {
      // refusals are audited as the forms' are: the merge's id and the refusal's code
      auditUndoRefused(ctx, id, refused.problem());
      throw refused;
    }
  }

  private void ingestApi(Context ctx) throws IOException {
    String kindName = ctx.pathParam("kind");
    RecordKind kind =
        RecordKind.ofPlural(kindName)
            .orElseThrow(
                () ->
                    HttpProblem.of(
                        "invalid-parameter",
                        "kind",
                        "expected declarations, transport-documents, conveyance-movements, postal-items or seizures"));
    if (kind != RecordKind.SEIZURE && !Web.principal(ctx).hasAny(INGEST_ANY_KIND)) {
      throw HttpProblem.of(
          "forbidden",
          "kind",
          "an investigator ingests seizures only; "
              + kindName
              + " come from the systems that hold them");
    }
    String format = Optional.ofNullable(ctx.queryParam("format")).orElse("json");
    String source =
        Optional.ofNullable(ctx.queryParam("source"))
            .orElse("http:" + Web.principal(ctx).username());
    try (InputStream in = ctx.bodyInputStream()) {
      IngestReport report = answer(ingest.ingest(kind, format, source, in, actor(ctx)));
      // nothing stored or already there: every row refused, or no row at all
      boolean nothing = report.stored() + report.duplicates() + report.conflicts() == 0;
      ctx.status(nothing && (report.rejected() > 0 || report.rowsRead() == 0) ? 422 : 200)
          .json(withinArchive(report, Web.messages(ctx)));
    }
  }

  /**
   * The report as an API client sees it: the raw copy named within the archive ({@code
   * declarations/2026-11-27/SHA.gz}), not by the server's file system path.
   */
  private static IngestReport withinArchive(IngestReport r, Messages t) {
    java.nio.file.Path p = java.nio.file.Path.of(r.archive());
    int n = p.getNameCount();
    String inArchive = n >= 3 ? p.subpath(n - 3, n).toString().replace('\\', '/') : "";
    return new IngestReport(
        r.run(),
        r.kind(),
        r.format(),
        r.source(),
        r.rowsRead(),
        r.stored(),
        r.duplicates(),
        r.conflicts(),
        r.rejected(),
        // each refused row's reason in the reader's language; row, field and code as they are
        r.problems().stream()
            .map(
                rp ->
                    new IngestReport.RowProblem(
                        rp.row(),
                        rp.sourceId(),
                        Problem.of(
                            rp.problem().code(),
                            rp.problem().field(),
                            ApiMessages.row(t, rp.problem()))))
            .toList(),
        r.sha256(),
        inArchive,
        r.millis());
  }

  private static <T> T answer(Outcome<T> o) {
    return switch (o) {
      case Outcome.Accepted<T> a -> a.value();
      case Outcome.Rejected<T> r -> throw new HttpProblem(r.problems().get(0));
    };
  }

  private static String param(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null ? "" : v.strip();
  }

  private static Optional<String> opt(String s) {
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  private static Optional<LocalDate> day(Context ctx, String name) {
    String v = param(ctx, name);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(v));
    } catch (DateTimeException e) {
      throw new HttpProblem(
          Problem.of(
                  "invalid-parameter",
                  name,
                  "expected an ISO date such as 2026-11-27, got '" + v + "'")
              .worded("not-a-date", v));
    }
  }
}
