package org.sekisho.platform.i18n;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * UI text in one language, looked up across the bundles of every module (each module ships {@code
 * i18n/<module>_en.properties} and {@code i18n/<module>_ja.properties}, UTF-8). English and
 * Japanese are complete; each module has a test that keeps the two key sets equal.
 */
public final class Messages {
  public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.JAPANESE);
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final Locale locale;
  private final List<ResourceBundle> bundles;
  private final java.time.ZoneId zone;
  private final java.time.format.DateTimeFormatter timeFormat;

  /**
   * @param baseNames bundle base names such as {@code i18n.platform}, searched in order
   */
  public Messages(Locale locale, List<String> baseNames) {
    this(locale, baseNames, java.time.ZoneOffset.UTC);
  }

  /**
   * @param zone the zone times are shown in (the administration's, e.g. Asia/Tokyo)
   */
  public Messages(Locale locale, List<String> baseNames, java.time.ZoneId zone) {
    this.zone = zone;
    // the zone's short name as people write it (JST, UTC) in either language: the root locale
    // writes Tokyo as "GMT+09:00"
    this.timeFormat =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH);
    this.locale = SUPPORTED.contains(locale) ? locale : Locale.ENGLISH;
    List<ResourceBundle> found = new ArrayList<>();
    for (String base : baseNames) {
      found.add(ResourceBundle.getBundle(base, this.locale, NO_FALLBACK));
    }
    this.bundles = List.copyOf(found);
  }

  /** Picks the first supported language from an explicit choice or an Accept-Language header. */
  public static Locale choose(String explicit, String acceptLanguage) {
    if (explicit != null && !explicit.isBlank()) {
      Locale l = Locale.of(Locale.forLanguageTag(explicit.strip()).getLanguage());
      if (SUPPORTED.contains(l)) {
        return l;
      }
    }
    if (acceptLanguage != null && !acceptLanguage.isBlank()) {
      try {
        for (Locale.LanguageRange r : Locale.LanguageRange.parse(acceptLanguage)) {
          Locale l = Locale.of(Locale.forLanguageTag(r.getRange()).getLanguage());
          if (SUPPORTED.contains(l)) {
            return l;
          }
        }
      } catch (IllegalArgumentException e) {
        // A malformed header falls back to English rather than failing the page.
      }
    }
    return Locale.ENGLISH;
  }

  public Locale locale() {
    return locale;
  }

  /** A point in time as people here read it, e.g. {@code 2026-11-27 20:24 JST}. */
  public String time(java.time.Instant instant) {
    return instant == null ? "" : timeFormat.format(instant.atZone(zone));
  }

  public java.time.ZoneId zone() {
    return zone;
  }

  public String lang() {
    return locale.getLanguage();
  }

  /**
   * Whether the reader reads English: the language an API's refusals are first written in, so an
   * English answer keeps the use case's own words byte for byte.
   */
  public boolean english() {
    return locale.getLanguage().equals(Locale.ENGLISH.getLanguage());
  }

  /**
   * The text for {@code key}, formatted with {@code args}; the key itself when missing (visible).
   */
  public String get(String key, Object... args) {
    for (ResourceBundle b : bundles) {
      try {
        String pattern = b.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
      } catch (MissingResourceException e) {
        // try the next module's bundle
      }
    }
    return key;
  }
}
