package org.sekisho.targeting.criteria.domain;

import java.util.List;

/**
 * A compiled condition: a pure function of one declaration and one of its items. When {@code
 * evidence} is not null, list matches that made it true are added to it (the fast path passes
 * null).
 */
@FunctionalInterface
public interface Test {
  boolean test(DeclarationView d, ItemView item, List<String> evidence);
}
