package org.sekisho.names.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Readings of common Japanese family and given names written in kanji. ICU4J only knows Mandarin
 * readings of Han characters (山田 → shan tian), so without this table a kanji name could never meet
 * its romaji form (Yamada). The table is deliberately small (the most frequent two-character
 * names); anything else falls back to pinyin, and a watchlist should carry the kana reading as an
 * alias — the normaliser also honours a reading given in brackets: {@code 山田太郎（やまだ たろう）}.
 *
 * <p>Only two-or-more-character spellings are listed, so single Chinese surnames (王, 李, 張) are
 * never read as Japanese.
 */
final class JapaneseReadings {

  private static final Map<String, String> READINGS =
      Map.ofEntries(
          Map.entry("佐藤", "sato"),
          Map.entry("鈴木", "suzuki"),
          Map.entry("高橋", "takahashi"),
          Map.entry("田中", "tanaka"),
          Map.entry("伊藤", "ito"),
          Map.entry("渡辺", "watanabe"),
          Map.entry("渡邊", "watanabe"),
          Map.entry("山本", "yamamoto"),
          Map.entry("中村", "nakamura"),
          Map.entry("小林", "kobayashi"),
          Map.entry("加藤", "kato"),
          Map.entry("吉田", "yoshida"),
          Map.entry("山田", "yamada"),
          Map.entry("佐々木", "sasaki"),
          Map.entry("山口", "yamaguchi"),
          Map.entry("松本", "matsumoto"),
          Map.entry("井上", "inoue"),
          Map.entry("木村", "kimura"),
          Map.entry("林田", "hayashida"),
          Map.entry("清水", "shimizu"),
          Map.entry("山崎", "yamazaki"),
          Map.entry("森田", "morita"),
          Map.entry("池田", "ikeda"),
          Map.entry("橋本", "hashimoto"),
          Map.entry("阿部", "abe"),
          Map.entry("石川", "ishikawa"),
          Map.entry("山下", "yamashita"),
          Map.entry("中島", "nakajima"),
          Map.entry("石井", "ishii"),
          Map.entry("小川", "ogawa"),
          Map.entry("前田", "maeda"),
          Map.entry("岡田", "okada"),
          Map.entry("長谷川", "hasegawa"),
          Map.entry("藤田", "fujita"),
          Map.entry("後藤", "goto"),
          Map.entry("近藤", "kondo"),
          Map.entry("村上", "murakami"),
          Map.entry("遠藤", "endo"),
          Map.entry("青木", "aoki"),
          Map.entry("坂本", "sakamoto"),
          Map.entry("太郎", "taro"),
          Map.entry("一郎", "ichiro"),
          Map.entry("次郎", "jiro"),
          Map.entry("花子", "hanako"),
          Map.entry("健太", "kenta"),
          Map.entry("翔太", "shota"),
          Map.entry("大輔", "daisuke"),
          Map.entry("直樹", "naoki"),
          Map.entry("由美", "yumi"),
          Map.entry("恵子", "keiko"),
          Map.entry("洋子", "yoko"),
          Map.entry("明美", "akemi"),
          Map.entry("誠", "makoto"),
          Map.entry("豊田", "toyota"),
          Map.entry("日本", "nihon"),
          Map.entry("東京", "tokyo"),
          Map.entry("大阪", "osaka"));

  private static final List<String> LONGEST_FIRST;

  static {
    List<String> keys = new ArrayList<>(READINGS.keySet());
    keys.removeIf(k -> k.length() < 2);
    keys.sort(Comparator.comparingInt(String::length).reversed());
    LONGEST_FIRST = List.copyOf(keys);
  }

  private JapaneseReadings() {}

  /**
   * Replaces known kanji names by their reading followed by a space. Single-character entries are
   * used only when the text also contains kana (then it is certainly Japanese).
   */
  static String replaceKnownKanji(String text, boolean japaneseForSure) {
    String s = text;
    for (String k : LONGEST_FIRST) {
      if (s.contains(k)) {
        s = s.replace(k, " " + READINGS.get(k) + " ");
      }
    }
    if (japaneseForSure) {
      for (Map.Entry<String, String> e : READINGS.entrySet()) {
        if (e.getKey().length() == 1 && s.contains(e.getKey())) {
          s = s.replace(e.getKey(), " " + e.getValue() + " ");
        }
      }
    }
    return s;
  }
}
