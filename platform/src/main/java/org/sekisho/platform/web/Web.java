package org.sekisho.platform.web;

import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.core.audit.AuditTrail;
import org.sekisho.platform.auth.Principal;
import org.sekisho.platform.i18n.Messages;

/** What a handler may ask of the request the server has already authenticated. */
public final class Web {
  static final String PRINCIPAL = "sekisho.principal";
  static final String CSRF = "sekisho.csrf";
  static final String MESSAGES = "sekisho.messages";
  static final String SERVER = "sekisho.server";

  private Web() {}

  /** The caller; routes that are not public always have one. */
  public static Principal principal(Context ctx) {
    Principal p = ctx.attribute(PRINCIPAL);
    if (p == null) {
      throw HttpProblem.of("unauthenticated", "", "sign in first");
    }
    return p;
  }

  public static Optional<Principal> maybePrincipal(Context ctx) {
    return Optional.ofNullable(ctx.attribute(PRINCIPAL));
  }

  public static Messages messages(Context ctx) {
    return ctx.attribute(MESSAGES);
  }

  /** The CSRF token forms must post back as {@code _csrf}; empty for bearer-token callers. */
  public static String csrf(Context ctx) {
    String t = ctx.attribute(CSRF);
    return t == null ? "" : t;
  }

  /** Appends an audit entry for the caller (or {@code anonymous}) with the server's clock. */
  public static void audit(
      Context ctx, String action, String subject, Map<String, String> details) {
    WebServer server = ctx.attribute(SERVER);
    AuditTrail trail = server.audit();
    Optional<Principal> p = maybePrincipal(ctx);
    trail.record(
        new AuditEvent(
            server.clock().instant(),
            p.map(Principal::username).orElse("anonymous"),
            p.map(Principal::agency).orElse(""),
            action,
            subject,
            withClient(ctx, details)));
  }

  private static Map<String, String> withClient(Context ctx, Map<String, String> details) {
    var m = new java.util.HashMap<>(details);
    m.put("ip", ctx.ip());
    return m;
  }

  /** Wraps module HTML in the shared page frame (navigation, language switch, user, CSRF meta). */
  public static void page(Context ctx, String title, String bodyHtml) {
    WebServer server = ctx.attribute(SERVER);
    ctx.html(server.layout().render(ctx, title, bodyHtml));
  }

  /** An int query parameter with bounds, or a 400 naming the parameter. */
  public static int intParam(Context ctx, String name, int dflt, int min, int max) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return dflt;
    }
    try {
      int v = Integer.parseInt(raw.strip());
      if (v < min || v > max) {
        throw HttpProblem.of(
            "invalid-parameter", name, "expected a whole number from " + min + " to " + max);
      }
      return v;
    } catch (NumberFormatException e) {
      throw HttpProblem.of("invalid-parameter", name, "expected a whole number, got '" + raw + "'");
    }
  }
}
