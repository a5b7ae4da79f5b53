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
        String separator = t.get(r.key() + ".separator");
        String words =
            keys(
                t,
                a.substring(1),
                separator.equals(r.key() + ".separator") ? t.get("detail.separator") : separator);
        if (words == null) {
          return r.detail();
        }
        args[i] = words;
      } else {
        args[i] = a;
      }
    }
    if (args.length > 0
        && !r.args().get(0).startsWith("@")
        && (r.key().equals("detail.problem") || r.key().equals("detail.mrzUnreadable"))) {
      // the problem's field ("declaration", "EF.SOD", "birth_date (line 2, position 14)")
      args[0] = where(t, r.args().get(0));
    }
    return t.get(r.key(), args);
  }

  /**
   * {@code key|key:arg|...} worded and joined with {@code separator}; null when a key is missing.
   * In an argument, {@code \|} is a {@code |} and {@code \\} a backslash ({@link
   * org.sekisho.passenger.egate.domain.decision.GateRules} writes a screening hit's free text so).
   */
  private static String keys(Messages t, String list, String separator) {
    if (list.isEmpty()) {
      return "";
    }
    List<String> words = new ArrayList<>();
    for (String k : split(list)) {
      int colon = k.indexOf(':');
      String key = colon < 0 ? k : k.substring(0, colon);
      String w = colon < 0 ? t.get(key) : t.get(key, k.substring(colon + 1));
      if (t.get(key).equals(key)) {
        return null;
      }
      words.add(w);
    }
    return String.join(separator, words);
  }

  /** {@code list} split at each {@code |} not escaped, {@code \|} and {@code \\} unescaped. */
  private static List<String> split(String list) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < list.length(); i++) {
      char c = list.charAt(i);
      if (c == '\\' && i + 1 < list.length()) {
        cur.append(list.charAt(++i));
      } else if (c == '|') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  // how the MRZ parser locates a problem: "line 2, position 14", after the field when it has one
  private static final Pattern MRZ_AT =
      Pattern.compile("(?:([a-z_0-9]+) \\()?line ([0-9]+), position ([0-9]+)\\)?");

  /**
   * A problem's field in the reader's words: {@code detail.where.<field>} ({@code declaration},
   * {@code signature}, {@code chip}…), an MRZ field with its line and position ({@code
   * detail.where.mrzAt}, {@code detail.where.mrzField}); the field as kept when it has no words (a
   * file such as {@code EF.SOD} or {@code DG2}, named the same in every language).
   */
  static String where(Messages t, String field) {
    String key = "detail.where." + field;
    String words = t.get(key);
    if (!words.equals(key)) {
      return words;
    }
    Matcher m = MRZ_AT.matcher(field);
    if (m.matches()) {
      String at = t.get("detail.where.mrzAt", m.group(2), m.group(3));
      return m.group(1) == null ? at : t.get("detail.where.mrzField", where(t, m.group(1)), at);
    }
    return field;
  }

  // a declaration's signature as KioskCheckIn keeps it in the customs record
  private static final Pattern VERIFIED =
      Pattern.compile("verified \\(key ([^ ,()]+), signed ([0-9TZ:.-]+)\\)");
  private static final Pattern REFUSED =
      Pattern.compile("refused: ([a-z0-9-]+) .*", Pattern.DOTALL);

  /**
   * The declaration's signature as the customs record keeps it ({@code verified (key K, signed T)}
   * or {@code refused: CODE message}) in the reader's language: the key id and the time (as people
   * there read it), or why it was refused by its code's words with the code; the kept text where it
   * has another form.
   */
  public static String signature(Messages t, String kept) {
    Matcher v = VERIFIED.matcher(kept);
    if (v.matches()) {
      String at;
      try {
        at = t.time(java.time.Instant.parse(v.group(2)));
      } catch (java.time.format.DateTimeParseException e) {
        at = v.group(2);
      }
      return t.get("referrals.signature.verified", v.group(1), at);
    }
    Matcher r = REFUSED.matcher(kept);
    if (r.matches() && !t.get("problem." + r.group(1)).equals("problem." + r.group(1))) {
      return t.get("referrals.signature.refused", t.get("problem." + r.group(1)), r.group(1));
    }
    return kept;
  }

  /**
   * The screening hits as the customs record keeps them ({@code targeting_hits}) in the reader's
   * language: the arrival's {@code TARGETING_HIT} referral worded (each hit's severity in words),
   * or the kept text when it has none (a record kept before hits were worded).
   */
  public static String hits(Messages t, List<Referral> referrals, String kept) {
    for (Referral r : referrals) {
      if (r.reason() == org.sekisho.passenger.egate.domain.decision.Reason.TARGETING_HIT
          && !r.key().isEmpty()) {
        return detail(t, r);
      }
    }
    return kept;
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
