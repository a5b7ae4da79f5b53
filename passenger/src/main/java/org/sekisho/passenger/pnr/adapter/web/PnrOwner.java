package org.sekisho.passenger.pnr.adapter.web;

import io.javalin.http.Handler;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.sekisho.core.Problem;
import org.sekisho.platform.auth.Principal;
import org.sekisho.platform.web.HttpProblem;
import org.sekisho.platform.web.Routes;
import org.sekisho.platform.web.Web;

/**
 * Who owns PNR and passenger screening data: the administration running Sekisho ({@code
 * SEKISHO_AGENCY}, by default {@code customs-jp}). Carriers send PNR and API data to that
 * administration alone, so a role is not enough: an account of any other agency (a partner such as
 * {@code police-jp} that an administrator gave the PNR unit's role by mistake) is refused every
 * PNR, screening, referral and unmasking route, pages and API alike, whatever its roles.
 *
 * <p>A refusal is 403 {@code forbidden} with a message naming the rule, audited as {@code
 * access.denied} (the route, the rule {@code pnr-administration} and the caller's agency; no
 * personal data). Every refusal a guarded route gives, this one included, is answered in the
 * reader's language ({@link ApiRefusals}). Stateless and thread-safe.
 *
 * @param administration the agency code of the administration running Sekisho
 */
public record PnrOwner(String administration) {
  /** The audit detail that tells this refusal from a missing role. */
  public static final String RULE = "pnr-administration";

  public PnrOwner {
    Objects.requireNonNull(administration, "administration");
    if (administration.isBlank()) {
      throw new IllegalArgumentException("administration must name an agency");
    }
  }

  /** Why {@code p} may not see PNR or screening data at all, or null when it may. */
  public String refusal(Principal p) {
    if (p.agency().equals(administration)) {
      return null;
    }
    return "PNR and passenger screening data belong to "
        + administration
        + ", the administration running Sekisho: only its own staff may read them or decide on"
        + " them, and agency "
        + p.agency()
        + " may not, whatever its roles";
  }

  /** Whether {@code p} is one of the administration's staff (for navigation links). */
  public boolean admits(Principal p) {
    return refusal(p) == null;
  }

  /**
   * Declares on {@code target} every route that {@code declare} adds, each with the same method,
   * path, access, summary, body check and declared query parameters, and a handler that first
   * refuses callers of another agency (403, audited) and words its refusals for the reader ({@link
   * ApiRefusals#inReadersLanguage}).
   */
  public void declare(Routes target, Consumer<Routes> declare) {
    Routes staged = new Routes("staged");
    declare.accept(staged);
    for (Routes.RouteSpec s : staged.specs()) {
      Handler h = ApiRefusals.inReadersLanguage(guard(s.method() + " " + s.path(), s.handler()));
      switch (s.method()) {
        case "GET" -> target.get(s.path(), s.access(), s.summary(), h);
        case "POST" -> target.post(s.path(), s.access(), s.summary(), s.body(), h);
        case "PUT" -> target.put(s.path(), s.access(), s.summary(), s.body(), h);
        case "DELETE" -> target.delete(s.path(), s.access(), s.summary(), h);
        default -> throw new IllegalArgumentException("unknown method " + s.method());
      }
      // the query parameters it declared, so that the server still refuses the others
      s.query().ifPresent(q -> target.query(q.toArray(String[]::new)));
    }
  }

  private Handler guard(String route, Handler h) {
    return ctx -> {
      Principal p = Web.principal(ctx);
      String refused = refusal(p);
      if (refused != null) {
        Web.audit(ctx, "access.denied", route, Map.of("rule", RULE, "agency", p.agency()));
        throw new HttpProblem(
            Problem.of("forbidden", "", refused).worded(RULE, administration, p.agency()));
      }
      h.handle(ctx);
    };
  }
}
