package org.sekisho.names.domain.watchlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.names.domain.NameMatcher;
import org.sekisho.names.domain.NameNormaliser;
import org.sekisho.names.domain.NormalisedName;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FlightScreeningTest {

  // a small pool of given names, a few of them very common, so that their keys' posting lists
  // run far past the search budget, as Mohammed, Wang or Smith do on real lists
  private static final String[] GIVEN = {
    "mohammed",
    "ali",
    "wang",
    "john",
    "maria",
    "ivan",
    "fatima",
    "li",
    "ahmed",
    "olga",
    "kenji",
    "abdul",
    "hassan",
    "elena",
    "david",
    "yusuf",
    "chen",
    "anna",
    "omar",
    "sergei"
  };
  private static final String[] SYLLABLES = {
    "ka", "ri", "mo", "tan", "sel", "vo", "du", "pra", "lin", "gor", "ba", "shi", "nek", "ru", "za",
    "hol", "mi", "tev", "ur", "os"
  };
  private static final NameMatcher MATCHER = new NameMatcher(new NameNormaliser(), false);
  private static final int BUDGET = 256;

  private static Watchlist list;
  private static List<String> listed;

  @BeforeAll
  static void buildList() {
    Random rnd = new Random(7);
    Watchlist.Builder b = new Watchlist.Builder(MATCHER).postingBudget(BUDGET);
    listed = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      String name = given(rnd) + " " + family(rnd);
      if (rnd.nextInt(4) == 0) {
        name = given(rnd) + " " + name;
      }
      listed.add(name);
      b.add(
          new WatchlistEntry(
              "E" + i,
              "synthetic",
              Severity.HIGH,
              i % 100 == 0 ? List.of(name, "Иван " + family(rnd)) : List.of(name),
              List.of(new PartialDate(1950 + rnd.nextInt(50), 0, 0)),
              Set.of(rnd.nextBoolean() ? "ru" : "ir"),
              i % 500 == 0 ? Set.of("P" + i) : Set.of()));
    }
    list = b.build();
  }

  private static String given(Random rnd) {
    // quadratic skew: the first names of the pool are far more common
    return GIVEN[(int) (GIVEN.length * Math.pow(rnd.nextDouble(), 3))];
  }

  private static String family(Random rnd) {
    StringBuilder s = new StringBuilder();
    for (int k = 2 + rnd.nextInt(2); k > 0; k--) {
      s.append(SYLLABLES[rnd.nextInt(SYLLABLES.length)]);
    }
    return s.toString();
  }

  private static String typo(Random rnd, String name) {
    int i = 1 + rnd.nextInt(name.length() - 2);
    if (name.charAt(i) == ' ' || name.charAt(i + 1) == ' ') {
      return name;
    }
    return name.substring(0, i) + name.charAt(i + 1) + name.charAt(i) + name.substring(i + 2);
  }

  private static List<ScreeningSubject> flight(long seed) {
    Random rnd = new Random(seed);
    List<ScreeningSubject> pax = new ArrayList<>();
    for (int p = 0; p < 300; p++) {
      String name =
          switch (p % 6) {
            case 0 -> listed.get(rnd.nextInt(listed.size()));
            case 1 -> typo(rnd, listed.get(rnd.nextInt(listed.size())));
            case 2 -> GIVEN[rnd.nextInt(3)] + " " + GIVEN[rnd.nextInt(GIVEN.length)];
            case 3 -> pax.isEmpty() ? "Ivan Kari" : pax.get(rnd.nextInt(pax.size())).name();
            default -> given(rnd) + " " + family(rnd);
          };
      pax.add(
          new ScreeningSubject(
              name,
              rnd.nextBoolean()
                  ? Optional.of(new PartialDate(1950 + rnd.nextInt(50), 0, 0))
                  : Optional.empty(),
              Optional.of(rnd.nextBoolean() ? "ru" : "de"),
              p % 50 == 7 ? Optional.of("P" + 500 * rnd.nextInt(40)) : Optional.empty()));
    }
    pax.add(ScreeningSubject.named(""));
    pax.add(ScreeningSubject.named("Иван Каримо"));
    return pax;
  }

  private static List<String> described(List<WatchlistHit> hits) {
    return hits.stream().map(h -> h.explanation() + " @" + h.score()).toList();
  }

  @Test
  void a_flight_screened_in_one_batch_gets_exactly_the_hits_of_each_passenger_screened_alone() {
    for (long seed = 1; seed <= 3; seed++) {
      List<ScreeningSubject> pax = flight(seed);
      List<List<WatchlistHit>> batch = list.screenAll(pax, NameMatcher.DEFAULT_THRESHOLD);
      assertThat(batch).hasSize(pax.size());
      int hit = 0;
      for (int p = 0; p < pax.size(); p++) {
        List<WatchlistHit> alone = list.screen(pax.get(p), NameMatcher.DEFAULT_THRESHOLD);
        assertThat(described(batch.get(p))).as(pax.get(p).name()).isEqualTo(described(alone));
        hit += alone.isEmpty() ? 0 : 1;
      }
      // listed names are a third of the flight: the comparison above is not between empty lists
      assertThat(hit).isGreaterThan(pax.size() / 4);
    }
  }

  @Test
  void every_passenger_carrying_a_listed_name_as_written_hits_that_entry() {
    Random rnd = new Random(11);
    List<ScreeningSubject> pax = new ArrayList<>();
    List<Integer> expected = new ArrayList<>();
    for (int p = 0; p < 200; p++) {
      int e = rnd.nextInt(listed.size());
      pax.add(ScreeningSubject.named(listed.get(e)));
      expected.add(e);
    }
    List<List<WatchlistHit>> hits = list.screenAll(pax, NameMatcher.DEFAULT_THRESHOLD);
    for (int p = 0; p < pax.size(); p++) {
      String id = "E" + expected.get(p);
      // the same name may be listed twice; it must then be among the hits either way
      assertThat(hits.get(p)).extracting(h -> h.entry().id()).as(pax.get(p).name()).contains(id);
    }
  }

  @Test
  void a_search_within_budget_returns_the_exact_best_names_by_shared_key_weight() {
    CandidateIndex index = list.index();
    // shared-key weights computed the slow way, over every name
    Map<String, Integer> df = new HashMap<>();
    List<List<String>> keysOfName = new ArrayList<>();
    for (int id = 0; id < index.size(); id++) {
      List<String> keys = CandidateIndex.keysOf(index.name(id).tokens());
      keysOfName.add(keys);
      keys.forEach(k -> df.merge(k, 1, Integer::sum));
    }
    Watchlist.Builder unbounded =
        new Watchlist.Builder(MATCHER).postingBudget(Integer.MAX_VALUE).candidates(10);
    for (WatchlistEntry e : list.entries()) {
      unbounded.add(e);
    }
    CandidateIndex full = unbounded.build().index();
    Random rnd = new Random(3);
    for (int q = 0; q < 100; q++) {
      String raw =
          q % 2 == 0
              ? typo(rnd, listed.get(rnd.nextInt(listed.size())))
              : given(rnd) + " " + family(rnd);
      NormalisedName query = MATCHER.normaliser().normalise(raw);
      Set<String> qk = Set.copyOf(CandidateIndex.keysOf(query.tokens()));
      double[] score = new double[index.size()];
      for (int id = 0; id < score.length; id++) {
        for (String k : keysOfName.get(id)) {
          if (qk.contains(k)) {
            score[id] += Math.log(1.0 + (double) index.size() / df.get(k));
          }
        }
      }
      double[] sorted = score.clone();
      java.util.Arrays.sort(sorted);
      int[] found = full.search(query, 10);
      long sharing = java.util.Arrays.stream(score).filter(v -> v > 0).count();
      assertThat(found).as(raw).hasSize((int) Math.min(10, sharing));
      for (int r = 0; r < found.length; r++) {
        // the r-th name found scores as the r-th best name overall (ties may be any of them)
        assertThat(score[found[r]]).as(raw).isCloseTo(sorted[sorted.length - 1 - r], within());
      }
    }
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-3);
  }

  @Test
  void a_bounded_search_reads_few_postings_even_for_a_name_made_only_of_common_parts() {
    NormalisedName common = MATCHER.normaliser().normalise("Mohammed Ali");
    CandidateIndex.SearchCost cost = list.index().searchCost(common, 32);
    NormalisedName rare = MATCHER.normaliser().normalise("Mohammed Karimotan");
    CandidateIndex.SearchCost rareCost = list.index().searchCost(rare, 32);
    // the rarest key is always read in full; the common given name is not
    assertThat(rareCost.postingsScanned()).isLessThanOrEqualTo(BUDGET);
    assertThat(rareCost.keysScanned()).isLessThan(rareCost.keys());
    assertThat(cost.keys()).isGreaterThan(cost.keysScanned());
    assertThat(list.screen(ScreeningSubject.named("Mohammed Karimotan"), 0.0)).isNotEmpty();
  }

  @Test
  void a_long_name_whose_keys_do_not_fit_one_slot_is_re_scored_in_full() {
    // eight parts give more keys than one slot holds: they live in the overflow table
    String longName = "mohammed ali hassan abdul rahman yusuf omar ahmed";
    CandidateIndex.Builder b = new CandidateIndex.Builder().postingBudget(Integer.MAX_VALUE);
    List<String> names = new ArrayList<>();
    // an unrelated long name first, so that the long names below do not start the overflow table
    names.add("zeno pirkko tuulikki vaino ilmari kyosti lassi juhani");
    for (int i = 1; i < 400; i++) {
      names.add(GIVEN[i % 5] + " " + GIVEN[(i / 5) % 20]);
    }
    names.add(longName);
    names.add("mohammed ali hassan abdul yusuf omar ahmed");
    names.add("rahman");
    for (int i = 0; i < names.size(); i++) {
      b.add(i, MATCHER.normaliser().normalise(names.get(i)));
    }
    CandidateIndex index = b.build();
    assertThat(CandidateIndex.keysOf(index.name(400).tokens())).hasSizeGreaterThan(16);
    Map<String, Integer> df = new HashMap<>();
    for (int id = 0; id < index.size(); id++) {
      CandidateIndex.keysOf(index.name(id).tokens()).forEach(k -> df.merge(k, 1, Integer::sum));
    }
    NormalisedName query = MATCHER.normaliser().normalise(longName);
    Set<String> qk = Set.copyOf(CandidateIndex.keysOf(query.tokens()));
    double[] score = new double[index.size()];
    for (int id = 0; id < score.length; id++) {
      for (String k : CandidateIndex.keysOf(index.name(id).tokens())) {
        if (qk.contains(k)) {
          score[id] += Math.log(1.0 + (double) index.size() / df.get(k));
        }
      }
    }
    CandidateIndex.SearchCost cost = index.searchCost(query, 3);
    // the rare parts shut out every other name early: the common keys were left unread and the
    // names found were scored from their own keys, the long ones from the overflow table
    assertThat(cost.keysScanned()).isLessThan(cost.keys());
    assertThat(cost.namesScored()).isGreaterThan(0);
    int[] found = index.search(query, 3);
    assertThat(found).startsWith(400, 401);
    double[] sorted = score.clone();
    java.util.Arrays.sort(sorted);
    for (int r = 0; r < found.length; r++) {
      assertThat(score[found[r]]).isCloseTo(sorted[sorted.length - 1 - r], within());
    }
  }
}
