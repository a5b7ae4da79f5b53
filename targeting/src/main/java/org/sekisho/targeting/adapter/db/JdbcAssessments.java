package org.sekisho.targeting.adapter.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.sekisho.core.Outcome;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.targeting.assessment.application.AssessmentInputs;
import org.sekisho.targeting.assessment.application.AssessmentStore;
import org.sekisho.targeting.assessment.application.DeclarationParser;
import org.sekisho.targeting.assessment.application.StoredAssessment;
import org.sekisho.targeting.assessment.domain.Assessment;
import org.sekisho.targeting.assessment.domain.ConsignmentSelection;
import org.sekisho.targeting.assessment.domain.CriterionHit;
import org.sekisho.targeting.criteria.application.DeclarationHistory;
import org.sekisho.targeting.criteria.domain.DeclarationView;
import org.sekisho.targeting.criteria.domain.TraderHistory;
import org.sekisho.targeting.selectivity.domain.Lane;
import org.sekisho.targeting.selectivity.domain.Selection;
import org.sekisho.targeting.worklist.application.InspectionResult;
import org.sekisho.targeting.worklist.application.WorkItem;
import org.sekisho.targeting.worklist.application.WorkStatus;
import org.sekisho.targeting.worklist.application.WorklistPage;
import org.sekisho.targeting.worklist.application.WorklistStore;

/**
 * Assessments, lane decisions and outcomes in schema {@code targeting}; also the history counters
 * (earlier declarations and infractions of a trader) and the declarations behind dry runs.
 */
