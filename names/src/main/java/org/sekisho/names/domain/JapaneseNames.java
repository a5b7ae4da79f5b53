package org.sekisho.names.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a name written in kanji (with or without kana) is Japanese and, if so, gives its
 * readings in passport romaji, one list of parts per plausible reading, the dictionary's first.
 *
 * <p>A Han name is read as Japanese only when the dictionary knows every word and the name looks
 * Japanese: it has kana, or it opens with a surname of two or more characters (山田, 小野寺) or is a
 * place name of two or more characters alone or before a given name (服部, 難波), or it is (or has) an
 * organisation's name (清水商事), or a one-character surname that is not one of the common Chinese ones
 * is followed by a given name of two or more characters (林 大輔). So 王小明, 李明 and 張偉 keep their
 * pinyin, as do foreign names written in Chinese characters (克魯森).
 *
 * <p>The dictionary gives one reading per word; given names are often read several ways (裕子 is Yuko
 * or Hiroko), so a small table adds the other common readings as further candidates. Variant kanji
 * the dictionary does not know (髙, 﨑) are read as their common form first.
 *
 * <p>Stateless; thread-safe when the {@link Readings} are.
 */
public final class JapaneseNames {

  /** At most this many readings per name: each is compared, so they cost matching time. */
  public static final int MAX_READINGS = 4;

  /** Variant (itaiji) forms of name kanji that the dictionary does not know, to the common form. */
  private static final Map<Character, Character> VARIANTS =
      Map.ofEntries(
          Map.entry('髙', '高'),
          Map.entry('﨑', '崎'),
          Map.entry('濵', '濱'),
          Map.entry('邊', '辺'),
          Map.entry('邉', '辺'),
          Map.entry('齊', '斉'),
          Map.entry('德', '徳'),
          Map.entry('槗', '橋'),
          Map.entry('籔', '薮'),
          Map.entry('嶋', '島'),
          Map.entry('冨', '富'),
          Map.entry('﨔', '欅'));

  /**
   * Other common readings of given names beyond the dictionary's one (katakana). Deliberately
   * short: every extra reading is a further way to match, right or wrong.
   */
  private static final Map<String, List<String>> OTHER_READINGS =
      Map.ofEntries(
          Map.entry("裕子", List.of("ユウコ", "ヒロコ")),
          Map.entry("智子", List.of("トモコ", "サトコ")),
          Map.entry("幸子", List.of("サチコ", "ユキコ")),
          Map.entry("純子", List.of("ジュンコ", "スミコ")),
          Map.entry("和子", List.of("カズコ", "ワコ")),
          Map.entry("博", List.of("ヒロシ", "ヒロム")),
          Map.entry("健", List.of("ケン", "タケシ")),
          Map.entry("誠", List.of("マコト", "セイ")),
          Map.entry("浩", List.of("ヒロシ", "ユタカ")),
          Map.entry("明", List.of("アキラ", "アキ")),
          Map.entry("聡", List.of("サトシ", "サトル")),
          Map.entry("翔", List.of("ショウ", "カケル")),
          Map.entry("東海林", List.of("ショウジ", "トウカイリン")),
          Map.entry("大輝", List.of("ダイキ", "ヒロキ")),
          Map.entry("陽子", List.of("ヨウコ", "ハルコ")));

  /** Common Chinese one-character surnames: never read as Japanese on their own evidence. */
  private static final Set<Character> CHINESE_SURNAMES =
      Set.of(
          '王', '李', '張', '张', '劉', '刘', '陳', '陈', '楊', '杨', '黄', '趙', '赵', '周', '呉', '吴', '徐', '孫',
          '孙', '馬', '马', '朱', '胡', '郭', '何', '羅', '罗', '鄭', '郑', '梁', '謝', '谢', '宋', '唐', '許', '许',
          '韓', '韩', '馮', '冯', '鄧', '邓', '曹', '彭', '曾', '蕭', '萧', '蔡', '潘', '袁', '于', '董', '余', '蘇',
          '苏', '葉', '叶', '呂', '吕', '魏', '蒋', '蔣', '姚', '沈', '金', '朴', '崔', '鄒', '邹', '汪', '江', '范',
          '鐘', '钟', '廖', '賈', '贾', '石', '傅', '丁', '程', '任', '盧', '卢', '姜', '欧', '歐', '毛', '習', '习',
          '温', '溫', '熊', '孟', '杜', '薛', '龍', '龙', '黎', '雷', '方', '高', '郝', '邵', '段', '錢', '钱');

