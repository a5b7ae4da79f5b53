package org.sekisho.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.sekisho.core.Problem;
import org.sekisho.platform.auth.Access;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.auth.Principal;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.auth.SignIn;
import org.sekisho.platform.auth.SignInThrottle;
import org.sekisho.platform.i18n.Messages;
import org.sekisho.platform.web.Routes.RouteSpec;

/** Health, readiness, metrics, OpenAPI, sign-in and sign-out, and API tokens. */
final class PlatformRoutes implements WebModule {
  private final WebServer server;
  private final Accounts accounts;
  private final BooleanSupplier ready;
  private final SecureRandom random = new SecureRandom();

  PlatformRoutes(WebServer server, Accounts accounts, BooleanSupplier ready) {
    this.server = server;
    this.accounts = accounts;
    this.ready = ready;
  }

  @Override
  public void routes(Routes r) {
    r.get("/health", Access.open(), "liveness", this::health)
        .get("/ready", Access.open(), "readiness (database answering)", this::ready)
        .get("/metrics", Access.anyOf(Role.ADMIN), "Prometheus metrics", this::metrics)
        .get("/openapi.json", Access.open(), "OpenAPI description of this server", this::openApi)
        .get("/login", Access.open(), "sign-in page", this::loginPage)
        .post("/login", Access.open(), "sign in", this::login)
        .post(
            "/logout",
            Access.signedIn(),
            "sign out: ends the browser session, or the bearer token the request carries",
            this::logout)
        .post(
            "/api/logout",
            Access.signedIn(),
            "end the bearer token (or session) this request carries; 204",
            this::apiLogout)
        .query()
        .post(
            "/api/login",
            Access.open(),
            "exchange user name and password for a bearer token",
            this::apiLogin)
        .query()
        .get("/api/me", Access.signedIn(), "the caller's identity, roles and scope", this::me)
        .query();
  }

  private void health(Context ctx) {
    ctx.json(Map.of("status", "UP", "version", server.config().version()));
  }

  private void ready(Context ctx) {
    boolean ok = ready.getAsBoolean();
    ctx.status(ok ? 200 : 503).json(Map.of("status", ok ? "READY" : "NOT_READY"));
  }

  private void metrics(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(server.metrics().scrape());
  }

  private void loginPage(Context ctx) {
    if (Web.maybePrincipal(ctx).isPresent()) {
      ctx.redirect(safeNext(ctx.queryParam("next")));
      return;
    }
    renderLogin(ctx, "");
  }

  private void renderLogin(Context ctx, String error) {
    byte[] b = new byte[24];
    random.nextBytes(b);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    ctx.cookie(server.cookie(WebServer.LOGIN_CSRF_COOKIE, token, false));
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("t", Web.messages(ctx));
    params.put("csrf", token);
    params.put(
        "next",
        safeNext(Optional.ofNullable(ctx.queryParam("next")).orElse(ctx.formParam("next"))));
    params.put("error", error);
    String body = server.layout().template("login.jte", params);
    Web.page(ctx, Web.messages(ctx).get("login.title"), body);
  }

  /** One password sign-in attempt: refused by the throttle, or the password checked. */
  private sealed interface Attempt {
    /** Refused without checking the password; try again after this many seconds. */
    record Refused(long retryAfterSeconds) implements Attempt {}

    /** The password was checked. */
    record Checked(SignIn outcome) implements Attempt {}
  }

  /**
   * Checks a password through the server's {@link SignInThrottle}: after {@value
   * SignInThrottle#FREE_FAILURES} failures in a row for the account name or from the client
   * address, attempts are refused without checking the password, for a delay from 1 s doubling up
   * to 15 min. A refusal is audited here ({@code login.refused}) and gets a {@code Retry-After}
   * header; the caller answers it with 429 and audits checked attempts.
   */
  private Attempt attempt(Context ctx, String user, String password, String channel) {
    SignInThrottle throttle = server.signIns();
    Optional<SignInThrottle.Refusal> refusal = throttle.attempt(user, ctx.ip());
    if (refusal.isPresent()) {
      long seconds = retryAfterSeconds(refusal.get().retryAfter());
      Web.audit(
          ctx,
          "login.refused",
          accountSubject(user),
          Map.of(
              "channel",
              channel,
              "throttledBy",
              refusal.get().by(),
              "retryAfterSeconds",
              Long.toString(seconds)));
      ctx.header("Retry-After", Long.toString(seconds));
      return new Attempt.Refused(seconds);
    }
    SignIn outcome = accounts.signIn(user, password);
    if (outcome instanceof SignIn.SignedIn) {
      throttle.succeeded(user, ctx.ip());
    }
    return new Attempt.Checked(outcome);
  }

