package org.sekisho.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

  @Test
  void aPlainRefusalHasNoWordingOfItsOwn() {
    Problem p = Problem.of("invalid-lane", "lane", "expected red, yellow, blue or green");

    assertThat(p.key()).isEmpty();
    assertThat(p.args()).isEmpty();
    assertThat(p).hasToString("lane: expected red, yellow, blue or green (invalid-lane)");
  }

  @Test
  void aWordingKeepsTheQuotedValuesAsText() {
    Problem p =
        Problem.of("conflict", "status", "assessment 12 was superseded by assessment 40")
            .worded("superseded", 12L, 40);

    assertThat(p.key()).isEqualTo("superseded");
    assertThat(p.args()).containsExactly("12", "40");
    // the English stays as the use case wrote it: clients match on it
    assertThat(p.message()).isEqualTo("assessment 12 was superseded by assessment 40");
    assertThat(p.code()).isEqualTo("conflict");
    assertThat(p.field()).isEqualTo("status");
  }

  @Test
  void aWordingIsPartOfTheValue() {
    Problem plain = Problem.of("conflict", "status", "the item changed meanwhile; reload it");

    assertThat(plain.worded("changed")).isNotEqualTo(plain).isEqualTo(plain.worded("changed"));
    assertThat(plain.worded("changed", "x")).isNotEqualTo(plain.worded("changed", "y"));
  }

  @Test
  void movingARefusalToAnotherFieldKeepsItsWording() {
    Problem p = Problem.of("invalid-entry", "value", "empty entry").worded("entry-empty");

    Problem moved = p.at("line 4");

    assertThat(moved.field()).isEqualTo("line 4");
    assertThat(moved.key()).isEqualTo("entry-empty");
    assertThat(moved.message()).isEqualTo("empty entry");
  }

  @Test
  void theArgumentsCannotBeChangedAfterwards() {
    List<String> args = new java.util.ArrayList<>(List.of("1"));
    Problem p = new Problem("c", "m", "", "k", args);
    args.add("2");

    assertThat(p.args()).containsExactly("1");
    assertThatNullPointerException().isThrownBy(() -> p.worded(null));
  }
}