  private final Readings readings;

  public JapaneseNames(Readings readings) {
    this.readings = readings;
  }

  /** {@code text} with variant kanji replaced by the form the dictionary knows. */
  public static String commonForms(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      Character v = VARIANTS.get(text.charAt(i));
      if (v != null) {
        if (out == null) {
          out = new StringBuilder(text);
        }
        out.setCharAt(i, v);
      }
    }
    return out == null ? text : out.toString();
  }

  /**
   * The readings of {@code text} as lists of lower-case passport-romaji parts (one part per
   * dictionary word), most likely first; empty when the text has no kanji, is not judged Japanese
   * or has a word the dictionary cannot read. At most {@link #MAX_READINGS}.
   *
   * @param japaneseForSure the caller knows the name is Japanese (it carried 株式会社): only the
   *     dictionary's knowing every word is then required
   */
  public List<List<String>> read(String text, boolean japaneseForSure) {
    Scripts scripts = Scripts.of(text);
    if (!scripts.has(Script.HAN)) {
      return List.of();
    }
    List<Readings.Word> words = readings.words(commonForms(text));
    if (words.isEmpty() || !japanese(words, japaneseForSure || scripts.has(Script.KANA))) {
      return List.of();
    }
    List<List<String>> out = new ArrayList<>();
    out.add(List.of());
    for (Readings.Word w : words) {
      Set<String> options = new LinkedHashSet<>();
      options.add(KatakanaRomaji.romanise(w.reading()));
      for (String other : OTHER_READINGS.getOrDefault(w.surface(), List.of())) {
        options.add(KatakanaRomaji.romanise(other));
      }
      options.remove("");
      if (options.isEmpty()) {
        continue; // a word without letters (a digit)
      }
      List<List<String>> next = new ArrayList<>();
      for (List<String> prefix : out) {
        for (String o : options) {
          if (next.size() < MAX_READINGS) {
            List<String> r = new ArrayList<>(prefix);
            r.add(o);
            next.add(List.copyOf(r));
          }
        }
      }
      out = next;
    }
    return out.get(0).isEmpty() ? List.of() : List.copyOf(out);
  }

  private static boolean japanese(List<Readings.Word> words, boolean kana) {
    boolean organisation = false;
    for (Readings.Word w : words) {
      boolean hasLetter = w.surface().codePoints().anyMatch(Character::isLetter);
      if (hasLetter && w.reading().isEmpty()) {
        return false; // a character the dictionary cannot read: not for us to guess
      }
      organisation |= w.kind() == Readings.Kind.ORGANISATION && w.surface().length() >= 2;
    }
    if (kana || organisation) {
      return true;
    }
    Readings.Word first = words.get(0);
    // many surnames are place names, and the dictionary tags them so when they stand alone (服部,
    // 難波) or before a given name it does not know as one
    boolean placeAsSurname =
        first.kind() == Readings.Kind.PLACE
            && first.surface().length() >= 2
            && !CHINESE_SURNAMES.contains(first.surface().charAt(0))
            && (words.size() == 1
                || (words.size() == 2 && words.get(1).kind() == Readings.Kind.GIVEN_NAME));
    if (placeAsSurname) {
      return true;
    }
    if (first.kind() != Readings.Kind.SURNAME) {
      return false;
    }
    if (first.surface().length() >= 2) {
      return true;
    }
    // 林 大輔 yes, 李 明 and 王 小明 no
    return !CHINESE_SURNAMES.contains(first.surface().charAt(0))
        && words.size() == 2
        && words.get(1).kind() == Readings.Kind.GIVEN_NAME
        && words.get(1).surface().length() >= 2;
  }
}
