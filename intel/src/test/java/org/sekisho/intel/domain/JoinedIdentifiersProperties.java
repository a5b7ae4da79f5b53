package org.sekisho.intel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written identifier scan finds exactly what the documented pattern finds. */
class JoinedIdentifiersProperties {
  private static final Pattern REFERENCE =
      Pattern.compile("(?<![\\p{Alnum}])(?=[\\p{Alnum}]*\\d)[\\p{Alnum}]+(?:[-./][\\p{Alnum}]+)+");

  private static List<String> reference(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = REFERENCE.matcher(text);
    while (m.find()) {
      String joined = m.group().replaceAll("[-./]", "").toLowerCase(Locale.ROOT);
      if (joined.length() >= 4) {
        out.add(joined);
      }
    }
    return out;
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("aZq09-./ _漢ＡÉ").ofMaxLength(40);
  }

  @Property(tries = 5000)
  void scanAgreesWithThePattern(@ForAll("texts") String text) {
    assertThat(SearchTokens.joinedIdentifiers(text)).isEqualTo(reference(text));
  }

  @Example
  void typicalIdentifiers() {
    String text = "B/L MAEU-123456789, tel 03-1234-5678, ABC-123-456, v1.2, X-Y";
    assertThat(SearchTokens.joinedIdentifiers(text))
        .isEqualTo(reference(text))
        .containsExactly("0312345678", "123456");
  }
}
