package org.sekisho.targeting.criteria.domain;

import java.util.List;

/**
 * A clause a vocabulary allows after {@code then}: {@code lane red}, {@code weight 40}, {@code
 * sample 20 %}, {@code severity high}.
 *
 * @param keyword the word that starts the clause
 * @param kind a word, a whole number, or a whole number followed by {@code %}
 * @param expected what the parser says it expected after the keyword
 * @param words for {@link Kind#WORD}: the words allowed (empty: the vocabulary checks itself)
 * @param min smallest whole number allowed
 * @param max largest whole number allowed
 */
public record ClauseDefinition(
    String keyword, Kind kind, String expected, List<String> words, int min, int max) {

  /** The value a clause takes. */
  public enum Kind {
    WORD,
    WHOLE,
    PERCENT
  }

  public ClauseDefinition {
    words = List.copyOf(words);
  }

  /** A clause that takes one of {@code words}. */
  public static ClauseDefinition word(String keyword, String expected, List<String> words) {
    return new ClauseDefinition(keyword, Kind.WORD, expected, words, 0, 0);
  }

  /** A clause that takes a whole number from {@code min} to {@code max}. */
  public static ClauseDefinition whole(String keyword, int min, int max) {
    return new ClauseDefinition(
        keyword, Kind.WHOLE, "a whole number after '" + keyword + "'", List.of(), min, max);
  }

  /** A clause that takes a whole number from {@code min} to {@code max} followed by {@code %}. */
  public static ClauseDefinition percent(String keyword, int min, int max) {
    return new ClauseDefinition(
        keyword, Kind.PERCENT, "a whole number after '" + keyword + "'", List.of(), min, max);
  }
}
