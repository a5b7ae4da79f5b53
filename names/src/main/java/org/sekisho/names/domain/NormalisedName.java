package org.sekisho.names.domain;

import java.util.List;

/**
 * A name reduced to comparable parts.
 *
 * @param original the name as written
 * @param tokens lower-case ASCII name parts, in written order, without titles or legal forms
 * @param alternate a second reading given in brackets (e.g. the kana reading after a kanji name),
 *     as tokens; empty when none was given
 * @param removed titles, honorifics and legal forms taken out, as written after folding
 * @param organisation true when a legal form of a company was found
 * @param scripts the scripts the original is written in
 * @param readings the readings of a name written in kanji and read as Japanese, as tokens: the
 *     Japanese ones, most likely first (the first is also {@code tokens}), then the Mandarin pinyin
 *     when the name has no kana or Japanese company form and so may be Chinese after all; empty
 *     when the name was not read as Japanese (see {@link JapaneseNames})
 * @param spokenReadings how many of the name's readings, {@code tokens} first and then {@code
 *     readings} from the second on, spell how the name is said in Japanese (the dictionary's
 *     readings of kanji, or hiragana, which writes Japanese only) rather than its letters one by
 *     one (pinyin, or katakana, which writes foreign names as heard); 0 for any other name
 */
public record NormalisedName(
    String original,
    List<String> tokens,
    List<String> alternate,
    List<String> removed,
    boolean organisation,
    Scripts scripts,
    List<List<String>> readings,
    int spokenReadings) {

  public NormalisedName {
    tokens = List.copyOf(tokens);
    readings = List.copyOf(readings);
    alternate = List.copyOf(alternate);
    removed = List.copyOf(removed);
    spokenReadings = Math.max(0, spokenReadings);
  }

  /** A name with Japanese readings only (no pinyin among them). */
  public NormalisedName(
      String original,
      List<String> tokens,
      List<String> alternate,
      List<String> removed,
      boolean organisation,
      Scripts scripts,
      List<List<String>> readings) {
    this(original, tokens, alternate, removed, organisation, scripts, readings, readings.size());
  }

  /** A name with no Japanese readings. */
  public NormalisedName(
      String original,
      List<String> tokens,
      List<String> alternate,
      List<String> removed,
      boolean organisation,
      Scripts scripts) {
    this(original, tokens, alternate, removed, organisation, scripts, List.of(), 0);
  }

  /**
   * True when the {@code i}-th reading (0: {@code tokens}; else {@code readings.get(i)}) spells how
   * the name is said in Japanese (see {@code spokenReadings}).
   */
  public boolean spoken(int i) {
    return i < spokenReadings;
  }

  /** True when the name was read as Japanese (a kanji name with a dictionary reading). */
  public boolean japanese() {
    return !readings.isEmpty();
  }

  /** True when nothing comparable is left (only punctuation, titles or unknown letters). */
  public boolean isEmpty() {
    return tokens.isEmpty() && alternate.isEmpty();
  }

  /** The tokens joined by single spaces. */
  public String text() {
    return String.join(" ", tokens);
  }
}
