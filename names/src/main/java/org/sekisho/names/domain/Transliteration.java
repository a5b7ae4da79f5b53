package org.sekisho.names.domain;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;

/**
 * Turns a name written in any script into lower-case ASCII Latin using ICU4J. Cyrillic uses the
 * BGN/PCGN romanisation (the one found on most Western watchlists: Щербаков → shcherbakov); kana
 * become Hepburn-style romaji; Han characters become pinyin (ICU has no Japanese kanji readings, so
 * a kanji name is best matched against its kana reading, see {@link JapaneseReadings}); Hangul is
 * romanised syllable by syllable (Revised Romanisation); Arabic and Hebrew come out as consonant
 * skeletons because the scripts do not write short vowels.
 *
 * <p>Thread-safe: ICU transliterators are not, so each thread gets its own instances.
 */
public final class Transliteration {

  private static final ThreadLocal<Transliterators> LOCAL =
      ThreadLocal.withInitial(Transliterators::new);

  private Transliteration() {}

  private static final class Transliterators {
    final Transliterator russian =
        Transliterator.getInstance("Russian-Latin/BGN; Any-Latin; Latin-ASCII");
    final Transliterator kana =
        Transliterator.getInstance("Katakana-Hiragana; Hiragana-Latin; Any-Latin; Latin-ASCII");
    final Transliterator any = Transliterator.getInstance("Any-Latin; Latin-ASCII");
  }

  /**
   * Lower-case ASCII form of {@code text}: letters, digits and single spaces only. Never null; an
   * input without letters gives an empty string.
   */
  public static String toAsciiLatin(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
    if (!isLatinOnly(s)) {
      s = transliterate(s);
    }
    return foldLatin(s);
  }

  /** True when every letter is in the Latin script (or the text has no letters). */
  static boolean isLatinOnly(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x250 && Character.isLetter(c)) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        if (script != Character.UnicodeScript.LATIN) {
          return false;
        }
      }
    }
    return true;
  }

  private static String transliterate(String s) {
    Transliterators t = LOCAL.get();
    Scripts scripts = Scripts.of(s);
    if (scripts.has(Script.HANGUL)) {
      s = romaniseHangul(s, t.any);
    }
    if (scripts.has(Script.KANA) || scripts.has(Script.HAN)) {
      s = JapaneseReadings.replaceKnownKanji(s, scripts.has(Script.KANA));
    }
    if (scripts.has(Script.CYRILLIC)) {
      s = t.russian.transliterate(s);
    }
    if (scripts.has(Script.KANA)) {
      s = t.kana.transliterate(s);
    }
    return t.any.transliterate(s);
  }

  // Hangul-Latin inserts hyphens between syllables that would otherwise be ambiguous; names are
  // matched without them, so each syllable is romanised alone and the syllables of a word joined.
  private static String romaniseHangul(String s, Transliterator any) {
    StringBuilder out = new StringBuilder(s.length() * 3);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0xAC00 && c <= 0xD7A3) {
        out.append(any.transliterate(String.valueOf(c)));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Removes diacritics, maps letters that have no decomposition (ø, ß, æ, ł …), lower-cases, turns
   * every other character into a space and collapses spaces. Apostrophes and hyphens inside a word
   * are treated as separators except ASCII apostrophes, which are dropped (O'Brien → obrien).
   */
  static String foldLatin(String s) {
    String d = Normalizer.normalize(s, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(d.length());
    boolean space = true;
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      String mapped = null;
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + 32);
      } else if (c >= 0x80) {
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
          continue;
        }
        mapped = special(c);
        if (mapped == null && Character.isLetter(c)) {
          // a letter ICU could not romanise (rare scripts): keep the name searchable by dropping it
          continue;
        }
        if (mapped == null && Character.isDigit(c)) {
          mapped = String.valueOf(Character.digit(c, 10));
        }
      }
      if (mapped != null) {
        out.append(mapped);
        space = false;
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.append(c);
        space = false;
      } else if (c == '\'' || c == '`' || c == '~') {
        // ASCII apostrophes and the kana length mark never split a name
      } else if (!space) {
        out.append(' ');
        space = true;
      }
    }
    int len = out.length();
    if (len > 0 && out.charAt(len - 1) == ' ') {
      out.setLength(len - 1);
    }
    return out.toString();
  }

  private static String special(char c) {
    return switch (c) {
      case 'ø', 'Ø' -> "o";
      case 'ß' -> "ss";
      case 'æ', 'Æ' -> "ae";
      case 'œ', 'Œ' -> "oe";
      case 'ł', 'Ł' -> "l";
      case 'đ', 'Đ', 'ð', 'Ð' -> "d";
      case 'þ', 'Þ' -> "th";
      case 'ı' -> "i";
      case 'ħ', 'Ħ' -> "h";
      case 'ŋ' -> "ng";
      case 'ʿ', 'ʾ', 'ʼ', 'ʹ', 'ʺ', '’', '‘' -> "";
      default -> null;
    };
  }
}
