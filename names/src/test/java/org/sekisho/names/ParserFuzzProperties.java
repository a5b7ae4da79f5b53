package org.sekisho.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Timeout;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.names.adapter.file.CsvReader;
import org.sekisho.names.adapter.file.FollowTheMoneyJson;
import org.sekisho.names.adapter.file.PairsCsv;
import org.sekisho.names.adapter.file.WatchlistCsv;
import org.sekisho.names.application.NamePair;
import org.sekisho.names.domain.NameMatcher;
import org.sekisho.names.domain.watchlist.PartialDate;
import org.sekisho.names.domain.watchlist.Severity;

/** Thousands of mutated inputs: the parsers and the matcher never throw and always answer. */
@Timeout(120)
class ParserFuzzProperties {

  private static final NameMatcher MATCHER = new NameMatcher();

  @Provide
  Arbitrary<String> mutatedCsv() {
    String seed =
        "id,left,right\n1,\"Smith, John\",Jon Smyth\n2,Владимир,山田太郎\n"
            + "list,id,name,aliases,birth_dates,nationalities,documents,severity\n"
            + "l,1,Ivan,,1970-01-01,ru,P1,high\n";
    return Arbitraries.strings()
        .withChars("\",\n\r;-0123456789abc ИЖ山ـا\u0000\uFEFF")
        .ofMaxLength(12)
        .list()
        .ofMaxSize(6)
        .flatMap(
            inserts ->
                Arbitraries.integers()
                    .between(0, seed.length())
                    .list()
                    .ofSize(inserts.size())
                    .map(
                        positions -> {
                          StringBuilder b = new StringBuilder(seed);
                          for (int i = 0; i < inserts.size(); i++) {
                            int p = Math.min(positions.get(i), b.length());
                            b.insert(p, inserts.get(i));
                          }
                          return b.toString();
                        }));
  }

  @Property(tries = 2000)
  void pairs_csv_answers_every_row_with_a_value_or_a_reason(@ForAll("mutatedCsv") String text) {
    Outcome<PairsCsv> open = PairsCsv.open(new CsvReader(new StringReader(text)));
    if (open.isAccepted()) {
      for (Outcome<NamePair> row : open.orElseThrow()) {
        if (!row.isAccepted()) {
          assertThat(row.problems().get(0).field()).startsWith("row ");
        }
      }
    } else {
      assertThat(open.problems()).isNotEmpty();
    }
  }

  @Property(tries = 2000)
  void watchlist_csv_never_throws(@ForAll("mutatedCsv") String text) {
    List<Object> entries = new ArrayList<>();
    var problems = WatchlistCsv.read(new StringReader(text), entries::add);
    assertThat(problems.size() + entries.size()).isGreaterThanOrEqualTo(0);
  }

  @Property(tries = 2000)
  void follow_the_money_lines_never_throw(@ForAll("mutatedJson") String text) {
    List<Object> entries = new ArrayList<>();
    var problems =
        FollowTheMoneyJson.read(
            new BufferedReader(new StringReader(text)), "x", Severity.LOW, entries::add);
    assertThat(problems.size() + entries.size()).isGreaterThanOrEqualTo(0);
  }

  @Property(tries = 2000)
  void every_watchlist_csv_refusal_carries_its_wording(@ForAll("mutatedCsv") String text) {
    var problems = WatchlistCsv.read(new StringReader(text), e -> {});
    assertThat(problems).allSatisfy(ParserFuzzProperties::worded);
  }

  @Property(tries = 2000)
  void every_follow_the_money_refusal_carries_its_wording(@ForAll("mutatedJson") String text) {
    var problems =
        FollowTheMoneyJson.read(
            new BufferedReader(new StringReader(text)), "x", Severity.LOW, e -> {});
    assertThat(problems).allSatisfy(ParserFuzzProperties::worded);
  }

  /** A refusal another language can word: a key, and no value left empty by the reader. */
  private static void worded(Problem p) {
    assertThat(p.key()).as(p.toString()).isNotEmpty().matches("[a-z]+(-[a-z]+)*");
    assertThat(p.args()).as(p.toString()).doesNotContainNull();
  }

  @Provide
  Arbitrary<String> mutatedJson() {
    String seed =
        "{\"id\":\"1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Ivan\"],\"birthDate\":[\"1970-01-01\"]}}";
    return Arbitraries.integers()
        .between(0, seed.length())
        .list()
        .ofMaxSize(5)
        .flatMap(
            cuts ->
                Arbitraries.strings()
                    .withChars("{}[]\":,0123456789abc-T")
                    .ofMaxLength(4)
                    .map(
                        ins -> {
                          StringBuilder b = new StringBuilder(seed);
                          for (int c : cuts) {
                            int p = Math.min(c, b.length());
                            if (p < b.length()) {
                              b.deleteCharAt(p);
                            }
                            b.insert(Math.min(p, b.length()), ins);
                          }
                          return b.toString();
                        }));
  }

  @Property(tries = 2000)
  void partial_dates_parse_or_explain(@ForAll String raw) {
    Outcome<PartialDate> d = PartialDate.parse("dob", raw);
    assertThat(d.isAccepted() || !d.problems().isEmpty()).isTrue();
  }

  @Property(tries = 300)
  void any_two_strings_compare_to_a_score_in_range(@ForAll String a, @ForAll String b) {
    double s = MATCHER.compare(a, b).score();
    assertThat(s).isBetween(0.0, 1.0);
  }
}
