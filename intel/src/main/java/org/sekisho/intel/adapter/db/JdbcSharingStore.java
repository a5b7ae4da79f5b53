package org.sekisho.intel.adapter.db;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.sekisho.core.Problem;
import org.sekisho.intel.application.IngestPorts;
import org.sekisho.intel.application.RecordSharing;
import org.sekisho.intel.application.RecordSharing.RecordHead;
import org.sekisho.intel.application.RecordSharing.Share;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.intel.domain.SharingAgreement;

/**
 * Agreements and sharings in PostgreSQL. A sharing changes the record's {@code shared_with} (which
 * every scoped query reads) and its history row in one transaction, with the record row locked, so
 * two liaison officers sharing or revoking at once cannot leave the two disagreeing.
 */
public final class JdbcSharingStore
    implements RecordSharing.SharingStore, IngestPorts.IngestShares {
  private final Jdbi jdbi;

  public JdbcSharingStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public List<SharingAgreement> agreements() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select id, agency, kinds, reference, valid_from, valid_until"
                        + " from intel.sharing_agreement order by id")
                .map((rs, ctx) -> agreement(rs))
                .list());
  }

  @Override
  public List<RecordSharing.AgreementEntry> agreementEntries() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select id, agency, kinds, reference, valid_from, valid_until, created_by,"
                        + " created_at, ended_by, ended_at, end_reason"
                        + " from intel.sharing_agreement order by id")
                .map(
                    (rs, ctx) -> {
                      SharingAgreement a = agreement(rs);
                      Optional<RecordSharing.Ending> ending =
                          rs.getTimestamp(10) == null
                              ? Optional.empty()
                              : Optional.of(
                                  new RecordSharing.Ending(
                                      a.validUntil().orElseThrow(),
                                      rs.getString(9),
                                      rs.getTimestamp(10).toInstant(),
                                      rs.getString(11)));
                      return new RecordSharing.AgreementEntry(
                          a, rs.getString(7), rs.getTimestamp(8).toInstant(), ending);
                    })
                .list());
  }

  @Override
  public SharingAgreement addAgreement(
      String agency,
      Set<RecordKind> kinds,
      String reference,
      LocalDate from,
      Optional<LocalDate> until,
      String by,
      Instant at) {
    String[] codes = kinds.stream().map(RecordKind::code).toArray(String[]::new);
    long id =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "insert into intel.sharing_agreement(agency, kinds, reference, valid_from,"
                            + " valid_until, created_by, created_at) values (?,?,?,?,?,?,?)"
                            + " returning id")
                    .bind(0, agency)
                    .bindArray(1, String.class, (Object[]) codes)
                    .bind(2, reference)
                    .bind(3, Date.valueOf(from))
                    .bind(4, until.map(Date::valueOf).orElse(null))
                    .bind(5, by)
                    .bind(6, Timestamp.from(at))
                    .mapTo(Long.class)
                    .one());
    return new SharingAgreement(id, agency, kinds, reference, from, until);
  }

  @Override
  public Optional<RecordHead> head(long recordId) {
    return jdbi.withHandle(h -> head(h, recordId, false));
  }

  private static Optional<RecordHead> head(Handle h, long recordId, boolean lock) {
    return h.createQuery(
            "select id, kind, agency, shared_with from intel.record where id = ?"
                + (lock ? " for update" : ""))
        .bind(0, recordId)
        .map(
            (rs, ctx) ->
                new RecordHead(
                    rs.getLong(1),
                    RecordKind.ofCode(rs.getString(2)).orElseThrow(),
                    rs.getString(3),
                    strings(rs.getArray(4))))
        .findOne();
  }

  @Override
  public boolean share(
      long recordId, String agency, long agreementId, String purpose, String by, Instant at) {
    return jdbi.inTransaction(
        h -> {
          Optional<RecordHead> head = head(h, recordId, true);
          if (head.isEmpty() || head.get().sharedWith().contains(agency)) {
            return false;
          }
          h.createUpdate(
                  "update intel.record set shared_with = array_append(shared_with, ?) where id = ?")
              .bind(0, agency)
              .bind(1, recordId)
              .execute();
          h.createUpdate(
                  "insert into intel.record_share(record_id, agency, agreement_id, purpose,"
                      + " shared_by, shared_at) values (?,?,?,?,?,?)")
              .bind(0, recordId)
              .bind(1, agency)
              .bind(2, agreementId)
              .bind(3, purpose)
              .bind(4, by)
              .bind(5, Timestamp.from(at))
              .execute();
          return true;
        });
  }

  @Override
  public List<IngestPorts.IngestShare> keep(
      long run, Set<String> partners, String by, Instant at, IngestPorts.AgreementOf agreementOf) {
    return jdbi.inTransaction(
        h -> {
          // the partial GIN index on shared_with finds the records shared with these partners
          List<Object[]> shared =
              h.createQuery(
                      "select r.id, r.kind, r.agency, p.partner from intel.record r cross join"
                          + " unnest(r.shared_with) as p(partner) where cardinality(r.shared_with)"
                          + " > 0 and r.shared_with && cast(:partners as text[]) and r.ingest_run = :run"
                          + " and p.partner = any(cast(:partners as text[])) and not exists (select 1 from"
                          + " intel.record_share s where s.record_id = r.id and s.agency ="
                          + " p.partner and s.revoked_at is null) order by r.id, p.partner")
                  .bindArray("partners", String.class, List.copyOf(partners))
                  .bind("run", run)
                  .map(
                      (rs, ctx) ->
                          new Object[] {
                            rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)
                          })
                  .list();
          List<IngestPorts.IngestShare> kept = new ArrayList<>();
          var batch =
              h.prepareBatch(
                  "insert into intel.record_share(record_id, agency, agreement_id, purpose,"
                      + " shared_by, shared_at) values (?,?,?,'shared when ingested',?,?)");
          for (Object[] r : shared) {
            Optional<Long> agreement =
                RecordKind.ofCode((String) r[1])
                    .flatMap(k -> agreementOf.agreement((String) r[2], (String) r[3], k));
            if (agreement.isEmpty()) {
              continue;
            }
            batch
                .bind(0, (long) r[0])
                .bind(1, (String) r[3])
                .bind(2, agreement.get())
                .bind(3, by)
                .bind(4, Timestamp.from(at))
                .add();
            kept.add(new IngestPorts.IngestShare((long) r[0], (String) r[3], agreement.get()));
          }
          if (!kept.isEmpty()) {
            batch.execute();
          }
          return kept;
        });
  }

  @Override
  public boolean revoke(long recordId, String agency, String reason, String by, Instant at) {
    return jdbi.inTransaction(
        h -> {
          Optional<RecordHead> head = head(h, recordId, true);
          if (head.isEmpty() || !head.get().sharedWith().contains(agency)) {
            return false;
          }
          h.createUpdate(
                  "update intel.record set shared_with = array_remove(shared_with, ?) where id = ?")
              .bind(0, agency)
              .bind(1, recordId)
              .execute();
          // a sharing made at ingest has no row of its own: its end is still kept
          int ended =
              h.createUpdate(
                      "update intel.record_share set revoked_by = ?, revoked_at = ?,"
                          + " revoke_reason = ? where record_id = ? and agency = ? and"
                          + " revoked_at is null")
                  .bind(0, by)
                  .bind(1, Timestamp.from(at))
                  .bind(2, reason)
                  .bind(3, recordId)
                  .bind(4, agency)
                  .execute();
          if (ended == 0) {
            h.createUpdate(
                    "insert into intel.record_share(record_id, agency, agreement_id, purpose,"
                        + " shared_by, shared_at, revoked_by, revoked_at, revoke_reason)"
                        + " select r.id, ?, null, 'shared when ingested', 'ingest', r.recorded_at,"
                        + " ?, ?, ? from intel.record r where r.id = ?")
                .bind(0, agency)
                .bind(1, by)
                .bind(2, Timestamp.from(at))
                .bind(3, reason)
                .bind(4, recordId)
                .execute();
          }
          return true;
        });
  }

  @Override
  public List<Share> shares(long recordId) {
    return jdbi.withHandle(
        h -> {
          List<Share> out =
              new ArrayList<>(
                  h.createQuery(
                          "select s.agency, coalesce(s.agreement_id, 0), coalesce(a.reference,"
                              + " ''), s.purpose, s.shared_by, s.shared_at, s.revoked_by,"
                              + " s.revoked_at, s.revoke_reason from intel.record_share s left"
                              + " join intel.sharing_agreement a on a.id = s.agreement_id where"
                              + " s.record_id = ? order by s.shared_at desc, s.id desc")
                      .bind(0, recordId)
                      .map(
                          (rs, ctx) ->
                              new Share(
                                  rs.getString(1),
                                  rs.getLong(2),
                                  rs.getString(3),
                                  rs.getString(4),
                                  rs.getString(5),
                                  rs.getTimestamp(6).toInstant(),
                                  Optional.ofNullable(rs.getString(7)),
                                  Optional.ofNullable(rs.getTimestamp(8)).map(Timestamp::toInstant),
                                  Optional.ofNullable(rs.getString(9))))
                      .list());
          // agencies the record was shared with when it was ingested, with no sharing of their own
          Optional<RecordHead> head = head(h, recordId, false);
          Set<String> listed = new LinkedHashSet<>();
          out.stream().filter(Share::inForce).forEach(s -> listed.add(s.agency()));
          if (head.isPresent()) {
            Instant recorded =
                h.createQuery("select recorded_at from intel.record where id = ?")
                    .bind(0, recordId)
                    .mapTo(Instant.class)
                    .one();
            for (String a : head.get().sharedWith()) {
              if (!listed.contains(a)) {
                out.add(
                    new Share(
                        a,
                        0,
                        "",
                        "shared when ingested",
                        "ingest",
                        recorded,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
              }
            }
          }
          return out;
        });
  }

  @Override
  public boolean endAgreement(long id, LocalDate lastDay, String reason, String by, Instant at) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "update intel.sharing_agreement set valid_until = ?, ended_by = ?,"
                            + " ended_at = ?, end_reason = ? where id = ? and ended_at is null")
                    .bind(0, Date.valueOf(lastDay))
                    .bind(1, by)
                    .bind(2, Timestamp.from(at))
                    .bind(3, reason)
                    .bind(4, id)
                    .execute())
        == 1;
  }

  @Override
  public List<RecordHead> shared() {
    return jdbi.withHandle(
        h ->
            h.createQuery(SHARED)
                .map(
                    (rs, ctx) ->
                        new RecordHead(
                            rs.getLong(1),
                            RecordKind.ofCode(rs.getString(2)).orElseThrow(),
                            rs.getString(3),
                            strings(rs.getArray(4))))
                .list());
  }

  /**
   * The sharings in force, as the hourly lapse check reads them: the shared records only, through
   * the partial B-tree {@code record_shared} (V22), never every record (the GIN index over {@code
   * shared_with} answers only "shared with whom", not "shared at all").
   */
  static final String LIVE =
      "select r.id, r.kind, r.agency, p.partner, coalesce(s.agreement_id, 0)"
          + " from intel.record r cross join unnest(r.shared_with) as p(partner)"
          + " left join intel.record_share s on s.record_id = r.id"
          + " and s.agency = p.partner and s.revoked_at is null"
          + " where cardinality(r.shared_with) > 0 order by r.id, p.partner";

  /** Every record shared with another agency, through {@code record_shared} as {@link #LIVE}. */
  static final String SHARED =
      "select id, kind, agency, shared_with from intel.record"
          + " where cardinality(shared_with) > 0 order by id";

  @Override
  public List<RecordSharing.LiveShare> live() {
    return jdbi.withHandle(
        h ->
            h.createQuery(LIVE)
                .map(
                    (rs, ctx) ->
                        new RecordSharing.LiveShare(
                            rs.getLong(1),
                            RecordKind.ofCode(rs.getString(2)).orElseThrow(),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getLong(5)))
                .list());
  }

  @Override
  public boolean rebase(long recordId, String agency, long from, long to) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "update intel.record_share set agreement_id = ? where record_id = ? and"
                            + " agency = ? and agreement_id = ? and revoked_at is null")
                    .bind(0, to)
                    .bind(1, recordId)
                    .bind(2, agency)
                    .bind(3, from)
                    .execute())
        == 1;
  }

  // the partial index record_shared_with serves "cardinality > 0 and shared_with @> [partner]"
  private static final String SHARED_WITH_PARTNER =
      " from intel.record r where r.agency = :owner and cardinality(r.shared_with) > 0"
          + " and r.shared_with @> array[cast(:partner as text)]";

  @Override
  public List<RecordSharing.SharedRecord> sharedWith(
      String owner, String partner, int limit, int offset) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select r.id, r.kind, r.source_id, r.title, coalesce(s.agreement_id, 0),"
                        + " coalesce(a.reference, ''), coalesce(s.purpose, 'shared when"
                        + " ingested'), coalesce(s.shared_by, 'ingest'), coalesce(s.shared_at,"
                        + " r.recorded_at) as since from (select r.id, r.kind, r.source_id,"
                        + " r.title, r.recorded_at"
                        + SHARED_WITH_PARTNER
                        + ") r left join intel.record_share s on s.record_id = r.id and s.agency"
                        + " = :partner and s.revoked_at is null left join"
                        + " intel.sharing_agreement a on a.id = s.agreement_id"
                        + " order by since desc, r.id desc limit :limit offset :offset")
                .bind("owner", owner)
                .bind("partner", partner)
                .bind("limit", limit)
                .bind("offset", offset)
                .map(
                    (rs, ctx) ->
                        new RecordSharing.SharedRecord(
                            rs.getLong(1),
                            RecordKind.ofCode(rs.getString(2)).orElseThrow(),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getLong(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getTimestamp(9).toInstant()))
                .list());
  }

  @Override
  public int countSharedWith(String owner, String partner) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select count(*)" + SHARED_WITH_PARTNER)
                .bind("owner", owner)
                .bind("partner", partner)
                .mapTo(Integer.class)
                .one());
  }

  // the partial index record_shared_with serves "cardinality > 0 and shared_with @> [agency]"
  private static final String SHARED_WITH_AGENCY =
      " from intel.record r where cardinality(r.shared_with) > 0"
          + " and r.shared_with @> array[cast(:agency as text)] and r.agency <> :agency";

  @Override
  public List<RecordSharing.Received> receivedBy(String agency, int limit, int offset) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select r.id, r.kind, r.source_id, r.title, r.agency,"
                        + " coalesce(s.agreement_id, 0), coalesce(a.reference, ''),"
                        + " coalesce(s.purpose, :ingestPurpose), coalesce(s.shared_by,"
                        + " :ingestBy), coalesce(s.shared_at, r.recorded_at) as since from"
                        + " (select r.id, r.kind, r.source_id, r.title, r.agency, r.recorded_at"
                        + SHARED_WITH_AGENCY
                        + ") r left join intel.record_share s on s.record_id = r.id and s.agency"
                        + " = :agency and s.revoked_at is null left join"
                        + " intel.sharing_agreement a on a.id = s.agreement_id"
                        + " order by since desc, r.id desc limit :limit offset :offset")
                .bind("agency", agency)
                .bind("ingestPurpose", RecordSharing.INGEST_PURPOSE)
                .bind("ingestBy", RecordSharing.INGEST_BY)
                .bind("limit", limit)
                .bind("offset", offset)
                .map(
                    (rs, ctx) ->
                        new RecordSharing.Received(
                            rs.getLong(1),
                            RecordKind.ofCode(rs.getString(2)).orElseThrow(),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getLong(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getTimestamp(10).toInstant()))
                .list());
  }

  @Override
  public int countReceivedBy(String agency) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select count(*)" + SHARED_WITH_AGENCY)
                .bind("agency", agency)
                .mapTo(Integer.class)
                .one());
  }

  @Override
  public List<RecordSharing.HistoryEntry> history(
      String owner, String partner, int limit, int offset) {
    // sharings, their ends (a lapse is an end by the system) and refused attempts, merged by time;
    // the sequence number breaks ties so paging is stable. Each part takes only the newest rows a
    // page can need (through its index on agency and time) before it is joined to the records, so
    // a partner with thousands of sharings costs a page, not thousands of look-ups.
    String sql =
        "select at, event, record_id, kind, source_id, title, who, why, code, field, ref from ("
            + "(select s.shared_at as at, 'shared' as event, r.id as record_id, r.kind,"
            + " r.source_id, r.title, s.shared_by as who, s.purpose as why, '' as code, '' as"
            + " field, coalesce(a.reference, '') as ref, 1 as src, s.id as seq"
            + " from intel.record_share s join intel.record r on r.id = s.record_id"
            + " left join intel.sharing_agreement a on a.id = s.agreement_id"
            + " where s.agency = :partner and r.agency = :owner"
            + " order by s.shared_at desc, s.id desc limit :n)"
            + " union all"
            + " (select s.revoked_at, case when s.revoked_by = :lapsedBy then 'lapsed' else"
            + " 'revoked' end, r.id, r.kind, r.source_id, r.title, s.revoked_by,"
            + " coalesce(s.revoke_reason, ''), '', '', coalesce(a.reference, ''), 2, s.id"
            + " from intel.record_share s join intel.record r on r.id = s.record_id"
            + " left join intel.sharing_agreement a on a.id = s.agreement_id"
            + " where s.agency = :partner and r.agency = :owner and s.revoked_at is not null"
            + " order by s.revoked_at desc, s.id desc limit :n)"
            + " union all"
            + " (select f.refused_at, f.action || '-refused', r.id, r.kind, r.source_id, r.title,"
            + " f.refused_by, f.message, f.code, f.field, '', 3, f.id"
            + " from intel.sharing_refusal f join intel.record r on r.id = f.record_id"
            + " where f.agency = :partner and r.agency = :owner"
            + " order by f.refused_at desc, f.id desc limit :n)"
            + ") h order by at desc, src desc, seq desc limit :limit offset :offset";
    return jdbi.withHandle(
        h ->
            h.createQuery(sql)
                .bind("owner", owner)
                .bind("partner", partner)
                .bind("lapsedBy", RecordSharing.LAPSED_BY)
                .bind("n", limit + offset)
                .bind("limit", limit)
                .bind("offset", offset)
                .map(
                    (rs, ctx) ->
                        new RecordSharing.HistoryEntry(
                            rs.getTimestamp(1).toInstant(),
                            RecordSharing.Event.valueOf(
                                rs.getString(2).toUpperCase(Locale.ROOT).replace('-', '_')),
                            rs.getLong(3),
                            RecordKind.ofCode(rs.getString(4)).orElseThrow(),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getString(10),
                            rs.getString(11)))
                .list());
  }

  @Override
  public void refusal(
      long recordId, String agency, String action, Problem why, String by, Instant at) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into intel.sharing_refusal(record_id, agency, action, code, field,"
                        + " message, refused_by, refused_at) values (?,?,?,?,?,?,?,?)")
                .bind(0, recordId)
                .bind(1, agency)
                .bind(2, action)
                .bind(3, why.code())
                .bind(4, why.field())
                .bind(5, why.message())
                .bind(6, by)
                .bind(7, Timestamp.from(at))
                .execute());
  }

  private static SharingAgreement agreement(ResultSet rs) throws SQLException {
    Set<RecordKind> kinds = new java.util.TreeSet<>();
    for (String k : strings(rs.getArray(3))) {
      RecordKind.ofCode(k).ifPresent(kinds::add);
    }
    Date until = rs.getDate(6);
    return new SharingAgreement(
        rs.getLong(1),
        rs.getString(2),
        kinds,
        rs.getString(4),
        rs.getDate(5).toLocalDate(),
        Optional.ofNullable(until).map(Date::toLocalDate));
  }

  private static List<String> strings(Array a) throws SQLException {
    return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
  }
}
