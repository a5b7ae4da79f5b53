package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
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
    try (InputStream in = MessagesParityTest.class.getResourceAsStream("/i18n/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void englishAndJapaneseHaveTheSameKeysAndNoEmptyText() throws Exception {
    for (String module : new String[] {"intel", "platform"}) {
      Properties en = load(module + "_en.properties");
      Properties ja = load(module + "_ja.properties");
      assertThat(ja.stringPropertyNames()).as(module).isEqualTo(en.stringPropertyNames());
      assertThat(en.stringPropertyNames()).isNotEmpty();
      ja.forEach((k, v) -> assertThat((String) v).as(module + " ja " + k).isNotBlank());
      en.forEach((k, v) -> assertThat((String) v).as(module + " en " + k).isNotBlank());
    }
  }

  @Test
  void aRecordKindIsNamedTheSameAsAKindAndInARecordsTitle() throws Exception {
    for (String lang : new String[] {"en", "ja"}) {
      Properties m = load("intel_" + lang + ".properties");
      // a seizure was 摘発 as a kind but 押収 in its title
      assertThat(m.getProperty("title.seizure"))
          .as(lang)
          .isEqualTo(m.getProperty("record.kind.seizure"));
      assertThat(m.getProperty("title.postal-item"))
          .as(lang)
          .isEqualTo(m.getProperty("record.kind.postal-item"));
    }
  }
}
