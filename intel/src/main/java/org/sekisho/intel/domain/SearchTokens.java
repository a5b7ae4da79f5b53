package org.sekisho.intel.domain;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into search tokens that work for Japanese, Chinese and Korean as well as for Latin
 * scripts: words for alphabetic text, overlapping character pairs (bigrams) for CJK runs, which
 * have no spaces between words. Documents and queries are tokenised the same way. A token is at
 * most {@link #MAX_TOKEN} characters (a longer word keeps its beginning, for documents and queries
 * alike, so that it still matches), far below what PostgreSQL accepts as a lexeme (2,046 bytes).
 */
public final class SearchTokens {
  private SearchTokens() {}

  /** The longest token, in UTF-16 units: at most 300 bytes of UTF-8. */
  public static final int MAX_TOKEN = 100;

  /** {@code s} cut to {@link #MAX_TOKEN} units, never between the halves of a surrogate pair. */
  static String capped(CharSequence s) {
    if (s.length() <= MAX_TOKEN) {
      return s.toString();
    }
    int end = Character.isHighSurrogate(s.charAt(MAX_TOKEN - 1)) ? MAX_TOKEN - 1 : MAX_TOKEN;
    return s.subSequence(0, end).toString();
  }

  /**
   * Tokens for a stored document: words, CJK bigrams, and each identifier written with separators
   * (B/L numbers, phones, declaration ids such as {@code B7-123456}) also as one joined token. Two
   * CJK runs with nothing but spaces between them also give the pair across the space ({@code 鈴木
   * 美咲} gives 木美), so that a query writing the name without the space ({@code 鈴木美咲}: 鈴木, 木美, 美咲)
   * finds it; a query is not given these pairs, so that {@code 鈴木 美咲} finds 鈴木美咲 as well. Each CJK
   * run's last character is kept on its own too ({@code 大森} gives 大森 and 森), for a query of that
   * one character ({@link #isSingleCjk}).
   */
  public static List<String> of(String text) {
    // One set for words and joined identifiers: this runs for every ingested record.
    Set<String> out = new LinkedHashSet<>();
    tokens(text, out, true);
    out.addAll(joinedIdentifiers(text));
    return List.copyOf(out);
  }

  /**
   * Tokens for a query: an identifier written with separators is looked up by its joined token
   * alone, which is rare and precise, rather than by its parts, which may occur in every record.
   * Legal forms are ignored as company keys ignore them (株式会社, 有限会社, (株), ㈱, KK, Co., Ltd., Inc.,
   * GmbH, …): one record writes 株式会社森商事, another （株）森商事 or 森商事, and a form written in the query but
   * not in the record would otherwise leave it out. A query of nothing but legal forms is searched
   * as written.
   */
  public static List<String> forQuery(String text) {
    if (text == null) {
      return queryTokens(text);
    }
    String unmarked = text;
    if (mayHoldMark(text)) {
      // after NFKC, which writes ㈱ and （株） as (株)
      unmarked =
          LEGAL_MARK.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll(" ");
    }
    for (String form : LEGAL_FORMS_CJK) {
      if (unmarked.contains(form)) {
        unmarked = unmarked.replace(form, " ");
      }
    }
    List<String> tokens = new java.util.ArrayList<>(queryTokens(unmarked));
    tokens.removeIf(LEGAL_FORM_WORDS::contains);
    return tokens.isEmpty() ? queryTokens(text) : List.copyOf(tokens);
  }

  // Written in full in a query (the marks are matched by LEGAL_MARK); longest first, as 有限公司 is
  // part of 股份有限公司.
  private static final List<String> LEGAL_FORMS_CJK =
      List.of(
          "股份有限公司", "有限责任公司", "有限責任公司", "株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "有限公司", "주식회사",
          "유한회사");

