package org.sekisho.intel.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Read models of the intelligence database, as the web and CLI show them. */
public final class IntelViews {
  private IntelViews() {}

  /** Who reads: their agency decides which records they see. */
  public record Reader(String username, String agency) {}

  /**
   * A search: free text (words, numbers, names in any script) plus filters; all optional.
   *
   * @param hsChapter two digits
   */
  public record SearchQuery(
      String text,
      Optional<String> kind,
      Optional<LocalDate> from,
      Optional<LocalDate> to,
      Optional<String> office,
      Optional<String> country,
      Optional<String> hsChapter,
      int page,
      int size) {}

  public record Hit(
      long id,
      String kind,
      String sourceId,
      Instant eventTime,
      String office,
      String title,
      List<String> countries) {}

  /**
   * An entity that matched the text, exactly or by similarity.
   *
   * @param records the reader's visible records naming it, counted up to {@link #COUNT_CAP} + 1
   *     (more than the cap reads "at least that many")
   */
  public record EntityHit(long id, String type, String display, double similarity, long records) {
    public static final int COUNT_CAP = 100;

    /** The count as shown: {@code 100+} above the cap. */
    public String recordsShown() {
      return records > COUNT_CAP ? COUNT_CAP + "+" : Long.toString(records);
    }
  }

  /** One page of hits; {@code total} is exact up to {@link #TOTAL_CAP}, then "at least". */
  public record SearchPage(
      List<Hit> hits,
      long total,
      boolean totalCapped,
      int page,
      int size,
      List<EntityHit> entities) {
    public static final int TOTAL_CAP = 1_000;
  }

  public record LinkedEntity(long id, String type, String display, String role) {}

  public record RecordView(
      long id,
      String kind,
      String sourceId,
      Instant eventTime,
      Instant recordedAt,
      String office,
      String agency,
      List<String> sharedWith,
      String title,
      String dataJson,
      List<LinkedEntity> entities) {}

  public record Candidate(long id, String type, String display, double similarity) {}

  public record Merge(
      long id,
      long survivorId,
      long mergedId,
      String mergedDisplay,
      String reason,
      String actor,
      Instant at,
      Optional<Instant> undoneAt) {}

  public record EntityView(
      long id,
      String type,
      String key,
      String display,
      Optional<Long> mergedInto,
      List<Hit> records,
      long recordCount,
      List<Candidate> candidates,
      List<Merge> merges,
      List<String> spellings) {}

  public record Node(String id, String label, String type, long dbId) {}

  public record Edge(String source, String target, String label) {}

  public record Graph(List<Node> nodes, List<Edge> edges, boolean truncated) {}

  public record KindCount(String kind, long count) {}

  public record OfficeCount(String office, long count) {}

  public record Dashboard(
      LocalDate day,
      List<KindCount> kinds,
      List<OfficeCount> offices,
      List<Hit> seizures,
      long totalRecords,
      long entities) {}
}
