package org.sekisho.passenger.egate.domain.mrz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MrzParserTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
  private final MrzParser parser =
      new MrzParser(Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC));

  /**
   * What the notes of each shared vector say about validity (layout, codes and check digits; expiry
   * apart). Vectors whose source asserts nothing are held to the curators' check-digit
   * recomputation in the generic test below.
   */
  private static final Map<String, Boolean> VALIDITY_FROM_NOTES =
      Map.ofEntries(
          Map.entry("mrz-td1-lie", true),
          Map.entry("mrz-td1-srb", true),
          Map.entry("mrz-td1-esp", true),
          Map.entry("mrz-td1-srb-warn1", false),
          Map.entry("mrz-td1-srb-warn2", false),
          Map.entry("mrz-td2-uto", true),
          Map.entry("mrz-td3-uto-arabic", true),
          Map.entry("mrz-td3-ukr", true),
          Map.entry("mrz-td3-can", true),
          Map.entry("mrz-mrva-usa", true),
          Map.entry("mrz-mrva-uto", true),
          Map.entry("mrz-mrva-usa-fields", true),
          Map.entry("mrz-mrvb-uto", true),
          Map.entry("mrz-mrvb-bos", false),
          Map.entry("mrz-mrvb-bih", true),
          Map.entry("mrz-td1-bad", false),
          Map.entry("mrz-td1-lva", true),
          Map.entry("mrz-td3-inp", false),
          Map.entry("pe-td1-aut", true),
          Map.entry("pe-td1-aut-badcomposite", false),
          Map.entry("pe-td2-uto", true),
          Map.entry("pe-mrva-usa", true),
          Map.entry("pe-td3-pol", true),
          Map.entry("pe-td3-uto-image", true));

  static Stream<Arguments> checkerCases() {
    return MrzVectors.checkerCases().stream().map(c -> Arguments.of(c.get("id").asText(), c));
  }

  private MachineReadableZone read(JsonNode c) {
    Outcome<MachineReadableZone> o = parser.parse(MrzVectors.lines(c.get("lines")));
    assertThat(o.isAccepted()).as("parsed %s: %s", c.get("id"), o.problems()).isTrue();
    return o.orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("checkerCases")
  void everySharedVectorReadsInItsLayoutWithTheRecomputedCheckDigits(String id, JsonNode c) {
    MachineReadableZone m = read(c);
    JsonNode computed = c.get("computed");
    assertThat(m.format().name()).isEqualTo(computed.get("format").asText());
    JsonNode expectedChecks = computed.get("check_digits");
    assertThat(m.checks()).hasSize(expectedChecks.size());
    for (int i = 0; i < m.checks().size(); i++) {
      MrzCheck mine = m.checks().get(i);
      JsonNode theirs = expectedChecks.get(i);
      assertThat(mine.field()).isEqualTo(theirs.get("field").asText());
      assertThat(String.valueOf(mine.present())).isEqualTo(theirs.get("present").asText());
      assertThat(String.valueOf(mine.computed())).isEqualTo(theirs.get("computed").asText());
      assertThat(mine.ok()).as("%s %s", id, mine.field()).isEqualTo(theirs.get("ok").asBoolean());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("checkerCases")
  void everySharedVectorYieldsTheFieldsAsPrinted(String id, JsonNode c) {
    MachineReadableZone m = read(c);
    JsonNode computed = c.get("computed");
    for (String field :
        List.of(
            "document_code",
            "issuing_state",
            "birth_date",
            "sex",
            "expiry_date",
            "nationality",
            "primary_identifier",
            "secondary_identifier",
            "optional1",
            "optional2",
            "optional",
            "personal_number")) {
      if (computed.has(field)) {
        assertThat(m.field(field)).as("%s %s", id, field).isEqualTo(computed.get(field).asText());
      }
    }
    assertThat(m.documentNumber())
        .isEqualTo(computed.get("document_number").asText().replace("<", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("checkerCases")
  void everySharedVectorIsValidOrInvalidAsItsNotesSay(String id, JsonNode c) {
    MachineReadableZone m = read(c);
    boolean expected =
        VALIDITY_FROM_NOTES.getOrDefault(
            id, c.get("computed").get("all_check_digits_ok").asBoolean());
    if (id.equals("mrz-td3-asu-male")) {
      // ASU is not an ICAO code: the source asserts fields only, so the code error is expected.
      expected = false;
    }
    assertThat(m.valid()).as("%s problems %s", id, m.problems()).isEqualTo(expected);
  }

  @Test
  void anUnknownNationalityIsTheOnlyProblemOfTheBosnianVisaSpecimen() {
    JsonNode c = find("mrz-mrvb-bos");
    MachineReadableZone m = read(c);
    assertThat(m.problems()).extracting(Problem::code).containsExactly("mrz-unknown-code");
    assertThat(m.problems().get(0).field()).startsWith("nationality");
  }

  @Test
  void aWrongCompositeDigitIsReportedWithItsPosition() {
    MachineReadableZone m = read(find("pe-td1-aut-badcomposite"));
    assertThat(m.checks()).extracting(MrzCheck::ok).containsExactly(true, true, true, false);
    assertThat(m.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo("mrz-check-digit");
              assertThat(p.field()).isEqualTo("composite (line 2, position 30)");
            });
  }

  @Test
  void expiryIsJudgedApartFromValidity() {
    MachineReadableZone lva = read(find("mrz-td1-lva"));
    assertThat(lva.valid()).isTrue();
    assertThat(lva.expiredOn(TODAY)).isTrue();
    assertThat(lva.expiryDate()).contains(LocalDate.of(2017, 3, 5));
    MachineReadableZone visa = read(find("mrz-mrva-uto"));
    assertThat(visa.expiryDate()).contains(LocalDate.of(1996, 12, 10));
    assertThat(visa.birthDate()).contains(LocalDate.of(1940, 9, 7));
  }

  @Test
  void aDocumentValidUntilTheFutureIsNotExpired() {
    MachineReadableZone m =
        parser
            .parse(
                new MrzGenerator()
                    .generate(
                        new MrzData(
                            MrzFormat.TD3,
                            "P",
                            "JPN",
                            "SATO",
                            "HANAKO",
                            "TK1234567",
                            "JPN",
                            "900101",
                            "F",
                            "310101",
                            "",
                            ""))
                    .orElseThrow())
            .orElseThrow();
    assertThat(m.valid()).isTrue();
    assertThat(m.expiredOn(TODAY)).isFalse();
  }

  @Test
  void aLongTd1DocumentNumberContinuesInTheOptionalData() {
    // Doc 9303 part 5 example: number D23145890734, check digit 9, in the optional-data field.
    List<String> lines =
        List.of(
            "I<UTOD23145890<7349<<<<<<<<<<<",
            "7408122F1204159UTO<<<<<<<<<<<6",
            "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");
    MachineReadableZone m = parser.parse(lines).orElseThrow();
    assertThat(m.documentNumber()).isEqualTo("D23145890734");
    assertThat(m.checks().get(0).ok()).isTrue();
  }

  @Test
  void linesOfNoKnownLayoutAreRejectedNamingTheWidths() {
    Outcome<MachineReadableZone> o = parser.parse(List.of("P<UTOERIKSSON", "L898902C36UTO"));
    assertThat(o.isAccepted()).isFalse();
    assertThat(o.problems().get(0).message()).contains("widths [13, 13]");
  }

  @Test
  void aCharacterOutsideTheAlphabetIsReportedAtItsPosition() {
    List<String> lines =
        List.of(
            "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
            "L898902C36UTO7408122F1204159ZE184226B<<<<<1a");
    MachineReadableZone m = parser.parse(lines).orElseThrow();
    assertThat(m.valid()).isFalse();
    assertThat(m.problems())
        .anySatisfy(
            p -> {
              assertThat(p.code()).isEqualTo("mrz-invalid-character");
              assertThat(p.field()).isEqualTo("line 2, position 44");
            });
  }

  private static JsonNode find(String id) {
    return MrzVectors.checkerCases().stream()
        .filter(c -> c.get("id").asText().equals(id))
        .findFirst()
        .orElseThrow();
  }
}
