package org.sekisho.passenger.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.passenger.i18n.MessageQuotes;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ScreeningMessagesParityTest {
  private static Properties load(String name) throws Exception {
    Properties p = new Properties();
    try (InputStream in = ScreeningMessagesParityTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void englishAndJapaneseScreeningTextsHaveTheSameKeys() throws Exception {
    Properties en = load("/i18n/screening_en.properties");
    Properties ja = load("/i18n/screening_ja.properties");
    assertThat(en.stringPropertyNames()).hasSizeGreaterThan(50);
    assertThat(ja.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    for (String k : ja.stringPropertyNames()) {
      assertThat(ja.getProperty(k)).as(k).isNotBlank();
    }
  }

  @Test
  void apostrophesReadAsWrittenInMessagesWithAndWithoutArguments() throws Exception {
    assertThat(
            MessageQuotes.check(
                "screening_en", load("/i18n/screening_en.properties"), Locale.ENGLISH))
        .isGreaterThan(20);
    assertThat(
            MessageQuotes.check(
                "screening_ja", load("/i18n/screening_ja.properties"), Locale.JAPANESE))
        .isGreaterThan(20);
  }
}
