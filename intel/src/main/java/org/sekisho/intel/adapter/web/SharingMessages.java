package org.sekisho.intel.adapter.web;

import org.sekisho.core.Problem;
import org.sekisho.intel.application.RecordSharing;
import org.sekisho.platform.i18n.Messages;

/**
 * Why a sharing, a revocation or an agreement was refused, in the reader's language: the refusal's
 * code and field pick the text ({@code sharing.error.<code>.<field>}, else {@code
 * sharing.error.<code>}); the English message the API answers with stands in for a refusal no text
 * is written for.
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
      return text;
    }
    String general = "sharing.error." + p.code();
    text = t.get(general, args);
    return text.equals(general) ? p.message() : text;
  }
}
