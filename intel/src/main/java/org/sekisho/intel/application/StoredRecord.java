package org.sekisho.intel.application;

import java.util.List;
import org.sekisho.intel.domain.EntityRef;
import org.sekisho.intel.domain.IntelRecord;

/**
 * A validated record with what storage needs besides it: owning agency, agencies it is shared with,
 * the entities it names, its search tokens and the ingest run it came from.
 */
public record StoredRecord(
    IntelRecord record,
    String agency,
    List<String> sharedWith,
    List<EntityRef> entities,
    List<String> tokens,
    long ingestRun) {}
