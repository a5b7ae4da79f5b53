package org.sekisho.passenger.screening.adapter.db;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.sekisho.core.Outcome;
import org.sekisho.names.domain.watchlist.PartialDate;
import org.sekisho.names.domain.watchlist.Severity;
import org.sekisho.names.domain.watchlist.WatchlistEntry;
import org.sekisho.passenger.screening.application.ScreeningStore;
import org.sekisho.passenger.screening.domain.FlightRef;
import org.sekisho.passenger.screening.domain.Hit;
import org.sekisho.passenger.screening.domain.PassengerFacts;

/**
 * {@link ScreeningStore} on PostgreSQL, tables of schema {@code passenger} ({@code
 * db/passenger/V3__screening.sql}). Thread-safe.
 */
public final class JdbcScreeningStore implements ScreeningStore {
  private final Jdbi jdbi;

  public JdbcScreeningStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public long flight(FlightRef ref, String direction) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "insert into passenger.screening_flight (carrier, number, departure_date,"
                        + " origin, destination, direction) values (:c, :n, :d, :o, :dest, :dir)"
                        + " on conflict (carrier, number, departure_date, origin) do update set"
                        + " destination = excluded.destination returning id")
                .bind("c", ref.carrier())
                .bind("n", ref.number())
                .bind("d", ref.departureDate())
                .bind("o", ref.origin())
                .bind("dest", ref.destination())
                .bind("dir", direction)
                .mapTo(Long.class)
                .one());
  }

  @Override
  public void replaceTravellers(long flightId, String booking, List<PassengerFacts> travellers) {
    jdbi.useTransaction(
        h -> {
          h.execute("select pg_advisory_xact_lock(?)", flightId);
          h.createUpdate(
                  "delete from passenger.screening_traveller where flight_id = :f and booking = :b")
              .bind("f", flightId)
              .bind("b", booking)
              .execute();
          var batch =
              h.prepareBatch(
                  "insert into passenger.screening_traveller (flight_id, booking, traveller_key,"
                      + " source, surname, given_name, date_of_birth, document_number, facts)"
                      + " values (:f, :b, :k, :s, :sn, :gn, :dob, :doc, :facts)");
          for (PassengerFacts t : travellers) {
            batch
                .bind("f", flightId)
                .bind("b", booking)
                .bind("k", t.key())
                .bind("s", t.source())
                .bind("sn", t.surname().toUpperCase(Locale.ROOT))
                .bind("gn", t.givenName().toUpperCase(Locale.ROOT))
                .bind("dob", t.dateOfBirth())
                .bind("doc", t.documentNumber().toUpperCase(Locale.ROOT))
                .bind("facts", FactsText.write(t).replace("\u0000", ""))
                .add();
          }
          if (!travellers.isEmpty()) {
            batch.execute();
          }
        });
  }

  @Override
  public List<PassengerFacts> travellers(long flightId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select facts from passenger.screening_traveller where flight_id = :f order by"
                        + " id")
                .bind("f", flightId)
                .map((rs, ctx) -> FactsText.read(rs.getString("facts")))
                .list());
  }

  @Override
  public Map<String, Integer> tripsLast30Days(long flightId) {
    Map<String, Integer> out = new HashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "select t.traveller_key, count(distinct o.flight_id) as n"
                        + " from passenger.screening_traveller t"
                        + " join passenger.screening_flight f on f.id = t.flight_id"
                        + " join passenger.screening_traveller o on o.flight_id <> t.flight_id"
                        + "  and ((t.document_number <> '' and o.document_number ="
                        + " t.document_number) or (t.date_of_birth is not null and o.surname ="
                        + " t.surname and o.given_name = t.given_name and o.date_of_birth ="
                        + " t.date_of_birth))"
                        + " join passenger.screening_flight g on g.id = o.flight_id"
                        + "  and g.departure_date >= f.departure_date - 30"
                        + "  and g.departure_date < f.departure_date"
                        + " where t.flight_id = :f group by t.traveller_key")
                .bind("f", flightId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
    return out;
  }

  @Override
  public int recordHits(long flightId, List<Hit> hits, Instant at) {
    if (hits.isEmpty()) {
      return 0;
    }
    return jdbi.inTransaction(
        h -> {
          int fresh = 0;
          for (Hit hit : hits) {
            boolean inserted =
                h.createQuery(
                        "insert into passenger.screening_hit (flight_id, traveller_key,"
                            + " traveller_name, booking, kind, source, title, severity, score,"
                            + " explanation, first_seen, last_seen) values (:f, :k, :name, :b,"
                            + " :kind, :src, :title, :sev, :score, :why, :at, :at)"
                            + " on conflict (flight_id, traveller_key, source) do update set"
                            + " last_seen = excluded.last_seen,"
                            + " explanation = case when screening_hit.status = 'open' then"
                            + " excluded.explanation else screening_hit.explanation end,"
                            + " score = case when screening_hit.status = 'open' then"
                            + " excluded.score else screening_hit.score end"
                            + " returning (xmax = 0) as inserted")
                    .bind("f", flightId)
                    .bind("k", hit.subjectKey())
                    .bind("name", hit.subjectName())
                    .bind("b", hit.booking())
                    .bind("kind", hit.kind().code())
                    .bind("src", hit.source())
                    .bind("title", hit.title())
                    .bind("sev", hit.severity())
                    .bind("score", hit.score())
                    .bind("why", hit.explanation().toArray(String[]::new))
                    .bind("at", utc(at))
                    .mapTo(Boolean.class)
                    .one();
            if (inserted) {
              fresh++;
            }
          }
          return fresh;
        });
  }

  @Override
  public void screened(long flightId, Instant at, int travellers, int rules, int listEntries) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update passenger.screening_flight set status = 'screened', screened_at = :at,"
                        + " travellers = :t, rules = :r, list_entries = :l where id = :f")
                .bind("at", utc(at))
                .bind("t", travellers)
                .bind("r", rules)
                .bind("l", listEntries)
                .bind("f", flightId)
                .execute());
  }

  private static final String FLIGHT_COLUMNS =
      "select f.*, (select count(*) from passenger.screening_hit h where h.flight_id = f.id and"
          + " h.status = 'open') as open_hits, (select count(*) from passenger.screening_hit h"
          + " where h.flight_id = f.id) as all_hits from passenger.screening_flight f";

  @Override
  public Optional<FlightRow> flightById(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(FLIGHT_COLUMNS + " where f.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> flightRow(rs))
                .findOne());
  }

  @Override
  public List<FlightRow> flights(LocalDate from, LocalDate to, String direction) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    FLIGHT_COLUMNS
                        + " where f.departure_date between :from and :to"
                        + (direction.isEmpty() ? "" : " and f.direction = :dir")
                        + " order by f.departure_date, f.carrier, f.number limit 500")
                .bind("from", from)
                .bind("to", to)
                .bind("dir", direction)
                .map((rs, ctx) -> flightRow(rs))
                .list());
  }

  private static FlightRow flightRow(ResultSet rs) throws SQLException {
    OffsetDateTime screened = rs.getObject("screened_at", OffsetDateTime.class);
    return new FlightRow(
        rs.getLong("id"),
        new FlightRef(
            rs.getString("carrier"),
            rs.getString("number"),
            rs.getObject("departure_date", LocalDate.class),
            rs.getString("origin"),
            rs.getString("destination")),
        rs.getString("direction"),
        rs.getString("status"),
        screened == null ? null : screened.toInstant(),
        rs.getInt("travellers"),
        rs.getInt("open_hits"),
        rs.getInt("all_hits"));
  }

  private static final String HIT_COLUMNS = "select * from passenger.screening_hit";

  @Override
  public List<HitRow> hits(long flightId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(HIT_COLUMNS + " where flight_id = :f order by traveller_name, id")
                .bind("f", flightId)
                .map((rs, ctx) -> hitRow(rs))
                .list());
  }

  @Override
  public Optional<HitRow> hit(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(HIT_COLUMNS + " where id = :id")
                .bind("id", id)
                .map((rs, ctx) -> hitRow(rs))
                .findOne());
  }

  @Override
  public List<HitRow> hitsOf(String subjectKey) {
    return jdbi.withHandle(
        h ->
            h.createQuery(HIT_COLUMNS + " where traveller_key = :k order by first_seen desc, id")
                .bind("k", subjectKey)
                .map((rs, ctx) -> hitRow(rs))
                .list());
  }

  private static HitRow hitRow(ResultSet rs) throws SQLException {
    OffsetDateTime disposed = rs.getObject("disposed_at", OffsetDateTime.class);
    return new HitRow(
        rs.getLong("id"),
        rs.getLong("flight_id"),
        new Hit(
            rs.getString("traveller_key"),
            rs.getString("traveller_name"),
            rs.getString("booking"),
            Hit.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
            rs.getString("source"),
            rs.getString("title"),
            rs.getString("severity"),
            rs.getDouble("score"),
            strings(rs.getArray("explanation"))),
        rs.getString("status"),
        rs.getString("comment"),
        rs.getString("disposed_by"),
        disposed == null ? null : disposed.toInstant(),
        rs.getObject("first_seen", OffsetDateTime.class).toInstant(),
        rs.getObject("last_seen", OffsetDateTime.class).toInstant());
  }

  @Override
  public boolean dispose(long hitId, String disposition, String comment, String user, Instant at) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "update passenger.screening_hit set status = :s, comment = :c,"
                            + " disposed_by = :u, disposed_at = :at where id = :id and status ="
                            + " 'open'")
                    .bind("s", disposition)
                    .bind("c", comment)
                    .bind("u", user)
                    .bind("at", utc(at))
                    .bind("id", hitId)
                    .execute())
        == 1;
  }

  @Override
  public List<RuleRow> rules() {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from passenger.screening_rule order by id")
                .map((rs, ctx) -> ruleRow(rs))
                .list());
  }

  @Override
  public Optional<RuleRow> rule(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from passenger.screening_rule where id = :id")
                .bind("id", id)
                .map((rs, ctx) -> ruleRow(rs))
                .findOne());
  }

  private static RuleRow ruleRow(ResultSet rs) throws SQLException {
    return new RuleRow(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("text"),
        rs.getBoolean("enabled"),
        rs.getString("updated_by"),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant());
  }

  @Override
  public long saveRule(long id, String name, String text, String user, Instant at) {
    return jdbi.withHandle(
        h -> {
          if (id == 0) {
            return h.createQuery(
                    "insert into passenger.screening_rule (name, text, updated_by, updated_at)"
                        + " values (:n, :t, :u, :at) returning id")
                .bind("n", name)
                .bind("t", text)
                .bind("u", user)
                .bind("at", utc(at))
                .mapTo(Long.class)
                .one();
          }
          h.createUpdate(
                  "update passenger.screening_rule set name = :n, text = :t, updated_by = :u,"
                      + " updated_at = :at where id = :id")
              .bind("n", name)
              .bind("t", text)
              .bind("u", user)
              .bind("at", utc(at))
              .bind("id", id)
              .execute();
          return id;
        });
  }

  @Override
  public void enableRule(long id, boolean enabled, String user, Instant at) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update passenger.screening_rule set enabled = :e, updated_by = :u,"
                        + " updated_at = :at where id = :id")
                .bind("e", enabled)
                .bind("u", user)
                .bind("at", utc(at))
                .bind("id", id)
                .execute());
  }

  @Override
  public int putEntries(List<WatchlistEntry> entries, Instant at) {
    return jdbi.inTransaction(
        h -> {
          var batch =
              h.prepareBatch(
                  "insert into passenger.watchlist_entry (list_name, entry_id, severity, names,"
                      + " birth_dates, nationalities, documents, updated_at) values (:l, :id,"
                      + " :sev, :names, :dobs, :nats, :docs, :at) on conflict (list_name,"
                      + " entry_id) do update set severity = excluded.severity, names ="
                      + " excluded.names, birth_dates = excluded.birth_dates, nationalities ="
                      + " excluded.nationalities, documents = excluded.documents, updated_at ="
                      + " excluded.updated_at");
          // the same list and id twice in one batch would fail the upsert: the last one wins
          Map<String, WatchlistEntry> unique = new java.util.LinkedHashMap<>();
          for (WatchlistEntry e : entries) {
            unique.put(e.listName() + "\u0000" + e.id(), e);
          }
          for (WatchlistEntry e : unique.values()) {
            batch
                .bind("l", e.listName())
                .bind("id", e.id())
                .bind("sev", e.severity().name().toLowerCase(Locale.ROOT))
                .bind("names", clean(e.names()))
                .bind(
                    "dobs",
                    e.birthDates().stream().map(PartialDate::toString).toArray(String[]::new))
                .bind("nats", clean(List.copyOf(e.nationalities())))
                .bind("docs", clean(List.copyOf(e.documents())))
                .bind("at", utc(at))
                .add();
          }
          if (!unique.isEmpty()) {
            batch.execute();
          }
          return unique.size();
        });
  }

  private static String[] clean(List<String> values) {
    return values.stream().map(v -> v.replace("\u0000", "")).toArray(String[]::new);
  }

  @Override
  public void entries(Consumer<WatchlistEntry> sink) {
    jdbi.useHandle(
        h ->
            h.createQuery("select * from passenger.watchlist_entry order by list_name, entry_id")
                .setFetchSize(10_000)
                .map((rs, ctx) -> entry(rs))
                .forEach(sink));
  }

  private static WatchlistEntry entry(ResultSet rs) throws SQLException {
    List<PartialDate> dobs = new ArrayList<>();
    for (String d : strings(rs.getArray("birth_dates"))) {
      if (PartialDate.parse("birth_dates", d) instanceof Outcome.Accepted<PartialDate> a) {
        dobs.add(a.value());
      }
    }
    Severity sev =
        Severity.parse("severity", rs.getString("severity")) instanceof Outcome.Accepted<Severity> a
            ? a.value()
            : Severity.MEDIUM;
    return new WatchlistEntry(
        rs.getString("entry_id"),
        rs.getString("list_name"),
        sev,
        strings(rs.getArray("names")),
        dobs,
        new LinkedHashSet<>(strings(rs.getArray("nationalities"))),
        new LinkedHashSet<>(strings(rs.getArray("documents"))));
  }

  @Override
  public List<ListRow> lists() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select list_name, count(*) as n, string_agg(distinct severity, ', ') as sev,"
                        + " max(updated_at) as at from passenger.watchlist_entry group by"
                        + " list_name order by list_name")
                .map(
                    (rs, ctx) ->
                        new ListRow(
                            rs.getString("list_name"),
                            rs.getInt("n"),
                            rs.getString("sev"),
                            rs.getObject("at", OffsetDateTime.class).toInstant()))
                .list());
  }

  private static List<String> strings(Array a) throws SQLException {
    if (a == null) {
      return List.of();
    }
    Object[] values = (Object[]) a.getArray();
    List<String> out = new ArrayList<>(values.length);
    for (Object v : values) {
      out.add(String.valueOf(v));
    }
    return out;
  }

  private static OffsetDateTime utc(Instant i) {
    return i.atOffset(ZoneOffset.UTC);
  }
}
