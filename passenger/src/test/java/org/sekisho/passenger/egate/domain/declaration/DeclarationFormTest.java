package org.sekisho.passenger.egate.domain.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DeclarationFormTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

  static Map<String, String> filled() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("flight", "nh 110");
    f.put("departedFrom", "New York");
    f.put("arrival", "2026-03-10");
    f.put("surname", "Eriksson");
    f.put("givenNames", "Anna Maria");
    f.put("nationality", "uto");
    f.put("birthDate", "1985-04-12");
    f.put("passportNumber", "tk1234567");
    f.put("occupation", "engineer");
    f.put("address", "東京都千代田区丸の内1-1-1 ホテル関所");
    f.put("phone", "+81 3 1234 5678");
    f.put("family20", "1");
    for (String q : DeclarationForm.QUESTIONS) {
      f.put(q, "no");
    }
    f.put("cash", "yes");
    f.put("unaccompanied", "YES");
    f.put("unaccompaniedPieces", "2");
    // a Yes to question 3: the form's B side lists the goods
    f.put("goodName1", "Camera");
    f.put("goodQuantity1", "1");
    f.put("goodValue1", "80,000");
    return f;
  }

  @Test
  void aFilledFormBecomesADeclarationInPassportSpelling() {
    CustomsDeclaration d = DeclarationForm.read(filled(), TODAY).orElseThrow();
    assertThat(d.flight()).isEqualTo("NH 110");
    assertThat(d.surname()).isEqualTo("ERIKSSON");
    assertThat(d.givenNames()).isEqualTo("ANNA MARIA");
    assertThat(d.nationality()).isEqualTo("UTO");
    assertThat(d.passportNumber()).isEqualTo("TK1234567");
    assertThat(d.birthDate()).isEqualTo(LocalDate.of(1985, 4, 12));
    assertThat(d.addressInJapan()).startsWith("東京都");
    assertThat(d.family().aged20AndOver()).isEqualTo(1);
    assertThat(d.answers().cashOverOneMillionYen()).isTrue();
    assertThat(d.answers().unaccompaniedBaggage()).isTrue();
    assertThat(d.answers().prohibitedOrRestricted()).isFalse();
    assertThat(d.unaccompaniedPieces()).isEqualTo(2);
    assertThat(d.goods()).containsExactly(new CustomsDeclaration.Good("Camera", 1, 80_000));
  }

  @Test
  void numbersTypedWithAJapaneseInputMethodAreRead() {
    Map<String, String> f = filled();
    f.put("goodQuantity1", "２");
    f.put("goodValue1", "１２，５００円");
    assertThat(DeclarationForm.read(f, TODAY).orElseThrow().goods())
        .containsExactly(new CustomsDeclaration.Good("Camera", 2, 12_500));
    f.put("goodValue1", "￥１２５００");
    assertThat(DeclarationForm.read(f, TODAY).orElseThrow().goods().get(0).valueYen())
        .isEqualTo(12_500);
    f.put("goodQuantity1", "０");
    assertThat(DeclarationForm.read(f, TODAY).problems())
        .extracting(Problem::field)
        .containsExactly("goodQuantity1");
  }

  @Test
  void aYesToAQuestionOf1Or3AsksForTheGoodsAndEachRowIsChecked() {
    Map<String, String> f = filled();
    f.keySet().removeIf(k -> k.startsWith("good"));
    f.put("unaccompanied", "no");
    f.put("unaccompaniedPieces", "0");
    // cash (question 2) alone is declared on a form of its own: no goods asked for
    assertThat(DeclarationForm.read(f, TODAY).isAccepted()).isTrue();
    f.put("overAllowance", "yes");
    Outcome<CustomsDeclaration> none = DeclarationForm.read(f, TODAY);
    assertThat(none.problems()).extracting(Problem::field).containsExactly("goods");
    assertThat(none.problems().get(0).code()).isEqualTo("missing-field");

    f.put("goodName2", "Handbag");
    f.put("goodQuantity2", "1");
    f.put("goodValue2", "¥1,200,000");
    assertThat(DeclarationForm.read(f, TODAY).orElseThrow().goods())
        .containsExactly(new CustomsDeclaration.Good("Handbag", 1, 1_200_000));

    f.put("goodName4", "x".repeat(DeclarationForm.MAX_GOOD_CHARS + 1));
    f.put("goodQuantity4", "10000");
    f.put("goodValue4", "");
    Outcome<CustomsDeclaration> bad = DeclarationForm.read(f, TODAY);
    assertThat(bad.problems())
        .extracting(p -> p.field() + " " + p.message())
        .containsExactly(
            "goodName4 at most 30 characters, got 31",
            "goodQuantity4 expected a whole number from 1 to 9,999",
            "goodValue4 required");
    f.put("goodName4", "品".repeat(DeclarationForm.MAX_GOOD_CHARS));
    f.put("goodQuantity4", "2");
    f.put("goodValue4", "3000円");
    assertThat(DeclarationForm.read(f, TODAY).orElseThrow().goods()).hasSize(2);
  }

  @Test
  void everyProblemIsReportedWithItsFieldAndTheExpectedForm() {
    Map<String, String> f = filled();
    f.put("surname", "");
    f.put("birthDate", "12/04/1985");
    f.put("passportNumber", "TK-123");
    f.put("family20", "many");
    f.put("unaccompaniedPieces", "0");
    Outcome<CustomsDeclaration> o = DeclarationForm.read(f, TODAY);
    assertThat(o.problems())
        .extracting(Problem::field)
        .containsExactly(
            "surname", "birthDate", "passportNumber", "family20", "unaccompaniedPieces");
    assertThat(o.problems().get(1).message()).contains("YYYY-MM-DD");
    assertThat(o.problems().get(0).code()).isEqualTo("missing-field");
  }

  @Test
  void aNationalityThatIsNoIcaoCodeIsRefusedAndGermanysSingleDIsTaken() {
    for (String bad : new String[] {"JP", "ZZ", "UT", "ZZZ"}) {
      Map<String, String> f = filled();
      f.put("nationality", bad);
      assertThat(DeclarationForm.read(f, TODAY).problems())
          .as(bad)
          .extracting(Problem::field)
          .containsExactly("nationality");
    }
    for (String good : new String[] {"JPN", "D", "xxa", "UTO"}) {
      Map<String, String> f = filled();
      f.put("nationality", good);
      assertThat(DeclarationForm.read(f, TODAY).isAccepted()).as(good).isTrue();
    }
  }

  @Test
  void aBirthDateInTheFutureIsRefused() {
    Map<String, String> f = filled();
    f.put("birthDate", "2027-01-01");
    assertThat(DeclarationForm.read(f, TODAY).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.field()).isEqualTo("birthDate"));
  }

  @Test
  void everyQuestionMustBeAnsweredYesOrNoAndAnyOtherValueIsRefusedNamingTheField() {
    Map<String, String> f = filled();
    f.remove("prohibited");
    f.put("overAllowance", "");
    f.put("unaccompanied", "1");
    f.put("commercial", "maybe");
    f.put("forOthers", "on");
    Outcome<CustomsDeclaration> o = DeclarationForm.read(f, TODAY);
    assertThat(o.problems())
        .extracting(Problem::field, Problem::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("prohibited", "missing-field"),
            org.assertj.core.groups.Tuple.tuple("overAllowance", "missing-field"),
            org.assertj.core.groups.Tuple.tuple("commercial", "invalid-field"),
            org.assertj.core.groups.Tuple.tuple("forOthers", "invalid-field"),
            org.assertj.core.groups.Tuple.tuple("unaccompanied", "invalid-field"));
    assertThat(o.problems().get(2).message()).contains("yes or no").contains("maybe");
    Map<String, String> answered = filled();
    answered.put("prohibited", "false");
    answered.put("commercial", "True");
    CustomsDeclaration d = DeclarationForm.read(answered, TODAY).orElseThrow();
    assertThat(d.answers().prohibitedOrRestricted()).isFalse();
    assertThat(d.answers().commercialGoods()).isTrue();
  }

  @Test
  void aNameWithLatinLettersAsPrintedInThePassportIsWrittenAsTheMrzWritesIt() {
    Map<String, String> f = filled();
    f.put("surname", "Müller");
    f.put("givenNames", "José");
    CustomsDeclaration d = DeclarationForm.read(f, TODAY).orElseThrow();
    assertThat(d.surname()).isEqualTo("MUELLER");
    assertThat(d.givenNames()).isEqualTo("JOSE");
    f.put("surname", "山田");
    assertThat(DeclarationForm.read(f, TODAY).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("surname");
              assertThat(p.message()).contains("MUELLER");
            });
  }

  @Test
  void aLimitInBytesIsReportedInBytesAndAnImpossibleDateIsNotCalledAFormatError() {
    Map<String, String> f = filled();
    f.put("address", "\uD83D\uDE00".repeat(64));
    f.put("arrival", "2026-02-30");
    f.put("birthDate", "12/04/1985");
    Outcome<CustomsDeclaration> o = DeclarationForm.read(f, TODAY);
    assertThat(o.problems())
        .extracting(Problem::field)
        .containsExactly("arrival", "birthDate", "address");
    assertThat(o.problems().get(0).message())
        .isEqualTo("2026-02-30 is not a day of the calendar")
        .doesNotContain("YYYY-MM-DD");
    assertThat(o.problems().get(1).message()).contains("YYYY-MM-DD");
    assertThat(o.problems().get(2).message())
        .contains("at most 255 bytes")
        .contains("got 256")
        .doesNotContain("characters,");
  }

  @Test
  void bidiControlsAndZeroWidthCharactersAreNeverSignedIntoTheQr() {
    for (String sneaky :
        List.of("Hotel\u202Eevil", "Hotel\u200Bx", "\u2067Hotel\u2069", "Hotel\uFEFF")) {
      Map<String, String> f = filled();
      f.put("address", sneaky);
      assertThat(DeclarationForm.read(f, TODAY).problems())
          .as(sneaky)
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.field()).isEqualTo("address");
                assertThat(p.message()).contains("invisible formatting characters");
              });
    }
  }

  @Test
  void everyMistakeHasItsMessageInBothLanguages() {
    for (String lang : List.of("en", "ja")) {
      java.util.Properties p = new java.util.Properties();
      try (var in =
          new java.io.InputStreamReader(
              DeclarationForm.class.getResourceAsStream("/i18n/egate_" + lang + ".properties"),
              java.nio.charset.StandardCharsets.UTF_8)) {
        p.load(in);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      for (DeclarationForm.Mistake m : DeclarationForm.Mistake.values()) {
        assertThat(p.getProperty(m.key())).as(lang + " " + m.key()).isNotBlank();
      }
    }
  }

  @Provide
  Arbitrary<Map<String, String>> mutatedForms() {
    Arbitrary<String> values =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(300),
            Arbitraries.strings().withCharRange('0', '9').ofMaxLength(12),
            Arbitraries.of(
                "", "yes", "no", "on", "2026-02-30", "1899-12-31", "-1", "999999999999"));
    return Arbitraries.maps(Arbitraries.of(DeclarationForm.FIELDS), values)
        .ofMaxSize(DeclarationForm.FIELDS.size())
        .map(
            m -> {
              Map<String, String> f = new HashMap<>(filled());
              f.putAll(m);
              return f;
            });
  }

  /** Every field a problem may name: the form's and the goods as a whole. */
  private static java.util.List<String> fieldsAndGoods() {
    java.util.List<String> all = new java.util.ArrayList<>(DeclarationForm.FIELDS);
    all.add("goods");
    return all;
  }

  @Property(tries = 3000)
  void anyMutatedFormGivesADeclarationOrProblemsNamingKnownFields(
      @ForAll("mutatedForms") Map<String, String> form) {
    Outcome<CustomsDeclaration> o = DeclarationForm.read(form, TODAY);
    if (o instanceof Outcome.Rejected<CustomsDeclaration> r) {
      assertThat(r.problems())
          .allSatisfy(
              p -> {
                assertThat(p.field()).isIn(fieldsAndGoods());
                assertThat(p.message()).isNotBlank();
              });
    } else {
      // What the form accepts must also fit the signed QR format.
      CustomsDeclaration d = o.orElseThrow();
      assertThat(
              DeclarationQrFormat.seal(
                  d,
                  "K",
                  DeclarationQrFormatTest.KEYS.getPrivate(),
                  DeclarationQrFormatTest.SIGNED))
          .startsWith("SKD1:");
    }
  }

  @Test
  void aValueWithCommasOutOfPlaceIsRefusedNotReadAsAnotherAmount() {
    Map<String, String> f = filled();
    for (String typed : new String[] {"1,2,3", "12,50", "80,0000"}) {
      f.put("goodValue1", typed);
      assertThat(DeclarationForm.read(f, TODAY).problems())
          .as(typed)
          .extracting(Problem::field)
          .containsExactly("goodValue1");
    }
    f.put("goodValue1", "８０，０００円");
    assertThat(DeclarationForm.read(f, TODAY).orElseThrow().goods().get(0).valueYen())
        .isEqualTo(80_000);
  }
}
