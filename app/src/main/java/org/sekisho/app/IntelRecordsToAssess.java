package org.sekisho.app;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.sekisho.intel.application.RecordFeed;
import org.sekisho.intel.domain.IntelRecord;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.targeting.assessment.application.AssessmentRequests;
import org.sekisho.targeting.assessment.application.StoredDeclarations;

/**
 * The intelligence database's records of one kind (declarations, postal items or transport
 * documents) that the administration owns, as targeting's feed of stored records to assess.
 */
final class IntelRecordsToAssess implements StoredDeclarations {
  private final RecordFeed feed;
  private final RecordKind kind;
  private final String agency;
  private final Function<IntelRecord, Optional<AssessmentRequests.Request>> request;

  /**
   * @param agency the administration whose records targeting assesses (others' are left out)
   * @param request what targeting is asked to assess for a stored record of {@code kind}
   */
  IntelRecordsToAssess(
      RecordFeed feed,
      RecordKind kind,
      String agency,
      Function<IntelRecord, Optional<AssessmentRequests.Request>> request) {
    this.feed = feed;
    this.kind = kind;
    this.agency = agency;
    this.request = request;
  }

  @Override
  public String name() {
    return "intel." + kind.plural();
  }

  @Override
  public String recordKind() {
    return kind.code();
  }

  @Override
  public List<Entry> after(long position, int max) {
    return feed.after(kind, agency, position, max).stream()
        .map(e -> new Entry(e.id(), e.sourceId(), e.recordedAt()))
        .toList();
  }

  @Override
  public List<AssessmentRequests.Request> requests(List<Entry> entries) {
    return feed.records(kind, entries.stream().map(Entry::position).toList()).stream()
        .flatMap(r -> request.apply(r).stream())
        .toList();
  }
}
