package org.sekisho.platform.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.auth.Principal;
import org.sekisho.platform.web.Routes.RouteSpec;

/**
 * Keeps a user whose password an administrator set (created the account, or reset the password) to
 * choosing their own: until they have, the routes in {@link #OPEN} are all they may use. A page
 * they ask for (GET, HTML) sends them to {@code /account}; anything else is refused with 403 {@code
 * forbidden} saying why and where to change it, and audited as {@code access.denied} with the
 * reason {@code password-change-required}.
 *
 * <p>The server asks this after the caller's roles admitted them to a route and before the route's
 * handler runs ({@link #admits}); routes open to anyone are not asked about.
 */
public final class PasswordChangeGate {
  private PasswordChangeGate() {}

  /** What a user who must change their password may still do: that, see who they are, sign out. */
  public static final Set<String> OPEN =
      Set.of(
          "GET /account",
          "POST /account/password",
          "POST /api/me/password",
          "GET /api/me",
          "POST /logout",
          "POST /api/logout");

  /**
   * Whether the signed-in caller may go on to {@code spec}: yes unless {@code accounts} says they
   * must change their password and the route is not one of {@link #OPEN}. When not, a page request
   * is redirected to {@code /account} (and false returned); anything else throws.
   *
   * @throws HttpProblem 403 {@code forbidden} for a request other than a page
   */
  public static boolean admits(Context ctx, RouteSpec spec, Accounts accounts) {
    Optional<Principal> p = Web.maybePrincipal(ctx);
    if (p.isEmpty()
        || !accounts.mustChangePassword(p.get().username())
        || OPEN.contains(spec.method() + " " + spec.path())) {
      return true;
    }
    boolean page =
        spec.method().equals("GET")
            && !spec.api()
            && Optional.ofNullable(ctx.header("Accept")).orElse("").contains("text/html");
    if (page) {
      ctx.redirect("/account", HttpStatus.SEE_OTHER);
      return false;
    }
    Web.audit(
        ctx,
        "access.denied",
        spec.method() + " " + spec.path(),
        Map.of("reason", "password-change-required"));
    throw HttpProblem.of("forbidden", "", Web.messages(ctx).get("gate.error.mustChange"));
  }
}
