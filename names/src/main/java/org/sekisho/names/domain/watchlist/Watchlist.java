package org.sekisho.names.domain.watchlist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sekisho.names.domain.NameComparison;
import org.sekisho.names.domain.NameMatcher;
import org.sekisho.names.domain.NormalisedName;

/**
 * Several named lists of people and organisations, searchable by name with date of birth,
 * nationality and document number as corroboration. Candidates come from a {@link CandidateIndex};
 * each candidate is scored with the {@link NameMatcher} and the corroborating data then raise or
 * lower the score. Every hit carries its explanation.
 *
 * <p>Immutable once built; {@link #screen} is thread-safe.
 */
public final class Watchlist {

  /** How many candidate names the index hands to the matcher per search. */
  public static final int DEFAULT_CANDIDATES = 32;

  private static final double DOB_SAME = 0.05;
  private static final double DOB_YEAR = 0.02;
  private static final double DOB_DIFFERENT = -0.15;
  private static final double NATIONALITY_SAME = 0.03;
  private static final double NATIONALITY_DIFFERENT = -0.05;
  private static final double DOCUMENT_SAME = 0.25;
  // the most that corroboration can add to a name score
  private static final double MAX_RAISE = DOB_SAME + NATIONALITY_SAME + DOCUMENT_SAME;

  private final List<WatchlistEntry> entries;
  private final CandidateIndex index;
  private final Map<String, int[]> byDocument;
  private final NameMatcher matcher;
  private final int candidates;

  private Watchlist(
      List<WatchlistEntry> entries,
      CandidateIndex index,
      Map<String, int[]> byDocument,
      NameMatcher matcher,
      int candidates) {
    this.entries = entries;
    this.index = index;
    this.byDocument = byDocument;
    this.matcher = matcher;
    this.candidates = candidates;
  }

  public int size() {
    return entries.size();
  }

  public CandidateIndex index() {
    return index;
  }

  public List<WatchlistEntry> entries() {
    return entries;
  }

  /**
   * The entries the subject may be, best first, one hit per entry: those scoring at least {@code
   * threshold}, and every entry that lists the subject's document number whatever its score (the
   * listed document under another name; {@link WatchlistHit#documentMatch()}).
   */
  public List<WatchlistHit> screen(ScreeningSubject subject, double threshold) {
    NormalisedName query = matcher.normaliser().normalise(subject.name());
    return hits(subject, query, compareCandidates(query, threshold), threshold);
  }

  /**
   * Screens a whole flight (or any batch): the hits for each subject, in the order given, exactly
   * as {@link #screen} would give them one by one. Each distinct name is normalised, looked up in
   * the index and compared with its candidates once, however many passengers carry it; distinct
   * names are spread over the available cores when the batch is large enough for that to pay.
   *
   * <p>Thread-safe; uses the common fork-join pool for large batches.
   */
  public List<List<WatchlistHit>> screenAll(List<ScreeningSubject> subjects, double threshold) {
    Map<String, NormalisedName> queries = new HashMap<>();
    for (ScreeningSubject s : subjects) {
      queries.computeIfAbsent(s.name(), n -> matcher.normaliser().normalise(n));
    }
    // passengers with different spellings can normalise to the same name
    Map<NormalisedName, List<Candidate>> compared = new HashMap<>();
    for (NormalisedName q : queries.values()) {
      compared.put(q, List.of());
    }
    List<NormalisedName> distinct = new ArrayList<>(compared.keySet());
    List<List<Candidate>> results =
        distinct.size() >= PARALLEL_FROM
            ? distinct.parallelStream().map(q -> compareCandidates(q, threshold)).toList()
            : distinct.stream().map(q -> compareCandidates(q, threshold)).toList();
    for (int i = 0; i < distinct.size(); i++) {
      compared.put(distinct.get(i), results.get(i));
    }
    List<List<WatchlistHit>> out = new ArrayList<>(subjects.size());
    for (ScreeningSubject s : subjects) {
      NormalisedName q = queries.get(s.name());
      out.add(hits(s, q, compared.get(q), threshold));
    }
    return out;
  }

  // below this many distinct names a batch is screened on the calling thread
  private static final int PARALLEL_FROM = 16;

