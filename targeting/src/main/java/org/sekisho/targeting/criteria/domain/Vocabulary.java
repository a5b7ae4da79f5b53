package org.sekisho.targeting.criteria.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields and {@code then} clauses one kind of rule may use. The criteria language (lexer,
 * parser, checker, list tests, {@code because} reasons) is the same for every vocabulary: cargo
 * criteria use {@link #CARGO} (the {@link Field} catalogue, lanes, weights and samples); passenger
 * rules bring their own fields and clauses.
 *
 * @param <S> the subject a rule is about
 * @param <P> the parts of a subject read together ({@link ItemView} for cargo), or {@link Void}
 */
public final class Vocabulary<S, P> {
  /** Cargo declarations and their items: the {@link Field} catalogue, lanes, weights, samples. */
  public static final Vocabulary<DeclarationView, ItemView> CARGO = cargo();

  private final String name;
  private final Map<String, FieldDefinition<S, P>> fields = new LinkedHashMap<>();
  private final List<ClauseDefinition> clauses;
  private final String fieldHint;
  private final String clauseHint;

  /**
   * @param name what the rules are about, for messages ({@code cargo}, {@code passenger})
   * @param fields the fields, in catalogue order; names must be unique
   * @param clauses the clauses allowed after {@code then}; at least one
   * @param fieldHint what the parser expects where a field goes ({@code a field name such as …})
   * @param clauseHint what the parser expects right after {@code then}
   */
  public Vocabulary(
      String name,
      List<FieldDefinition<S, P>> fields,
      List<ClauseDefinition> clauses,
      String fieldHint,
      String clauseHint) {
    this.name = name;
    for (FieldDefinition<S, P> f : fields) {
      if (this.fields.put(f.code(), f) != null) {
        throw new IllegalArgumentException("field " + f.code() + " is defined twice");
      }
    }
    if (clauses.isEmpty()) {
      throw new IllegalArgumentException("a vocabulary needs at least one then clause");
    }
    this.clauses = List.copyOf(clauses);
    this.fieldHint = fieldHint;
    this.clauseHint = clauseHint;
  }

  public String name() {
    return name;
  }

  /** Every field, in catalogue order. */
  public List<FieldDefinition<S, P>> fields() {
    return List.copyOf(fields.values());
  }

  public Optional<FieldDefinition<S, P>> field(String code) {
    return Optional.ofNullable(fields.get(code));
  }

  public List<ClauseDefinition> clauses() {
    return clauses;
  }

  String fieldHint() {
    return fieldHint;
  }

  String clauseHint() {
    return clauseHint;
  }

  private static Vocabulary<DeclarationView, ItemView> cargo() {
    List<FieldDefinition<DeclarationView, ItemView>> fs = new java.util.ArrayList<>();
    for (Field f : Field.values()) {
      fs.add(
          new FieldDefinition<>(
              f.code(),
              f.type(),
              f.meaning(),
              f.listKinds(),
              f.arity(),
              f::literal,
              cargoCheck(f),
              f::text,
              f::number));
    }
    return new Vocabulary<>(
        "cargo",
        fs,
        List.of(
            ClauseDefinition.word(
                "lane",
                "a lane: red, yellow, blue or green",
                List.of("red", "yellow", "blue", "green")),
            ClauseDefinition.whole("weight", 0, 1000),
            ClauseDefinition.percent("sample", 1, 100)),
        "a field name such as hs, origin or value_per_kg",
        "'lane' or 'weight' after 'then'");
  }

  private static java.util.function.BiFunction<String, String, String> cargoCheck(Field f) {
    if (f == Field.KIND) {
      return (raw, normal) ->
          DeclarationView.RECORD_KINDS.contains(raw.strip().toLowerCase(java.util.Locale.ROOT))
              ? null
              : "a record kind is declaration, postal-item or transport-document, got \""
                  + raw
                  + "\"";
    }
    if (f == Field.HS) {
      return (raw, normal) ->
          // full-width digits (０９０２) are the same code: NFKC folds them
          java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFKC)
                  .replace(".", "")
                  .strip()
                  .matches("\\d{2,10}")
              ? null
              : "an HS code or prefix has 2 to 10 digits, got \"" + raw + "\"";
    }
    if (f == Field.ORIGIN
        || f == Field.DEPARTURE
        || f == Field.IMPORTER_COUNTRY
        || f == Field.EXPORTER_COUNTRY) {
      return FieldDefinition::countryCheck;
    }
    return (raw, normal) -> null;
  }
}
