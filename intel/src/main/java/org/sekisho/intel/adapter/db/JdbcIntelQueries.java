package org.sekisho.intel.adapter.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.sekisho.core.Problem;
import org.sekisho.intel.application.IntelQueries;
import org.sekisho.intel.application.IntelViews;
import org.sekisho.intel.application.IntelViews.Candidate;
import org.sekisho.intel.application.IntelViews.Dashboard;
import org.sekisho.intel.application.IntelViews.DeclaredParty;
import org.sekisho.intel.application.IntelViews.Edge;
import org.sekisho.intel.application.IntelViews.EntityHit;
import org.sekisho.intel.application.IntelViews.EntityView;
import org.sekisho.intel.application.IntelViews.Graph;
import org.sekisho.intel.application.IntelViews.Hit;
import org.sekisho.intel.application.IntelViews.KindCount;
import org.sekisho.intel.application.IntelViews.LinkedEntity;
import org.sekisho.intel.application.IntelViews.Merge;
import org.sekisho.intel.application.IntelViews.Node;
import org.sekisho.intel.application.IntelViews.OfficeCount;
import org.sekisho.intel.application.IntelViews.Reader;
import org.sekisho.intel.application.IntelViews.RecordView;
import org.sekisho.intel.application.IntelViews.RelatedRecord;
import org.sekisho.intel.application.IntelViews.SearchOrder;
import org.sekisho.intel.application.IntelViews.SearchPage;
import org.sekisho.intel.application.IntelViews.SearchQuery;
import org.sekisho.intel.domain.Declaration;
import org.sekisho.intel.domain.EntityExtraction;
import org.sekisho.intel.domain.EntityRef;
import org.sekisho.intel.domain.IntelRecord;
import org.sekisho.intel.domain.NameReading;
import org.sekisho.intel.domain.Normalize;
import org.sekisho.intel.domain.OfficeNames;
import org.sekisho.intel.domain.QueryKeys;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.intel.domain.SearchTokens;
import org.sekisho.intel.domain.Seizure;

/**
 * Search, record and entity pages, link graph and dashboard over PostgreSQL. A search whose query
 * has {@link SearchQuery#problems()} is refused with an {@link IllegalArgumentException} naming the
 * parameter (callers check first; the web answers 400).
 */
public final class JdbcIntelQueries implements IntelQueries {
  private static final String SCOPE = "(r.agency = :agency or :agency = any(r.shared_with))";

  /**
   * {@link #SCOPE} as the (agency, office) index and the partial sharing index can answer it: the
   * same records.
   */
  private static final String SCOPE_INDEXED =
      "(r.agency = :agency or (cardinality(r.shared_with) > 0 and r.shared_with @>"
          + " array[cast(:agency as text)]))";

  private static final String HIT_COLS =
      "r.id, r.kind, r.source_id, r.event_time, r.office, r.title, r.countries";

  private final Jdbi jdbi;
  private final ZoneId zone;
  private final Clock clock;
  private final ObjectMapper json;
  private final String administration;

  /**
   * @param zone the zone days (dashboard, search dates) are counted in
   * @param clock today, for the dashboard's default day
   * @param json the mapper records were stored with (Java time support)
   */
  public JdbcIntelQueries(Jdbi jdbi, ZoneId zone, Clock clock, ObjectMapper json) {
    this(jdbi, zone, clock, json, DEFAULT_ADMINISTRATION);
  }

  /** The administration's agency when none is given. */
  public static final String DEFAULT_ADMINISTRATION = "customs-jp";

