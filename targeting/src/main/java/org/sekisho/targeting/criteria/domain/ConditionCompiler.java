package org.sekisho.targeting.criteria.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Type-checks the conditions of parsed rules against a {@link Vocabulary} and the lists that exist,
 * and compiles each to a {@link Condition}. Every problem found is reported, each at the token it
 * concerns. The same code serves every vocabulary, so cargo criteria and passenger rules read and
 * fail alike.
 */
final class ConditionCompiler<S, P> {
  private final Vocabulary<S, P> vocabulary;
  private final Map<String, ReferenceList> lists;
  private final List<CriteriaProblem> problems;

  ConditionCompiler(
      Vocabulary<S, P> vocabulary,
      Map<String, ReferenceList> lists,
      List<CriteriaProblem> problems) {
    this.vocabulary = vocabulary;
    this.lists = lists;
    this.problems = problems;
  }

  Condition<S, P> expr(Syntax.Expr e) {
    return switch (e) {
      case Syntax.And a -> {
        List<Condition<S, P>> parts = a.parts().stream().map(this::expr).toList();
        // in order, stopping at the first false, as a && b && c does
        yield (d, i, ev) -> {
          for (Condition<S, P> c : parts) {
            if (!c.test(d, i, ev)) {
              return false;
            }
          }
          return true;
        };
      }
      case Syntax.Or o -> {
        List<Condition<S, P>> parts = o.parts().stream().map(this::expr).toList();
        yield (d, i, ev) -> {
          for (Condition<S, P> c : parts) {
            if (c.test(d, i, ev)) {
              return true;
            }
          }
          return false;
        };
      }
      case Syntax.Not n -> {
        Condition<S, P> inner = expr(n.inner());
        // evidence of a negated condition is not a reason
        yield (d, i, ev) -> !inner.test(d, i, null);
      }
      case Syntax.Condition c -> condition(c);
    };
  }

  private Condition<S, P> never() {
    return (d, i, ev) -> false;
  }

