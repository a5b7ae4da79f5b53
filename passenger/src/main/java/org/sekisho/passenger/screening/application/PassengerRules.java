package org.sekisho.passenger.screening.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sekisho.core.Outcome;
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
   * Saves a rule text (new when {@code id} is 0). A new rule is enabled at once.
   *
   * @return the rule's id, or the problems of the text
   */
  public Outcome<Long> save(long id, String text, String user) {
    var compiled = ScreeningRule.compile(text, store.referenceLists());
    if (!compiled.isAccepted()) {
      return new Outcome.Rejected<>(compiled.problems());
    }
    if (id != 0 && store.rule(id).isEmpty()) {
      return Outcome.rejected("not-found", "rule", "no rule " + id);
    }
    ScreeningRule.Compiled c = compiled.orElseThrow();
    long saved = store.saveRule(id, c.rule().name(), text, c.lists(), user, clock.instant());
    audit.record(
        new AuditEvent(
            clock.instant(),
            user,
            "",
            "screening.rule.save",
            "rule:" + saved,
            Map.of("name", c.rule().name(), "lists", c.listVersions())));
    screening.reloadRules();
    return Outcome.accepted(saved);
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
    if (store.rule(id).isEmpty()) {
      return Outcome.rejected("not-found", "rule", "no rule " + id);
    }
    String why = reason == null ? "" : reason.strip();
    if (!enabled && why.codePoints().filter(Character::isLetterOrDigit).count() < 3) {
      return Outcome.rejected(
          "reason-required", "reason", "say why the rule is disabled (at least 3 letters)");
    }
    if (why.length() > 2000) {
      return Outcome.rejected("reason-too-long", "reason", "the reason is over 2000 characters");
    }
    store.enableRule(id, enabled, why, user, clock.instant());
    audit.record(
        new AuditEvent(
            clock.instant(),
            user,
            "",
            enabled ? "screening.rule.enable" : "screening.rule.disable",
            "rule:" + id,
            Map.of()));
    screening.reloadRules();
    return Outcome.accepted(id);
  }
}
