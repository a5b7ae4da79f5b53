package org.sekisho.intel.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Japan's customs ports and airports by the names people type, in kanji or romaji, with the
 * UN/LOCODE records store as their office ({@code 東京} and {@code Tokyo} are {@code JPTYO}). Records
 * keep office codes; an analyst often types the place. This table only tells which codes a name
 * means: it never rewrites what a record stores or a search asks.
 */
public final class OfficeNames {
  private OfficeNames() {}

  private static final Map<String, String> LOCODES =
      Map.ofEntries(
          Map.entry("東京", "JPTYO"),
          Map.entry("TOKYO", "JPTYO"),
          Map.entry("横浜", "JPYOK"),
          Map.entry("YOKOHAMA", "JPYOK"),
          Map.entry("名古屋", "JPNGO"),
          Map.entry("NAGOYA", "JPNGO"),
          Map.entry("大阪", "JPOSA"),
          Map.entry("OSAKA", "JPOSA"),
          Map.entry("神戸", "JPUKB"),
          Map.entry("KOBE", "JPUKB"),
          Map.entry("博多", "JPHKT"),
          Map.entry("HAKATA", "JPHKT"),
          Map.entry("福岡", "JPFUK"),
          Map.entry("FUKUOKA", "JPFUK"),
          Map.entry("門司", "JPMOJ"),
          Map.entry("MOJI", "JPMOJ"),
          Map.entry("清水", "JPSMZ"),
          Map.entry("SHIMIZU", "JPSMZ"),
          Map.entry("千葉", "JPCHB"),
          Map.entry("CHIBA", "JPCHB"),
          Map.entry("那覇", "JPNAH"),
          Map.entry("NAHA", "JPNAH"),
          Map.entry("沖縄", "JPNAH"),
          Map.entry("OKINAWA", "JPNAH"),
          Map.entry("成田", "JPNRT"),
          Map.entry("NARITA", "JPNRT"),
          Map.entry("関西", "JPKIX"),
          Map.entry("関空", "JPKIX"),
          Map.entry("KANSAI", "JPKIX"),
          Map.entry("川崎", "JPKWS"),
          Map.entry("KAWASAKI", "JPKWS"),
          Map.entry("羽田", "JPHND"),
          Map.entry("HANEDA", "JPHND"),
          Map.entry("函館", "JPHKD"),
          Map.entry("HAKODATE", "JPHKD"),
          Map.entry("新潟", "JPKIJ"),
          Map.entry("NIIGATA", "JPKIJ"),
          Map.entry("長崎", "JPNGS"),
          Map.entry("NAGASAKI", "JPNGS"));

  /** What follows a place in an office's name: the customs house, its branch, the port. */
  private static final String[] SUFFIXES = {
    "税関支署", "税関", "外郵出張所", "出張所", "支署", "国際空港", "空港", "港", "郵便局", "CUSTOMS", "AIRPORT", "PORT",
    "MAIL"
  };

  /**
   * The UN/LOCODE of the place {@code text} names ({@code 東京税関} → {@code JPTYO}, {@code 成田空港} →
   * {@code JPNRT}, {@code tokyo} → {@code JPTYO}), or empty when it names none this table knows.
   */
  public static Optional<String> locode(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t =
        Normalizer.normalize(text, Normalizer.Form.NFKC)
            .toUpperCase(Locale.ROOT)
            .replaceAll("[\\s\\-_.・]+", "");
    boolean cut = true;
    while (cut && !t.isEmpty()) {
      cut = false;
      for (String s : SUFFIXES) {
        if (t.length() > s.length() && t.endsWith(s)) {
          t = t.substring(0, t.length() - s.length());
          cut = true;
        }
      }
    }
    return Optional.ofNullable(LOCODES.get(t));
  }
}
