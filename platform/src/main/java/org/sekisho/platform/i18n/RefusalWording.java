package org.sekisho.platform.i18n;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.sekisho.core.Problem;

/**
 * A refusal ({@link Problem}) worded in the reader's language from one family of message keys, the
 * way every module's API and pages word them: code, field, wording key and values unchanged, only
 * the message replaced.
 *
 * <ol>
 *   <li>An English reader ({@link Messages#english()}), or none, keeps the use case's English
 *       message byte for byte: API clients and scripts match on it.
 *   <li>A refusal that carries a wording ({@link Problem#worded}) is {@code <prefix>.<code>.<key>}
 *       with its values ({@link #quoting}; by default an ISO instant such as {@code
 *       2026-11-27T03:00:00Z} shown as the reader reads times, {@link Messages#time}).
 *   <li>Else, or when the bundles lack that key, each fallback given to {@link #orElse} in turn:
 *       {@code <prefix>.} and the fallback, where {@code {code}} stands for the problem's code and
 *       {@code {field}} for its field without list positions ({@code goods[2].weight} is {@code
 *       goods.weight}; a fallback naming the field is skipped for a problem without one), with the
 *       values of {@link #framing} (by default the field, or {@code -}, as {0} and the English
 *       message as {1}, so that a refusal no text is written for is still framed in the reader's
 *       language around its English detail).
 *   <li>Else the English message.
 * </ol>
 *
 * <p>For example {@code RefusalWording.of("screening.api").orElse("{code}", "refused")} words a
 * {@code conflict} worded {@code superseded} from {@code screening.api.conflict.superseded}, then
 * {@code screening.api.conflict}, then {@code screening.api.refused}. Immutable and thread-safe;
 * the {@code orElse}, {@code quoting} and {@code framing} methods return a new wording.
 */
public final class RefusalWording {
  // an instant as use cases quote it (Instant.toString)
  private static final Pattern INSTANT =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?Z");
  private static final Pattern POSITION = Pattern.compile("\\[\\d+]");

  /** The values a wording quotes, in its order, given the reader's messages. */
  @FunctionalInterface
  public interface Values {
    Object[] of(Messages t, Problem p);
  }

  private final String prefix;
  private final List<String> fallbacks;
  private final Values quoting;
  private final Values framing;

  private RefusalWording(String prefix, List<String> fallbacks, Values quoting, Values framing) {
    this.prefix = prefix;
    this.fallbacks = List.copyOf(fallbacks);
    this.quoting = quoting;
    this.framing = framing;
  }

  /**
   * The wording from keys under {@code prefix} (such as {@code screening.api}), with no fallback: a
   * refusal without a wording of its own, or whose key the bundles lack, keeps its English message.
   *
   * @throws IllegalArgumentException if {@code prefix} is blank or ends with a dot
   */
  public static RefusalWording of(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    if (prefix.isBlank() || prefix.endsWith(".")) {
      throw new IllegalArgumentException(
          "expected a key prefix such as screening.api (no dot at the end), got '" + prefix + "'");
    }
    return new RefusalWording(prefix, List.of(), RefusalWording::quoted, RefusalWording::framed);
  }

  /**
   * This wording with {@code keys} tried after the refusal's own wording, in order; each is put
   * after the prefix and may hold {@code {code}} and {@code {field}}.
   */
  public RefusalWording orElse(String... keys) {
    List<String> all = new ArrayList<>(fallbacks);
    for (String k : keys) {
      all.add(Objects.requireNonNull(k, "key"));
    }
    return new RefusalWording(prefix, all, quoting, framing);
  }

  /** This wording with the values a refusal's own wording quotes taken from {@code values}. */
  public RefusalWording quoting(Values values) {
    return new RefusalWording(prefix, fallbacks, Objects.requireNonNull(values), framing);
  }

  /** This wording with the values the fallbacks are formatted with taken from {@code values}. */
  public RefusalWording framing(Values values) {
    return new RefusalWording(prefix, fallbacks, quoting, Objects.requireNonNull(values));
  }

  /** {@code p} as {@code t}'s reader reads it: {@code p} itself for an English reader or none. */
  public Problem worded(Messages t, Problem p) {
    String text = text(t, p);
    return text.equals(p.message()) ? p : new Problem(p.code(), text, p.field(), p.key(), p.args());
  }

  /** {@code ps}, each as {@link #worded(Messages, Problem)} words it, in order. */
  public List<Problem> worded(Messages t, List<Problem> ps) {
    return ps.stream().map(p -> worded(t, p)).toList();
  }

  /** The message of {@code p} in {@code t}'s language (see the class comment for which key). */
  public String text(Messages t, Problem p) {
    if (t == null || t.english()) {
      return p.message();
    }
    if (!p.key().isEmpty()) {
      String key = prefix + "." + p.code() + "." + p.key();
      String text = t.get(key, quoting.of(t, p));
      if (!text.equals(key)) {
        return text;
      }
    }
    String field = POSITION.matcher(p.field()).replaceAll("");
    for (String fallback : fallbacks) {
      if (fallback.contains("{field}") && field.isEmpty()) {
        continue;
      }
      String key = prefix + "." + fallback.replace("{code}", p.code()).replace("{field}", field);
      String text = t.get(key, framing.of(t, p));
      if (!text.equals(key)) {
        return text;
      }
    }
    return p.message();
  }

  /**
   * The default quoting: the refusal's values in order, an ISO instant ({@code
   * 2026-11-27T03:00:00Z}, as the English message keeps it for clients) as the reader reads times
   * ({@code 2026-11-27 12:00 JST}).
   */
  public static Object[] quoted(Messages t, Problem p) {
    Object[] out = p.args().toArray();
    for (int i = 0; i < out.length; i++) {
      String v = p.args().get(i);
      if (INSTANT.matcher(v).matches()) {
        try {
          out[i] = t.time(Instant.parse(v));
        } catch (DateTimeParseException e) {
          // kept as written
        }
      }
    }
    return out;
  }

  /** The default framing: the field ({@code -} when none) as {0}, the English message as {1}. */
  public static Object[] framed(Messages t, Problem p) {
    return new Object[] {p.field().isEmpty() ? "-" : p.field(), p.message()};
  }
}
