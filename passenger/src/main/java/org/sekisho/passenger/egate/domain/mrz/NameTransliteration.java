package org.sekisho.passenger.egate.domain.mrz;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a name written in Latin (with diacritics), Cyrillic or Arabic script into the MRZ alphabet
 * following the recommended transliterations of ICAO Doc 9303 part 3, section 6. Characters with no
 * transliteration are dropped; apostrophes and other punctuation are omitted; spaces and hyphens
 * become the filler '<'.
 *
 * <p>Cyrillic has national variants: the part 3 table is the default; Ukrainian writes Г as H and И
 * as Y; Serbian uses the national Latin alphabet (Ц as C, Ђ as DJ).
 */
public final class NameTransliteration {

  /** Which national variant of a script's table to use. */
  public enum Variant {
    ICAO,
    UKRAINIAN,
    SERBIAN
  }

  private static final Map<Character, String> LATIN = new HashMap<>();
  private static final Map<Character, String> CYRILLIC = new HashMap<>();
  private static final Map<Character, String> UKRAINIAN = new HashMap<>();
  private static final Map<Character, String> SERBIAN = new HashMap<>();
  private static final Map<Character, String> ARABIC = new HashMap<>();

  static {
    put(LATIN, "ÄAE ÅAA ÆAE ÖOE ØOE ÜUE ßSS ÞTH ŒOE ĲIJ ÐD ĐD ŁL ĦH ıI ĸK ŊN ŦT");
    put(
        CYRILLIC,
        "АA БB ВV ГG ҐG ЃG ДD ЂD ЕE ЁE ЄIE ЖZH ЗZ ЅDZ ИI ІI ЇI ЙI ЈJ КK ЌK ЛL ЉLJ МM НN ЊNJ ОO ПP"
            + " РR СS ТT ЋC УU ЎU ФF ХKH ЦTS ЧCH ЏDZ ШSH ЩSHCH ЪIE ЫY Ь ЭE ЮIU ЯIA");
    UKRAINIAN.putAll(CYRILLIC);
    put(UKRAINIAN, "ГH ИY");
    SERBIAN.putAll(CYRILLIC);
    put(SERBIAN, "ЂDJ ЖZ ЋC ХH ЦC ЧC ЏDZ ШS");
    put(
        ARABIC,
        "ءXE آXAA أXAE ؤU إI ئXI اA بB ةXTA تT ثXTH جJ حXH خXKH دD ذXDH رR زZ سS شXSH صXSS"
            + " ضXDZ طXTT ظXZZ عE غG فF قQ كK لL مM نN هH وW ىXAY يY پP چXCH ژXZH گXG کK یY");
  }

  private NameTransliteration() {}

  private static void put(Map<Character, String> table, String pairs) {
    for (String p : pairs.split(" ")) {
      table.put(p.charAt(0), p.substring(1));
    }
  }

  /** The name in MRZ characters; never null, possibly empty. */
  public static String toMrz(String name, Variant variant) {
    if (name == null) {
      return "";
    }
    Map<Character, String> cyrillic =
        switch (variant) {
          case ICAO -> CYRILLIC;
          case UKRAINIAN -> UKRAINIAN;
          case SERBIAN -> SERBIAN;
        };
    String upper = name.toUpperCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(upper.length());
    for (int i = 0; i < upper.length(); i++) {
      char c = upper.charAt(i);
      if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '<') {
        out.append(c);
      } else if (c == ' ' || c == '-' || c == '\u2010') {
        out.append('<');
      } else if (LATIN.containsKey(c)) {
        out.append(LATIN.get(c));
      } else if (cyrillic.containsKey(c)) {
        out.append(cyrillic.get(c));
      } else if (ARABIC.containsKey(c)) {
        out.append(ARABIC.get(c));
      } else {
        // Other Latin letters with diacritics: drop the marks (É -> E, Ŝ -> S); what is left
        // outside A-Z (apostrophes, vowel signs, punctuation) is omitted.
        String base =
            Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        for (char b : base.toCharArray()) {
          if (b >= 'A' && b <= 'Z') {
            out.append(b);
          }
        }
      }
    }
    return out.toString();
  }
}
