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
 * detail}) into its referrals, so that a page can name each reason in the reader's language.
 */
public final class GateReferrals {
  // A detail may itself hold "; " (several hits): a new referral starts only at a reason's name.
  private static final Pattern START =
      Pattern.compile(
          "(?:^|; )("
              + Arrays.stream(Reason.values()).map(Reason::name).collect(Collectors.joining("|"))
              + "): ");

  private GateReferrals() {}

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
