package org.sekisho.passenger.screening.adapter.db;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
import org.sekisho.passenger.screening.domain.PassengerListKind;
import org.sekisho.passenger.screening.domain.Reason;
import org.sekisho.passenger.screening.domain.Schedule;
import org.sekisho.passenger.screening.domain.ScreeningList;
import org.sekisho.passenger.screening.domain.TravellerIdentity;

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
  public long flight(FlightRef ref, String direction, Schedule schedule) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "insert into passenger.screening_flight (carrier, number, departure_date,"
                        + " origin, destination, direction, departure_local, arrival_local,"
                        + " departure_at, arrival_at, arrival_date_inferred) values (:c, :n, :d,"
                        + " :o, :dest, :dir, :dl, :al, :da, :aa, :inf) on conflict (carrier,"
                        + " number, departure_date, origin) do update set destination ="
                        + " excluded.destination,"
                        + " departure_local = coalesce(excluded.departure_local,"
                        + " screening_flight.departure_local), arrival_local ="
                        + " coalesce(excluded.arrival_local, screening_flight.arrival_local),"
                        // whether the arrival's date was sent goes with the arrival it describes
                        + " arrival_date_inferred = case when excluded.arrival_local is null then"
                        + " screening_flight.arrival_date_inferred else"
                        + " excluded.arrival_date_inferred end,"
                        + " departure_at = coalesce(excluded.departure_at,"
                        + " screening_flight.departure_at), arrival_at ="
                        + " coalesce(excluded.arrival_at, screening_flight.arrival_at)"
                        + " returning id")
                .bind("c", ref.carrier())
                .bind("n", ref.number())
                .bind("d", ref.departureDate())
                .bind("o", ref.origin())
                .bind("dest", ref.destination())
                .bind("dir", direction)
                .bindByType("dl", schedule.departureLocal(), LocalDateTime.class)
                .bindByType("al", schedule.arrivalLocal(), LocalDateTime.class)
                .bindByType("da", orNull(schedule.departure()), OffsetDateTime.class)
                .bindByType("aa", orNull(schedule.arrival()), OffsetDateTime.class)
                .bind("inf", schedule.arrivalDateInferred())
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
  public List<Long> flightsOfBooking(String booking) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select distinct flight_id from passenger.screening_traveller where booking ="
                        + " :b order by flight_id")
                .bind("b", booking)
                .mapTo(Long.class)
                .list());
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

  // a dismissed watchlist match whose explanation changed: another name, birth date or document
  // (explanations stored before they were keys are English text: they cannot be compared with the
  // keys, so such a match stays as judged)
  private static final String REDISMISSED =
      "(screening_hit.kind = 'watchlist' and screening_hit.status in ('no-match',"
          + " 'false-positive') and screening_hit.explanation <> excluded.explanation and"
          + " screening_hit.explanation[1] like chr(30) || '%')";
  // the stored hit takes the new explanation and is (again) open
  private static final String REOPEN =
      "(screening_hit.status in ('open', 'withdrawn') or " + REDISMISSED + ")";

  @Override
  public boolean withdraw(long hitId, String reason, Instant at) {
    return jdbi.inTransaction(
        h -> {
          Optional<Integer> v =
              h.createQuery(
                      "update passenger.screening_hit set status = 'withdrawn', comment = :c,"
                          + " disposed_by = 'system', disposed_at = :at, version = version + 1"
                          + " where id = :id and status = 'open' returning version")
                  .bind("c", reason)
                  .bind("at", utc(at))
                  .bind("id", hitId)
                  .mapTo(Integer.class)
                  .findOne();
          v.ifPresent(
              version ->
                  decision(
                      h,
                      hitId,
                      version,
                      Decision.Kind.WITHDRAWAL,
                      "withdrawn",
                      reason,
                      "system",
                      at));
          return v.isPresent();
        });
  }

  @Override
  public boolean note(long hitId, String comment, String user, Instant at) {
    return jdbi.inTransaction(
        h -> {
          Optional<Integer> v =
              h.createQuery(
                      "update passenger.screening_hit set version = version + 1 where id = :id and"
                          + " status = 'open' returning version")
                  .bind("id", hitId)
                  .mapTo(Integer.class)
                  .findOne();
          v.ifPresent(
              version ->
                  decision(h, hitId, version, Decision.Kind.NOTE, "open", comment, user, at));
          return v.isPresent();
        });
  }

  private record Upserted(boolean inserted, long id, String status, int version, String comment) {}

  private record Prior(long id, String status, String identity, String by, Instant at) {}

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  @Override
  public Recorded recordHits(
      long flightId, List<Hit> hits, Map<String, TravellerIdentity> identities, Instant at) {
    if (hits.isEmpty()) {
      return new Recorded(0, List.of());
    }
    String again = Reason.of("raised-again").encode();
    return jdbi.inTransaction(
        h -> {
          int fresh = 0;
          List<Reopened> reopened = new ArrayList<>();
          for (Hit hit : hits) {
            TravellerIdentity now = identities.get(hit.subjectKey());
            Optional<Prior> prior =
                h.createQuery(
                        "select id, status, identity, disposed_by, disposed_at from"
                            + " passenger.screening_hit where flight_id = :f and traveller_key ="
                            + " :k and source = :src for update")
                    .bind("f", flightId)
                    .bind("k", hit.subjectKey())
                    .bind("src", hit.source())
                    .map(
                        (rs, ctx) ->
                            new Prior(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                instant(rs.getObject(5, OffsetDateTime.class))))
                    .findOne();
            TravellerIdentity then =
                prior.map(p -> TravellerIdentity.decode(p.identity())).orElse(null);
            if (prior.isPresent()
                && !List.of("open", "withdrawn").contains(prior.get().status())
                && now != null
                && then != null
                && !then.sameAs(now)) {
              reopened.add(reidentified(h, prior.get(), then, hit, now, at));
              continue;
            }
            var row =
                h.createQuery(
                        "insert into passenger.screening_hit (flight_id, traveller_key,"
                            + " traveller_name, booking, kind, source, title, severity, score,"
                            + " explanation, first_seen, last_seen, identity) values (:f, :k,"
                            + " :name, :b, :kind, :src, :title, :sev, :score, :why, :at, :at,"
                            + " :id) on conflict (flight_id, traveller_key, source) do update set"
                            + " last_seen = excluded.last_seen,"
                            + " traveller_name = excluded.traveller_name,"
                            // the identity a decision will be about: the one shown while undecided
                            + " identity = case when ("
                            + REOPEN
                            + " or screening_hit.identity = '') and excluded.identity <> '' then"
                            + " excluded.identity else screening_hit.identity end,"
                            + " version = case when "
                            + REOPEN
                            + " and screening_hit.status <> 'open' then screening_hit.version + 1"
                            + " else screening_hit.version end,"
                            + " explanation = case when "
                            + REOPEN
                            + " then"
                            + " excluded.explanation else screening_hit.explanation end,"
                            + " score = case when "
                            + REOPEN
                            + " then"
                            + " excluded.score else screening_hit.score end,"
                            + " comment = case when screening_hit.status = 'withdrawn' then :again"
                            + " when "
                            + REDISMISSED
                            // a reason (Reason#encode): key, then arguments
                            + " then chr(30) || 'screening.why.reopened' || chr(31) || chr(29) ||"
                            + " 'screening.disposition.' || screening_hit.status || chr(31) ||"
                            + " screening_hit.disposed_by || chr(31) ||"
                            + " to_char(screening_hit.disposed_at at time zone 'UTC',"
                            + " 'YYYY-MM-DD HH24:MI') || chr(31) ||"
                            + " replace(replace(screening_hit.comment, chr(30), ' '), chr(31), ' ')"
                            + " else screening_hit.comment end,"
                            + " disposed_by = case when "
                            + REOPEN
                            + " then null else"
                            + " screening_hit.disposed_by end,"
                            + " disposed_at = case when "
                            + REOPEN
                            + " then null else"
                            + " screening_hit.disposed_at end,"
                            + " status = case when "
                            + REOPEN
                            + " then 'open' else"
                            + " screening_hit.status end"
                            + " returning (xmax = 0) as inserted, id, status, version, comment")
                    .bind("f", flightId)
                    .bind("k", hit.subjectKey())
                    .bind("name", hit.subjectName())
                    .bind("b", hit.booking())
                    .bind("kind", hit.kind().code())
                    .bind("src", hit.source())
                    .bind("title", hit.title())
                    .bind("sev", hit.severity())
                    .bind("score", hit.score())
                    .bind("why", hit.reasons().stream().map(Reason::encode).toArray(String[]::new))
                    .bind("at", utc(at))
                    .bind("id", now == null ? "" : now.encode())
                    .bind("again", again)
                    .map(
                        (rs, ctx) ->
                            new Upserted(
                                rs.getBoolean(1),
                                rs.getLong(2),
                                rs.getString(3),
                                rs.getInt(4),
                                rs.getString(5)))
                    .one();
            if (row.inserted()) {
              fresh++;
            } else if (!prior.get().status().equals("open") && row.status().equals("open")) {
              // raised again after a withdrawal, or a dismissed match that changed: the
              // screening's step is part of the history, with its reason
              String reason = row.comment();
              decision(
                  h,
                  row.id(),
                  row.version(),
                  Decision.Kind.REOPENING,
                  "open",
                  reason,
                  "system",
                  at);
              reopened.add(
                  new Reopened(row.id(), prior.get().status(), Reason.decode(reason).key()));
            }
          }
          return new Recorded(fresh, reopened);
        });
  }

  // the passenger reference is now another person: the decision was about someone else
  private static Reopened reidentified(
      org.jdbi.v3.core.Handle h,
      Prior prior,
      TravellerIdentity then,
      Hit hit,
      TravellerIdentity now,
      Instant at) {
    String reason =
        Reason.of(
                "reidentified",
                Reason.term("screening.disposition." + prior.status()),
                prior.by() == null ? "" : prior.by(),
                prior.at() == null ? "" : MINUTE.format(prior.at()),
                then.shown(),
                now.shown())
            .encode();
    int version =
        h.createQuery(
                "update passenger.screening_hit set status = 'open', comment = :c, disposed_by ="
                    + " null, disposed_at = null, explanation = :why, score = :score,"
                    + " traveller_name = :name, last_seen = :at, identity = :id, version ="
                    + " version + 1 where id = :hit returning version")
            .bind("c", reason)
            .bind("why", hit.reasons().stream().map(Reason::encode).toArray(String[]::new))
            .bind("score", hit.score())
            .bind("name", hit.subjectName())
            .bind("at", utc(at))
            .bind("id", now.encode())
            .bind("hit", prior.id())
            .mapTo(Integer.class)
            .one();
    decision(h, prior.id(), version, Decision.Kind.REOPENING, "open", reason, "system", at);
    return new Reopened(prior.id(), prior.status(), "screening.why.reidentified");
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
                        + " order by f.arrival_at nulls last, f.departure_date, f.carrier,"
                        + " f.number limit 500")
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
        new Schedule(
            rs.getObject("departure_local", LocalDateTime.class),
            rs.getObject("arrival_local", LocalDateTime.class),
            instant(rs.getObject("departure_at", OffsetDateTime.class)),
            instant(rs.getObject("arrival_at", OffsetDateTime.class)),
            // stored before V11: whether the date was sent is not known, so it is not checked
            !Boolean.FALSE.equals(rs.getObject("arrival_date_inferred", Boolean.class))),
        rs.getString("direction"),
        rs.getString("status"),
        screened == null ? null : screened.toInstant(),
        rs.getInt("travellers"),
        rs.getInt("open_hits"),
        rs.getInt("all_hits"));
  }

  private static OffsetDateTime orNull(Instant at) {
    return at == null ? null : utc(at);
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  @Override
  public List<HitRow> openHitsOf(String source) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select * from passenger.screening_hit where status = 'open' and source = :s"
                        + " order by id")
                .bind("s", source)
                .map((rs, ctx) -> hitRow(rs))
                .list());
  }

  @Override
  public List<QueuedHit> openHits(LocalDate from, LocalDate to, String direction) {
    return jdbi.withHandle(
        h -> {
          Map<Long, FlightRow> flights = new HashMap<>();
          for (FlightRow f : flights(from, to, direction)) {
            flights.put(f.id(), f);
          }
          // one query for the order, so that the queue is the order the unit works in
          return h
              .createQuery(
                  "select h.* from passenger.screening_hit h join passenger.screening_flight f"
                      + " on f.id = h.flight_id where h.status = 'open' and f.departure_date"
                      + " between :from and :to"
                      + (direction.isEmpty() ? "" : " and f.direction = :dir")
                      + " order by f.arrival_at nulls last, f.departure_date, f.carrier,"
                      + " f.number, case h.severity when 'critical' then 0 when 'high' then 1"
                      + " when 'medium' then 2 when 'low' then 3 else 4 end, h.score desc, h.id"
                      + " limit 500")
              .bind("from", from)
              .bind("to", to)
              .bind("dir", direction)
              .map((rs, ctx) -> hitRow(rs))
              .list()
              .stream()
              .map(
                  hr ->
                      new QueuedHit(
                          hr,
                          flights.computeIfAbsent(
                              hr.flightId(), id -> flightById(id).orElseThrow())))
              .toList();
        });
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
            strings(rs.getArray("explanation")).stream().map(Reason::decode).toList()),
        rs.getString("status"),
        rs.getString("comment"),
        rs.getString("disposed_by"),
        disposed == null ? null : disposed.toInstant(),
        rs.getObject("first_seen", OffsetDateTime.class).toInstant(),
        rs.getObject("last_seen", OffsetDateTime.class).toInstant(),
        rs.getInt("version"));
  }

  @Override
  public boolean dispose(long hitId, String disposition, String comment, String user, Instant at) {
    return jdbi.inTransaction(
        h -> {
          Optional<Integer> v =
              h.createQuery(
                      "update passenger.screening_hit set status = :s, comment = :c,"
                          + " disposed_by = :u, disposed_at = :at, version = version + 1 where id"
                          + " = :id and status = 'open' returning version")
                  .bind("s", disposition)
                  .bind("c", comment)
                  .bind("u", user)
                  .bind("at", utc(at))
                  .bind("id", hitId)
                  .mapTo(Integer.class)
                  .findOne();
          v.ifPresent(
              version ->
                  decision(
                      h,
                      hitId,
                      version,
                      Decision.Kind.DISPOSITION,
                      disposition,
                      comment,
                      user,
                      at));
          return v.isPresent();
        });
  }

  @Override
  public boolean decide(
      long hitId,
      int expectedVersion,
      Decision.Kind kind,
      String disposition,
      String comment,
      String user,
      Instant at) {
    String which =
        kind == Decision.Kind.REFERRAL_OUTCOME
            // a later outcome corrects the officers' own (HitReview checks it was theirs)
            ? "status in ('refer-to-officer', 'confirmed', 'examined-nothing-found')"
            : "status not in ('open', 'withdrawn')";
    return jdbi.inTransaction(
        h -> {
          Optional<Integer> v =
              h.createQuery(
                      "update passenger.screening_hit set status = :s, comment = :c,"
                          + " disposed_by = :u, disposed_at = :at, version = version + 1 where id"
                          + " = :id and version = :v and "
                          + which
                          + " returning version")
                  .bind("s", disposition)
                  .bind("c", comment)
                  .bind("u", user)
                  .bind("at", utc(at))
                  .bind("id", hitId)
                  .bind("v", expectedVersion)
                  .mapTo(Integer.class)
                  .findOne();
          v.ifPresent(version -> decision(h, hitId, version, kind, disposition, comment, user, at));
          return v.isPresent();
        });
  }

  private static void decision(
      org.jdbi.v3.core.Handle h,
      long hitId,
      int version,
      Decision.Kind kind,
      String disposition,
      String comment,
      String user,
      Instant at) {
    h.createUpdate(
            "insert into passenger.screening_decision (hit_id, version, kind, disposition,"
                + " comment, decided_by, decided_at) values (:h, :v, :k, :d, :c, :u, :at)")
        .bind("h", hitId)
        .bind("v", version)
        .bind("k", kind.code())
        .bind("d", disposition)
        .bind("c", comment)
        .bind("u", user)
        .bind("at", utc(at))
        .execute();
  }

  @Override
  public List<Decision> decisions(long hitId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select * from passenger.screening_decision where hit_id = :h order by"
                        + " version")
                .bind("h", hitId)
                .map(
                    (rs, ctx) ->
                        new Decision(
                            rs.getLong("hit_id"),
                            rs.getInt("version"),
                            Decision.Kind.valueOf(
                                rs.getString("kind").toUpperCase(Locale.ROOT).replace('-', '_')),
                            rs.getString("disposition"),
                            rs.getString("comment"),
                            rs.getString("decided_by"),
                            rs.getObject("decided_at", OffsetDateTime.class).toInstant()))
                .list());
  }

  @Override
  public List<Referral> referrals(String airport) {
    return jdbi.withHandle(
        h ->
            referralsFrom(
                h.createQuery(
                    "select h.id, case when f.direction = 'departure' then f.origin else"
                        + " f.destination end as airport from passenger.screening_hit h join"
                        + " passenger.screening_flight f on f.id = h.flight_id where h.status ="
                        + " 'refer-to-officer' order by f.departure_date, h.disposed_at, h.id"
                        + " limit 500"),
                airport));
  }

  @Override
  public List<Referral> closedReferrals(String airport, Instant since) {
    return jdbi.withHandle(
        h ->
            referralsFrom(
                h.createQuery(
                        "select h.id, case when f.direction = 'departure' then f.origin else"
                            + " f.destination end as airport from passenger.screening_hit h join"
                            + " passenger.screening_flight f on f.id = h.flight_id join"
                            + " passenger.screening_decision d on d.hit_id = h.id and d.version ="
                            + " h.version where h.status in ('confirmed', 'examined-nothing-found')"
                            + " and d.kind = 'referral-outcome' and d.decided_at >= :since order"
                            + " by d.decided_at desc, h.id limit 500")
                    .bind("since", utc(since)),
                airport));
  }

  /**
   * The referrals named by a query of (hit id, airport) rows, in its order, kept to {@code airport}
   * unless that is empty.
   */
  private List<Referral> referralsFrom(org.jdbi.v3.core.statement.Query rows, String airport) {
    List<Referral> out = new ArrayList<>();
    rows.map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
        .filter(e -> airport.isEmpty() || e.getValue().equalsIgnoreCase(airport))
        .forEach(
            e ->
                hit(e.getKey())
                    .ifPresent(
                        hr ->
                            out.add(
                                new Referral(
                                    hr, flightById(hr.flightId()).orElseThrow(), e.getValue()))));
    return out;
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
        rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
        rs.getInt("version"),
        listVersions(rs.getString("lists")),
        rs.getString("disabled_reason"),
        rs.getString("disabled_by"),
        instant(rs.getObject("disabled_at", OffsetDateTime.class)));
  }

  @Override
  public long saveRule(
      long id, String name, String text, Map<String, Integer> lists, String user, Instant at) {
    String used = listVersions(lists);
    return jdbi.inTransaction(
        h -> {
          long ruleId;
          int version;
          if (id == 0) {
            ruleId =
                h.createQuery(
                        "insert into passenger.screening_rule (name, text, updated_by, updated_at,"
                            + " version, lists) values (:n, :t, :u, :at, 1, :l) returning id")
                    .bind("n", name)
                    .bind("t", text)
                    .bind("u", user)
                    .bind("at", utc(at))
                    .bind("l", used)
                    .mapTo(Long.class)
                    .one();
            version = 1;
          } else {
            ruleId = id;
            version =
                h.createQuery(
                        "update passenger.screening_rule set name = :n, text = :t, updated_by ="
                            + " :u, updated_at = :at, version = version + 1, lists = :l where id"
                            + " = :id returning version")
                    .bind("n", name)
                    .bind("t", text)
                    .bind("u", user)
                    .bind("at", utc(at))
                    .bind("l", used)
                    .bind("id", id)
                    .mapTo(Integer.class)
                    .one();
          }
          h.createUpdate(
                  "insert into passenger.screening_rule_version (rule_id, version, name, text,"
                      + " lists, saved_by, saved_at) values (:id, :v, :n, :t, :l, :u, :at)")
              .bind("id", ruleId)
              .bind("v", version)
              .bind("n", name)
              .bind("t", text)
              .bind("l", used)
              .bind("u", user)
              .bind("at", utc(at))
              .execute();
          return ruleId;
        });
  }

  @Override
  public List<RuleVersion> ruleVersions(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select * from passenger.screening_rule_version where rule_id = :id order by"
                        + " version")
                .bind("id", id)
                .map(
                    (rs, ctx) ->
                        new RuleVersion(
                            rs.getLong("rule_id"),
                            rs.getInt("version"),
                            rs.getString("name"),
                            rs.getString("text"),
                            listVersions(rs.getString("lists")),
                            rs.getString("saved_by"),
                            rs.getObject("saved_at", OffsetDateTime.class).toInstant()))
                .list());
  }

  /** {@code a=1,b=3}. */
  static String listVersions(Map<String, Integer> lists) {
    StringBuilder b = new StringBuilder();
    new java.util.TreeMap<>(lists)
        .forEach((n, v) -> b.append(b.isEmpty() ? "" : ",").append(n).append('=').append(v));
    return b.toString();
  }

  static Map<String, Integer> listVersions(String text) {
    Map<String, Integer> out = new java.util.TreeMap<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String part : text.split(",")) {
      int eq = part.lastIndexOf('=');
      if (eq > 0) {
        try {
          out.put(part.substring(0, eq), Integer.parseInt(part.substring(eq + 1)));
        } catch (NumberFormatException e) {
          // written by this class only; a damaged pair is skipped
        }
      }
    }
    return out;
  }

  @Override
  public void enableRule(long id, boolean enabled, String reason, String user, Instant at) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update passenger.screening_rule set enabled = :e, updated_by = :u,"
                        + " updated_at = :at, disabled_reason = :r, disabled_by = case when :e"
                        + " then null else :u end, disabled_at = case when :e then null else"
                        + " cast(:at as timestamptz) end where id = :id")
                .bind("e", enabled)
                .bind("r", enabled ? "" : reason)
                .bind("u", user)
                .bind("at", utc(at))
                .bind("id", id)
                .execute());
  }

  @Override
  public int putEntries(List<WatchlistEntry> entries, Instant at, String token) {
    return jdbi.inTransaction(
        h -> {
          var batch =
              h.prepareBatch(
                  "insert into passenger.watchlist_entry (list_name, entry_id, severity, names,"
                      + " birth_dates, nationalities, documents, updated_at, import_token) values"
                      + " (:l, :id, :sev, :names, :dobs, :nats, :docs, :at, :tok) on conflict"
                      + " (list_name, entry_id) do update set severity = excluded.severity, names"
                      + " = excluded.names, birth_dates = excluded.birth_dates, nationalities ="
                      + " excluded.nationalities, documents = excluded.documents, updated_at ="
                      + " excluded.updated_at, import_token = excluded.import_token");
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
                .bind("tok", token)
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
                    "select e.list_name, count(*) as n, string_agg(distinct e.severity, ', ') as"
                        + " sev, max(e.updated_at) as at, coalesce(max(w.version), 0) as v from"
                        + " passenger.watchlist_entry e left join passenger.watchlist w on w.name"
                        + " = e.list_name group by e.list_name order by e.list_name")
                .map(
                    (rs, ctx) ->
                        new ListRow(
                            rs.getString("list_name"),
                            rs.getInt("n"),
                            rs.getString("sev"),
                            rs.getObject("at", OffsetDateTime.class).toInstant(),
                            rs.getInt("v")))
                .list());
  }

  @Override
  public List<String> removeEntriesNotFrom(String listName, String token) {
    List<String> ids =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "delete from passenger.watchlist_entry where list_name = :l and"
                            + " import_token <> :tok returning entry_id")
                    .bind("l", listName)
                    .bind("tok", token)
                    .mapTo(String.class)
                    .list());
    return ids.stream().sorted().toList();
  }

  @Override
  public List<String> entriesNotFrom(String listName, String token) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select entry_id from passenger.watchlist_entry where list_name = :l and"
                        + " import_token <> :tok order by entry_id")
                .bind("l", listName)
                .bind("tok", token)
                .mapTo(String.class)
                .list());
  }

  @Override
  public Optional<WatchlistRow> watchlist(String name) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from passenger.watchlist where name = :n")
                .bind("n", name)
                .map((rs, ctx) -> watchlistRow(rs))
                .findOne());
  }

  private static WatchlistRow watchlistRow(ResultSet rs) throws SQLException {
    return new WatchlistRow(
        rs.getString("name"),
        rs.getString("severity"),
        rs.getInt("version"),
        rs.getInt("entries"),
        rs.getString("content_hash"),
        rs.getString("format"),
        rs.getString("updated_by"),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant());
  }

  @Override
  public WatchlistRow newWatchlistVersion(
      String name,
      String severity,
      String contentHash,
      String format,
      int added,
      int removed,
      int refused,
      String by,
      Instant at) {
    return jdbi.inTransaction(
        h -> {
          h.execute("select pg_advisory_xact_lock(hashtext('watchlist:' || ?))", name);
          int entries =
              h.createQuery("select count(*) from passenger.watchlist_entry where list_name = :n")
                  .bind("n", name)
                  .mapTo(Integer.class)
                  .one();
          WatchlistRow row =
              h.createQuery(
                      "insert into passenger.watchlist (name, severity, version, entries,"
                          + " content_hash, format, updated_by, updated_at) values (:n, :sev, 1,"
                          + " :e, :hash, :f, :by, :at) on conflict (name) do update set severity"
                          + " = excluded.severity, version = watchlist.version + 1, entries ="
                          + " excluded.entries, content_hash = excluded.content_hash, format ="
                          + " excluded.format, updated_by = excluded.updated_by, updated_at ="
                          + " excluded.updated_at returning *")
                  .bind("n", name)
                  .bind("sev", severity)
                  .bind("e", entries)
                  .bind("hash", contentHash)
                  .bind("f", format)
                  .bind("by", by)
                  .bind("at", utc(at))
                  .map((rs, ctx) -> watchlistRow(rs))
                  .one();
          h.createUpdate(
                  "insert into passenger.watchlist_version (name, version, entries, added,"
                      + " removed, refused, content_hash, format, imported_by, imported_at) values"
                      + " (:n, :v, :e, :a, :r, :x, :hash, :f, :by, :at)")
              .bind("n", name)
              .bind("v", row.version())
              .bind("e", entries)
              .bind("a", added)
              .bind("r", removed)
              .bind("x", refused)
              .bind("hash", contentHash)
              .bind("f", format)
              .bind("by", by)
              .bind("at", utc(at))
              .execute();
          return row;
        });
  }

  @Override
  public List<WatchlistVersionRow> watchlistVersions(String name) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select * from passenger.watchlist_version where name = :n order by version"
                        + " desc")
                .bind("n", name)
                .map(
                    (rs, ctx) ->
                        new WatchlistVersionRow(
                            rs.getString("name"),
                            rs.getInt("version"),
                            rs.getInt("entries"),
                            rs.getInt("added"),
                            rs.getInt("removed"),
                            rs.getInt("refused"),
                            rs.getString("format"),
                            rs.getString("imported_by"),
                            rs.getObject("imported_at", OffsetDateTime.class).toInstant()))
                .list());
  }

  @Override
  public Stamp stamp() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select (select coalesce(string_agg(name || ':' || version, ',' order by"
                        + " name), '') from passenger.watchlist) as w, (select"
                        + " coalesce(string_agg(id || ':' || version || ':' || enabled, ',' order"
                        + " by id), '') from passenger.screening_rule) || '|' || (select"
                        + " coalesce(string_agg(name || ':' || version, ',' order by name), '')"
                        + " from passenger.screening_list) as r")
                .map((rs, ctx) -> new Stamp(rs.getString("w"), rs.getString("r")))
                .one());
  }

  // ---- reference lists

  @Override
  public Map<String, ScreeningList> referenceLists() {
    return jdbi.withHandle(
        h -> {
          Map<String, PassengerListKind> kinds = new java.util.TreeMap<>();
          Map<String, Integer> versions = new HashMap<>();
          Map<String, java.util.Set<String>> entries = new HashMap<>();
          h.createQuery("select name, kind, version from passenger.screening_list")
              .map(
                  (rs, ctx) ->
                      Map.entry(
                          rs.getString("name"),
                          Map.entry(rs.getString("kind"), rs.getInt("version"))))
              .forEach(
                  r -> {
                    String n = r.getKey();
                    PassengerListKind.ofCode(r.getValue().getKey()).ifPresent(k -> kinds.put(n, k));
                    versions.put(n, r.getValue().getValue());
                    entries.put(n, new java.util.HashSet<>());
                  });
          h.createQuery("select list_name, value from passenger.screening_list_entry")
              .setFetchSize(10_000)
              .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
              .forEach(
                  e -> {
                    var set = entries.get(e.getKey());
                    if (set != null) {
                      set.add(e.getValue());
                    }
                  });
          Map<String, ScreeningList> out = new java.util.TreeMap<>();
          kinds.forEach(
              (n, k) -> out.put(n, new ScreeningList(n, k, versions.get(n), entries.get(n))));
          return out;
        });
  }

  private static final String LIST_COLUMNS =
      "select l.*, (select count(*) from passenger.screening_list_entry e where e.list_name ="
          + " l.name) as n from passenger.screening_list l";

  @Override
  public List<ReferenceListRow> referenceListRows() {
    return jdbi.withHandle(
        h ->
            h.createQuery(LIST_COLUMNS + " order by l.name")
                .map((rs, ctx) -> referenceListRow(rs))
                .list());
  }

  @Override
  public Optional<ReferenceListRow> referenceList(String name) {
    return jdbi.withHandle(
        h ->
            h.createQuery(LIST_COLUMNS + " where l.name = :n")
                .bind("n", name)
                .map((rs, ctx) -> referenceListRow(rs))
                .findOne());
  }

  private static ReferenceListRow referenceListRow(ResultSet rs) throws SQLException {
    return new ReferenceListRow(
        rs.getString("name"),
        PassengerListKind.ofCode(rs.getString("kind")).orElseThrow(),
        rs.getString("description"),
        rs.getInt("version"),
        rs.getInt("n"),
        rs.getString("updated_by"),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant());
  }

  @Override
  public boolean createList(
      String name, PassengerListKind kind, String description, String by, Instant at) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "insert into passenger.screening_list (name, kind, description, version,"
                            + " created_by, updated_by, updated_at) values (:n, :k, :d, 1, :by,"
                            + " :by, :at) on conflict (name) do nothing")
                    .bind("n", name)
                    .bind("k", kind.code())
                    .bind("d", description.replace("\u0000", ""))
                    .bind("by", by)
                    .bind("at", utc(at))
                    .execute())
        == 1;
  }

  @Override
  public int addListEntries(String name, List<ListEntry> entries, String by, Instant at) {
    if (entries.isEmpty()) {
      return 0;
    }
    return jdbi.inTransaction(
        h -> {
          h.execute("select pg_advisory_xact_lock(hashtext('screening-list:' || ?))", name);
          Map<String, String> unique = new java.util.LinkedHashMap<>();
          for (ListEntry e : entries) {
            unique.put(e.value().replace("\u0000", ""), e.note().replace("\u0000", ""));
          }
          int fresh = 0;
          int changed = 0;
          for (Map.Entry<String, String> e : unique.entrySet()) {
            Boolean inserted =
                h.createQuery(
                        "insert into passenger.screening_list_entry (list_name, value, note,"
                            + " added_by, added_at) values (:l, :v, :note, :by, :at) on conflict"
                            + " (list_name, value) do update set note = excluded.note where"
                            + " screening_list_entry.note <> excluded.note returning (xmax = 0)")
                    .bind("l", name)
                    .bind("v", e.getKey())
                    .bind("note", e.getValue())
                    .bind("by", by)
                    .bind("at", utc(at))
                    .mapTo(Boolean.class)
                    .findOne()
                    .orElse(null);
            if (inserted != null) {
              changed++;
              if (inserted) {
                fresh++;
              }
            }
          }
          if (changed > 0) {
            bumpList(h, name, by, at);
          }
          return fresh;
        });
  }

  @Override
  public boolean removeListEntry(String name, String value, String by, Instant at) {
    return jdbi.inTransaction(
        h -> {
          int n =
              h.createUpdate(
                      "delete from passenger.screening_list_entry where list_name = :l and value"
                          + " = :v")
                  .bind("l", name)
                  .bind("v", value)
                  .execute();
          if (n > 0) {
            bumpList(h, name, by, at);
          }
          return n > 0;
        });
  }

  private static void bumpList(org.jdbi.v3.core.Handle h, String name, String by, Instant at) {
    h.createUpdate(
            "update passenger.screening_list set version = version + 1, updated_by = :by,"
                + " updated_at = :at where name = :n")
        .bind("by", by)
        .bind("at", utc(at))
        .bind("n", name)
        .execute();
  }

  @Override
  public List<ListEntry> listEntries(String name, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select value, note from passenger.screening_list_entry where list_name = :l"
                        + " order by value limit :lim")
                .bind("l", name)
                .bind("lim", limit)
                .map((rs, ctx) -> new ListEntry(rs.getString(1), rs.getString(2)))
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
