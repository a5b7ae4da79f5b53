package org.sekisho.names.adapter.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sekisho.core.Outcome;
import org.sekisho.names.application.NameEvaluation.LabelledPair;
import org.sekisho.names.application.NameEvaluation.LabelledQuery;
import org.sekisho.names.domain.watchlist.PartialDate;
import org.sekisho.names.domain.watchlist.ScreeningSubject;
import org.sekisho.names.domain.watchlist.Severity;
import org.sekisho.names.domain.watchlist.WatchlistEntry;

/**
 * Reads the public name-matching data (see its SOURCE.txt) into labelled pairs and screening
 * queries. Each set is split by row position: even rows are the development half (used to choose
 * the default threshold), odd rows the test half.
 */
public final class EvaluationSets {

  /** A person row of the yente fixtures. */
  public record Person(String fullName, String birthDate, String nationality) {}

  private final Path root;

  public EvaluationSets(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** Rows of a yente person CSV (full_name, date_of_birth, nationality). */
  public List<Person> people(String relative) throws IOException {
    List<Person> out = new ArrayList<>();
    try (BufferedReader r =
        Files.newBufferedReader(root.resolve(relative), StandardCharsets.UTF_8)) {
      CsvReader csv = new CsvReader(r);
      CsvReader.Row header = csv.next();
      List<String> h = header.fields().orElseThrow();
      int name = h.indexOf("full_name");
      int dob = h.indexOf("date_of_birth");
      int nat = h.indexOf("nationality");
      for (CsvReader.Row row : csv) {
        if (!row.fields().isAccepted()) {
          continue;
        }
        List<String> f = row.fields().orElseThrow();
        out.add(new Person(f.get(name), f.get(dob), f.get(nat)));
      }
    }
    return out;
  }

  /**
   * UN names with typos and reordering against their originals (positives) and against the original
   * of the row {@code n/2} further on (negatives), restricted to one half.
   */
  public List<LabelledPair> unTypoPairs(boolean devHalf) throws IOException {
    List<Person> treated = people("opensanctions-yente/positives_un_treated.csv");
    List<Person> original = people("opensanctions-yente/positives_un_untreated.csv");
    int n = Math.min(treated.size(), original.size());
    List<LabelledPair> out = new ArrayList<>();
    for (int i = devHalf ? 0 : 1; i < n; i += 2) {
      out.add(new LabelledPair(treated.get(i).fullName(), original.get(i).fullName(), true));
      out.add(
          new LabelledPair(
              treated.get(i).fullName(), original.get((i + n / 2) % n).fullName(), false));
    }
    return out;
  }

  /**
   * Wikidata transliteration pairs of one script: Latin token vs native token (positives), and the
   * Latin token vs the native token {@code n/2} rows further on (negatives); at most {@code limit}
   * positives from the chosen half.
   */
  public List<LabelledPair> wikidataPairs(String script, boolean devHalf, int limit)
      throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader r =
        Files.newBufferedReader(
            root.resolve("wikidata-transliteration/wd_" + script + "_20.tsv"),
            StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split("\t");
        if (f.length >= 2) {
          rows.add(new String[] {f[0], f[1].replace(" ", "")});
        }
      }
    }
    int n = rows.size();
    List<LabelledPair> out = new ArrayList<>();
    for (int i = devHalf ? 0 : 1; i < n && out.size() < 2 * limit; i += 2) {
      out.add(new LabelledPair(rows.get(i)[0], rows.get(i)[1], true));
      out.add(new LabelledPair(rows.get(i)[0], rows.get((i + n / 2) % n)[1], false));
    }
    return out;
  }

  /** The UN originals and US Congress members as a watchlist (ids un-N and us-N). */
  public List<WatchlistEntry> screeningList() throws IOException {
    List<WatchlistEntry> out = new ArrayList<>();
    List<Person> un = people("opensanctions-yente/positives_un_untreated.csv");
    for (int i = 0; i < un.size(); i++) {
      out.add(entry("un-" + i, "un-sc", Severity.HIGH, un.get(i)));
    }
    List<Person> us = people("opensanctions-yente/positives_us_congress_untreated.csv");
    for (int i = 0; i < us.size(); i++) {
      out.add(entry("us-" + i, "us-congress", Severity.LOW, us.get(i)));
    }
    return out;
  }

  private static WatchlistEntry entry(String id, String list, Severity sev, Person p) {
    List<PartialDate> dates = new ArrayList<>();
    Outcome<PartialDate> d = PartialDate.parse("dob", p.birthDate());
    if (d.isAccepted()) {
      dates.add(d.orElseThrow());
    }
    Optional<String> nat = country(p.nationality());
    return new WatchlistEntry(
        id,
        list,
        sev,
        List.of(p.fullName()),
        dates,
        nat.map(java.util.Set::of).orElse(java.util.Set.of()),
        java.util.Set.of());
  }

  /**
   * Screening queries of one half: typo'd UN names expected to hit their original, and the
   * synthetic people (global and US) expected to hit nothing.
   */
  public List<LabelledQuery> screeningQueries(boolean devHalf, boolean withCorroboration)
      throws IOException {
    List<LabelledQuery> out = new ArrayList<>();
    List<Person> treated = people("opensanctions-yente/positives_un_treated.csv");
    for (int i = devHalf ? 0 : 1; i < treated.size(); i += 2) {
      out.add(
          new LabelledQuery(subject(treated.get(i), withCorroboration), Optional.of("un-" + i)));
    }
    for (String f :
        List.of(
            "opensanctions-yente/validation_report_negatives/negatives_global.csv",
            "opensanctions-yente/validation_report_negatives/negatives_us.csv")) {
      List<Person> neg = people(f);
      for (int i = devHalf ? 0 : 1; i < neg.size(); i += 2) {
        out.add(new LabelledQuery(subject(neg.get(i), withCorroboration), Optional.empty()));
      }
    }
    return out;
  }

  private static ScreeningSubject subject(Person p, boolean withCorroboration) {
    if (!withCorroboration) {
      return ScreeningSubject.named(p.fullName());
    }
    Outcome<PartialDate> d = PartialDate.parse("dob", p.birthDate());
    return new ScreeningSubject(
        p.fullName(),
        d.isAccepted() ? Optional.of(d.orElseThrow()) : Optional.empty(),
        country(p.nationality()),
        Optional.empty());
  }

  private static final Map<String, String> COUNTRY_BY_NAME = new HashMap<>();

  static {
    for (String code : Locale.getISOCountries()) {
      COUNTRY_BY_NAME.put(
          Locale.of("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT),
          code.toLowerCase(Locale.ROOT));
    }
  }

  /** An ISO code or an English country name to a lower-case ISO alpha-2 code. */
  static Optional<String> country(String raw) {
    String s = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    if (s.length() == 2) {
      return Optional.of(s);
    }
    return Optional.ofNullable(COUNTRY_BY_NAME.get(s));
  }
}
