package org.sekisho.targeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MessagesParityTest {
  private static Properties load(String name) throws Exception {
    Properties p = new Properties();
    try (var in = MessagesParityTest.class.getResourceAsStream("/i18n/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void englishAndJapaneseMessagesHaveTheSameKeys() throws Exception {
    Properties en = load("targeting_en.properties");
    Properties ja = load("targeting_ja.properties");
    assertThat(en.stringPropertyNames()).isNotEmpty();
    assertThat(ja.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
  }
}
