package org.sekisho.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sekisho.platform.auth.Access;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.testing.PostgresExtension;

/** {@link Web#auditOnce}: a page polled every 2 s writes one entry per window, not one a poll. */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AuditOnceTest {
  private static final Duration WINDOW = Duration.ofMinutes(5);

  private final TestServer t;
  private final int auditBefore;

  AuditOnceTest(Database db) {
    this.t =
        new TestServer(
            db,
            r ->
                r.get(
                        "/api/worklist/{office}",
                        Access.signedIn(),
                        "a polled worklist fragment",
                        ctx -> {
                          boolean written =
                              Web.auditOnce(
                                  ctx,
                                  "worklist.read",
                                  "office:" + ctx.pathParam("office"),
                                  Map.of("kind", "declaration"),
                                  WINDOW);
                          ctx.result(Boolean.toString(written));
                        })
                    .get(
                        "/api/every/{office}",
                        Access.signedIn(),
                        "a read audited every time",
                        ctx ->
                            ctx.result(
                                Boolean.toString(
                                    Web.auditOnce(
                                        ctx,
                                        "worklist.read",
                                        "every:" + ctx.pathParam("office"),
                                        Map.of(),
                                        Duration.ZERO)))));
    this.auditBefore = t.audit().size();
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private List<TestServer.Entry> reads() {
    return t.audit().stream()
        .skip(auditBefore)
        .filter(e -> e.action().equals("worklist.read"))
        .toList();
  }

  @Test
  void aTabPollingEveryTwoSecondsWritesTheFirstReadAndThenOneEntryPerWindow() {
    String kato = t.token("kato");
    assertThat(t.get("/api/worklist/JPTYO", kato).body()).as("the first read").isEqualTo("true");
    for (int i = 1; i < 150; i++) {
      t.clock.advance(Duration.ofSeconds(2));
      assertThat(t.get("/api/worklist/JPTYO", kato).body()).as("poll %d", i).isEqualTo("false");
    }
    assertThat(reads()).hasSize(1);
    assertThat(reads().getFirst().details().has("coalesced")).isFalse();

    t.clock.advance(Duration.ofSeconds(2));
    assertThat(t.get("/api/worklist/JPTYO", kato).body()).as("after 5 minutes").isEqualTo("true");
    List<TestServer.Entry> reads = reads();
    assertThat(reads).hasSize(2);
    assertThat(reads.get(1).actor()).isEqualTo("kato");
    assertThat(reads.get(1).subject()).isEqualTo("office:JPTYO");
    assertThat(reads.get(1).details().path("coalesced").asText()).isEqualTo("149");
    assertThat(reads.get(1).details().path("kind").asText()).isEqualTo("declaration");
  }

  @Test
  void anotherSubjectOrAnotherUserIsAnotherReadWrittenAtOnce() {
    String kato = t.token("kato");
    String sato = t.token("sato");
    assertThat(t.get("/api/worklist/JPTYO", kato).body()).isEqualTo("true");
    assertThat(t.get("/api/worklist/JPOSA", kato).body()).isEqualTo("true");
    assertThat(t.get("/api/worklist/JPTYO", sato).body()).isEqualTo("true");
    assertThat(t.get("/api/worklist/JPTYO", kato).body()).isEqualTo("false");
    assertThat(reads())
        .extracting(e -> e.actor() + " " + e.subject())
        .containsExactly("kato office:JPTYO", "kato office:JPOSA", "sato office:JPTYO");
  }

  @Test
  void aWindowOfZeroWritesEveryRead() {
    String kato = t.token("kato");
    for (int i = 0; i < 3; i++) {
      assertThat(t.get("/api/every/JPTYO", kato).body()).isEqualTo("true");
    }
    assertThat(reads()).hasSize(3);
  }
}
