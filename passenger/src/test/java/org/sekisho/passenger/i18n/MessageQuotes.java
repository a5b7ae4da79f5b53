package org.sekisho.passenger.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Apostrophes in a message bundle as the platform's {@code Messages.get} shows them: a message
 * given arguments goes through {@link MessageFormat}, where a lone apostrophe starts a quote (it
 * disappears and may swallow a placeholder), so it must be written {@code ''}; a message without
 * arguments is shown as written, so it must not.
 */
public final class MessageQuotes {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

  private MessageQuotes() {}

  /**
   * Formats every message of {@code bundle} that has placeholders with arguments and checks that it
   * reads as written (each {@code ''} one apostrophe, each placeholder replaced); checks that no
   * message without placeholders holds {@code ''}.
   *
   * @return how many messages with arguments were formatted
   */
  public static int check(String name, Properties bundle, Locale locale) {
    int formatted = 0;
    for (String key : new TreeSet<>(bundle.stringPropertyNames())) {
      String pattern = bundle.getProperty(key);
      Matcher m = PLACEHOLDER.matcher(pattern);
      int max = -1;
      while (m.find()) {
        max = Math.max(max, Integer.parseInt(m.group(1)));
      }
      if (max < 0) {
        assertThat(pattern).as(name + " " + key + " is shown as written").doesNotContain("''");
        continue;
      }
      Object[] args = new Object[max + 1];
      for (int i = 0; i <= max; i++) {
        args[i] = "<arg" + i + ">";
      }
      String expected =
          PLACEHOLDER
              .matcher(pattern.replace("''", "'"))
              .replaceAll(r -> "<arg" + r.group(1) + ">");
      assertThat(new MessageFormat(pattern, locale).format(args))
          .as(name + " " + key + " formatted with arguments")
          .isEqualTo(expected);
      formatted++;
    }
    return formatted;
  }
}
