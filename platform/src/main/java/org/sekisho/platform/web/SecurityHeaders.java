package org.sekisho.platform.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BiConsumer;

/**
 * Headers every answer carries, pages, API, static files and error answers alike, set before the
 * request reaches Javalin so that nothing (a handler that throws, a path no route serves) answers
 * without them.
 *
 * <p>The Content-Security-Policy lets a page run only scripts served by this server: no inline
 * script, no {@code eval}, no event-handler attributes. Sekisho shows names, descriptions and free
 * text that came from declarations, manifests, bookings and tips; if one ever slipped into a page
 * as markup, the browser would still run nothing of it. Styles may be inline because templates and
 * the map and graph libraries set style attributes; images and media may be {@code data:} and
 * {@code blob:} URLs because the kiosk turns camera frames into images.
 */
final class SecurityHeaders implements Filter {
  /** The policy of every answer. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'"
          + " data: blob:; media-src 'self' blob:; connect-src 'self'; object-src 'none';"
          + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private final boolean behindTls;

  /**
   * @param behindTls browsers reach the server over TLS: answers also tell them to use nothing else
   *     (Strict-Transport-Security, a year)
   */
  SecurityHeaders(boolean behindTls) {
    this.behindTls = behindTls;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (response instanceof HttpServletResponse http) {
      apply(http::setHeader, behindTls);
    }
    chain.doFilter(request, response);
  }

  /** Sets the headers through {@code set} (name, value). */
  static void apply(BiConsumer<String, String> set, boolean behindTls) {
    set.accept("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    // a file is read as the type it was served with, never sniffed into HTML or a script
    set.accept("X-Content-Type-Options", "nosniff");
    // links out of Sekisho (a vessel's registry page) do not carry the record's address
    set.accept("Referrer-Policy", "same-origin");
    if (behindTls) {
      set.accept("Strict-Transport-Security", "max-age=31536000");
    }
  }
}
