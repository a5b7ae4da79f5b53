package org.sekisho.names.domain;

import java.util.HashMap;
import java.util.Map;

/**
 * Katakana readings in the romanisation Japanese passports use (Hepburn as the Ministry of Foreign
 * Affairs prescribes it): し shi, ち chi, つ tsu, ふ fu, じ ji; ん before b, m, p is m (HOMMA, NAMBA); っ
 * doubles the next consonant (っち tchi); long vowels are not written (サトウ SATO, オオノ ONO, ユウコ YUKO, ー
 * dropped), except where the vowel after them shows two syllables (イノウエ INOUE).
 *
 * <p>{@link #canonical(String)} brings the spellings passports and other sources use for the same
 * reading (Satoh, Satou, Satō, Ohno, Kunrei si/tu/hu) to that form, so both sides can be compared.
 * Stateless and thread-safe.
 */
public final class KatakanaRomaji {

  private static final Map<String, String> KANA = new HashMap<>();

  static {
    String[][] rows = {
      {"ア", "a"},
      {"イ", "i"},
      {"ウ", "u"},
      {"エ", "e"},
      {"オ", "o"},
      {"カ", "ka"},
      {"キ", "ki"},
      {"ク", "ku"},
      {"ケ", "ke"},
      {"コ", "ko"},
      {"ガ", "ga"},
      {"ギ", "gi"},
      {"グ", "gu"},
      {"ゲ", "ge"},
      {"ゴ", "go"},
      {"サ", "sa"},
      {"シ", "shi"},
      {"ス", "su"},
      {"セ", "se"},
      {"ソ", "so"},
      {"ザ", "za"},
      {"ジ", "ji"},
      {"ズ", "zu"},
      {"ゼ", "ze"},
      {"ゾ", "zo"},
      {"タ", "ta"},
      {"チ", "chi"},
      {"ツ", "tsu"},
      {"テ", "te"},
      {"ト", "to"},
      {"ダ", "da"},
      {"ヂ", "ji"},
      {"ヅ", "zu"},
      {"デ", "de"},
      {"ド", "do"},
      {"ナ", "na"},
      {"ニ", "ni"},
      {"ヌ", "nu"},
      {"ネ", "ne"},
      {"ノ", "no"},
      {"ハ", "ha"},
      {"ヒ", "hi"},
      {"フ", "fu"},
      {"ヘ", "he"},
      {"ホ", "ho"},
      {"バ", "ba"},
      {"ビ", "bi"},
      {"ブ", "bu"},
      {"ベ", "be"},
      {"ボ", "bo"},
      {"パ", "pa"},
      {"ピ", "pi"},
      {"プ", "pu"},
      {"ペ", "pe"},
      {"ポ", "po"},
      {"マ", "ma"},
      {"ミ", "mi"},
      {"ム", "mu"},
      {"メ", "me"},
      {"モ", "mo"},
      {"ヤ", "ya"},
      {"ユ", "yu"},
      {"ヨ", "yo"},
      {"ラ", "ra"},
      {"リ", "ri"},
      {"ル", "ru"},
      {"レ", "re"},
      {"ロ", "ro"},
      {"ワ", "wa"},
      {"ヰ", "i"},
      {"ヱ", "e"},
      {"ヲ", "o"},
      {"ヴ", "bu"},
      {"ァ", "a"},
      {"ィ", "i"},
      {"ゥ", "u"},
      {"ェ", "e"},
      {"ォ", "o"},
      {"ャ", "ya"},
      {"ュ", "yu"},
      {"ョ", "yo"},
      {"ヮ", "wa"},
      {"ヵ", "ka"},
      {"ヶ", "ke"},
      {"キャ", "kya"},
      {"キュ", "kyu"},
      {"キョ", "kyo"},
      {"ギャ", "gya"},
      {"ギュ", "gyu"},
      {"ギョ", "gyo"},
      {"シャ", "sha"},
      {"シュ", "shu"},
      {"ショ", "sho"},
      {"シェ", "she"},
      {"ジャ", "ja"},
      {"ジュ", "ju"},
      {"ジョ", "jo"},
      {"ジェ", "je"},
      {"チャ", "cha"},
      {"チュ", "chu"},
      {"チョ", "cho"},
      {"チェ", "che"},
      {"ヂャ", "ja"},
      {"ヂュ", "ju"},
      {"ヂョ", "jo"},
      {"ニャ", "nya"},
      {"ニュ", "nyu"},
      {"ニョ", "nyo"},
      {"ヒャ", "hya"},
      {"ヒュ", "hyu"},
      {"ヒョ", "hyo"},
      {"ビャ", "bya"},
      {"ビュ", "byu"},
      {"ビョ", "byo"},
      {"ピャ", "pya"},
      {"ピュ", "pyu"},
      {"ピョ", "pyo"},
      {"ミャ", "mya"},
      {"ミュ", "myu"},
      {"ミョ", "myo"},
      {"リャ", "rya"},
      {"リュ", "ryu"},
      {"リョ", "ryo"},
      {"ファ", "fa"},
      {"フィ", "fi"},
      {"フェ", "fe"},
      {"フォ", "fo"},
      {"ティ", "ti"},
      {"ディ", "di"},
      {"トゥ", "tu"},
      {"ドゥ", "du"},
      {"ウィ", "wi"},
      {"ウェ", "we"},
      {"ウォ", "wo"},
      {"ヴァ", "ba"},
      {"ヴィ", "bi"},
      {"ヴェ", "be"},
      {"ヴォ", "bo"}
    };
    for (String[] r : rows) {
      KANA.put(r[0], r[1]);
    }
  }

