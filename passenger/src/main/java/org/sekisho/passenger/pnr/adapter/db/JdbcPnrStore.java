package org.sekisho.passenger.pnr.adapter.db;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Jdbi;
import org.sekisho.passenger.pnr.adapter.json.JsonText;
import org.sekisho.passenger.pnr.adapter.json.PnrJson;
import org.sekisho.passenger.pnr.application.PnrRetention;
import org.sekisho.passenger.pnr.application.PnrStore;
import org.sekisho.passenger.pnr.application.PnrUnmasking;
import org.sekisho.passenger.pnr.domain.ApiMessage;
import org.sekisho.passenger.pnr.domain.BookingChange;
import org.sekisho.passenger.pnr.domain.BookingFacts;
import org.sekisho.passenger.pnr.domain.Flight;
import org.sekisho.passenger.pnr.domain.Pnr;
import org.sekisho.passenger.pnr.domain.PnrMessage;
import org.sekisho.passenger.pnr.domain.TravelDocument;
import org.sekisho.passenger.pnr.domain.Traveller;

/**
 * {@link PnrStore} and the retention store on PostgreSQL, tables of schema {@code passenger}
 * ({@code db/passenger/V1__pnr_api.sql}). Thread-safe.
 */
public final class JdbcPnrStore implements PnrStore, PnrRetention.Store, PnrUnmasking.Store {
  private static final String MASK = "***";
  private final Jdbi jdbi;

