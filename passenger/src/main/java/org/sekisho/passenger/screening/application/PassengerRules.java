package org.sekisho.passenger.screening.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.core.audit.AuditTrail;
import org.sekisho.passenger.screening.domain.ScreeningRule;

/**
 * Passenger rules as the PNR unit manages them: saved one at a time only when they compile against
 * the reference lists that exist (problems with line and column otherwise, an unknown list among
 * them), each save a new version that records the versions of the lists it tests; enabled and
 * disabled, every change audited. The screening engine is reloaded after each change.
 */
public final class PassengerRules {
  private final ScreeningStore store;
  private final PassengerScreening screening;
  private final AuditTrail audit;
  private final Clock clock;

  public PassengerRules(
      ScreeningStore store, PassengerScreening screening, AuditTrail audit, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.screening = Objects.requireNonNull(screening, "screening");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * What a change of a rule did besides itself: the open hits it withdrew (a disabled rule's) and
   * the flights it screened again (a saved or enabled rule's, those not yet departed, {@link
   * #CURRENT_DAYS} ahead).
   */
  public record Change(long id, int withdrawnHits, int flightsScreened) {}

  /** How many days ahead a saved or enabled rule screens the flights already pushed. */
  public static final int CURRENT_DAYS = 3;

  /**
   * Saves a rule text (new when {@code id} is 0). A new rule is enabled at once.
   *
   * @return the rule's id, or the problems of the text
   */
  public Outcome<Long> save(long id, String text, String user) {
    return save(id, text, user, "").map(Change::id);
  }

  /**
   * Saves a rule text (new when {@code id} is 0) as {@link #save(long, String, String)}, then
   * screens the current flights with it.
   */
  public Outcome<Change> save(long id, String text, String user, String agency) {
    var compiled = ScreeningRule.compile(text, store.referenceLists());
    if (!compiled.isAccepted()) {
      return new Outcome.Rejected<>(compiled.problems());
    }
    if (id != 0 && store.rule(id).isEmpty()) {
      return Outcome.rejected(Problem.of("not-found", "rule", "no rule " + id).worded("rule", id));
    }
    ScreeningRule.Compiled c = compiled.orElseThrow();
    long saved = store.saveRule(id, c.rule().name(), text, c.lists(), user, clock.instant());
    audit.record(
        new AuditEvent(
            clock.instant(),
            user,
            agency,
            "screening.rule.save",
            "rule:" + saved,
            Map.of("name", c.rule().name(), "lists", c.listVersions())));
    screening.reloadRules();
    boolean enabled = store.rule(saved).map(ScreeningStore.RuleRow::enabled).orElse(false);
    int screened = enabled ? screening.screenCurrentFlights(user, agency, CURRENT_DAYS) : 0;
    return Outcome.accepted(new Change(saved, 0, screened));
  }

  /**
   * The enabled rules other than {@code id} whose text is the same as {@code text} (blank space at
   * the ends and line ends aside): saving it again would raise every hit twice.
   */
  public List<Long> sameTextAs(long id, String text) {
    String mine = text.strip().replace("\r\n", "\n");
    return store.rules().stream()
        .filter(r -> r.enabled() && r.id() != id)
        .filter(r -> r.text().strip().replace("\r\n", "\n").equals(mine))
        .map(ScreeningStore.RuleRow::id)
        .toList();
  }

  /** Enables a rule. */
  public Outcome<Long> enable(long id, String user) {
    return enable(id, true, "", user);
  }

  /**
   * Enables a rule, or disables it saying why ({@code reason} of at least 3 letters or digits,
   * refused as {@code reason-required} otherwise); who and when are recorded with the reason.
   */
  public Outcome<Long> enable(long id, boolean enabled, String reason, String user) {
    return enable(id, enabled, reason, user, "", "").map(Change::id);
  }

  /**
   * Enables or disables a rule as {@link #enable(long, boolean, String, String)}; a disabled rule's
   * open hits are withdrawn at once, an enabled rule screens the current flights. Disabling a rule
   * that is disabled already is refused ({@code conflict}, naming who disabled it and when): the
   * first reason is kept, not overwritten. Audited as {@code screening.rule.disable} with the
   * reason (the officer's own words on a rule, not a traveller's data), the caller's address and
   * the number of hits withdrawn, or {@code screening.rule.enable} with the flights screened.
   *
   * @param ip the caller's address, kept in the audit entry as the web's own entries keep it
   */
  public Outcome<Change> enable(
      long id, boolean enabled, String reason, String user, String agency, String ip) {
    Optional<ScreeningStore.RuleRow> row = store.rule(id);
    if (row.isEmpty()) {
      return Outcome.rejected(Problem.of("not-found", "rule", "no rule " + id).worded("rule", id));
    }
    if (!enabled && !row.get().enabled()) {
      ScreeningStore.RuleRow r = row.get();
      String by = r.disabledBy() == null || r.disabledBy().isBlank() ? "?" : r.disabledBy();
      return Outcome.rejected(
          Problem.of(
                  "conflict",
                  "rule",
                  "rule "
                      + id
                      + " is disabled already (by "
                      + by
                      + (r.disabledAt() == null ? "" : " at " + r.disabledAt())
                      + "); its reason is kept")
              .worded(
                  "disabled-already",
                  id,
                  by,
                  r.disabledAt() == null ? "?" : r.disabledAt().toString()));
    }
    String why = reason == null ? "" : reason.strip();
    if (!enabled && why.codePoints().filter(Character::isLetterOrDigit).count() < 3) {
      return Outcome.rejected(
          Problem.of(
                  "reason-required", "reason", "say why the rule is disabled (at least 3 letters)")
              .worded("disable"));
    }
    if (why.length() > 2000) {
      return Outcome.rejected(
          Problem.of("reason-too-long", "reason", "the reason is over 2000 characters")
              .worded("reason-too-long", 2000));
    }
    Instant at = clock.instant();
    store.enableRule(id, enabled, why, user, at);
    screening.reloadRules();
    // the entry is written once the hits are withdrawn (or the flights screened), so that it says
    // how many: it keeps the time of the change itself
    Change change =
        enabled
            ? new Change(id, 0, screening.screenCurrentFlights(user, agency, CURRENT_DAYS))
            : new Change(id, screening.withdrawRuleHits(id, user, agency), 0);
    Map<String, String> details = new LinkedHashMap<>();
    details.put("ip", ip == null ? "" : ip);
    if (enabled) {
      details.put("flightsScreened", String.valueOf(change.flightsScreened()));
    } else {
      details.put("reason", why);
      details.put("withdrawnHits", String.valueOf(change.withdrawnHits()));
    }
    audit.record(
        new AuditEvent(
            at,
            user,
            agency,
            enabled ? "screening.rule.enable" : "screening.rule.disable",
            "rule:" + id,
            details));
    return Outcome.accepted(change);
  }
}