  /**
   * @param zone the zone days (dashboard, search dates) are counted in
   * @param clock today, for the dashboard's default day
   * @param json the mapper records were stored with (Java time support)
   * @param administration the agency running Sekisho, whose readers the dashboard tells how many
   *     entities the database holds (a count over every agency's records)
   */
  public JdbcIntelQueries(
      Jdbi jdbi, ZoneId zone, Clock clock, ObjectMapper json, String administration) {
    this.administration = administration;
    this.jdbi = jdbi;
    this.zone = zone;
    this.clock = clock;
    // The stored JSON also holds derived properties (a party's "empty"), which are not
    // constructor arguments.
    this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  @Override
  public SearchPage search(SearchQuery q, Reader reader) {
    List<Problem> problems = q.problems();
    if (!problems.isEmpty()) {
      Problem p = problems.get(0);
      throw new IllegalArgumentException(p.field() + ": " + p.message());
    }
    return jdbi.withHandle(
        h -> {
          // No parallel workers: starting them took ~90 ms here, more than a whole search, and the
          // planner chose them for a custom plan of the time walk (bench search: a three-bigram
          // Japanese word took 110 ms with two workers against 4 ms without).
          h.execute("set max_parallel_workers_per_gather = 0");
          // Plans for these values, never a generic plan: after five runs of one statement on a
          // pooled connection PostgreSQL may keep a plan made without them, and the one it kept
          // for the entity candidates walked every entity by id, computing similarity, instead of
          // the trigram indexes (bench search on a reopened million-record database: 300 ms a
          // query, p95 ~415 ms against 118 ms fresh).
          h.execute("set plan_cache_mode = force_custom_plan");
          try {
            // an office at which the reader may read no record is answered at once, with the
            // offices it may read: searched, it would walk every record of that office for none
            // (400 ms for a partner filtering on a big office at a million records)
            if (q.office().isPresent() && !officeReadable(h, q.office().get(), reader)) {
              List<EntityHit> entities =
                  q.text().isBlank()
                      ? List.of()
                      : entityHits(h, q.text(), QueryKeys.of(q.text()), reader);
              return new SearchPage(
                      List.of(), 0, false, q.page(), q.size(), entities, false, q.order().code())
                  .withOfficeMiss(Optional.of(officeMiss(h, q.office().get(), reader)));
            }
            return search(h, q, reader);
          } finally {
            h.execute("reset plan_cache_mode");
            h.execute("reset max_parallel_workers_per_gather");
          }
        });
  }

  /** At most this many distinct offices of the reader's records are read for an office miss. */
  private static final int OFFICES_READ = 500;

  /**
   * The offices of the records {@code reader} may read, each once: its own agency's, walked one
   * office at a time along the (agency, office) index (V23), a probe each, and those of the records
   * shared with it (few, through the sharing index), never a scan of the records.
   */
  private static List<String> readableOffices(Handle h, Reader reader) {
    return h.createQuery(
            "with recursive own(office) as ((select r.office from intel.record r where r.agency ="
                + " :agency order by r.office limit 1) union all select (select r.office from"
                + " intel.record r where r.agency = :agency and r.office > own.office order by"
                + " r.office limit 1) from own where own.office is not null)"
                + " select o.office from ((select own.office from own where own.office is not null"
                + " limit "
                + OFFICES_READ
                + ") union (select distinct r.office from intel.record r where"
                + " cardinality(r.shared_with) > 0 and r.shared_with @> array[cast(:agency as"
                + " text)] limit "
                + OFFICES_READ
                + ")) o where o.office <> '' order by o.office")
        .bind("agency", reader.agency())
        .mapTo(String.class)
        .list();
  }

  /**
   * Whether a record {@code reader} may read is at {@code office}: a probe of the (agency, office)
   * index, else of the records shared with it.
   */
  private static boolean officeReadable(Handle h, String office, Reader reader) {
    return h.createQuery(
            "select exists (select 1 from intel.record r where r.agency = :agency and r.office ="
                + " :office) or exists (select 1 from intel.record r where"
                + " cardinality(r.shared_with) > 0 and r.shared_with @> array[cast(:agency as text)]"
                + " and r.office = :office)")
        .bind("agency", reader.agency())
        .bind("office", office)
        .mapTo(Boolean.class)
        .one();
  }

  /**
   * Why a search filtered by {@code office}, at which no record the reader may read is, finds
   * nothing: the readable offices nearest to it (containing it or contained in it first, then by
   * trigram similarity, then by code), a place named in words ({@code 東京}) read as its UN/LOCODE.
   */
  private static IntelViews.OfficeMiss officeMiss(Handle h, String office, Reader reader) {
    List<String> offices = readableOffices(h, reader);
    List<String> nearest =
        h.createQuery(
                "select o from unnest(cast(:offices as text[])) o order by (strpos(upper(o), :t) >"
                    + " 0 or strpos(:t, upper(o)) > 0) desc, public.similarity(upper(o), :t) desc,"
                    + " o limit "
                    + IntelViews.OfficeMiss.MAX_NEAREST)
            .bindArray("offices", String.class, offices)
            // a place typed by name (東京, Tokyo Customs) is nearest to its UN/LOCODE's offices
            .bind("t", OfficeNames.locode(office).orElse(office.toUpperCase(Locale.ROOT)))
            .mapTo(String.class)
            .list();
    String message =
        nearest.isEmpty()
            ? "No record you can read is at office '" + office + "', nor at any other office."
            : "No record you can read is at office '"
                + office
                + "'. Offices of records you can read, nearest first: "
                + String.join(", ", nearest)
                + ".";
    return new IntelViews.OfficeMiss(office, nearest, message);
  }

  private SearchPage search(Handle h, SearchQuery q, Reader reader) {
    // Phone and container numbers are matched by their entity key as well as by their tokens as
    // written: 03-3094-7412, +81 3 3094 7412 and (03) 3094-7412 share no token, but every record
    // naming the number links to the one phone entity. Other queries keep their shape.
    QueryKeys.Split split = QueryKeys.of(q.text());
    List<String> tokens = SearchTokens.forQuery(split.rest());
    StringBuilder where = new StringBuilder(SCOPE);
    Map<String, Object> binds = new LinkedHashMap<>();
    binds.put("agency", reader.agency());
    if (!tokens.isEmpty()) {
      // a name finds the records of the parties it names by reading in another script (Yamada
      // Hanako, 山田花子, ヤマダハナコ) and of the parties merged with them, which share no token
      List<Long> named = readingRecords(h, split.rest(), reader);
      List<Long> placed = addressRecords(h, split.rest());
      if (!placed.isEmpty()) {
        named = java.util.stream.Stream.concat(named.stream(), placed.stream()).distinct().toList();
      }
      if (named.isEmpty()) {
        where.append(" and r.doc @@ cast(:tsq as tsquery)");
      } else {
        where.append(" and (r.doc @@ cast(:tsq as tsquery) or r.id = any(:byReading))");
        binds.put("byReading", named.toArray(Long[]::new));
      }
      binds.put("tsq", tsquery(tokens));
    }
    for (int i = 0; i < split.keys().size(); i++) {
      QueryKeys.KeyTerm k = split.keys().get(i);
      where
          .append(" and r.id in (select re.record_id from intel.record_entity re join intel.entity")
          .append(" ke on ke.id = re.entity_id where ke.type = :kt")
          .append(i)
          .append(" and ke.key = :kk")
          .append(i)
          .append(" union select x.id from intel.record x where x.doc @@ cast(:kq")
          .append(i)
          .append(" as tsquery))");
      binds.put("kt" + i, k.type());
      binds.put("kk" + i, k.key());
      String written = tsquery(SearchTokens.forQuery(k.written()));
      binds.put(
          "kq" + i,
          k.joined().isEmpty() ? written : tsquery(List.of(k.joined())) + " | (" + written + ")");
    }
    q.kind()
        .ifPresent(
            k -> {
              where.append(" and r.kind = :kind");
              binds.put("kind", k);
            });
    q.from()
        .ifPresent(
            d -> {
              where.append(" and r.event_time >= :from");
              binds.put("from", Timestamp.from(d.atStartOfDay(zone).toInstant()));
            });
    q.to()
        .ifPresent(
            d -> {
              where.append(" and r.event_time < :to");
              binds.put("to", Timestamp.from(d.plusDays(1).atStartOfDay(zone).toInstant()));
            });
    q.office()
        .ifPresent(
            o -> {
              where.append(" and r.office = :office");
              binds.put("office", o);
            });
    q.country()
        .ifPresent(
            c -> {
              where.append(" and r.countries @> array[cast(:country as text)]");
              binds.put("country", c);
            });
    q.hsChapter()
        .ifPresent(
            hs -> {
              where.append(" and r.hs_chapters @> array[cast(:hs as text)]");
              binds.put("hs", hs.substring(0, 2));
              if (hs.length() > 2) {
                // A heading or subheading: the chapter's index narrows, the codes' search tokens
                // (a prefix of each item's code) narrow further, and the goods' codes as stored
                // decide (a token such as a phone number may start with the same digits).
                where.append(
                    " and r.doc @@ cast(:hsq as tsquery) and (cast(r.data as jsonb) ->> 'hsCode'"
                        + " like :hsp or exists (select 1 from jsonb_array_elements(case when"
                        + " jsonb_typeof(cast(r.data as jsonb) -> 'items') = 'array' then"
                        + " cast(r.data as jsonb) -> 'items' else '[]' end) i where i ->> 'hsCode'"
                        + " like :hsp))");
                binds.put("hsq", "'" + hs + "':*");
                binds.put("hsp", hs + "%");
              }
            });
    boolean text = !tokens.isEmpty() || !split.keys().isEmpty();
    return search(h, q, reader, split, where.toString(), binds, text);
  }

  private SearchPage search(
      Handle h,
      SearchQuery q,
      Reader reader,
      QueryKeys.Split split,
      String where,
      Map<String, Object> binds,
      boolean text) {
    // Relevance: the exact matches first, found from their own indexes (a source id, a party's
    // whole key) and checked against the query, at most EXACT_CAP, newest first; the other matches
    // follow in the order they always had, the exact ones left out of it. The page is cut from the
    // two in turn, so only the page's share of each is read.
    List<Hit> exact =
        text && q.order() == SearchOrder.RELEVANCE
            ? exactHits(h, q.text(), split, where, binds)
            : List.of();
    long skip = (long) q.page() * q.size();
    int wanted = q.size() + 1;
    int head = (int) Math.max(0, Math.min(exact.size() - skip, wanted));
    List<Hit> first = head == 0 ? List.of() : exact.subList((int) skip, (int) skip + head);
    long offset = Math.max(0, skip - exact.size());
    // one row at least, so that the collecting statement still counts the matches
    int limit = Math.max(1, wanted - head);
    // what matches the query, counted; what the page reads after the exact matches
    String matching = where;
    String rest = matching;
    if (!exact.isEmpty()) {
      rest = matching + " and r.id <> all(:exactIds)";
      binds = new LinkedHashMap<>(binds);
      binds.put("exactIds", exact.stream().map(Hit::id).toArray(Long[]::new));
    }
    // A text query first collects its matches through the indexes, up to the cap, and pages
    // them in the same statement: PostgreSQL cannot estimate how rare a lexeme is, and left
    // alone walks the time index for a rare name (seconds at a million records).
    long total = -1;
    List<Hit> hits = List.of();
    if (text) {
      List<Map.Entry<Long, Hit>> rows =
          bindAll(
                  h.createQuery(
                      "with m as materialized (select r.id, r.event_time from intel.record r"
                          + " where "
                          + matching
                          + " limit "
                          + (SearchPage.TOTAL_CAP + 1)
                          + ") select (select count(*) from m), "
                          + HIT_COLS
                          + " from m join intel.record r on r.id = m.id"
                          + (exact.isEmpty() ? "" : " where m.id <> all(:exactIds)")
                          + " order by m.event_time desc, m.id desc limit :limit offset"
                          + " :offset"),
                  binds)
              .bind("limit", limit)
              .bind("offset", offset)
              .map((rs, ctx) -> Map.entry(rs.getLong(1), hitAt(rs, 2)))
              .list();
      if (!rows.isEmpty()) {
        total = rows.get(0).getKey();
        hits = rows.stream().map(Map.Entry::getValue).toList();
      }
    }
    // Filters alone are counted further, so that a day's or an office's volume reads as the
    // dashboard's: at a million records, counting up to 10,000 took 2 ms for a day, 12 to 27 ms
    // for a kind, an office or a country, where 100,000 took 90 to 400 ms (EXPLAIN ANALYZE).
    long cap = text ? SearchPage.TOTAL_CAP : SearchPage.FILTER_TOTAL_CAP;
    if (total < 0) {
      // the scope in a form the indexes answer (the agency's index, the sharing index), so that
      // a partner's few records among a million are not found by a walk of every record
      total = count(h, text ? matching : matching.replace(SCOPE, SCOPE_INDEXED), binds, cap);
    }
    if (!text || total > SearchPage.TOTAL_CAP) {
      // Common terms and plain filters: newest first along the time index, checking each
      // record, finds a page after a few hundred records. PostgreSQL estimates a many-token
      // query (Japanese bigrams) as matching one row and would collect every match through
      // the text index instead (half a second for a name in a tenth of a million records);
      // the count has just shown the term is common.
      if (text) {
        h.execute("set enable_bitmapscan = off");
        h.execute("set enable_seqscan = off");
      }
      try {
        hits =
            bindAll(
                    h.createQuery(
                        "select "
                            + HIT_COLS
                            + " from intel.record r where "
                            + rest
                            + " order by r.event_time desc, r.id desc limit :limit offset"
                            + " :offset"),
                    binds)
                .bind("limit", limit)
                .bind("offset", offset)
                .map((rs, ctx) -> hit(rs))
                .list();
      } finally {
        if (text) {
          h.execute("reset enable_bitmapscan");
          h.execute("reset enable_seqscan");
        }
      }
    }
    if (!first.isEmpty()) {
      List<Hit> both = new ArrayList<>(first);
      both.addAll(hits);
      hits = both.subList(0, Math.min(both.size(), wanted));
    }
    List<EntityHit> entities =
        q.text().isBlank() ? List.of() : entityHits(h, q.text(), split, reader);
    // one hit more than the page was read: whether a next page has any, past the count's cap
    boolean more = hits.size() > q.size();
    return new SearchPage(
        more ? hits.subList(0, q.size()) : hits,
        Math.min(total, cap),
        total > cap,
        q.page(),
        q.size(),
        entities,
        more,
        q.order().code());
  }

  // a vessel's IMO number as a query may write it: 9074729, IMO 9074729
  private static final java.util.regex.Pattern IMO =
      java.util.regex.Pattern.compile("(?:IMO)?\\s*(\\d{7})");

  /**
   * A LIKE pattern of the keys that are {@code key} and a qualifier: {@code KEY|…}. The bar keeps a
   * name from matching the longer names it starts (ORCHID is not ORCHID FOODS|TW); {@code %},
   * {@code _} and the backslash in the key are escaped, so they match only themselves.
   */
  static String qualified(String key) {
    return likeLiteral(key) + "|%";
  }

  /**
   * {@code text} in a LIKE pattern matching only itself: {@code %}, {@code _} and the backslash
   * escaped.
   */
  private static String likeLiteral(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /**
   * The records the text as a whole matches exactly, of those {@code where} finds, newest first, at
   * most {@link SearchPage#EXACT_CAP}: those whose source id the text is (a declaration id, B/L or
   * air waybill, item id, movement or seizure id, as written, in upper case or without spaces), and
   * those naming a party or number whose whole key the text is: a company's or person's name (with
   * any country or date of birth the key carries), a trader, document or B/L number, a container,
   * an IMO number, a flight, a phone number. Each comes from its own index (the records' kind and
   * source id, the entities' type and key, the company keys' prefix index (a company's name with
   * any country), the entities' key trigrams for a person's name with a date of birth, each party's
   * links, at most {@link SearchPage#EXACT_LINKS} a branch), never from the text index, so a common
   * word costs no more than a rare one.
   */
  private List<Hit> exactHits(
      Handle h, String text, QueryKeys.Split split, String where, Map<String, Object> binds) {
    String company = Normalize.companyKey(text);
    String person = Normalize.personKey(text);
    // a company's key carries its country where the record gives one (ORCHID FOODS|TW): the name
    // alone, and the name with any qualifier as one range of the company key index (V18)
    boolean named = !company.isBlank();
    // the other types' keys: any entity whose whole key is one of the text's normal forms
    Set<String> types = new java.util.LinkedHashSet<>(ID_TYPES);
    Set<String> keys = new java.util.LinkedHashSet<>();
    java.util.function.Consumer<String> key =
        k -> {
          if (k != null && !k.isBlank()) {
            keys.add(k);
          }
        };
    key.accept(person);
    key.accept(Normalize.idKey(text));
    key.accept(text.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT));
    var imo = IMO.matcher(text.strip().toUpperCase(Locale.ROOT));
    if (imo.matches()) {
      key.accept("IMO" + imo.group(1));
    }
    key.accept(EntityExtraction.flightKey(text));
    // a number is the whole text only when nothing else is written beside it: in "KITSUNE
    // 03-1234-5678" the phone matches exactly but the name may match any declarant in part, and a
    // record found so is no exact match of the text
    if (split.rest().codePoints().noneMatch(Character::isLetterOrDigit)) {
      split
          .keys()
          .forEach(
              k -> {
                types.add(k.type());
                key.accept(k.key());
              });
    }
    Set<String> ids = new java.util.LinkedHashSet<>();
    ids.add(text.strip());
    ids.add(text.strip().toUpperCase(Locale.ROOT));
    ids.add(text.replace(" ", "").toUpperCase(Locale.ROOT));
    String links = " limit " + SearchPage.EXACT_LINKS + ")";
    // a party named in more records than a branch reads is left to the usual order: its records
    // are most of the matches anyway, and a few of them put first would be arbitrary ones
    String notHub =
        " and (select count(*) from (select 1 from intel.record_entity l where l.entity_id = e.id"
            + " limit "
            + (SearchPage.EXACT_LINKS + 1)
            + ") z) <= "
            + SearchPage.EXACT_LINKS;
    String linked =
        " union (select re.record_id from intel.entity e join intel.record_entity re on"
            + " re.entity_id = e.id where ";
    StringBuilder sql =
        new StringBuilder(
            "with x as materialized ((select r0.id from intel.record r0 where r0.kind ="
                + " any(cast(:xkinds as text[])) and r0.source_id = any(cast(:xids as text[])))");
    sql.append(linked)
        .append("e.type = any(cast(:xt as text[])) and e.key = any(cast(:xk as text[]))")
        .append(notHub)
        .append(links);
    if (named) {
      sql.append(linked)
          .append("e.type = 'company' and (e.key = :xc or e.key like :xcq)")
          .append(notHub)
          .append(links);
    }
    // a person's name in full (two parts at least) with a date of birth: TARO YAMADA|1980-04-01,
    // through the key trigrams
    boolean qualifiedPerson = person.indexOf(' ') > 0;
    if (qualifiedPerson) {
      sql.append(linked)
          .append("e.type = 'person' and e.key like :xp")
          .append(notHub)
          .append(links);
    }
    // each found record checked against the whole query by its own row (offset 0 keeps the planner
    // from joining the query's text index in instead)
    sql.append(") select y.* from x cross join lateral (select ")
        .append(HIT_COLS)
        .append(" from intel.record r where r.id = x.id and ")
        .append(where)
        .append(" offset 0) y order by y.event_time desc, y.id desc limit ")
        .append(SearchPage.EXACT_CAP);
    // the keys' own indexes, not a scan of every entity: the planner cannot tell how few keys
    // start with a name and its qualifier
    h.execute("set enable_seqscan = off");
    try {
      Query query =
          bindAll(h.createQuery(sql.toString()), binds)
              .bindArray("xt", String.class, List.copyOf(types))
              .bindArray("xk", String.class, List.copyOf(keys))
              .bindArray(
                  "xkinds",
                  String.class,
                  java.util.Arrays.stream(RecordKind.values()).map(RecordKind::code).toList())
              .bindArray("xids", String.class, List.copyOf(ids));
      if (named) {
        query.bind("xc", company).bind("xcq", qualified(company));
      }
      if (qualifiedPerson) {
        query.bind("xp", qualified(person));
      }
      return query
          .map(
              (rs, ctx) -> {
                Hit x = hit(rs);
                return new Hit(
                    x.id(),
                    x.kind(),
                    x.sourceId(),
                    x.eventTime(),
                    x.office(),
                    x.title(),
                    x.countries(),
                    true);
              })
          .list();
    } finally {
      h.execute("reset enable_seqscan");
    }
  }

  /** A Japanese address's block numbers, as the address key writes them: 1-11-4, 3-2. */
  private static final java.util.regex.Pattern BLOCK_NUMBERS =
      java.util.regex.Pattern.compile("\\d+-\\d+");

  /** At most this many addresses a query names have their records found. */
  private static final int ADDRESS_PLACES = 20;

  /**
   * The records linked to the addresses a Japanese address in the query names: the whole address
   * (兵庫県神戸市中央区港島1丁目11番4号 is the key 兵庫県神戸市中央区港島1-11-4, however a record wrote it) or its end
   * (港島1-11-4, without prefecture and city), through the key trigram index, at most {@value
   * #ADDRESS_PLACES} addresses and {@link SearchPage#EXACT_LINKS} links. Written 1丁目11番4号 in one
   * record and 1-11-4 in another, one address shares no search token between the two; its entity
   * holds both. Only a query with kana or kanji and block numbers is looked up, so words, ids and
   * names cost nothing more. Merge groups are not followed: addresses are not merged as parties
   * are.
   */
  private static List<Long> addressRecords(Handle h, String text) {
    if (text.isBlank() || text.codePoints().noneMatch(c -> c >= 0x3040 && c <= 0x9FFF)) {
      return List.of();
    }
    String key = Normalize.addressKey(text);
    if (key.length() < 4 || !BLOCK_NUMBERS.matcher(key).find()) {
      return List.of();
    }
    String end = "%" + likeLiteral(key);
    h.execute("set enable_seqscan = off");
    try {
      return h.createQuery(
              "with a as materialized (select e.id from intel.entity e where e.type = 'address'"
                  + " and (e.key = :key or e.key like :end or e.key like :endWord) limit "
                  + (ADDRESS_PLACES + 1)
                  + ") select re.record_id from a join intel.record_entity re on re.entity_id ="
                  + " a.id where (select count(*) from a) <= "
                  + ADDRESS_PLACES
                  + " limit "
                  + SearchPage.EXACT_LINKS)
          .bind("key", key)
          .bind("end", end)
          .bind("endWord", end + " %")
          .mapTo(Long.class)
          .list();
    } finally {
      h.execute("reset enable_seqscan");
    }
  }

  /** At most this many parties a name matches by key or reading have their records found. */
  private static final int READING_PARTIES = 20;

  /**
   * The records linked to the persons and companies whose whole key or reading is the name's
   * (Yamada Hanako: the key HANAKO YAMADA and the reading of 山田花子 and ヤマダハナコ; 山田花子: its own key and
   * the key of its reading), with any date of birth or country the key carries, and to the entities
   * merged with them (one level deep, see the merge store), each through an equality or one range
   * of its own index, and at most {@link SearchPage#EXACT_LINKS} links in all. A name that more
   * than {@link #READING_PARTIES} parties bear by key or reading is left to the text index: so
   * common a name narrows nothing, and any {@value #READING_PARTIES} of them would be an arbitrary
   * sample (bench search, when readings dropped digits: for 株式会社サクラ物産, whose reading 500 numbered
   * companies shared, this read 4,000 links and added 1,000 records to the text query). A party's
   * merge group is followed only where the reader sees a record naming the party matched, so a
   * partner does not learn from a search which names customs judged the same party. A party named
   * in more records than {@link SearchPage#EXACT_LINKS} is left to the text index: its spelling's
   * records are found anyway, and a few thousand arbitrary ones of another script would be no fair
   * sample.
   */
  private static List<Long> readingRecords(Handle h, String name, Reader reader) {
    if (name.isBlank()) {
      return List.of();
    }
    NameReading readings = EntityReadings.shared();
    Map<String, Set<String>> names = new LinkedHashMap<>();
    names.put("person", new java.util.LinkedHashSet<>());
    names.put("company", new java.util.LinkedHashSet<>());
    java.util.function.BiConsumer<String, String> add =
        (type, k) -> {
          if (k != null && !k.isBlank()) {
            names.get(type).add(k);
          }
        };
    add.accept("person", Normalize.personKey(name));
    add.accept("person", readings.of("person", name));
    // a name in kana without a space (ヤマダハナコ) is one word to the dictionary: each split of it
    // into a family and a given name of two kana at least is read as the name it may be
    String kana = name.strip();
    if (kana.length() >= 4
        && kana.length() <= 16
        && kana.chars().allMatch(c -> c >= 0x3041 && c <= 0x30FC)) {
      for (int i = 2; i <= kana.length() - 2; i++) {
        add.accept("person", readings.of("person", kana.substring(0, i) + " " + kana.substring(i)));
      }
    }
    add.accept("company", Normalize.companyKey(name));
    add.accept("company", companyReading(readings, name));
    List<String> conds = new ArrayList<>();
    Map<String, Object> binds = new LinkedHashMap<>();
    names.forEach(
        (type, ks) -> {
          int i = 0;
          for (String k : ks) {
            String n = type.charAt(0) + String.valueOf(i++);
            // one arm per index range, so that each is an index scan of its own: the whole key
            // (the type and key index), the key with a qualifier and the reading with or without
            // one (the prefix indexes of V18 and V19). A company's are compared without spaces
            // (V25): its words are split one way by the dictionary, another by a romaji spelling,
            // and not at all in kana.
            boolean company = type.equals("company");
            String key = company ? "replace(e.key, ' ', '')" : "e.key";
            String reading = company ? "replace(e.reading, ' ', '')" : "e.reading";
            for (String arm :
                List.of(
                    key + " = :" + n,
                    key + " like :" + n + "q",
                    reading + " = :" + n,
                    reading + " like :" + n + "q")) {
              conds.add("(e.type = '" + type + "' and " + arm + ")");
            }
            String bound = company ? k.replace(" ", "") : k;
            binds.put(n, bound);
            binds.put(n + "q", qualified(bound));
          }
        });
    if (conds.isEmpty()) {
      return List.of();
    }
    String groupLinks =
        "select 1 from intel.record_entity l where l.entity_id = any(g.grp) limit "
            + (SearchPage.EXACT_LINKS + 1);
    h.execute("set enable_seqscan = off");
    try {
      return bindAll(
              h.createQuery(
                  "with c as materialized (select e.id, e.merged_into from intel.entity e where"
                      + " "
                      + String.join(" or ", conds)
                      + " limit "
                      + (READING_PARTIES + 1)
                      + "), m as materialized (select distinct coalesce(c.merged_into, c.id) as s"
                      + " from c where (select count(*) from c) <= "
                      + READING_PARTIES
                      + " and exists (select 1 from intel.record_entity re join intel.record r on"
                      + " r.id = re.record_id where re.entity_id = c.id and "
                      + SCOPE
                      + ")), g as materialized (select m.s || array(select x.id from intel.entity x"
                      + " where x.merged_into = m.s) as grp from m)"
                      + " select distinct re.record_id from g join intel.record_entity re on"
                      + " re.entity_id = any(g.grp) where (select count(*) from ("
                      + groupLinks
                      + ") z) <= "
                      + SearchPage.EXACT_LINKS
                      + " limit "
                      + SearchPage.EXACT_LINKS),
              binds)
          .bind("agency", reader.agency())
          .mapTo(Long.class)
          .list();
    } finally {
      h.execute("reset enable_seqscan");
    }
  }

  /**
   * The reading of a company name as typed in the search box. Typed without its legal form, a name
   * in kanji alone (森商事) is too short for the dictionary to tell Japanese from Chinese, and it
   * gives none, though the company was stored as （株）森商事 with the reading MORI SHOJI: the query is
   * then read as the company it names with the legal form, which the key drops. A Chinese name read
   * so finds only parties whose key or reading is that romaji exactly.
   */
  static String companyReading(NameReading readings, String name) {
    String reading = readings.of("company", name);
    if (reading == null
        && !name.isBlank()
        && name.strip().codePoints().allMatch(c -> Character.UnicodeScript.of(c) == HAN)) {
      reading = readings.of("company", "株式会社" + name.strip());
    }
    return reading;
  }

  private static final Character.UnicodeScript HAN = Character.UnicodeScript.HAN;

  /**
   * The entity types whose whole key a text may be besides a company's: a person's name, trader,
   * document and B/L numbers, containers, vessels (IMO), flights.
   */
  private static final List<String> ID_TYPES =
      List.of(
          "person", "trader", "document", "transport-document", "container", "vessel", "flight");

  /** The entity types {@code EntityExtraction} makes: exact keys are looked up in each. */
  private static final List<String> ENTITY_TYPES =
      List.of(
          "person",
          "company",
          "trader",
          "address",
          "phone",
          "email",
          "document",
          "vessel",
          "flight",
          "container");

  /** The records {@code where} finds, counted up to {@code cap} + 1. */
  private static long count(Handle h, String where, Map<String, Object> binds, long cap) {
    return bindAll(
            h.createQuery(
                "select count(*) from (select 1 from intel.record r where "
                    + where
                    + " limit "
                    + (cap + 1)
                    + ") t"),
            binds)
        .mapTo(Long.class)
        .one();
  }

  /**
   * Entities whose key or spelling is similar to the text (trigram), with their visible record
   * counts.
   */
  private List<EntityHit> entityHits(Handle h, String text, QueryKeys.Split split, Reader reader) {
    String company = Normalize.companyKey(text);
    String person = Normalize.personKey(text);
    String folded = Normalize.fold(text);
    // Whole-string similarity catches misspellings; word similarity catches a short query that is
    // part of a longer name (サクラ in 株式会社サクラ物産). pg_trgm folds case itself, so every
    // condition can use the trigram indexes. A common word (SUPPLIER, TRADING) or the shared prefix
    // of many trader ids makes thousands of entities similar: only the first few hundred from the
    // indexes are ranked, plus the exact keys, which are always kept; the planner would otherwise
    // rank every entity in a sequential scan (a second per query at a million records). Visible
    // records are counted, up to a cap, for the dozen best candidates only.
    h.execute("set enable_seqscan = off");
    try {
      List<String> exact = new ArrayList<>(List.of(company, person));
      split.keys().forEach(k -> exact.add(k.key()));
      // 山田太郎 finds the party spelt YAMADA TARO by its reading (romaji queries find parties
      // written in Japanese through the readings stored with them)
      // and 森商事 the company stored as MORI SHOJI KK by its reading as a company
      String reading = EntityReadings.shared().of("person", text);
      if (reading == null) {
        reading = companyReading(EntityReadings.shared(), text);
      }
      return entityCandidates(h, company, person, folded, reading, exact, reader);
    } finally {
      h.execute("reset enable_seqscan");
    }
  }

  /**
   * Keeps a candidate's link {@code re} only when it is the record's first link, by (entity, role),
   * to the candidate or an entity merged into it ({@code c.grp}): a record naming the party twice
   * (suspect and company at one address) or naming both a survivor and an entity merged into it
   * counts once. The check reads the record's few links by the record index, so the counts still
   * stop at their cap instead of reading every link of a party named in 100,000 records, as a
   * {@code count(distinct)} would.
   */
  private static final String FIRST_LINK =
      " and not exists (select 1 from intel.record_entity d where d.record_id = re.record_id and"
          + " d.entity_id = any(c.grp) and (d.entity_id, d.role) < (re.entity_id, re.role))";

  private static List<EntityHit> entityCandidates(
      Handle h,
      String company,
      String person,
      String folded,
      String reading,
      List<String> exact,
      Reader reader) {
    // A merged entity's name finds its survivor, whose count takes the records of the entities
    // merged into it, when the reader sees a record that names the merged entity. Merged entities
    // are matched in a branch of their own (few, through their
    // own index) and their records counted in a count of their own: folded into one walk of each
    // candidate's merge group, the planner chose plans that put bench search's p95 at 250 ms
    // against 97 ms at a million records.
    // A query naming no phone or container keeps the statement it always had: the planner's
    // choices for it were measured (bench search), an array of keys' were not.
    String exactKeys = exact.size() > 2 ? " = any(:exact)" : " in (:c, :p)";
    // The similar parties are found in a statement of their own, through the trigram indexes
    // only: inside the ranking statement the planner walked the entities by id, computing five
    // similarities for each, until it had 300 (bench search on a reopened million-record database:
    // 50 to 100 ms for a company name or trader id, against 2 to 10 ms through the indexes).
    List<Long> similar;
    h.execute("set enable_indexscan = off");
    try {
      Query q =
          h.createQuery(
                  "select e.id from intel.entity e where e.merged_into is null and (e.key"
                      + " operator(public.%) :c or e.key operator(public.%) :p or e.display"
                      + " operator(public.%) :f or :c operator(public.<%) e.key or :f"
                      + " operator(public.<%) e.display"
                      + (reading == null ? "" : " or e.key operator(public.%) :r")
                      + ") limit 300")
              .bind("c", company)
              .bind("p", person)
              .bind("f", folded);
      if (reading != null) {
        q.bind("r", reading);
      }
      similar = q.mapTo(Long.class).list();
    } finally {
      h.execute("reset enable_indexscan");
    }
    Query query =
        h.createQuery(
            "with pool as ((select e.id, e.type, e.display, e.key, e.display as said from"
                + " intel.entity e where e.id = any(:similar)) union (select e.id, e.type,"
                + " e.display, e.key, e.display from"
                + " intel.entity e where e.merged_into is null and e.type = any(:types) and e.key"
                + exactKeys
                + ") union (select e.id, e.type, e.display, e.reading, e.display from"
                // a party written in Japanese whose romaji reading is like the query
                + " intel.entity e where e.merged_into is null and (e.reading operator(public.%)"
                + " :c or e.reading operator(public.%) :p"
                // and one whose reading is like the query's: タナカ ヨウコ or たなか ようこ finds 田中陽子
                // (read TANAKA YOKO), タナカブッサン finds ㈱田中物産 (TANAKA BUSSAN)
                + (reading == null ? "" : " or e.reading operator(public.%) :r")
                + ") limit 50"
                + ") union (select s.id, s.type, s.display, e.key, e.display from"
                + " intel.entity e join intel.entity s on s.id = e.merged_into and s.merged_into"
                + " is null where e.merged_into is not null and (e.key operator(public.%) :c or"
                + " e.key operator(public.%) :p or e.display operator(public.%) :f or :c"
                + " operator(public.<%) e.key or :f operator(public.<%) e.display)"
                // the merged name counts only where the reader sees a record naming it: otherwise
                // a partner would learn from a search which names customs judged the same party
                + " and exists (select 1 from intel.record_entity re join intel.record r on r.id"
                + " = re.record_id where re.entity_id = e.id and "
                + SCOPE
                + ") limit 50)),"
                + " cand as (select id, type, display, max(greatest(public.similarity(key, :c),"
                + " public.similarity(key, :p), public.similarity(said, :f),"
                + (reading == null ? "" : " public.similarity(key, :r),")
                + " public.word_similarity(:c, key), public.word_similarity(:f, said),"
                + " case when key"
                + exactKeys
                + " then 1.0 else 0 end)) as sim"
                + " from pool group by id, type, display order by sim desc, id limit 12)"
                + " select c.id, c.type, c.display, c.sim, (select count(*) from (select 1 from"
                + " intel.record_entity re join intel.record r on r.id = re.record_id where"
                + " re.entity_id = c.id and "
                + SCOPE
                + FIRST_LINK
                + " limit "
                + (EntityHit.COUNT_CAP + 1)
                + ") x) + (select count(*) from (select 1 from intel.entity m join"
                + " intel.record_entity re on re.entity_id = m.id join intel.record r on r.id ="
                + " re.record_id where m.merged_into = c.id and "
                + SCOPE
                + FIRST_LINK
                + " limit "
                + (EntityHit.COUNT_CAP + 1)
                + ") y) as n from (select cand.*, cand.id || array(select m.id from intel.entity"
                + " m where m.merged_into = cand.id) as grp from cand) c"
                + " order by c.sim desc, n desc limit 10");
    if (exact.size() > 2) {
      query.bindArray("exact", String.class, exact);
    }
    if (reading != null) {
      query.bind("r", reading);
    }
    return query
        .bindArray("similar", Long.class, similar)
        .bindArray("types", String.class, ENTITY_TYPES)
        .bind("c", company)
        .bind("p", person)
        .bind("f", folded)
        .bind("agency", reader.agency())
        .map(
            (rs, ctx) ->
                new EntityHit(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getDouble(4),
                    rs.getLong(5)))
        .list()
        .stream()
        .filter(e -> e.records() > 0)
        .toList();
  }

  /**
   * All tokens must match; the last may be a prefix, so a half-typed number still finds its record;
   * so is a lone kana or kanji, which no stored pair equals.
   */
  static String tsquery(List<String> tokens) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < tokens.size(); i++) {
      if (i > 0) {
        sb.append(" & ");
      }
      sb.append('\'').append(tokens.get(i).replace("\\", "\\\\").replace("'", "''")).append('\'');
      if ((i == tokens.size() - 1 && tokens.get(i).length() >= 3)
          || SearchTokens.isSingleCjk(tokens.get(i))) {
        sb.append(":*");
      }
    }
    return sb.toString();
  }

  private static Query bindAll(Query q, Map<String, Object> binds) {
    binds.forEach(q::bind);
    return q;
  }

  private static Hit hit(ResultSet rs) throws SQLException {
    return hitAt(rs, 1);
  }

  /** A hit from {@link #HIT_COLS} starting at column {@code first}. */
  private static Hit hitAt(ResultSet rs, int first) throws SQLException {
    return new Hit(
        rs.getLong(first),
        rs.getString(first + 1),
        rs.getString(first + 2),
        rs.getTimestamp(first + 3).toInstant(),
        rs.getString(first + 4),
        rs.getString(first + 5),
        strings(rs.getArray(first + 6)));
  }

  private static List<String> strings(Array a) throws SQLException {
    if (a == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Object o : (Object[]) a.getArray()) {
      out.add((String) o);
    }
    return out;
  }

  @Override
  public Visibility recordVisibility(long id, Reader reader) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select " + SCOPE + " from intel.record r where r.id = :id")
                .bind("id", id)
                .bind("agency", reader.agency())
                .mapTo(Boolean.class)
                .findOne()
                .map(v -> v ? Visibility.VISIBLE : Visibility.FORBIDDEN)
                .orElse(Visibility.ABSENT));
  }

  @Override
  public Optional<Long> recordId(String kind, String sourceId, Reader reader) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select r.id from intel.record r where r.kind = :kind and r.source_id ="
                        + " :sourceId and "
                        + SCOPE
                        + " order by r.agency = :agency desc, r.id desc limit 1")
                .bind("kind", kind)
                .bind("sourceId", sourceId)
                .bind("agency", reader.agency())
                .mapTo(Long.class)
                .findOne());
  }

  @Override
  public List<Long> hiddenRecordIds(String kind, String sourceId, Reader reader) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select r.id from intel.record r where r.kind = :kind and r.source_id ="
                        + " :sourceId and not "
                        + SCOPE
                        + " order by r.id desc limit 10")
                .bind("kind", kind)
                .bind("sourceId", sourceId)
                .bind("agency", reader.agency())
                .mapTo(Long.class)
                .list());
  }

  @Override
  public Optional<RecordView> record(long id, Reader reader) {
    return jdbi.withHandle(
        h -> {
          Optional<RecordView> base =
              h.createQuery(
                      "select r.id, r.kind, r.source_id, r.event_time, r.recorded_at, r.office,"
                          + " r.agency, r.shared_with, r.title, r.data::text from intel.record r"
                          + " where r.id = :id and "
                          + SCOPE)
                  .bind("id", id)
                  .bind("agency", reader.agency())
                  .map(
                      (rs, ctx) ->
                          new RecordView(
                              rs.getLong(1),
                              rs.getString(2),
                              rs.getString(3),
                              rs.getTimestamp(4).toInstant(),
                              rs.getTimestamp(5).toInstant(),
                              rs.getString(6),
                              rs.getString(7),
                              strings(rs.getArray(8)),
                              rs.getString(9),
                              rs.getString(10),
                              List.of(),
                              List.of(),
                              List.of(),
                              List.of(),
                              Optional.empty(),
                              List.of()))
                  .findOne();
          if (base.isEmpty()) {
            return base;
          }
          RecordView r = base.get();
          Optional<IntelRecord> rec = readBack(r.kind(), r.dataJson());
          // How the record itself writes each entity, by (type, key, role) of the link.
          Map<String, String> declared = new java.util.HashMap<>();
          rec.ifPresent(
              x ->
                  EntityExtraction.of(x)
                      .forEach(
                          e -> declared.put(linkKey(e.type(), e.key(), e.role()), e.display())));
          // Links point at the surviving entity when one was merged into another.
          Map<String, Long> linked = new java.util.HashMap<>();
          List<LinkedEntity> ents =
              h.createQuery(
                      "select coalesce(s.id, e.id), coalesce(s.type, e.type), coalesce(s.display,"
                          + " e.display), re.role, e.type, e.key from intel.record_entity re join"
                          + " intel.entity e on e.id = re.entity_id left join intel.entity s on"
                          + " s.id = e.merged_into where re.record_id = :id order by 2, 4")
                  .bind("id", id)
                  .map(
                      (rs, ctx) -> {
                        String key = linkKey(rs.getString(5), rs.getString(6), rs.getString(4));
                        linked.put(key, rs.getLong(1));
                        // The entity's name is its first spelling, which may come from a record
                        // the reader cannot read: outside the administration, the name is the
                        // one this record writes (else the key this record was linked by).
                        String shownName =
                            reader.agency().equals(administration)
                                ? rs.getString(3)
                                : declared.getOrDefault(key, rs.getString(6));
                        return new LinkedEntity(
                            rs.getLong(1),
                            rs.getString(2),
                            shownName,
                            rs.getString(4),
                            declared.getOrDefault(key, shownName));
                      })
                  .list();
          List<DeclaredParty> parties = new ArrayList<>();
          rec.ifPresent(
              x -> {
                for (EntityExtraction.NamedParty np : EntityExtraction.parties(x)) {
                  Optional<Long> nameEntity = Optional.empty();
                  Optional<Long> trader = Optional.empty();
                  for (EntityRef e :
                      EntityExtraction.of(np, EntityExtraction.officeCountry(x.office()))) {
                    Long at = linked.get(linkKey(e.type(), e.key(), e.role()));
                    if (at == null) {
                      continue;
                    }
                    if (e.type().equals("trader")) {
                      trader = Optional.of(at);
                    } else if (e.type().equals("person") || e.type().equals("company")) {
                      nameEntity = Optional.of(at);
                    }
                  }
                  var p = np.party();
                  parties.add(
                      new DeclaredParty(
                          np.role(),
                          p.kind(),
                          p.name(),
                          p.country(),
                          p.id(),
                          p.address(),
                          nameEntity,
                          trader));
                }
              });
          return Optional.of(
              new RecordView(
                  r.id(),
                  r.kind(),
                  r.sourceId(),
                  r.eventTime(),
                  r.recordedAt(),
                  r.office(),
                  r.agency(),
                  r.sharedWith(),
                  r.title(),
                  r.dataJson(),
                  ents,
                  List.copyOf(parties),
                  rec.map(x -> x instanceof Declaration d ? d.items() : List.<Declaration.Item>of())
                      .orElse(List.of()),
                  rec.map(
                          x ->
                              x instanceof Seizure s
                                  ? s.relatedRecords().stream()
                                      .map(RelatedRecord::parse)
                                      .flatMap(Optional::stream)
                                      .map(rel -> rel.found(readable(h, rel, reader)))
                                      .toList()
                                  : List.<RelatedRecord>of())
                      .orElse(List.of()),
                  rec.filter(x -> x instanceof Seizure).map(x -> (Seizure) x),
                  namedBy(h, r.kind(), r.sourceId(), r.id(), reader)));
        });
  }

  /** Whether the reader has a record of the kind and source id {@code rel} names. */
  private static boolean readable(Handle h, RelatedRecord rel, Reader reader) {
    return h.createQuery(
                "select count(*) from intel.record r where r.kind = :kind and r.source_id = :sourceId"
                    + " and "
                    + SCOPE)
            .bind("kind", rel.kind())
            .bind("sourceId", rel.sourceId())
            .bind("agency", reader.agency())
            .mapTo(Long.class)
            .one()
        > 0;
  }

  /**
   * The seizures the reader may read that name the record ({@code kind:sourceId}) among their
   * related records: found through the text index by the source id's tokens (a seizure's related
   * records are part of its searchable text), then matched exactly. A reference means, for the
   * reader, the record {@link #recordId} gives (its own agency's of that id, else the latest one
   * shared with it): where that is another record than {@code self} (police reading customs' shared
   * D1 while police stores a D1 of its own), no seizure names {@code self} for this reader.
   */
  private static List<Hit> namedBy(
      Handle h, String kind, String sourceId, long self, Reader reader) {
    Optional<Long> meant =
        h.createQuery(
                "select r.id from intel.record r where r.kind = :kind and r.source_id = :sourceId"
                    + " and "
                    + SCOPE
                    + " order by r.agency = :agency desc, r.id desc limit 1")
            .bind("kind", kind)
            .bind("sourceId", sourceId)
            .bind("agency", reader.agency())
            .mapTo(Long.class)
            .findOne();
    if (meant.isEmpty() || meant.get() != self) {
      return List.of();
    }
    List<String> tokens = SearchTokens.forQuery(sourceId);
    // one- and two-character tokens (the D and 1 of D-1) are in most records: the others narrow
    // as well, and the exact match below decides
    List<String> longer = tokens.stream().filter(t -> t.length() >= 3).toList();
    if (!longer.isEmpty()) {
      tokens = longer;
    }
    if (tokens.isEmpty()) {
      return List.of();
    }
    // the prefix the query form puts on the last token is not wanted: the id is written whole
    String exact = tsquery(tokens).replace(":*", "");
    return h.createQuery(
            "select "
                + HIT_COLS
                + " from intel.record r where r.kind = 'seizure' and r.id <> :self and r.doc @@"
                + " cast(:tsq as tsquery) and "
                + SCOPE
                + " and exists (select 1 from json_array_elements_text(case when"
                + " json_typeof(r.data -> 'relatedRecords') = 'array' then r.data ->"
                + " 'relatedRecords' else '[]' end) x where regexp_replace(x, '\\s', '', 'g') ="
                + " :ref) order by r.event_time desc, r.id desc limit "
                + RecordView.MAX_NAMED_BY)
        .bind("self", self)
        .bind("tsq", exact)
        .bind("ref", (kind + ":" + sourceId).replaceAll("\\s", ""))
        .bind("agency", reader.agency())
        .map((rs, ctx) -> hit(rs))
        .list();
  }

  private static String linkKey(String type, String key, String role) {
    return type + "\u0000" + key + "\u0000" + role;
  }

  /** The record as stored, read back; empty for a kind or JSON this version cannot read. */
  private Optional<IntelRecord> readBack(String kind, String data) {
    Optional<RecordKind> k = RecordKind.ofCode(kind);
    if (k.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(json.readerFor(JdbcRecordFeed.type(k.get())).readValue(data));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static final String GROUP =
      "with recursive grp(id) as (select cast(:eid as bigint) union select e.id from intel.entity e"
          + " join grp on e.merged_into = grp.id) ";

  /**
   * True when the entity {@code idExpr} (or one merged into it) names a record the reader's agency
   * may read: entities are shared keys, and one that only another agency's unshared records name
   * must not show, even as a candidate or a spelling.
   */
  private static String visibleEntity(String idExpr) {
    return "exists (with recursive g(id) as (select "
        + idExpr
        + " union select e.id from intel.entity e join g on e.merged_into = g.id) select 1 from g"
        + " join intel.record_entity re on re.entity_id = g.id join intel.record r on r.id ="
        + " re.record_id where "
        + SCOPE
        + ")";
  }

  /** How many spellings an entity page lists, most written first. */
  static final int MAX_SPELLINGS = 20;

  /** How many of an entity's latest visible records its spellings are read from. */
  private static final int SPELLING_RECORDS = 200;

  @Override
  public Visibility entityVisibility(long id, Reader reader) {
    return jdbi.withHandle(
        h -> {
          boolean exists =
              h.createQuery("select count(*) from intel.entity where id = :id")
                      .bind("id", id)
                      .mapTo(Long.class)
                      .one()
                  > 0;
          if (!exists) {
            return Visibility.ABSENT;
          }
          long visible =
              h.createQuery(
                      GROUP
                          + "select count(*) from intel.record_entity re join intel.record r on"
                          + " r.id = re.record_id where re.entity_id in (select id from grp) and "
                          + SCOPE)
                  .bind("eid", id)
                  .bind("agency", reader.agency())
                  .mapTo(Long.class)
                  .one();
          return visible > 0 ? Visibility.VISIBLE : Visibility.FORBIDDEN;
        });
  }

  @Override
  public Optional<EntityView> entity(long id, Reader reader, int recordLimit) {
    return jdbi.withHandle(
        h -> {
          var head =
              h.createQuery(
                      "select id, type, key, display, merged_into, reading from intel.entity where"
                          + " id = :id")
                  .bind("id", id)
                  .map(
                      (rs, ctx) ->
                          new Object[] {
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getObject(5) == null ? null : rs.getLong(5),
                            rs.getString(6)
                          })
                  .findOne();
          if (head.isEmpty()) {
            return Optional.<EntityView>empty();
          }
          Object[] e = head.get();
          List<Hit> records =
              h.createQuery(
                      GROUP
                          + "select distinct "
                          + HIT_COLS
                          + " from intel.record_entity re join"
                          + " intel.record r on r.id = re.record_id where re.entity_id in (select id"
                          + " from grp) and "
                          + SCOPE
                          + " order by r.event_time desc, r.id desc limit :lim")
                  .bind("eid", id)
                  .bind("agency", reader.agency())
                  .bind("lim", recordLimit)
                  .map((rs, ctx) -> hit(rs))
                  .list();
          long count =
              h.createQuery(
                      GROUP
                          + "select count(distinct r.id) from intel.record_entity re join"
                          + " intel.record r on r.id = re.record_id where re.entity_id in (select id"
                          + " from grp) and "
                          + SCOPE)
                  .bind("eid", id)
                  .bind("agency", reader.agency())
                  .mapTo(Long.class)
                  .one();
          // Outside the administration, the key, names and candidates are those the reader's own
          // records show: the stored key and name are those of the first record stored, and a
          // customs merge puts another agency's party (and its key) at the head of the group.
          boolean partner = !reader.agency().equals(administration);
          List<String> spellings = spellings(h, id, reader, SPELLING_RECORDS);
          String key = partner ? visibleKey(h, id, reader) : (String) e[2];
          String display = partner ? spellings.isEmpty() ? key : spellings.get(0) : (String) e[3];
          // The best matches first, then those the reader may see: the visibility check costs
          // look-ups per candidate, the similarity ranking only the trigram index. A vessel is
          // matched by its name as well: a seizure names a ship by name alone, its port calls by
          // IMO or MMSI number.
          boolean byName = e[1].equals("vessel");
          // A party written in Japanese and its romaji spelling are candidates by reading (山田太郎
          // read TARO YAMADA, the key of YAMADA TARO), both ways; never merged without an analyst.
          // A partner's reading is that of the name its own records give (see display).
          String reading =
              partner ? EntityReadings.shared().of((String) e[1], display) : (String) e[5];
          boolean byReading = e[1].equals("person") || e[1].equals("company");
          List<Candidate> similar =
              h.createQuery(
                      "select c.id, c.type, c.display, c.sim from (select c.id, c.type, c.display,"
                          + (byName
                              ? " greatest(public.similarity(c.key, :key),"
                                  + " public.similarity(c.display, :display)) as sim"
                              : byReading
                                  ? " greatest(public.similarity(c.key, :key),"
                                      + " public.similarity(c.reading, :key),"
                                      + " public.similarity(c.key, :reading),"
                                      + " public.similarity(c.reading, :reading)) as sim"
                                  : " public.similarity(c.key, :key) as sim")
                          + " from intel.entity c where c.type = :type and c.id <> :id and"
                          + " c.merged_into is null and "
                          + (byName
                              ? "(c.key operator(public.%) :key or c.display operator(public.%)"
                                  + " :display)"
                              : byReading
                                  ? "(c.key operator(public.%) :key or c.reading"
                                      + " operator(public.%) :key"
                                      + (reading == null
                                          ? ""
                                          // タナカ ヨウコ and 田中陽子 are both read TANAKA YOKO
                                          : " or c.key operator(public.%) :reading or c.reading"
                                              + " operator(public.%) :reading")
                                      + ")"
                                  : "c.key operator(public.%) :key")
                          + " order by 4 desc, c.id limit 50) c where "
                          + visibleEntity("c.id")
                          + " order by c.sim desc, c.id limit 10")
                  .bind("key", key)
                  .bind("display", display)
                  .bind("reading", reading)
                  .bind("type", (String) e[1])
                  .bind("id", id)
                  .bind("agency", reader.agency())
                  .map(
                      (rs, ctx) ->
                          new Candidate(
                              rs.getLong(1),
                              rs.getString(2),
                              rs.getString(3),
                              rs.getDouble(4),
                              "",
                              ""))
                  .list();
          List<Candidate> candidates =
              new ArrayList<>(sharingIdentifiers(h, id, (String) e[1], key, reading, reader));
          Set<Long> listed = new HashSet<>();
          candidates.forEach(c -> listed.add(c.id()));
          if (e[1].equals("person")) {
            List<String> names = new ArrayList<>(spellings);
            names.add((String) e[3]);
            otherOrder(h, id, (String) e[2], names, reader).stream()
                .filter(c -> listed.add(c.id()))
                .forEach(candidates::add);
          }
          similar.stream().filter(c -> listed.add(c.id())).forEach(candidates::add);
          // a merged entity is one party with its survivor already: offering the survivor again
          // would invite a second merge of the two (merges are one level deep, see the store)
          if (e[4] != null) {
            candidates.removeIf(c -> c.id() == (Long) e[4]);
          }
          if (partner) {
            candidates.replaceAll(
                c ->
                    new Candidate(
                        c.id(),
                        c.type(),
                        partnerDisplay(h, c.id(), reader),
                        c.similarity(),
                        c.sharedType(),
                        c.sharedValue()));
          }
          // A merge is listed when the reader may see the entity on its other side; a merge with
          // one the reader cannot see would name it. A merge is customs' own judgement, its actor
          // and reason internal notes: a partner sees only that the party is one with another
          // (the view's mergedInto), not the history.
          List<Merge> merges =
              partner
                  ? List.<Merge>of()
                  : h.createQuery(
                          "select m.id, m.survivor_id, m.merged_id, e.display, m.reason, m.actor, m.at,"
                              + " m.undone_at, m.undone_by, m.undo_reason from intel.entity_merge m join"
                              + " intel.entity e on e.id = m.merged_id where (m.survivor_id = :id and "
                              + visibleEntity("m.merged_id")
                              + ") or (m.merged_id = :id and "
                              + visibleEntity("m.survivor_id")
                              + ") order by m.at desc")
                      .bind("id", id)
                      .bind("agency", reader.agency())
                      .map((rs, ctx) -> merge(rs))
                      .list();
          return Optional.of(
              new EntityView(
                  (Long) e[0],
                  (String) e[1],
                  key,
                  display,
                  Optional.ofNullable((Long) e[4]),
                  records,
                  count,
                  candidates,
                  merges,
                  spellings,
                  // the reading as a name: the key's qualifier (|JP, |1990-04-01) is the key's
                  Optional.ofNullable(reading)
                      .map(r -> r.indexOf('|') < 0 ? r : r.substring(0, r.indexOf('|')))));
        });
  }

  /**
   * Persons whose key is this one's CJK name with its parts in another order (ジョン スミス and スミス ジョン,
   * 王 小明 and 小明 王), from the entity's name and the spellings the reader's records give it: the key
   * keeps the written order, so that 鈴木 美咲 is 鈴木美咲, and foreign and Chinese names come in either
   * order. With the entity's date of birth, those with the same date or none are found.
   */
  private static List<Candidate> otherOrder(
      Handle h, long id, String key, List<String> names, Reader reader) {
    int bar = key == null ? -1 : key.indexOf('|');
    String qualifier = bar < 0 ? "" : key.substring(bar);
    Set<String> keys = new java.util.LinkedHashSet<>();
    for (String name : names) {
      if (name == null) {
        continue;
      }
      for (String k : Normalize.otherOrderPersonKeys(name)) {
        keys.add(k);
        if (!qualifier.isEmpty()) {
          keys.add(k + qualifier);
        }
      }
    }
    if (keys.isEmpty()) {
      return List.of();
    }
    return h.createQuery(
            GROUP
                + "select c.id, c.type, c.display from intel.entity c where c.type = 'person' and"
                + " c.key = any(:keys) and c.merged_into is null and c.id not in (select id from"
                + " grp) and "
                + visibleEntity("c.id")
                + " order by c.id limit 10")
        .bind("eid", id)
        .bindArray("keys", String.class, List.copyOf(keys))
        .bind("agency", reader.agency())
        .map(
            (rs, ctx) ->
                new Candidate(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    1.0,
                    "name-order",
                    // no name here: a partner is shown the candidate's name as its own records
                    // give it
                    ""))
        .list();
  }

  /**
   * A record-entity link {@code $r} whose record names one person or company, no more, in that
   * role: there, the identifiers linked with the role are that party's.
   */
  private static final String ALONE_IN_ROLE =
      "(select count(*) from intel.record_entity q join intel.entity qe on qe.id = q.entity_id"
          + " where q.record_id = $r.record_id and q.role = $r.role and qe.type in ('person',"
          + " 'company')) = 1";

  /** The identifier types whose sharing makes two names candidates of one party. */
  private static final List<String> SHARED_IDENTIFIERS =
      List.of("trader", "phone", "document", "email");

  /**
   * Companies or persons declared with the same trader number, phone, document or e-mail as this
   * one, in records the reader may read, whatever their names' script: 株式会社黒潮ゼフィリン商会 and Kuroshio
   * Zephyrine Shokai Co., Ltd. have no trigram in common. A party's identifiers are linked with its
   * role, so an identifier is taken to be this party's where it shares a record and role with it,
   * and only where the party is the one person or company in that role there: in a seizure naming
   * two suspects, each suspect's passport is linked with the role "suspect" as both are, and is
   * neither's as far as this goes (it would make co-suspects one person). Bounded: this party's
   * latest 200 records, 20 identifiers, the latest 500 records of each. Each comes with the
   * similarity its name has to this one's ({@code key}, or its {@code reading}, as the similar
   * candidates are ranked), not 1: the shared identifier is the reason, and is named.
   */
  private static List<Candidate> sharingIdentifiers(
      Handle h, long id, String type, String key, String reading, Reader reader) {
    if (!type.equals("company") && !type.equals("person")) {
      return List.of();
    }
    return h.createQuery(
            GROUP
                + ", mine as (select re.record_id, re.role from intel.record_entity re join"
                + " intel.record r on r.id = re.record_id where re.entity_id in (select id from"
                + " grp) and "
                + SCOPE
                + " and "
                + ALONE_IN_ROLE.replace("$r", "re")
                + " order by r.event_time desc limit 200), idents as (select distinct i.id,"
                + " i.type, i.display from mine join intel.record_entity re on re.record_id ="
                + " mine.record_id and re.role = mine.role join intel.entity i on i.id ="
                + " re.entity_id where i.type = any(:idtypes) limit 20), theirs as (select"
                + " idents.type as itype, idents.display as idisplay, o.entity_id as other from"
                + " idents cross join lateral (select re2.record_id, re2.role from"
                + " intel.record_entity re2 join intel.record r on r.id = re2.record_id where"
                + " re2.entity_id = idents.id and "
                + SCOPE
                + " and "
                + ALONE_IN_ROLE.replace("$r", "re2")
                + " order by r.event_time desc limit 500) x join intel.record_entity o on"
                + " o.record_id = x.record_id and o.role = x.role) select distinct on (n.id) n.id,"
                + " n.type, n.display, t.itype, t.idisplay, coalesce(greatest(public.similarity(n.key,"
                + " :key), public.similarity(n.reading, :key), public.similarity(n.key,"
                + " cast(:reading as text)), public.similarity(n.reading, cast(:reading as text))),"
                + " 0) from theirs t join intel.entity n on"
                + " n.id = t.other where n.type = :type and n.merged_into is null and n.id not in"
                + " (select id from grp) order by n.id, array_position(:idtypes, t.itype) limit"
                + " 10")
        .bind("eid", id)
        .bind("type", type)
        .bind("key", key == null ? "" : key)
        .bind("reading", reading)
        .bindArray("idtypes", String.class, SHARED_IDENTIFIERS)
        .bind("agency", reader.agency())
        .map(
            (rs, ctx) ->
                new Candidate(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getDouble(6),
                    rs.getString(4),
                    rs.getString(5)))
        .list();
  }

  private static Merge merge(ResultSet rs) throws SQLException {
    return new Merge(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getTimestamp(7).toInstant(),
        Optional.ofNullable(rs.getTimestamp(8)).map(Timestamp::toInstant),
        Optional.ofNullable(rs.getString(9)),
        Optional.ofNullable(rs.getString(10)));
  }

  @Override
  public Optional<Merge> merge(long mergeId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select m.id, m.survivor_id, m.merged_id, e.display, m.reason, m.actor, m.at,"
                        + " m.undone_at, m.undone_by, m.undo_reason from intel.entity_merge m join"
                        + " intel.entity e on e.id = m.merged_id where m.id = :id")
                .bind("id", mergeId)
                .map((rs, ctx) -> merge(rs))
                .findOne());
  }

  /**
   * The key of the entity as the reader's records show it: that of the entity itself, or of one
   * merged into it, that a record the reader may read names. An entity's key comes from the record
   * that first named it, and a merge may have put one only another agency's records name at the
   * head of a group the reader sees through one merged into it.
   */
  private static String visibleKey(Handle h, long id, Reader reader) {
    return h.createQuery(
            GROUP
                + "select e.key from intel.entity e where e.id in (select id from grp) and exists"
                + " (select 1 from intel.record_entity re join intel.record r on r.id ="
                + " re.record_id where re.entity_id = e.id and "
                + SCOPE
                + ") order by e.id = :eid desc, e.id limit 1")
        .bind("eid", id)
        .bind("agency", reader.agency())
        .mapTo(String.class)
        .findOne()
        .orElse("");
  }

  /** How many of a candidate's latest visible records a partner's name for it is read from. */
  private static final int CANDIDATE_RECORDS = 20;

  /**
   * The name a partner's reader sees for an entity it may see: the most written spelling in its
   * latest records naming it, else its key as those records show it; never the stored name, which
   * may be another agency's spelling.
   */
  private String partnerDisplay(Handle h, long id, Reader reader) {
    List<String> names = spellings(h, id, reader, CANDIDATE_RECORDS);
    return names.isEmpty() ? visibleKey(h, id, reader) : names.get(0);
  }

  /**
   * The entity's names as its records write them (the entity's own display is only the first
   * spelling stored): read from its latest visible records, those of entities merged into it
   * included, most written first, at most {@link #MAX_SPELLINGS}.
   */
  private List<String> spellings(Handle h, long id, Reader reader, int recordLimit) {
    Set<String> keys = new HashSet<>();
    h.createQuery(GROUP + "select type, key from intel.entity where id in (select id from grp)")
        .bind("eid", id)
        .map((rs, ctx) -> rs.getString(1) + "\u0000" + rs.getString(2))
        .forEach(keys::add);
    Map<String, Integer> counts = new LinkedHashMap<>();
    h.createQuery(
            GROUP
                + "select r.kind, r.data::text from intel.record r where r.id in (select"
                + " re.record_id from intel.record_entity re where re.entity_id in (select id from"
                + " grp)) and "
                + SCOPE
                + " order by r.event_time desc, r.id desc limit :lim")
        .bind("lim", recordLimit)
        .bind("eid", id)
        .bind("agency", reader.agency())
        .map((rs, ctx) -> readBack(rs.getString(1), rs.getString(2)))
        .forEach(
            rec ->
                rec.ifPresent(
                    x -> {
                      Set<String> once = new HashSet<>();
                      for (EntityRef ref : EntityExtraction.of(x)) {
                        if (keys.contains(ref.type() + "\u0000" + ref.key())
                            && !ref.display().isBlank()
                            && once.add(ref.display())) {
                          counts.merge(ref.display(), 1, Integer::sum);
                        }
                      }
                    }));
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(MAX_SPELLINGS)
        .map(Map.Entry::getKey)
        .toList();
  }

  @Override
  public Graph graph(long entityId, Reader reader, int hops, int maxNodes) {
    return jdbi.withHandle(
        h -> {
          Map<String, Node> nodes = new LinkedHashMap<>();
          List<Edge> edges = new ArrayList<>();
          Set<String> edgeKeys = new HashSet<>();
          Optional<Long> mergedInto =
              h.createQuery("select merged_into from intel.entity where id = :id")
                  .bind("id", entityId)
                  .mapTo(Long.class)
                  .findOne();
          boolean partner = !reader.agency().equals(administration);
          var start =
              h.createQuery("select id, type, display from intel.entity where id = :id")
                  .bind("id", entityId)
                  .map(
                      (rs, ctx) ->
                          new Node(
                              "e" + rs.getLong(1),
                              partner ? partnerDisplay(h, rs.getLong(1), reader) : rs.getString(3),
                              rs.getString(2),
                              rs.getLong(1)))
                  .findOne();
          if (start.isEmpty()) {
            return new Graph(List.of(), List.of(), false, Optional.empty());
          }
          nodes.put(start.get().id(), start.get());
          Deque<Node> frontier = new ArrayDeque<>(List.of(start.get()));
          // Left out: nodes past maxNodes, or records of an entity past PER_ENTITY. Either makes
          // the graph say it is truncated; only the first stops the walk.
          boolean full = false;
          boolean leftOut = false;
          for (int hop = 0; hop < hops && !frontier.isEmpty() && !full; hop++) {
            Deque<Node> next = new ArrayDeque<>();
            for (Node n : frontier) {
              List<Object[]> neighbours;
              if (n.type().equals("record")) {
                neighbours = entitiesOf(h, n.dbId(), partner);
              } else {
                // one more than may be shown, so that leaving some out is known
                int cap = Math.min(PER_ENTITY, maxNodes);
                neighbours = recordsOf(h, n.dbId(), reader, cap + 1);
                if (neighbours.size() > cap) {
                  leftOut = true;
                  neighbours = neighbours.subList(0, cap);
                }
              }
              for (Object[] nb : neighbours) {
                Node m = (Node) nb[0];
                if (!nodes.containsKey(m.id())) {
                  if (nodes.size() >= maxNodes) {
                    full = true;
                    break;
                  }
                  nodes.put(m.id(), m);
                  next.add(m);
                }
                String a = n.type().equals("record") ? n.id() : m.id();
                String b = n.type().equals("record") ? m.id() : n.id();
                if (edgeKeys.add(a + "|" + b + "|" + nb[1])) {
                  edges.add(new Edge(a, b, (String) nb[1]));
                }
              }
              if (full) {
                break;
              }
            }
            frontier = next;
          }
          return new Graph(List.copyOf(nodes.values()), edges, full || leftOut, mergedInto);
        });
  }

  /** The most records of one entity a graph shows (the latest), so one hub cannot fill it. */
  static final int PER_ENTITY = 500;

  private List<Object[]> recordsOf(Handle h, long entityId, Reader reader, int limit) {
    return h.createQuery(
            GROUP
                + "select r.id, r.kind, r.title, re.role from intel.record_entity re join"
                + " intel.record r on r.id = re.record_id where re.entity_id in (select id from grp)"
                + " and "
                + SCOPE
                + " order by r.event_time desc, r.id desc limit :lim")
        .bind("eid", entityId)
        .bind("agency", reader.agency())
        .bind("lim", limit)
        .map(
            (rs, ctx) ->
                new Object[] {
                  new Node("r" + rs.getLong(1), rs.getString(3), "record", rs.getLong(1)),
                  rs.getString(4)
                })
        .list();
  }

  /**
   * The entities a record (one the reader may read) names, as their survivors. For a partner, each
   * is labelled as this record writes it: the stored name of an entity, or of the survivor a merge
   * put it under, may be another agency's spelling, even one only its unshared records hold.
   */
  private List<Object[]> entitiesOf(Handle h, long recordId, boolean partner) {
    Map<String, String> written = new HashMap<>();
    if (partner) {
      h.createQuery("select kind, data::text from intel.record where id = :id")
          .bind("id", recordId)
          .map((rs, ctx) -> readBack(rs.getString(1), rs.getString(2)))
          .findOne()
          .flatMap(x -> x)
          .ifPresent(
              x -> {
                for (EntityRef ref : EntityExtraction.of(x)) {
                  if (!ref.display().isBlank()) {
                    written.putIfAbsent(ref.type() + "\u0000" + ref.key(), ref.display());
                  }
                }
              });
    }
    return h.createQuery(
            "select coalesce(s.id, e.id), coalesce(s.type, e.type), coalesce(s.display, e.display),"
                + " re.role, e.type, e.key from intel.record_entity re join intel.entity e on e.id"
                + " = re.entity_id left join intel.entity s on s.id = e.merged_into where"
                + " re.record_id = :id")
        .bind("id", recordId)
        .map(
            (rs, ctx) -> {
              String own = rs.getString(5) + "\u0000" + rs.getString(6);
              String label = partner ? written.getOrDefault(own, rs.getString(6)) : rs.getString(3);
              return new Object[] {
                new Node("e" + rs.getLong(1), label, rs.getString(2), rs.getLong(1)),
                rs.getString(4)
              };
            })
        .list();
  }

  @Override
  public Dashboard dashboard(Optional<LocalDate> day, Reader reader) {
    return jdbi.withHandle(
        h -> {
          // The latest day with records, up to today (and the day after, which has begun in zones
          // east of this one): a record dated years ahead is not "today" for everyone.
          LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
          Timestamp before = Timestamp.from(today.plusDays(2).atStartOfDay(zone).toInstant());
          LocalDate d =
              day.orElseGet(
                  () ->
                      h.createQuery(
                              "select max(r.event_time) from intel.record r where r.event_time <"
                                  + " :before and "
                                  + SCOPE)
                          .bind("before", before)
                          .bind("agency", reader.agency())
                          .mapTo(Timestamp.class)
                          .findOne()
                          .map(t -> t.toInstant().atZone(zone).toLocalDate())
                          .orElse(today));
          Timestamp from = Timestamp.from(d.atStartOfDay(zone).toInstant());
          Timestamp to = Timestamp.from(d.plusDays(1).atStartOfDay(zone).toInstant());
          List<KindCount> kinds =
              h.createQuery(
                      "select r.kind, count(*) from intel.record r where r.event_time >= :from and"
                          + " r.event_time < :to and "
                          + SCOPE
                          + " group by r.kind order by r.kind")
                  .bind("from", from)
                  .bind("to", to)
                  .bind("agency", reader.agency())
                  .map((rs, ctx) -> new KindCount(rs.getString(1), rs.getLong(2)))
                  .list();
          List<OfficeCount> offices =
              h.createQuery(
                      "select r.office, count(*) from intel.record r where r.event_time >= :from and"
                          + " r.event_time < :to and r.office <> '' and "
                          + SCOPE
                          + " group by r.office order by 2 desc limit 12")
                  .bind("from", from)
                  .bind("to", to)
                  .bind("agency", reader.agency())
                  .map((rs, ctx) -> new OfficeCount(rs.getString(1), rs.getLong(2)))
                  .list();
          List<Hit> seizures =
              h.createQuery(
                      "select "
                          + HIT_COLS
                          + " from intel.record r where r.kind = 'seizure' and "
                          + SCOPE
                          + " order by r.event_time desc limit 10")
                  .bind("agency", reader.agency())
                  .map((rs, ctx) -> hit(rs))
                  .list();
          long total =
              h.createQuery("select count(*) from intel.record r where " + SCOPE)
                  .bind("agency", reader.agency())
                  .mapTo(Long.class)
                  .one();
          // Entities are shared keys of every agency's records: the count is the administration's
          // to see. Counting those a partner's records name would join every link at each visit.
          Optional<Long> entities =
              reader.agency().equals(administration)
                  ? Optional.of(
                      h.createQuery("select count(*) from intel.entity where merged_into is null")
                          .mapTo(Long.class)
                          .one())
                  : Optional.empty();
          return new Dashboard(d, kinds, offices, seizures, total, entities);
        });
  }
}