public final class JdbcAssessments
    implements AssessmentStore, WorklistStore, AssessmentInputs, DeclarationHistory {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS =
      "id, record_key, office, assessed_at, declaration, score, model_probability, criteria_lane,"
          + " lane, basis, final_lane, status, hits, model_reasons, criteria_versions,"
          + " list_versions, model_version, hist_declarant_decl, hist_declarant_infr,"
          + " hist_importer_decl, hist_importer_infr, model_reasons_pending, consignment_key,"
          + " consignment_assessment, consignment_lane, own_lane, own_basis, assessed_alone,"
          + " superseded_by, superseded_reason,"
          // the lane the consignment it carried over holds now (an analyst may have lowered it);
          // the inner table shows only its own names, so consignment_assessment is the outer row's
          + " (select t.lane_now from (select id as tid, final_lane as lane_now from"
          + " targeting.assessment) t where t.tid = consignment_assessment) as consignment_now,"
          // who moved its lane last (the consignment carrying its lane over, or an analyst): a
          // decision that keeps the lane (a confirmation) moves nothing
          + " (select y.y_by from (select assessment_id as y_for, id as y_id, decided_by as y_by,"
          + " from_lane as y_from, to_lane as y_to from targeting.lane_change) y where y.y_for ="
          + " id and y.y_from <> y.y_to order by y.y_id desc limit 1) as last_decided_by,"
          // a declaration's consignment as it is assessed now (one whose lane it may hold)
          + " case when starts_with(record_key, 'declaration:') and transport_document is not null"
          + " then (select k.k_id from (select id as k_id, transport_document as k_doc,"
          + " record_key as k_key, status as k_status from targeting.assessment) k where k.k_doc ="
          + " transport_document and starts_with(k.k_key, 'transport-document:') and k.k_status"
          + " <> 'superseded' order by k.k_id limit 1) end as holder";

  /** Of a record's assessments, the one in force (others are superseded, kept beside it). */
  private static final String CURRENT = "status <> 'superseded'";

  private final Jdbi jdbi;
  private final DeclarationParser parser;
  private final AuditLog auditLog;

  /**
   * The traders' counters as this store last read them, by role and trader key ({@code
   * "declarant\0KEY"}): what {@link #standing} answers from, for assessments whose storing checks
   * them ({@link #saveAlone}): declarations, infractions and the {@link #countersEpoch} they were
   * read in. All are dropped whenever this store moves a counter (the epoch moves on), so that a
   * check failing is rare; one failing drops the two traders' entries.
   */
  private final Map<String, long[]> counters = new java.util.concurrent.ConcurrentHashMap<>();

  /** Moves on whenever this store moves a trader's counter: older {@link #counters} are void. */
  private final java.util.concurrent.atomic.AtomicLong countersEpoch =
      new java.util.concurrent.atomic.AtomicLong();

  /** Voids every remembered counter at once (an ingest batch moves many). */
  private void countersMoved() {
    countersEpoch.incrementAndGet();
  }

  /** Most traders' counters kept in {@link #counters} (~150 bytes each); beyond, it starts over. */
  private static final int MOST_COUNTERS = 100_000;

  public JdbcAssessments(Jdbi jdbi, DeclarationParser parser) {
    this(jdbi, parser, null);
  }

  /**
   * @param auditLog where {@link #saveAlone} appends its entry in the assessment's own transaction
   *     and round trip; {@code null}: the entry is left to the caller
   */
  public JdbcAssessments(Jdbi jdbi, DeclarationParser parser, AuditLog auditLog) {
    this.jdbi = jdbi;
    this.parser = parser;
    this.auditLog = auditLog;
  }

  /** The columns an assessment is stored in, one at a time or a batch at once. */
  private static final String INSERT_INTO =
      "insert into targeting.assessment (record_key, office, importer_key, declarant_key,"
          + " declaration_date, assessed_at, declaration, score, model_probability,"
          + " criteria_lane, lane, basis, final_lane, status, hits, model_reasons,"
          + " criteria_versions, list_versions, model_version, hist_declarant_decl,"
          + " hist_declarant_infr, hist_importer_decl, hist_importer_infr, model_reasons_pending,"
          + " consignment_key, consignment_assessment, consignment_lane, transport_document,"
          + " own_lane, own_basis)";

  private static final String INSERT_ASSESSMENT =
      "with ins as ("
          + INSERT_INTO.replace("own_basis)", "own_basis, assessed_alone)")
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
          + " cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on"
          + " conflict"
          + " (record_key) where status <> 'superseded' do nothing returning id, assessed_at,"
          + " importer_key, declarant_key, assessed_alone),"
          // a record sent alone is no declaration of its traders' until it is stored
          + " counted as (insert into targeting.trader_history (role, trader_key, declarations,"
          + " infractions) select t.role, t.trader_key, 1, 0 from ins cross join lateral (values"
          + " ('importer', ins.importer_key), ('declarant', ins.declarant_key)) t(role,"
          + " trader_key) where t.trader_key <> '' and not ins.assessed_alone on conflict (role,"
          + " trader_key) do update set"
          + " declarations = targeting.trader_history.declarations + 1) select id, assessed_at"
          + " from ins";

  @Override
  public StoredAssessment saveIfAbsent(
      Assessment a, DeclarationView d, String json, Instant at, boolean exactReasonsFollow) {
    return saveIfAbsent(a, d, json, at, exactReasonsFollow, false);
  }

  @Override
  public StoredAssessment saveIfAbsent(
      Assessment a,
      DeclarationView d,
      String json,
      Instant at,
      boolean exactReasonsFollow,
      boolean alone) {
    TraderHistory hist = d.history();
    if (!alone) {
      countersMoved();
    }
    // one round trip: the new row's id and time come back and the traders' counters move on; a
    // conflict returns nothing and counts nothing
    Optional<Map.Entry<Long, Instant>> inserted =
        jdbi.withHandle(
            h -> {
              try (var st = h.getConnection().prepareStatement(INSERT_ASSESSMENT)) {
                bindAssessment(st, 1, a, d, json, at, exactReasonsFollow, alone);
                try (ResultSet rs = st.executeQuery()) {
                  return rs.next()
                      ? Optional.of(Map.entry(rs.getLong(1), rs.getTimestamp(2).toInstant()))
                      : Optional.<Map.Entry<Long, Instant>>empty();
                }
              } catch (SQLException e) {
                throw new UnableToExecuteStatementException(e, null);
              }
            });
    if (inserted.isEmpty()) {
      if (!alone) {
        // assessed before when sent alone, and now stored by the intelligence database
        storedInIntelligence(List.of(a.recordKey()));
      }
      return byKey(a.recordKey()).orElseThrow();
    }
    return new StoredAssessment(
        inserted.get().getKey(), a, inserted.get().getValue(), hist, json, exactReasonsFollow);
  }

  /** SQLSTATE of {@link #INSERT_ALONE_CHECKED} refusing itself: the counters moved. */
  static final String HISTORY_MOVED = "SKHIS";

  /** SQLSTATE of {@link #INSERT_ALONE_CHECKED} refusing itself: assessed before. */
  static final String ASSESSED_BEFORE = "SKDUP";

  /**
   * {@link #INSERT_ASSESSMENT} for a record sent alone, refusing itself (so that the audit entry
   * sent with it in the same transaction is not written either) when the traders' counters have
   * moved from those the assessment was made with ({@value #HISTORY_MOVED}), or when the record has
   * an assessment already ({@value #ASSESSED_BEFORE}). Alone, it moves no counter.
   */
  private static final String INSERT_ALONE_CHECKED =
      INSERT_ASSESSMENT.substring(0, INSERT_ASSESSMENT.lastIndexOf(" select id, assessed_at"))
          + ", hist as (select coalesce(max(declarations) filter (where role = 'declarant'), 0)"
          + " dd, coalesce(max(infractions) filter (where role = 'declarant'), 0) di,"
          + " coalesce(max(declarations) filter (where role = 'importer'), 0) id_,"
          + " coalesce(max(infractions) filter (where role = 'importer'), 0) ii from"
          + " targeting.trader_history where (role = 'declarant' and trader_key = ?) or (role ="
          + " 'importer' and trader_key = ?)), ok as (select (dd, di, id_, ii) = (cast(? as"
          + " bigint), cast(? as bigint), cast(? as bigint), cast(? as bigint)) as ok from hist)"
          + " select id, assessed_at from ins where (select ok from ok) union all select"
          + " targeting.refuse('"
          + HISTORY_MOVED
          + "', 'the traders'' counters moved since the assessment read them'), null from ok"
          + " where not ok union all select targeting.refuse('"
          + ASSESSED_BEFORE
          + "', 'the record has an assessment'), null from ok where ok and not exists (select 1"
          + " from ins)";

  /**
   * One round trip for a record sent alone: its assessment, stored only if the traders' counters
   * still stand where it read them, and its audit entry, durably, in one transaction.
   */
  @Override
  public SavedAlone saveAlone(NewAssessment n, AuditEvent entry) {
    if (auditLog == null) {
      return AssessmentStore.super.saveAlone(n, entry);
    }
    Assessment a = n.assessment();
    DeclarationView d = n.declaration();
    TraderHistory hist = d.history();
    long[] stored = new long[1];
    Instant[] at = new Instant[1];
    AuditLog.AttachedWrite write =
        new AuditLog.AttachedWrite() {
          @Override
          public String sql() {
            return INSERT_ALONE_CHECKED;
          }

          @Override
          public int bind(PreparedStatement st, int first) throws SQLException {
            int p = bindAssessment(st, first, a, d, n.json(), n.at(), n.exactReasonsFollow(), true);
            String dec = d.declarant().traderKey();
            String imp = d.importer().traderKey();
            st.setString(p++, dec.isEmpty() ? null : dec);
            st.setString(p++, imp.isEmpty() ? null : imp);
            st.setLong(p++, hist.declarantDeclarations());
            st.setLong(p++, hist.declarantInfractions());
            st.setLong(p++, hist.importerDeclarations());
            st.setLong(p++, hist.importerInfractions());
            return p;
          }

          @Override
          public void read(ResultSet rs) throws SQLException {
            rs.next();
            stored[0] = rs.getLong(1);
            at[0] = rs.getTimestamp(2).toInstant();
          }
        };
    try {
      auditLog.record(entry, write);
    } catch (AuditLog.AttachedWriteFailed f) {
      return switch (f.sqlState()) {
        case HISTORY_MOVED -> {
          counters.remove(counterKey("declarant", d.declarant().traderKey()));
          counters.remove(counterKey("importer", d.importer().traderKey()));
          yield new SavedAlone.HistoryMoved();
        }
        case ASSESSED_BEFORE -> new SavedAlone.Stored(byKey(a.recordKey()).orElseThrow(), false);
        default -> throw f;
      };
    }
    return new SavedAlone.Stored(
        new StoredAssessment(stored[0], a, at[0], hist, n.json(), n.exactReasonsFollow()), true);
  }

  /**
   * Binds {@link #INSERT_ASSESSMENT}'s parameters from {@code first}; returns the index after the
   * last. Plain JDBC: on the assessment API's path, binding two dozen arguments through Jdbi cost
   * more CPU than the statement itself.
   */
  private static int bindAssessment(
      PreparedStatement st,
      int first,
      Assessment a,
      DeclarationView d,
      String json,
      Instant at,
      boolean exactReasonsFollow,
      boolean alone)
      throws SQLException {
    Lane lane = a.lane();
    WorkStatus status = WorkStatus.assessedAs(lane);
    TraderHistory hist = d.history();
    int p = first;
    st.setString(p++, a.recordKey());
    st.setString(p++, a.office());
    st.setString(p++, d.importer().traderKey());
    st.setString(p++, d.declarant().traderKey());
    st.setObject(p++, d.date());
    st.setTimestamp(p++, Timestamp.from(at));
    st.setString(p++, json);
    st.setDouble(p++, a.score());
    st.setDouble(p++, a.modelProbability());
    st.setString(p++, a.criteriaLane().code());
    st.setString(p++, lane.code());
    st.setString(p++, a.selection().basis().code());
    st.setString(p++, lane.code());
    st.setString(p++, status.code());
    st.setString(p++, hitsJson(a.hits()));
    st.setString(p++, stringsJson(a.modelReasons()));
    st.setString(p++, a.criteriaVersions());
    st.setString(p++, a.listVersions());
    st.setString(p++, a.modelVersion());
    st.setLong(p++, hist.declarantDeclarations());
    st.setLong(p++, hist.declarantInfractions());
    st.setLong(p++, hist.importerDeclarations());
    st.setLong(p++, hist.importerInfractions());
    st.setBoolean(p++, exactReasonsFollow);
    Optional<ConsignmentSelection> c = a.consignment();
    st.setString(p++, c.map(ConsignmentSelection::recordKey).orElse(null));
    st.setObject(p++, c.map(ConsignmentSelection::assessmentId).orElse(null));
    st.setString(p++, c.map(x -> x.lane().code()).orElse(null));
    st.setString(p++, transportDocument(d));
    st.setString(p++, ownLane(a));
    st.setString(p++, ownBasis(a));
    st.setBoolean(p++, alone);
    return p;
  }

  private static final String INSERT_ASSESSMENTS =
      "with ins as ("
          + INSERT_INTO
          + " select u.record_key, u.office, u.importer_key,"
          + " u.declarant_key, cast(u.declaration_date as date), ?, u.declaration, u.score,"
          + " u.model_probability, u.criteria_lane, u.lane, u.basis, u.lane, u.status,"
          + " cast(u.hits as jsonb), cast(u.model_reasons as jsonb), u.criteria_versions,"
          + " u.list_versions, u.model_version, u.dd, u.di, u.id_, u.ii, u.pending, u.ck, u.ca,"
          + " u.cl, u.td, u.ol, u.ob from"
          + " unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
          + " ?::float8[], ?::float8[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
          + " ?::text[], ?::text[], ?::text[], ?::text[], ?::int8[], ?::int8[], ?::int8[],"
          + " ?::int8[], ?::bool[], ?::text[], ?::int8[], ?::text[], ?::text[], ?::text[],"
          + " ?::text[]) with"
          + " ordinality as"
          + " u(record_key, office, importer_key,"
          + " declarant_key, declaration_date, declaration, score, model_probability,"
          + " criteria_lane, lane, basis, status, hits, model_reasons, criteria_versions,"
          + " list_versions, model_version, dd, di, id_, ii, pending, ck, ca, cl, td, ol, ob, n)"
          + " order"
          + " by"
          + " u.n"
          + " on conflict"
          + " (record_key) where status <> 'superseded' do nothing returning id, record_key,"
          + " assessed_at, importer_key,"
          + " declarant_key), counted as (insert into targeting.trader_history (role,"
          + " trader_key, declarations, infractions) select t.role, t.trader_key, count(*), 0"
          + " from ins cross join lateral (values ('importer', ins.importer_key),"
          + " ('declarant', ins.declarant_key)) t(role, trader_key) where t.trader_key <> ''"
          + " group by t.role, t.trader_key on conflict (role, trader_key) do update set"
          + " declarations = targeting.trader_history.declarations + excluded.declarations)"
          + " select id, record_key, assessed_at from ins";

  /** One statement for the whole batch: the rows go as one array per column. */
  @Override
  public List<StoredAssessment> saveAllIfAbsent(List<NewAssessment> batch) {
    return saveAllIfAbsent(batch, Map.of());
  }

  /** Marks earlier lone assessments superseded, with their reasons, before the batch is stored. */
  private static final String SUPERSEDE =
      "update targeting.assessment a set status = 'superseded', superseded_reason = s.reason,"
          + " model_reasons_pending = false from unnest(?::int8[], ?::text[]) as s(id, reason)"
          + " where a.id = s.id and a.assessed_alone and a.status <> 'superseded'";

  /** Links each superseded assessment to the record's assessment in force. */
  private static final String LINK_SUPERSEDED =
      "update targeting.assessment o set superseded_by = n.id from targeting.assessment n where"
          + " o.id = any(?) and o.superseded_by is null and n.record_key = o.record_key and"
          + " n.status <> 'superseded'";

  /**
   * The batch in one statement, the rows as one array per column; superseded assessments are marked
   * first and linked after, in the same transaction.
   */
  @Override
  public List<StoredAssessment> saveAllIfAbsent(
      List<NewAssessment> batch, Map<String, Superseded> superseding) {
    if (batch.isEmpty()) {
      return List.of();
    }
    countersMoved();
    int n = batch.size();
    String[][] text = new String[15][n];
    Double[][] reals = new Double[2][n];
    Long[][] counts = new Long[4][n];
    Boolean[] pending = new Boolean[n];
    String[] consignmentKeys = new String[n];
    Long[] consignmentIds = new Long[n];
    String[] consignmentLanes = new String[n];
    String[] transportDocuments = new String[n];
    String[] ownLanes = new String[n];
    String[] ownBases = new String[n];
    for (int i = 0; i < n; i++) {
      NewAssessment b = batch.get(i);
      Assessment a = b.assessment();
      DeclarationView d = b.declaration();
      TraderHistory hist = d.history();
      Lane lane = a.lane();
      text[0][i] = a.recordKey();
      text[1][i] = a.office();
      text[2][i] = d.importer().traderKey();
      text[3][i] = d.declarant().traderKey();
      text[4][i] = d.date() == null ? null : d.date().toString();
      text[5][i] = b.json();
      reals[0][i] = a.score();
      reals[1][i] = a.modelProbability();
      text[6][i] = a.criteriaLane().code();
      text[7][i] = lane.code();
      text[8][i] = a.selection().basis().code();
      text[9][i] = WorkStatus.assessedAs(lane).code();
      text[10][i] = hitsJson(a.hits());
      text[11][i] = stringsJson(a.modelReasons());
      text[12][i] = a.criteriaVersions();
      text[13][i] = a.listVersions();
      text[14][i] = a.modelVersion();
      counts[0][i] = hist.declarantDeclarations();
      counts[1][i] = hist.declarantInfractions();
      counts[2][i] = hist.importerDeclarations();
      counts[3][i] = hist.importerInfractions();
      pending[i] = b.exactReasonsFollow();
      Optional<ConsignmentSelection> c = a.consignment();
      consignmentKeys[i] = c.map(ConsignmentSelection::recordKey).orElse(null);
      consignmentIds[i] = c.map(ConsignmentSelection::assessmentId).orElse(null);
      consignmentLanes[i] = c.map(x -> x.lane().code()).orElse(null);
      transportDocuments[i] = transportDocument(d);
      ownLanes[i] = ownLane(a);
      ownBases[i] = ownBasis(a);
    }
    Instant at = batch.get(0).at();
    Long[] supersededIds = new Long[superseding.size()];
    String[] supersededReasons = new String[superseding.size()];
    int k = 0;
    for (Superseded x : superseding.values()) {
      supersededIds[k] = x.id();
      supersededReasons[k++] = x.reason();
    }
    if (supersededIds.length == 0) {
      // the usual batch: one statement, no transaction around it
      return storedOf(
          batch,
          jdbi.withHandle(
              h ->
                  insertAll(
                      h.getConnection(),
                      at,
                      text,
                      reals,
                      counts,
                      pending,
                      consignmentKeys,
                      consignmentIds,
                      consignmentLanes,
                      transportDocuments,
                      ownLanes,
                      ownBases)));
    }
    Map<String, Map.Entry<Long, Instant>> inserted =
        jdbi.inTransaction(
            h -> {
              var c = h.getConnection();
              if (supersededIds.length > 0) {
                try (var st = c.prepareStatement(SUPERSEDE)) {
                  st.setArray(1, c.createArrayOf("int8", supersededIds));
                  st.setArray(2, c.createArrayOf("text", supersededReasons));
                  st.executeUpdate();
                } catch (SQLException e) {
                  throw new UnableToExecuteStatementException(e, null);
                }
              }
              Map<String, Map.Entry<Long, Instant>> out =
                  insertAll(
                      c,
                      at,
                      text,
                      reals,
                      counts,
                      pending,
                      consignmentKeys,
                      consignmentIds,
                      consignmentLanes,
                      transportDocuments,
                      ownLanes,
                      ownBases);
              if (supersededIds.length > 0) {
                try (var st = c.prepareStatement(LINK_SUPERSEDED)) {
                  st.setArray(1, c.createArrayOf("int8", supersededIds));
                  st.executeUpdate();
                } catch (SQLException e) {
                  throw new UnableToExecuteStatementException(e, null);
                }
              }
              return out;
            });
    return storedOf(batch, inserted);
  }

  private static Map<String, Map.Entry<Long, Instant>> insertAll(
      java.sql.Connection c,
      Instant at,
      String[][] text,
      Double[][] reals,
      Long[][] counts,
      Boolean[] pending,
      String[] consignmentKeys,
      Long[] consignmentIds,
      String[] consignmentLanes,
      String[] transportDocuments,
      String[] ownLanes,
      String[] ownBases) {
    try (var st = c.prepareStatement(INSERT_ASSESSMENTS)) {
      int p = 1;
      st.setTimestamp(p++, Timestamp.from(at));
      for (int col = 0; col < 6; col++) {
        st.setArray(p++, c.createArrayOf("text", text[col]));
      }
      st.setArray(p++, c.createArrayOf("float8", reals[0]));
      st.setArray(p++, c.createArrayOf("float8", reals[1]));
      for (int col = 6; col < 15; col++) {
        st.setArray(p++, c.createArrayOf("text", text[col]));
      }
      for (Long[] col : counts) {
        st.setArray(p++, c.createArrayOf("int8", col));
      }
      st.setArray(p++, c.createArrayOf("bool", pending));
      st.setArray(p++, c.createArrayOf("text", consignmentKeys));
      st.setArray(p++, c.createArrayOf("int8", consignmentIds));
      st.setArray(p++, c.createArrayOf("text", consignmentLanes));
      st.setArray(p++, c.createArrayOf("text", transportDocuments));
      st.setArray(p++, c.createArrayOf("text", ownLanes));
      st.setArray(p, c.createArrayOf("text", ownBases));
      Map<String, Map.Entry<Long, Instant>> out = new java.util.HashMap<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(2), Map.entry(rs.getLong(1), rs.getTimestamp(3).toInstant()));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new UnableToExecuteStatementException(e, null);
    }
  }

  private static List<StoredAssessment> storedOf(
      List<NewAssessment> batch, Map<String, Map.Entry<Long, Instant>> inserted) {
    List<StoredAssessment> stored = new ArrayList<>(inserted.size());
    for (NewAssessment b : batch) {
      // A key repeated in the batch is stored once, as its first assessment.
      Map.Entry<Long, Instant> row = inserted.remove(b.assessment().recordKey());
      if (row != null) {
        stored.add(
            new StoredAssessment(
                row.getKey(),
                b.assessment(),
                row.getValue(),
                b.declaration().history(),
                b.json(),
                b.exactReasonsFollow()));
      }
    }
    return stored;
  }

  /** The lane a declaration given its consignment's would have had on its own; null otherwise. */
  private static String ownLane(Assessment a) {
    return a.consignment().isPresent() ? a.selection().own().code() : null;
  }

  /** Why a declaration given its consignment's lane would have had its own; null otherwise. */
  private static String ownBasis(Assessment a) {
    return a.consignment().isPresent() ? a.selection().ownBasis().code() : null;
  }

  /**
   * The transport document's number as targeting compares them (upper case, NFKC): a declaration's,
   * of the consignment it declares the goods of; a transport document's, its own; null for other
   * records.
   */
  private static String transportDocument(DeclarationView d) {
    return (d.recordKind().equals("declaration") || d.recordKind().equals("transport-document"))
            && !d.transportDocument().isEmpty()
        ? d.transportDocument()
        : null;
  }

  /**
   * One statement: the declarations to raise are locked with their lanes as they were, raised, and
   * a lane change is written for each.
   */
  private static final String CARRY_OVER =
      "with c as (select * from unnest(?::int8[], ?::text[], ?::text[]) as c(consignment,"
          + " lane, comment)), old as (select a.id, a.final_lane, c.lane, c.comment from c join"
          + " targeting.assessment t on t.id = c.consignment join targeting.assessment a on"
          + " a.transport_document = t.transport_document and starts_with(a.record_key,"
          + " 'declaration:') where"
          + " a.status not in ('closed', 'superseded') and"
          + " array_position(array['red','yellow','blue','green'],"
          + " a.final_lane) > array_position(array['red','yellow','blue','green'], c.lane) for"
          + " update of a), raised as (update targeting.assessment a set final_lane = old.lane,"
          + " status = case when a.status = 'released' then 'open' else a.status end from old"
          + " where a.id = old.id returning a.id) insert into targeting.lane_change"
          + " (assessment_id, from_lane, to_lane, comment, decided_by, decided_at) select old.id,"
          + " old.final_lane, old.lane, old.comment, ?, ? from old join raised on raised.id ="
          + " old.id";

  @Override
  public int carryOver(List<ConsignmentSelection> selected, Instant at) {
    if (selected.isEmpty()) {
      return 0;
    }
    // a consignment named twice is carried over with its most severe lane; its declarations are
    // found through its own stored number, compared as targeting compares them
    Map<Long, ConsignmentSelection> byConsignment = new java.util.LinkedHashMap<>();
    for (ConsignmentSelection c : selected) {
      byConsignment.merge(c.assessmentId(), c, (a, b) -> b.lane().moreSevereThan(a.lane()) ? b : a);
    }
    int n = byConsignment.size();
    Long[] consignments = new Long[n];
    String[] lanes = new String[n];
    String[] comments = new String[n];
    int i = 0;
    for (var e : byConsignment.entrySet()) {
      consignments[i] = e.getKey();
      lanes[i] = e.getValue().lane().code();
      comments[i++] = e.getValue().laterReason();
    }
    return jdbi.inTransaction(
        h -> {
          var c = h.getConnection();
          try (var st = c.prepareStatement(CARRY_OVER)) {
            st.setArray(1, c.createArrayOf("int8", consignments));
            st.setArray(2, c.createArrayOf("text", lanes));
            st.setArray(3, c.createArrayOf("text", comments));
            st.setString(4, ConsignmentSelection.DECIDED_BY);
            st.setTimestamp(5, Timestamp.from(at));
            return st.executeUpdate();
          } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
          }
        });
  }

  /**
   * One statement: the declarations of the consignment whose lane is the consignment's doing are
   * locked, each falls back to the more severe of the lane it had before (its own assessment's, or
   * an analyst's decision the consignment overrode) and {@code lane}, and a lane change is written
   * for each one lowered. A declaration an analyst decided on after the consignment raised it is
   * the analyst's and is left as it is.
   */
  private static final String FOLLOW_DOWN =
      "with d as (select a.id, a.final_lane, a.status, coalesce(a.own_lane, a.lane) as own,"
          + " (select max(y.id) from targeting.lane_change y where y.assessment_id = a.id and"
          + " y.decided_by <> ?) as last_decision from targeting.assessment t join"
          + " targeting.assessment a on a.transport_document = t.transport_document and"
          + " starts_with(a.record_key, 'declaration:') where t.id = ? and a.status not in"
          + " ('closed', 'superseded')"
          + " for update of a), b as (select d.id, d.final_lane, d.status, case when"
          + " d.last_decision is null then d.own else (select x.from_lane from"
          + " targeting.lane_change x where x.assessment_id = d.id and x.id > d.last_decision"
          + " order by x.id limit 1) end as before from d), n as (select b.id, b.final_lane,"
          + " b.status, case when array_position(array['red','yellow','blue','green'], b.before)"
          + " < array_position(array['red','yellow','blue','green'], ?) then b.before else ?"
          + " end as lane from b where b.before is not null), old as (select * from n where"
          + " array_position(array['red','yellow','blue','green'], n.lane) >"
          + " array_position(array['red','yellow','blue','green'], n.final_lane)), lowered as"
          + " (update targeting.assessment a set final_lane = old.lane, status = case when"
          + " old.lane = 'green' then 'released' else a.status end from old where a.id = old.id"
          + " returning a.id) insert into targeting.lane_change (assessment_id, from_lane,"
          + " to_lane, comment, decided_by, decided_at) select old.id, old.final_lane, old.lane,"
          + " ?, ?, ? from old join lowered on lowered.id = old.id";

  @Override
  public int followDown(long consignment, Lane lane, String comment, Instant at) {
    return jdbi.inTransaction(
        h -> {
          var c = h.getConnection();
          try (var st = c.prepareStatement(FOLLOW_DOWN)) {
            st.setString(1, ConsignmentSelection.DECIDED_BY);
            st.setLong(2, consignment);
            st.setString(3, lane.code());
            st.setString(4, lane.code());
            st.setString(5, comment);
            st.setString(6, ConsignmentSelection.DECIDED_BY);
            st.setTimestamp(7, Timestamp.from(at));
            return st.executeUpdate();
          } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
          }
        });
  }

  @Override
  public java.util.Set<String> assessedAmong(java.util.Collection<String> recordKeys) {
    if (recordKeys.isEmpty()) {
      return java.util.Set.of();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select record_key from targeting.assessment where record_key = any(:keys)"
                        + " and "
                        + CURRENT)
                .bindArray("keys", String.class, recordKeys)
                .mapTo(String.class)
                .collect(java.util.stream.Collectors.toUnmodifiableSet()));
  }

  @Override
  public Map<String, StoredAssessment> assessedAlone(java.util.Collection<String> recordKeys) {
    if (recordKeys.isEmpty()) {
      return Map.of();
    }
    Map<String, StoredAssessment> out = new java.util.HashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "select "
                        + COLUMNS
                        + " from targeting.assessment where record_key = any(:keys) and"
                        + " assessed_alone and "
                        + CURRENT)
                .bindArray("keys", String.class, recordKeys)
                .map((rs, ctx) -> stored(rs))
                .forEach(x -> out.put(x.assessment().recordKey(), x)));
    return out;
  }

  /** Both traders' counters of every declaration, in one look-up. */
  @Override
  public List<TraderHistory> ofAll(List<DeclarationView> ds) {
    java.util.Set<String> declarants = new java.util.HashSet<>();
    java.util.Set<String> importers = new java.util.HashSet<>();
    for (DeclarationView d : ds) {
      declarants.add(d.declarant().traderKey());
      importers.add(d.importer().traderKey());
    }
    declarants.remove("");
    importers.remove("");
    Map<String, long[]> byKey = new java.util.HashMap<>();
    if (!declarants.isEmpty() || !importers.isEmpty()) {
      jdbi.useHandle(
          h ->
              h.createQuery(
                      "select role, trader_key, declarations, infractions from"
                          + " targeting.trader_history where (role = 'declarant' and trader_key ="
                          + " any(:declarants)) or (role = 'importer' and trader_key ="
                          + " any(:importers))")
                  .bindArray("declarants", String.class, declarants)
                  .bindArray("importers", String.class, importers)
                  .map(
                      (rs, ctx) ->
                          Map.entry(
                              rs.getString(1) + "\u0000" + rs.getString(2),
                              new long[] {rs.getLong(3), rs.getLong(4)}))
                  .forEach(e -> byKey.put(e.getKey(), e.getValue())));
    }
    long[] none = {0, 0};
    List<TraderHistory> out = new ArrayList<>(ds.size());
    for (DeclarationView d : ds) {
      long[] dec = byKey.getOrDefault("declarant\u0000" + d.declarant().traderKey(), none);
      long[] imp = byKey.getOrDefault("importer\u0000" + d.importer().traderKey(), none);
      out.add(new TraderHistory(dec[0], dec[1], imp[0], imp[1]));
    }
    return out;
  }

  @Override
  public void addModelReasons(long id, List<String> reasons) {
    addModelReasons(Map.of(id, reasons));
  }

  /** One transaction, the updates sent as one batch. */
  @Override
  public void addModelReasons(Map<Long, List<String>> reasonsById) {
    if (reasonsById.isEmpty()) {
      return;
    }
    jdbi.useTransaction(
        h -> {
          var batch =
              h.prepareBatch(
                  "update targeting.assessment set model_reasons = cast(:r as jsonb),"
                      + " model_reasons_pending = false where id = :id");
          reasonsById.forEach((id, r) -> batch.bind("r", stringsJson(r)).bind("id", id).add());
          batch.execute();
        });
  }

  @Override
  public List<StoredAssessment> waitingForModelReasons(int max) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select "
                        + COLUMNS
                        + " from targeting.assessment where model_reasons_pending order by id"
                        + " limit :max")
                .bind("max", max)
                .map((rs, ctx) -> stored(rs))
                .list());
  }

  @Override
  public Optional<StoredAssessment> byKey(String recordKey) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select "
                        + COLUMNS
                        + " from targeting.assessment where record_key = :k and "
                        + CURRENT)
                .bind("k", recordKey)
                .map((rs, ctx) -> stored(rs))
                .findOne());
  }

  @Override
  public Map<String, ConsignmentSelection> consignments(
      java.util.Collection<String> transportDocuments) {
    if (transportDocuments.isEmpty()) {
      return Map.of();
    }
    Map<String, ConsignmentSelection> out = new java.util.HashMap<>();
    jdbi.useHandle(
        h -> {
          try (var st =
              h.getConnection()
                  .prepareStatement(
                      "select a.transport_document, a.record_key, a.id, a.final_lane, o.result ="
                          + " 'nothing-found' from targeting.assessment a left join"
                          + " targeting.outcome o on o.assessment_id = a.id where"
                          + " a.transport_document = any(?) and starts_with(a.record_key,"
                          + " 'transport-document:') and a.status <> 'superseded'")) {
            st.setArray(1, h.getConnection().createArrayOf("text", transportDocuments.toArray()));
            try (ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                String bill = rs.getString(1);
                ConsignmentSelection.carried(
                        rs.getString(2), rs.getLong(3), lane(rs.getString(4)), rs.getBoolean(5))
                    .ifPresent(c -> out.put(bill, c));
              }
            }
          } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
          }
        });
    return out;
  }

  @Override
  public Optional<StoredAssessment> byId(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select " + COLUMNS + " from targeting.assessment where id = :id")
                .bind("id", id)
                .map((rs, ctx) -> stored(rs))
                .findOne());
  }

  @Override
  public TraderHistory of(DeclarationView d) {
    return inputs(d, Optional.empty()).history();
  }

  /** Both traders' counters (kept as assessments and outcomes are stored). */
  private static final String TRADER_COUNTERS =
      "select role, declarations, infractions, null, false from targeting.trader_history where"
          + " (role = 'declarant' and trader_key = ?) or (role = 'importer' and trader_key = ?)";

  /** The consignment of a transport document number, with what decides its carried lane. */
  private static final String AND_CONSIGNMENT =
      " union all select a.record_key, a.id, 0, a.final_lane, coalesce(o.result ="
          + " 'nothing-found', false) from targeting.assessment a left join targeting.outcome o"
          + " on o.assessment_id = a.id where a.transport_document = ? and"
          + " starts_with(a.record_key, 'transport-document:') and a.status <> 'superseded'";

  /**
   * Both traders' counters and, for a declaration naming a transport document, the consignment's
   * carried lane, in one statement: the assessment API's path pays one round trip for both. Plain
   * JDBC, as for storing an assessment.
   */
  @Override
  public Inputs inputs(DeclarationView d, Optional<String> transportDocument) {
    String imp = d.importer().traderKey();
    String dec = d.declarant().traderKey();
    if (imp.isEmpty() && dec.isEmpty() && transportDocument.isEmpty()) {
      return new Inputs(TraderHistory.NONE, Optional.empty());
    }
    long epoch = countersEpoch.get(); // before the read: a move during it voids what it reads
    long[] c = new long[4];
    var carried =
        new java.util.concurrent.atomic.AtomicReference<Optional<ConsignmentSelection>>(
            Optional.empty());
    jdbi.useHandle(
        h -> {
          try (var st =
              h.getConnection()
                  .prepareStatement(
                      TRADER_COUNTERS + (transportDocument.isPresent() ? AND_CONSIGNMENT : ""))) {
            st.setString(1, dec.isEmpty() ? null : dec);
            st.setString(2, imp.isEmpty() ? null : imp);
            if (transportDocument.isPresent()) {
              st.setString(3, transportDocument.get());
            }
            try (ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                String what = rs.getString(1);
                if (rs.getString(4) != null) {
                  carried.set(
                      ConsignmentSelection.carried(
                          what, rs.getLong(2), lane(rs.getString(4)), rs.getBoolean(5)));
                } else {
                  int at = what.equals("declarant") ? 0 : 2;
                  c[at] = rs.getLong(2);
                  c[at + 1] = rs.getLong(3);
                }
              }
            }
          } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
          }
        });
    if (counters.size() > MOST_COUNTERS) {
      counters.clear();
    }
    if (!dec.isEmpty()) {
      counters.put(counterKey("declarant", dec), new long[] {c[0], c[1], epoch});
    }
    if (!imp.isEmpty()) {
      counters.put(counterKey("importer", imp), new long[] {c[2], c[3], epoch});
    }
    return new Inputs(new TraderHistory(c[0], c[1], c[2], c[3]), carried.get());
  }

  /**
   * The counters as this store last read them, without a look-up, when it has both traders' (and
   * there is no consignment to look up); otherwise {@link #inputs}. {@link #saveAlone} checks them.
   */
  @Override
  public Inputs standing(DeclarationView d, Optional<String> transportDocument) {
    if (transportDocument.isEmpty()) {
      long[] dec = knownCounters("declarant", d.declarant().traderKey());
      long[] imp = knownCounters("importer", d.importer().traderKey());
      if (dec != null && imp != null) {
        return new Inputs(new TraderHistory(dec[0], dec[1], imp[0], imp[1]), Optional.empty());
      }
    }
    return inputs(d, transportDocument);
  }

  private static final long[] NO_COUNTS = {0, 0};

  private long[] knownCounters(String role, String traderKey) {
    if (traderKey.isEmpty()) {
      return NO_COUNTS;
    }
    long[] c = counters.get(counterKey(role, traderKey));
    return c != null && c[2] == countersEpoch.get() ? c : null;
  }

  private static String counterKey(String role, String traderKey) {
    return role + '\u0000' + traderKey;
  }

  @Override
  public List<DeclarationView> assessedSince(
      Instant from, java.util.Set<String> offices, int limit) {
    List<DeclarationView> out = new ArrayList<>();
    jdbi.useHandle(
        h -> {
          var q =
              h.createQuery(
                      "select record_key, declaration, hist_declarant_decl, hist_declarant_infr,"
                          + " hist_importer_decl, hist_importer_infr from targeting.assessment"
                          // records sent alone were never declared: no trial call is a hit
                          + " where assessed_at >= :from and not assessed_alone and "
                          + CURRENT
                          + (offices.isEmpty() ? "" : " and office = any(:offices)")
                          + " order by assessed_at desc limit :limit")
                  .bind("from", Timestamp.from(from))
                  .bind("limit", limit)
                  .setFetchSize(1000);
          if (!offices.isEmpty()) {
            q.bindArray("offices", String.class, offices);
          }
          q.map(
                  (rs, ctx) -> {
                    String key = rs.getString(1);
                    Outcome<DeclarationView> p =
                        parser.parse(DeclarationView.kindOf(key), rs.getString(2));
                    return p.isAccepted()
                        ? p.orElseThrow()
                            .withHistory(
                                new TraderHistory(
                                    rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
                        : null;
                  })
              .forEach(
                  d -> {
                    if (d != null) {
                      out.add(d);
                    }
                  });
        });
    return out;
  }

  @Override
  public List<WorkItem> items(
      String office, WorkStatus status, String kind, java.util.OptionalLong after, int limit) {
    return jdbi.withHandle(
        h -> {
          var q =
              h.createQuery(
                      "select "
                          + COLUMNS
                          + " from targeting.assessment"
                          + worklistWhere(office, kind, ALL_LANES, after)
                          // the most severe lane first (goods to examine, whatever their
                          // score: a consignment's lane carries no score), then by score
                          + " order by array_position(array['red','yellow','blue','green'],"
                          + " final_lane), score desc, id limit :l")
                  .bind("l", limit);
          bindWorklist(q, status, office, kind, ALL_LANES, after);
          return read(h, q, false);
        });
  }

  /** A worklist's order as a key that ascends: the most severe lane, the highest score, the id. */
  private static final String LANE_ORDER = "array_position(array['red','yellow','blue','green'], ";

  private static final java.util.Set<Lane> ALL_LANES = java.util.EnumSet.allOf(Lane.class);

  @Override
  public WorklistPage page(
      String office,
      WorkStatus status,
      String kind,
      java.util.Set<Lane> lanes,
      java.util.OptionalLong after,
      int limit) {
    // One statement for what a live page polls every 2 s: the matching items are read once, as
    // narrow rows (id and order key), and counted there; only the page's rows are read in full.
    // A consistent snapshot too: the counts always agree with the items listed.
    String sql =
        "with m as materialized (select id, "
            + LANE_ORDER
            + "final_lane) as lp, score from targeting.assessment"
            + worklistWhere(office, kind, lanes, java.util.OptionalLong.empty())
            + ")"
            + (after.isEmpty()
                ? ", c as (select count(*) as total, 0::bigint as n_before from m)"
                // the item the page follows, wherever it is now (it may have left the filter)
                : ", k as (select "
                    + LANE_ORDER
                    + "x.final_lane) as lp, -x.score as ns, x.id from targeting.assessment x"
                    + " where x.id = :after), c as (select count(*) as total, count(*) filter"
                    + " (where (m.lp, -m.score, m.id) <= (k.lp, k.ns, k.id)) as n_before from m"
                    + " left join k on true)")
            + ", p as (select m.id as pid, m.lp as plp, m.score as pscore from m"
            + (after.isEmpty() ? "" : " where (m.lp, -m.score, m.id) > (select lp, ns, id from k)")
            + " order by m.lp, m.score desc, m.id limit :l)"
            + " select c.total, c.n_before, "
            + COLUMNS
            // the counts' row even when the page is empty
            + " from c left join (p join targeting.assessment a on a.id = p.pid) on true"
            + " order by p.plp, p.pscore desc, p.pid";
    return jdbi.withHandle(
        h -> {
          var q = h.createQuery(sql).bind("l", limit);
          bindWorklist(q, status, office, kind, lanes, after);
          int[] counts = new int[2];
          List<Row> rows = new ArrayList<>();
          q.map(
                  (rs, ctx) -> {
                    counts[0] = rs.getInt("total");
                    counts[1] = rs.getInt("n_before");
                    return rs.getObject("id") == null ? null : row(rs, null);
                  })
              .forEach(
                  w -> {
                    if (w != null) {
                      rows.add(w);
                    }
                  });
          return new WorklistPage(held(h, rows), counts[0], counts[1]);
        });
  }

  /** The filter of a worklist page and its counts, binding what {@link #bindWorklist} binds. */
  private static String worklistWhere(
      String office, String kind, java.util.Set<Lane> lanes, java.util.OptionalLong after) {
    return " where status = :s"
        + (office.isEmpty() ? "" : " and office = :office")
        + (lanes.containsAll(ALL_LANES) ? "" : " and final_lane = any(:lanes)")
        // the record key is kind:source-id; starts_with cannot misread a % or _
        + (kind.isEmpty() ? "" : " and starts_with(record_key, :kind)")
        // keyset: after the given item in the worklist's order, wherever it is now
        + (after.isEmpty()
            ? ""
            : " and (array_position(array['red','yellow','blue','green'],"
                + " final_lane), -score, id) > (select"
                + " array_position(array['red','yellow','blue','green'],"
                + " x.final_lane), -x.score, x.id from targeting.assessment x"
                + " where x.id = :after)");
  }

  private static void bindWorklist(
      org.jdbi.v3.core.statement.Query q,
      WorkStatus status,
      String office,
      String kind,
      java.util.Set<Lane> lanes,
      java.util.OptionalLong after) {
    q.bind("s", status.code());
    if (!lanes.containsAll(ALL_LANES)) {
      q.bindArray("lanes", String.class, lanes.stream().map(Lane::code).toList());
    }
    if (!office.isEmpty()) {
      q.bind("office", office);
    }
    if (!kind.isEmpty()) {
      q.bind("kind", kind + ":");
    }
    if (after.isPresent()) {
      q.bind("after", after.getAsLong());
    }
  }

  /**
   * One statement: the records' lone assessments are marked stored, and their traders are counted
   * now, once (a declaration, and an infraction if one was recorded), as they were not when the
   * record was sent alone.
   */
  private static final String STORED_IN_INTELLIGENCE =
      "with flipped as (update targeting.assessment set assessed_alone = false where record_key ="
          + " any(:k) and assessed_alone and status <> 'superseded' returning id, importer_key,"
          + " declarant_key), t as (select v.role, v.trader_key, (select count(*) from"
          + " targeting.outcome o where o.assessment_id = flipped.id and o.result ="
          + " 'infraction') as infr from flipped cross join lateral (values ('importer',"
          + " flipped.importer_key), ('declarant', flipped.declarant_key)) v(role, trader_key)"
          + " where v.trader_key <> '') insert into targeting.trader_history (role, trader_key,"
          + " declarations, infractions) select role, trader_key, count(*), sum(infr) from t"
          + " group by role, trader_key on conflict (role, trader_key) do update set"
          + " declarations = targeting.trader_history.declarations + excluded.declarations,"
          + " infractions = targeting.trader_history.infractions + excluded.infractions";

  @Override
  public void storedInIntelligence(java.util.Collection<String> recordKeys) {
    if (recordKeys.isEmpty()) {
      return;
    }
    countersMoved();
    jdbi.useHandle(
        h ->
            h.createUpdate(STORED_IN_INTELLIGENCE)
                .bindArray("k", String.class, recordKeys)
                .execute());
  }

  @Override
  public Optional<WorkItem> item(long id) {
    return jdbi.withHandle(
        h ->
            read(
                    h,
                    h.createQuery("select " + COLUMNS + " from targeting.assessment where id = :id")
                        .bind("id", id),
                    true)
                .stream()
                .findFirst());
  }

  @Override
  public List<WorkItem> earlier(String recordKey, long before) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select "
                        + COLUMNS
                        + " from targeting.assessment where record_key = :k and status ="
                        + " 'superseded' and id < :id order by id")
                .bind("k", recordKey)
                .bind("id", before)
                .map((rs, ctx) -> work(rs, h))
                .list());
  }

  @Override
  public Optional<WorkItem> consignment(String transportDocument) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select "
                        + COLUMNS
                        + " from targeting.assessment where transport_document = :td and"
                        + " starts_with(record_key, 'transport-document:') and "
                        + CURRENT
                        + " order by id limit 1")
                .bind("td", org.sekisho.targeting.criteria.domain.Normal.code(transportDocument))
                .map((rs, ctx) -> work(rs, null))
                .findFirst());
  }

  @Override
  public List<WorkItem> declarationsOf(String transportDocument, int limit) {
    return jdbi.withHandle(
        h ->
            read(
                h,
                h.createQuery(
                        "select "
                            + COLUMNS
                            + " from targeting.assessment where transport_document = :td and"
                            + " starts_with(record_key, 'declaration:') and "
                            + CURRENT
                            + " order by id limit :l")
                    .bind(
                        "td", org.sekisho.targeting.criteria.domain.Normal.code(transportDocument))
                    .bind("l", limit),
                false));
  }

  @Override
  public boolean decide(
      long id,
      Lane from,
      int version,
      Lane to,
      WorkStatus status,
      String comment,
      String by,
      Instant at) {
    return jdbi.inTransaction(
        h -> {
          // the row lock orders deciders; the count read after it sees every committed change
          h.createQuery("select id from targeting.assessment where id = :id for update")
              .bind("id", id)
              .mapTo(Long.class)
              .findOne();
          int changes =
              h.createQuery("select count(*) from targeting.lane_change where assessment_id = :id")
                  .bind("id", id)
                  .mapTo(Integer.class)
                  .one();
          if (changes != version) {
            return false;
          }
          int n =
              h.createUpdate(
                      "update targeting.assessment set final_lane = :to, status = :s where id = :id"
                          + " and final_lane = :from and status not in ('closed',"
                          + " 'superseded')")
                  .bind("to", to.code())
                  .bind("s", status.code())
                  .bind("id", id)
                  .bind("from", from.code())
                  .execute();
          if (n == 0) {
            return false;
          }
          h.createUpdate(
                  "insert into targeting.lane_change (assessment_id, from_lane, to_lane, comment,"
                      + " decided_by, decided_at) values (:id, :from, :to, :c, :by, :at)")
              .bind("id", id)
              .bind("from", from.code())
              .bind("to", to.code())
              .bind("c", comment)
              .bind("by", by)
              .bind("at", Timestamp.from(at))
              .execute();
          return true;
        });
  }

  @Override
  public boolean recordOutcome(
      long id,
      InspectionResult result,
      BigDecimal revenue,
      boolean seizure,
      String note,
      String by,
      Instant at) {
    return jdbi.inTransaction(
        h -> {
          int n =
              h.createUpdate(
                      "update targeting.assessment set status = 'closed' where id = :id and status"
                          + " = 'referred'")
                  .bind("id", id)
                  .execute();
          if (n == 0) {
            return false;
          }
          h.createUpdate(
                  "insert into targeting.outcome (assessment_id, result, revenue, seizure, note,"
                      + " recorded_by, recorded_at) values (:id, :r, :rev, :s, :note, :by, :at)")
              .bind("id", id)
              .bind("r", result.code())
              .bind("rev", revenue)
              .bind("s", seizure)
              .bind("note", note)
              .bind("by", by)
              .bind("at", Timestamp.from(at))
              .execute();
          if (result == InspectionResult.INFRACTION) {
            countersMoved();
            h.createUpdate(
                    "update targeting.trader_history t set infractions = t.infractions + 1 from"
                        // a record sent alone counts when stored (storedInIntelligence)
                        + " targeting.assessment a where a.id = :id and not a.assessed_alone and"
                        + " ((t.role = 'importer'"
                        + " and t.trader_key = a.importer_key) or (t.role = 'declarant' and"
                        + " t.trader_key = a.declarant_key))")
                .bind("id", id)
                .execute();
          }
          return true;
        });
  }

  private static List<WorkItem.Correction> corrections(Handle h, long id) {
    return h.createQuery(
            "select from_result, from_revenue, from_seizure, from_note, from_by, comment,"
                + " corrected_by, corrected_at from targeting.outcome_correction where"
                + " assessment_id = :id order by id")
        .bind("id", id)
        .map(
            (r, c) ->
                new WorkItem.Correction(
                    InspectionResult.ofCode(r.getString(1)).orElseThrow(),
                    r.getBigDecimal(2),
                    r.getBoolean(3),
                    r.getString(4),
                    r.getString(5),
                    r.getString(6),
                    r.getString(7),
                    r.getTimestamp(8).toInstant()))
        .list();
  }

  @Override
  public boolean correctOutcome(
      long id,
      int version,
      InspectionResult result,
      BigDecimal revenue,
      boolean seizure,
      String note,
      String comment,
      String by,
      Instant at) {
    return jdbi.inTransaction(
        h -> {
          // the outcome's row lock orders correctors; the count read after it sees every one
          Optional<String> was =
              h.createQuery(
                      "select result from targeting.outcome where assessment_id = :id for update")
                  .bind("id", id)
                  .mapTo(String.class)
                  .findOne();
          if (was.isEmpty()) {
            return false;
          }
          int done =
              h.createQuery(
                      "select count(*) from targeting.outcome_correction where assessment_id ="
                          + " :id")
                  .bind("id", id)
                  .mapTo(Integer.class)
                  .one();
          if (done != version) {
            return false;
          }
          h.createUpdate(
                  "insert into targeting.outcome_correction (assessment_id, from_result,"
                      + " from_revenue, from_seizure, from_note, from_by, comment, corrected_by,"
                      + " corrected_at) select assessment_id, result, revenue, seizure, note,"
                      + " recorded_by, :c, :by, :at from targeting.outcome where assessment_id ="
                      + " :id")
              .bind("id", id)
              .bind("c", comment)
              .bind("by", by)
              .bind("at", Timestamp.from(at))
              .execute();
          h.createUpdate(
                  "update targeting.outcome set result = :r, revenue = :rev, seizure = :s, note ="
                      + " :note, recorded_by = :by, recorded_at = :at where assessment_id = :id")
              .bind("id", id)
              .bind("r", result.code())
              .bind("rev", revenue)
              .bind("s", seizure)
              .bind("note", note)
              .bind("by", by)
              .bind("at", Timestamp.from(at))
              .execute();
          boolean before = was.get().equals(InspectionResult.INFRACTION.code());
          boolean after = result == InspectionResult.INFRACTION;
          if (before != after) {
            countersMoved();
            // the infraction is counted, or no longer, against both traders (a record sent
            // alone is counted when stored: storedInIntelligence reads its outcome then)
            h.createUpdate(
                    "update targeting.trader_history t set infractions = t.infractions + :d from"
                        + " targeting.assessment a where a.id = :id and not a.assessed_alone and"
                        + " ((t.role = 'importer' and t.trader_key = a.importer_key) or (t.role ="
                        + " 'declarant' and t.trader_key = a.declarant_key))")
                .bind("d", after ? 1 : -1)
                .bind("id", id)
                .execute();
          }
          return true;
        });
  }

  /** A work item as read, with the consignment that holds it ({@code 0}: none). */
  private record Row(WorkItem item, long holder) {}

  /**
   * The item of the row, and the consignment holding it: one whose lane was carried to it after its
   * own assessment (the last change that moved its lane was the consignment's; an analyst may have
   * confirmed it since) and still stands above its own.
   */
  private Row row(ResultSet rs, Handle h) throws SQLException {
    WorkItem w = work(rs, h);
    long holder = rs.getLong("holder");
    boolean held =
        holder != 0
            && ConsignmentSelection.DECIDED_BY.equals(rs.getString("last_decided_by"))
            && w.finalLane().moreSevereThan(w.lane());
    return new Row(w, held ? holder : 0);
  }

  /** The items of {@code q} ({@link #COLUMNS}), completed by {@link #held}. */
  private List<WorkItem> read(Handle h, org.jdbi.v3.core.statement.Query q, boolean full) {
    return held(h, q.map((rs, ctx) -> row(rs, full ? h : null)).list());
  }

  /**
   * The items, each one a consignment holds given why ({@link WorkItem.HeldBy}): the consignments'
   * reasons as their items say them, and the last analyst's decision on each, read for all the
   * items at once (two statements, none when no item is held).
   */
  private List<WorkItem> held(Handle h, List<Row> rows) {
    java.util.Set<Long> ids = new java.util.HashSet<>();
    for (Row r : rows) {
      if (r.holder() != 0) {
        ids.add(r.holder());
      }
    }
    if (ids.isEmpty()) {
      return rows.stream().map(Row::item).toList();
    }
    Map<Long, WorkItem> consignments = new java.util.HashMap<>();
    h.createQuery("select " + COLUMNS + " from targeting.assessment where id = any(:ids)")
        .bindArray("ids", Long.class, ids)
        .map((rs, ctx) -> work(rs, null))
        .forEach(c -> consignments.put(c.id(), c));
    Map<Long, WorkItem.LaneChange> decisions = new java.util.HashMap<>();
    h.createQuery(
            "select distinct on (assessment_id) assessment_id, from_lane, to_lane, comment,"
                + " decided_by, decided_at from targeting.lane_change where assessment_id ="
                + " any(:ids) and decided_by <> :system order by assessment_id, id desc")
        .bindArray("ids", Long.class, ids)
        .bind("system", ConsignmentSelection.DECIDED_BY)
        .map(
            (r, c) ->
                Map.entry(
                    r.getLong(1),
                    new WorkItem.LaneChange(
                        lane(r.getString(2)),
                        lane(r.getString(3)),
                        r.getString(4),
                        r.getString(5),
                        r.getTimestamp(6).toInstant())))
        .forEach(e -> decisions.put(e.getKey(), e.getValue()));
    List<WorkItem> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      WorkItem c = consignments.get(r.holder());
      if (c == null) {
        out.add(r.item());
        continue;
      }
      // an analyst's decision is the consignment's reason when it set the lane it holds
      Optional<WorkItem.LaneChange> d =
          Optional.ofNullable(decisions.get(c.id()))
              .filter(x -> x.to() == c.finalLane() && c.finalLane() != c.lane());
      out.add(
          r.item()
              .heldBy(
                  new WorkItem.HeldBy(
                      c.recordKey(), c.id(), r.item().finalLane(), c.reasons(), d)));
    }
    return out;
  }

  private WorkItem work(ResultSet rs, Handle h) throws SQLException {
    StoredAssessment s = stored(rs);
    long id = rs.getLong("id");
    Optional<WorkItem.Outcome> outcome = Optional.empty();
    List<WorkItem.LaneChange> changes = List.of();
    if (h != null) {
      outcome =
          h.createQuery(
                  "select result, revenue, seizure, note, recorded_by from targeting.outcome where"
                      + " assessment_id = :id")
              .bind("id", id)
              .map(
                  (r, c) ->
                      new WorkItem.Outcome(
                          InspectionResult.ofCode(r.getString(1)).orElseThrow(),
                          r.getBigDecimal(2),
                          r.getBoolean(3),
                          r.getString(4),
                          r.getString(5),
                          corrections(h, id)))
              .findOne();
      changes =
          h.createQuery(
                  "select from_lane, to_lane, comment, decided_by, decided_at from"
                      + " targeting.lane_change where assessment_id = :id order by id")
              .bind("id", id)
              .map(
                  (r, c) ->
                      new WorkItem.LaneChange(
                          lane(r.getString(1)),
                          lane(r.getString(2)),
                          r.getString(3),
                          r.getString(4),
                          r.getTimestamp(5).toInstant()))
              .list();
    }
    Assessment a = s.assessment();
    // why it holds its lane as things stand: a consignment lowered since is no longer its reason
    Assessment.Standing now =
        a.standing(Optional.ofNullable(rs.getString("consignment_now")).flatMap(Lane::ofCode));
    return new WorkItem(
        id,
        a.recordKey(),
        a.office(),
        a.score(),
        now.lane(),
        now.basis(),
        lane(rs.getString("final_lane")),
        WorkStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
        now.reasons(),
        s.modelReasonsPending(),
        s.assessedAt(),
        new WorkItem.Versions(a.criteriaVersions(), a.listVersions(), a.modelVersion()),
        outcome,
        changes,
        rs.getBoolean("assessed_alone"),
        rs.getObject("superseded_by") == null
            ? Optional.empty()
            : Optional.of(rs.getLong("superseded_by")),
        rs.getString("superseded_reason"),
        drawn(a.selection()),
        Optional.empty());
  }

  /** The lane a random draw selected the record for on its own, if one did. */
  private static Optional<Lane> drawn(Selection s) {
    if (s.basis() == Selection.Basis.RANDOM) {
      return Optional.of(s.lane());
    }
    return s.ownBasis() == Selection.Basis.RANDOM ? Optional.of(s.own()) : Optional.empty();
  }

  private static Lane lane(String code) {
    return Lane.ofCode(code).orElseThrow();
  }

  private static StoredAssessment stored(ResultSet rs) throws SQLException {
    Selection.Basis basis = basis(rs.getString("basis"));
    Lane lane = lane(rs.getString("lane"));
    Lane own = rs.getString("own_lane") == null ? lane : lane(rs.getString("own_lane"));
    List<CriterionHit> hits = hits(rs.getString("hits"));
    Assessment a =
        new Assessment(
            rs.getString("record_key"),
            rs.getString("office"),
            rs.getDouble("score"),
            rs.getDouble("model_probability"),
            lane(rs.getString("criteria_lane")),
            new Selection(lane, basis, own, ownBasis(rs, basis, own, hits)),
            hits,
            strings(rs.getString("model_reasons")),
            rs.getString("criteria_versions"),
            rs.getString("list_versions"),
            rs.getString("model_version"),
            rs.getString("consignment_key") == null
                ? Optional.empty()
                : Optional.of(
                    new ConsignmentSelection(
                        rs.getString("consignment_key"),
                        rs.getLong("consignment_assessment"),
                        lane(rs.getString("consignment_lane")))));
    return new StoredAssessment(
        rs.getLong("id"),
        a,
        rs.getTimestamp("assessed_at").toInstant(),
        new TraderHistory(
            rs.getLong("hist_declarant_decl"),
            rs.getLong("hist_declarant_infr"),
            rs.getLong("hist_importer_decl"),
            rs.getLong("hist_importer_infr")),
        rs.getString("declaration"),
        rs.getBoolean("model_reasons_pending"));
  }

  private static Selection.Basis basis(String code) {
    return Selection.Basis.valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  /**
   * The basis of a stored selection's own lane: as stored; on a row stored before it was (V17), its
   * criteria when one of its hits has that lane, none when it is green, the consignment's otherwise
   * (a random draw or top-up then, not told apart); the selection's basis when nothing carried
   * over.
   */
  private static Selection.Basis ownBasis(
      ResultSet rs, Selection.Basis basis, Lane own, List<CriterionHit> hits) throws SQLException {
    String stored = rs.getString("own_basis");
    if (stored != null) {
      return basis(stored);
    }
    if (rs.getString("own_lane") == null) {
      return basis;
    }
    if (own == Lane.GREEN) {
      return Selection.Basis.NONE;
    }
    return hits.stream().anyMatch(h -> h.lane().equals(Optional.of(own)))
        ? Selection.Basis.CRITERIA
        : Selection.Basis.CONSIGNMENT;
  }

  static String hitsJson(List<CriterionHit> hits) {
    ArrayNode arr = JSON.createArrayNode();
    for (CriterionHit h : hits) {
      ObjectNode o = arr.addObject();
      o.put("criterionId", h.criterionId());
      o.put("version", h.version());
      o.put("name", h.name());
      o.put("lane", h.lane().map(Lane::code).orElse(""));
      o.put("weight", h.weight());
      o.put("samplePercent", h.samplePercent());
      o.put("reason", h.reason());
      ArrayNode l = o.putArray("listHits");
      h.listHits().forEach(l::add);
    }
    return arr.toString();
  }

  static String stringsJson(List<String> s) {
    ArrayNode arr = JSON.createArrayNode();
    s.forEach(arr::add);
    return arr.toString();
  }

  static List<CriterionHit> hits(String json) {
    List<CriterionHit> out = new ArrayList<>();
    for (JsonNode o : tree(json)) {
      List<String> lh = new ArrayList<>();
      o.path("listHits").forEach(x -> lh.add(x.asText()));
      out.add(
          new CriterionHit(
              o.path("criterionId").asLong(),
              o.path("version").asInt(),
              o.path("name").asText(),
              Lane.ofCode(o.path("lane").asText()),
              o.path("weight").asInt(),
              o.path("samplePercent").asInt(),
              o.path("reason").asText(),
              lh));
    }
    return out;
  }

  static List<String> strings(String json) {
    List<String> out = new ArrayList<>();
    tree(json).forEach(x -> out.add(x.asText()));
    return out;
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is unreadable", e);
    }
  }
}
