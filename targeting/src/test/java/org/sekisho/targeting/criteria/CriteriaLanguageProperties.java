package org.sekisho.targeting.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sekisho.targeting.criteria.domain.CriteriaLanguage;
import org.sekisho.targeting.criteria.domain.CriteriaProblem;
import org.sekisho.targeting.criteria.domain.Criterion;
import org.sekisho.targeting.criteria.domain.ListCsv;
import org.sekisho.targeting.criteria.domain.ListKind;
import org.sekisho.targeting.criteria.domain.ReferenceList;

/** Fuzz: mutated criteria texts never crash the compiler, and every problem has a position. */
class CriteriaLanguageProperties {
  private static final Map<String, ReferenceList> LISTS =
      Map.of(
          "high-risk-origins",
          new ReferenceList("high-risk-origins", ListKind.COUNTRIES, 1, Set.of("CO")));

  private static final String SEED =
      "criterion \"Coffee\" when hs starts with (\"0901\", \"0902\") and origin in list"
          + " \"high-risk-origins\" and value_per_kg < 200 or not (description contains \"bean\")"
          + " and net_mass between 1 and 5 then lane red weight 40 sample 50 % because \"cheap\"\n";

  @Provide
  Arbitrary<String> mutated() {
    Arbitrary<Integer> pos = Arbitraries.integers().between(0, SEED.length());
    Arbitrary<String> insert =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(6),
            Arbitraries.of(
                "\"",
                "(",
                ")",
                ",",
                "and",
                "or",
                "not",
                "in",
                "list",
                "<",
                "!=",
                "\n",
                "#",
                "%",
                "then",
                "because",
                "criterion",
                "9e9",
                "0.5.5",
                "\u3000",
                "\uD83D\uDE00",
                "\\"));
    return Arbitraries.oneOf(
        // delete a range
        pos.flatMap(
            a ->
                Arbitraries.integers()
                    .between(0, 12)
                    .map(
                        n ->
                            SEED.substring(0, a) + SEED.substring(Math.min(SEED.length(), a + n)))),
        // insert something
        pos.flatMap(a -> insert.map(s -> SEED.substring(0, a) + s + SEED.substring(a))),
        // random text
        Arbitraries.strings().ofMaxLength(80));
  }

  @Property(tries = 3000)
  void compilingNeverThrowsAndProblemsAlwaysHaveAPosition(@ForAll("mutated") String text) {
    CriteriaLanguage.Compiled c = CriteriaLanguage.compile(text, LISTS);
    assertThat(c.ok()).isEqualTo(c.problems().isEmpty());
    if (!c.ok()) {
      assertThat(c.criteria()).isEmpty();
    }
    long lines = text.lines().count() + 2;
    for (CriteriaProblem p : c.problems()) {
      assertThat(p.line()).isBetween(1, (int) lines);
      assertThat(p.column()).isPositive();
      assertThat(p.message()).isNotBlank();
    }
    for (Criterion k : c.criteria()) {
      // a compiled criterion can be run on any declaration
      k.hits(Declarations.coffee("D", "CO", 100, 1));
    }
  }

  /**
   * Texts nested or chained far beyond what anyone writes, up to the longest text accepted: deep
   * runs of '(' and 'not', long chains of 'and' and 'or', closed or not, with noise between.
   */
  @Provide
  Arbitrary<String> deep() {
    Arbitrary<String> opener = Arbitraries.of("(", "not ", "not (", "( not ", "((");
    Arbitrary<String> joiner = Arbitraries.of(" and ", " or ", " and not ", " or (");
    Arbitrary<String> condition =
        Arbitraries.of(
            "hs = \"0901\"",
            "value_per_kg < 200",
            "origin in list \"high-risk-origins\"",
            "",
            "\"");
    Arbitrary<String> nested =
        Arbitraries.integers()
            .between(0, 30_000)
            .flatMap(
                n ->
                    opener.flatMap(
                        o ->
                            condition.flatMap(
                                c ->
                                    Arbitraries.integers()
                                        .between(0, n)
                                        .map(
                                            closed ->
                                                o.repeat(n / o.length())
                                                    + c
                                                    + ")".repeat(closed)))));
    Arbitrary<String> chained =
        Arbitraries.integers()
            .between(1, 8_000)
            .flatMap(n -> joiner.flatMap(j -> condition.map(c -> (c + j).repeat(n) + c)));
    return Arbitraries.oneOf(nested, chained)
        .map(
            w ->
                "criterion \"Deep\" when "
                    + w
                    + " then lane red weight 1 because \"deeply nested text\"")
        .map(t -> t.length() > 100_000 ? t.substring(0, 100_000) : t);
  }

  @Property(tries = 150)
  void deeplyNestedOrLongChainedTextsNeverThrowAndSayWhere(@ForAll("deep") String text) {
    CriteriaLanguage.Compiled c = CriteriaLanguage.compile(text, LISTS);
    assertThat(c.ok()).isEqualTo(c.problems().isEmpty());
    for (CriteriaProblem p : c.problems()) {
      assertThat(p.line()).isEqualTo(1);
      assertThat(p.column()).isPositive();
    }
    for (Criterion k : c.criteria()) {
      k.hits(Declarations.coffee("D", "CO", 100, 1));
      k.evidence(Declarations.coffee("D", "CO", 100, 1));
    }
  }

  @Property(tries = 1000)
  void listCsvNeverThrowsAndNamesTheLineOfEveryRefusedRow(@ForAll String csv) {
    ListCsv.Read r = ListCsv.read(csv, ListKind.COUNTRIES);
    r.problems().forEach(p -> assertThat(p.field()).startsWith("line "));
    r.rows().forEach(row -> assertThat(row.value()).hasSize(2));
  }
}
