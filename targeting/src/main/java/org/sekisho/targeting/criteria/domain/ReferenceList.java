package org.sekisho.targeting.criteria.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sekisho.core.MatchKeys;

/**
 * A named, typed, versioned list (parties, countries, HS codes, …) that criteria test against.
 * Entries are normalised by {@link ListKind#normalise(String)}; the version goes up with every
 * change and is recorded with each assessment that used the list.
 */
public record ReferenceList(
    String name, ListKind kind, int version, Set<String> entries, Map<String, String> byKey) {
  /**
   * @param byKey for parties and addresses, each entry under its match keys ({@link #keys}), which
   *     a declared value is compared by
   */
  public ReferenceList {
    // phones stored before they were compared on their national significant number read as
    // today's keys (a key normalises to itself, so this changes nothing for newer entries)
    entries =
        kind == ListKind.PHONES
            ? entries.stream().map(Normal::phone).collect(java.util.stream.Collectors.toSet())
            : Set.copyOf(entries);
    byKey = Map.copyOf(byKey);
  }

  public ReferenceList(String name, ListKind kind, int version, Set<String> entries) {
    this(name, kind, version, entries, keyed(kind, entries));
  }

  /**
   * Parties and addresses are matched as the intelligence database links them, by match key ({@link
   * MatchKeys}): ㈱鈴木物産 and サクラ物産株式会社 hit the entries 株式会社鈴木物産 and 株式会社サクラ物産, YAMADA Taro hits Taro
   * Yamada, and 〒650-0045 港島1-11-4 hits 港島1丁目11番4号. The first entry (in order) keeps a key two
   * entries share.
   */
  private static Map<String, String> keyed(ListKind kind, Set<String> entries) {
    if (kind != ListKind.PARTIES && kind != ListKind.ADDRESSES) {
      return Map.of();
    }
    Map<String, String> out = new HashMap<>();
    for (String e : new TreeSet<>(entries)) {
      for (String k : keys(kind, e)) {
        out.putIfAbsent(k, e);
      }
    }
    return out;
  }

  /** The keys a party (company or person, name or trader id) or an address is matched by. */
  private static List<String> keys(ListKind kind, String value) {
    List<String> out = new ArrayList<>(2);
    if (kind == ListKind.ADDRESSES) {
      String a = MatchKeys.addressKey(value);
      if (!a.isEmpty()) {
        out.add("a:" + a);
      }
      return out;
    }
    String c = MatchKeys.companyKey(value);
    if (!c.isEmpty()) {
      out.add("c:" + c);
    }
    String p = MatchKeys.personKey(value);
    if (!p.isEmpty()) {
      out.add("p:" + p);
    }
    return out;
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
    if (kind == ListKind.ADDRESSES || kind == ListKind.PARTIES) {
      // address fields are text (lower case), list entries codes (upper case): keys fold both
      String u = kind == ListKind.ADDRESSES ? Normal.code(value) : value;
      if (entries.contains(u)) {
        return u;
      }
      for (String k : keys(kind, value)) {
        String e = byKey.get(k);
        if (e != null) {
          return e;
        }
      }
      return null;
    }
    return entries.contains(value) ? value : null;
  }

  /**
   * A phone matches the entry with the same key ({@link Normal#phone}): lists of targeting hold
   * their phones in the international form ({@link ListKind#normalise}), so {@code +81 330947412}
   * and {@code +66 330947412} are two entries that never hit each other's numbers. A value written
   * nationally (its country not written) is read as Japanese first, as entries written so are; an
   * entry kept in its national form (stored before, which migration V16 could not read, or a
   * passenger list's) matches that national number with any country code.
   */
  private String phone(String value) {
    if (entries.contains(value)) {
      return value;
    }
    String nsn = Normal.nationalNumber(value);
    if (!nsn.equals(value)) {
      // written internationally: an entry kept in its national form
      return entries.contains(nsn) ? nsn : null;
    }
    String home = "+" + ListKind.HOME_CALLING_CODE + " " + nsn;
    if (entries.contains(home)) {
      return home;
    }
    // written nationally and no Japanese entry: an entry of any country with that national number
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
