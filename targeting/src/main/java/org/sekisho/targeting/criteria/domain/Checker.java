package org.sekisho.targeting.criteria.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.sekisho.core.Country;
import org.sekisho.targeting.selectivity.domain.Lane;

/**
 * Type-checks parsed criteria against the field catalogue ({@link Field}) and the lists that exist,
 * and compiles each condition to a {@link Test}. Every problem found is reported, each at the token
 * it concerns.
 */
final class Checker {
  private static final Set<Field> COUNTRY_FIELDS =
      Set.of(Field.ORIGIN, Field.DEPARTURE, Field.IMPORTER_COUNTRY, Field.EXPORTER_COUNTRY);

  private final Map<String, ReferenceList> lists;
  private final List<CriteriaProblem> problems;

  Checker(Map<String, ReferenceList> lists, List<CriteriaProblem> problems) {
    this.lists = lists;
    this.problems = problems;
  }

  Optional<Criterion> check(Syntax.Criterion c) {
    int before = problems.size();
    String name = c.name().text().strip();
    if (name.isEmpty() || name.length() > 200) {
      type(c.name(), "the name must have 1 to 200 characters");
    }
    Test when = expr(c.when());
    Optional<Lane> lane = Optional.empty();
    int weight = 0;
    int sample = 100;
    Set<String> seen = new HashSet<>();
    for (Syntax.Clause cl : c.then()) {
      if (!seen.add(cl.keyword().text())) {
        type(cl.keyword(), "'" + cl.keyword().text() + "' is given twice");
        continue;
      }
      switch (cl.keyword().text()) {
        case "lane" -> {
          lane = Lane.ofCode(cl.value().text());
          if (lane.isEmpty()) {
            type(
                cl.value(),
                "unknown lane '" + cl.value().text() + "'; lanes are red, yellow, blue, green");
          }
        }
        case "weight" -> weight = whole(cl.value(), 0, 1000, "a weight");
        default -> sample = whole(cl.value(), 1, 100, "a sample share");
      }
    }
    String reason = c.because().text().strip();
    if (reason.length() < 5) {
      type(c.because(), "the reason must say in plain language why (at least 5 characters)");
    } else if (reason.length() > 500) {
      type(c.because(), "the reason is longer than 500 characters");
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(new Criterion(name, lane, weight, sample, reason, when, c.start().line()));
  }

  private int whole(Token t, int min, int max, String what) {
    try {
      if (!t.text().contains(".")) {
        int v = Integer.parseInt(t.text());
        if (v >= min && v <= max) {
          return v;
        }
      }
    } catch (NumberFormatException e) {
      // falls through to the problem
    }
    type(t, what + " is a whole number from " + min + " to " + max + ", got " + t.text());
    return min;
  }

  private Test expr(Syntax.Expr e) {
    return switch (e) {
      case Syntax.And a -> {
        Test l = expr(a.left());
        Test r = expr(a.right());
        yield (d, i, ev) -> l.test(d, i, ev) && r.test(d, i, ev);
      }
      case Syntax.Or o -> {
        Test l = expr(o.left());
        Test r = expr(o.right());
        yield (d, i, ev) -> l.test(d, i, ev) || r.test(d, i, ev);
      }
      case Syntax.Not n -> {
        Test inner = expr(n.inner());
        // evidence of a negated condition is not a reason
        yield (d, i, ev) -> !inner.test(d, i, null);
      }
      case Syntax.Condition c -> condition(c);
    };
  }

  private static final Test NEVER = (d, i, ev) -> false;

  private Test condition(Syntax.Condition c) {
    Optional<Field> of = Field.ofCode(c.field().text());
    if (of.isEmpty()) {
      type(
          c.field(),
          "unknown field '"
              + c.field().text()
              + "'; fields are "
              + java.util.Arrays.stream(Field.values())
                  .map(Field::code)
                  .collect(Collectors.joining(", ")));
      return NEVER;
    }
    Field f = of.get();
    FieldType t = f.type();
    Syntax.Op op = c.op();
    String opText = "'" + op.text + "'";
    return switch (op) {
      case EQ, NE -> {
        if (t == FieldType.NUMBER) {
          double x = number(c.values().get(0));
          yield op == Syntax.Op.EQ
              ? (d, i, ev) -> f.number(d, i) == x
              : (d, i, ev) -> {
                double v = f.number(d, i);
                return !Double.isNaN(v) && v != x;
              };
        }
        Set<String> one = codes(f, c.values());
        yield op == Syntax.Op.EQ ? in(f, one) : notIn(f, one);
      }
      case LT, LE, GT, GE -> {
        if (t != FieldType.NUMBER) {
          yield wrongType(c, f, opText + " compares numbers");
        }
        double x = number(c.values().get(0));
        yield switch (op) {
          case LT -> (d, i, ev) -> f.number(d, i) < x;
          case LE -> (d, i, ev) -> f.number(d, i) <= x;
          case GT -> (d, i, ev) -> f.number(d, i) > x;
          default -> (d, i, ev) -> f.number(d, i) >= x;
        };
      }
      case BETWEEN -> {
        if (t != FieldType.NUMBER) {
          yield wrongType(c, f, "'between' compares numbers");
        }
        double lo = number(c.values().get(0));
        double hi = number(c.values().get(1));
        if (lo > hi) {
          type(c.values().get(1), "the upper bound is below the lower bound " + lo);
        }
        yield (d, i, ev) -> {
          double v = f.number(d, i);
          return v >= lo && v <= hi;
        };
      }
      case IN, NOT_IN -> {
        if (t == FieldType.NUMBER) {
          double[] xs = new double[c.values().size()];
          for (int k = 0; k < xs.length; k++) {
            xs[k] = number(c.values().get(k));
          }
          Test member =
              (d, i, ev) -> {
                double v = f.number(d, i);
                for (double x : xs) {
                  if (v == x) {
                    return true;
                  }
                }
                return false;
              };
          yield op == Syntax.Op.IN
              ? member
              : (d, i, ev) -> !Double.isNaN(f.number(d, i)) && !member.test(d, i, null);
        }
        if (t == FieldType.TEXT) {
          yield wrongType(c, f, opText + " compares codes; use 'contains' for text");
        }
        Set<String> set = codes(f, c.values());
        yield op == Syntax.Op.IN ? in(f, set) : notIn(f, set);
      }
      case IN_LIST, NOT_IN_LIST -> listTest(c, f, op == Syntax.Op.IN_LIST);
      case STARTS_WITH -> {
        if (t != FieldType.CODE) {
          yield wrongType(c, f, "'starts with' applies to codes");
        }
        String[] prefixes = codes(f, c.values()).toArray(String[]::new);
        int arity = f.arity();
        yield (d, i, ev) -> {
          for (int a = 0; a < arity; a++) {
            String v = f.text(d, i, a);
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
          yield wrongType(c, f, "'contains' applies to text fields");
        }
        List<String> terms = new ArrayList<>();
        for (Token v : c.values()) {
          String s = f.literal(v.text());
          if (s.isEmpty()) {
            type(v, "an empty term matches everything");
          }
          terms.add(s);
        }
        String[] ts = terms.toArray(String[]::new);
        yield (d, i, ev) -> {
          String v = f.text(d, i, 0);
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

  private Test listTest(Syntax.Condition c, Field f, boolean positive) {
    Token nameTok = c.values().get(0);
    ReferenceList list = lists.get(nameTok.text());
    if (list == null) {
      type(
          nameTok,
          "no list named '"
              + nameTok.text()
              + "'"
              + (lists.isEmpty()
                  ? ""
                  : "; lists are "
                      + lists.keySet().stream().sorted().collect(Collectors.joining(", "))));
      return NEVER;
    }
    if (!f.accepts(list.kind())) {
      type(
          nameTok,
          "list '"
              + list.name()
              + "' holds "
              + list.kind().code()
              + (f.listKinds().isEmpty()
                  ? "; field " + f.code() + " cannot be tested against a list"
                  : "; field "
                      + f.code()
                      + " takes lists of "
                      + f.listKinds().stream()
                          .map(ListKind::code)
                          .collect(Collectors.joining(" or "))));
      return NEVER;
    }
    int arity = f.arity();
    String label = "list \"" + list.name() + "\" v" + list.version() + ": " + f.code() + " ";
    if (positive) {
      return (d, i, ev) -> {
        for (int a = 0; a < arity; a++) {
          String m = list.match(f.text(d, i, a));
          if (m != null) {
            if (ev != null) {
              ev.add(label + f.text(d, i, a));
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
        String v = f.text(d, i, a);
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

  private Test wrongType(Syntax.Condition c, Field f, String rule) {
    type(c.opToken(), rule + "; " + f.code() + " is " + f.type().title());
    return NEVER;
  }

  private static Test in(Field f, Set<String> set) {
    int arity = f.arity();
    if (set.size() == 1 && arity == 1) {
      String x = set.iterator().next();
      return (d, i, ev) -> x.equals(f.text(d, i, 0));
    }
    return (d, i, ev) -> {
      for (int a = 0; a < arity; a++) {
        String v = f.text(d, i, a);
        if (!v.isEmpty() && set.contains(v)) {
          return true;
        }
      }
      return false;
    };
  }

  private static Test notIn(Field f, Set<String> set) {
    int arity = f.arity();
    return (d, i, ev) -> {
      boolean any = false;
      for (int a = 0; a < arity; a++) {
        String v = f.text(d, i, a);
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

  private Set<String> codes(Field f, List<Token> values) {
    Set<String> out = new HashSet<>();
    for (Token v : values) {
      if (f.type() == FieldType.NUMBER) {
        type(v, "field " + f.code() + " is a number");
        continue;
      }
      String s = f.literal(v.text());
      if (s.isEmpty()) {
        type(v, "an empty value never matches");
      } else if (f == Field.HS && !v.text().replace(".", "").strip().matches("\\d{2,10}")) {
        type(v, "an HS code or prefix has 2 to 10 digits, got \"" + v.text() + "\"");
      } else if (COUNTRY_FIELDS.contains(f) && !Country.isValid(s)) {
        type(v, "\"" + v.text() + "\" is not an ISO 3166-1 alpha-2 country code");
      }
      out.add(s);
    }
    return out;
  }

  private double number(Token v) {
    if (v.kind() != Token.Kind.NUMBER) {
      type(v, "expected a number, found " + v.describe());
      return Double.NaN;
    }
    return Double.parseDouble(v.text());
  }

  private void type(Token at, String message) {
    problems.add(new CriteriaProblem("criteria-type", at.line(), at.column(), message));
  }
}
