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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.sekisho.core.Problem;
import org.sekisho.core.audit.AuditTrail;
import org.sekisho.platform.auth.Access;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.auth.Principal;
import org.sekisho.platform.i18n.Messages;
import org.sekisho.platform.web.Routes.RouteSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: Javalin on virtual threads, with every route's access checked before its handler
 * runs (deny by default), CSRF checked on cookie-authenticated writes, problems mapped to status
 * codes in one place, per-route timings in Prometheus, and the route table published as OpenAPI.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  static final String SESSION_COOKIE = "sekisho_session";
  static final String LOGIN_CSRF_COOKIE = "sekisho_login_csrf";
  static final String LANG_COOKIE = "sekisho_lang";

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
      java.time.ZoneId zone) {
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
              for (RouteSpec spec : routes) {
                cfg.routes.addHttpHandler(
                    HandlerType.findOrCreate(spec.method()), spec.path(), ctx -> handle(spec, ctx));
              }
              cfg.routes.exception(HttpProblem.class, (e, ctx) -> answerProblem(ctx, e.problem()));
              cfg.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
                    answerProblem(
                        ctx, Problem.of("internal", "", "internal error; the incident is logged"));
                  });
              cfg.routes.error(
                  404,
                  ctx -> {
                    if (ctx.result() == null || ctx.result().isEmpty()) {
                      prepare(ctx);
                      answerProblem(
                          ctx, Problem.of("not-found", "", "no such page: " + ctx.path()));
                    }
                  });
            });
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
    try {
      prepare(ctx);
      authorize(spec, ctx);
      spec.handler().handle(ctx);
    } finally {
      sample.stop(
          metrics.timer(
              "http.server.requests",
              "method",
              spec.method(),
              "route",
              spec.path(),
              "status",
              Integer.toString(ctx.statusCode())));
    }
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

  private void authorize(RouteSpec spec, Context ctx) {
    Principal p = ctx.attribute(Web.PRINCIPAL);
    Access access = spec.access();
    if (access instanceof Access.AnyOf) {
      if (p == null) {
        throw HttpProblem.of("unauthenticated", "", "sign in or send a valid bearer token");
      }
      if (!access.admits(p)) {
        Web.audit(ctx, "access.denied", spec.method() + " " + spec.path(), Map.of());
        throw HttpProblem.of("forbidden", "", "your role does not allow " + spec.summary());
      }
    }
    boolean write = !spec.method().equals("GET");
    boolean cookieAuth = p != null && ctx.attribute("sekisho.bearer") == null;
    if (write && cookieAuth) {
      String sent =
          Optional.ofNullable(ctx.header("X-CSRF-Token"))
              .orElseGet(() -> formParamQuietly(ctx, "_csrf"));
      if (sent == null || !sent.equals(Web.csrf(ctx))) {
        throw HttpProblem.of("csrf", "_csrf", "missing or wrong CSRF token; reload the page");
      }
    }
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
    if (wantsHtml && ctx.attribute(Web.MESSAGES) != null) {
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("t", Web.messages(ctx));
      params.put("status", status);
      params.put("message", problem.message());
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

  Clock clock() {
    return clock;
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
