package org.sekisho.names.adapter.file;

/**
 * Text a row of a file may hold to be stored: no NUL character (U+0000), which PostgreSQL cannot
 * store in text. A row holding one is refused with its row or line, its field and {@link
 * #NUL_REASON}; the other rows are kept.
 */
public final class StorableText {
  /**
   * Why a text holding a NUL is refused, worded to follow the name of what holds it ("name " +
   * NUL_REASON): the platform's standard wording for the same refusal.
   */
  public static final String NUL_REASON =
      "contains a NUL character (U+0000), which cannot be stored; remove it";

  /** The code of the problem a NUL character gives. */
  public static final String NUL_CODE = "invalid-character";

  private StorableText() {}

  /** Whether {@code s} holds a NUL character (U+0000). */
  public static boolean hasNul(String s) {
    return s != null && s.indexOf('\u0000') >= 0;
  }
}
