package org.sekisho.passenger.screening.domain;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.targeting.criteria.domain.CriteriaProblem;
import org.sekisho.targeting.criteria.domain.FieldDefinition;
import org.sekisho.targeting.criteria.domain.FieldType;
import org.sekisho.targeting.criteria.domain.ReferenceList;
import org.sekisho.targeting.criteria.domain.RuleLanguage;

/**
 * One enabled passenger rule, compiled.
 *
 * @param id the stored rule's id (hits name it)
 * @param rule the compiled text
 * @param fields the fields its text tests, in the order written: a hit shows the traveller's value
 *     of each, so that the reviewer sees what made the rule true
 */
public record ScreeningRule(
    long id, RuleLanguage.Rule<ScreenedPassenger, Void> rule, List<String> fields) {

  public ScreeningRule {
    fields = List.copyOf(fields);
  }

  /** A rule whose fields are unknown: its hits show the reason and list evidence only. */
  public ScreeningRule(long id, RuleLanguage.Rule<ScreenedPassenger, Void> rule) {
    this(id, rule, List.of());
  }

  /** The rule compiled from {@code text}, showing the values of the fields the text tests. */
  public static ScreeningRule of(
      long id, RuleLanguage.Rule<ScreenedPassenger, Void> rule, String text) {
    return new ScreeningRule(id, rule, fieldsIn(text));
  }

  /** The passenger fields a rule text names outside its quoted strings, in order, once each. */
  public static List<String> fieldsIn(String text) {
    Set<String> out = new LinkedHashSet<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      if (!quoted && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
        word.append(c);
        continue;
      }
      if (!word.isEmpty()) {
        String w = word.toString();
        if (PassengerVocabulary.PASSENGER.field(w).isPresent()) {
          out.add(w);
        }
        word.setLength(0);
      }
      if (c == '"') {
        quoted = !quoted;
      }
    }
    return List.copyOf(out);
  }

  /**
   * The traveller's value of each field the rule tests, one line each ({@code payment = CA}, {@code
   * bag_weight = 88 kg}); {@code unknown} where the data say nothing.
   */
  public List<Reason> facts(ScreenedPassenger p) {
    List<Reason> out = new ArrayList<>();
    for (String code : fields) {
      FieldDefinition<ScreenedPassenger, Void> f =
          PassengerVocabulary.PASSENGER.field(code).orElseThrow();
      String value;
      if (f.type() == FieldType.NUMBER) {
        double d = f.number().number(p, null);
        value =
            Double.isNaN(d)
                ? UNKNOWN
                : d == Math.rint(d)
                    ? String.valueOf((long) d)
                    : String.format(Locale.ROOT, "%.1f", d);
        if (!Double.isNaN(d) && code.equals("bag_weight")) {
          value += " kg";
        }
      } else {
        List<String> values = new ArrayList<>();
        for (int alt = 0; alt < f.arity(); alt++) {
          String v = f.text().text(p, null, alt);
          if (v != null && !v.isEmpty()) {
            values.add(v);
          }
        }
        value = values.isEmpty() ? UNKNOWN : String.join(", ", values);
      }
      out.add(Reason.of("fact", code, value));
      if (code.equals("pnr_changed")
          && p.facts().changed().contains("name")
          && !p.facts().previousName().isBlank()) {
        // whose name it was and is, so the officer sees what the carrier changed
        out.add(Reason.of("renamed", p.facts().previousName(), p.facts().displayName()));
      }
      double days = p.facts().bookingDaysBeforeDeparture();
      if (code.equals("booking_days_before_departure")
          && !Double.isNaN(days)
          && p.facts().departureDate() != null) {
        // the dates the count was taken from, so the officer can check it against the PNR
        out.add(
            Reason.of(
                "booked",
                p.facts().departureDate().minusDays((long) days).toString(),
                p.facts().departureDate().toString()));
      }
    }
    return out;
  }

  private static final String UNKNOWN = Reason.term("screening.why.unknown");

  private static final java.util.regex.Pattern LIST_EVIDENCE =
      java.util.regex.Pattern.compile(
          "list \"([^\"]+)\" v(\\d+): (\\S+) (.*)", java.util.regex.Pattern.DOTALL);

  /**
   * A rule's list evidence ({@code list "card-bins" v1: card_bin 370266}) as a reason; any other
   * form as text.
   */
  public static Reason evidence(String line) {
    var m = LIST_EVIDENCE.matcher(line);
    return m.matches()
        ? Reason.of("list", m.group(1), m.group(2), m.group(3), m.group(4))
        : Reason.text(line);
  }

  /**
   * A compiled rule text with the lists it tests.
   *
   * @param rule the rule
   * @param lists the version of each list the rule tests with {@code in list}, by name (sorted)
   */
  public record Compiled(
      RuleLanguage.Rule<ScreenedPassenger, Void> rule, Map<String, Integer> lists) {
    public Compiled {
      lists = Map.copyOf(lists);
    }

    /** {@code card-bins v1, source-countries v3}; empty when the rule tests no list. */
    public String listVersions() {
      return versions(lists);
    }
  }

  /** Compiles a text that holds exactly one rule and tests no list. */
  public static Outcome<RuleLanguage.Rule<ScreenedPassenger, Void>> compile(String text) {
    return compile(text, Map.of()).map(Compiled::rule);
  }

  /**
   * Compiles a text that holds exactly one rule against the lists that exist now. Problems carry
   * line and column: an unknown list is refused at its name, a list of the wrong kind for the field
   * names both kinds in the PNR unit's words ({@code card-bins}, {@code airports}, …).
   */
  public static Outcome<Compiled> compile(String text, Map<String, ScreeningList> lists) {
    Recording used = new Recording(ScreeningList.forLanguage(lists));
    RuleLanguage.Compiled<ScreenedPassenger, Void> c =
        RuleLanguage.compileOne(text, PassengerVocabulary.PASSENGER, used);
    if (c.ok()) {
      Map<String, Integer> versions = new TreeMap<>();
      for (String name : used.asked) {
        ScreeningList l = lists.get(name);
        if (l != null) {
          versions.put(name, l.version());
        }
      }
      return Outcome.accepted(new Compiled(c.rules().get(0), versions));
    }
    List<Problem> problems =
        c.problems().stream()
            .map(ScreeningRule::inPassengerWords)
            .map(CriteriaProblem::toProblem)
            .toList();
    return new Outcome.Rejected<>(problems);
  }

  /** {@code a v1, b v3}. */
  public static String versions(Map<String, Integer> lists) {
    StringBuilder b = new StringBuilder();
    new TreeMap<>(lists)
        .forEach((n, v) -> b.append(b.isEmpty() ? "" : ", ").append(n).append(" v").append(v));
    return b.toString();
  }

  /**
   * The language names list kinds by its own codes ({@code hs-codes}, {@code addresses}); the PNR
   * unit knows them as card BINs and airports.
   */
  public static CriteriaProblem inPassengerWords(CriteriaProblem p) {
    String m = p.message();
    int at = m.indexOf(" holds ");
    if (!m.startsWith("list '") || at < 0) {
      return p;
    }
    String tail = m.substring(at);
    for (PassengerListKind k : PassengerListKind.values()) {
      tail = tail.replace(k.language().code(), "\u0000" + k.ordinal() + "\u0000");
    }
    for (PassengerListKind k : PassengerListKind.values()) {
      tail = tail.replace("\u0000" + k.ordinal() + "\u0000", k.code());
    }
    return new CriteriaProblem(p.code(), p.line(), p.column(), m.substring(0, at) + tail);
  }

  /**
   * The lists, remembering which names the compiler looked up: those are the lists the rule tests
   * (the compiler asks for a list only where a rule says {@code in list}).
   */
  private static final class Recording extends AbstractMap<String, ReferenceList> {
    private final Map<String, ReferenceList> lists;
    private final Set<String> asked = new java.util.LinkedHashSet<>();

    Recording(Map<String, ReferenceList> lists) {
      this.lists = lists;
    }

    @Override
    public ReferenceList get(Object key) {
      if (key instanceof String s) {
        asked.add(s);
      }
      return lists.get(key);
    }

    @Override
    public Set<Entry<String, ReferenceList>> entrySet() {
      return lists.entrySet();
    }
  }

  public String name() {
    return rule.name();
  }

  /** {@code medium} unless the rule says otherwise. */
  public String severity() {
    return rule.clause("severity").orElse("medium");
  }

  public int weight() {
    return Integer.parseInt(rule.clause("weight").orElse("0"));
  }
}
