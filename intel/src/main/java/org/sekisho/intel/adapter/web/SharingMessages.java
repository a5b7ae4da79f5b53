package org.sekisho.intel.adapter.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.sekisho.core.Problem;
import org.sekisho.intel.application.RecordSharing;
import org.sekisho.platform.i18n.Messages;

/**
 * Why a sharing, a revocation or an agreement was refused, in the reader's language: a refusal
 * worded by {@link RecordSharing} ({@link Problem#key}) is {@code sharing.error.<code>.<key>} with
 * the values it quotes, so that it names the same facts in every language; any other is picked by
 * its code and field ({@code sharing.error.<code>.<field>}, else {@code sharing.error.<code>}); the
 * English message the API answers with stands in for a refusal no text is written for.
 */
public final class SharingMessages {
  private SharingMessages() {}

  /**
   * A purpose or reason as stored, in the reader's language where the system wrote it (a lapse by
   * {@link RecordSharing#LAPSED_BY}, the purpose {@link RecordSharing#INGEST_PURPOSE} of a sharing
   * made at ingest, whoever ingested); a person's text as typed.
   *
   * @param by who wrote it: the sharer for a purpose, the revoker for a reason
   */
  public static String stated(Messages t, String by, String text) {
    if (RecordSharing.LAPSED_BY.equals(by) && RecordSharing.LAPSED_REASON.equals(text)) {
      return t.get("sharing.reason.lapsed");
    }
    // the store writes this purpose for every sharing made at ingest, whose sharer is the user
    // who ingested (or INGEST_BY, for a sharing older than the sharings' table)
    if (RecordSharing.INGEST_PURPOSE.equals(text)) {
      return t.get("sharing.reason.ingested");
    }
    return text == null ? "" : text;
  }

  /**
   * @param partner the partner agency named in the form, e.g. police-jp ({0} in the texts)
   * @param kindCode the record's kind, e.g. seizure (its plural in words is {1}), or empty
   */
  public static String why(Messages t, Problem p, String partner, String kindCode) {
    if (!p.key().isEmpty()) {
      String worded = "sharing.error." + p.code() + "." + p.key();
      String text = t.get(worded, quoted(t, p));
      if (!text.equals(worded)) {
        return text;
      }
    }
    String field = p.field() == null ? "" : p.field().replaceAll("\\[\\d+]$", "");
    Object[] args = {
      partner == null ? "" : partner,
      kindCode == null || kindCode.isEmpty() ? "" : t.get("sharing.kind." + kindCode),
      RecordSharing.MIN_TEXT,
      RecordSharing.MAX_TEXT
    };
    String specific = "sharing.error." + p.code() + "." + field;
    String text = t.get(specific, args);
    if (!text.equals(specific)) {
      // a day refused by its rule: the field's text says the form expected, the value typed is
      // quoted after it, so that two bad days on one form are told apart
      return DAYS.contains(p.key()) && !p.args().isEmpty()
          ? text + t.get("sharing.error.typed", p.args().get(0))
          : text;
    }
    String general = "sharing.error." + p.code();
    text = t.get(general, args);
    return text.equals(general) ? p.message() : text;
  }

  // the rules' wordings of a day refused, whose first value is the day as typed
  private static final java.util.Set<String> DAYS =
      java.util.Set.of("not-a-date", "day-out-of-range", "before-first");

  // an instant as the rules quote it (Instant.toString), to be shown in the reader's zone
  private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");

  /**
   * The values a worded refusal quotes, in order: an instant in the reader's zone and form (e.g.
   * 2026-11-27 12:00 JST) rather than as stored, the others as they are.
   */
  private static Object[] quoted(Messages t, Problem p) {
    Object[] args = new Object[p.args().size()];
    for (int i = 0; i < args.length; i++) {
      String v = p.args().get(i);
      args[i] = v;
      if (INSTANT.matcher(v).matches()) {
        try {
          args[i] = t.time(Instant.parse(v));
        } catch (DateTimeParseException e) {
          // not an instant after all: quoted as it is
        }
      }
    }
    return args;
  }
}
