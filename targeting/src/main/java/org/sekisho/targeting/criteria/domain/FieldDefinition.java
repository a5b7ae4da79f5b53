package org.sekisho.targeting.criteria.domain;

import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

/**
 * One field of a {@link Vocabulary}: its name in rules, its type, the lists it may be tested
 * against, and how its values are read from a subject.
 *
 * @param code the name used in rules, lower case with underscores ({@code bag_weight})
 * @param type code, text or number
 * @param meaning one line for the field catalogue
 * @param listKinds the list kinds this field may be tested against with {@code in list}
 * @param arity how many values the field has at most (2 for "id or name", 8 for "countries of the
 *     route"); a code test is true when one of the non-empty values satisfies it
 * @param literal brings a literal of a rule to the stored form of the field's values
 * @param literalCheck {@code (as written, normalised) -> problem message}, or null when the literal
 *     is acceptable; called only for non-empty literals
 * @param text reads value number {@code alt} (0 to arity - 1) of a code or text field; empty when
 *     absent, never null
 * @param number reads a number field; NaN when absent
 */
public record FieldDefinition<S, P>(
    String code,
    FieldType type,
    String meaning,
    Set<ListKind> listKinds,
    int arity,
    UnaryOperator<String> literal,
    BiFunction<String, String, String> literalCheck,
    TextReader<S, P> text,
    NumberReader<S, P> number) {

  /** Reads value number {@code alt} of a code or text field. */
  @FunctionalInterface
  public interface TextReader<S, P> {
    String text(S subject, P part, int alt);
  }

  /** Reads a number field; NaN when absent. */
  @FunctionalInterface
  public interface NumberReader<S, P> {
    double number(S subject, P part);
  }

  public FieldDefinition {
    if (!code.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("field names are lower-case words: " + code);
    }
    if (arity < 1) {
      throw new IllegalArgumentException("arity must be at least 1: " + code);
    }
    listKinds = Set.copyOf(listKinds);
  }

  /** Whether {@code in list} may test this field against a list of kind {@code k}. */
  public boolean accepts(ListKind k) {
    return listKinds.contains(k);
  }

  private static final BiFunction<String, String, String> ANY = (raw, normal) -> null;

  /** A one-valued code field of a subject without parts, compared ignoring case. */
  public static <S, P> FieldDefinition<S, P> code(
      String code, String meaning, Set<ListKind> lists, Function<S, String> read) {
    return codes(code, meaning, lists, 1, ANY, (s, alt) -> read.apply(s));
  }

  /**
   * A code field with up to {@code arity} values (e.g. the countries of a route) and a check of its
   * literals ({@code (as written, normalised) -> message or null}).
   */
  public static <S, P> FieldDefinition<S, P> codes(
      String code,
      String meaning,
      Set<ListKind> lists,
      int arity,
      BiFunction<String, String, String> check,
      ValueReader<S> read) {
    return new FieldDefinition<>(
        code,
        FieldType.CODE,
        meaning,
        lists,
        arity,
        Normal::code,
        check,
        (s, p, alt) -> {
          String v = read.value(s, alt);
          return v == null ? "" : v;
        },
        (s, p) -> Double.NaN);
  }

  /** A yes/no field, written {@code one_way = "yes"} in rules. */
  public static <S, P> FieldDefinition<S, P> flag(
      String code, String meaning, java.util.function.Predicate<S> read) {
    return codes(
        code,
        meaning,
        Set.of(),
        1,
        (raw, normal) ->
            normal.equals("YES") || normal.equals("NO")
                ? null
                : code + " is \"yes\" or \"no\", got \"" + raw + "\"",
        (s, alt) -> read.test(s) ? "YES" : "NO");
  }

  /** A free-text field of a subject without parts, matched with {@code contains}. */
  public static <S, P> FieldDefinition<S, P> text(
      String code, String meaning, Function<S, String> read) {
    return new FieldDefinition<>(
        code,
        FieldType.TEXT,
        meaning,
        Set.of(),
        1,
        Normal::text,
        ANY,
        (s, p, alt) -> {
          String v = read.apply(s);
          return v == null ? "" : Normal.text(v);
        },
        (s, p) -> Double.NaN);
  }

  /** A number field of a subject without parts; NaN when absent. */
  public static <S, P> FieldDefinition<S, P> number(
      String code, String meaning, ToDoubleFunction<S> read) {
    return new FieldDefinition<>(
        code,
        FieldType.NUMBER,
        meaning,
        Set.of(),
        1,
        UnaryOperator.identity(),
        ANY,
        (s, p, alt) -> "",
        (s, p) -> read.applyAsDouble(s));
  }

  /** Reads value number {@code alt} of a subject; null or empty when absent. */
  @FunctionalInterface
  public interface ValueReader<S> {
    String value(S subject, int alt);
  }

  /** The check of ISO 3166-1 alpha-2 literals (ZZ: unknown), for country fields. */
  public static String countryCheck(String raw, String normal) {
    return org.sekisho.core.Country.isValidOrUnknown(normal)
        ? null
        : "\"" + raw + "\" is not an ISO 3166-1 alpha-2 country code (ZZ: unknown)";
  }

  @Override
  public String toString() {
    return code + " (" + type.name().toLowerCase(Locale.ROOT) + ")";
  }
}
