package org.sekisho.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The platform's own pages (sign-in, errors, the audit log) in English and Japanese alike. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PlatformMessagesParityTest {
  private static Properties load(String name) throws Exception {
    Properties p = new Properties();
    try (InputStream in = PlatformMessagesParityTest.class.getResourceAsStream("/i18n/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void englishAndJapaneseHaveTheSameKeysAndNoEmptyText() throws Exception {
    Properties en = load("platform_en.properties");
    Properties ja = load("platform_ja.properties");
    assertThat(ja.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    assertThat(en.stringPropertyNames()).contains("audit.title", "audit.verify.ok");
    ja.forEach((k, v) -> assertThat((String) v).as("ja " + k).isNotBlank());
    en.forEach((k, v) -> assertThat((String) v).as("en " + k).isNotBlank());
  }
}
