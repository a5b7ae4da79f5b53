package org.sekisho.maritime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MessagesParityTest {
  static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = MessagesParityTest.class.getResourceAsStream("/i18n/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void englishAndJapaneseHaveTheSameKeysAndNoEmptyText() throws IOException {
    Properties en = load("maritime_en.properties");
    Properties ja = load("maritime_ja.properties");
    assertThat(en.stringPropertyNames()).isNotEmpty().isEqualTo(ja.stringPropertyNames());
    en.forEach((k, v) -> assertThat(v.toString()).as("en " + k).isNotBlank());
    ja.forEach((k, v) -> assertThat(v.toString()).as("ja " + k).isNotBlank());
  }
}
