package org.sekisho.platform.audit;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.platform.i18n.Messages;

/**
 * What an administrator asks of the audit log: entries narrowed by actor, agency, action, subject,
 * time range and text in their details, newest first, one page of at most {@value #MAX_LIMIT}
 * entries at a time, continued with {@code before} (the {@code seq} of the last entry of the page
 * before). Every filter is optional; together they all apply.
 *
 * <p>Built by {@link #parse} from the parameters as the API, the page and the command line take
 * them, so all three accept and refuse the same input.
 *
 * @param actor exact user name or {@code system:<job>}
 * @param agency exact agency code of the actor
 * @param action exact action, or a prefix ({@code targeting.} or {@code targeting.*})
 * @param subject exact subject ({@code record:42}), or a prefix ({@code record:*})
 * @param from entries at or after this instant
 * @param to entries before this instant
 * @param text case-insensitive text anywhere in an entry's details (its JSON text)
 * @param before only entries older (in the listing's order) than the entry with this seq
 * @param limit entries per page, 1 to {@value #MAX_LIMIT}
 * @param given the parameters as given (trimmed, empty ones left out), in a fixed order: what the
 *     audit entry of the read records and what a link to the next page repeats
 */
public record AuditQuery(
    Optional<String> actor,
    Optional<String> agency,
    Optional<Match> action,
    Optional<Match> subject,
    Optional<Instant> from,
    Optional<Instant> to,
    Optional<String> text,
    OptionalLong before,
    int limit,
    Map<String, String> given) {

  /** The most entries one page holds. */
  public static final int MAX_LIMIT = 500;

  /** Entries per page when {@code limit} is not given. */
  public static final int DEFAULT_LIMIT = 50;

  /** The longest text a filter takes. */
  public static final int MAX_TEXT = 200;

  /** The language of the command line and of {@link #parse(Map, ZoneId)}. */
  private static final Messages ENGLISH =
      new Messages(java.util.Locale.ENGLISH, List.of("i18n.platform"));

  private static final Instant EARLIEST = Instant.parse("0001-01-02T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

  /** The parameter names, in the order {@link #given} keeps them. */
  public static final List<String> PARAMETERS =
      List.of("actor", "agency", "action", "subject", "from", "to", "q", "before", "limit");

  /**
   * A text filter: the whole value, or (with {@code prefix}) its beginning.
   *
   * @param value the text compared, without the {@code *} that marked a prefix
   */
  public record Match(String value, boolean prefix) {}

  public AuditQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ": " + limit);
    }
    given = Collections.unmodifiableMap(new LinkedHashMap<>(given));
  }

  /** The newest {@value #DEFAULT_LIMIT} entries, unfiltered. */
  public static AuditQuery newest() {
    return parse(Map.of(), ZoneId.of("UTC")).orElseThrow();
  }

  /**
   * Reads the parameters {@code actor, agency, action, subject, from, to, q, before, limit} (others
   * are ignored; blank ones count as absent).
   *
   * <p>{@code from} and {@code to} take a date ({@code 2026-11-27}: from the start of that day, to
   * its end, both in {@code zone}), a local date and time ({@code 2026-11-27T09:30}, read in {@code
   * zone}) or a time with an offset ({@code 2026-11-27T09:30:00+09:00}, {@code …Z}); {@code from}
   * is inclusive, {@code to} exclusive (a date includes the whole day). An action ending in {@code
   * .} or {@code *}, and a subject ending in {@code *}, is a prefix.
   *
   * @param zone the administration's zone, in which dates and local times are read
   * @return the query, or every problem found, each naming its parameter and the expected form (in
   *     English)
   */
  public static Outcome<AuditQuery> parse(Map<String, String> params, ZoneId zone) {
    return parse(params, zone, ENGLISH);
  }

  /**
   * As {@link #parse(Map, ZoneId)}, each problem worded in the language of {@code t} (the
   * reader's).
   */
  public static Outcome<AuditQuery> parse(Map<String, String> params, ZoneId zone, Messages t) {
    List<Problem> problems = new ArrayList<>();
    Map<String, String> given = new LinkedHashMap<>();
    for (String name : PARAMETERS) {
      String v = params.get(name);
      if (v != null && !v.isBlank()) {
        given.put(name, v.strip());
      }
    }
    for (String name : List.of("actor", "agency", "action", "subject", "q")) {
      String v = given.get(name);
      if (v != null && v.length() > MAX_TEXT) {
        problems.add(
            Problem.of(
                "invalid-parameter",
                name,
                t.get(
                    "audit.error.long", Integer.toString(MAX_TEXT), Integer.toString(v.length()))));
      }
    }
    Optional<Match> action = match(given.get("action"), "action", true, problems, t);
    Optional<Match> subject = match(given.get("subject"), "subject", false, problems, t);
    Optional<Instant> from = time(given.get("from"), "from", false, zone, problems, t);
    Optional<Instant> to = time(given.get("to"), "to", true, zone, problems, t);
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      problems.add(
          Problem.of(
              "invalid-parameter",
              "from",
              t.get("audit.error.order", given.get("from"), given.get("to"))));
    }
    OptionalLong before = OptionalLong.empty();
    if (given.containsKey("before")) {
      try {
        long b = Long.parseLong(given.get("before"));
        if (b < 1) {
          throw new NumberFormatException();
        }
        before = OptionalLong.of(b);
      } catch (NumberFormatException e) {
        problems.add(
            Problem.of(
                "invalid-parameter", "before", t.get("audit.error.before", given.get("before"))));
      }
    }
    int limit = DEFAULT_LIMIT;
    if (given.containsKey("limit")) {
      try {
        limit = Integer.parseInt(given.get("limit"));
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > MAX_LIMIT) {
        problems.add(
            Problem.of(
                "invalid-parameter",
                "limit",
                t.get("audit.error.limit", Integer.toString(MAX_LIMIT), given.get("limit"))));
        limit = DEFAULT_LIMIT;
      }
    }
    if (!problems.isEmpty()) {
      return new Outcome.Rejected<>(problems);
    }
    return Outcome.accepted(
        new AuditQuery(
            Optional.ofNullable(given.get("actor")),
            Optional.ofNullable(given.get("agency")),
            action,
            subject,
            from,
            to,
            Optional.ofNullable(given.get("q")),
            before,
            limit,
            given));
  }

  /** The same query continued after the entry {@code seq}: the next (older) page. */
  public AuditQuery before(long seq) {
    Map<String, String> next = new LinkedHashMap<>();
    for (String name : PARAMETERS) {
      if (name.equals("before")) {
        next.put(name, Long.toString(seq));
      } else if (given.containsKey(name)) {
        next.put(name, given.get(name));
      }
    }
    return new AuditQuery(
        actor, agency, action, subject, from, to, text, OptionalLong.of(seq), limit, next);
  }

  private static Optional<Match> match(
      String v, String name, boolean dotIsPrefix, List<Problem> problems, Messages t) {
    if (v == null) {
      return Optional.empty();
    }
    if (v.endsWith("*")) {
      String head = v.substring(0, v.length() - 1);
      if (head.isEmpty() || head.contains("*")) {
        problems.add(
            Problem.of(
                "invalid-parameter",
                name,
                t.get("audit.error.pattern", dotIsPrefix ? "targeting.*" : "record:*", v)));
        return Optional.empty();
      }
      return Optional.of(new Match(head, true));
    }
    // no action ends with a dot: 'targeting.' can only mean every action under targeting
    return Optional.of(new Match(v, dotIsPrefix && v.endsWith(".")));
  }

  private static Optional<Instant> time(
      String v, String name, boolean end, ZoneId zone, List<Problem> problems, Messages t) {
    if (v == null) {
      return Optional.empty();
    }
    try {
      Instant at;
      if (v.length() == 10) {
        LocalDate d = LocalDate.parse(v);
        at = (end ? d.plusDays(1) : d).atStartOfDay(zone).toInstant();
      } else if (v.endsWith("Z") || v.endsWith("z") || v.matches(".*[+-]\\d\\d(:?\\d\\d)?$")) {
        at = OffsetDateTime.parse(v.toUpperCase(java.util.Locale.ROOT)).toInstant();
      } else {
        at = LocalDateTime.parse(v).atZone(zone).toInstant();
      }
      // years PostgreSQL stores and people write: an expanded year (+12345-…) is a typing slip
      if (at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
        throw new DateTimeException("out of range");
      }
      return Optional.of(at);
    } catch (DateTimeException e) {
      problems.add(
          Problem.of("invalid-parameter", name, t.get("audit.error.time", zone.getId(), v)));
      return Optional.empty();
    }
  }
}
