package org.sekisho.passenger.screening.domain;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.targeting.criteria.domain.CriteriaProblem;
import org.sekisho.targeting.criteria.domain.ReferenceList;
import org.sekisho.targeting.criteria.domain.RuleLanguage;

/**
 * One enabled passenger rule, compiled.
 *
 * @param id the stored rule's id (hits name it)
 * @param rule the compiled text
 */
public record ScreeningRule(long id, RuleLanguage.Rule<ScreenedPassenger, Void> rule) {

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
