package org.sekisho.platform.web;

import org.sekisho.core.Problem;

/**
 * Ends request handling with a problem answer. Thrown only inside web adapters (never in a domain),
 * and turned into a response in one place, {@link WebServer}.
 */
public final class HttpProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  public HttpProblem(Problem problem) {
    super(problem.message(), null, false, false);
    this.problem = problem;
  }

  public static HttpProblem of(String code, String field, String message) {
    return new HttpProblem(Problem.of(code, field, message));
  }

  public static HttpProblem notFound(String what) {
    return of("not-found", "", what + " was not found");
  }

  public Problem problem() {
    return problem;
  }

  /** The one mapping from problem codes to HTTP status used by every route. */
  public static int status(Problem p) {
    return switch (p.code()) {
      case "unauthenticated" -> 401;
      case "forbidden", "csrf" -> 403;
      case "not-found" -> 404;
      case "method-not-allowed" -> 405;
      case "conflict" -> 409;
      case "too-large" -> 413;
      case "too-many-attempts" -> 429;
      case "unsupported-media-type" -> 415;
      case "internal" -> 500;
      default -> 400;
    };
  }
}
