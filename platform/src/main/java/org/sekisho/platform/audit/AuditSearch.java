package org.sekisho.platform.audit;

import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.sekisho.core.Outcome;
import org.sekisho.platform.i18n.Messages;

/**
 * Reads the audit log for its viewer: the entries an {@link AuditQuery} selects, newest first (by
 * time, then seq), a page at a time. Read-only; it records nothing itself (the caller audits the
 * read, with {@link AuditQuery#given()} as its details). Thread-safe.
 *
 * <p>Every filter but the free text is answered from an index that yields its entries in time order
 * (migration V4), so a page costs a walk of about its own length down one index, however many
 * millions of entries the log holds. The free text ({@code q}) has no index (a trigram index would
 * tax every audited request): it is looked for in at most {@value #TEXT_SCAN} entries per page, the
 * newest that the other filters select, and a page that stops there says so ({@link
 * AuditPage#textScanCapped()}) and where to go on from. A query that still runs longer than its
 * time limit is refused with a problem that asks for narrower filters, never left running.
 */
public final class AuditSearch {
  /** The most entries the free-text filter looks through for one page. */
  public static final int TEXT_SCAN = 100_000;

  /** How long one page may take before it is refused as too broad. */
  public static final Duration TIME_LIMIT = Duration.ofSeconds(20);

  private static final String COLUMNS = "seq, at, actor, agency, action, subject, details";
  private static final String ORDER = " order by at desc, seq desc";

  private final Jdbi jdbi;
  private final int textScan;
  private final Duration timeLimit;

  public AuditSearch(Jdbi jdbi) {
    this(jdbi, TEXT_SCAN, TIME_LIMIT);
  }

  /**
   * @param textScan the most entries the free text is looked for in, per page
   * @param timeLimit how long one page may take
   */
  AuditSearch(Jdbi jdbi, int textScan, Duration timeLimit) {
    if (textScan < 1 || timeLimit.isNegative() || timeLimit.isZero()) {
      throw new IllegalArgumentException("textScan and timeLimit must be positive");
    }
    this.jdbi = jdbi;
    this.textScan = textScan;
    this.timeLimit = timeLimit;
  }

  /**
   * One page of the entries {@code q} selects, newest first.
   *
   * @return the page; rejected (naming {@code before}) when {@code before} names no entry of the
   *     log, or (code {@code too-broad}) when the page took longer than the time limit
   */
  public Outcome<AuditPage> search(AuditQuery q) {
    return search(q, ENGLISH);
  }

