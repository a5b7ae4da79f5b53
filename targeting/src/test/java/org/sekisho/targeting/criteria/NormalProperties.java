package org.sekisho.targeting.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.sekisho.targeting.criteria.domain.Normal;

/**
 * Normal forms are fixed points: what is stored normalised compares equal when normalised again.
 */
class NormalProperties {
  @Property(tries = 5000)
  void aCodesCodeIsItselfAndTextsTextIsItself(@ForAll @StringLength(max = 12) String s) {
    String code = Normal.code(s);
    assertThat(Normal.code(code)).isEqualTo(code);
    String text = Normal.text(s);
    assertThat(Normal.text(text)).isEqualTo(text);
  }

  @Example
  void aLetterThatUpperCaseDecomposesIsComposedAgain() {
    // ΐ (U+0390) upper-cases to Ι, U+0308, U+0301; once normalised again it is Ϊ (U+03AA), U+0301
    assertThat(Normal.code("\u0390value")).isEqualTo("\u03AA\u0301VALUE");
    assertThat(Normal.code(Normal.code("\u0390value"))).isEqualTo("\u03AA\u0301VALUE");
  }
}
