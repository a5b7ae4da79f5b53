package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.intel.adapter.db.JdbcRecordFeed;
import org.sekisho.intel.application.Actor;
import org.sekisho.intel.application.IngestRecords;
import org.sekisho.intel.application.RecordFeed;
import org.sekisho.intel.domain.IntelRecord;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.testing.PostgresExtension;

/** The record feed gives back every stored record of a kind, in storage order, as it was stored. */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecordFeedTest {
  private static final Actor CLI = new Actor("system:test", "customs-jp", true);
  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
  private final IngestRecords ingest;
  private final RecordFeed feed;
  // told from the ingest's writer threads, two batches at once: the list must take concurrent adds
  private final List<IntelRecord> stored =
      java.util.Collections.synchronizedList(new ArrayList<>());

  RecordFeedTest(Database db, @TempDir Path tmp) {
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("intel")));
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    this.ingest =
        TestIngest.wire(
            db, tmp, clock, e -> {}, batch -> batch.forEach(r -> stored.add(r.record())));
    TestIngest.register(db, clock, "customs-jp", "police-jp");
    this.feed = new JdbcRecordFeed(db.jdbi(), TestIngest.JSON);
  }

  private void ingest(RecordKind kind, String format, InputStream in) {
    ingest.ingest(kind, format, "test", in, CLI).orElseThrow();
  }

  @Test
  void pagesThroughEveryDeclarationInStorageOrderAndReadsEachBackAsStored() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/kcs/kcs-train-300.csv")) {
      ingest(RecordKind.DECLARATION, "kcs", in);
    }
    String csv =
        "declarationId,date,office,importer.kind,importer.name,importer.phone,importer.country,"
            + "item.hsCode,item.description,item.origin,item.netMassKg,item.customsValue\n"
            + "J1,2026-11-27,JPTYO,company,株式会社サクラ物産,03-1234-5678,JP,090121,コーヒー豆,BR,"
            + "12.500,241.58000000000004\n";
    ingest(
        RecordKind.DECLARATION,
        "csv",
        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    String seizure =
        "{\"seizureId\":\"S1\",\"date\":\"2026-11-27\",\"commodity\":\"gold\",\"route\":[\"HK\",\"JP\"]}\n";
    ingest(
        RecordKind.SEIZURE,
        "json",
        new ByteArrayInputStream(seizure.getBytes(StandardCharsets.UTF_8)));
    List<IntelRecord> declarations =
        stored.stream().filter(r -> r.kind() == RecordKind.DECLARATION).toList();
    assertThat(declarations).hasSize(301);

    List<RecordFeed.Entry> entries = new ArrayList<>();
    long after = 0;
    for (List<RecordFeed.Entry> page;
        !(page = feed.after(RecordKind.DECLARATION, after, 64)).isEmpty(); ) {
      assertThat(page.size()).isLessThanOrEqualTo(64);
      entries.addAll(page);
      after = page.getLast().id();
    }
    // two writer threads store batches at once, so storage order is not the order told
    assertThat(entries)
        .extracting(RecordFeed.Entry::sourceId)
        .containsExactlyInAnyOrderElementsOf(
            declarations.stream().map(IntelRecord::sourceId).toList());
    assertThat(entries).extracting(RecordFeed.Entry::recordedAt).containsOnly(NOW);
    assertThat(entries).extracting(RecordFeed.Entry::id).isSorted();

    List<IntelRecord> read =
        feed.records(RecordKind.DECLARATION, entries.stream().map(RecordFeed.Entry::id).toList());
    assertThat(read)
        .extracting(IntelRecord::sourceId)
        .containsExactlyElementsOf(entries.stream().map(RecordFeed.Entry::sourceId).toList());
    assertThat(read).containsExactlyInAnyOrderElementsOf(declarations);
  }

  @Test
  void recordsLeavesOutIdsOfOtherKindsAndOfNoRecordAndKeepsTheOrderAsked() {
    String jsonl =
        "{\"seizureId\":\"S1\",\"date\":\"2026-11-27\",\"commodity\":\"gold\"}\n"
            + "{\"seizureId\":\"S2\",\"date\":\"2026-11-27\",\"commodity\":\"ivory\"}\n";
    ingest(
        RecordKind.SEIZURE,
        "json",
        new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)));
    List<RecordFeed.Entry> seizures = feed.after(RecordKind.SEIZURE, 0, 10);
    assertThat(seizures).extracting(RecordFeed.Entry::sourceId).containsExactly("S1", "S2");
    long s1 = seizures.get(0).id();
    long s2 = seizures.get(1).id();

    assertThat(feed.records(RecordKind.SEIZURE, List.of(s2, 999_999L, s1)))
        .extracting(IntelRecord::sourceId)
        .containsExactly("S2", "S1");
    assertThat(feed.records(RecordKind.DECLARATION, List.of(s1, s2))).isEmpty();
    assertThat(feed.after(RecordKind.DECLARATION, 0, 100_000))
        .extracting(RecordFeed.Entry::id)
        .doesNotContain(s1, s2);
    assertThat(feed.after(RecordKind.SEIZURE, s2, 10)).isEmpty();

    // an agency's own records only: what another agency stores is left out of its feed
    String police =
        "{\"seizureId\":\"S3\",\"date\":\"2026-11-27\",\"commodity\":\"gold\",\"agency\":\"police-jp\"}\n";
    ingest(
        RecordKind.SEIZURE,
        "json",
        new ByteArrayInputStream(police.getBytes(StandardCharsets.UTF_8)));
    assertThat(feed.after(RecordKind.SEIZURE, "customs-jp", 0, 10))
        .extracting(RecordFeed.Entry::sourceId)
        .containsExactly("S1", "S2");
    assertThat(feed.after(RecordKind.SEIZURE, "police-jp", 0, 10))
        .extracting(RecordFeed.Entry::sourceId)
        .containsExactly("S3");
  }
}
