package org.sekisho.intel.domain;

import java.text.Normalizer;
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
 * Han characters, Latin names) have none.
 *
 * <p>The digits and Latin letters of a name are kept, half-width and where the name has them (the
 * dictionary reads only the kana and kanji around them): サクラ物産 571 → {@code SAKURA BUSSAN 571},
 * 第2サクラ物産 → {@code DAI 2 SAKURA BUSSAN}, サクラ物産 ABC → {@code SAKURA BUSSAN ABC}, so numbered
 * companies of one name do not share one reading. Pure and thread-safe.
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
    String text = Normalizer.normalize(name, Normalizer.Form.NFKC);
    List<Segment> segments = segments(text);
    String romaji;
    if (segments.size() == 1) {
      List<String> tokens = tokens(text);
      if (tokens == null) {
        return null;
      }
      romaji = String.join(" ", tokens);
    } else {
      romaji = withKeptParts(segments);
      if (romaji == null) {
        return null;
      }
    }
    String key = person ? Normalize.personKey(romaji) : Normalize.companyKey(romaji);
    return key.isBlank() ? null : key;
  }

  /**
   * The canonical romaji tokens of Japanese {@code text}; null when the normaliser does not read it
   * as Japanese (and it is not in kana alone).
   */
  private List<String> tokens(String text) {
    NormalisedName n = normaliser.normalise(text);
    boolean kanaOnly = n.scripts().has(Script.KANA) && !n.scripts().has(Script.HAN);
    if (!n.japanese() && !kanaOnly) {
      return null;
    }
    List<String> parts = new ArrayList<>(n.tokens().size());
    for (String t : n.tokens()) {
      parts.add(KatakanaRomaji.canonical(t));
    }
    return parts;
  }

  /**
   * The reading of a name whose Japanese is broken by kept parts (digits, Latin letters): the
   * Japanese read as one name (the kept parts as spaces, so the dictionary judges the whole), each
   * kept part put back between the tokens of the Japanese before and after it. Where the Japanese
   * runs are more than one, where one ends among the tokens is told by reading the name up to it
   * (三井物産 of 三井物産 2号) or from the next (サクラ物産 of 第2サクラ物産), since a run alone (号, 第) is not judged
   * Japanese; null when neither adds up, rather than a guess.
   */
  private String withKeptParts(List<Segment> segments) {
    List<Integer> runs = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      if (!segments.get(i).kept() && hasKanaOrKanji(segments.get(i).text())) {
        runs.add(i);
      }
    }
    List<String> whole = tokens(japanese(segments, 0, segments.size()));
    if (whole == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    int taken = 0;
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      if (s.kept()) {
        out.add(s.text());
      } else if (runs.contains(i)) {
        boolean last = i == runs.get(runs.size() - 1);
        int end = last ? whole.size() : end(segments, i + 1, whole);
        if (end < taken) {
          return null;
        }
        out.addAll(whole.subList(taken, end));
        taken = end;
      }
    }
    return String.join(" ", out);
  }

  /**
   * How many of the {@code whole} name's tokens the Japanese before segment {@code cut} gives: read
   * up to there, or else from there on; -1 when neither is a part of the whole.
   */
  private int end(List<Segment> segments, int cut, List<String> whole) {
    List<String> before = tokens(japanese(segments, 0, cut));
    if (before != null
        && before.size() <= whole.size()
        && whole.subList(0, before.size()).equals(before)) {
      return before.size();
    }
    List<String> after = tokens(japanese(segments, cut, segments.size()));
    if (after != null
        && after.size() <= whole.size()
        && whole.subList(whole.size() - after.size(), whole.size()).equals(after)) {
      return whole.size() - after.size();
    }
    return -1;
  }

  /** The Japanese of segments {@code from} to {@code to}, each kept part as a space. */
  private static String japanese(List<Segment> segments, int from, int to) {
    StringBuilder b = new StringBuilder();
    for (Segment s : segments.subList(from, to)) {
      b.append(s.kept() ? " " : s.text());
    }
    return b.toString();
  }

  /** A run of the name: digits and Latin letters that are kept as they are, or the rest. */
  private record Segment(String text, boolean kept) {}

  /** {@code text} cut into runs of kept characters and runs of the rest, in order. */
  private static List<Segment> segments(String text) {
    List<Segment> out = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= text.length(); i++) {
      if (i == text.length() || kept(text.charAt(i)) != kept(text.charAt(start))) {
        out.add(new Segment(text.substring(start, i), kept(text.charAt(start))));
        start = i;
      }
    }
    return out;
  }

  /**
   * A character of the name the dictionary would drop but that tells names apart: an ASCII digit or
   * a Latin letter (after NFKC, so full-width ones are half-width).
   */
  private static boolean kept(char c) {
    return (c >= '0' && c <= '9')
        || (Character.isLetter(c)
            && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
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