  // Latin legal forms as query tokens (lower case, punctuation already split off: Co., Ltd. is co,
  // ltd), as MatchKeys drops them from company keys.
  private static final Set<String> LEGAL_FORM_WORDS =
      Set.of(
          "kk",
          "gk",
          "yk",
          "co",
          "ltd",
          "limited",
          "inc",
          "incorporated",
          "corp",
          "corporation",
          "company",
          "llc",
          "llp",
          "gmbh",
          "plc",
          "pte",
          "pty",
          "sdn",
          "bhd",
          "jsc",
          "sarl",
          "srl",
          "bv",
          "nv",
          "ag",
          "sa",
          "sas",
          "spa",
          "ооо",
          "зао",
          "оао",
          "пао");

  private static final java.util.regex.Pattern LEGAL_MARK =
      java.util.regex.Pattern.compile("\\([株有合名資社財]\\)");

  /** Whether the text has a bracket or an enclosed legal-form sign (㈱ ㈲ ㈳ ㈴ ㈵ ㈶). */
  private static boolean mayHoldMark(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(' || c == '（' || (c >= '\u3231' && c <= '\u3236')) {
        return true;
      }
    }
    return false;
  }

  private static List<String> queryTokens(String text) {
    List<String> ids = joinedIdentifiers(text);
    if (ids.isEmpty()) {
      return tokens(text);
    }
    Set<String> out = new LinkedHashSet<>(ids);
    String rest = ID_WITH_SEPARATORS.matcher(text).replaceAll(" ");
    out.addAll(tokens(rest));
    return List.copyOf(out);
  }

  // Letters/digits joined by - . / with at least one digit, e.g. B7-123456, 03-1234-5678,
  // 176-12345675.
  private static final java.util.regex.Pattern ID_WITH_SEPARATORS =
      java.util.regex.Pattern.compile(
          "(?<![\\p{Alnum}])(?=[\\p{Alnum}]*\\d)[\\p{Alnum}]+(?:[-./\u2010-\u2015\u2212\u30FC\uFF0D]"
              + "[\\p{Alnum}]+)+");

  static List<String> joinedIdentifiers(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    // A hand-written scan with the same result as ID_WITH_SEPARATORS: that pattern's look-behind
    // and look-ahead at every position cost more than the rest of tokenising.
    List<String> ids = new java.util.ArrayList<>(2);
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!isAsciiAlnum(text.charAt(i)) || (i > 0 && isAsciiAlnum(text.charAt(i - 1)))) {
        i++;
        continue;
      }
      int j = i;
      boolean digit = false;
      while (j < n && isAsciiAlnum(text.charAt(j))) {
        digit |= text.charAt(j) >= '0' && text.charAt(j) <= '9';
        j++;
      }
      if (!digit) {
        i = j;
        continue;
      }
      int end = j;
      boolean grouped = false;
      while (end + 1 < n && isSeparator(text.charAt(end)) && isAsciiAlnum(text.charAt(end + 1))) {
        int k = end + 1;
        while (k < n && isAsciiAlnum(text.charAt(k))) {
          k++;
        }
        end = k;
        grouped = true;
      }
      if (!grouped) {
        i = j;
        continue;
      }
      StringBuilder joined = new StringBuilder(end - i);
      for (int k = i; k < end; k++) {
        char ch = text.charAt(k);
        if (!isSeparator(ch)) {
          joined.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch);
        }
      }
      if (joined.length() >= 4) {
        ids.add(capped(joined));
      }
      i = end;
    }
    return ids;
  }

  private static boolean isAsciiAlnum(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
  }

  /**
   * A separator inside an identifier: a hyphen, point or slash, and every other dash a number is
   * written with (U+2010 to U+2015, U+2212 minus, U+FF0D full-width hyphen, and between ASCII
   * letters or digits, where the scan looks, U+30FC ー), as {@link Normalize#dashes} reads them.
   */
  private static boolean isSeparator(char ch) {
    return ch == '-'
        || ch == '.'
        || ch == '/'
        || (ch >= '\u2010' && ch <= '\u2015')
        || ch == '\u2212'
        || ch == '\u30FC'
        || ch == '\uFF0D';
  }

  private static List<String> tokens(String text) {
    Set<String> out = new LinkedHashSet<>();
    tokens(text, out, false);
    return List.copyOf(out);
  }

  /**
   * @param bridge whether two CJK runs with only spaces between them also give the pair of
   *     characters across the spaces (documents do, queries do not)
   */
  private static void tokens(String text, Set<String> out, boolean bridge) {
    String s = text == null ? "" : text;
    if (!isAscii(s) && !Normalizer.isNormalized(s, Normalizer.Form.NFKC)) {
      s = Normalizer.normalize(s, Normalizer.Form.NFKC);
    }
    s = s.toLowerCase(Locale.ROOT);
    StringBuilder word = new StringBuilder();
    StringBuilder cjk = new StringBuilder();
    // the last character of a CJK run followed so far by spaces alone, else -1
    int before = -1;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 0x80) {
        // Hot path: ASCII letters and digits build words; everything else separates.
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
          flushCjk(cjk, out, bridge);
          word.append((char) cp);
          before = -1;
        } else {
          flushWord(word, out);
          if (cp == ' ' && bridge) {
            if (cjk.length() > 0) {
              before = cjk.codePointBefore(cjk.length());
            }
          } else {
            before = -1;
          }
          flushCjk(cjk, out, bridge);
        }
      } else if (isCjk(cp)) {
        flushWord(word, out);
        if (before >= 0 && cjk.length() == 0) {
          out.add(new StringBuilder(4).appendCodePoint(before).appendCodePoint(cp).toString());
        }
        before = -1;
        cjk.appendCodePoint(cp);
      } else if (Character.isLetterOrDigit(cp)) {
        flushCjk(cjk, out, bridge);
        word.appendCodePoint(cp);
        before = -1;
      } else {
        flushWord(word, out);
        flushCjk(cjk, out, bridge);
        before = -1;
      }
    }
    flushWord(word, out);
    flushCjk(cjk, out, bridge);
  }

  static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code token} is one kana, kanji or hangul character: a query of one (森) has no pair to
   * look up, and is searched as the start of the pairs stored (森商, 森化) and of the last character of
   * each run, which documents keep on its own (大森 gives 森), so it is found wherever it is.
   */
  public static boolean isSingleCjk(String token) {
    return !token.isEmpty()
        && token.codePointCount(0, token.length()) == 1
        && isCjk(token.codePointAt(0));
  }

  static boolean isCjk(int cp) {
    if (cp < 0x2E80) {
      return false;
    }
    Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
    return sc == Character.UnicodeScript.HAN
        || sc == Character.UnicodeScript.HIRAGANA
        || sc == Character.UnicodeScript.KATAKANA
        || sc == Character.UnicodeScript.HANGUL
        || cp == 0x30FC; // prolonged sound mark ー
  }

  private static void flushWord(StringBuilder w, Set<String> out) {
    if (w.length() > 0) {
      out.add(capped(w));
      w.setLength(0);
    }
  }

  /**
   * @param document whether the run is a stored document's: its last character is then kept on its
   *     own as well (大森 gives 大森 and 森), so that a query of that one character, searched as the
   *     start of a pair, finds it where it ends the run; a query keeps its pairs only
   */
  private static void flushCjk(StringBuilder c, Set<String> out, boolean document) {
    if (c.length() == 0) {
      return;
    }
    // Pairs of code points, walked in place (a run of one is kept as it is).
    int n = c.length();
    int mid = Character.charCount(c.codePointAt(0));
    if (mid >= n) {
      out.add(c.toString());
    }
    int last = 0;
    for (int i = 0; mid < n; ) {
      int end = mid + Character.charCount(c.codePointAt(mid));
      out.add(c.substring(i, end));
      last = mid;
      i = mid;
      mid = end;
    }
    if (document && last > 0) {
      out.add(c.substring(last));
    }
    c.setLength(0);
  }
}
