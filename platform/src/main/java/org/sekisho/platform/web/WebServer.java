package org.sekisho.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.DispatcherType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.sekisho.core.Problem;
import org.sekisho.core.audit.AuditTrail;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.auth.Access;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.auth.Principal;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.auth.SignInThrottle;
import org.sekisho.platform.i18n.Messages;
import org.sekisho.platform.web.Routes.RouteSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: Javalin on virtual threads, with every route's access checked before its handler
 * runs (deny by default), CSRF checked on cookie-authenticated writes, problems mapped to status
 * codes in one place, per-route timings in Prometheus, and the route table published as OpenAPI.
 *
 * <p>Before a handler runs, its request is also refused with 400 {@code invalid-input} (and an
 * {@code input.rejected} audit entry) when a path parameter, query parameter, form field or JSON
 * body text holds a NUL character (U+0000), which PostgreSQL cannot store, and when the query or a
 * URL-encoded form holds a broken percent-escape ({@code %zz}, or {@code %E3%81}: not UTF-8), which
 * Jetty would read as something other than what was sent; see {@link Routes.Body} for routes whose
 * body is a batch checked row by row. Should such text reach the database anyway, its refusal
 * (SQLSTATE 22021 or 22P05) is logged with the route and answered 400 {@code invalid-input}, never
 * 500. Sign-in by password, on the form and on {@code POST /api/login}, is throttled by a {@link
 * SignInThrottle} on the server's clock: 429 {@code too-many-attempts} with {@code Retry-After}.
 *
 * <p>Every access refused with 403 is audited as {@code access.denied} on its route, once: for want
 * of a role, of a CSRF token, or by a module's own rule (a handler that throws or answers 403
 * without auditing {@code access.denied} itself), with the reason and the message the caller was
 * given. What the handler audited before refusing (a read, its own {@code record.read.denied})
 * keeps its entry and does not stand in for the refusal's.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  static final String SESSION_COOKIE = "sekisho_session";
  static final String LOGIN_CSRF_COOKIE = "sekisho_login_csrf";
  static final String LANG_COOKIE = "sekisho_lang";
  private static final String ROUTE = "sekisho.route";
  // the roles a refused page needs, for the refusal page to name them in the reader's language
  private static final String REFUSED_ROLES = "sekisho.refusedRoles";

  /**
   * @param host address to bind ({@code 127.0.0.1} in tests)
   * @param port port, 0 for any free one
   * @param secureCookies mark cookies Secure (behind TLS)
   * @param bundles message bundle base names of every module
   * @param nav top navigation entries
   * @param version shown in /health
   * @param zone the zone pages show times in
   */
  public record Config(
      String host,
      int port,
      boolean secureCookies,
      List<String> bundles,
      List<NavItem> nav,
      String version,
      java.time.ZoneId zone,
      TrustedProxies proxies) {
    /** With no reverse proxy trusted: the client is the connection's peer. */
    public Config(
        String host,
        int port,
        boolean secureCookies,
        List<String> bundles,
        List<NavItem> nav,
        String version,
        java.time.ZoneId zone) {
      this(host, port, secureCookies, bundles, nav, version, zone, TrustedProxies.NONE);
    }

    /** Times shown in Japan time. */
    public Config(
        String host,
        int port,
        boolean secureCookies,
        List<String> bundles,
        List<NavItem> nav,
        String version) {
      this(host, port, secureCookies, bundles, nav, version, java.time.ZoneId.of("Asia/Tokyo"));
    }
  }

  private final Config config;
  private final Accounts accounts;
  private final AuditTrail audit;
  private final Clock clock;
  private final PrometheusMeterRegistry metrics;
  private final Layout layout;
  private final List<RouteSpec> routes;
  private final ObjectMapper json;
  private final InputCheck inputCheck;
  private final SignInThrottle signIns;
  private final AuditCoalescer coalescer = new AuditCoalescer();
  private final Javalin app;

  private WebServer(
      Config config,
      Accounts accounts,
      AuditTrail audit,
      Clock clock,
      PrometheusMeterRegistry metrics,
      BooleanSupplier ready,
      List<WebModule> modules) {
    this.config = config;
    this.accounts = accounts;
    this.audit = audit;
    this.clock = clock;
    this.metrics = metrics;
    this.layout = new Layout(config.nav());
    this.json =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    this.inputCheck = new InputCheck(json.getFactory());
    this.signIns = new SignInThrottle(clock);
    List<RouteSpec> all = new ArrayList<>();
    Routes platform = new Routes("platform");
    new PlatformRoutes(this, accounts, ready).routes(platform);
    all.addAll(platform.specs());
    for (WebModule m : modules) {
      Routes r = new Routes(m.getClass().getSimpleName());
      m.routes(r);
      all.addAll(r.specs());
    }
    this.routes = List.copyOf(all);
    this.app =
        Javalin.create(
            cfg -> {
              cfg.concurrency.useVirtualThreads = true;
              cfg.jsonMapper(new JavalinJackson(json, true));
              cfg.http.maxRequestSize = 256L * 1024 * 1024;
              cfg.staticFiles.enableWebjars();
              cfg.staticFiles.add(
                  sf -> {
                    sf.hostedPath = "/static";
                    sf.directory = "/web";
                    sf.location = Location.CLASSPATH;
                  });
              cfg.startup.showJavalinBanner = false;
              // every ctx.ip() (audit entries, throttles) is the client a trusted proxy names
              TrustedProxies proxies = config.proxies();
              if (!proxies.isEmpty()) {
                cfg.contextResolver.ip =
                    ctx -> {
                      List<String> forwarded =
                          java.util.Collections.list(ctx.req().getHeaders("X-Forwarded-For"));
                      return proxies.client(
                          ctx.req().getRemoteAddr(),
                          forwarded.isEmpty() ? null : String.join(",", forwarded));
                    };
              }
              cfg.jetty.modifyServer(
                  server -> server.setErrorHandler(new BadRequestAnswer(config.secureCookies())));
              cfg.jetty.modifyServletContextHandler(
                  h -> {
                    h.addFilter(
                        new FilterHolder(new SecurityHeaders(config.secureCookies())),
                        "/*",
                        EnumSet.of(DispatcherType.REQUEST));
                    h.addFilter(
                        new FilterHolder(new ReplayableBody.Wrapping()),
                        "/*",
                        EnumSet.of(DispatcherType.REQUEST));
                  });
              for (RouteSpec spec : routes) {
                cfg.routes.addHttpHandler(
                    HandlerType.findOrCreate(spec.method()), spec.path(), ctx -> handle(spec, ctx));
              }
              cfg.routes.exception(HttpProblem.class, (e, ctx) -> answerProblem(ctx, e.problem()));
              cfg.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    Problem answer = problemOf(e, readers(ctx));
                    Optional<String> state = unstorableText(e);
                    if (state.isPresent()) {
                      LOG.warn(
                          "database refused text as unstorable (SQLSTATE {}) on route {}, {} {}",
                          state.get(),
                          route(ctx),
                          ctx.method(),
                          ctx.path(),
                          e);
                    } else if (answer.code().equals("internal")) {
                      LOG.error(
                          "unhandled error on route {}, {} {}",
                          route(ctx),
                          ctx.method(),
                          ctx.path(),
                          e);
                    }
                    answerProblem(ctx, answer);
                  });
              // a path no route serves, or a method it does not serve, answers in the same shape
              // as every other error (Javalin's own answer is plain text); a handler's own 404
              // (a record not found) keeps its answer
              cfg.http.prefer405over404 = true;
              cfg.routes.error(
                  404,
                  ctx -> {
                    if (ctx.attribute(ROUTE) == null
                        || ctx.result() == null
                        || ctx.result().isEmpty()) {
                      prepare(ctx);
                      answerProblem(
                          ctx,
                          Problem.of(
                              "not-found",
                              "",
                              Web.messages(ctx).get("server.error.notFound", ctx.path())));
                    }
                  });
              cfg.routes.error(
                  405,
                  ctx -> {
                    if (ctx.attribute(ROUTE) == null) {
                      List<String> allowed = allowedMethods(ctx.path());
                      if (!allowed.isEmpty()) {
                        ctx.header("Allow", String.join(", ", allowed));
                      }
                      prepare(ctx);
                      Messages t = Web.messages(ctx);
                      answerProblem(
                          ctx,
                          Problem.of(
                              "method-not-allowed",
                              "",
                              allowed.isEmpty()
                                  ? t.get("server.error.method", ctx.method(), ctx.path())
                                  : t.get(
                                      "server.error.methodUse",
                                      ctx.method(),
                                      ctx.path(),
                                      String.join(t.get("error.forbidden.or"), allowed))));
                    }
                  });
            });
  }

  /** The methods some route serves at {@code path}, for a 405's {@code Allow} header. */
  private List<String> allowedMethods(String path) {
    String[] parts = path.split("/", -1);
    java.util.TreeSet<String> out = new java.util.TreeSet<>();
    for (RouteSpec spec : routes) {
      String[] want = spec.path().split("/", -1);
      if (want.length != parts.length) {
        continue;
      }
      boolean match = true;
      for (int i = 0; i < want.length && match; i++) {
        match = want[i].startsWith("{") || want[i].equals(parts[i]);
      }
      if (match) {
        out.add(spec.method());
      }
    }
    return List.copyOf(out);
  }

  /** Builds and starts the server. */
  public static WebServer start(
      Config config,
      Accounts accounts,
      AuditTrail audit,
      Clock clock,
      PrometheusMeterRegistry metrics,
      BooleanSupplier ready,
      List<WebModule> modules) {
    WebServer s = new WebServer(config, accounts, audit, clock, metrics, ready, modules);
    s.app.start(config.host(), config.port());
    return s;
  }

  private void handle(RouteSpec spec, Context ctx) throws Exception {
    Timer.Sample sample = Timer.start(metrics);
    // a refusal thrown here is answered by the exception handlers only after this returns: count
    // it under the status it will get, not the 200 the context still holds
    int refused = -1;
    Problem refusal = null;
    // refusals this thread audited before the handler: a read it audits does not count
    long deniedBefore = AuditLog.appendedByThisThread(Web.ACCESS_DENIED);
    try {
      ctx.attribute(ROUTE, spec);
      prepare(ctx);
      if (!authorize(spec, ctx)) {
        return;
      }
      Messages t = readers(ctx);
      if (spec.access() instanceof Access.Public) {
        boundBody(ctx, t, PUBLIC_BODY_LIMIT, t.get("server.what.thisPage"));
      } else {
        // what a signed-in caller reads is scoped to them and may be withdrawn (a sharing revoked,
        // a record masked): no browser or proxy keeps a copy
        ctx.header("Cache-Control", "no-store");
        if (spec.body() != Routes.Body.ROWS) {
          // one JSON value or text document is read into memory whole, to be checked and parsed:
          // bounded, so that a huge one is answered 413 rather than as malformed JSON
          boundBody(ctx, t, DOCUMENT_BODY_LIMIT, spec.method() + " " + spec.path());
        }
      }
      checkEscapes(spec, ctx);
      checkQuery(spec, ctx, t);
      checkInput(spec, ctx);
      spec.handler().handle(ctx);
    } catch (HttpProblem e) {
      refused = HttpProblem.status(e.problem());
      refusal = e.problem();
      throw e;
    } catch (Exception e) {
      refused = HttpProblem.status(problemOf(e, readers(ctx)));
      throw e;
    } finally {
      int status = refused < 0 ? ctx.statusCode() : refused;
      if (status == 403
          && ctx.attribute(Web.AUDITED) == null
          && AuditLog.appendedByThisThread(Web.ACCESS_DENIED) == deniedBefore) {
        auditRefusal(spec, ctx, refusal);
      }
      sample.stop(
          metrics.timer(
              "http.server.requests",
              "method",
              spec.method(),
              "route",
              spec.path(),
              "status",
              Integer.toString(refused < 0 ? ctx.statusCode() : refused)));
    }
  }

  /**
   * Audits a 403 nobody audited: a refusal a module decided (an agency its data is not shared with,
   * another office's item), thrown or answered, or a write without its CSRF token, as {@code
   * access.denied} on the route, as the server audits a refusal for want of a role. A handler that
   * audited {@code access.denied} itself is not audited twice; one that audited only something else
   * (a read before the refusal, its own {@code record.read.denied}) still gets this entry.
   *
   * @param refusal the problem thrown, or null when the handler answered 403 itself
   */
  private static void auditRefusal(RouteSpec spec, Context ctx, Problem refusal) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("reason", refusal == null ? "forbidden" : refusal.code());
    if (!ctx.path().equals(spec.path())) {
      // the route names no id: the path asked for does
      details.put("path", clipped(ctx.path()));
    }
    if (refusal != null && !refusal.field().isEmpty()) {
      details.put("field", clipped(refusal.field()));
    }
    if (refusal != null && !refusal.message().isEmpty()) {
      // why, as the caller was told it
      details.put("message", clipped(refusal.message()));
    }
    Web.audit(ctx, "access.denied", spec.method() + " " + spec.path(), details);
  }

  private static String clipped(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  /**
   * The most a route open to anyone (sign-in, the traveller's declaration form, public tips) takes
   * as a body: what such a form sends is a few kilobytes, and without a bound an anonymous caller
   * could make the server read, check and answer hundreds of megabytes.
   */
  static final int PUBLIC_BODY_LIMIT = 1024 * 1024;

  /**
   * The most a signed-in caller may send as one JSON value or text document (every route but those
   * taking a batch of rows, {@link Routes.Body#ROWS}, which are streamed): a record, a criterion, a
   * settings file is kilobytes; what is larger is a mistake or an attack, answered 413 rather than
   * read into memory and reported as malformed JSON.
   */
  static final int DOCUMENT_BODY_LIMIT = 16 * 1024 * 1024;

  /**
   * Refuses a body over {@code limit} bytes ({@link #PUBLIC_BODY_LIMIT} on a public route, {@link
   * #DOCUMENT_BODY_LIMIT} on a signed-in one), reading no more than that.
   */
  private static void boundBody(Context ctx, Messages t, int limit, String what)
      throws java.io.IOException {
    long declared = ctx.contentLength();
    if (declared > limit) {
      throw tooLarge(t, what, limit, declared);
    }
    if (declared < 0 && ctx.header("Transfer-Encoding") != null) {
      // a chunked body announces no length: read it here, up to one byte past the bound
      byte[] head = ctx.req().getInputStream().readNBytes(limit + 1);
      if (head.length > limit) {
        throw tooLarge(t, what, limit, -1);
      }
      ReplayableBody.of(ctx.req()).replay(head);
    }
  }

  private static HttpProblem tooLarge(Messages t, String what, int limit, long length) {
    // sizes as strings: MessageFormat would group the digits (16,384)
    String most = Integer.toString(limit / 1024);
    return HttpProblem.of(
        "too-large",
        "body",
        length > 0
            ? t.get("server.error.tooLargeSent", what, most, Long.toString(length / 1024))
            : t.get("server.error.tooLarge", what, most));
  }

  /** Refuses a query parameter an API route did not declare (see {@link Routes#query}). */
  private static void checkQuery(RouteSpec spec, Context ctx, Messages t) {
    Optional<String> unknown = spec.unknownParameter(ctx.queryParamMap().keySet());
    if (unknown.isPresent()) {
      String name = unknown.get();
      String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
      List<String> taken = spec.query().orElseThrow();
      throw HttpProblem.of(
          "invalid-parameter",
          shown,
          taken.isEmpty()
              ? t.get("server.error.noParameters", spec.method(), spec.path(), shown)
              : t.get(
                  "server.error.parameters",
                  spec.method(),
                  spec.path(),
                  String.join(", ", taken),
                  shown));
    }
  }

  /**
   * Refuses a query or URL-encoded form with a broken percent-escape, which Jetty would read as
   * something other than what was sent (see {@link InputCheck#escapes}).
   */
  private void checkEscapes(RouteSpec spec, Context ctx) {
    Optional<Problem> escape = inputCheck.escapes(ctx, spec.body());
    if (escape.isPresent()) {
      Web.audit(
          ctx,
          "input.rejected",
          "route:" + spec.method() + " " + spec.path(),
          Map.of("field", escape.get().field(), "reason", "escape"));
      throw new HttpProblem(escape.get());
    }
  }

  /** Refuses text the database cannot store before the handler sees it (see {@link InputCheck}). */
  private void checkInput(RouteSpec spec, Context ctx) {
    Optional<Problem> problem = inputCheck.problem(ctx, spec.body());
    if (problem.isPresent()) {
      Problem p = problem.get();
      // a body that is no JSON is named as such: an investigator reading the log looks for it
      boolean json = p.code().equals(JsonRefusal.CODE);
      Web.audit(
          ctx,
          "input.rejected",
          "route:" + spec.method() + " " + spec.path(),
          Map.of(
              "field",
              p.field().isEmpty() ? "body" : p.field(),
              "reason",
              json ? JsonRefusal.CODE : "nul"));
      throw new HttpProblem(problem.get());
    }
  }

  /**
   * What the caller is answered for an exception a handler let through: text the database cannot
   * store and JSON the parser refused are the caller's input (400); anything else is ours (500).
   * The exception handler answers with it and the request timer counts its status. Worded in the
   * reader's language {@code t}; a 500 says only that the incident is logged, never what failed.
   */
  static Problem problemOf(Throwable e, Messages t) {
    if (unstorableText(e).isPresent()) {
      return Problem.of(InputCheck.CODE, "", t.get("server.error.unstorable"));
    }
    if (e instanceof com.fasterxml.jackson.core.JacksonException j) {
      // a handler that parses JSON and let the parser's refusal through (too deep, a name too
      // long, malformed, a value of the wrong type): worded in the reader's language
      return JsonRefusal.of(j, t);
    }
    return Problem.of("internal", "", t.get("server.error.internal"));
  }

  /**
   * The reader's messages once {@link #prepare} ran; the platform's in English for a request it did
   * not reach (a refusal before any route matched).
   */
  private static Messages readers(Context ctx) {
    Messages t = Web.messages(ctx);
    return t != null ? t : ENGLISH;
  }

  private static final Messages ENGLISH =
      new Messages(java.util.Locale.ENGLISH, List.of("i18n.platform"));

  private static String route(Context ctx) {
    RouteSpec spec = ctx.attribute(ROUTE);
    return spec == null ? "(none)" : spec.method() + " " + spec.path();
  }

  /**
   * The SQLSTATE when {@code e} was caused by PostgreSQL refusing text it cannot store: 22021
   * (character_not_in_repertoire: a NUL, or bytes that are not UTF-8) or 22P05
   * (untranslatable_character).
   */
  static Optional<String> unstorableText(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql
          && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
        return Optional.of(sql.getSQLState());
      }
    }
    return Optional.empty();
  }

  /** Resolves language and caller; never rejects (authorize does). */
  private void prepare(Context ctx) {
    ctx.attribute(Web.SERVER, this);
    String langParam = ctx.queryParam("lang");
    if (langParam != null && !langParam.isBlank()) {
      ctx.cookie(cookie(LANG_COOKIE, Messages.choose(langParam, null).getLanguage(), true));
    }
    var locale =
        Messages.choose(
            langParam != null ? langParam : ctx.cookie(LANG_COOKIE), ctx.header("Accept-Language"));
    ctx.attribute(Web.MESSAGES, new Messages(locale, config.bundles(), config.zone()));
    String auth = ctx.header("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      accounts
          .apiTokenPrincipal(auth.substring(7).strip())
          .ifPresent(p -> ctx.attribute(Web.PRINCIPAL, p));
      ctx.attribute("sekisho.bearer", Boolean.TRUE);
      return;
    }
    accounts
        .session(ctx.cookie(SESSION_COOKIE))
        .ifPresent(
            s -> {
              ctx.attribute(Web.PRINCIPAL, s.principal());
              ctx.attribute(Web.CSRF, s.csrfToken());
            });
  }

  /** Refuses what the caller may not do; false when it answered with a redirect instead. */
  private boolean authorize(RouteSpec spec, Context ctx) {
    Principal p = ctx.attribute(Web.PRINCIPAL);
    Access access = spec.access();
    if (access instanceof Access.AnyOf) {
      if (p == null) {
        throw HttpProblem.of(
            "unauthenticated", "", readers(ctx).get("server.error.unauthenticated"));
      }
      if (!access.admits(p)) {
        // the start page (after sign-in, the brand link) of someone whose work is elsewhere, such
        // as an administrator or the PNR unit: their first page instead of a refusal
        if (spec.method().equals("GET")
            && spec.path().equals("/")
            && Optional.ofNullable(ctx.header("Accept")).orElse("").contains("text/html")) {
          // a page kept to the caller's roles (the PNR unit's flights, the administrator's
          // models) before one open to everyone (the travellers' declaration form)
          List<NavItem> theirs =
              config.nav().stream().filter(n -> n.offeredTo(p) && !n.href().equals("/")).toList();
          // the narrowest first: the PNR unit may also search the intelligence database, but its
          // work is the flights only it may open
          Optional<NavItem> first =
              theirs.stream()
                  .filter(n -> n.access() instanceof Access.AnyOf)
                  .min(
                      java.util.Comparator.comparingInt(
                          n -> ((Access.AnyOf) n.access()).roles().size()))
                  .or(() -> theirs.stream().findFirst());
          if (first.isPresent()) {
            ctx.redirect(first.get().href(), io.javalin.http.HttpStatus.SEE_OTHER);
            return false;
          }
        }
        Web.audit(
            ctx,
            "access.denied",
            spec.method() + " " + spec.path(),
            Map.of(
                "reason",
                "role",
                "roles",
                String.join(
                    ",",
                    ((Access.AnyOf) access).roles().stream().map(Role::id).sorted().toList())));
        ctx.attribute(
            REFUSED_ROLES,
            ((Access.AnyOf) access).roles().stream().map(Role::id).sorted().toList());
        // the JSON answer names the roles by their ids (what an API client sends and matches on),
        // its sentence in the reader's language; the page names them in words (pageMessage)
        Messages t = readers(ctx);
        throw HttpProblem.of(
            "forbidden",
            "",
            t.get(
                "server.error.forbidden",
                spec.method(),
                spec.path(),
                String.join(
                    t.get("error.forbidden.or"),
                    ((Access.AnyOf) access).roles().stream().map(Role::id).sorted().toList())));
      }
      // a user whose password an administrator set does nothing else before choosing their own
      if (!PasswordChangeGate.admits(ctx, spec, accounts)) {
        return false;
      }
    }
    boolean write = !spec.method().equals("GET");
    boolean cookieAuth = p != null && ctx.attribute("sekisho.bearer") == null;
    if (write && cookieAuth) {
      String sent =
          Optional.ofNullable(ctx.header("X-CSRF-Token"))
              .orElseGet(() -> formParamQuietly(ctx, "_csrf"));
      if (sent == null || !sent.equals(Web.csrf(ctx))) {
        throw HttpProblem.of("csrf", "_csrf", readers(ctx).get("server.error.csrf"));
      }
    }
    return true;
  }

  private static String formParamQuietly(Context ctx, String name) {
    String type = ctx.contentType();
    if (type != null
        && (type.startsWith("application/x-www-form-urlencoded")
            || type.startsWith("multipart/form-data"))) {
      return ctx.formParam(name);
    }
    return null;
  }

  private void answerProblem(Context ctx, Problem problem) {
    int status = HttpProblem.status(problem);
    boolean wantsHtml =
        !ctx.path().startsWith("/api/")
            && Optional.ofNullable(ctx.header("Accept")).orElse("").contains("text/html");
    if (status == 401 && wantsHtml && ctx.method().equals(HandlerType.GET)) {
      String next =
          URLEncoder.encode(
              ctx.fullUrl().replaceFirst("^https?://[^/]+", ""), StandardCharsets.UTF_8);
      ctx.redirect("/login?next=" + next);
      return;
    }
    ctx.status(status);
    if (status == 401) {
      // RFC 6750: how to authenticate
      ctx.header("WWW-Authenticate", "Bearer realm=\"sekisho\"");
    }
    if (wantsHtml && ctx.attribute(Web.MESSAGES) != null) {
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("t", Web.messages(ctx));
      params.put("status", status);
      params.put("message", pageMessage(ctx, problem, status));
      // the page says which input was refused, as the JSON answer's field does
      params.put("field", problem.field());
      ctx.html(layout.render(ctx, Integer.toString(status), layout.template("error.jte", params)));
      ctx.status(status);
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", problem.code());
    body.put("message", problem.message());
    body.put("field", problem.field().isEmpty() ? null : problem.field());
    ctx.json(body);
  }

  /**
   * What the refusal page says: a page refused for want of a role says which, by their names in the
   * reader's language (the JSON answer names their ids); other problems as they were worded.
   */
  private static String pageMessage(Context ctx, Problem problem, int status) {
    List<String> roles = ctx.attribute(REFUSED_ROLES);
    if (status != 403 || roles == null || roles.isEmpty()) {
      return problem.message();
    }
    var t = Web.messages(ctx);
    return t.get(
        "error.forbidden.roles",
        String.join(
            t.get("error.forbidden.or"), roles.stream().map(r -> t.get("role." + r)).toList()));
  }

  Cookie cookie(String name, String value, boolean longLived) {
    Cookie c = new Cookie(name, value);
    c.setHttpOnly(true);
    c.setSecure(config.secureCookies());
    c.setSameSite(SameSite.LAX);
    c.setPath("/");
    if (longLived) {
      c.setMaxAge(365 * 24 * 3600);
    }
    return c;
  }

  public int port() {
    return app.port();
  }

  public List<RouteSpec> routes() {
    return routes;
  }

  public ObjectMapper json() {
    return json;
  }

  AuditTrail audit() {
    return audit;
  }

  Accounts accounts() {
    return accounts;
  }

  Clock clock() {
    return clock;
  }

  SignInThrottle signIns() {
    return signIns;
  }

  AuditCoalescer coalescer() {
    return coalescer;
  }

  Layout layout() {
    return layout;
  }

  PrometheusMeterRegistry metrics() {
    return metrics;
  }

  Config config() {
    return config;
  }

  @Override
  public void close() {
    app.stop();
  }
}
