package org.sekisho.passenger.screening.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.sekisho.targeting.criteria.domain.ReferenceList;

/**
 * A named reference list of the PNR unit (source countries, card BINs, phones, agencies, …) that
 * passenger rules test with {@code in list}. The version goes up with every change; hits name it
 * ({@code list "source-countries" v3: via CO}) and each saved rule version records the versions of
 * the lists it used.
 *
 * @param name lower-case words joined by hyphens ({@code source-countries})
 * @param kind what the entries are
 * @param version 1 for a new list, one more after every change
 * @param entries the entries in stored form ({@link PassengerListKind#normalise})
 */
public record ScreeningList(String name, PassengerListKind kind, int version, Set<String> entries) {
  public ScreeningList {
    // phones stored under older keys are read as today's by the ReferenceList that matches them
    entries = Set.copyOf(entries);
  }

  /** Whether {@code name} is a valid list name: {@code [a-z0-9][a-z0-9-]{0,62}}. */
  public static boolean validName(String name) {
    return ReferenceList.validName(name);
  }

  /** The list as the criteria language sees it. */
  public ReferenceList forLanguage() {
    return new ReferenceList(name, kind.language(), version, entries);
  }

  /** Lists by name, as the criteria language takes them. */
  public static Map<String, ReferenceList> forLanguage(Map<String, ScreeningList> lists) {
    Map<String, ReferenceList> out = new LinkedHashMap<>();
    lists.forEach((n, l) -> out.put(n, l.forLanguage()));
    return out;
  }
}