  /** As {@link #search(AuditQuery)}, a refusal worded in the language of {@code t}. */
  public Outcome<AuditPage> search(AuditQuery q, Messages t) {
    try {
      // one snapshot: the free text's second look (where its scan stopped) sees the same log
      return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> page(h, q, t));
    } catch (JdbiException e) {
      if (cancelled(e)) {
        return Outcome.rejected(
            "too-broad", "", t.get("audit.error.tooBroad", Long.toString(timeLimit.toSeconds())));
      }
      throw e;
    }
  }

  private static final Messages ENGLISH =
      new Messages(java.util.Locale.ENGLISH, List.of("i18n.platform"));

  private Outcome<AuditPage> page(Handle h, AuditQuery q, Messages t) {
    // plans for these values, not a generic plan: whether an actor has ten entries or ten million
    // decides which index to walk
    h.execute("set local plan_cache_mode = force_custom_plan");
    h.execute("set local statement_timeout = " + timeLimit.toMillis());
    Optional<OffsetDateTime> beforeAt = Optional.empty();
    if (q.before().isPresent()) {
      long seq = q.before().getAsLong();
      beforeAt =
          h.createQuery("select at from platform.audit_log where seq = :seq")
              .bind("seq", seq)
              .mapTo(OffsetDateTime.class)
              .findOne();
      if (beforeAt.isEmpty()) {
        return Outcome.rejected(
            "invalid-parameter", "before", t.get("audit.error.noEntry", Long.toString(seq)));
      }
    }
    Statements st = statements(h, q, beforeAt);
    List<AuditEntry> rows =
        h.createQuery(st.list()).bindMap(st.listBinds()).map(AuditSearch::entry).list();
    if (rows.size() > q.limit()) {
      List<AuditEntry> page = rows.subList(0, q.limit());
      return Outcome.accepted(
          new AuditPage(page, OptionalLong.of(page.get(page.size() - 1).seq()), false));
    }
    if (st.scanEnd().isPresent()) {
      // fewer hits than a full page: did the free text's scan stop at its bound, and where?
      Optional<Long> last =
          h.createQuery(st.scanEnd().get()).bindMap(st.scanEndBinds()).mapTo(Long.class).findOne();
      if (last.isPresent()) {
        return Outcome.accepted(new AuditPage(rows, OptionalLong.of(last.get()), true));
      }
    }
    return Outcome.accepted(new AuditPage(rows, OptionalLong.empty(), false));
  }

  /**
   * The statements of one page: {@code probe}, run first where the query has a prefix, walks that
   * prefix's own index for at most {@value #RARE} + 1 entries; {@code list} selects the page and
   * one entry more (whether more exist); with a free text, {@code scanEnd} finds the last entry its
   * scan looked at, if the scan reached its bound; each with the values it binds.
   */
  record Statements(
      Optional<Probe> probe,
      String list,
      Map<String, Object> listBinds,
      Optional<String> scanEnd,
      Map<String, Object> scanEndBinds) {}

  /** A walk down the index of one prefix filter, planned as nothing else (see {@link #RARE}). */
  record Probe(String sql, Map<String, Object> binds) {
    /** The seqs of the entries it finds: at most {@link #RARE} + 1. */
    List<Long> run(Handle h) {
      indexWalkOnly(h, true);
      try {
        return h.createQuery(sql).bindMap(binds).mapTo(Long.class).list();
      } finally {
        indexWalkOnly(h, false);
      }
    }

    /**
     * Plans the probe as the walk of its index that it is meant to be: with a bound of {@link
     * #RARE} + 1 rows, a planner that overestimates the prefix would otherwise scan the log.
     */
    static void indexWalkOnly(Handle h, boolean on) {
      String value = on ? "off" : "default";
      h.execute("set local enable_seqscan = " + value);
      h.execute("set local enable_bitmapscan = " + value);
    }
  }

  /**
   * The most entries a prefix filter may select for its page to be answered from those entries
   * alone. A prefix is one range of its index, but not in time order: the planner must choose
   * between that range (then a sort) and a walk of the time index until a page of matches turns up.
   * It chooses from sampled statistics, and a prefix with a few dozen entries in 200,000 may be
   * missing from the sample and taken for a common one, and then the walk goes through the whole
   * log. The probe counts instead of guessing.
   */
  static final int RARE = 200;

  /**
   * The statements for {@code q}, continued after an entry recorded at {@code beforeAt}; runs the
   * probe in {@code h} where {@code q} has a prefix filter.
   */
  Statements statements(Handle h, AuditQuery q, Optional<OffsetDateTime> beforeAt) {
    Optional<Probe> probe = probe(q, beforeAt);
    Optional<List<Long>> rare = Optional.empty();
    if (probe.isPresent()) {
      List<Long> seqs = probe.get().run(h);
      if (seqs.size() <= RARE) {
        rare = Optional.of(seqs);
      }
    }
    return statements(q, beforeAt, probe, rare);
  }

  /** The probe of the query's prefix filter, the subject's before the action's; none without. */
  private static Optional<Probe> probe(AuditQuery q, Optional<OffsetDateTime> beforeAt) {
    Optional<AuditQuery.Match> subject = q.subject().filter(AuditQuery.Match::prefix);
    Optional<AuditQuery.Match> action = q.action().filter(AuditQuery.Match::prefix);
    if (subject.isEmpty() && action.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> binds = new LinkedHashMap<>();
    StringBuilder where = new StringBuilder(" where true");
    before(where, binds, q, beforeAt);
    if (subject.isPresent()) {
      match(where, binds, "subject", subject.get());
    } else {
      match(where, binds, "action", action.get());
    }
    return Optional.of(
        new Probe("select seq from platform.audit_log" + where + " limit " + (RARE + 1), binds));
  }

  private static void before(
      StringBuilder where,
      Map<String, Object> binds,
      AuditQuery q,
      Optional<OffsetDateTime> beforeAt) {
    if (beforeAt.isPresent()) {
      // older in the listing's order (time, then seq); 'at <= :beforeAt' bounds the index walk
      where.append(" and at <= :beforeAt and (at < :beforeAt or seq < :beforeSeq)");
      binds.put("beforeAt", beforeAt.get());
      binds.put("beforeSeq", q.before().orElseThrow());
    }
  }

  private Statements statements(
      AuditQuery q,
      Optional<OffsetDateTime> beforeAt,
      Optional<Probe> probe,
      Optional<List<Long>> rare) {
    Map<String, Object> binds = new LinkedHashMap<>();
    StringBuilder where = new StringBuilder(" where true");
    if (rare.isPresent()) {
      // the prefix's few entries by their key; the other filters are checked on those alone
      where.append(" and seq = any(:rare)");
      binds.put("rare", rare.get().toArray(Long[]::new));
    }
    before(where, binds, q, beforeAt);
    q.actor()
        .ifPresent(
            a -> {
              where.append(" and actor = :actor");
              binds.put("actor", a);
            });
    q.agency()
        .ifPresent(
            a -> {
              where.append(" and agency = :agency");
              binds.put("agency", a);
            });
    q.action().ifPresent(m -> match(where, binds, "action", m));
    q.subject().ifPresent(m -> match(where, binds, "subject", m));
    q.from()
        .ifPresent(
            f -> {
              where.append(" and at >= :from");
              binds.put("from", f.atOffset(ZoneOffset.UTC));
            });
    q.to()
        .ifPresent(
            t -> {
              where.append(" and at < :to");
              binds.put("to", t.atOffset(ZoneOffset.UTC));
            });
    int wanted = q.limit() + 1;
    String selected = "select " + COLUMNS + " from platform.audit_log" + where + ORDER;
    if (q.text().isEmpty()) {
      return new Statements(
          probe, selected + " limit " + wanted, binds, Optional.empty(), Map.of());
    }
    Map<String, Object> withText = new LinkedHashMap<>(binds);
    withText.put("text", "%" + escapeLike(q.text().get()) + "%");
    return new Statements(
        probe,
        "select "
            + COLUMNS
            + " from ("
            + selected
            + " limit "
            + textScan
            + ") s where details ilike :text escape '!'"
            + ORDER
            + " limit "
            + wanted,
        withText,
        Optional.of(
            "select seq from platform.audit_log"
                + where
                + ORDER
                + " offset "
                + (textScan - 1)
                + " limit 1"),
        binds);
  }

  /** An exact value, or a prefix as one range of the "C"-collated index (V4). */
  private static void match(
      StringBuilder where, Map<String, Object> binds, String column, AuditQuery.Match m) {
    String c = column + " collate \"C\"";
    if (!m.prefix()) {
      where.append(" and ").append(c).append(" = :").append(column);
      binds.put(column, m.value());
      return;
    }
    where.append(" and ").append(c).append(" >= :").append(column).append("From");
    binds.put(column + "From", m.value());
    Optional<String> upper = upperBound(m.value());
    if (upper.isPresent()) {
      where.append(" and ").append(c).append(" < :").append(column).append("To");
      binds.put(column + "To", upper.get());
    } else {
      where.append(" and starts_with(").append(column).append(", :").append(column).append(")");
      binds.put(column, m.value());
    }
  }

  /**
   * The least text, in code-point order ("C" collation), above every text that starts with {@code
   * prefix}: the prefix with its last character moved one code point on; empty when there is none
   * (a prefix of nothing but U+10FFFF).
   */
  static Optional<String> upperBound(String prefix) {
    int[] cps = prefix.codePoints().toArray();
    for (int i = cps.length - 1; i >= 0; i--) {
      int next = cps[i] + 1;
      if (next >= Character.MIN_SURROGATE && next <= Character.MAX_SURROGATE) {
        next = Character.MAX_SURROGATE + 1;
      }
      if (next <= Character.MAX_CODE_POINT) {
        cps[i] = next;
        return Optional.of(new String(cps, 0, i + 1));
      }
    }
    return Optional.empty();
  }

  /**
   * {@code text} matched literally by LIKE with the escape character {@code !} (not a backslash,
   * which SQL parsers disagree about inside quotes).
   */
  static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static AuditEntry entry(
      java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext c) throws SQLException {
    return new AuditEntry(
        rs.getLong(1),
        rs.getObject(2, OffsetDateTime.class).toInstant(),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7));
  }

  /** Whether PostgreSQL cancelled the statement (its statement_timeout: SQLSTATE 57014). */
  private static boolean cancelled(Throwable e) {
    List<Throwable> seen = new ArrayList<>();
    for (Throwable t = e; t != null && !seen.contains(t); t = t.getCause()) {
      seen.add(t);
      if (t instanceof SQLException sql && "57014".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
