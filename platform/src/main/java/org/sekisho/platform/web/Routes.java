package org.sekisho.platform.web;

import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
    ROWS
  }

  /**
   * One declared route. {@code api} routes answer JSON; the others answer HTML pages. {@code body}
   * says how the server checks its request body ({@link Body#WHOLE} unless declared).
   */
  public record RouteSpec(
      String method,
      String path,
      Access access,
      String summary,
      Handler handler,
      String tag,
      Body body) {
    public RouteSpec {
      Objects.requireNonNull(body, "body");
    }

    /** A route whose body is checked whole ({@link Body#WHOLE}). */
    public RouteSpec(
        String method, String path, Access access, String summary, Handler handler, String tag) {
      this(method, path, access, summary, handler, tag, Body.WHOLE);
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

  private Routes add(
      String method, String path, Access access, String summary, Body body, Handler handler) {
    specs.add(new RouteSpec(method, path, access, summary, handler, tag, body));
    return this;
  }

  public List<RouteSpec> specs() {
    return List.copyOf(specs);
  }
}
