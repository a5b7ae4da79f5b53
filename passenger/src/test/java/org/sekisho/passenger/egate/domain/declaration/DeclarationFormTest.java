package org.sekisho.passenger.egate.domain.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
    f.put("cash", "yes");
    f.put("unaccompanied", "on");
    f.put("unaccompaniedPieces", "2");
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
  void aBirthDateInTheFutureIsRefused() {
    Map<String, String> f = filled();
    f.put("birthDate", "2027-01-01");
    assertThat(DeclarationForm.read(f, TODAY).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.field()).isEqualTo("birthDate"));
  }

  @Provide
  Arbitrary<Map<String, String>> mutatedForms() {
    Arbitrary<String> values =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(300),
            Arbitraries.strings().withCharRange('0', '9').ofMaxLength(12),
            Arbitraries.of("", "yes", "on", "2026-02-30", "1899-12-31", "-1", "999999999999"));
    return Arbitraries.maps(Arbitraries.of(DeclarationForm.FIELDS), values)
        .ofMaxSize(DeclarationForm.FIELDS.size())
        .map(
            m -> {
              Map<String, String> f = new HashMap<>(filled());
              f.putAll(m);
              return f;
            });
  }

  @Property(tries = 3000)
  void anyMutatedFormGivesADeclarationOrProblemsNamingKnownFields(
      @ForAll("mutatedForms") Map<String, String> form) {
    Outcome<CustomsDeclaration> o = DeclarationForm.read(form, TODAY);
    if (o instanceof Outcome.Rejected<CustomsDeclaration> r) {
      assertThat(r.problems())
          .allSatisfy(
              p -> {
                assertThat(DeclarationForm.FIELDS).contains(p.field());
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
}
