package org.sekisho.targeting.adapter.web;

import io.javalin.http.Context;
import java.util.List;
import org.sekisho.platform.web.HttpProblem;

/**
 * The query parameters a targeting API route takes. A parameter it does not take is refused with
 * 400 naming it and the ones it takes, as {@code GET /api/audit} does: a misspelt filter or paging
 * parameter ({@code ?offset=} for {@code ?after=}) would otherwise answer as if it had been read.
 * {@code lang} is taken everywhere (the platform reads it). Pages stay lenient: a link with a
 * parameter left over still opens.
 */
final class QueryParameters {
  private QueryParameters() {}

  /** Longest part of a refused parameter's name repeated in the message. */
  private static final int SHOWN = 40;

  /**
   * Refuses the first query parameter of {@code ctx} that is neither {@code lang} nor one of {@code
   * taken}.
   *
   * @param route how the message names the route, e.g. {@code GET /api/targeting/worklist}
   */
  static void only(Context ctx, String route, String... taken) {
    List<String> names = List.of(taken);
    for (String name : ctx.queryParamMap().keySet()) {
      if (name.equals("lang") || names.contains(name)) {
        continue;
      }
      String shown = name.length() > SHOWN ? name.substring(0, SHOWN) + "…" : name;
      throw HttpProblem.of(
          "invalid-parameter",
          shown,
          route
              + (names.isEmpty()
                  ? " takes no query parameters"
                  : " takes " + String.join(", ", names))
              + "; there is no parameter '"
              + shown
              + "'");
    }
  }
}
