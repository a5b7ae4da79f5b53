package org.sekisho.passenger.egate.domain.referral;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.sekisho.passenger.egate.domain.decision.Reason;
import org.sekisho.passenger.egate.domain.decision.Referral;

/**
 * Reads back the {@code gate_referrals} field of a customs record ({@code REASON: detail; REASON:
 * detail}) into its referrals, so that a page can name each reason in the reader's language; and
 * writes and reads {@code gate_referral_details}, each referral's message key and arguments (one
 * referral a line: reason, key and arguments separated by tabs, with {@code \t}, {@code \n} and
 * {@code \\} escaped), so that the page words each detail in the reader's language too.
 */
public final class GateReferrals {
  // A detail may itself hold "; " (several hits): a new referral starts only at a reason's name.
  private static final Pattern START =
      Pattern.compile(
          "(?:^|; )("
              + Arrays.stream(Reason.values()).map(Reason::name).collect(Collectors.joining("|"))
              + "): ");

  private GateReferrals() {}

  /** The referrals' keys and arguments as {@code gate_referral_details} keeps them. */
  public static String encodeDetails(List<Referral> referrals) {
    StringBuilder b = new StringBuilder();
    for (Referral r : referrals) {
      if (!b.isEmpty()) {
        b.append('\n');
      }
      b.append(r.reason().name()).append('\t').append(escape(r.key()));
      for (String a : r.args()) {
        b.append('\t').append(escape(a));
      }
    }
    return b.toString();
  }

  /**
   * The referrals of {@code field} with the keys and arguments {@code details} holds for them (in
   * the same order, for the same reasons); those without (records kept before details were) have
   * their English detail only.
   */
  public static List<Referral> parse(String field, String details) {
    List<Referral> plain = parse(field);
    if (details == null || details.isEmpty()) {
      return plain;
    }
    String[] lines = details.split("\n", -1);
    List<Referral> out = new ArrayList<>();
    for (int i = 0; i < plain.size(); i++) {
      Referral r = plain.get(i);
      if (i < lines.length) {
        List<String> parts = split(lines[i]);
        if (parts.size() >= 2 && parts.get(0).equals(r.reason().name())) {
          out.add(
              new Referral(r.reason(), r.detail(), parts.get(1), parts.subList(2, parts.size())));
          continue;
        }
      }
      out.add(r);
    }
    return out;
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
  }

  private static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\t') {
        out.add(cur.toString());
        cur.setLength(0);
      } else if (c == '\\' && i + 1 < line.length()) {
        char n = line.charAt(++i);
        cur.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  /** The referrals in the order written; text before the first reason's name is dropped. */
  public static List<Referral> parse(String field) {
    List<Referral> out = new ArrayList<>();
    if (field == null || field.isEmpty()) {
      return out;
    }
    Matcher m = START.matcher(field);
    Reason reason = null;
    int from = 0;
    while (m.find()) {
      if (reason != null) {
        out.add(new Referral(reason, field.substring(from, m.start())));
      }
      reason = Reason.valueOf(m.group(1));
      from = m.end();
    }
    if (reason != null) {
      out.add(new Referral(reason, field.substring(from)));
    }
    return out;
  }
}
