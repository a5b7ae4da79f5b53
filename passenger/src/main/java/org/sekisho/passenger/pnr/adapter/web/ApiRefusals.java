package org.sekisho.passenger.pnr.adapter.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import org.sekisho.core.Problem;
import org.sekisho.platform.i18n.Messages;
import org.sekisho.platform.web.HttpProblem;
import org.sekisho.platform.web.Web;

/**
 * The passenger routes' refusals in the reader's language ({@code ?lang=}, the language cookie,
 * {@code Accept-Language}): the code and the field stay as they are, only the message is worded
 * from the {@code screening} bundles. An English reader ({@link Messages#english()}) keeps the use
 * case's English message byte for byte, which API clients and scripts match on.
 *
 * <p>Another language gets {@code screening.api.<code>.<key>} with the refusal's own values when
 * the refusal carries a wording ({@link Problem#worded}); else {@code screening.api.<code>}, else
 * {@code screening.api.refused}, each with the field as {0} and the English message as {1}, so that
 * a refusal no text is written for (a refused CSV row's detail) is still framed in the reader's
 * language around its English detail. Stateless and thread-safe.
 */
public final class ApiRefusals {
  private ApiRefusals() {}

  /** {@code p} as {@code t}'s reader reads it; {@code p} itself in English or without messages. */
  public static Problem worded(Messages t, Problem p) {
    if (t == null || t.english()) {
      return p;
    }
    return new Problem(p.code(), text(t, p), p.field(), p.key(), p.args());
  }

  /** {@code ps}, each as {@link #worded(Messages, Problem)} words it. */
  public static List<Problem> worded(Messages t, List<Problem> ps) {
    return ps.stream().map(p -> worded(t, p)).toList();
  }

  /** The refusal {@code p} to throw from a handler, worded for the request's reader. */
  public static HttpProblem problem(Context ctx, Problem p) {
    return new HttpProblem(worded(Web.messages(ctx), p));
  }

  /**
   * {@code h}, its refusals ({@link HttpProblem}) worded for the request's reader before the server
   * answers them; any other exception passes unchanged.
   */
  public static Handler inReadersLanguage(Handler h) {
    return ctx -> {
      try {
        h.handle(ctx);
      } catch (HttpProblem e) {
        throw problem(ctx, e.problem());
      }
    };
  }

  /**
   * The refusal's values as the wording quotes them, a point in time (an ISO instant, as the
   * English message keeps it for clients) as people here read it ({@link Messages#time}).
   */
  private static Object[] readable(Messages t, List<String> args) {
    Object[] out = args.toArray();
    for (int i = 0; i < out.length; i++) {
      String a = args.get(i);
      if (a.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z")) {
        try {
          out[i] = t.time(java.time.Instant.parse(a));
        } catch (java.time.format.DateTimeParseException e) {
          // kept as written
        }
      }
    }
    return out;
  }

  private static String text(Messages t, Problem p) {
    if (!p.key().isEmpty()) {
      String key = "screening.api." + p.code() + "." + p.key();
      String text = t.get(key, readable(t, p.args()));
      if (!text.equals(key)) {
        return text;
      }
    }
    Object[] args = {p.field().isEmpty() ? "-" : p.field(), p.message()};
    String general = "screening.api." + p.code();
    String text = t.get(general, args);
    return text.equals(general) ? t.get("screening.api.refused", args) : text;
  }
}
