package org.sekisho.intel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the text, every token is a lexeme PostgreSQL accepts, and a word of a document searched
 * for on its own finds the document.
 */
class SearchTokensProperties {
  /** Short pieces of many scripts, some repeated into very long words. */
  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> piece =
        Arbitraries.strings().withChars("aZq09-./ _漢字ＡÉ\u0000\t\uD842\uDFB7").ofMaxLength(12);
    Arbitrary<Integer> times = Arbitraries.integers().between(1, 600);
    return Combinators.combine(piece, times, piece).as((a, n, b) -> a + b.repeat(n) + a);
  }

  @Property(tries = 1500)
  void everyTokenIsAStorableLexeme(@ForAll("texts") String text) {
    for (List<String> tokens : List.of(SearchTokens.of(text), SearchTokens.forQuery(text))) {
      assertThat(tokens)
          .allSatisfy(
              t -> {
                assertThat(t).isNotEmpty().doesNotContain("\u0000");
                assertThat(t.length()).isLessThanOrEqualTo(SearchTokens.MAX_TOKEN);
                assertThat(t.getBytes(StandardCharsets.UTF_8).length).isLessThan(2046);
                assertThat(Character.isHighSurrogate(t.charAt(t.length() - 1))).isFalse();
              });
    }
  }

  /** Words of letters and digits in several scripts, some very long. */
  @Provide
  Arbitrary<String> longWords() {
    Arbitrary<String> piece =
        Arbitraries.strings().withChars("aZq09É漢字 \u0000\uD842\uDFB7").ofMaxLength(12);
    Arbitrary<Integer> times = Arbitraries.integers().between(1, 600);
    return Combinators.combine(piece, times, piece).as((a, n, b) -> a + b.repeat(n) + a);
  }

  @Property(tries = 1500)
  void eachWordOfADocumentFindsIt(@ForAll("longWords") String text) {
    List<String> doc = SearchTokens.of("before " + text + " after");
    for (String word : text.split("[\\s\u0000]+")) {
      assertThat(doc).as(word).containsAll(SearchTokens.forQuery(word));
    }
  }
}
