package org.sekisho.passenger.egate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.passenger.egate.domain.decision.Reason;
import org.sekisho.passenger.egate.domain.declaration.DeclarationForm;
import org.sekisho.passenger.egate.domain.referral.ReferralOutcome;
import org.sekisho.passenger.i18n.MessageQuotes;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class EgateMessagesParityTest {
  private static Properties load(String name) throws Exception {
    Properties p = new Properties();
    try (InputStream in = EgateMessagesParityTest.class.getResourceAsStream("/i18n/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void englishAndJapaneseHaveTheSameKeysAndNoEmptyText() throws Exception {
    Properties en = load("egate_en.properties");
    Properties ja = load("egate_ja.properties");
    assertThat(ja.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    ja.forEach((k, v) -> assertThat((String) v).as("ja " + k).isNotBlank());
    en.forEach((k, v) -> assertThat((String) v).as("en " + k).isNotBlank());
  }

  @Test
  void everyFormFieldAndEveryReferralReasonHasAText() throws Exception {
    Properties en = load("egate_en.properties");
    for (String f : DeclarationForm.FIELDS) {
      // a goods row's cell is named by its column and row number
      assertThat(en)
          .containsKey(
              DeclarationForm.goodsCell(f)
                  .map(c -> "declaration.goods.cell." + c.getKey())
                  .orElse("declaration.field." + f));
    }
    // the goods as a whole (at least one row required)
    assertThat(en).containsKey("declaration.field.goods");
    Arrays.stream(Reason.values()).forEach(r -> assertThat(en).containsKey("reason." + r.name()));
  }

  @Test
  void everyReferralOutcomeAndEveryOutcomeFieldErrorHasAText() throws Exception {
    Properties en = load("egate_en.properties");
    for (String o : ReferralOutcome.CODES) {
      assertThat(en).containsKey("referrals.outcome." + o);
    }
    for (String field : new String[] {"outcome", "comment", "version"}) {
      assertThat(en).containsKey("referrals.error." + field);
    }
  }

  @Test
  void apostrophesReadAsWrittenInMessagesWithAndWithoutArguments() throws Exception {
    assertThat(MessageQuotes.check("egate_en", load("egate_en.properties"), Locale.ENGLISH))
        .isGreaterThan(5);
    assertThat(MessageQuotes.check("egate_ja", load("egate_ja.properties"), Locale.JAPANESE))
        .isGreaterThan(5);
  }
}