  private KatakanaRomaji() {}

  /**
   * Passport romaji of one word's katakana reading (hiragana is read as katakana), lower case;
   * characters that are not kana are dropped. Long vowels are judged within the word only.
   */
  public static String romanise(String kana) {
    StringBuilder out = new StringBuilder(kana.length() * 2);
    boolean geminate = false;
    int i = 0;
    while (i < kana.length()) {
      char c = toKatakana(kana.charAt(i));
      if (c == 'ッ') {
        geminate = true;
        i++;
        continue;
      }
      if (c == 'ー') {
        i++;
        continue;
      }
      if (c == 'ン') {
        out.append('n');
        i++;
        continue;
      }
      String syllable = null;
      if (i + 1 < kana.length()) {
        syllable = KANA.get(new String(new char[] {c, toKatakana(kana.charAt(i + 1))}));
        if (syllable != null) {
          i += 2;
        }
      }
      if (syllable == null) {
        syllable = KANA.get(String.valueOf(c));
        i++;
      }
      if (syllable == null) {
        continue;
      }
      if (geminate) {
        out.append(syllable.startsWith("ch") ? 't' : syllable.charAt(0));
        geminate = false;
      }
      out.append(syllable);
    }
    return passportVowelsAndN(out.toString());
  }

  /**
   * The passport form of a romaji word from any source: Satoh, Satou, Satoo → sato; Ohno → ono;
   * Kunrei-shiki si, ti, tu, hu, zi, sya → shi, chi, tsu, fu, ji, sha; n before b, m, p → m.
   * Lower-case ASCII in and out; idempotent.
   */
  public static String canonical(String romaji) {
    StringBuilder s = new StringBuilder(romaji.length() + 4);
    int n = romaji.length();
    for (int i = 0; i < n; i++) {
      char c = romaji.charAt(i);
      char next = i + 1 < n ? romaji.charAt(i + 1) : 0;
      char prev = i > 0 ? romaji.charAt(i - 1) : 0;
      if (c == 'h' && prev == 'o' && !isVowel(next) && next != 'y') {
        continue; // Satoh, Ohno: the h marks a long o
      }
      if (next == 'i' && c == 's' && prev != 't') {
        s.append("sh");
      } else if (next == 'i' && c == 't') {
        s.append("ch");
      } else if (next == 'u' && c == 't') {
        s.append("ts");
      } else if (next == 'u' && c == 'h' && prev != 's' && prev != 'c') {
        s.append('f');
      } else if ((next == 'i' || next == 'y') && (c == 'z' || c == 'd')) {
        s.append('j');
        if (next == 'y') {
          i++; // zya, dya → ja
        }
      } else if (next == 'y' && c == 's' && i + 2 < n && isVowel(romaji.charAt(i + 2))) {
        s.append("sh");
        i++;
      } else if (next == 'y' && c == 't' && i + 2 < n && isVowel(romaji.charAt(i + 2))) {
        s.append("ch");
        i++;
      } else if (next == 'y' && c == 'j') {
        s.append('j');
        i++;
      } else {
        s.append(c);
      }
    }
    // a doubled consonant doubles the passport letter: ddi, zzi → jji; hhu → ffu
    String doubled = s.toString().replace("dj", "jj").replace("zj", "jj").replace("hf", "ff");
    return passportVowelsAndN(doubled);
  }

