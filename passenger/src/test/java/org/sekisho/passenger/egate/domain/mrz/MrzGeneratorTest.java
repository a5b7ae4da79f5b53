package org.sekisho.passenger.egate.domain.mrz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sekisho.core.Outcome;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MrzGeneratorTest {

  static Stream<Arguments> generatorCases() {
    return MrzVectors.generatorCases().stream().map(c -> Arguments.of(c.get("id").asText(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("generatorCases")
  void everySharedGeneratorVectorProducesTheExpectedLines(String id, JsonNode c) {
    JsonNode in = c.get("inputs");
    String kind = c.get("kind").asText();
    NameTransliteration.Variant variant =
        switch (c.path("transliteration").asText("")) {
          case "cyrillic_serbian" -> NameTransliteration.Variant.SERBIAN;
          case "cyrillic_ukrainian" -> NameTransliteration.Variant.UKRAINIAN;
          default -> NameTransliteration.Variant.ICAO;
        };
    boolean force = c.path("force").asBoolean(false);
    MrzData data =
        new MrzData(
            MrzFormat.valueOf(kind.toUpperCase(Locale.ROOT)),
            in.path("document_type").asText(),
            in.path("country").asText(),
            in.path("surname").asText(),
            in.path("given_names").asText(),
            in.path("document_number").asText(),
            in.path("nationality").asText(),
            in.path("birth_date").asText(),
            in.path("sex").asText(),
            in.path("expiry_date").asText(),
            in.path("optional_data").asText(),
            in.path("optional_data_2").asText());
    Outcome<List<String>> lines = new MrzGenerator(variant, force).generate(data);
    assertThat(lines.problems()).isEmpty();
    assertThat(lines.orElseThrow()).containsExactlyElementsOf(MrzVectors.lines(c.get("expected")));
  }

  @Test
  void anUnknownNationalityIsRefusedUnlessAllowed() {
    MrzData data =
        new MrzData(
            MrzFormat.MRVB,
            "VB",
            "D",
            "DEDIC",
            "SIDNAN",
            "D09174053",
            "BOS",
            "820113",
            "M",
            "970801",
            "",
            "");
    Outcome<List<String>> refused = new MrzGenerator().generate(data);
    assertThat(refused.isAccepted()).isFalse();
    assertThat(refused.problems().get(0).field()).isEqualTo("nationality");
  }

  @Test
  void germanUmlautsAndLigaturesFollowTheRecommendedTransliteration() {
    assertThat(NameTransliteration.toMrz("Müller-Lüdenscheidt", NameTransliteration.Variant.ICAO))
        .isEqualTo("MUELLER<LUEDENSCHEIDT");
    assertThat(NameTransliteration.toMrz("Ørsted Åse Strauß", NameTransliteration.Variant.ICAO))
        .isEqualTo("OERSTED<AASE<STRAUSS");
    assertThat(NameTransliteration.toMrz("Щербаков", NameTransliteration.Variant.ICAO))
        .isEqualTo("SHCHERBAKOV");
  }

  @Test
  void tooLongGivenNamesAreTruncatedToFitTheField() {
    MrzData data =
        new MrzData(
            MrzFormat.TD1,
            "ID",
            "JPN",
            "WOLFESCHLEGELSTEINHAUSEN",
            "HUBERT BLAINE CHARLES",
            "123456789",
            "JPN",
            "800101",
            "M",
            "300101",
            "",
            "");
    List<String> lines = new MrzGenerator().generate(data).orElseThrow();
    assertThat(lines.get(2)).hasSize(30).isEqualTo("WOLFESCHLEGELSTEINHAUSEN<<HUBE");
  }

  @Test
  void aLongDocumentNumberRoundTripsThroughTheOptionalData() {
    MrzData data =
        new MrzData(
            MrzFormat.TD1,
            "I",
            "UTO",
            "ERIKSSON",
            "ANNA MARIA",
            "D23145890734",
            "UTO",
            "740812",
            "F",
            "120415",
            "",
            "");
    List<String> lines = new MrzGenerator().generate(data).orElseThrow();
    assertThat(lines.get(0)).isEqualTo("I<UTOD23145890<7349<<<<<<<<<<<");
  }
}
