package org.sekisho.targeting.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.sekisho.targeting.criteria.domain.ListKind;
import org.sekisho.targeting.criteria.domain.Normal;
import org.sekisho.targeting.criteria.domain.ReferenceList;

/**
 * A phone on a list hits a record whichever way either writes it: nationally with the trunk 0, or
 * internationally with + or 00 and the country calling code.
 */
class PhoneNumbersTest {
  private static final ReferenceList LISTED =
      new ReferenceList(
          "network-phones",
          ListKind.PHONES,
          1,
          java.util.Set.of(
              ListKind.PHONES.normalise("+81 3 3094 7412").value(),
              ListKind.PHONES.normalise("020 7946 0958").value()));

  private static boolean listed(String written) {
    return LISTED.match(Normal.phone(written)) != null;
  }

  @Test
  void nationalAndInternationalFormsOfOneNumberMatch() {
    assertThat(Normal.phone("+81 3 3094 7412")).isEqualTo("+81 330947412");
    assertThat(Normal.phone("03-3094-7412")).isEqualTo("330947412");
    assertThat(Normal.phone("0081-3-3094-7412")).isEqualTo("+81 330947412");
    assertThat(Normal.phone("＋８１（３）３０９４－７４１２")).isEqualTo("+81 330947412");
    for (String same :
        List.of("+81 3 3094 7412", "03-3094-7412", "(03) 3094 7412", "0081 3 3094 7412")) {
      assertThat(listed(same)).as(same).isTrue();
    }
    // an entry written nationally is a Japanese number, kept in its international form: another
    // country's number with those national digits does not match it
    assertThat(ListKind.PHONES.normalise("020 7946 0958").value()).isEqualTo("+81 2079460958");
    assertThat(listed("020-7946-0958")).isTrue();
    assertThat(listed("+81 20 7946 0958")).isTrue();
    assertThat(listed("+44 20 7946 0958")).isFalse();
    // another country's number with the same national digits does not match a +81 entry
    assertThat(listed("+66 3 3094 7412")).isFalse();
    assertThat(listed("+1 330 947 412")).isFalse();
    assertThat(listed("03-3094-7413")).isFalse();
    // the country code without its +, as airline contacts write it
    assertThat(Normal.phoneMaybeInternational("81 3 3094 7412")).isEqualTo("+81 330947412");
    assertThat(Normal.phoneMaybeInternational("03-3094-7412")).isEqualTo("330947412");
    // Italy keeps a 0 inside the national number: national and international forms still match
    assertThat(Normal.nationalNumber(Normal.phone("+39 06 1234 5678")))
        .isEqualTo(Normal.phone("06 1234 5678"));
    // mobiles that differ only in their first digits stay apart
    assertThat(Normal.phone("080-1234-5678")).isNotEqualTo(Normal.phone("090-1234-5678"));
    // a list stored with the digits-only keys of before still hits
    assertThat(
            new ReferenceList("old-phones", ListKind.PHONES, 3, java.util.Set.of("0330947412"))
                .match(Normal.phone("+81 3 3094 7412")))
        .isEqualTo("330947412");
    // a key that would read back as another number is kept as digits (found by the property)
    for (String w : List.of("+1010000000000", "001012874185769")) {
      assertThat(Normal.phone(Normal.phone(w))).as(w).isEqualTo(Normal.phone(w));
    }
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
  void aJapaneseNumberWrittenEitherWayIsOneListEntry(
      @ForAll @IntRange(min = 1, max = 9) int area,
      @ForAll @IntRange(min = 0, max = 99_999_999) int rest) {
    String subscriber = String.format("%08d", rest);
    ListKind.Entry national =
        ListKind.PHONES.normalise(
            "0" + area + "-" + subscriber.substring(0, 4) + "-" + subscriber.substring(4));
    ListKind.Entry international = ListKind.PHONES.normalise("+81 " + area + " " + subscriber);
    assertThat(national.value()).isEqualTo(international.value()).startsWith("+81 ");
    // a stored entry reads back as itself
    assertThat(ListKind.PHONES.normalise(national.value()).value()).isEqualTo(national.value());
  }

  @Property(tries = 300)
  void aJapaneseNumberWrittenEitherWayMatches(
      @ForAll @IntRange(min = 1, max = 9) int area,
      @ForAll @IntRange(min = 0, max = 99_999_999) int rest) {
    String subscriber = String.format("%08d", rest);
    String national = "0" + area + "-" + subscriber.substring(0, 4) + "-" + subscriber.substring(4);
    String international = "+81 " + area + " " + subscriber;
    ReferenceList l =
        new ReferenceList("p", ListKind.PHONES, 1, java.util.Set.of(Normal.phone(international)));
    assertThat(l.match(Normal.phone(national))).isNotNull();
    ReferenceList n =
        new ReferenceList("p", ListKind.PHONES, 1, java.util.Set.of(Normal.phone(national)));
    assertThat(n.match(Normal.phone(international))).isNotNull();
  }
}
