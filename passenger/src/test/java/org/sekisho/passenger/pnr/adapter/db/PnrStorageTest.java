package org.sekisho.passenger.pnr.adapter.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.core.Outcome;
import org.sekisho.passenger.pnr.Corpus;
import org.sekisho.passenger.pnr.adapter.inbox.PnrInbox;
import org.sekisho.passenger.pnr.application.PnrIngest;
import org.sekisho.passenger.pnr.application.PnrRetention;
import org.sekisho.passenger.pnr.application.PnrStore;
import org.sekisho.passenger.pnr.application.PnrUnmasking;
import org.sekisho.passenger.pnr.domain.BookingChange;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;

/** Versions, diffs, archive, retention and the watched folder against embedded PostgreSQL. */
@ExtendWith(PostgresExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PnrStorageTest {
  private static final Instant T0 = Instant.parse("2026-01-10T08:00:00Z");
  private final Database db;
  private final JdbcPnrStore store;

  PnrStorageTest(Database db) {
    this.db = db;
    db.migrate(List.of(Migrations.of("passenger")));
    this.store = new JdbcPnrStore(db.jdbi());
  }

  private PnrIngest ingestAt(Instant at) {
    return new PnrIngest(store, Clock.fixed(at, ZoneOffset.UTC));
  }

  private long count(String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  @Test
  @Order(1)
  void aSecondPushOfTheSameBookingIsANewVersionWithItsChanges() {
    String first = Corpus.text("parsers-pnr/pnrMessagePg77.txt");
    PnrIngest.Receipt r1 = ingestAt(T0).pnr(first, "test").orElseThrow();
    assertThat(r1.bookings())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.locator()).isEqualTo("W9TEND");
              assertThat(b.version()).isEqualTo(1);
              assertThat(b.changes()).isEmpty();
            });
    String second =
        first
            .replace("TIF+VANDENBERG+KEVINMICHAELMR", "TIF+VANDENBERG+KEVINMR")
            .replace("FOP+CA::1999.99", "FOP+CC::1999.99:VI:XXXXXXXXXXXX1111:0128")
            .replace(
                "TVL+310513:0900:310513:1500+OOL+SIN+TZ+0005:S'\nRPI+1+HK'\nABI",
                "TVL+310513:0900:310513:1500+OOL+SIN+TZ+0007:S'\nRPI+1+HK'\nABI");
    PnrIngest.Receipt r2 = ingestAt(T0.plusSeconds(3600)).pnr(second, "test").orElseThrow();
    PnrIngest.BookingVersion v2 = r2.bookings().get(0);
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.changes())
        .extracting(BookingChange::toString)
        .containsExactlyInAnyOrder(
            "name removed: VANDENBERG/KEVINMICHAELMR",
            "name added: VANDENBERG/KEVINMR",
            "payment removed: CA 1999.99",
            "payment added: CC VI XXXXXXXXXXXX1111 1999.99",
            "itinerary removed: TZ0005 OOL-SIN 2013-05-31",
            "itinerary added: TZ0007 OOL-SIN 2013-05-31");
    List<PnrStore.Version> versions = store.versions("TZ", "W9TEND");
    assertThat(versions).extracting(PnrStore.Version::version).containsExactly(1, 2);
    assertThat(versions.get(1).changes()).hasSize(6);
    assertThat(versions.get(1).recordJson()).contains("\"recordLocator\": \"W9TEND\"");
  }

  @Test
  @Order(2)
  void theSameMessageTwiceIsStoredOnceAndARejectedOneIsArchived() {
    String text = Corpus.text("parsers-pnr/pnrMessageExample.txt");
    assertThat(ingestAt(T0).pnr(text, "a").orElseThrow().duplicate()).isFalse();
    assertThat(ingestAt(T0).pnr(text, "b").orElseThrow().duplicate()).isTrue();
    assertThat(store.versions("UA", "7C789A")).hasSize(1);
    Outcome<PnrIngest.Receipt> bad = ingestAt(T0).pnr("not a message", "c");
    assertThat(bad.problems()).extracting(p -> p.code()).containsExactly("no-message");
    assertThat(count("select count(*) from passenger.message where status = 'rejected'"))
        .isEqualTo(1);
    PnrIngest.Receipt api =
        ingestAt(T0).api(Corpus.text("loader-apis/airline2.edi"), "d").orElseThrow();
    assertThat(api.travellers()).isEqualTo(10);
    assertThat(count("select count(*) from passenger.api_traveller where surname = 'BETTON'"))
        .isEqualTo(1);
  }

  @Test
  @Order(3)
  void retentionMasksAfterSixMonthsAndDeletesAfterFiveYears() {
    Instant old = T0.minusSeconds(6L * 365 * 86400);
    ingestAt(old).pnr(Corpus.text("loader-pnr/pnr4.txt"), "old").orElseThrow();
    Clock now = Clock.fixed(T0.plusSeconds(200L * 86400), ZoneOffset.UTC);
    PnrRetention job = new PnrRetention(store, now, Period.ofMonths(6), Period.ofYears(5));
    PnrRetention.Result r = job.run();
    assertThat(r.deleted()).isEqualTo(1);
    assertThat(store.versions("UA", "0995F0")).isEmpty();
    assertThat(r.masked()).isPositive();
    PnrStore.Version masked = store.versions("TZ", "W9TEND").get(0);
    assertThat(masked.masked()).isTrue();
    assertThat(masked.facts().names()).containsOnly("***");
    assertThat(masked.facts().payments()).isEmpty();
    assertThat(masked.facts().itinerary()).isNotEmpty();
    assertThat(masked.recordJson()).isEmpty();
    assertThat(
            count(
                "select count(*) from passenger.message where raw is not null and received_at < '2026-02-01'"))
        .isZero();
    assertThat(count("select count(*) from passenger.api_traveller where surname is not null"))
        .isZero();
    assertThat(job.run().masked()).isZero();
  }

  @Test
  @Order(4)
  void filesInTheInboxAreIngestedAndMoved(@TempDir Path dir) throws Exception {
    PnrInbox inbox = new PnrInbox(ingestAt(T0.plusSeconds(400L * 86400)), dir);
    Files.writeString(dir.resolve("inbox/push.edi"), Corpus.text("loader-pnr/pnr_split.edi"));
    Files.writeString(dir.resolve("inbox/list.edi"), Corpus.text("parsers-apis/apisMessage.txt"));
    Files.writeString(dir.resolve("inbox/junk.txt"), "nothing here");
    Files.writeString(dir.resolve("inbox/.partial"), "UNH");
    PnrInbox.Poll poll = inbox.pollOnce();
    assertThat(poll.accepted()).containsExactly("list.edi", "push.edi");
    assertThat(poll.rejected()).containsExactly("junk.txt");
    assertThat(dir.resolve("done/push.edi")).exists();
    assertThat(Files.readString(dir.resolve("rejected/junk.txt.reason"))).contains("no-message");
    assertThat(dir.resolve("inbox/.partial")).exists();
    assertThat(store.versions("AM", "BJOXXX")).hasSize(1);
  }

  @Test
  @Order(5)
  void unmaskingNeedsAReasonAndASecondApproverAndOnlyTheRequesterReads() {
    PnrUnmasking unmasking = new PnrUnmasking(store, Clock.fixed(T0, ZoneOffset.UTC));
    assertThat(unmasking.request("TZ", "W9TEND", 1, "alice", "because").problems())
        .extracting(p -> p.code())
        .containsExactly("reason-required");
    assertThat(
            unmasking.request("AM", "BJOXXX", 1, "alice", "case 2026/114 court order").problems())
        .extracting(p -> p.code())
        .containsExactly("not-masked");
    long id =
        unmasking.request("TZ", "W9TEND", 1, "alice", "case 2026/114 court order").orElseThrow();
    assertThat(unmasking.read(id, "alice").problems())
        .extracting(p -> p.code())
        .containsExactly("conflict");
    assertThat(unmasking.approve(id, "alice").problems())
        .extracting(p -> p.code())
        .containsExactly("second-approver-required");
    assertThat(unmasking.approve(id, "bob").orElseThrow().status()).isEqualTo("approved");
    assertThat(unmasking.approve(id, "carol").problems())
        .extracting(p -> p.code())
        .containsExactly("conflict");
    assertThat(unmasking.read(id, "bob").problems())
        .extracting(p -> p.code())
        .containsExactly("forbidden");
    PnrUnmasking.Unmasked u = unmasking.read(id, "alice").orElseThrow();
    assertThat(u.names()).containsExactly("VANDENBERG/KEVINMICHAELMR");
    assertThat(u.recordJson()).contains("VANDENBERG");
  }

  @Test
  @Order(6)
  void aRefusalNeedsASecondPersonAndAReasonIsKeptWithWhoAndWhenAndIsFinal() {
    PnrUnmasking unmasking =
        new PnrUnmasking(store, Clock.fixed(T0.plusSeconds(7200), ZoneOffset.UTC));
    long id =
        unmasking.request("TZ", "W9TEND", 1, "alice", "case 2026/115 customs fraud").orElseThrow();
    assertThat(unmasking.refuse(id, "alice", "no longer needed here").problems())
        .extracting(p -> p.code())
        .containsExactly("second-person-required");
    assertThat(unmasking.refuse(id, "bob", " no ").problems())
        .extracting(p -> p.code())
        .containsExactly("reason-required");
    assertThat(unmasking.refuse(999_999, "bob", "no legal basis given").problems())
        .extracting(p -> p.code())
        .containsExactly("not-found");
    assertThat(unmasking.pending()).extracting(PnrUnmasking.Request::id).contains(id);

    PnrUnmasking.Request refused =
        unmasking.refuse(id, "bob", "no legal basis: case 2026/115 is closed").orElseThrow();
    assertThat(refused.status()).isEqualTo("refused");
    assertThat(refused.decidedBy()).isEqualTo("bob");
    assertThat(refused.decidedAt()).isEqualTo(T0.plusSeconds(7200));
    assertThat(refused.refusalReason()).isEqualTo("no legal basis: case 2026/115 is closed");
    assertThat(refused.booking()).isEqualTo("TZ/W9TEND");

    // final: neither approved nor refused again, and the requester reads why instead of the data
    assertThat(unmasking.approve(id, "carol").problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo("conflict");
              assertThat(p.message()).contains("refused by bob");
            });
    assertThat(unmasking.refuse(id, "carol", "another reason to refuse").problems())
        .extracting(p -> p.code())
        .containsExactly("conflict");
    assertThat(unmasking.read(id, "alice").problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo("conflict");
              assertThat(p.message())
                  .contains("refused by bob")
                  .contains("case 2026/115 is closed");
            });
    assertThat(unmasking.read(id, "bob").problems())
        .extracting(p -> p.code())
        .containsExactly("forbidden");

    assertThat(unmasking.pending()).extracting(PnrUnmasking.Request::id).doesNotContain(id);
    assertThat(unmasking.history()).first().satisfies(r -> assertThat(r.id()).isEqualTo(id));
    assertThat(unmasking.history())
        .extracting(PnrUnmasking.Request::status)
        .contains("approved", "refused");
    assertThat(unmasking.mine("alice"))
        .filteredOn(r -> r.id() == id)
        .singleElement()
        .satisfies(r -> assertThat(r.refusalReason()).contains("is closed"));
    assertThat(unmasking.mine("bob")).isEmpty();

    // the database keeps the rule too: a refusal names its refuser and reason, never the requester
    long stored =
        count(
            "select count(*) from passenger.unmask_request where status = 'refused' and"
                + " refused_by = 'bob' and refusal_reason like 'no legal basis%'");
    assertThat(stored).isEqualTo(1);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                db.jdbi()
                    .useHandle(
                        h ->
                            h.execute(
                                "update passenger.unmask_request set refused_by = requested_by"
                                    + " where id = ?",
                                id)))
        .hasMessageContaining("unmask_request_refuser_check");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                db.jdbi()
                    .useHandle(
                        h ->
                            h.execute(
                                "update passenger.unmask_request set refusal_reason = null"
                                    + " where id = ?",
                                id)))
        .hasMessageContaining("unmask_request_refusal_check");
  }

  @Test
  @Order(7)
  void aSecondPendingRequestBySomeoneForOneVersionIsAConflictNamingTheFirst() {
    PnrUnmasking unmasking =
        new PnrUnmasking(store, Clock.fixed(T0.plusSeconds(9000), ZoneOffset.UTC));
    long first =
        unmasking.request("TZ", "W9TEND", 1, "dave", "case 2026/116 cash courier").orElseThrow();
    assertThat(unmasking.request("TZ", "W9TEND", 1, "dave", "case 2026/116 asked again").problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo("conflict");
              assertThat(p.field()).isEqualTo("version");
              assertThat(p.message()).contains("request " + first);
            });
    // another member may ask for the same version meanwhile
    long other =
        unmasking.request("TZ", "W9TEND", 1, "erin", "case 2026/117 of her own").orElseThrow();
    assertThat(other).isNotEqualTo(first);
    // once the first is decided, its requester may ask anew
    unmasking.refuse(first, "erin", "no court order for case 2026/116").orElseThrow();
    long again =
        unmasking
            .request("TZ", "W9TEND", 1, "dave", "case 2026/116 court order attached")
            .orElseThrow();
    assertThat(again).isNotIn(first, other);
  }
}
