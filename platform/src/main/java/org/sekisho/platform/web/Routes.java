package org.sekisho.platform.web;

import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;
import org.sekisho.platform.auth.Access;

/**
 * The route table a {@link WebModule} fills in. Every route states its method, path, who may call
 * it and what it does; the server checks access before the handler runs and publishes the table as
 * OpenAPI.
 */
public final class Routes {
  /** One declared route. {@code api} routes answer JSON; the others answer HTML pages. */
  public record RouteSpec(
      String method, String path, Access access, String summary, Handler handler, String tag) {
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
    specs.add(new RouteSpec("GET", path, access, summary, handler, tag));
    return this;
  }

  public Routes post(String path, Access access, String summary, Handler handler) {
    specs.add(new RouteSpec("POST", path, access, summary, handler, tag));
    return this;
  }

  public Routes put(String path, Access access, String summary, Handler handler) {
    specs.add(new RouteSpec("PUT", path, access, summary, handler, tag));
    return this;
  }

  public Routes delete(String path, Access access, String summary, Handler handler) {
    specs.add(new RouteSpec("DELETE", path, access, summary, handler, tag));
    return this;
  }

  public List<RouteSpec> specs() {
    return List.copyOf(specs);
  }
}
