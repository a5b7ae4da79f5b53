package org.sekisho.intel.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phone numbers and container numbers a search query names, keyed as entity keys are: records
 * write one number in many ways ({@code 03-3094-7412}, {@code +81 3 3094 7412}, {@code (03)
 * 3094-7412}; {@code ZKRU 123456 0}, {@code ZKRU1234560}) whose search tokens have nothing in
 * common, but they all link to the same phone or container entity. Pure.
 */
public final class QueryKeys {
  private QueryKeys() {}

  /**
   * A number found in the query.
   *
   * @param type the entity type ({@code phone} or {@code container})
   * @param key its entity key ({@code +81330947412}, {@code ZKRU1234560})
   * @param written the number as the query writes it
   * @param joined its one-token form, searched as well as the tokens as written (a container
   *     written without spaces in a record's text); empty when none
   */
  public record KeyTerm(String type, String key, String written, String joined) {}

  /**
   * A query split into its numbers and the rest.
   *
   * @param keys the numbers, in the order written
   * @param rest the query with the numbers taken out, tokenised as any query
   */
  public record Split(List<KeyTerm> keys, String rest) {}

  /** The fewest and most digits of a phone number (E.164 allows 15). */
  private static final int MIN_PHONE_DIGITS = 9;

  private static final int MAX_PHONE_DIGITS = 15;

  // digits with spaces, dashes, dots and brackets between them, perhaps after a plus sign
  private static final Pattern PHONE =
      Pattern.compile("(?<![\\p{Alnum}+])\\+?\\(?\\d[\\d ().\\-]*\\d(?![\\p{Alnum}])");

  private static final Pattern CONTAINER =
      Pattern.compile(
          "(?<![\\p{Alnum}])[A-Za-z]{3}[UJZujz][ \\-]?\\d{6}[ \\-]?\\d(?![\\p{Alnum}])");

  /**
   * The phone and container numbers in {@code query}. A phone is a run of 9 to 15 digits that
   * starts with {@code +} or {@code 0} or is written with separators, read as a Japanese number
   * unless it gives its country code; a container is an ISO 6346 number with a correct check digit,
   * with or without spaces. Anything else stays in {@link Split#rest()}.
   */
  public static Split of(String query) {
    if (query == null || query.isBlank()) {
      return new Split(List.of(), query == null ? "" : query);
    }
    // NFKC without upper-casing: full-width digits and ＋ read as written
    // and every dash a number is written with read as ASCII's (03−3094−7412, 03ー3094ー7412)
    String text = Normalize.dashes(Normalizer.normalize(query, Normalizer.Form.NFKC));
    List<KeyTerm> keys = new ArrayList<>(1);
    StringBuilder rest = new StringBuilder();
    int last = 0;
    // containers first: their digits must not be read as part of a phone number
    List<int[]> spans = new ArrayList<>();
    Matcher c = CONTAINER.matcher(text);
    while (c.find()) {
      String joined = c.group().replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
      if (CheckDigits.isValidContainer(joined)) {
        spans.add(new int[] {c.start(), c.end()});
        keys.add(new KeyTerm("container", joined, c.group(), joined.toLowerCase(Locale.ROOT)));
      }
    }
    List<KeyTerm> phones = new ArrayList<>(1);
    Matcher p = PHONE.matcher(text);
    while (p.find()) {
      if (overlaps(spans, p.start(), p.end())) {
        continue;
      }
      String written = p.group().strip();
      String digits = written.replaceAll("[^0-9]", "");
      boolean separated = !digits.equals(written);
      boolean phoneLike = written.startsWith("+") || digits.startsWith("0") || separated;
      if (digits.length() < MIN_PHONE_DIGITS
          || digits.length() > MAX_PHONE_DIGITS
          || !phoneLike
          || !balanced(written)) {
        continue;
      }
      String key = Normalize.phoneKey(written, "JP");
      if (key.isEmpty()) {
        continue;
      }
      spans.add(new int[] {p.start(), p.end()});
      phones.add(new KeyTerm("phone", key, written, ""));
    }
    keys.addAll(phones);
    if (keys.isEmpty()) {
      return new Split(List.of(), query);
    }
    spans.sort((a, b) -> Integer.compare(a[0], b[0]));
    for (int[] s : spans) {
      rest.append(text, last, s[0]).append(' ');
      last = s[1];
    }
    rest.append(text, last, text.length());
    return new Split(List.copyOf(keys), rest.toString().strip());
  }

  private static boolean overlaps(List<int[]> spans, int start, int end) {
    for (int[] s : spans) {
      if (start < s[1] && s[0] < end) {
        return true;
      }
    }
    return false;
  }

  /** Brackets opened and closed in order: {@code (03) 3094-7412}, not {@code 03) 3094 (7412}. */
  private static boolean balanced(String s) {
    int open = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '(') {
        open++;
      } else if (ch == ')' && --open < 0) {
        return false;
      }
    }
    return open == 0;
  }
}
