package org.sekisho.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.platform.auth.Role;

/**
 * The platform's texts (sign-in, errors, accounts, the audit log) exist in English and Japanese
 * alike, with the same placeholders.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PlatformMessagesParityTest {
  private static Properties load(String name) throws Exception {
    Properties p = new Properties();
    try (InputStream in = PlatformMessagesParityTest.class.getResourceAsStream("/i18n/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  private static Set<String> placeholders(String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = Pattern.compile("\\{(\\d+)}").matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void everyKeyHasBothLanguagesWithTheSamePlaceholders() throws Exception {
    Properties en = load("platform_en.properties");
    Properties ja = load("platform_ja.properties");
    assertThat(ja.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    assertThat(en.stringPropertyNames())
        .contains("audit.title", "audit.verify.ok", "account.title");
    for (String key : en.stringPropertyNames()) {
      assertThat(en.getProperty(key)).as("en " + key).isNotBlank();
      assertThat(ja.getProperty(key)).as("ja " + key).isNotBlank();
      assertThat(placeholders(ja.getProperty(key)))
          .as("placeholders of " + key)
          .isEqualTo(placeholders(en.getProperty(key)));
    }
  }

  @Test
  void everyRoleHasANameInBothLanguages() {
    for (Locale l : Messages.SUPPORTED) {
      Messages t = new Messages(l, List.of("i18n.platform"));
      for (Role r : Role.values()) {
        assertThat(t.get("role." + r.id())).as(l + " " + r).isNotEqualTo("role." + r.id());
      }
    }
  }

  @Test
  void aRefusalReadsWithItsArgumentsInPlace() {
    Messages en = new Messages(Locale.ENGLISH, List.of("i18n.platform"));
    assertThat(en.get("account.error.lastAdmin", "boss"))
        .isEqualTo(
            "\"boss\" is the last active administrator: make another account an"
                + " administrator first.");
    Messages ja = new Messages(Locale.JAPANESE, List.of("i18n.platform"));
    assertThat(ja.get("account.error.password.short", 12, 5)).contains("12", "5");
  }
}
