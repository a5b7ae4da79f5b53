package org.sekisho.intel.domain;

import java.util.ArrayList;
import java.util.List;
import org.sekisho.names.domain.KatakanaRomaji;
import org.sekisho.names.domain.NameNormaliser;
import org.sekisho.names.domain.NormalisedName;
import org.sekisho.names.domain.Script;

/**
 * The romaji reading of a person's or company's name written in Japanese, shaped as the match key a
 * Latin spelling of the name gets: 山田太郎 → {@code TARO YAMADA} (the key of YAMADA TARO), 清水商事株式会社 →
 * {@code SHIMIZUSHOJI} (similar to the key of Shimizu Shoji Co., Ltd.), ヤマダ タロウ → {@code TARO
 * YAMADA}. Readings are in passport Hepburn (long vowels not written).
 *
 * <p>A reading makes entities <em>candidates</em> of each other, never one entity: a kanji name can
 * be read several ways (裕子 is Yuko or Hiroko; only the dictionary's first reading is kept here) and
 * two people can share a reading. Names the normaliser does not read as Japanese (Chinese names in
 * Han characters, Latin names) have none. Pure and thread-safe.
 */
public final class NameReading {
  private final NameNormaliser normaliser;

  /**
   * @param normaliser a normaliser with a Japanese dictionary (see names' {@code KuromojiReadings})
   */
  public NameReading(NameNormaliser normaliser) {
    this.normaliser = normaliser;
  }

  /**
   * The reading of {@code name} as the key of an entity of {@code type} ({@code person} or {@code
   * company}); null for other types, for names without kanji or kana, and for names not read as
   * Japanese. Cheap for Latin names: they are not analysed.
   */
  public String of(String type, String name) {
    boolean person = "person".equals(type);
    if ((!person && !"company".equals(type)) || name == null || !hasKanaOrKanji(name)) {
      return null;
    }
    NormalisedName n = normaliser.normalise(name);
    boolean kanaOnly = n.scripts().has(Script.KANA) && !n.scripts().has(Script.HAN);
    if (!n.japanese() && !kanaOnly) {
      return null;
    }
    List<String> parts = new ArrayList<>(n.tokens().size());
    for (String t : n.tokens()) {
      parts.add(KatakanaRomaji.canonical(t));
    }
    String romaji = String.join(" ", parts);
    String key = person ? Normalize.personKey(romaji) : Normalize.companyKey(romaji);
    return key.isBlank() ? null : key;
  }

  /**
   * The reading of an entity's name with its key's qualifier (a person's date of birth, a company's
   * country: {@code |1990-04-01}), shaped as the key of the same party spelt in romaji; null as
   * {@link #of}.
   */
  public String ofEntity(String type, String display, String key) {
    String reading = of(type, display);
    if (reading == null) {
      return null;
    }
    int bar = key == null ? -1 : key.indexOf('|');
    return bar < 0 ? reading : reading + key.substring(bar);
  }

  private static boolean hasKanaOrKanji(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= 0x3040 && c <= 0x30FF)
          || (c >= 0x3400 && c <= 0x9FFF)
          || (c >= 0xF900 && c <= 0xFAFF)
          || (c >= 0xFF66 && c <= 0xFF9F)) {
        return true;
      }
    }
    return false;
  }
}
