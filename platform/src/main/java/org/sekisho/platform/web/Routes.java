package org.sekisho.platform.web;

import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sekisho.platform.auth.Access;

/**
 * The route table a {@link WebModule} fills in. Every route states its method, path, who may call
 * it and what it does; the server checks access before the handler runs and publishes the table as
 * OpenAPI.
 *
 * <p>Before any handler runs, the server also refuses with 400 {@code invalid-input} a request
 * whose path parameters, query parameters, form fields or body text hold a NUL character (U+0000),
 * which PostgreSQL cannot store in text. A route whose body is a batch of rows that its handler
 * validates one by one (keeping the good rows, reporting the bad ones) says so with {@link
 * Body#ROWS}:
 *
 * <pre>{@code
 * r.post("/api/ingest/{kind}", INGEST, "ingest a file of records", Body.ROWS, this::ingest);
 * }</pre>
 *
 * The server then leaves that body to the handler (its path and query parameters are still
 * checked); every other route is {@link Body#WHOLE}.
 *
 * <p>An API route names the query parameters it takes with {@link #query(String...)}:
 *
 * <pre>{@code
 * r.get("/api/search", READERS, "search records", this::search).query("q", "from", "to");
 * }</pre>
 *
 * The server then refuses any other query parameter (except {@code lang}, which it reads itself)
 * with 400 {@code invalid-parameter} naming it and the ones the route takes, before the handler
 * runs (after the caller's access is checked), and the OpenAPI document lists them. A misspelt
 * filter or paging parameter ({@code ?offset=} for {@code ?after=}) would otherwise be answered as
 * if it had been read. Pages are not checked: a link with a parameter left over still opens.
 */
public final class Routes {
  /** How the server checks a route's request body before its handler runs. */
  public enum Body {
    /**
     * The default: the body is one piece of input, refused whole (400 {@code invalid-input}, naming
     * the form field, the JSON field path, or {@code body}) when any text in it holds a NUL: a form
     * field, a JSON string value or field name (written <code>&#92;u0000</code> in JSON), or a NUL
     * byte in any other text body. Bodies whose content type says they are not text ({@code
     * image/*}, {@code audio/*}, {@code video/*}, {@code application/octet-stream}, {@code
     * application/pdf}, {@code application/zip}, {@code application/gzip}) are left alone. The body
     * is read into memory for the check and handed to the handler again unchanged ({@code
     * ctx.body()} and {@code ctx.bodyInputStream()} both see it whole).
     */
    WHOLE,
    /**
     * A batch of rows (JSON Lines, CSV, NMEA, …) that the handler validates row by row, refusing
     * only the bad rows: the server neither reads nor checks the body, so it can be streamed. The
     * handler must then keep NUL characters out of the database itself (see {@link
     * Web#hasNul(String)}); path and query parameters are still checked by the server.
     */
    ROWS,
    /**
     * One plain-text document the handler reads whole (a settings file, a criterion's text), not
     * JSON: checked as {@link #WHOLE} is, and described in OpenAPI as {@code text/plain}.
     */
    TEXT
  }

  /**
   * One declared route. {@code api} routes answer JSON; the others answer HTML pages. {@code body}
   * says how the server checks its request body ({@link Body#WHOLE} unless declared). {@code query}
   * holds the query parameters an API route takes, when it declared them ({@link
   * Routes#query(String...)}); the server then refuses the others.
   */
  public record RouteSpec(
      String method,
      String path,
      Access access,
      String summary,
      Handler handler,
      String tag,
      Body body,
      Optional<List<String>> query) {
    public RouteSpec {
      Objects.requireNonNull(body, "body");
      query = query.map(List::copyOf);
    }

    /** A route whose query parameters are not declared. */
    public RouteSpec(
        String method,
        String path,
        Access access,
        String summary,
        Handler handler,
        String tag,
        Body body) {
      this(method, path, access, summary, handler, tag, body, Optional.empty());
    }

    /** A route whose body is checked whole ({@link Body#WHOLE}). */
    public RouteSpec(
        String method, String path, Access access, String summary, Handler handler, String tag) {
      this(method, path, access, summary, handler, tag, Body.WHOLE);
    }

    /**
     * The first query parameter of a request that this route does not take, when it declared the
     * ones it takes; {@code lang} is taken by every route.
     */
    public Optional<String> unknownParameter(java.util.Collection<String> given) {
      if (query.isEmpty()) {
        return Optional.empty();
      }
      List<String> taken = query.get();
      return given.stream().filter(n -> !n.equals("lang") && !taken.contains(n)).findFirst();
    }

    public boolean api() {
      return path.startsWith("/api/");
    }
  }

  private final List<RouteSpec> specs = new ArrayList<>();
  private final String tag;

  public Routes(String tag) {
    this.tag = tag;
  }

  public Routes get(String path, Access access, String summary, Handler handler) {
    return add("GET", path, access, summary, Body.WHOLE, handler);
  }

  public Routes post(String path, Access access, String summary, Handler handler) {
    return add("POST", path, access, summary, Body.WHOLE, handler);
  }

  /** A POST route whose body is checked as {@code body} says, e.g. {@link Body#ROWS}. */
  public Routes post(String path, Access access, String summary, Body body, Handler handler) {
    return add("POST", path, access, summary, body, handler);
  }

  public Routes put(String path, Access access, String summary, Handler handler) {
    return add("PUT", path, access, summary, Body.WHOLE, handler);
  }

  /** A PUT route whose body is checked as {@code body} says, e.g. {@link Body#ROWS}. */
  public Routes put(String path, Access access, String summary, Body body, Handler handler) {
    return add("PUT", path, access, summary, body, handler);
  }

  public Routes delete(String path, Access access, String summary, Handler handler) {
    return add("DELETE", path, access, summary, Body.WHOLE, handler);
  }

  /**
   * Declares the query parameters the route added last takes (none when called without names); the
   * server refuses any other but {@code lang} with 400 {@code invalid-parameter}.
   *
   * @throws IllegalStateException when no route was added yet, or the last one is a page
   */
  public Routes query(String... names) {
    if (specs.isEmpty()) {
      throw new IllegalStateException("query(…) names the parameters of the route added last");
    }
    RouteSpec last = specs.get(specs.size() - 1);
    if (!last.api()) {
      throw new IllegalStateException(
          last.path() + " is a page: only API routes refuse query parameters they do not take");
    }
    specs.set(
        specs.size() - 1,
        new RouteSpec(
            last.method(),
            last.path(),
            last.access(),
            last.summary(),
            last.handler(),
            last.tag(),
            last.body(),
            Optional.of(List.of(names))));
    return this;
  }

  private Routes add(
      String method, String path, Access access, String summary, Body body, Handler handler) {
    specs.add(new RouteSpec(method, path, access, summary, handler, tag, body));
    return this;
  }

  public List<RouteSpec> specs() {
    return List.copyOf(specs);
  }
}
