package org.sekisho.passenger.egate.adapter.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  private static final Pattern SECONDARY = Pattern.compile("secondary inspection: ([A-Z_, ]+)");
  private static final Pattern ANSWER = Pattern.compile("([A-Za-z0-9-]+)=(yes|no)");
  private static final Pattern FAMILY =
      Pattern.compile("([0-9]+) aged 20\\+, ([0-9]+) aged 6-19, ([0-9]+) under 6");

  /**
   * The gate's decision as the arrival record keeps it ({@code pass}, {@code secondary inspection:
   * FACE_NOT_COMPARED, …}, the text sent on to the customs arrival system) in the reader's
   * language; the kept text where it has another form.
   */
  public static String decision(Messages t, String kept) {
    if (kept.equals("pass")) {
      return t.get("referrals.decision.pass");
    }
    Matcher m = SECONDARY.matcher(kept);
    if (!m.matches()) {
      return kept;
    }
    List<String> reasons = new ArrayList<>();
    for (String r : m.group(1).split(",")) {
      String key = "reason." + r.strip();
      if (t.get(key).equals(key)) {
        return kept;
      }
      reasons.add(t.get(key));
    }
    return t.get("referrals.decision.secondary", String.join(t.get("detail.separator"), reasons));
  }

  /**
   * The declaration's answers as the arrival record keeps them ({@code prohibited=no
   * over-allowance=yes …}) in the reader's language: each question's short label and yes or no.
   */
  public static String answers(Messages t, String kept) {
    List<String> out = new ArrayList<>();
    for (String pair : kept.strip().split(" +")) {
      Matcher m = ANSWER.matcher(pair);
      String key = m.matches() ? "referrals.answer." + m.group(1) : null;
      if (key == null || t.get(key).equals(key)) {
        return kept;
      }
      out.add(t.get(key) + ": " + t.get("referrals.answer." + m.group(2)));
    }
    return String.join(t.get("detail.separator"), out);
  }

  /**
   * The goods a declaration lists as the arrival record keeps them (a line per row: name, quantity
   * and value in yen, tab-separated), each row as name, quantity and value worded in the reader's
   * language ({@code ¥25,000}); a line not in that form is shown as kept, in the name column.
   */
  public static List<List<String>> goods(Messages t, String kept) {
    List<List<String>> rows = new ArrayList<>();
    for (String line : kept.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] c = line.split("\t");
      if (c.length == 3 && c[1].matches("[0-9]{1,9}") && c[2].matches("[0-9]{1,12}")) {
        rows.add(
            List.of(
                c[0],
                c[1],
                t.get(
                    "referrals.goods.yen",
                    String.format(java.util.Locale.ROOT, "%,d", Long.parseLong(c[2])))));
      } else {
        rows.add(List.of(line, "", ""));
      }
    }
    return rows;
  }

  /** Accompanying family members as kept ({@code 1 aged 20+, 0 aged 6-19, 2 under 6}), worded. */
  public static String family(Messages t, String kept) {
    Matcher m = FAMILY.matcher(kept);
    return m.matches()
        ? t.get("referrals.family.members", m.group(1), m.group(2), m.group(3))
        : kept;
  }
}