  private Condition<S, P> condition(Syntax.Condition c) {
    Optional<FieldDefinition<S, P>> of = vocabulary.field(c.field().text());
    if (of.isEmpty()) {
      type(
          c.field(),
          CriteriaProblem.Text.of(
              "criteria.problem.unknown-field",
              "unknown field '{0}'; fields are {1}",
              c.field().text(),
              vocabulary.fields().stream()
                  .map(FieldDefinition::code)
                  .collect(Collectors.joining(", "))));
      return never();
    }
    FieldDefinition<S, P> f = of.get();
    FieldDefinition.TextReader<S, P> text = f.text();
    FieldDefinition.NumberReader<S, P> num = f.number();
    FieldType t = f.type();
    Syntax.Op op = c.op();
    String opText = "'" + op.text + "'";
    CriteriaProblem.Text comparesNumbers =
        CriteriaProblem.Text.of("criteria.rule.numbers", "{0} compares numbers", opText);
    return switch (op) {
      case EQ, NE -> {
        if (t == FieldType.NUMBER) {
          double x = number(c.values().get(0));
          yield op == Syntax.Op.EQ
              ? (d, i, ev) -> num.number(d, i) == x
              : (d, i, ev) -> {
                double v = num.number(d, i);
                return !Double.isNaN(v) && v != x;
              };
        }
        Set<String> one = codes(f, c.values());
        yield op == Syntax.Op.EQ ? in(f, one) : notIn(f, one);
      }
      case LT, LE, GT, GE -> {
        if (t != FieldType.NUMBER) {
          yield wrongType(c, f, comparesNumbers);
        }
        double x = number(c.values().get(0));
        yield switch (op) {
          case LT -> (d, i, ev) -> num.number(d, i) < x;
          case LE -> (d, i, ev) -> num.number(d, i) <= x;
          case GT -> (d, i, ev) -> num.number(d, i) > x;
          default -> (d, i, ev) -> num.number(d, i) >= x;
        };
      }
      case BETWEEN -> {
        if (t != FieldType.NUMBER) {
          yield wrongType(
              c, f, CriteriaProblem.Text.of("criteria.rule.between", "'between' compares numbers"));
        }
        double lo = number(c.values().get(0));
        double hi = number(c.values().get(1));
        if (lo > hi) {
          type(
              c.values().get(1),
              CriteriaProblem.Text.of(
                  "criteria.problem.bounds",
                  "the upper bound is below the lower bound {0}",
                  Double.toString(lo)));
        }
        yield (d, i, ev) -> {
          double v = num.number(d, i);
          return v >= lo && v <= hi;
        };
      }
      case IN, NOT_IN -> {
        if (t == FieldType.NUMBER) {
          double[] xs = new double[c.values().size()];
          for (int k = 0; k < xs.length; k++) {
            xs[k] = number(c.values().get(k));
          }
          Condition<S, P> member =
              (d, i, ev) -> {
                double v = num.number(d, i);
                for (double x : xs) {
                  if (v == x) {
                    return true;
                  }
                }
                return false;
              };
          yield op == Syntax.Op.IN
              ? member
              : (d, i, ev) -> !Double.isNaN(num.number(d, i)) && !member.test(d, i, null);
        }
        if (t == FieldType.TEXT) {
          yield wrongType(
              c,
              f,
              CriteriaProblem.Text.of(
                  "criteria.rule.codes", "{0} compares codes; use 'contains' for text", opText));
        }
        Set<String> set = codes(f, c.values());
        yield op == Syntax.Op.IN ? in(f, set) : notIn(f, set);
      }
      case IN_LIST, NOT_IN_LIST -> listTest(c, f, op == Syntax.Op.IN_LIST);
      case STARTS_WITH -> {
        if (t != FieldType.CODE) {
          yield wrongType(
              c,
              f,
              CriteriaProblem.Text.of(
                  "criteria.rule.starts-with", "'starts with' applies to codes"));
        }
        String[] prefixes = codes(f, c.values()).toArray(String[]::new);
        int arity = f.arity();
        yield (d, i, ev) -> {
          for (int a = 0; a < arity; a++) {
            String v = text.text(d, i, a);
            if (!v.isEmpty()) {
              for (String p : prefixes) {
                if (v.startsWith(p)) {
                  return true;
                }
              }
            }
          }
          return false;
        };
      }
      case CONTAINS -> {
        if (t != FieldType.TEXT) {
          yield wrongType(
              c,
              f,
              CriteriaProblem.Text.of(
                  "criteria.rule.contains", "'contains' applies to text fields"));
        }
        List<String> terms = new ArrayList<>();
        for (Token v : c.values()) {
          String s = f.literal().apply(v.text());
          if (s.isEmpty()) {
            type(
                v,
                CriteriaProblem.Text.of(
                    "criteria.problem.empty-term", "an empty term matches everything"));
          }
          terms.add(s);
        }
        String[] ts = terms.toArray(String[]::new);
        yield (d, i, ev) -> {
          String v = text.text(d, i, 0);
          for (String term : ts) {
            if (v.contains(term)) {
              return true;
            }
          }
          return false;
        };
      }
    };
  }

  private Condition<S, P> listTest(Syntax.Condition c, FieldDefinition<S, P> f, boolean positive) {
    Token nameTok = c.values().get(0);
    ReferenceList list = lists.get(nameTok.text());
    if (list == null) {
      type(
          nameTok,
          lists.isEmpty()
              ? CriteriaProblem.Text.of(
                  "criteria.problem.no-list", "no list named '{0}'", nameTok.text())
              : CriteriaProblem.Text.of(
                  "criteria.problem.no-list-among",
                  "no list named '{0}'; lists are {1}",
                  nameTok.text(),
                  lists.keySet().stream().sorted().collect(Collectors.joining(", "))));
      return never();
    }
    if (!f.accepts(list.kind())) {
      type(
          nameTok,
          f.listKinds().isEmpty()
              ? CriteriaProblem.Text.of(
                  "criteria.problem.list-none",
                  "list '{0}' holds {1}; field {2} cannot be tested against a list",
                  list.name(),
                  list.kind().code(),
                  f.code())
              : CriteriaProblem.Text.of(
                  "criteria.problem.list-kind",
                  "list '{0}' holds {1}; field {2} takes lists of {3}",
                  list.name(),
                  list.kind().code(),
                  f.code(),
                  f.listKinds().stream()
                      .sorted()
                      .map(ListKind::code)
                      .collect(Collectors.joining(" or "))));
      return never();
    }
    int arity = f.arity();
    FieldDefinition.TextReader<S, P> text = f.text();
    String label = "list \"" + list.name() + "\" v" + list.version() + ": " + f.code() + " ";
    if (positive) {
      return (d, i, ev) -> {
        for (int a = 0; a < arity; a++) {
          String v = text.text(d, i, a);
          String m = list.match(v);
          if (m != null) {
            if (ev != null) {
              ev.add(label + v);
            }
            return true;
          }
        }
        return false;
      };
    }
    return (d, i, ev) -> {
      boolean any = false;
      for (int a = 0; a < arity; a++) {
        String v = text.text(d, i, a);
        if (!v.isEmpty()) {
          any = true;
          if (list.match(v) != null) {
            return false;
          }
        }
      }
      return any;
    };
  }

