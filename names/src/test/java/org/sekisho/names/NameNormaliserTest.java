package org.sekisho.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sekisho.names.domain.NameNormaliser;
import org.sekisho.names.domain.NormalisedName;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NameNormaliserTest {

  private final NameNormaliser normaliser = new NameNormaliser();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "'Dr. Hans Müller', 'hans muller'",
    "'ＭＡＲＩＡ　ＧＡＲＣÍＡ', 'maria garcia'",
    "'Владимир Путин', 'vladimir putin'",
    "'Щербаков', 'shcherbakov'",
    "'ヤマダ タロウ', 'yamada tarou'",
    "'ﾔﾏﾀﾞ ﾀﾛｳ', 'yamada tarou'",
    "'山田太郎', 'yamada taro'",
    "'毛泽东', 'mao ze dong'",
    "'Σωκράτης', 'sokrates'",
    "'O''Brien-Smith', 'obrien smith'",
    "'Sheikh Ahmed Al-Rashid', 'ahmed al rashid'",
    "'田中様', 'tanaka'",
    "'Tanaka-san', 'tanaka'",
    "'たなかさん', 'tanaka'",
    // 物産 in hiragana ends in さん too, but no name ends in a small っ: not an honorific there
    "'たなかぶっさん', 'tanakabussan'",
    "'みついぶっさん株式会社', 'mitsuibussan'",
  })
  void names_are_reduced_to_comparable_ascii_parts(String raw, String expected) {
    assertThat(normaliser.normalise(raw).text()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "'株式会社トヨタ', toyota",
    "'トヨタ(株)', toyota",
    "'Toyota KK', toyota",
    "'Acme Co., Ltd.', acme",
    "'Siemens GmbH', siemens",
    "'Acme Holdings LLC', 'acme holdings'",
    "'OOO Romashka', romashka",
    "'ООО Ромашка', romashka",
    "'Petrobras S.A.', petrobras",
    "'삼성전자 주식회사', samseongjeonja",
    // bank and card records abbreviate the form to one half-width kana: ｶ) 株式会社 before the
    // name, (ｶ after it, ﾕ) 有限会社, ﾄﾞ) 合同会社
    "'ｶ)ﾀﾅｶﾌﾞｯｻﾝ', tanakabussan",
    "'ﾀﾅｶﾌﾞｯｻﾝ(ｶ', tanakabussan",
    "'ﾀﾅｶ(ｶ)ﾌﾞｯｻﾝ', 'tanaka bussan'",
    "'ﾕ)ﾀﾅｶｼｮｳｼﾞ', tanakashouji",
    "'ﾄﾞ)ﾀﾅｶ', tanaka",
    "'カ）タナカブッサン', tanakabussan",
  })
  void legal_forms_of_companies_are_removed_and_mark_an_organisation(String raw, String expected) {
    NormalisedName n = normaliser.normalise(raw);
    assertThat(n.text()).isEqualTo(expected);
    assertThat(n.organisation()).isTrue();
    assertThat(n.removed()).isNotEmpty();
  }

  @Test
  void an_all_capitals_person_name_keeps_a_part_that_looks_like_a_legal_form() {
    assertThat(normaliser.normalise("LI AO").text()).isEqualTo("li ao");
    assertThat(normaliser.normalise("Li AO").text()).isEqualTo("li");
  }

  @Test
  void a_bracketed_reading_becomes_an_alternate_form() {
    NormalisedName n = normaliser.normalise("佐藤 花子（さとう はなこ）");
    assertThat(n.tokens()).containsExactly("sato", "hanako");
    assertThat(n.alternate()).containsExactly("satou", "hanako");
  }

  @Test
  void a_bracketed_kana_reading_is_not_taken_for_an_abbreviated_company_form() {
    NormalisedName n = normaliser.normalise("川田（カワダ）");
    assertThat(n.organisation()).isFalse();
    assertThat(n.alternate()).containsExactly("kawada");
  }

  @Test
  void a_name_without_letters_is_empty_not_an_error() {
    assertThat(normaliser.normalise("  ,.- ").isEmpty()).isTrue();
    assertThat(normaliser.normalise(null).isEmpty()).isTrue();
  }
}
