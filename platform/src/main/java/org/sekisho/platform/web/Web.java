package org.sekisho.platform.web;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.platform.auth.Principal;
import org.sekisho.platform.i18n.Messages;

/** What a handler may ask of the request the server has already authenticated. */
public final class Web {
  static final String PRINCIPAL = "sekisho.principal";
  static final String CSRF = "sekisho.csrf";
  static final String MESSAGES = "sekisho.messages";
  static final String SERVER = "sekisho.server";
  // set once a handler audited access.denied: the server then leaves the refusal's audit to it (a
  // read it audited before refusing is not the refusal's entry)
  static final String AUDITED = "sekisho.audited";
  static final String ACCESS_DENIED = "access.denied";

  private Web() {}

  /** The caller; routes that are not public always have one. */
  public static Principal principal(Context ctx) {
    Principal p = ctx.attribute(PRINCIPAL);
    if (p == null) {
      throw HttpProblem.of("unauthenticated", "", readers(ctx).get("server.error.signInFirst"));
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
    server.audit().record(auditEvent(ctx, action, subject, details));
    markDenialAudited(ctx, action);
  }

  /**
   * The entry {@link #audit} would append, for a use case that appends it itself (with what it
   * stores, in one transaction).
   */
  public static AuditEvent auditEvent(
      Context ctx, String action, String subject, Map<String, String> details) {
    WebServer server = ctx.attribute(SERVER);
    Optional<Principal> p = maybePrincipal(ctx);
    return new AuditEvent(
        server.clock().instant(),
        p.map(Principal::username).orElse("anonymous"),
        p.map(Principal::agency).orElse(""),
        action,
        subject,
        withClient(ctx, details));
  }

  /**
   * Like {@link #audit}, but leaves out a read repeated within {@code window}: an entry identical
   * to one written for the same caller less than {@code window} ago (same action, subject and
   * details, client address included) is not written again. Meant for pages that poll, such as a
   * live worklist fragment refreshed every 2 s: with a window of 5 minutes an open tab writes 12
   * entries an hour instead of 1,800.
   *
   * <p>The first read is always written, and so is the first after the window has passed (the
   * window runs from the last entry written, not from the last read); that entry carries the detail
   * {@code coalesced} with the number of identical reads left out since the entry before it. Reads
   * left out after the last entry are counted nowhere. Any difference (another subject, another
   * filter in the details, another client address, another caller) is a different read and written
   * at once. What was written is remembered in memory, per server: after a restart the next read is
   * written. A write that fails is not remembered, so the next read tries again. Thread-safe: of
   * concurrent identical reads, exactly one is written.
   *
   * @param window how long identical reads are left out after an entry; zero writes every one
   * @return whether an entry was written
   * @throws IllegalArgumentException if {@code window} is negative
   */
  public static boolean auditOnce(
      Context ctx, String action, String subject, Map<String, String> details, Duration window) {
    if (window.isNegative()) {
      throw new IllegalArgumentException("window must not be negative: " + window);
    }
    WebServer server = ctx.attribute(SERVER);
    Optional<Principal> p = maybePrincipal(ctx);
    AuditEvent e =
        new AuditEvent(
            server.clock().instant(),
            p.map(Principal::username).orElse("anonymous"),
            p.map(Principal::agency).orElse(""),
            action,
            subject,
            withClient(ctx, details));
    boolean written = server.coalescer().record(e, window, server.audit()::record);
    // left out as a copy of one written a moment ago: audited all the same
    markDenialAudited(ctx, action);
    return written;
  }

  private static void markDenialAudited(Context ctx, String action) {
    if (action.equals(ACCESS_DENIED)) {
      ctx.attribute(AUDITED, Boolean.TRUE);
    }
  }

  /**
   * Why a text holding a NUL is refused, worded to follow the name of what holds it: "the JSON
   * field comment " + NUL_REASON.
   */
  public static final String NUL_REASON =
      "contains a NUL character (U+0000), which cannot be stored; remove it";

  /**
   * Whether {@code s} holds a NUL character (U+0000), which PostgreSQL cannot store in text. The
   * server refuses such input before handlers run, except in the body of a route declared {@link
   * Routes.Body#ROWS}, whose handler checks each row with this.
   */
  public static boolean hasNul(String s) {
    return s != null && s.indexOf(0) >= 0;
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

  /**
   * An int query parameter with bounds, or a 400 naming the parameter (in the reader's language).
   */
  public static int intParam(Context ctx, String name, int dflt, int min, int max) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return dflt;
    }
    try {
      int v = Integer.parseInt(raw.strip());
      if (v < min || v > max) {
        throw HttpProblem.of(
            "invalid-parameter",
            name,
            readers(ctx)
                .get("error.parameter.range", Integer.toString(min), Integer.toString(max)));
      }
      return v;
    } catch (NumberFormatException e) {
      throw HttpProblem.of(
          "invalid-parameter", name, readers(ctx).get("error.parameter.number", raw));
    }
  }

  /** The reader's messages; the platform's in English for a context the server did not prepare. */
  private static Messages readers(Context ctx) {
    Messages t = messages(ctx);
    return t != null
        ? t
        : new Messages(java.util.Locale.ENGLISH, java.util.List.of("i18n.platform"));
  }

  /**
   * {@code path} with {@code params} as its query, in their order, each value URL-encoded; a null
   * or empty value is left out.
   */
  public static String url(String path, java.util.Map<String, String> params) {
    StringBuilder sb = new StringBuilder(path);
    char sep = '?';
    for (java.util.Map.Entry<String, String> e : params.entrySet()) {
      String v = e.getValue();
      if (v != null && !v.isEmpty()) {
        sb.append(sep)
            .append(e.getKey())
            .append('=')
            .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
        sep = '&';
      }
    }
    return sb.toString();
  }
}