  /** A candidate name from the index and how the query compared with it. */
  private record Candidate(int entry, NameComparison comparison) {}

  private List<Candidate> compareCandidates(NormalisedName query, double threshold) {
    if (query.isEmpty()) {
      return List.of();
    }
    // a name scoring no more than this cannot become a hit whatever the corroboration adds (see
    // consider): below it the matcher may stop early
    double floor = threshold - MAX_RAISE - 2e-9;
    int[] ids = index.search(query, candidates);
    List<Candidate> out = new ArrayList<>(ids.length);
    for (int nameId : ids) {
      out.add(
          new Candidate(index.entryOf(nameId), matcher.compare(query, index.name(nameId), floor)));
    }
    return out;
  }

  private List<WatchlistHit> hits(
      ScreeningSubject subject, NormalisedName query, List<Candidate> compared, double threshold) {
    Map<Integer, WatchlistHit> best = new LinkedHashMap<>();
    for (Candidate c : compared) {
      consider(best, c.entry(), c.comparison(), subject, threshold);
    }
    Optional<String> doc = subject.document().map(WatchlistEntry::normaliseDocument);
    if (doc.isPresent() && byDocument.containsKey(doc.get())) {
      for (int e : byDocument.get(doc.get())) {
        if (!best.containsKey(e)) {
          WatchlistEntry entry = entries.get(e);
          NameComparison c = bestName(query, entry);
          consider(best, e, c, subject, threshold);
          if (!best.containsKey(e)) {
            // the listed document under another name is what screening looks for: a hit whatever
            // the name says, with the name's difference in its explanation
            best.put(e, hit(entry, c, subject));
          }
        }
      }
    }
    List<WatchlistHit> hits = new ArrayList<>(best.values());
    hits.sort(Comparator.comparingDouble(WatchlistHit::score).reversed());
    return hits;
  }

  private NameComparison bestName(NormalisedName query, WatchlistEntry entry) {
    NameComparison bestC = null;
    for (String n : entry.names()) {
      NameComparison c = matcher.compare(query, matcher.normaliser().normalise(n));
      if (bestC == null || c.score() > bestC.score()) {
        bestC = c;
      }
    }
    return bestC;
  }

  private void consider(
      Map<Integer, WatchlistHit> best,
      int e,
      NameComparison c,
      ScreeningSubject subject,
      double threshold) {
    WatchlistHit previous = best.get(e);
    if (previous != null && previous.name().score() >= c.score()) {
      return;
    }
    if (c.score() + MAX_RAISE < threshold - 1e-9) {
      return; // no corroboration could lift this name to the threshold
    }
    WatchlistEntry entry = entries.get(e);
    if (c.score() + adjustmentBound(subject, entry) < threshold - 1e-9) {
      return; // the corroboration this subject and entry can give does not lift it either
    }
    WatchlistHit hit = hit(entry, c, subject);
    if (hit.score() >= threshold) {
      best.put(e, hit);
    }
  }

  private WatchlistHit hit(WatchlistEntry entry, NameComparison c, ScreeningSubject subject) {
    List<Corroboration> evidence = corroborate(subject, entry);
    double score = c.score();
    for (Corroboration k : evidence) {
      score += k.adjustment();
    }
    score = Math.max(0, Math.min(1, score));
    return new WatchlistHit(entry, originalName(entry, c), c, evidence, score);
  }

  // the index stores normalised forms; show the analyst the name as the list wrote it
  private String originalName(WatchlistEntry entry, NameComparison c) {
    if (entry.names().size() == 1) {
      return entry.name();
    }
    String target = c.right().text();
    for (String n : entry.names()) {
      NormalisedName nn = matcher.normaliser().normalise(n);
      if (nn.text().equals(target) || String.join(" ", nn.alternate()).equals(target)) {
        return n;
      }
    }
    return entry.name();
  }

