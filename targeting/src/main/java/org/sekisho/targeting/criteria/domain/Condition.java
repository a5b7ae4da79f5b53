package org.sekisho.targeting.criteria.domain;

import java.util.List;

/**
 * A compiled condition over any vocabulary: a pure function of a subject and one of its parts (an
 * item of a declaration; {@code null} for vocabularies without parts). When {@code evidence} is not
 * null, list matches that made it true are added to it (the fast path passes null).
 *
 * @param <S> what a rule is about (a declaration, a passenger)
 * @param <P> the parts one condition set is read from together (goods items), or {@link Void}
 */
@FunctionalInterface
public interface Condition<S, P> {
  boolean test(S subject, P part, List<String> evidence);
}