  /**
   * The audit subject of a sign-in attempt: the account, or {@code account:(unknown)} when no
   * account has the name, which may be a password typed into the user name field and is not kept.
   */
  private String accountSubject(String user) {
    return accounts.find(user).isPresent() ? "account:" + user : UNKNOWN_ACCOUNT;
  }

  static final String UNKNOWN_ACCOUNT = "account:(unknown)";

  /**
   * Records a sign-in that failed: why ({@code wrong-password}, {@code deactivated} when the
   * password was right for a deactivated account, {@code unknown-account}) and from which channel.
   */
  private static void auditFailure(Context ctx, String user, SignIn outcome, String channel) {
    String reason =
        switch (outcome) {
          case SignIn.Deactivated d -> "deactivated";
          case SignIn.UnknownAccount u -> "unknown-account";
          case SignIn.WrongPassword w -> "wrong-password";
          case SignIn.SignedIn s -> throw new IllegalArgumentException("signed in");
        };
    Web.audit(
        ctx,
        "login.failed",
        outcome instanceof SignIn.UnknownAccount ? UNKNOWN_ACCOUNT : "account:" + user,
        Map.of("channel", channel, "reason", reason));
  }

  /** Whole seconds, rounded up, at least 1: what {@code Retry-After} says. */
  static long retryAfterSeconds(Duration d) {
    long s = d.toSeconds();
    if (d.minusSeconds(s).isPositive()) {
      s++;
    }
    return Math.max(1, s);
  }

  private void login(Context ctx) {
    String expected = ctx.cookie(WebServer.LOGIN_CSRF_COOKIE);
    String sent = ctx.formParam("_csrf");
    if (expected == null || !expected.equals(sent)) {
      throw HttpProblem.of("csrf", "_csrf", Web.messages(ctx).get("login.error.csrf"));
    }
    String user = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    SignIn outcome;
    switch (attempt(ctx, user, password, "web")) {
      case Attempt.Refused r -> {
        ctx.status(429);
        renderLogin(ctx, Web.messages(ctx).get("login.throttled", r.retryAfterSeconds()));
        ctx.status(429);
        return;
      }
      case Attempt.Checked c -> outcome = c.outcome();
    }
    if (!(outcome instanceof SignIn.SignedIn signedIn)) {
      auditFailure(ctx, user, outcome, "web");
      ctx.status(401);
      renderLogin(ctx, Web.messages(ctx).get("login.failed"));
      ctx.status(401);
      return;
    }
    Accounts.Session s = accounts.openSession(signedIn.principal());
    ctx.attribute(Web.PRINCIPAL, signedIn.principal());
    Web.audit(ctx, "login", "account:" + user, Map.of("channel", "web"));
    ctx.cookie(server.cookie(WebServer.SESSION_COOKIE, s.token(), false));
    ctx.removeCookie(WebServer.LOGIN_CSRF_COOKIE, "/");
    ctx.redirect(safeNext(ctx.formParam("next")));
  }

  private void logout(Context ctx) {
    endCallersSignIn(ctx);
    ctx.removeCookie(WebServer.SESSION_COOKIE, "/");
    ctx.redirect("/login");
  }

  private void apiLogout(Context ctx) {
    endCallersSignIn(ctx);
    ctx.status(204);
  }

