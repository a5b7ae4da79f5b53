package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.core.Outcome;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.intel.application.Actor;
import org.sekisho.intel.application.EntityMerges;

/** A merge and its undo each need a reason, which the audit entry keeps. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class EntityMergesTest {
  private static final Actor ANALYST = new Actor("analyst", "customs-jp", false);
  private final List<AuditEvent> audited = new ArrayList<>();
  private final List<String> stored = new ArrayList<>();
  private final EntityMerges merges =
      new EntityMerges(
          new EntityMerges.MergeStore() {
            @Override
            public Outcome<Long> merge(
                long survivorId,
                long mergedId,
                String reason,
                double score,
                String actor,
                Instant at) {
              stored.add("merge " + mergedId + " into " + survivorId + ": " + reason);
              return Outcome.accepted(7L);
            }

            @Override
            public Outcome<Long> undo(long mergeId, String reason, String actor, Instant at) {
              stored.add("undo " + mergeId + ": " + reason);
              return Outcome.accepted(mergeId);
            }

            @Override
            public java.util.Map<Long, Long> cameThroughMerge(
                long survivorId, java.util.Collection<Long> recordIds) {
              // these tests merge and undo only; no record is linked in this fake
              return java.util.Map.of();
            }
          },
          audited::add,
          Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC));

  @Test
  void aMergeWithoutAReasonOrWithAOneLetterReasonIsRefusedAndNothingIsMerged() {
    for (String reason : new String[] {null, "", "   ", "x", "same"}) {
      Outcome<Long> o = merges.merge(1, 2, reason, ANALYST);
      assertThat(o.problems())
          .as("reason '%s'", reason)
          .singleElement()
          .satisfies(p -> assertThat(p.field()).isEqualTo("reason"));
    }
    assertThat(stored).isEmpty();
    assertThat(audited).isEmpty();
    assertThat(merges.merge(1, 2, "same trader number", ANALYST).isAccepted()).isTrue();
    assertThat(audited.getLast().details()).containsEntry("reason", "same trader number");
  }

  @Test
  void anUndoNeedsAReasonWhichTheAuditEntryKeeps() {
    for (String reason : new String[] {null, "", "no"}) {
      assertThat(merges.undo(7, reason, ANALYST).problems())
          .singleElement()
          .satisfies(p -> assertThat(p.field()).isEqualTo("reason"));
    }
    assertThat(stored).isEmpty();
    assertThat(merges.undo(7, "  different countries  ", ANALYST).isAccepted()).isTrue();
    assertThat(stored).containsExactly("undo 7: different countries");
    assertThat(audited)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo("entity.merge.undo");
              assertThat(e.details()).containsEntry("reason", "different countries");
            });
  }
}
