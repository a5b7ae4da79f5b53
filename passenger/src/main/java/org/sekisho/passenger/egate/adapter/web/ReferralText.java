package org.sekisho.passenger.egate.adapter.web;

import java.util.ArrayList;
import java.util.List;
import org.sekisho.passenger.egate.domain.decision.Referral;
import org.sekisho.platform.i18n.Messages;

/** A referral's detail in the reader's language, from its message key and arguments. */
public final class ReferralText {
  private ReferralText() {}

  /**
   * The detail worded by {@link Referral#key()} in {@code t}'s language; the English detail as kept
   * when the referral has no key (a record kept before details were worded, a screening hit's own
   * text) or a key this installation's messages lack.
   */
  public static String detail(Messages t, Referral r) {
    if (r.key().isEmpty() || t.get(r.key()).equals(r.key())) {
      return r.detail();
    }
    Object[] args = new Object[r.args().size()];
    for (int i = 0; i < args.length; i++) {
      String a = r.args().get(i);
      if (a.startsWith("@@")) {
        args[i] = a.substring(1);
      } else if (a.startsWith("@")) {
        String words = keys(t, a.substring(1));
        if (words == null) {
          return r.detail();
        }
        args[i] = words;
      } else {
        args[i] = a;
      }
    }
    return t.get(r.key(), args);
  }

  /** {@code key|key:arg|...} worded and joined; null when a key is missing. */
  private static String keys(Messages t, String list) {
    if (list.isEmpty()) {
      return "";
    }
    List<String> words = new ArrayList<>();
    for (String k : list.split("\\|")) {
      int colon = k.indexOf(':');
      String key = colon < 0 ? k : k.substring(0, colon);
      String w = colon < 0 ? t.get(key) : t.get(key, k.substring(colon + 1));
      if (t.get(key).equals(key)) {
        return null;
      }
      words.add(w);
    }
    return String.join(t.get("detail.separator"), words);
  }
}
