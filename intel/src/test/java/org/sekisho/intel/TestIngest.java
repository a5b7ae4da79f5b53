package org.sekisho.intel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.sekisho.core.audit.AuditTrail;
import org.sekisho.intel.adapter.db.FileRawArchive;
import org.sekisho.intel.adapter.db.JdbcIngestLog;
import org.sekisho.intel.adapter.db.JdbcRecordStore;
import org.sekisho.intel.adapter.db.JdbcSharingStore;
import org.sekisho.intel.adapter.format.Formats;
import org.sekisho.intel.application.Actor;
import org.sekisho.intel.application.IngestPorts;
import org.sekisho.intel.application.IngestRecords;
import org.sekisho.intel.application.RecordSharing;
import org.sekisho.intel.domain.RecordReader;
import org.sekisho.platform.auth.Agencies;
import org.sekisho.platform.db.Database;

/** Ingest wired over real PostgreSQL for tests, in batches of 100 so a small file spans several. */
final class TestIngest {
  /** The mapper records are stored with, as the application configures it. */
  static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private TestIngest() {}

  /** Registers agencies records in a test may belong to or be shared with. */
  static void register(Database db, Clock clock, String... codes) {
    Agencies agencies = new Agencies(db.jdbi(), clock, e -> {});
    for (String code : codes) {
      agencies.register(code, code, "system:test", "");
    }
  }

  /** Sharing over the test database, with customs-jp as the administration. */
  static RecordSharing sharing(Database db, Clock clock) {
    return new RecordSharing(
        new JdbcSharingStore(db.jdbi()),
        new Agencies(db.jdbi(), clock, e -> {})::codes,
        e -> {},
        clock,
        ZoneOffset.UTC,
        "customs-jp");
  }

  /**
   * Records an agreement with {@code partner} (registered) covering {@code kinds}, from 2020,
   * unless the same one is recorded already (an exact duplicate is refused).
   */
  static void agree(Database db, Clock clock, String partner, String... kinds) {
    RecordSharing sharing = sharing(db, clock);
    java.util.Set<org.sekisho.intel.domain.RecordKind> wanted = new java.util.HashSet<>();
    for (String k : kinds) {
      org.sekisho.intel.domain.RecordKind.ofPlural(k)
          .or(() -> org.sekisho.intel.domain.RecordKind.ofCode(k))
          .ifPresent(wanted::add);
    }
    boolean recorded =
        sharing.agreements().stream()
            .anyMatch(
                a ->
                    a.agency().equals(partner)
                        && a.kinds().equals(wanted)
                        && a.reference().equals("test agreement with " + partner)
                        && a.validFrom().equals(java.time.LocalDate.of(2020, 1, 1))
                        && a.validUntil().isEmpty());
    if (recorded) {
      return;
    }
    sharing
        .addAgreement(
            partner,
            java.util.List.of(kinds),
            "test agreement with " + partner,
            java.time.LocalDate.of(2020, 1, 1),
            java.util.Optional.empty(),
            new Actor("system:test", "customs-jp", true))
        .orElseThrow();
  }

  /** Raw inputs archived under {@code tmp}; {@code stored} told about every stored batch. */
  static IngestRecords wire(
      Database db, Path tmp, Clock clock, AuditTrail audit, IngestPorts.RecordsStored stored) {
    return new IngestRecords(
        new FileRawArchive(tmp.resolve("archive"), clock),
        new Formats(),
        new JdbcRecordStore(db.dataSource(), JSON, clock),
        new JdbcIngestLog(db.jdbi(), clock),
        new RecordReader(ZoneOffset.UTC, clock),
        audit,
        clock,
        100,
        new Agencies(db.jdbi(), clock, audit)::codes,
        sharing(db, clock)::rulesNow,
        new JdbcSharingStore(db.jdbi()),
        stored);
  }
}
