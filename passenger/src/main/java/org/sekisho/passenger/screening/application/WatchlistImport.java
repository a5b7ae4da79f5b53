package org.sekisho.passenger.screening.application;

import java.io.BufferedReader;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.core.audit.AuditTrail;
import org.sekisho.names.adapter.file.FollowTheMoneyJson;
import org.sekisho.names.adapter.file.WatchlistCsv;
import org.sekisho.names.domain.watchlist.PartialDate;
import org.sekisho.names.domain.watchlist.Severity;
import org.sekisho.names.domain.watchlist.WatchlistEntry;
import org.sekisho.passenger.screening.domain.ScreenedSchemas;

/**
 * Imports watchlist entries from CSV (docs/formats/watchlist.md) or FollowTheMoney JSON lines. Bad
 * rows come back as problems (row or line, field, reason); the good rows are kept. Every import is
 * audited and reloads the screening engine when it changed anything.
 *
 * <p>Two ways in: {@link #importList} imports one named list as a whole (the command line and
 * {@code POST /api/screening/watchlists/{name}/import}): its entries are replaced by the file's,
 * and a file with the same content as the list's current version is recognised (by a hash of its
 * entries, whatever their order) and keeps that version, so importing the same file twice is
 * harmless. {@link #csv} and {@link #followTheMoney} merge the entries of a file into the lists it
 * names (by list and id) and raise each such list's version.
 *
 * <p>An import that changed a list screens the flights not yet departed again ({@link Reload}), as
 * a saved rule does: a traveller screened before a list named him is hit at once, and the open hits
 * of an entry the import removed are withdrawn as delisted, traced in the audit log to the import.
 *
 * <p>FollowTheMoney files: only the entities that are or may be a person ({@link ScreenedSchemas})
 * are imported; the others are left out and reported by schema with the reason ({@link
 * SchemaLeftOut}), never dropped silently.
 *
 * <p>Streams: entries are written in batches as they are read, never the whole file at once.
 */