  public JdbcPnrStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public Optional<Long> archive(ArchivedMessage m) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "insert into passenger.message (kind, source, sha256, received_at, status, reason,"
                        + " raw) values (:kind, :source, :sha, :at, :status, :reason, :raw)"
                        + " on conflict (sha256) do nothing returning id")
                .bind("kind", m.kind())
                .bind("source", m.source())
                .bind("sha", m.sha256())
                .bind("at", utc(m.receivedAt()))
                .bind("status", m.status())
                .bind("reason", m.reason().replace('\u0000', '\uFFFD'))
                // PostgreSQL cannot store NUL in text: the raw text is kept without it (the
                // SHA-256 is of the text as sent)
                .bind("raw", m.text().replace("\u0000", ""))
                .mapTo(Long.class)
                .findOne());
  }

  @Override
  public Optional<Version> latest(String carrier, String locator) {
    List<Version> all = query(carrier, locator, " order by version desc limit 1");
    return all.stream().findFirst();
  }

  @Override
  public List<Version> versions(String carrier, String locator) {
    return query(carrier, locator, " order by version");
  }

  private List<Version> query(String carrier, String locator, String order) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select version, received_at, names, seats, payments, itinerary, array(select"
                        + " (c->>'kind') || '|' || (c->>'change') || '|' || (c->>'value') from"
                        + " jsonb_array_elements(changes) c) as change_list, cast(record as text) as"
                        + " record, masked from passenger.pnr_version"
                        + " where carrier = :carrier and locator = :locator"
                        + order)
                .bind("carrier", carrier)
                .bind("locator", locator)
                .map((rs, ctx) -> version(rs))
                .list());
  }

  private static Version version(ResultSet rs) throws SQLException {
    BookingFacts facts =
        new BookingFacts(
            strings(rs.getArray("names")),
            strings(rs.getArray("seats")),
            strings(rs.getArray("payments")),
            strings(rs.getArray("itinerary")));
    String record = rs.getString("record");
    return new Version(
        rs.getInt("version"),
        rs.getObject("received_at", OffsetDateTime.class).toInstant(),
        facts,
        changes(strings(rs.getArray("change_list"))),
        record == null ? "" : record,
        rs.getBoolean("masked"));
  }

  private static List<String> strings(Array a) throws SQLException {
    Object[] values = (Object[]) a.getArray();
    List<String> out = new ArrayList<>(values.length);
    for (Object v : values) {
      out.add(String.valueOf(v));
    }
    return out;
  }

  @Override
  public int addVersion(
      long messageId,
      PnrMessage message,
      Pnr pnr,
      BookingFacts facts,
      List<BookingChange> changes,
      Instant receivedAt) {
    String record = JsonText.write(PnrJson.pnr(pnr, message, false)).replace("\\u0000", "");
    Flight pushed = message.flight();
    return jdbi.inTransaction(
        h -> {
          // serialise concurrent pushes of the same booking
          h.execute(
              "select pg_advisory_xact_lock(hashtext(?))",
              pnr.carrier() + "/" + pnr.recordLocator());
          int next =
              h.createQuery(
                      "select coalesce(max(version), 0) + 1 from passenger.pnr_version"
                          + " where carrier = :c and locator = :l")
                  .bind("c", pnr.carrier())
                  .bind("l", pnr.recordLocator())
                  .mapTo(Integer.class)
                  .one();
          h.createUpdate(
                  "insert into passenger.pnr_version (message_id, carrier, locator, version,"
                      + " received_at, flight, names, seats, payments, itinerary, changes, record)"
                      + " values (:m, :c, :l, :v, :at, :flight, :names, :seats, :payments,"
                      + " :itinerary, cast(:changes as jsonb), cast(:record as jsonb))")
              .bind("m", messageId)
              .bind("c", pnr.carrier())
              .bind("l", pnr.recordLocator())
              .bind("v", next)
              .bind("at", utc(receivedAt))
              .bind("flight", pushed == null ? "" : pushed.designator())
              .bind("names", facts.names().toArray(String[]::new))
              .bind("seats", facts.seats().toArray(String[]::new))
              .bind("payments", facts.payments().toArray(String[]::new))
              .bind("itinerary", facts.itinerary().toArray(String[]::new))
              .bind("changes", JsonText.write(changesJson(changes)))
              .bind("record", record)
              .execute();
          return next;
        });
  }

  @Override
  public void addApiMessage(long messageId, ApiMessage message, Instant receivedAt) {
    Flight first = message.flights().isEmpty() ? null : message.flights().get(0);
    jdbi.useTransaction(
        h -> {
          var batch =
              h.prepareBatch(
                  "insert into passenger.api_traveller (message_id, received_at, flight, origin,"
                      + " destination, departure, role, surname, given_name, date_of_birth,"
                      + " nationality, document_number) values (:m, :at, :flight, :origin,"
                      + " :destination, :departure, :role, :surname, :given, :dob, :nat, :doc)");
          for (Traveller t : message.travellers()) {
            LocalDateTime departure = first == null ? null : first.departure();
            batch
                .bind("m", messageId)
                .bind("at", utc(receivedAt))
                .bind("flight", first == null ? "" : first.designator())
                .bind("origin", first == null ? "" : first.origin())
                .bind("destination", first == null ? "" : first.destination())
                .bind("departure", departure == null ? null : Timestamp.valueOf(departure))
                .bind("role", t.role())
                .bind("surname", t.surname())
                .bind("given", t.givenName())
                .bind("dob", t.dateOfBirth())
                .bind("nat", t.nationality())
                .bind(
                    "doc",
                    t.documents().stream().map(TravelDocument::number).findFirst().orElse(""))
                .add();
          }
          if (!message.travellers().isEmpty()) {
            batch.execute();
          }
        });
  }

  @Override
  public int maskReceivedBefore(Instant cutoff) {
    return jdbi.inTransaction(
        h -> {
          OffsetDateTime c = utc(cutoff);
          h.createUpdate(
                  "insert into passenger.masked_record (version_id, record, names, seats, payments)"
                      + " select id, record, names, seats, payments from passenger.pnr_version"
                      + " where received_at < :c and not masked on conflict do nothing")
              .bind("c", c)
              .execute();
          int n =
              h.createUpdate(
                      "update passenger.pnr_version set names = array_fill(cast(:mask as text),"
                          + " array[cardinality(names)]), seats = array(select regexp_replace(s,"
                          + " '^.*? [|] ', :prefix) from unnest(seats) s), payments = '{}',"
                          + " record = null,"
                          + " changes = '[]'::jsonb, masked = true where received_at < :c and not masked")
                  .bind("mask", MASK)
                  .bind("prefix", MASK + " | ")
                  .bind("c", c)
                  .execute();
          n +=
              h.createUpdate(
                      "update passenger.api_traveller set surname = null, given_name = null,"
                          + " date_of_birth = null, document_number = null, masked = true"
                          + " where received_at < :c and not masked")
                  .bind("c", c)
                  .execute();
          n +=
              h.createUpdate(
                      "update passenger.message set raw = null, masked = true"
                          + " where received_at < :c and not masked")
                  .bind("c", c)
                  .execute();
          // screening keeps travellers' facts per flight: gone with the flight's masking; hits
          // keep what hit and the disposition, not who
          h.createUpdate(
                  "delete from passenger.screening_traveller where flight_id in (select id from"
                      + " passenger.screening_flight where departure_date < cast(:c as date))")
              .bind("c", c)
              .execute();
          // the comment (officers write names and passport numbers there) and a watchlist hit's
          // title (the listed name that matched, much like the traveller's) go too; a hit
          // disposed of after masking is masked on the next run
          h.createUpdate(
                  "update passenger.screening_hit set traveller_name = :mask, traveller_key ="
                      + " :mask || id, explanation = '{}', identity = '', comment = case when"
                      + " comment = '' then"
                      + " '' else :mask end, title = case when kind = 'watchlist' then :mask"
                      + " else title end where (traveller_name <> :mask or comment not in ('',"
                      + " :mask)) and flight_id in (select id from passenger.screening_flight"
                      + " where departure_date < cast(:c as date))")
              .bind("mask", MASK)
              .bind("c", c)
              .execute();
          // and every earlier decision's comment (corrections and referral outcomes keep theirs)
          h.createUpdate(
                  "update passenger.screening_decision set comment = :mask where comment not in"
                      + " ('', :mask) and hit_id in (select h.id from passenger.screening_hit h"
                      + " join passenger.screening_flight f on f.id = h.flight_id where"
                      + " f.departure_date < cast(:c as date))")
              .bind("mask", MASK)
              .bind("c", c)
              .execute();
          return n;
        });
  }

  @Override
  public int deleteReceivedBefore(Instant cutoff) {
    return jdbi.withHandle(
        h -> {
          h.createUpdate(
                  "delete from passenger.screening_flight where departure_date < cast(:c as date)")
              .bind("c", utc(cutoff))
              .execute();
          return h.createUpdate("delete from passenger.message where received_at < :c")
              .bind("c", utc(cutoff))
              .execute();
        });
  }

  @Override
  public Optional<Long> maskedVersion(String carrier, String locator, int version) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select id from passenger.pnr_version where carrier = :c and locator = :l and"
                        + " version = :v and masked")
                .bind("c", carrier)
                .bind("l", locator)
                .bind("v", version)
                .mapTo(Long.class)
                .findOne());
  }

  @Override
  public OptionalLong addRequest(long versionId, String requester, String reason, Instant at) {
    // the partial unique index unmask_request_one_pending (V14): a second pending request of the
    // same person for the version, even one sent at the same moment, writes nothing
    Optional<Long> id =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "insert into passenger.unmask_request (version_id, requested_by, reason,"
                            + " requested_at) values (:v, :u, :r, :at) on conflict (version_id,"
                            + " requested_by) where status = 'pending' do nothing returning id")
                    .bind("v", versionId)
                    .bind("u", requester)
                    .bind("r", reason)
                    .bind("at", utc(at))
                    .mapTo(Long.class)
                    .findOne());
    return id.map(OptionalLong::of).orElseGet(OptionalLong::empty);
  }

  /** The columns {@link #request(ResultSet)} reads, over {@code r} (request) and {@code v}. */
  private static final String REQUEST =
      "select r.id, r.version_id, v.carrier, v.locator, v.version, r.requested_by, r.reason,"
          + " r.requested_at, r.status, coalesce(r.approved_by, r.refused_by, '') as decided_by,"
          + " coalesce(r.approved_at, r.refused_at) as decided_at, coalesce(r.refusal_reason, '')"
          + " as refusal_reason from passenger.unmask_request r join passenger.pnr_version v on"
          + " v.id = r.version_id";

  private static PnrUnmasking.Request request(ResultSet rs) throws SQLException {
    OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
    return new PnrUnmasking.Request(
        rs.getLong("id"),
        rs.getLong("version_id"),
        rs.getString("carrier"),
        rs.getString("locator"),
        rs.getInt("version"),
        rs.getString("requested_by"),
        rs.getString("reason"),
        rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
        rs.getString("status"),
        rs.getString("decided_by"),
        decided == null ? null : decided.toInstant(),
        rs.getString("refusal_reason"));
  }

  @Override
  public Optional<PnrUnmasking.Request> request(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(REQUEST + " where r.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> request(rs))
                .findOne());
  }

  @Override
  public List<PnrUnmasking.Request> pending() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    REQUEST + " where r.status = 'pending' order by r.requested_at, r.id limit 500")
                .map((rs, ctx) -> request(rs))
                .list());
  }

  @Override
  public List<PnrUnmasking.Request> decided(int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    REQUEST
                        + " where r.status <> 'pending' order by coalesce(r.approved_at,"
                        + " r.refused_at) desc, r.id desc limit :n")
                .bind("n", limit)
                .map((rs, ctx) -> request(rs))
                .list());
  }

  @Override
  public List<PnrUnmasking.Request> requestedBy(String requester, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    REQUEST
                        + " where r.requested_by = :u order by r.requested_at desc, r.id desc"
                        + " limit :n")
                .bind("u", requester)
                .bind("n", limit)
                .map((rs, ctx) -> request(rs))
                .list());
  }

  @Override
  public boolean refuse(long id, String refuser, String reason, Instant at) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "update passenger.unmask_request set status = 'refused', refused_by = :u,"
                            + " refused_at = :at, refusal_reason = :why where id = :id and status"
                            + " = 'pending'")
                    .bind("u", refuser)
                    .bind("at", utc(at))
                    .bind("why", reason)
                    .bind("id", id)
                    .execute())
        == 1;
  }

  @Override
  public boolean approve(long id, String approver, Instant at) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "update passenger.unmask_request set status = 'approved', approved_by = :a,"
                            + " approved_at = :at where id = :id and status = 'pending'")
                    .bind("a", approver)
                    .bind("at", utc(at))
                    .bind("id", id)
                    .execute())
        == 1;
  }

  @Override
  public Optional<PnrUnmasking.Unmasked> unmasked(long versionId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select cast(record as text) as record, names, seats, payments from"
                        + " passenger.masked_record where version_id = :v")
                .bind("v", versionId)
                .map(
                    (rs, ctx) -> {
                      String record = rs.getString("record");
                      return new PnrUnmasking.Unmasked(
                          record == null ? "" : record,
                          strings(rs.getArray("names")),
                          strings(rs.getArray("seats")),
                          strings(rs.getArray("payments")));
                    })
                .findOne());
  }

  private static OffsetDateTime utc(Instant i) {
    return i.atOffset(ZoneOffset.UTC);
  }

  static List<Object> changesJson(List<BookingChange> changes) {
    List<Object> out = new ArrayList<>();
    for (BookingChange c : changes) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
      m.put("change", c.added() ? "added" : "removed");
      m.put("value", c.value());
      out.add(m);
    }
    return out;
  }

  /** Reads back {@code kind|change|value} rows of the stored changes. */
  static List<BookingChange> changes(List<String> rows) {
    List<BookingChange> out = new ArrayList<>();
    for (String row : rows) {
      String[] p = row.split("\\|", 3);
      if (p.length == 3) {
        out.add(
            new BookingChange(
                BookingChange.Kind.valueOf(p[0].toUpperCase(Locale.ROOT)),
                p[1].equals("added"),
                p[2]));
      }
    }
    return out;
  }
}