  /**
   * Ends what signed this request in: the bearer token it carries (deleted and forgotten, so the
   * next call with it gets 401), else the browser session. Audited as {@code logout} with which.
   */
  private void endCallersSignIn(Context ctx) {
    String auth = ctx.header("Authorization");
    String channel;
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      accounts.revokeApiToken(auth.substring(7).strip());
      channel = "api";
    } else {
      String token = ctx.cookie(WebServer.SESSION_COOKIE);
      if (token != null) {
        accounts.closeSession(token);
      }
      channel = "web";
    }
    Web.audit(
        ctx, "logout", "account:" + Web.principal(ctx).username(), Map.of("channel", channel));
  }

  private void apiLogin(Context ctx) {
    Messages t = Web.messages(ctx);
    JsonNode body;
    try {
      body = server.json().readTree(ctx.body());
    } catch (Exception e) {
      throw HttpProblem.of("invalid-json", "", t.get("login.error.json", LOGIN_SHAPE));
    }
    if (body == null || !body.isObject()) {
      throw HttpProblem.of("invalid-json", "body", t.get("login.error.json", LOGIN_SHAPE));
    }
    // every field's problem at once, as the account routes answer
    List<Problem> problems = new java.util.ArrayList<>();
    for (String field : List.of("username", "password")) {
      if (!body.hasNonNull(field)) {
        problems.add(
            Problem.of("missing-field", field, t.get("login.error.missing", field, LOGIN_SHAPE)));
      } else if (!body.get(field).isTextual()) {
        problems.add(
            Problem.of(
                "invalid-field",
                field,
                // the kind of value only: never a password echoed in an answer or a log
                t.get(
                    "login.error.type",
                    field,
                    body.get(field).getNodeType().name().toLowerCase(java.util.Locale.ROOT))));
      }
    }
    if (!problems.isEmpty()) {
      ProblemAnswer.send(ctx, problems);
      return;
    }
    String user = body.get("username").asText();
    SignIn outcome =
        switch (attempt(ctx, user, body.get("password").asText(), "api")) {
          case Attempt.Refused r ->
              throw HttpProblem.of(
                  "too-many-attempts",
                  "",
                  t.get("login.error.throttled", Long.toString(r.retryAfterSeconds())));
          case Attempt.Checked c -> c.outcome();
        };
    if (!(outcome instanceof SignIn.SignedIn signedIn)) {
      auditFailure(ctx, user, outcome, "api");
      throw HttpProblem.of("unauthenticated", "", t.get("login.error.wrong"));
    }
    ctx.attribute(Web.PRINCIPAL, signedIn.principal());
    Duration life = Duration.ofHours(12);
    String token = accounts.issueApiToken(user, "api-login", Optional.of(life));
    Web.audit(ctx, "login", "account:" + user, Map.of("channel", "api"));
    // a client told now that the password must be chosen first, not by a 403 on its next call
    ctx.json(
        Map.of(
            "token",
            token,
            "expiresInSeconds",
            life.toSeconds(),
            "mustChangePassword",
            accounts.mustChangePassword(user)));
  }

  /** What {@code POST /api/login} takes, as its refusals quote it. */
  private static final String LOGIN_SHAPE = "{\"username\":…, \"password\":…}";

  private void me(Context ctx) {
    Principal p = Web.principal(ctx);
    ctx.json(
        Map.of(
            "username", p.username(),
            "displayName", p.displayName(),
            "roles", p.roles().stream().map(Role::id).sorted().toList(),
            "agency", p.agency(),
            "office", p.office()));
  }

  /**
   * Only same-site relative paths, so the sign-in form cannot be used as an open redirect. A
   * browser drops tabs and line breaks anywhere in a URL and reads a backslash as a slash, so
   * {@code /<TAB>/evil.example} would be {@code //evil.example}: any control character, space or
   * backslash sends the user to the start page instead, as does anything that parses with a scheme
   * or host.
   */
  static String safeNext(String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//")) {
      return "/";
    }
    for (int i = 0; i < next.length(); i++) {
      char c = next.charAt(i);
      if (c <= 0x20
          || c == 0x7f
          || c == '\\'
          || Character.isWhitespace(c)
          || Character.isISOControl(c)) {
        return "/";
      }
    }
    try {
      java.net.URI uri = new java.net.URI(next);
      if (uri.getScheme() != null || uri.getRawAuthority() != null) {
        return "/";
      }
      // a Location header carries Latin-1: anything beyond ASCII goes percent-encoded as UTF-8
      return uri.toASCIIString();
    } catch (java.net.URISyntaxException e) {
      return "/";
    }
  }

  /** Routes outside /api/ that answer machines, with what they answer. */
  private static final Map<String, String> MACHINE_ANSWERS =
      Map.of(
          "/metrics", "text/plain; version=0.0.4",
          "/health", "application/json",
          "/ready", "application/json",
          "/openapi.json", "application/json");

  private void openApi(Context ctx) {
    Map<String, Object> paths = new TreeMap<>();
    for (RouteSpec spec : server.routes()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> item =
          (Map<String, Object>) paths.computeIfAbsent(spec.path(), k -> new LinkedHashMap<>());
      Map<String, Object> op = new LinkedHashMap<>();
      op.put("summary", spec.summary());
      op.put("tags", List.of(spec.tag()));
      switch (spec.access()) {
        case Access.Public pub -> op.put("security", List.of());
        case Access.AnyOf a -> {
          op.put("security", List.of(Map.of("bearer", List.of()), Map.of("session", List.of())));
          op.put("x-roles", a.roles().stream().map(Role::id).sorted().toList());
        }
      }
      List<Map<String, Object>> params = new java.util.ArrayList<>();
      var m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(spec.path());
      while (m.find()) {
        params.add(
            Map.of(
                "name",
                m.group(1),
                "in",
                "path",
                "required",
                true,
                "schema",
                Map.of("type", "string")));
      }
      boolean named = !params.isEmpty();
      spec.query()
          .ifPresent(
              names ->
                  names.forEach(
                      n ->
                          params.add(
                              Map.of(
                                  "name",
                                  n,
                                  "in",
                                  "query",
                                  "required",
                                  false,
                                  "schema",
                                  Map.of("type", "string")))));
      if (!params.isEmpty()) {
        op.put("parameters", params);
      }
      if (spec.query().isPresent()) {
        op.put("x-other-query-parameters", "refused with 400 invalid-parameter (lang is taken)");
      }
      Map<String, Object> responses = new LinkedHashMap<>();
      boolean write = !spec.method().equals("GET");
      if (MACHINE_ANSWERS.containsKey(spec.path())) {
        responses.put(
            "200",
            Map.of(
                "description",
                "OK",
                "content",
                Map.of(MACHINE_ANSWERS.get(spec.path()), Map.of())));
      } else if (!spec.api()) {
        // a page (or a form posted from one): HTML, or a redirect to the next page
        responses.put(
            "200", Map.of("description", "the page", "content", Map.of("text/html", Map.of())));
        if (write) {
          responses.put("303", Map.of("description", "done: the page to see next"));
        }
      } else {
        responses.put(
            "200", Map.of("description", "OK", "content", Map.of("application/json", Map.of())));
      }
      responses.put("400", Map.of("description", "invalid input", "content", problemContent()));
      if (named) {
        responses.put(
            "404",
            Map.of("description", "nothing of that name or id", "content", problemContent()));
      }
      if (spec.summary().contains("409")) {
        responses.put(
            "409",
            Map.of(
                "description", "changed by someone else meanwhile", "content", problemContent()));
      }
      if (spec.api() && write && !spec.path().equals("/api/logout")) {
        op.put(
            "requestBody",
            spec.body() == Routes.Body.TEXT
                ? Map.of(
                    "description",
                    "one plain-text document, read whole (the summary says what it holds)",
                    "content",
                    Map.of("text/plain", Map.of()))
                : spec.body() == Routes.Body.ROWS
                    ? Map.of(
                        "description",
                        "rows: a batch the route validates row by row, refusing only bad rows (the"
                            + " summary names the format: JSON Lines, CSV, EDIFACT, NMEA)",
                        "content",
                        Map.of("text/plain", Map.of(), "application/x-ndjson", Map.of()))
                    : Map.of(
                        "description",
                        "one JSON value (the summary names its fields); a field named twice, text after"
                            + " the value or a byte order mark is refused",
                        "content",
                        Map.of("application/json", Map.of("schema", Map.of("type", "object")))));
      }
      if (spec.body() == Routes.Body.ROWS) {
        op.put("x-body", "rows: a batch the route validates row by row, refusing only bad rows");
      }
      if (spec.access() instanceof Access.Public && write) {
        responses.put(
            "413",
            Map.of(
                "description",
                "a body over 1 MiB on a route open to anyone",
                "content",
                problemContent()));
      }
      if (spec.path().equals("/login") && spec.method().equals("POST")
          || spec.path().equals("/api/login")) {
        responses.put(
            "429",
            Map.of(
                "description",
                "too many failed sign-ins for the account or from the address; see Retry-After",
                "content",
                problemContent()));
      }
      if (spec.access() instanceof Access.AnyOf) {
        responses.put("401", Map.of("description", "not signed in", "content", problemContent()));
        responses.put(
            "403",
            Map.of("description", "role or agency scope refuses", "content", problemContent()));
      }
      op.put("responses", responses);
      item.put(spec.method().toLowerCase(java.util.Locale.ROOT), op);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.1.0");
    doc.put(
        "info",
        Map.of(
            "title", "Sekisho API",
            "version", server.config().version(),
            "description", "Border-enforcement platform for customs administrations"));
    doc.put("paths", paths);
    doc.put(
        "components",
        Map.of(
            "securitySchemes",
            Map.of(
                "bearer", Map.of("type", "http", "scheme", "bearer"),
                "session",
                    Map.of("type", "apiKey", "in", "cookie", "name", WebServer.SESSION_COOKIE)),
            "schemas",
            Map.of(
                "Problem",
                Map.of(
                    "type",
                    "object",
                    "required",
                    List.of("error", "message"),
                    "properties",
                    Map.of(
                        "error",
                        Map.of("type", "string"),
                        "message",
                        Map.of("type", "string"),
                        "field",
                        Map.of("type", List.of("string", "null")),
                        // where a route finds several problems at once (a form's fields): all of
                        // them, the first being the one named above
                        "problems",
                        Map.of(
                            "type",
                            "array",
                            "items",
                            Map.of(
                                "type",
                                "object",
                                "properties",
                                Map.of(
                                    "code", Map.of("type", "string"),
                                    "field", Map.of("type", "string"),
                                    "message", Map.of("type", "string")))))))));
    ctx.json(doc);
  }

  private static Map<String, Object> problemContent() {
    return Map.of(
        "application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/Problem")));
  }
}
