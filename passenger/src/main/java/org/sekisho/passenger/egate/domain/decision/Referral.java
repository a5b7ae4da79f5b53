package org.sekisho.passenger.egate.domain.decision;

import java.util.List;

/**
 * One reason for secondary inspection with the detail an officer needs.
 *
 * @param reason why
 * @param detail the detail in English, as the customs record and the audit keep it
 * @param key the message key that words the detail in the reader's language (blank: {@code detail}
 *     is shown as it is, such as a screening hit's own text)
 * @param args the message's arguments: values as they are, or (starting with {@code @}) message
 *     keys to word in the reader's language, several separated by {@code |}, each with at most one
 *     argument after a {@code :} in which a {@code |} or a backslash is escaped with a backslash
 *     (an argument that itself starts with {@code @} is written {@code @@...})
 */
public record Referral(Reason reason, String detail, String key, List<String> args) {
  public Referral {
    detail = detail == null ? "" : detail;
    key = key == null ? "" : key;
    args = List.copyOf(args);
  }

  /** A referral whose detail is shown as it is in every language. */
  public Referral(Reason reason, String detail) {
    this(reason, detail, "", List.of());
  }

  /** A value as an argument: as it is, unless it would read as message keys. */
  public static String value(String v) {
    return v != null && v.startsWith("@") ? "@" + v : v == null ? "" : v;
  }
}
