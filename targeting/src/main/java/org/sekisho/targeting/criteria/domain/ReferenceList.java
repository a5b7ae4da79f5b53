package org.sekisho.targeting.criteria.domain;

import java.util.Set;

/**
 * A named, typed, versioned list (parties, countries, HS codes, …) that criteria test against.
 * Entries are normalised by {@link ListKind#normalise(String)}; the version goes up with every
 * change and is recorded with each assessment that used the list.
 */
public record ReferenceList(String name, ListKind kind, int version, Set<String> entries) {
  public ReferenceList {
    // phones stored before they were compared on their national significant number read as
    // today's keys (a key normalises to itself, so this changes nothing for newer entries)
    entries =
        kind == ListKind.PHONES
            ? entries.stream().map(Normal::phone).collect(java.util.stream.Collectors.toSet())
            : Set.copyOf(entries);
  }

  /** Names are lower-case words joined by hyphens, like {@code high-risk-origins}. */
  public static boolean validName(String name) {
    return name != null && name.matches("[a-z0-9][a-z0-9-]{0,62}");
  }

  /**
   * The entry that {@code value} (already normalised like a field value) matches, or null. For HS
   * codes an entry matches every code that starts with it.
   */
  public String match(String value) {
    if (value.isEmpty()) {
      return null;
    }
    if (kind == ListKind.HS_CODES) {
      for (int n = Math.min(10, value.length()); n >= 2; n--) {
        String p = value.substring(0, n);
        if (entries.contains(p)) {
          return p;
        }
      }
      return null;
    }
    if (kind == ListKind.PHONES) {
      return phone(value);
    }
    if (kind == ListKind.ADDRESSES) {
      // address fields are text (lower case); list entries are codes (upper case)
      String u = Normal.code(value);
      return entries.contains(u) ? u : null;
    }
    return entries.contains(value) ? value : null;
  }

  /**
   * A phone matches an entry with the same key, or, when either was written nationally (its country
   * not written), one with the same national number ({@link Normal#phone}).
   */
  private String phone(String value) {
    if (entries.contains(value)) {
      return value;
    }
    String nsn = Normal.nationalNumber(value);
    if (!nsn.equals(value)) {
      // written internationally: an entry written nationally
      return entries.contains(nsn) ? nsn : null;
    }
    // written nationally: an entry of any country with that national number
    for (int cc :
        com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance().getSupportedCallingCodes()) {
      String key = "+" + cc + " " + nsn;
      if (entries.contains(key)) {
        return key;
      }
    }
    return null;
  }
}
