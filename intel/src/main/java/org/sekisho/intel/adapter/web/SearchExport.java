package org.sekisho.intel.adapter.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.sekisho.intel.application.IntelViews.Hit;
import org.sekisho.names.adapter.file.CsvReader;

/**
 * A search's records as CSV (RFC 4180), for an analyst's spreadsheet or a case file: one row per
 * record, in the search's order, with a link back to the record's page.
 *
 * <p>Every value comes from ingested messages, which anyone upstream may write: a cell a
 * spreadsheet would take for a formula ({@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return first) is written with a leading apostrophe, so opening the file runs nothing.
 */
final class SearchExport {
  /** The most records one export holds; the answer says when the search found more. */
  static final int MAX_ROWS = 10_000;

  /**
   * The column names, stable whatever the reader's language (scripts read them). {@code
   * exact_match} is {@code yes} where the search page tags the record "exact match": the search's
   * text as a whole is the record's source id or the whole key of a party or number it names (a
   * company's name with or without its legal form, a person's name, a phone or container number…);
   * a record the text matches only in part (a name beside a phone number) is {@code no}.
   */
  static final List<String> COLUMNS =
      List.of(
          "record_id",
          "kind",
          "source_id",
          "event_time",
          "office",
          "countries",
          "title",
          "exact_match",
          "url");

  private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private SearchExport() {}

  /**
   * The file: a UTF-8 byte-order mark (so that a spreadsheet reads Japanese as Japanese), the
   * header, then one CRLF-ended row per hit.
   *
   * @param zone the administration's zone: event times are written with its offset
   * @param base the server's address as the reader's browser called it ({@link #linkBase}), or
   *     empty for links that are paths
   */
  static String csv(List<Hit> hits, ZoneId zone, String base) {
    StringBuilder out = new StringBuilder(64 + hits.size() * 160);
    out.append('\uFEFF');
    row(out, COLUMNS);
    for (Hit h : hits) {
      row(
          out,
          List.of(
              Long.toString(h.id()),
              h.kind(),
              h.sourceId(),
              h.eventTime() == null ? "" : TIME.format(h.eventTime().atZone(zone)),
              h.office() == null ? "" : h.office(),
              String.join(" ", h.countries()),
              h.title(),
              h.exact() ? "yes" : "no",
              base + "/records/" + h.id()));
    }
    return out.toString();
  }

  /**
   * The address the record links start with: the scheme and host of the page the reader followed
   * the export link from (the search page, as the browser called it, e.g. {@code
   * https://sekisho.example}) when that page is on the host the request names, else empty, so that
   * each link is a path ({@code /records/7}). The request's own scheme is never used: behind a
   * proxy that ends TLS it is {@code http}, and the links would leave the analyst's browser
   * unencrypted or fail. Another site's page names no address of this server's.
   *
   * @param referer the request's {@code Referer}, or null
   * @param host the request's {@code Host}, or null
   */
  static String linkBase(String referer, String host) {
    if (referer == null || host == null || host.isBlank()) {
      return "";
    }
    try {
      java.net.URI page = new java.net.URI(referer.strip());
      String scheme = page.getScheme();
      boolean web = "https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme);
      if (!web || page.getRawAuthority() == null || page.getRawUserInfo() != null) {
        return "";
      }
      return page.getRawAuthority().equalsIgnoreCase(host.strip())
          ? scheme.toLowerCase(java.util.Locale.ROOT) + "://" + page.getRawAuthority()
          : "";
    } catch (java.net.URISyntaxException e) {
      return "";
    }
  }

  private static void row(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      cell(out, cells.get(i));
    }
    out.append("\r\n");
  }

  /** One cell, defused, then quoted as the project's CSV files are ({@link CsvReader#quote}). */
  static void cell(StringBuilder out, String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    out.append(CsvReader.quote(v));
  }
}
