package org.sekisho.targeting.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.sekisho.targeting.criteria.domain.ListKind;
import org.sekisho.targeting.criteria.domain.Normal;

/**
 * A phone on a list hits a record whichever way either writes it: nationally with the trunk 0, or
 * internationally with + or 00 and the country calling code.
 */
class PhoneNumbersTest {
  @Test
  void nationalAndInternationalFormsOfOneNumberAreTheSame() {
    String key = Normal.phone("03-3094-7412");
    assertThat(key).isEqualTo("330947412");
    assertThat(Normal.phone("+81 3 3094 7412")).isEqualTo(key);
    assertThat(Normal.phone("0081-3-3094-7412")).isEqualTo(key);
    assertThat(Normal.phone("＋８１（３）３０９４－７４１２")).isEqualTo(key);
    assertThat(Normal.phone("(03) 3094 7412")).isEqualTo(key);
    // the country code without its +, as airline contacts write it
    assertThat(Normal.phoneMaybeInternational("81 3 3094 7412")).isEqualTo(key);
    assertThat(Normal.phoneMaybeInternational("81-90-1234-5678"))
        .isEqualTo(Normal.phone("090-1234-5678"));
    assertThat(Normal.phoneMaybeInternational("03-3094-7412")).isEqualTo(key);
    // Italy keeps a 0 inside the national number: national and international forms still agree
    assertThat(Normal.phone("+39 06 1234 5678")).isEqualTo(Normal.phone("06 1234 5678"));
    // mobiles that differ only in their first digits stay apart
    assertThat(Normal.phone("080-1234-5678")).isNotEqualTo(Normal.phone("090-1234-5678"));
    assertThat(ListKind.PHONES.normalise("+81 3 3094 7412").value()).isEqualTo(key);
    // a list stored with the digits-only keys of before still hits
    assertThat(
            new org.sekisho.targeting.criteria.domain.ReferenceList(
                    "old-phones", ListKind.PHONES, 3, java.util.Set.of("0330947412"))
                .match(key))
        .isEqualTo(key);
    // another number, and another country code of the same length, stay apart
    assertThat(Normal.phone("03-3094-7413")).isNotEqualTo(key);
    assertThat(Normal.phone("+1 212 555 0100")).isEqualTo("2125550100");
    assertThat(Normal.phone("+44 20 7946 0018")).isEqualTo("2079460018");
    assertThat(Normal.phone("")).isEmpty();
    assertThat(Normal.phone("no number")).isEmpty();
  }

  @Property(tries = 1000)
  void aPhoneKeyNormalisesToItself(@ForAll("phones") String written) {
    String key = Normal.phone(written);
    assertThat(Normal.phone(key)).isEqualTo(key);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> phones() {
    return net.jqwik.api.Combinators.combine(
            net.jqwik.api.Arbitraries.of("", "+", "00", "0", "+0", "(0)"),
            net.jqwik.api.Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(14),
            net.jqwik.api.Arbitraries.of("", " ", "-", "/"))
        .as((prefix, digits, sep) -> prefix + sep + digits);
  }

  @Property(tries = 300)
  void aJapaneseNumberWrittenEitherWayNormalisesAlike(
      @ForAll @IntRange(min = 1, max = 9) int area,
      @ForAll @IntRange(min = 0, max = 99_999_999) int rest) {
    String subscriber = String.format("%08d", rest);
    String national = "0" + area + "-" + subscriber.substring(0, 4) + "-" + subscriber.substring(4);
    String international = "+81 " + area + " " + subscriber;
    assertThat(Normal.phone(international)).isEqualTo(Normal.phone(national));
  }
}
