package org.sekisho.names.domain;

import java.util.List;

/**
 * Port: how a Japanese dictionary reads a piece of text written in kanji and kana. The domain
 * decides from the words (their readings and kinds) whether a name is Japanese and how it is
 * romanised; the dictionary itself is an adapter's (Kuromoji with IPADIC in {@code
 * adapter.kuromoji}).
 *
 * <p>Implementations are pure functions of the text and thread-safe.
 */
@FunctionalInterface
public interface Readings {

  /** A dictionary that reads nothing: names keep the built-in table and ICU's pinyin. */
  Readings NONE = text -> List.of();

  /**
   * The words of {@code text} in written order, spaces and punctuation left out; empty when the
   * text cannot be read at all. Never null, never throws.
   */
  List<Word> words(String text);

  /** What the dictionary says a word is. */
  enum Kind {
    SURNAME,
    GIVEN_NAME,
    /** a person's full name listed as one word (毛沢東) */
    PERSON,
    ORGANISATION,
    PLACE,
    OTHER
  }

  /**
   * One word.
   *
   * @param surface the word as written
   * @param reading its reading in katakana; empty when the dictionary does not know the word
   * @param kind what the dictionary says it is
   */
  record Word(String surface, String reading, Kind kind) {
    public Word {
      reading = reading == null ? "" : reading;
    }
  }
}
