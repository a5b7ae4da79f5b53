package org.sekisho.passenger.egate.adapter.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.passenger.egate.application.DeclarationUses;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;

/** The declaration uses on embedded PostgreSQL: one capture holds each declaration and passport. */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DeclarationUsesAdapterTest {
  private static final Instant AT = Instant.parse("2026-11-29T04:10:00Z");
  private final JdbcDeclarationUses uses;

  DeclarationUsesAdapterTest(Database db) {
    db.migrate(List.of(Migrations.of("egate")));
    this.uses = new JdbcDeclarationUses(db.jdbi());
  }

  private static DeclarationUses.Use use(String declaration, String passport, int gate) {
    return new DeclarationUses.Use(
        declaration, passport, "capture-" + gate, "kiosk-" + gate, AT.plusSeconds(gate));
  }

  @Test
  void theFirstClaimHoldsAndARetryOfItsCaptureIsHeldByItself() {
    DeclarationUses.Use first = use("d1", "UTO:TK1234567", 1);
    assertThat(uses.claim(first).orElseThrow()).isEqualTo(first);
    assertThat(uses.claim(first).orElseThrow()).isEqualTo(first);
    assertThat(uses.claim(use("d1", "UTO:TK1234567", 2)).orElseThrow()).isEqualTo(first);
    // another passport on the same declaration (a listed family member) and another declaration
    DeclarationUses.Use member = use("d1", "UTO:TK7654321", 3);
    assertThat(uses.claim(member).orElseThrow()).isEqualTo(member);
    DeclarationUses.Use other = use("d2", "UTO:TK1234567", 4);
    assertThat(uses.claim(other).orElseThrow()).isEqualTo(other);
  }

  @Test
  void ofManyGatesClaimingAtOnceExactlyOneHoldsAndAllNameIt() throws Exception {
    int gates = 8;
    CyclicBarrier together = new CyclicBarrier(gates);
    List<Callable<DeclarationUses.Use>> claims = new ArrayList<>();
    for (int g = 0; g < gates; g++) {
      DeclarationUses.Use mine = use("raced", "UTO:TK1234567", g);
      claims.add(
          () -> {
            together.await();
            return uses.claim(mine).orElseThrow();
          });
    }
    List<DeclarationUses.Use> held = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(gates)) {
      for (Future<DeclarationUses.Use> f : pool.invokeAll(claims)) {
        held.add(f.get());
      }
    }
    assertThat(held).hasSize(gates);
    assertThat(held.stream().distinct()).hasSize(1);
  }
}