  // an upper bound of what corroborate() adds, computed without building the evidence text
  private static double adjustmentBound(ScreeningSubject s, WatchlistEntry e) {
    double adj = 0;
    if (s.birthDate().isPresent() && !e.birthDates().isEmpty()) {
      PartialDate d = s.birthDate().get();
      Agreement bestA = Agreement.DIFFERENT;
      for (PartialDate listed : e.birthDates()) {
        Agreement a = d.compareWith(listed);
        if (a.ordinal() < bestA.ordinal()) {
          bestA = a;
        }
      }
      adj +=
          switch (bestA) {
            case SAME -> DOB_SAME;
            case PARTIAL -> DOB_YEAR;
            case DIFFERENT -> DOB_DIFFERENT;
          };
    }
    if (s.nationality().isPresent() && !e.nationalities().isEmpty()) {
      adj +=
          e.nationalities().contains(s.nationality().get())
              ? NATIONALITY_SAME
              : NATIONALITY_DIFFERENT;
    }
    if (s.document().isPresent() && !e.documents().isEmpty()) {
      adj += DOCUMENT_SAME;
    }
    return adj;
  }

  static List<Corroboration> corroborate(ScreeningSubject s, WatchlistEntry e) {
    List<Corroboration> out = new ArrayList<>();
    if (s.birthDate().isPresent() && !e.birthDates().isEmpty()) {
      PartialDate d = s.birthDate().get();
      Agreement bestA = Agreement.DIFFERENT;
      PartialDate bestD = e.birthDates().get(0);
      for (PartialDate listed : e.birthDates()) {
        Agreement a = d.compareWith(listed);
        if (a.ordinal() < bestA.ordinal()) {
          bestA = a;
          bestD = listed;
        }
      }
      double adj =
          switch (bestA) {
            case SAME -> DOB_SAME;
            case PARTIAL -> DOB_YEAR;
            case DIFFERENT -> DOB_DIFFERENT;
          };
      out.add(
          new Corroboration(Corroboration.Evidence.DATE_OF_BIRTH, bestA, d + " vs " + bestD, adj));
    }
    if (s.nationality().isPresent() && !e.nationalities().isEmpty()) {
      String n = s.nationality().get();
      boolean same = e.nationalities().contains(n);
      out.add(
          new Corroboration(
              Corroboration.Evidence.NATIONALITY,
              same ? Agreement.SAME : Agreement.DIFFERENT,
              n + " vs " + String.join(",", e.sortedNationalities()),
              same ? NATIONALITY_SAME : NATIONALITY_DIFFERENT));
    }
    if (s.document().isPresent() && !e.documents().isEmpty()) {
      String d = WatchlistEntry.normaliseDocument(s.document().get());
      if (e.documents().contains(d)) {
        out.add(
            new Corroboration(Corroboration.Evidence.DOCUMENT, Agreement.SAME, d, DOCUMENT_SAME));
      }
      // a different document number is no evidence: people hold several passports
    }
    return out;
  }

  /** Collects entries and builds the index; not thread-safe. */
  public static final class Builder {
    private final NameMatcher matcher;
    private final List<WatchlistEntry> entries = new ArrayList<>();
    private final CandidateIndex.Builder index = new CandidateIndex.Builder();
    private final Map<String, List<Integer>> byDocument = new HashMap<>();
    private int candidates = DEFAULT_CANDIDATES;

    public Builder(NameMatcher matcher) {
      this.matcher = matcher;
    }

    /** Number of candidate names scored per search (more finds more, costs more). */
    public Builder candidates(int n) {
      this.candidates = n;
      return this;
    }

    /**
     * Postings the index reads in full per search once it has enough candidates (see {@link
     * CandidateIndex.Builder#postingBudget}).
     */
    public Builder postingBudget(int postings) {
      index.postingBudget(postings);
      return this;
    }

    public Builder add(WatchlistEntry entry) {
      int e = entries.size();
      entries.add(entry);
      for (String n : entry.names()) {
        index.add(e, matcher.normaliser().normalise(n));
      }
      for (String d : entry.documents()) {
        byDocument.computeIfAbsent(d, k -> new ArrayList<>(1)).add(e);
      }
      return this;
    }

    public Watchlist build() {
      Map<String, int[]> docs = new HashMap<>();
      byDocument.forEach((k, v) -> docs.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
      return new Watchlist(List.copyOf(entries), index.build(), docs, matcher, candidates);
    }
  }
}
