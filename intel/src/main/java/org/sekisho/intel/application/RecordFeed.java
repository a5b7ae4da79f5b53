package org.sekisho.intel.application;

import java.time.Instant;
import java.util.List;
import org.sekisho.intel.domain.IntelRecord;
import org.sekisho.intel.domain.RecordKind;

/**
 * The stored records of one kind in the order they were stored, for a context that must see every
 * one of them (targeting assesses every declaration) and catch up on those it missed. System use
 * only: not scoped to a reader's agency, and not exposed over HTTP.
 */
public interface RecordFeed {
  /**
   * A stored record's place in the feed.
   *
   * @param id the record's id; ids grow in the order records were stored, except that two ingests
   *     running at once may commit their batches out of id order
   * @param recordedAt when the record was stored (processing time)
   */
  record Entry(long id, String sourceId, Instant recordedAt) {}

  /** At most {@code max} records of {@code kind} with an id above {@code afterId}, by id. */
  List<Entry> after(RecordKind kind, long afterId, int max);

  /**
   * {@link #after(RecordKind, long, int)}, only the records {@code agency} owns: those it lodged or
   * ingested, not those another agency shared with it.
   */
  List<Entry> after(RecordKind kind, String agency, long afterId, int max);

  /**
   * The records of {@code kind} with these ids, as they were stored, in the order of {@code ids};
   * ids of another kind or of no record are left out.
   */
  List<IntelRecord> records(RecordKind kind, List<Long> ids);
}
