package org.sekisho.intel.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.sekisho.intel.application.IntelViews.Dashboard;
import org.sekisho.intel.application.IntelViews.EntityView;
import org.sekisho.intel.application.IntelViews.Graph;
import org.sekisho.intel.application.IntelViews.Reader;
import org.sekisho.intel.application.IntelViews.RecordView;
import org.sekisho.intel.application.IntelViews.SearchPage;
import org.sekisho.intel.application.IntelViews.SearchQuery;

/**
 * Read port of the intelligence database. Every method sees only what {@code reader}'s agency may
 * see; a record or entity outside that scope is reported as {@link Visibility#FORBIDDEN}, distinct
 * from absent.
 */
public interface IntelQueries {
  enum Visibility {
    VISIBLE,
    FORBIDDEN,
    ABSENT
  }

  SearchPage search(SearchQuery q, Reader reader);

  Visibility recordVisibility(long id, Reader reader);

  Optional<RecordView> record(long id, Reader reader);

  /**
   * The id of the record of {@code kind} (code, e.g. {@code declaration}) stored under {@code
   * sourceId} that {@code reader} means: its own agency's record of that id, else one another
   * agency shares with it (the latest stored). A source id is unique only within an agency, so
   * another agency's record that is not shared with the reader is never returned: empty, as for an
   * id nobody holds, so that the answer tells nothing about other agencies' records.
   */
  Optional<Long> recordId(String kind, String sourceId, Reader reader);

  /**
   * The ids of the records of {@code kind} stored under {@code sourceId} that {@code reader} may
   * not read (other agencies' records not shared with it), latest first, at most 10: a look-up by
   * source id that finds none readable is answered as not found, yet the refused read of these is
   * still audited by id, as a refused read by numeric id is.
   */
  List<Long> hiddenRecordIds(String kind, String sourceId, Reader reader);

  Visibility entityVisibility(long id, Reader reader);

  Optional<EntityView> entity(long id, Reader reader, int recordLimit);

  Graph graph(long entityId, Reader reader, int hops, int maxNodes);

  /**
   * Merge {@code mergeId} with both its entities, whoever may see them (callers check {@link
   * #entityVisibility} of each before acting on it).
   */
  Optional<IntelViews.Merge> merge(long mergeId);

  Dashboard dashboard(Optional<LocalDate> day, Reader reader);
}
