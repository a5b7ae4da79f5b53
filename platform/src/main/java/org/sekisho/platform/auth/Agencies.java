package org.sekisho.platform.auth;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.core.audit.AuditTrail;

/**
 * The agencies of this installation: the administration running it and the partners it exchanges
 * records with. A record may belong to, or be shared with, a registered agency only: a mistyped
 * code would otherwise share a record with nobody now and with whoever is later given that code.
 * Registering is audited. Thread-safe.
 */
public final class Agencies {
  /** An agency as registered. */
  public record Agency(String code, String name) {}

  /** Lower-case words joined by hyphens, as {@code customs-jp} or {@code police-jp}. */
  private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public static final int MAX_CODE = 40;
  public static final int MAX_NAME = 200;

  private final Jdbi jdbi;
  private final Clock clock;
  private final AuditTrail audit;

  public Agencies(Jdbi jdbi, Clock clock, AuditTrail audit) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.audit = audit;
  }

  /**
   * Why {@code code} cannot name an agency, or empty when it can: lower-case letters and digits in
   * hyphen-joined words, at most {@value #MAX_CODE} characters.
   */
  public static Optional<String> invalidCode(String code) {
    if (code == null || code.isEmpty()) {
      return Optional.of("expected an agency code such as police-jp; got nothing");
    }
    if (code.length() > MAX_CODE || !CODE.matcher(code).matches()) {
      return Optional.of(
          "expected an agency code of lower-case letters and digits in words joined by hyphens"
              + " (at most "
              + MAX_CODE
              + " characters), such as police-jp; got '"
              // quoted back cut, so that a refusal cannot be made to carry a whole body
              + (code.length() > 64 ? code.substring(0, 64) + "…" : code)
              + "'");
    }
    return Optional.empty();
  }

  /**
   * Registers {@code code} unless it is registered already, whose name is then left as it is unless
   * it was registered without one (its code standing in for the name).
   *
   * @param actor who registers it (a user name, or {@code system:<job>}), for the audit log
   * @return true when it was new
   * @throws IllegalArgumentException when the code or name is not one an agency can have
   */
  public boolean register(String code, String name, String actor, String actorAgency) {
    invalidCode(code)
        .ifPresent(
            why -> {
              throw new IllegalArgumentException(why);
            });
    String shown = name == null || name.isBlank() ? code : name.strip();
    if (shown.length() > MAX_NAME) {
      throw new IllegalArgumentException(
          "an agency's name is at most " + MAX_NAME + " characters; got " + shown.length());
    }
    // An agency registered without a name (its code stands in for one, as for the administration
    // at first start or an account's agency) takes the first name a registration gives it.
    Optional<Boolean> changed =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "insert into platform.agency as a(code, name, registered_at,"
                            + " registered_by) values (?,?,?,?) on conflict (code) do update set"
                            + " name = excluded.name where a.name = a.code and excluded.name <>"
                            + " excluded.code returning (xmax = 0)")
                    .bind(0, code)
                    .bind(1, shown)
                    .bind(2, Timestamp.from(clock.instant()))
                    .bind(3, actor)
                    .mapTo(Boolean.class)
                    .findOne());
    changed.ifPresent(
        inserted ->
            audit.record(
                new AuditEvent(
                    clock.instant(),
                    actor,
                    actorAgency,
                    inserted ? "agency.registered" : "agency.named",
                    "agency:" + code,
                    Map.of("name", shown))));
    return changed.orElse(false);
  }

  /**
   * Gives the registered agency {@code code} a new name (its code, by which records belong to it
   * and are shared with it, stays), audited as {@code agency.renamed} with both names.
   *
   * @return the name it had; empty when no agency {@code code} is registered
   * @throws IllegalArgumentException when the name is blank or too long
   */
  public Optional<String> rename(String code, String name, String actor, String actorAgency) {
    String shown = name == null ? "" : name.strip();
    if (shown.isEmpty() || shown.length() > MAX_NAME) {
      throw new IllegalArgumentException(
          "expected the agency's new name, 1 to " + MAX_NAME + " characters");
    }
    Optional<String> before =
        jdbi.inTransaction(
            h -> {
              Optional<String> was =
                  h.createQuery("select name from platform.agency where code = ? for update")
                      .bind(0, code)
                      .mapTo(String.class)
                      .findOne();
              if (was.isPresent() && !was.get().equals(shown)) {
                h.createUpdate("update platform.agency set name = ? where code = ?")
                    .bind(0, shown)
                    .bind(1, code)
                    .execute();
              }
              return was;
            });
    before
        .filter(was -> !was.equals(shown))
        .ifPresent(
            was ->
                audit.record(
                    new AuditEvent(
                        clock.instant(),
                        actor,
                        actorAgency,
                        "agency.renamed",
                        "agency:" + code,
                        Map.of("from", was, "to", shown))));
    return before;
  }

  /** Whether {@code code} is registered. */
  public boolean isRegistered(String code) {
    return codes().contains(code);
  }

  /** The registered codes, read now. */
  public Set<String> codes() {
    return all().stream().map(Agency::code).collect(Collectors.toUnmodifiableSet());
  }

  /** Every registered agency, by code. */
  public List<Agency> all() {
    return jdbi.withHandle(
        h ->
            h.createQuery("select code, name from platform.agency order by code")
                .map((rs, ctx) -> new Agency(rs.getString(1), rs.getString(2)))
                .list());
  }
}
