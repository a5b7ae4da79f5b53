package org.sekisho.platform.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body, once read by the server's input check, is handed out again from the start
 * to whoever asks next ({@code ctx.bodyInputStream()}, {@code ctx.body()}), so that checking a body
 * never takes it away from the handler. A body nobody checked streams straight from the connection
 * as usual. One per request; not shared between threads.
 */
final class ReplayableBody extends HttpServletRequestWrapper {
  private byte[] kept;

  private ReplayableBody(HttpServletRequest request) {
    super(request);
  }

  /**
   * The replayable request under {@code req} (the server wraps every request in one, and Javalin
   * wraps that in its own).
   *
   * @throws IllegalStateException if the request did not come through {@link Wrapping}
   */
  static ReplayableBody of(ServletRequest req) {
    for (ServletRequest r = req; r != null; ) {
      if (r instanceof ReplayableBody b) {
        return b;
      }
      r = r instanceof ServletRequestWrapper w ? w.getRequest() : null;
    }
    throw new IllegalStateException("request not wrapped by ReplayableBody.Wrapping");
  }

  /** From now on the body reads as {@code body}, from its start, on every call. */
  void replay(byte[] body) {
    this.kept = body;
  }

  @Override
  public ServletInputStream getInputStream() throws IOException {
    if (kept == null) {
      return super.getInputStream();
    }
    ByteArrayInputStream in = new ByteArrayInputStream(kept);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return in.read(b, off, len);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new IllegalStateException("a checked body is read synchronously");
      }
    };
  }

  @Override
  public BufferedReader getReader() throws IOException {
    if (kept == null) {
      return super.getReader();
    }
    String enc = getCharacterEncoding();
    Charset cs = enc == null ? StandardCharsets.UTF_8 : Charset.forName(enc);
    return new BufferedReader(new InputStreamReader(getInputStream(), cs));
  }

  /** The servlet filter that wraps every HTTP request. */
  static final class Wrapping implements Filter {
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
        throws IOException, ServletException {
      chain.doFilter(
          req instanceof HttpServletRequest h && !(h instanceof ReplayableBody)
              ? new ReplayableBody(h)
              : req,
          res);
    }
  }
}
