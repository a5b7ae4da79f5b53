package org.sekisho.names.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces a person or company name to lower-case ASCII name parts: NFKC (full-width and half-width
 * forms), transliteration to Latin ({@link Transliteration}), case and diacritics folding,
 * punctuation, titles and honorifics (Mr, Dr, Sheikh, Haji, 様, さん, господин, السيد …) and legal
 * forms of companies in many languages (株式会社, (株), KK, Co., Ltd., GmbH, LLC, OOO/ООО, S.A., Sdn Bhd
 * …). What was removed is kept in the result so that an explanation can show it.
 *
 * <p>A name in kanji is read through a Japanese dictionary ({@link Readings}, see {@link
 * JapaneseNames}) when it is judged Japanese: its tokens are then the passport romaji of the
 * dictionary's reading and {@link NormalisedName#readings()} lists the other plausible readings. A
 * reading given in brackets ({@code 山田太郎（やまだ たろう）}) is the strongest evidence: the kanji are then
 * not guessed at. Without a dictionary ({@link #NameNormaliser()}) a small built-in table of common
 * names is all there is, and other kanji come out as Mandarin pinyin.
 *
 * <p>Stateless and thread-safe.
 */
public final class NameNormaliser {

  /** Japanese company forms: a name carrying one is Japanese, whatever its first word is. */
  private static final Set<String> JAPANESE_LEGAL_FORMS =
      Set.of("株式会社", "(株)", "㈱", "有限会社", "(有)", "㈲", "合同会社", "合資会社", "合名会社");

  private final JapaneseNames japanese;

  /** A normaliser without a Japanese dictionary (the built-in table of common names only). */
  public NameNormaliser() {
    this(Readings.NONE);
  }

  /**
   * @param readings the Japanese dictionary kanji names are read with
   */
  public NameNormaliser(Readings readings) {
    this.japanese = new JapaneseNames(readings);
  }

  /** Company forms written in scripts without spaces, removed before transliteration. */
  private static final List<String> NATIVE_LEGAL_FORMS =
      List.of(
          "株式会社", "(株)", "㈱", "有限会社", "(有)", "㈲", "合同会社", "合資会社", "合名会社", "주식회사", "(주)", "㈜",
          "유한회사", "股份有限公司", "有限责任公司", "有限責任公司", "有限公司", "ذ.م.م", "ش.م.م", "בע\"מ", "בע״מ");

  /** Honorifics written in scripts without spaces, removed before transliteration. */
  private static final List<String> NATIVE_HONORIFICS =
      List.of("さん", "様", "さま", "殿", "先生", "女士", "ちゃん", "くん", "님", "씨");

  /** Legal forms after folding; multi-word forms are matched as token sequences. */
  private static final List<List<String>> LEGAL_FORMS =
      phrases(
          "co ltd",
          "co limited",
          "company limited",
          "limited",
          "ltd",
          "llc",
          "l l c",
          "inc",
          "incorporated",
          "corp",
          "corporation",
          "plc",
          "gmbh co kg",
          "gmbh",
          "co kg",
          "kg",
          "ag",
          "sarl",
          "sas",
          "srl",
          "spa",
          "s p a",
          "s a",
          "b v",
          "bv",
          "n v",
          "nv",
          "aps",
          "oy",
          "oyj",
          "kft",
          "zrt",
          "sro",
          "s r o",
          "sp z o o",
          "ooo",
          "oao",
          "zao",
          "pao",
          "tov",
          "pjsc",
          "ojsc",
          "cjsc",
          "jsc",
          "k k",
          "kk",
          "kabushiki kaisha",
          "kabushikigaisha",
          "yugen kaisha",
          "godo kaisha",
          "pte ltd",
          "pte",
          "pty ltd",
          "pty",
          "sdn bhd",
          "bhd",
          "tbk",
          "lda",
          "ltda",
          "fze",
          "fzco",
          "fzc",
          "llp",
          "lp",
          "co",
          "company",
          "sirketi",
          "as",
          "ab",
          "sa",
          "ao",
          "ip",
          "pt",
          "cv",
          "gk",
          "sl",
          "too",
          "shirkat");

  /**
   * Short legal forms that are also name parts (Ao, Sa, Pt …): removed only when written in
   * capitals or with dots in the original and the name has other parts.
   */
  private static final Set<String> AMBIGUOUS_FORMS =
      Set.of("as", "ab", "sa", "ao", "ip", "pt", "cv", "gk", "sl", "too", "co", "kg", "ag", "nv");

  private static final Set<String> HONORIFICS =
      Set.of(
          "mr",
          "mrs",
          "ms",
          "miss",
          "mx",
          "dr",
          "prof",
          "professor",
          "sir",
          "dame",
          "lord",
          "lady",
          "herr",
          "frau",
          "monsieur",
          "mme",
          "mlle",
          "madame",
          "senor",
          "senora",
          "senorita",
          "sr",
          "sra",
          "srta",
          "sheikh",
          "shaikh",
          "sheik",
          "shaykh",
          "haji",
          "hajji",
          "hadji",
          "alhaji",
          "alhaj",
          "mullah",
          "mulla",
          "maulana",
          "maulvi",
          "mawlawi",
          "mufti",
          "gen",
          "general",
          "col",
          "colonel",
          "capt",
          "captain",
          "lt",
          "sgt",
          "brig",
          "hon",
          "rev",
          "jr",
          "snr",
          "esq",
          "phd",
          "ii",
          "iii",
          "iv",
          "gospodin",
          "gospozha",
          "sayyed",
          "mar",
          "g n",
          "g zha",
          "alsayyid",
          "alsyd",
          "alshykh",
          "alhajj");

  /**
   * The company form as bank, card and payment records abbreviate it, one katakana (half-width
   * before NFKC): カ 株式会社, ユ 有限会社, ド 合同会社, シ 合資会社, メ 合名会社 — カ) before the name, (カ after it, (カ)
   * between its words. Only in those places, so that a bracketed reading such as (カワダ) stays.
   */
  private static final Pattern KANA_LEGAL_FORM =
      Pattern.compile("^[カユドシメ]\\)|\\([カユドシメ]$|\\([カユドシメ]\\)");

  private static final Pattern BRACKETS = Pattern.compile("[(\\[（【]([^)\\]）】]*)[)\\]）】]");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s,;/]+");
  private static final Pattern JAPANESE_SUFFIX =
      Pattern.compile("(?i)-(san|sama|kun|chan|sensei|dono)\\b");

  /** Normalises {@code raw}; never throws, and a name without letters gives an empty result. */
  public NormalisedName normalise(String raw) {
    String text = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
    List<String> removed = new ArrayList<>();
    boolean organisation = false;
    boolean japaneseForm = false;
    for (String form : NATIVE_LEGAL_FORMS) {
      if (text.contains(form)) {
        text = text.replace(form, " ");
        removed.add(form);
        organisation = true;
        japaneseForm |= JAPANESE_LEGAL_FORMS.contains(form);
      }
    }
    Matcher kanaForm = KANA_LEGAL_FORM.matcher(text);
    if (kanaForm.find() && text.length() > kanaForm.group().length()) {
      removed.add(kanaForm.group());
      text = kanaForm.replaceAll(" ").strip();
      organisation = true;
      japaneseForm = true;
    }
    for (String h : NATIVE_HONORIFICS) {
      // no name ends in a small っ: ぶっさん is 物産 (a company's "products"), not ぶっ with さん
      if (text.length() > h.length()
          && text.endsWith(h)
          && text.charAt(text.length() - h.length() - 1) != 'っ') {
        text = text.substring(0, text.length() - h.length());
        removed.add(h);
      }
    }
    Matcher suffix = JAPANESE_SUFFIX.matcher(text);
    if (suffix.find()) {
      removed.add(suffix.group(1).toLowerCase(Locale.ROOT));
      text = suffix.replaceAll(" ");
    }
    String alternateText = "";
    Matcher brackets = BRACKETS.matcher(text);
    if (brackets.find()) {
      alternateText = brackets.group(1);
      text = brackets.replaceAll(" ");
    }
    Scripts scripts = Scripts.of(raw == null ? "" : raw);
    List<String> upperTokens = upperCaseTokens(text);
    // a bracketed reading is the name's own: the kanji are then not guessed at
    List<List<String>> readings =
        alternateText.isBlank() && scripts.has(Script.HAN)
            ? japanese.read(text, japaneseForm)
            : List.of();
    Parts main;
    int spoken;
    if (readings.isEmpty()) {
      main = clean(Transliteration.toAsciiLatin(text), upperTokens, removed);
      spoken = hiragana(raw, scripts) ? 1 : 0;
    } else {
      spoken = readings.size();
      main = new Parts(readings.get(0), false);
      if (!japaneseForm && !scripts.has(Script.KANA)) {
        // Han characters alone may still be Chinese (梅森 is Umemori, and Mason in Chinese): the
        // pinyin stays a form of the name, after the Japanese readings
        List<String> pinyin =
            clean(Transliteration.toAsciiLatin(text), upperTokens, removed).tokens;
        if (!pinyin.isEmpty() && !readings.contains(pinyin)) {
          List<List<String>> all = new ArrayList<>(readings);
          all.add(pinyin);
          readings = all;
        }
      }
    }
    Parts alt =
        alternateText.isBlank()
            ? new Parts(List.of(), false)
            : clean(Transliteration.toAsciiLatin(alternateText), upperTokens, removed);
    List<String> tokens = main.tokens;
    List<String> alternate = alt.tokens;
    if (tokens.isEmpty() && !alternate.isEmpty()) {
      tokens = alternate;
      alternate = List.of();
    }
    return new NormalisedName(
        raw == null ? "" : raw,
        tokens,
        alternate,
        removed,
        organisation || main.organisation || alt.organisation,
        scripts,
        readings,
        spoken);
  }

  /**
   * True when {@code raw} is written in kana with some hiragana, Latin letters aside: hiragana
   * writes Japanese words only, so its romaji is how the name is said (katakana alone may be a
   * foreign name as heard).
   */
  private static boolean hiragana(String raw, Scripts scripts) {
    if (raw == null || !scripts.has(Script.KANA)) {
      return false;
    }
    for (Script s : scripts.set()) {
      if (s != Script.KANA && s != Script.LATIN) {
        return false;
      }
    }
    return raw.codePoints()
        .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HIRAGANA);
  }

  private record Parts(List<String> tokens, boolean organisation) {}

  private static Parts clean(String folded, List<String> upperTokens, List<String> removed) {
    if (folded.isEmpty()) {
      return new Parts(List.of(), false);
    }
    List<String> tokens = new ArrayList<>(List.of(folded.split(" ")));
    boolean organisation = false;
    boolean changed = true;
    while (changed && tokens.size() > 1) {
      changed = false;
      for (List<String> form : LEGAL_FORMS) {
        if (tokens.size() <= form.size()) {
          continue;
        }
        boolean ambiguous = form.size() == 1 && AMBIGUOUS_FORMS.contains(form.get(0));
        if (ambiguous && !upperTokens.contains(form.get(0))) {
          continue;
        }
        if (endsWith(tokens, form)) {
          tokens.subList(tokens.size() - form.size(), tokens.size()).clear();
        } else if (startsWith(tokens, form)) {
          tokens.subList(0, form.size()).clear();
        } else {
          continue;
        }
        removed.add(String.join(" ", form));
        organisation = true;
        changed = true;
        break;
      }
    }
    // in a name of Japanese shape a title is a surname or given name (Haji 土師, Gen 源, Ii 井伊)
    if (tokens.size() > 1 && !japaneseShape(tokens)) {
      List<String> kept = new ArrayList<>(tokens.size());
      for (String t : tokens) {
        if (HONORIFICS.contains(t)) {
          removed.add(t);
        } else {
          kept.add(t);
        }
      }
      if (!kept.isEmpty()) {
        tokens = kept;
      }
    }
    return new Parts(tokens, organisation);
  }

  private static boolean japaneseShape(List<String> tokens) {
    for (String t : tokens) {
      if (t.length() > 1 && !KatakanaRomaji.isRomaji(t)) {
        return false;
      }
    }
    return true;
  }

  // Tokens of the original written in capitals (or with dots, as in S.A.), folded to ASCII: a short
  // legal form counts only when written that way.
  private static List<String> upperCaseTokens(String text) {
    List<String> out = new ArrayList<>();
    // a name written all in capitals (as UN lists are) says nothing about which part is a form
    boolean allUpper = text.equals(text.toUpperCase(Locale.ROOT));
    for (String t : SEPARATORS.split(text)) {
      boolean dotted = t.indexOf('.') >= 0;
      String bare = t.replace(".", "");
      boolean upper = !bare.isEmpty() && bare.equals(bare.toUpperCase(Locale.ROOT));
      if (bare.length() <= 4 && (dotted || (upper && !allUpper))) {
        out.add(Transliteration.toAsciiLatin(bare).replace(" ", ""));
      }
    }
    return out;
  }

  private static boolean endsWith(List<String> tokens, List<String> form) {
    int off = tokens.size() - form.size();
    for (int i = 0; i < form.size(); i++) {
      if (!tokens.get(off + i).equals(form.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWith(List<String> tokens, List<String> form) {
    for (int i = 0; i < form.size(); i++) {
      if (!tokens.get(i).equals(form.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static List<List<String>> phrases(String... forms) {
    List<List<String>> out = new ArrayList<>();
    for (String f : forms) {
      out.add(List.of(f.split(" ")));
    }
    return List.copyOf(out);
  }
}
