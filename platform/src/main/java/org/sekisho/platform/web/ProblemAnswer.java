package org.sekisho.platform.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sekisho.core.Problem;

/**
 * The JSON answer to a request refused for one or more problems at once: the shape every refusal
 * has, naming the first ({@code {"error": code, "message": …, "field": …}}, field null when the
 * problem is not tied to one), and every problem, the first included, under {@code problems} as
 * {@code {"code", "field", "message"}} (the list other modules answer for a batch or a form).
 * Answered with the status of the first problem ({@link HttpProblem#status}), so callers put the
 * problems in the order they are to be read, the one deciding the status first.
 */
public final class ProblemAnswer {
  private ProblemAnswer() {}

  /** The body for {@code problems}; at least one. */
  public static Map<String, Object> body(List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an answer to a refusal needs at least one problem");
    }
    Problem first = problems.get(0);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", first.code());
    m.put("message", first.message());
    m.put("field", first.field().isEmpty() ? null : first.field());
    m.put(
        "problems",
        problems.stream()
            .map(
                p -> {
                  Map<String, Object> one = new LinkedHashMap<>();
                  one.put("code", p.code());
                  one.put("field", p.field());
                  one.put("message", p.message());
                  return one;
                })
            .toList());
    return m;
  }

  /** Answers {@code problems} with the status of the first. */
  public static void send(Context ctx, List<Problem> problems) {
    Map<String, Object> body = body(problems);
    ctx.status(HttpProblem.status(problems.get(0))).json(body);
  }
}
