package org.sekisho.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.core.Problem;
import org.sekisho.names.adapter.file.FollowTheMoneyJson;
import org.sekisho.names.adapter.file.StorableText;
import org.sekisho.names.adapter.file.WatchlistCsv;
import org.sekisho.names.domain.NameMatcher;
import org.sekisho.names.domain.watchlist.Agreement;
import org.sekisho.names.domain.watchlist.Corroboration;
import org.sekisho.names.domain.watchlist.PartialDate;
import org.sekisho.names.domain.watchlist.ScreeningSubject;
import org.sekisho.names.domain.watchlist.Severity;
import org.sekisho.names.domain.watchlist.Watchlist;
import org.sekisho.names.domain.watchlist.WatchlistEntry;
import org.sekisho.names.domain.watchlist.WatchlistHit;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WatchlistTest {

  private static final String CSV =
      """
      list,id,name,aliases,birth_dates,nationalities,documents,severity
      national-alerts,A1,Ivan Petrovich Sidorov,Иван Сидоров;Vanya Sidorov,1970-03-15,ru,P123 456,high
      national-alerts,A2,山田太郎,やまだ たろう,1965,jp,,medium
      un-sc,U1,"SALEK, ABDULHAI",عبد الحي سالك,1965,af,,critical
      un-sc,U2,Acme Trading Co. Ltd.,,,,,low
      un-sc,BAD,Bad Date,,1970-13-01,,,high
      un-sc,,No Id,,,,,high
      """;

  private final NameMatcher matcher = new NameMatcher();

  private Watchlist load(List<Problem> problems) {
    Watchlist.Builder b = new Watchlist.Builder(matcher);
    problems.addAll(WatchlistCsv.read(new StringReader(CSV), b::add));
    return b.build();
  }

  @Test
  void csv_rows_load_and_bad_rows_are_reported_with_row_and_reason() {
    List<Problem> problems = new ArrayList<>();
    Watchlist list = load(problems);
    assertThat(list.size()).isEqualTo(4);
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0).field()).contains("row 6");
    assertThat(problems.get(0).message()).contains("month");
    assertThat(problems.get(1).field()).isEqualTo("row 7");
  }

  @Test
  void a_csv_row_with_a_nul_in_any_field_is_refused_naming_row_and_column_and_the_others_load() {
    String csv =
        "list,id,name,aliases,birth_dates,nationalities,documents,severity\n"
            + "l,G1,Good Row,,,,,high\n"
            + "l,N1,Bad\u0000Row,,,,,high\n"
            + "l,N2,Other Row,,,,P1\u0000,high\n";
    List<WatchlistEntry> entries = new ArrayList<>();
    List<Problem> problems = WatchlistCsv.read(new StringReader(csv), entries::add);
    assertThat(entries).extracting(WatchlistEntry::id).containsExactly("G1");
    assertThat(problems).extracting(Problem::code).containsOnly(StorableText.NUL_CODE);
    assertThat(problems)
        .extracting(Problem::field)
        .containsExactly("row 3 name", "row 4 documents");
    assertThat(problems.get(0).message()).isEqualTo("name " + StorableText.NUL_REASON);
  }

  @Test
  void a_follow_the_money_line_with_a_nul_escaped_or_raw_is_refused_and_the_others_load() {
    String jsonl =
        "{\"id\":\"G1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Good\"]}}\n"
            + "{\"id\":\"N1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"A\",\"B\\u0000\"]}}\n"
            + "{\"id\":\"N2\",\"schema\":\"Person\",\"properties\":{\"name\":[\"C\u0000\"]}}\n"
            + "{\"id\":\"N3\",\"schema\":\"Person\",\"properties\":{\"name\":[\"D\"]},"
            + "\"datasets\":[\"x\\u0000\"]}\n";
    List<WatchlistEntry> entries = new ArrayList<>();
    List<Problem> problems =
        FollowTheMoneyJson.read(
            new BufferedReader(new StringReader(jsonl)), "ftm", Severity.HIGH, entries::add);
    assertThat(entries).extracting(WatchlistEntry::id).containsExactly("G1");
    assertThat(problems).extracting(Problem::code).containsOnly(StorableText.NUL_CODE);
    assertThat(problems)
        .extracting(Problem::field)
        .containsExactly("line 2 properties.name[1]", "line 3", "line 4 datasets[0]");
    assertThat(problems.get(0).message())
        .isEqualTo("the JSON field properties.name[1] " + StorableText.NUL_REASON);
  }

  @Test
  void a_transliterated_name_hits_the_entry_with_its_explanation() {
    Watchlist list = load(new ArrayList<>());
    List<WatchlistHit> hits =
        list.screen(ScreeningSubject.named("Иван Сидоров"), NameMatcher.DEFAULT_THRESHOLD);
    assertThat(hits).isNotEmpty();
    assertThat(hits.get(0).entry().id()).isEqualTo("A1");
    assertThat(hits.get(0).explanation()).contains("national-alerts/A1").contains("sidorov");
  }

  @Test
  void a_romaji_name_hits_the_kanji_entry_and_reordered_typo_hits_the_un_entry() {
    Watchlist list = load(new ArrayList<>());
    assertThat(list.screen(ScreeningSubject.named("Taro Yamada"), 0.85))
        .extracting(h -> h.entry().id())
        .containsExactly("A2");
    assertThat(list.screen(ScreeningSubject.named("ABDULHAY SALEK"), 0.85))
        .extracting(h -> h.entry().id())
        .contains("U1");
  }

  @Test
  void date_of_birth_nationality_and_document_corroborate_or_weaken_a_hit() {
    Watchlist list = load(new ArrayList<>());
    ScreeningSubject agreeing =
        new ScreeningSubject(
            "Ivan Sidorow",
            Optional.of(new PartialDate(1970, 3, 15)),
            Optional.of("ru"),
            Optional.of("p-123456"));
    WatchlistHit hit = list.screen(agreeing, 0.5).get(0);
    assertThat(hit.corroboration())
        .extracting(Corroboration::evidence, Corroboration::agreement)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Corroboration.Evidence.DATE_OF_BIRTH, Agreement.SAME),
            org.assertj.core.groups.Tuple.tuple(Corroboration.Evidence.NATIONALITY, Agreement.SAME),
            org.assertj.core.groups.Tuple.tuple(Corroboration.Evidence.DOCUMENT, Agreement.SAME));
    assertThat(hit.score()).isGreaterThan(hit.name().score());

    ScreeningSubject disagreeing =
        new ScreeningSubject(
            "Ivan Sidorov",
            Optional.of(new PartialDate(1990, 1, 1)),
            Optional.of("fr"),
            Optional.empty());
    WatchlistHit weak = list.screen(disagreeing, 0.0).get(0);
    assertThat(weak.score()).isLessThan(weak.name().score());
  }

  @Test
  void a_document_number_finds_the_entry_even_under_another_name() {
    Watchlist list = load(new ArrayList<>());
    ScreeningSubject s =
        new ScreeningSubject(
            "Someone Else", Optional.empty(), Optional.empty(), Optional.of("P123456"));
    assertThat(list.screen(s, 0.2)).extracting(h -> h.entry().id()).contains("A1");
  }

  @Test
  void a_listed_document_hits_at_the_screening_threshold_under_another_given_name_or_name() {
    Watchlist list = load(new ArrayList<>());
    // the listed passport with the listed surname, date of birth and nationality, another given
    // name
    ScreeningSubject brother =
        new ScreeningSubject(
            "Pyotr Sidorov",
            Optional.of(new PartialDate(1970, 3, 15)),
            Optional.of("ru"),
            Optional.of("P123456"));
    ScreeningSubject stranger =
        new ScreeningSubject(
            "John Smith", Optional.empty(), Optional.of("us"), Optional.of("P 123-456"));
    for (ScreeningSubject s : List.of(brother, stranger)) {
      List<WatchlistHit> hits = list.screen(s, 0.85);
      assertThat(hits).extracting(h -> h.entry().id()).containsExactly("A1");
      assertThat(hits.get(0).documentMatch()).isTrue();
      assertThat(hits.get(0).explanation()).contains("document same (P123456");
      assertThat(list.screenAll(List.of(s), 0.85).get(0))
          .extracting(h -> h.entry().id())
          .containsExactly("A1");
    }
    // another document is no hit by document
    ScreeningSubject other =
        new ScreeningSubject(
            "John Smith", Optional.empty(), Optional.empty(), Optional.of("P999999"));
    assertThat(list.screen(other, 0.85)).isEmpty();
  }

  @Test
  void compact_spellings_of_compound_names_hit_as_the_spaced_ones_do() {
    String csv =
        "list,id,name,aliases,birth_dates,nationalities,documents,severity\n"
            + "national-alerts,NA-027,Faisal Hamad Al-Qahtani,,1985,sa,,high\n"
            + "national-alerts,NA-028,Min-jun Park Seo,,1989,kr,,high\n";
    Watchlist.Builder b = new Watchlist.Builder(matcher);
    assertThat(WatchlistCsv.read(new StringReader(csv), b::add)).isEmpty();
    Watchlist list = b.build();
    record Case(String name, int year, String country, String entry) {}
    for (Case c :
        List.of(
            new Case("FAISAL ALQAHTANI", 1985, "sa", "NA-027"),
            new Case("FAISAL ALKAHTANI", 1985, "sa", "NA-027"),
            new Case("FAISAL AL QAHTANI", 1985, "sa", "NA-027"),
            new Case("MINJUN PARK", 1989, "kr", "NA-028"),
            new Case("MINJUN SEO", 1989, "kr", "NA-028"),
            new Case("MIN JUN PARK", 1989, "kr", "NA-028"))) {
      ScreeningSubject s =
          new ScreeningSubject(
              c.name(),
              Optional.of(new PartialDate(c.year(), 6, 1)),
              Optional.of(c.country()),
              Optional.empty());
      assertThat(list.screen(s, 0.85))
          .as(c.name())
          .extracting(h -> h.entry().id())
          .containsExactly(c.entry());
    }
    // joining is no licence to match another name
    assertThat(list.screen(ScreeningSubject.named("FAISAL ALHARBI"), 0.85)).isEmpty();
    assertThat(list.screen(ScreeningSubject.named("MINHO PARK"), 0.85)).isEmpty();
  }

  @Test
  void rows_after_an_unclosed_quote_are_read_again_and_every_row_is_counted() {
    String csv =
        "list,id,name,aliases,birth_dates,nationalities,documents,severity\n"
            + "rev,R1,Milan Kovacs,,1983-03-09,hr,HR7730112,high\n"
            + "rev,R3,Ivan Ivanov,,1970-02-30,ru,,high\n"
            + "rev,R10,\"Bad, quote,,1970,ru,,high\n"
            + "rev,R11,Last Row,,1970,ru,,high\n"
            + "rev,R12,Very Last,,1971,ru,,high\n";
    List<WatchlistEntry> entries = new ArrayList<>();
    List<Problem> problems = WatchlistCsv.read(new StringReader(csv), entries::add);
    assertThat(entries).extracting(WatchlistEntry::id).containsExactly("R1", "R11", "R12");
    assertThat(problems).extracting(Problem::field).containsExactly("row 3 birth_dates", "row 4");
    assertThat(problems.get(1).message())
        .contains("opened on line 4 is never closed")
        .contains("read again as rows");
    assertThat(entries.size() + problems.size()).isEqualTo(5);
  }

  @Test
  void a_follow_the_money_date_or_country_left_out_is_reported_and_the_entity_kept() {
    String jsonl =
        "{\"id\":\"os-2\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Nobody\"],"
            + "\"birthDate\":[\"1967-13-45\"],\"nationality\":[\"xx\"]}}\n";
    List<WatchlistEntry> entries = new ArrayList<>();
    List<Problem> problems =
        FollowTheMoneyJson.read(
            new BufferedReader(new StringReader(jsonl)), "ftm", Severity.HIGH, entries::add);
    assertThat(entries).extracting(WatchlistEntry::id).containsExactly("os-2");
    assertThat(problems)
        .extracting(Problem::code, Problem::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                FollowTheMoneyJson.VALUE_LEFT_OUT, "line 1 birthDate"),
            org.assertj.core.groups.Tuple.tuple(
                FollowTheMoneyJson.VALUE_LEFT_OUT, "line 1 nationality"));
    assertThat(problems.get(1).message()).contains("'xx' is not an ISO country code");
  }

  @Test
  void an_unrelated_name_hits_nothing() {
    Watchlist list = load(new ArrayList<>());
    assertThat(list.screen(ScreeningSubject.named("Maria Fernanda Oliveira"), 0.85)).isEmpty();
  }

  @Test
  void follow_the_money_entities_load_with_aliases_dates_and_documents() {
    String jsonl =
        """
        {"id":"NK-1","schema":"Person","properties":{"name":["Kim Yong Chol"],"alias":["김영철"],"birthDate":["1946-02-01"],"nationality":["kp"],"passportNumber":["PS 472310208"]},"datasets":["un_sc_sanctions"]}
        {"id":"addr-1","schema":"Address","properties":{"full":["Pyongyang"]}}
        {"id":"C-1","schema":"Company","properties":{"name":["Korea Mining Development Trading Corporation"]}}
        not json
        {"schema":"Person","properties":{"name":["No Id"]}}
        """;
    List<WatchlistEntry> entries = new ArrayList<>();
    List<Problem> problems =
        FollowTheMoneyJson.read(
            new BufferedReader(new StringReader(jsonl)), "ftm", Severity.HIGH, entries::add);
    assertThat(entries).extracting(WatchlistEntry::id).containsExactly("NK-1", "C-1");
    assertThat(entries.get(0).names()).containsExactly("Kim Yong Chol", "김영철");
    assertThat(entries.get(0).listName()).isEqualTo("un_sc_sanctions");
    assertThat(entries.get(0).documents()).containsExactly("PS472310208");
    assertThat(problems).extracting(Problem::field).containsExactly("line 4", "line 5");

    Watchlist.Builder b = new Watchlist.Builder(matcher);
    entries.forEach(b::add);
    assertThat(b.build().screen(ScreeningSubject.named("김영철"), 0.85))
        .extracting(h -> h.entry().id())
        .containsExactly("NK-1");
  }
}
