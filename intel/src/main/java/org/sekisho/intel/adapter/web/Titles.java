package org.sekisho.intel.adapter.web;

import java.util.List;
import java.util.Map;
import org.sekisho.platform.i18n.Messages;

/**
 * A record's title in the reader's language: titles are built once, in English, when a record is
 * stored (search results show them); the word that says what the record is ("Import declaration",
 * "Postal item", "Seizure", "Arrival") is translated when a page shows it, the rest (ids, names,
 * places, goods as declared) is shown as written.
 */
public final class Titles {
  private Titles() {}

  /** English title prefix → message key, longest first. */
  private static final List<Map.Entry<String, String>> PREFIXES =
      List.of(
          Map.entry("Import declaration ", "title.import-declaration"),
          Map.entry("Export declaration ", "title.export-declaration"),
          Map.entry("Postal item ", "title.postal-item"),
          Map.entry("Seizure ", "title.seizure"),
          Map.entry("Departure ", "title.departure"),
          Map.entry("Arrival ", "title.arrival"));

  public static String local(String title, Messages t) {
    if (title == null) {
      return "";
    }
    for (Map.Entry<String, String> p : PREFIXES) {
      if (title.startsWith(p.getKey())) {
        return t.get(p.getValue()) + " " + title.substring(p.getKey().length());
      }
    }
    return title;
  }
}