public final class WatchlistImport {
  private static final int BATCH = 5_000;
  private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);
  private final ScreeningStore store;
  private final Reload screening;
  private final AuditTrail audit;
  private final Clock clock;

  /** Port: makes screening use the watchlists as now stored, after an import changed them. */
  @FunctionalInterface
  public interface Reload {
    /**
     * Loads the watchlists as stored now and screens the flights not yet departed again, audited as
     * {@code user} of {@code agency}.
     *
     * @param cause names the import in the audit details of the hits the screening changes
     * @return how many flights were screened again
     */
    int reload(String user, String agency, String cause);

    /** For a process that screens nothing. */
    Reload NONE = (user, agency, cause) -> 0;
  }

  /**
   * With {@code screening} reloaded after each import that changed a list, and the flights not yet
   * departed ({@link PassengerRules#CURRENT_DAYS} ahead) screened again.
   */
  public WatchlistImport(
      ScreeningStore store, PassengerScreening screening, AuditTrail audit, Clock clock) {
    this(store, rescreen(screening), audit, clock);
  }

  /** The port for a screening engine: reload, then screen the current flights again. */
  public static Reload rescreen(PassengerScreening screening) {
    Objects.requireNonNull(screening, "screening");
    return (user, agency, cause) -> {
      screening.reload();
      return screening.screenCurrentFlights(user, agency, PassengerRules.CURRENT_DAYS, cause);
    };
  }

  /**
   * @param screening called after an import that changed a list
   */
  public WatchlistImport(ScreeningStore store, Reload screening, AuditTrail audit, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.screening = Objects.requireNonNull(screening, "screening");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Entities of one FollowTheMoney schema that an import left out ({@link ScreenedSchemas}).
   *
   * @param schema the schema, e.g. {@code Company}
   * @param entities how many entities of it the file held
   * @param code {@code organisation}, {@code not-a-person} or {@code not-a-party}
   * @param reason why they are left out, in words
   */
  public record SchemaLeftOut(String schema, int entities, String code, String reason) {}

  /**
   * What a merge import did: entries written, the rows refused, and the FollowTheMoney entities
   * left out by schema (empty for CSV).
   */
  public record Report(
      int imported, List<Problem> problems, List<SchemaLeftOut> leftOut, int flightsScreened) {
    public Report {
      problems = List.copyOf(problems);
      leftOut = List.copyOf(leftOut);
    }

    /** How many entities were left out, all schemas together. */
    public int leftOutCount() {
      return WatchlistImport.count(leftOut);
    }

    /** How many rows were refused (problems that only left a value out refuse nothing). */
    public int refused() {
      return WatchlistImport.refused(problems);
    }
  }

  /**
   * How many of the problems refused a row: a FollowTheMoney birth date or country left out of an
   * entry that was kept ({@link FollowTheMoneyJson#VALUE_LEFT_OUT}) is reported, not refused, and
   * the whole file's {@code no-entries} refuses no row of its own.
   */
  public static int refused(List<Problem> problems) {
    return (int)
        problems.stream()
            .filter(p -> !p.code().equals(FollowTheMoneyJson.VALUE_LEFT_OUT))
            .filter(p -> !p.code().equals("no-entries"))
            .count();
  }

  /**
   * What the import of a named list did.
   *
   * @param list the list
   * @param version its version now
   * @param previousVersion its version before (0 when it is new)
   * @param unchanged true when the file held what the current version holds (no new version)
   * @param imported entries read and written
   * @param removed entries of the previous version the file no longer holds, removed
   * @param removedIds their ids, in order
   * @param kept the ids of entries the file's valid rows do not hold that were kept because a row
   *     was refused (empty when no row was): a refused row may be one of them, and a typo must
   *     never take someone off a watchlist
   * @param problems the rows refused (row or line, field, reason), and values left out of entries
   *     that were kept
   * @param leftOut the FollowTheMoney entities of schemas passenger screening does not screen
   *     against, by schema with the reason (empty for CSV)
   * @param flightsScreened the flights not yet departed screened again with the new list (0 when
   *     unchanged)
   */
  public record ListReport(
      String list,
      int version,
      int previousVersion,
      boolean unchanged,
      int imported,
      int removed,
      List<String> removedIds,
      List<String> kept,
      List<Problem> problems,
      List<SchemaLeftOut> leftOut,
      int flightsScreened) {
    public ListReport {
      removedIds = List.copyOf(removedIds);
      kept = List.copyOf(kept);
      problems = List.copyOf(problems);
      leftOut = List.copyOf(leftOut);
    }

    /** How many entities were left out, all schemas together. */
    public int leftOutCount() {
      return WatchlistImport.count(leftOut);
    }

    /** How many rows were refused. */
    public int refused() {
      return WatchlistImport.refused(problems);
    }
  }

  private static int count(List<SchemaLeftOut> leftOut) {
    return leftOut.stream().mapToInt(SchemaLeftOut::entities).sum();
  }

  /** Formats {@link #importList} reads. */
  public static final List<String> FORMATS = List.of("csv", "ftm");

  /** Whether {@code name} may name a watchlist: {@code [a-z0-9][a-z0-9_-]{0,62}}. */
  public static boolean validName(String name) {
    return name != null && name.matches("[a-z0-9][a-z0-9_-]{0,62}");
  }

  /**
   * Imports one list as a whole: every entry read goes to list {@code name} with {@code severity}
   * (whatever the file's {@code list}, {@code severity} or datasets say), and entries of the list
   * the file does not hold are removed, by id in the report and the audit entry. When a row was
   * refused nothing is removed: the entries the valid rows do not hold are kept and named ({@link
   * ListReport#kept}), since the refused row may be one of them and its id cannot always be read (a
   * quote never closed swallows the row). Rejected, with the list left as it was, when the name or
   * format is wrong or no row at all is valid (the refused rows follow the first problem).
   *
   * @param format {@code csv} (docs/formats/watchlist.md) or {@code ftm} (FollowTheMoney JSON
   *     lines)
   */
  public Outcome<ListReport> importList(
      String name, Severity severity, String format, Reader in, String user) {
    return importList(name, severity, format, in, user, "");
  }

  /**
   * Imports one list as a whole as {@link #importList(String, Severity, String, Reader, String)},
   * by {@code user} of {@code agency} (named in the audit entries of the import and of the
   * screening it causes).
   */
  public Outcome<ListReport> importList(
      String name, Severity severity, String format, Reader in, String user, String agency) {
    if (!validName(name)) {
      return Outcome.rejected(
          Problem.of(
                  "invalid-name",
                  "name",
                  "a watchlist name is lower-case letters, digits, '-' and '_' (up to 63), got '"
                      + name
                      + "'")
              .worded("watchlist", name));
    }
    String f = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
    if (!FORMATS.contains(f)) {
      return Outcome.rejected(
          Problem.of("invalid-format", "format", "format '" + format + "' is not one of csv, ftm")
              .worded("not-one-of", format, "csv, ftm"));
    }
    Optional<ScreeningStore.WatchlistRow> before = store.watchlist(name);
    String token = UUID.randomUUID().toString();
    Batch b = new Batch(token);
    BigInteger[] sum = {BigInteger.ZERO};
    ScreenedEntities entities = f.equals("csv") ? null : new ScreenedEntities(buffered(in));
    Seen seen = new Seen(entities);
    Consumer<WatchlistEntry> sink =
        e -> {
          WatchlistEntry mine =
              new WatchlistEntry(
                  e.id(),
                  name,
                  severity,
                  e.names(),
                  e.birthDates(),
                  e.nationalities(),
                  e.documents());
          BigInteger d = digest(mine);
          if (seen.first(mine, d)) {
            sum[0] = sum[0].add(d).mod(MODULUS);
            b.add(mine);
          }
        };
    List<Problem> problems =
        seen.problems(
            entities == null
                ? WatchlistCsv.read(in, sink)
                : FollowTheMoneyJson.read(entities, name, severity, sink));
    b.flush();
    List<SchemaLeftOut> leftOut = entities == null ? List.of() : entities.leftOut();
    int previous = before.map(ScreeningStore.WatchlistRow::version).orElse(0);
    if (b.written == 0) {
      List<Problem> all = new ArrayList<>();
      all.add(
          Problem.of(
                  "no-entries",
                  "file",
                  "no valid entry read; list "
                      + name
                      + (previous == 0 ? " not created" : " left at version " + previous)
                      + (leftOut.isEmpty()
                          ? ""
                          : " (" + count(leftOut) + " entities of schemas not screened left out)"))
              // the count of entities left out said only when there were any (FollowTheMoney)
              .worded(
                  (previous == 0 ? "not-created" : "left-at")
                      + (leftOut.isEmpty() ? "-none-left-out" : ""),
                  name,
                  previous,
                  count(leftOut)));
      all.addAll(problems);
      for (SchemaLeftOut l : leftOut) {
        all.add(
            Problem.of(
                    "left-out",
                    "schema " + l.schema(),
                    l.entities() + " " + l.schema() + " entities left out: " + l.reason())
                // worded by the count and the reason's code, the reason in the reader's words
                .worded("left-out", l.entities(), l.code()));
      }
      return new Outcome.Rejected<>(all);
    }
    int refused = refused(problems);
    // a refused row may be a listed person's: keep every entry rather than guess which
    List<String> removedIds = refused == 0 ? store.removeEntriesNotFrom(name, token) : List.of();
    List<String> kept = refused == 0 ? List.of() : store.entriesNotFrom(name, token);
    int removed = removedIds.size();
    String hash = sum[0].toString(16) + ":" + b.read;
    String sev = severity.name().toLowerCase(Locale.ROOT);
    boolean unchanged =
        removed == 0
            && before.isPresent()
            && before.get().contentHash().equals(hash)
            && before.get().severity().equals(sev);
    int version = previous;
    if (!unchanged) {
      version =
          store
              .newWatchlistVersion(
                  name, sev, hash, f, b.written, removed, refused, user, clock.instant())
              .version();
    }
    // screened before the audit entry is written, so that it says how many flights
    int screened =
        unchanged ? 0 : screening.reload(user, agency, "watchlist:" + name + " v" + version);
    Map<String, String> details = new TreeMap<>();
    details.put("format", f);
    details.put("flightsScreened", String.valueOf(screened));
    details.put("imported", String.valueOf(b.written));
    details.put("removed", String.valueOf(removed));
    details.put("removedIds", auditIds(removedIds));
    details.put("kept", auditIds(kept));
    details.put("refused", String.valueOf(refused));
    details.put("leftOut", String.valueOf(count(leftOut)));
    details.put("version", String.valueOf(version));
    details.put("unchanged", String.valueOf(unchanged));
    audit.record(
        new AuditEvent(
            clock.instant(),
            user,
            agency,
            "screening.watchlist.import",
            "watchlist:" + name,
            details));
    return Outcome.accepted(
        new ListReport(
            name,
            version,
            previous,
            unchanged,
            b.written,
            removed,
            removedIds,
            kept,
            problems,
            leftOut,
            screened));
  }

  /** Most ids one audit entry names; the count beside them is always whole. */
  static final int AUDIT_IDS = 200;

  /**
   * Ids for an audit entry, comma-separated; past {@link #AUDIT_IDS} (a wholesale replacement of a
   * published list) the rest are counted so that one entry stays a readable size.
   */
  static String auditIds(List<String> ids) {
    if (ids.size() <= AUDIT_IDS) {
      return String.join(",", ids);
    }
    return String.join(",", ids.subList(0, AUDIT_IDS))
        + " and "
        + (ids.size() - AUDIT_IDS)
        + " more";
  }

  /** An entry's share of the content hash: SHA-256 of its fields in a fixed order. */
  private static BigInteger digest(WatchlistEntry e) {
    StringBuilder s = new StringBuilder();
    s.append(e.id()).append('\u001e');
    s.append(String.join("\u001f", e.names())).append('\u001e');
    s.append(
            String.join(
                "\u001f",
                new TreeSet<>(e.birthDates().stream().map(PartialDate::toString).toList())))
        .append('\u001e');
    s.append(String.join("\u001f", new TreeSet<>(e.nationalities()))).append('\u001e');
    s.append(String.join("\u001f", new TreeSet<>(e.documents()))).append('\u001e');
    s.append(e.severity().name());
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest(s.toString().getBytes(StandardCharsets.UTF_8));
      return new BigInteger(1, d);
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException("every JVM has SHA-256", ex);
    }
  }

  private static BufferedReader buffered(Reader in) {
    return in instanceof BufferedReader br ? br : new BufferedReader(in);
  }

  /** Merges the entries of a CSV file into the lists it names. */
  public Report csv(Reader in, String user) {
    return csv(in, user, "");
  }

  /**
   * Merges the entries of a CSV file into the lists it names, by {@code user} of {@code agency}.
   */
  public Report csv(Reader in, String user, String agency) {
    Batch b = new Batch("");
    Seen seen = new Seen(null);
    List<Problem> problems =
        seen.problems(
            WatchlistCsv.read(
                in,
                e -> {
                  if (seen.first(e, digest(e))) {
                    b.add(e);
                  }
                }));
    return finish(b, problems, List.of(), "csv", user, agency);
  }

  /**
   * Merges FollowTheMoney entities into the lists their datasets name ({@code listName} else);
   * entities of schemas passenger screening does not screen against are left out and reported.
   */
  public Report followTheMoney(BufferedReader in, String listName, Severity severity, String user) {
    return followTheMoney(in, listName, severity, user, "");
  }

  /**
   * Merges FollowTheMoney entities as {@link #followTheMoney(BufferedReader, String, Severity,
   * String)}, by {@code user} of {@code agency}.
   */
  public Report followTheMoney(
      BufferedReader in, String listName, Severity severity, String user, String agency) {
    Batch b = new Batch("");
    ScreenedEntities entities = new ScreenedEntities(in);
    Seen seen = new Seen(entities);
    List<Problem> problems =
        seen.problems(
            FollowTheMoneyJson.read(
                entities,
                listName,
                severity,
                e -> {
                  if (seen.first(e, digest(e))) {
                    b.add(e);
                  }
                }));
    return finish(b, problems, entities.leftOut(), "ftm", user, agency);
  }

  private Report finish(
      Batch b,
      List<Problem> problems,
      List<SchemaLeftOut> leftOut,
      String format,
      String user,
      String agency) {
    b.flush();
    if (b.written == 0 && refused(problems) == 0) {
      // nothing read at all (an empty body) is refused as the named import refuses it
      List<Problem> all = new ArrayList<>();
      all.add(
          Problem.of(
                  "no-entries",
                  "file",
                  "no valid entry read; nothing imported"
                      + (leftOut.isEmpty()
                          ? ""
                          : " (" + count(leftOut) + " entities of schemas not screened left out)"))
              .worded(
                  leftOut.isEmpty() ? "nothing-read" : "nothing-read-left-out", count(leftOut)));
      all.addAll(problems);
      problems = all;
    }
    List<String> versions = new ArrayList<>();
    for (Map.Entry<String, Severity> l : b.lists.entrySet()) {
      int v =
          store
              .newWatchlistVersion(
                  l.getKey(),
                  l.getValue().name().toLowerCase(Locale.ROOT),
                  "",
                  format,
                  b.perList.get(l.getKey()),
                  0,
                  refused(problems),
                  user,
                  clock.instant())
              .version();
      versions.add("watchlist:" + l.getKey() + " v" + v);
    }
    int screened = b.written > 0 ? screening.reload(user, agency, String.join(",", versions)) : 0;
    audit.record(
        new AuditEvent(
            clock.instant(),
            user,
            agency,
            "screening.watchlist.import",
            "watchlist",
            Map.of(
                "format", format,
                "imported", String.valueOf(b.written),
                "refused", String.valueOf(refused(problems)),
                "leftOut", String.valueOf(count(leftOut)),
                "lists", String.join(",", versions),
                "flightsScreened", String.valueOf(screened))));
    return new Report(b.written, problems, leftOut, screened);
  }

  /**
   * The ids one import has read, by list: a later entry with an id already read is refused ({@code
   * duplicate-entry}, naming both rows or lines and the id), never written over the first. A
   * FollowTheMoney entity repeated with the same content (as concatenated exports repeat it) is
   * harmless: read once, neither written twice nor refused. Not thread-safe.
   */
  private static final class Seen {
    private static final Pattern ROW = Pattern.compile("row ([0-9]+)(?: .*)?");
    // the line of the reader's last entity; null for CSV, whose rows are numbered afterwards
    private final ScreenedEntities lines;
    private final Map<String, long[]> first = new HashMap<>();
    private final List<long[]> repeats = new ArrayList<>();
    private final List<String> repeatIds = new ArrayList<>();
    private int accepted;

    Seen(ScreenedEntities lines) {
      this.lines = lines;
    }

    /** Whether {@code e} is the first of its list and id; a later one is recorded as refused. */
    boolean first(WatchlistEntry e, BigInteger digest) {
      long at = lines == null ? accepted : lines.line();
      accepted++;
      long sameness = digest.longValue();
      long[] was = first.putIfAbsent(e.listName() + "\u0000" + e.id(), new long[] {at, sameness});
      if (was == null) {
        return true;
      }
      if (lines != null && was[1] == sameness) {
        return false;
      }
      repeats.add(new long[] {was[0], at});
      repeatIds.add(e.id());
      return false;
    }

    /** The reader's problems with the refused repeats among them, by row or line. */
    List<Problem> problems(List<Problem> read) {
      if (repeats.isEmpty()) {
        return read;
      }
      String unit = lines == null ? "row" : "line";
      // CSV: the nth entry accepted is on the nth row (from row 2) that no problem refused
      java.util.function.LongUnaryOperator number =
          lines == null ? rows(read) : java.util.function.LongUnaryOperator.identity();
      List<Problem> out = new ArrayList<>(read);
      for (int i = 0; i < repeats.size(); i++) {
        long was = number.applyAsLong(repeats.get(i)[0]);
        long at = number.applyAsLong(repeats.get(i)[1]);
        String id = repeatIds.get(i);
        out.add(
            Problem.of(
                    "duplicate-entry",
                    unit + " " + at,
                    "id '"
                        + id
                        + "' is "
                        + unit
                        + " "
                        + was
                        + "'s already; this later "
                        + unit
                        + " is refused, the first kept")
                .worded("duplicate-entry", id, was));
      }
      return out;
    }

    /** The row of each nth accepted entry that {@link #repeats} names, in one walk. */
    private java.util.function.LongUnaryOperator rows(List<Problem> read) {
      java.util.Set<Long> refused = new java.util.HashSet<>();
      for (Problem p : read) {
        Matcher m = ROW.matcher(p.field());
        if (m.matches()) {
          refused.add(Long.parseLong(m.group(1)));
        }
      }
      TreeSet<Long> wanted = new TreeSet<>();
      for (long[] r : repeats) {
        wanted.add(r[0]);
        wanted.add(r[1]);
      }
      Map<Long, Long> row = new HashMap<>();
      long n = -1;
      long at = 1;
      for (long k : wanted) {
        while (n < k) {
          n++;
          at++;
          while (refused.contains(at)) {
            at++;
          }
        }
        row.put(k, at);
      }
      return row::get;
    }
  }

  private final class Batch {
    private final String token;
    private final List<WatchlistEntry> pending = new ArrayList<>();
    private final Map<String, Severity> lists = new TreeMap<>();
    private final Map<String, Integer> perList = new HashMap<>();
    private int written;
    private int read;

    Batch(String token) {
      this.token = token;
    }

    void add(WatchlistEntry e) {
      read++;
      pending.add(e);
      lists.merge(e.listName(), e.severity(), (a, c) -> a.compareTo(c) >= 0 ? a : c);
      perList.merge(e.listName(), 1, Integer::sum);
      if (pending.size() >= BATCH) {
        flush();
      }
    }

    void flush() {
      if (!pending.isEmpty()) {
        written += store.putEntries(List.copyOf(pending), clock.instant(), token);
        pending.clear();
      }
    }
  }
}