  private Condition<S, P> wrongType(
      Syntax.Condition c, FieldDefinition<S, P> f, CriteriaProblem.Text rule) {
    type(
        c.opToken(),
        CriteriaProblem.Text.of(
            "criteria.problem.wrong-type",
            "{0}; {1} is {2}",
            rule,
            f.code(),
            CriteriaProblem.Text.of("criteria.type." + f.type().title(), f.type().title())));
    return never();
  }

  private Condition<S, P> in(FieldDefinition<S, P> f, Set<String> set) {
    int arity = f.arity();
    FieldDefinition.TextReader<S, P> text = f.text();
    if (set.size() == 1 && arity == 1) {
      String x = set.iterator().next();
      return (d, i, ev) -> x.equals(text.text(d, i, 0));
    }
    return (d, i, ev) -> {
      for (int a = 0; a < arity; a++) {
        String v = text.text(d, i, a);
        if (!v.isEmpty() && set.contains(v)) {
          return true;
        }
      }
      return false;
    };
  }

  private Condition<S, P> notIn(FieldDefinition<S, P> f, Set<String> set) {
    int arity = f.arity();
    FieldDefinition.TextReader<S, P> text = f.text();
    return (d, i, ev) -> {
      boolean any = false;
      for (int a = 0; a < arity; a++) {
        String v = text.text(d, i, a);
        if (!v.isEmpty()) {
          any = true;
          if (set.contains(v)) {
            return false;
          }
        }
      }
      return any;
    };
  }

  private Set<String> codes(FieldDefinition<S, P> f, List<Token> values) {
    Set<String> out = new HashSet<>();
    for (Token v : values) {
      if (f.type() == FieldType.NUMBER) {
        type(
            v,
            CriteriaProblem.Text.of(
                "criteria.problem.field-number", "field {0} is a number", f.code()));
        continue;
      }
      String s = f.literal().apply(v.text());
      if (s.isEmpty()) {
        type(
            v,
            CriteriaProblem.Text.of(
                "criteria.problem.empty-value", "an empty value never matches"));
      } else {
        String problem = f.literalCheck().apply(v.text(), s);
        if (problem != null) {
          type(v, worded(problem, v.text(), s));
        }
      }
      out.add(s);
    }
    return out;
  }

  private double number(Token v) {
    if (v.kind() != Token.Kind.NUMBER) {
      type(
          v,
          CriteriaProblem.Text.of(
              "criteria.problem.expected-number", "expected a number, found {0}", v.found()));
      return Double.NaN;
    }
    return Double.parseDouble(v.text());
  }

  private void type(Token at, CriteriaProblem.Text text) {
    problems.add(new CriteriaProblem("criteria-type", at.line(), at.column(), text));
  }

  /**
   * A literal check's message by its bundle key when it is one targeting words (the country code
   * check, shared with other vocabularies as plain text); as written otherwise.
   */
  private static CriteriaProblem.Text worded(String problem, String raw, String normal) {
    if (problem.equals(FieldDefinition.countryCheck(raw, normal))) {
      return CriteriaProblem.Text.of(
          "criteria.problem.country",
          "\"{0}\" is not an ISO 3166-1 alpha-2 country code (ZZ: unknown)",
          raw);
    }
    return CriteriaProblem.Text.plain(problem);
  }
}
