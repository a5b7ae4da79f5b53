package org.sekisho.names.domain;

/** How two name parts were found to agree. */
public enum MatchKind {
  /** Identical after normalisation (case, diacritics, punctuation). */
  EXACT("exact"),
  /** Identical once one side was transliterated from another script. */
  TRANSLITERATED("transliterated"),
  /**
   * Same sound: Double Metaphone, Beider–Morse or the romanisation fold agree, or the same Japanese
   * reading in two romanisations (TUTIYA and TSUCHIYA, SATOH and SATO).
   */
  PHONETIC("phonetic"),
  /** Same consonants; used when one side was written in Arabic or Hebrew. */
  SKELETON("consonant skeleton"),
  /** Few edits apart (Levenshtein). */
  EDIT("edit distance"),
  /** Close by Jaro–Winkler similarity (shared prefix, transpositions). */
  JARO_WINKLER("jaro-winkler"),
  /** One side is an initial of the other. */
  INITIAL("initial"),
  /** The name parts only agree when written together (Abdul Rahman ~ Abdulrahman, Mao Ze Dong). */
  JOINED("joined"),
  /** No counterpart on the other side. */
  UNMATCHED("unmatched");

  private final String label;

  MatchKind(String label) {
    this.label = label;
  }

  /** Words for an explanation. */
  public String label() {
    return label;
  }
}
