package org.sekisho.intel.application;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/** The ports the ingest use case needs; each owned here, implemented by adapters. */
public final class IngestPorts {
  private IngestPorts() {}

  /**
   * Stores a batch atomically: all of it or none. A record whose identity (kind, source id, owning
   * agency) is already stored, or came earlier in the batch, is not stored again; the store tells
   * which of those differ in content from the version kept.
   */
  @FunctionalInterface
  public interface RecordStore {
    Saved saveBatch(List<StoredRecord> batch);
  }

  /**
   * What storing a batch did.
   *
   * @param added how many records were new
   * @param conflicting the positions in the batch of records not stored because a record of the
   *     same identity and different content is stored (or came earlier in the batch): the version
   *     stored first is kept. The other records not added are repeats of what is stored.
   */
  public record Saved(int added, List<Integer> conflicting) {
    public Saved {
      conflicting = List.copyOf(conflicting);
    }

    /** A batch all of whose records were new or repeats of what is stored. */
    public static Saved of(int added) {
      return new Saved(added, List.of());
    }
  }

  /** Keeps the raw input before anything is parsed. */
  @FunctionalInterface
  public interface RawArchive {
    /** Copies {@code in} to the archive, streaming; returns where it lies and its SHA-256. */
    Archived archive(String kind, String sourceName, InputStream in) throws IOException;
  }

  /** An archived input: its path and SHA-256; {@link #open()} reads it back. */
  public interface Archived {
    Path path();

    String sha256();

    InputStream open() throws IOException;
  }

  /**
   * Records ingest runs and their problems. A problem is kept as its row, source id, field, code
   * and a reason that names no value of the row ({@link
   * org.sekisho.intel.domain.ProblemReasons#withoutValues}): the values stay in the archived input,
   * whose reads are checked and audited ({@link IngestRuns}).
   */
  public interface IngestLog {
    /**
     * Opens a run of {@code actor}, a user of {@code agency}, whose agency alone may read it later.
     */
    long open(
        String kind,
        String format,
        String source,
        String actor,
        String agency,
        String sha256,
        String archive);

    void close(IngestReport report);
  }

  /**
   * Told about each batch once it is stored (new records and repeats alike), e.g. so targeting can
   * assess them; called on an ingest writer thread. Two batches are stored at once, so calls may
   * overlap and arrive out of batch order: implementations must be thread-safe and idempotent per
   * record.
   */
  @FunctionalInterface
  public interface RecordsStored {
    /** The stored batch, each record with its owning agency and the agencies it is shared with. */
    void stored(List<StoredRecord> batch);

    RecordsStored NONE = batch -> {};
  }

  /**
   * Told how far an ingest has got each time a batch is done, in the order the rows were read, on
   * the thread that called {@link IngestRecords#ingest}; the counts only grow.
   */
  @FunctionalInterface
  public interface Progress {
    /**
     * @param rowsDone rows validated and, where good, stored: {@code stored + duplicates +
     *     rejected}
     */
    void advanced(long rowsDone, long stored, long duplicates, long rejected);

    Progress NONE = (rowsDone, stored, duplicates, rejected) -> {};
  }

  /**
   * The agencies registered with this installation: a record may belong to, or be shared with, one
   * of them only.
   */
  @FunctionalInterface
  public interface Agencies {
    /** The registered codes as they are now; an ingest reads them once, when it starts. */
    java.util.Set<String> registered();
  }

  /**
   * Whether a record may be shared with an agency when it is ingested: only under an agreement in
   * force between the administration and the partner that covers the record's kind.
   */
  @FunctionalInterface
  public interface SharingRules {
    /**
     * Why a record of {@code kind} owned by {@code owner} may not go to {@code partner}; empty if
     * it may.
     */
    java.util.Optional<String> refusal(
        String owner, String partner, org.sekisho.intel.domain.RecordKind kind);

    /**
     * The agreement under which a record of {@code kind} owned by {@code owner} may go to {@code
     * partner}; empty where none allows it (rules that refuse every sharing name none).
     */
    default java.util.Optional<Long> agreement(
        String owner, String partner, org.sekisho.intel.domain.RecordKind kind) {
      return java.util.Optional.empty();
    }

    /**
     * The agencies of {@code registered} that {@code actor} may know of, which alone a refusal
     * names: all of them unless the rules say otherwise (a partner agency's users know their own
     * agency and the administration only).
     */
    default java.util.Set<String> seenBy(Actor actor, java.util.Set<String> registered) {
      return registered;
    }
  }

  /**
   * Keeps the sharings written into the records an ingest run stored, as a liaison officer's are
   * kept: one share each, naming the agreement that allowed it.
   */
  @FunctionalInterface
  public interface IngestShares {
    /**
     * Keeps a share for every partner of {@code partners} that a record stored by {@code run} is
     * shared with and that has no share in force yet, {@code agreementOf} naming the agreement that
     * allowed it (empty: none is kept); returns the shares kept.
     */
    List<IngestShare> keep(
        long run,
        java.util.Set<String> partners,
        String by,
        java.time.Instant at,
        AgreementOf agreementOf);
  }

  /** The agreement under which a record of a kind went from its owner to a partner, if any. */
  @FunctionalInterface
  public interface AgreementOf {
    java.util.Optional<Long> agreement(
        String owner, String partner, org.sekisho.intel.domain.RecordKind kind);
  }

  /** A share kept for a record stored at ingest. */
  public record IngestShare(long recordId, String partner, long agreementId) {}

  /** The sharing rules as they stand; an ingest reads them once, when it starts. */
  @FunctionalInterface
  public interface SharingAgreements {
    SharingRules now();
  }

  /** Opens rows of an archived input in a format. */
  @FunctionalInterface
  public interface RowSources {
    RowSource open(String kind, String format, InputStream in) throws IOException;
  }
}
