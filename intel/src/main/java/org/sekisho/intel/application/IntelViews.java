package org.sekisho.intel.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sekisho.core.Problem;
import org.sekisho.intel.domain.Declaration;
import org.sekisho.intel.domain.FieldRules;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.intel.domain.SearchTokens;

/** Read models of the intelligence database, as the web and CLI show them. */
public final class IntelViews {
  private IntelViews() {}

  /** Who reads: their agency decides which records they see. */
  public record Reader(String username, String agency) {}

  /**
   * The order of a search's records. {@link #RELEVANCE}: the records that match the text exactly
   * (their source id, such as a declaration id, B/L, or item id, or a party, container, vessel,
   * document or trader whose whole key the text is) first, newest first, then the other matches,
   * newest first. {@link #NEWEST}: every match newest first. A search without text is newest first
   * whichever is asked.
   */
  public enum SearchOrder {
    RELEVANCE("relevance"),
    NEWEST("newest");

    private final String code;

    SearchOrder(String code) {
      this.code = code;
    }

    /** The order as the API and the page's {@code sort} parameter name it. */
    public String code() {
      return code;
    }

    /** The order named {@code code} ({@code relevance}, {@code newest}), if it is one. */
    public static Optional<SearchOrder> ofCode(String code) {
      for (SearchOrder o : values()) {
        if (o.code.equals(code)) {
          return Optional.of(o);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * A search: free text (words, numbers, names in any script) plus filters; all optional. The
   * office and country are compared upper case, as records store them. A query with {@link
   * #problems()} cannot be run: callers check them first.
   *
   * @param hsChapter an HS chapter (2 digits), heading (4) or subheading (6): records with goods
   *     classified under it
   * @param sort the order asked for; null for the default: {@link SearchOrder#RELEVANCE} for a
   *     text, {@link SearchOrder#NEWEST} for filters alone (see {@link #order()})
   */
  public record SearchQuery(
      String text,
      Optional<String> kind,
      Optional<LocalDate> from,
      Optional<LocalDate> to,
      Optional<String> office,
      Optional<String> country,
      Optional<String> hsChapter,
      int page,
      int size,
      SearchOrder sort) {
    /** The longest search text, in characters. */
    public static final int MAX_TEXT = 500;

    /** The most records one page holds. */
    public static final int MAX_SIZE = 500;

    public SearchQuery {
      text = text == null ? "" : text.strip();
      office = upper(office);
      country = upper(country);
    }

    /** A search in the default order ({@link #order()}). */
    public SearchQuery(
        String text,
        Optional<String> kind,
        Optional<LocalDate> from,
        Optional<LocalDate> to,
        Optional<String> office,
        Optional<String> country,
        Optional<String> hsChapter,
        int page,
        int size) {
      this(text, kind, from, to, office, country, hsChapter, page, size, null);
    }

    /**
     * The order the records come in: newest first without a text; with one, the order asked for, by
     * default relevance.
     */
    public SearchOrder order() {
      if (text.isEmpty()) {
        return SearchOrder.NEWEST;
      }
      return sort == null ? SearchOrder.RELEVANCE : sort;
    }

    /** The same search, page {@code page} of {@code size} records. */
    public SearchQuery withPage(int page, int size) {
      return new SearchQuery(text, kind, from, to, office, country, hsChapter, page, size, sort);
    }

    private static Optional<String> upper(Optional<String> v) {
      return v.map(s -> s.strip().toUpperCase(Locale.ROOT)).filter(s -> !s.isEmpty());
    }

    /**
     * Why the query cannot be run, each naming its parameter ({@code q}, {@code office}, {@code
     * kind}, {@code country}, {@code hs}, {@code from}): text PostgreSQL cannot take (a NUL
     * character) or longer than a search needs, an HS code of other than 2, 4 or 6 digits, days
     * from after to.
     */
    public List<Problem> problems() {
      List<Problem> out = new ArrayList<>();
      FieldRules.text("q", text, MAX_TEXT).ifPresent(out::add);
      if (out.isEmpty() && !text.isEmpty() && SearchTokens.forQuery(text).isEmpty()) {
        // left alone, no word would filter and every record would match
        out.add(
            Problem.of(
                "invalid-parameter",
                "q",
                "expected words, names or numbers to search for; '"
                    + FieldRules.shorten(text)
                    + "' has no letter or digit"));
      }
      office.flatMap(o -> FieldRules.text("office", o, FieldRules.MAX_OFFICE)).ifPresent(out::add);
      kind.flatMap(k -> FieldRules.text("kind", k, FieldRules.MAX_ID)).ifPresent(out::add);
      country.flatMap(c -> FieldRules.text("country", c, FieldRules.MAX_ID)).ifPresent(out::add);
      hsChapter.flatMap(h -> FieldRules.text("hs", h, FieldRules.MAX_ID)).ifPresent(out::add);
      hsChapter
          .filter(h -> !h.matches("\\d{2}|\\d{4}|\\d{6}"))
          .ifPresent(
              h ->
                  out.add(
                      Problem.of(
                              "invalid-parameter",
                              "hs",
                              "expected an HS chapter (2 digits, e.g. 09), heading (4, e.g. 0901)"
                                  + " or subheading (6, e.g. 090121), got '"
                                  + FieldRules.shorten(h)
                                  + "'")
                          .worded("not-an-hs-code", FieldRules.shorten(h))));
      if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
        // left alone, the search would answer nothing, as if nothing had happened in the days
        out.add(
            Problem.of(
                "invalid-parameter",
                "from",
                "from "
                    + from.get()
                    + " is after to "
                    + to.get()
                    + ": expected from on or before to"));
      }
      return out;
    }

    /**
     * What the audit log keeps of a search, whoever ran it (web, API, command line): the text, each
     * filter given, the page and how many records it found.
     */
    public java.util.Map<String, String> auditDetails(long results) {
      java.util.Map<String, String> details = new java.util.LinkedHashMap<>();
      details.put("q", text);
      kind.ifPresent(k -> details.put("kind", k));
      office.ifPresent(o -> details.put("office", o));
      country.ifPresent(c -> details.put("country", c));
      hsChapter.ifPresent(h -> details.put("hs", h));
      from.ifPresent(d -> details.put("from", d.toString()));
      to.ifPresent(d -> details.put("to", d.toString()));
      details.put("page", Integer.toString(page));
      details.put("sort", order().code());
      details.put("results", Long.toString(results));
      return details;
    }
  }

  /**
   * A record found or listed.
   *
   * @param exact whether it matched a search's text exactly (its source id, or a party or number
   *     whose whole key the text is): such records come first in {@link SearchOrder#RELEVANCE}
   */
  public record Hit(
      long id,
      String kind,
      String sourceId,
      Instant eventTime,
      String office,
      String title,
      List<String> countries,
      boolean exact) {
    /** A record that is no exact match (or listed outside a search). */
    public Hit(
        long id,
        String kind,
        String sourceId,
        Instant eventTime,
        String office,
        String title,
        List<String> countries) {
      this(id, kind, sourceId, eventTime, office, title, countries, false);
    }
  }

  /**
   * An entity that matched the text, exactly or by similarity.
   *
   * @param records the reader's visible records naming it, counted up to {@link #COUNT_CAP} + 1
   *     (more than the cap reads "at least that many")
   */
  public record EntityHit(long id, String type, String display, double similarity, long records) {
    public static final int COUNT_CAP = 100;

    /** The count as shown: {@code 100+} above the cap. */
    public String recordsShown() {
      return records > COUNT_CAP ? COUNT_CAP + "+" : Long.toString(records);
    }
  }

  /**
   * Why a search filtered by office found nothing: no record the reader may read is at {@code
   * office} (records store office codes such as JPTYO; an office's name such as 東京 matches none).
   * Intel stores any office text, so such a filter is answered, not refused.
   *
   * @param office the office as filtered on (upper case)
   * @param nearest the offices of records the reader may read, those whose code contains the text
   *     (or is contained in it) or resembles it first, at most {@link #MAX_NEAREST}; never an
   *     office only other agencies' unshared records are at
   * @param message the same in words, in English where the query was answered; the web words it in
   *     the reader's language
   */
  public record OfficeMiss(String office, List<String> nearest, String message) {
    public static final int MAX_NEAREST = 10;

    public OfficeMiss {
      nearest = List.copyOf(nearest);
    }

    /** The same miss with {@code text} as its message. */
    public OfficeMiss worded(String text) {
      return new OfficeMiss(office, nearest, text);
    }
  }

  /**
   * One page of hits; {@code total} is exact up to {@link #TOTAL_CAP} for a search with a text, up
   * to {@link #FILTER_TOTAL_CAP} for filters alone; beyond, {@code total} is that cap and {@code
   * totalCapped} is true: more than {@code total} records match (a lower bound, not a count).
   *
   * @param more whether the next page has hits (past the count's cap too)
   * @param officeMiss when the search was filtered by an office at which the reader may read no
   *     record (and so found nothing): the offices it may read nearest to it
   * @param order the order the hits are in, as {@link SearchOrder#code()} names it: {@code
   *     relevance} (exact matches first, each marked {@link Hit#exact()}) or {@code newest}
   */
  public record SearchPage(
      List<Hit> hits,
      long total,
      boolean totalCapped,
      int page,
      int size,
      List<EntityHit> entities,
      boolean more,
      String order,
      Optional<OfficeMiss> officeMiss) {
    public static final int TOTAL_CAP = 1_000;

    /**
     * The count of a search with filters alone (no text) is exact up to this: a day's or an
     * office's records, as the dashboard counts them, are counted in full.
     */
    public static final int FILTER_TOTAL_CAP = 10_000;

    /** A page without an office miss. */
    public SearchPage(
        List<Hit> hits,
        long total,
        boolean totalCapped,
        int page,
        int size,
        List<EntityHit> entities,
        boolean more,
        String order) {
      this(hits, total, totalCapped, page, size, entities, more, order, Optional.empty());
    }

    /** The same page with {@code miss} as its office miss. */
    public SearchPage withOfficeMiss(Optional<OfficeMiss> miss) {
      return new SearchPage(hits, total, totalCapped, page, size, entities, more, order, miss);
    }

    /**
     * The most exact matches put first in {@link SearchOrder#RELEVANCE}, newest first; a party
     * named in more records than {@link #EXACT_LINKS} is not among them (its records are most of
     * the matches, in the usual order; the party itself heads the matching entities).
     */
    public static final int EXACT_CAP = 200;

    /** The most links of exactly matching parties read to find the exact matches. */
    public static final int EXACT_LINKS = 1_000;
  }

  /**
   * An entity a record is linked to.
   *
   * @param display the entity's name (its first spelling, or the survivor's after a merge)
   * @param declared how this record writes it, which may differ from {@code display}
   */
  public record LinkedEntity(long id, String type, String display, String role, String declared) {}

  /**
   * A party as the record declares it, with the entities it is linked to.
   *
   * @param role what it is to the record ({@code importer}, {@code seller}, …)
   * @param kind {@code person}, {@code company} or {@code unknown}
   * @param entityId the person or company entity of its name, when it has one
   * @param traderId the trader entity of its id, when it has one
   */
  public record DeclaredParty(
      String role,
      String kind,
      String name,
      String country,
      String id,
      String address,
      Optional<Long> entityId,
      Optional<Long> traderId) {}

  /**
   * A record as its page shows it.
   *
   * @param items a declaration's goods items, in order; empty for other kinds
   * @param related the records a seizure names ({@code relatedRecords}), each opened through {@code
   *     /records/{kind}/{sourceId}}, which finds the reader's agency's record of that id, and each
   *     marked when the reader has no record of that id (not, or not yet, in the database)
   * @param seizure the record itself when it is a seizure, whose CEN fields the page shows
   * @param namedBy the seizures the reader may read that name this record in their {@code
   *     relatedRecords}, newest first (at most {@link #MAX_NAMED_BY})
   */
  public record RecordView(
      long id,
      String kind,
      String sourceId,
      Instant eventTime,
      Instant recordedAt,
      String office,
      String agency,
      List<String> sharedWith,
      String title,
      String dataJson,
      List<LinkedEntity> entities,
      List<DeclaredParty> parties,
      List<Declaration.Item> items,
      List<RelatedRecord> related,
      Optional<org.sekisho.intel.domain.Seizure> seizure,
      List<Hit> namedBy) {
    /** The most seizures naming a record that its page lists. */
    public static final int MAX_NAMED_BY = 50;
  }

  /**
   * A record another one names by kind code and source id ({@code declaration:D2026112700001}).
   *
   * @param found whether the reader has a record of that kind and id (its agency's, or one shared
   *     with it): one named before it is ingested, or mistyped, is shown as not in the database
   *     rather than as a link that answers 404
   */
  public record RelatedRecord(String kind, String sourceId, boolean found) {
    /** The reference as written, split at its first colon; empty when it names no record kind. */
    public static Optional<RelatedRecord> parse(String ref) {
      int colon = ref.indexOf(':');
      if (colon < 0 || colon == ref.length() - 1) {
        return Optional.empty();
      }
      String kind = ref.substring(0, colon).strip();
      String id = ref.substring(colon + 1).strip();
      return RecordKind.ofCode(kind).isPresent() && !id.isEmpty()
          ? Optional.of(new RelatedRecord(kind, id, false))
          : Optional.empty();
    }

    /** The same reference, {@code found} or not. */
    public RelatedRecord found(boolean found) {
      return new RelatedRecord(kind, sourceId, found);
    }

    /** The page that opens it for whoever reads: {@code /records/declaration/D1}. */
    public String href() {
      return "/records/"
          + kind
          + "/"
          + java.net.URLEncoder.encode(sourceId, java.nio.charset.StandardCharsets.UTF_8)
              .replace("+", "%20");
    }
  }

  /**
   * An entity that may be the same as another.
   *
   * @param similarity trigram similarity of their keys (or a vessel's names, or a name and the
   *     other's reading), also for a candidate found by a shared identifier (whose names may not be
   *     alike at all); 1 for the same name in another order
   * @param sharedType the type of an identifier both are declared with ({@code trader}, {@code
   *     phone}, {@code document}, {@code email}); empty when found by similarity
   * @param sharedValue that identifier as first written; empty when found by similarity
   */
  public record Candidate(
      long id,
      String type,
      String display,
      double similarity,
      String sharedType,
      String sharedValue) {}

  /**
   * A merge of one entity into another, as the entity's history shows it: who merged and why, and,
   * once undone, who undid it, when and why (so that the next investigator sees why a first merge
   * was undone before merging the two again).
   *
   * @param undoneBy who undid it; empty while in force
   * @param undoReason why it was undone; empty while in force (and for an undo whose reason was
   *     never recorded)
   */
  public record Merge(
      long id,
      long survivorId,
      long mergedId,
      String mergedDisplay,
      String reason,
      String actor,
      Instant at,
      Optional<Instant> undoneAt,
      Optional<String> undoneBy,
      Optional<String> undoReason) {}

  /**
   * An entity as its page and API show it.
   *
   * @param reading how a name written in Japanese reads in passport romaji (the key its romaji
   *     spellings are matched by), empty for any other name
   */
  public record EntityView(
      long id,
      String type,
      String key,
      String display,
      Optional<Long> mergedInto,
      List<Hit> records,
      long recordCount,
      List<Candidate> candidates,
      List<Merge> merges,
      List<String> spellings,
      Optional<String> reading) {}

  public record Node(String id, String label, String type, long dbId) {}

  public record Edge(String source, String target, String label) {}

  /**
   * The link graph around an entity.
   *
   * @param mergedInto the entity the graph's entity was merged into (its survivor), whose page and
   *     graph hold its records now; empty when it was not merged
   */
  public record Graph(
      List<Node> nodes, List<Edge> edges, boolean truncated, Optional<Long> mergedInto) {}

  public record KindCount(String kind, long count) {}

  public record OfficeCount(String office, long count) {}

  /**
   * A day's volumes as the reader may see them.
   *
   * @param entities how many entities the database holds, for readers of the administration running
   *     Sekisho only: it counts every agency's
   */
  public record Dashboard(
      LocalDate day,
      List<KindCount> kinds,
      List<OfficeCount> offices,
      List<Hit> seizures,
      long totalRecords,
      Optional<Long> entities) {}
}