  /**
   * True when {@code word} (lower-case ASCII) splits into Japanese syllables as any common
   * romanisation writes them: Hepburn, Kunrei-shiki or Nihon-shiki (si, tu, zya …), doubled
   * consonants and tch, n or (before b, m, p) m ending a syllable, and long vowels written out or
   * as an h after o (SATOH). Tsuchiya, Tutiya, Homma and Satoh are; Smith, Louis, Kim and Mohammed
   * are not. A test of shape only: Simon and Tina pass too.
   */
  public static boolean isRomaji(String word) {
    int n = word.length();
    if (n == 0) {
      return false;
    }
    int i = 0;
    while (i < n) {
      char c = word.charAt(i);
      char next = i + 1 < n ? word.charAt(i + 1) : 0;
      if (isVowel(c)) {
        i++;
        continue;
      }
      if (c == 'n' && !isVowel(next) && next != 'y') {
        i++; // the syllable n, before a consonant or at the end (ken, shinji, junko)
        continue;
      }
      if (c == 'm' && (next == 'b' || next == 'm' || next == 'p')) {
        i++; // n written m (homma, namba)
        continue;
      }
      if (c == 'h' && i > 0 && word.charAt(i - 1) == 'o' && !isVowel(next) && next != 'y') {
        i++; // a long o (satoh, ohno)
        continue;
      }
      char prev = i > 0 ? word.charAt(i - 1) : 0;
      boolean doubled = (next == c && "kstpgzdbjf".indexOf(c) >= 0) || (c == 't' && next == 'c');
      if (doubled && prev != c) {
        i++; // a doubled consonant (hattori, matcha); the next one starts the syllable
        continue;
      }
      int onset = onset(word, i);
      if (onset == 0 || i + onset >= n || !isVowel(word.charAt(i + onset))) {
        return false;
      }
      i += onset + 1;
    }
    return true;
  }

  // the length of the Japanese consonant onset at i (0 when there is none)
  private static int onset(String w, int i) {
    char c = w.charAt(i);
    char next = i + 1 < w.length() ? w.charAt(i + 1) : 0;
    if ((c == 's' || c == 'c') && next == 'h') {
      return 2;
    }
    if (c == 't' && next == 's') {
      return 2;
    }
    if (next == 'y' && "kgnhbpmrsztdj".indexOf(c) >= 0) {
      return 2;
    }
    return "kgsztdnhfbpmyrwj".indexOf(c) >= 0 ? 1 : 0;
  }

  // ou, oo and uu are one long vowel unless a vowel follows (i-no-u-e); n before b, m, p is m
  private static String passportVowelsAndN(String s) {
    // once more until nothing changes, so that the result is its own passport form (ooo → oo → o)
    String once = passportVowelsAndNOnce(s);
    while (!once.equals(s)) {
      s = once;
      once = passportVowelsAndNOnce(s);
    }
    return once;
  }

  private static String passportVowelsAndNOnce(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      char prev = out.isEmpty() ? 0 : out.charAt(out.length() - 1);
      char next = i + 1 < n ? s.charAt(i + 1) : 0;
      boolean longVowel =
          ((c == 'u' && (prev == 'o' || prev == 'u')) || (c == 'o' && prev == 'o'))
              && !isVowel(next);
      if (longVowel) {
        continue;
      }
      if (c == 'n' && (next == 'b' || next == 'm' || next == 'p') && i > 0) {
        out.append('m');
        continue;
      }
      out.append(c);
    }
    return out.toString();
  }

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }

  private static char toKatakana(char c) {
    return c >= 'ぁ' && c <= 'ゖ' ? (char) (c + 0x60) : c;
  }
}
