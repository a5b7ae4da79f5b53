package org.sekisho.names.domain;

/** The writing systems the normaliser tells apart. */
public enum Script {
  LATIN,
  CYRILLIC,
  GREEK,
  ARABIC,
  HEBREW,
  HANGUL,
  KANA,
  HAN,
  OTHER;

  /** The script of one code point; digits, spaces and punctuation give {@code null}. */
  static Script of(int codePoint) {
    if (!Character.isLetter(codePoint)) {
      return null;
    }
    return switch (Character.UnicodeScript.of(codePoint)) {
      case LATIN -> LATIN;
      case CYRILLIC -> CYRILLIC;
      case GREEK -> GREEK;
      case ARABIC -> ARABIC;
      case HEBREW -> HEBREW;
      case HANGUL -> HANGUL;
      case HIRAGANA, KATAKANA -> KANA;
      case HAN -> HAN;
      default -> OTHER;
    };
  }

  /** Abjads write consonants only; their romanisations are compared by consonant skeleton. */
  boolean isAbjad() {
    return this == ARABIC || this == HEBREW;
  }
}
