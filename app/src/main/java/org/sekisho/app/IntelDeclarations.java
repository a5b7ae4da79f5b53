package org.sekisho.app;

import java.util.List;
import java.util.function.Function;
import org.sekisho.intel.application.RecordFeed;
import org.sekisho.intel.domain.Declaration;
import org.sekisho.intel.domain.RecordKind;
import org.sekisho.targeting.assessment.application.AssessmentRequests;
import org.sekisho.targeting.assessment.application.StoredDeclarations;

/** The intelligence database's declarations as targeting's feed of stored declarations. */
final class IntelDeclarations implements StoredDeclarations {
  private final RecordFeed feed;
  private final Function<Declaration, String> toJson;

  /**
   * @param toJson a declaration in targeting's input format
   */
  IntelDeclarations(RecordFeed feed, Function<Declaration, String> toJson) {
    this.feed = feed;
    this.toJson = toJson;
  }

  @Override
  public String name() {
    return "intel.declarations";
  }

  @Override
  public List<Entry> after(long position, int max) {
    return feed.after(RecordKind.DECLARATION, position, max).stream()
        .map(e -> new Entry(e.id(), e.sourceId(), e.recordedAt()))
        .toList();
  }

  @Override
  public List<AssessmentRequests.Request> requests(List<Entry> entries) {
    return feed
        .records(RecordKind.DECLARATION, entries.stream().map(Entry::position).toList())
        .stream()
        .map(
            r -> {
              Declaration d = (Declaration) r;
              return new AssessmentRequests.Request(
                  "declaration", d.declarationId(), toJson.apply(d));
            })
        .toList();
  }
}
