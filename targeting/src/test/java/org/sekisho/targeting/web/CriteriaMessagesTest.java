package org.sekisho.targeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.platform.i18n.Messages;
import org.sekisho.targeting.adapter.web.CriteriaMessages;
import org.sekisho.targeting.criteria.domain.CriteriaLanguage;
import org.sekisho.targeting.criteria.domain.CriteriaProblem;
import org.sekisho.targeting.criteria.domain.ListKind;
import org.sekisho.targeting.criteria.domain.ReferenceList;

/**
 * The checker's problems read in Japanese with their line and column, and in English exactly as the
 * checker words them (the bundle's English cannot drift from the code's).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CriteriaMessagesTest {
  private static final Map<String, ReferenceList> LISTS =
      Map.of("origins", new ReferenceList("origins", ListKind.COUNTRIES, 1, Set.of("TH")));

  private static final String OK =
      "criterion \"Coffee\" when hs starts with \"0901\" then lane red weight 10 because \"cheap"
          + " coffee\"";

  /** Texts that between them produce every kind of problem the checker words with a key. */
  private static final List<String> BROKEN =
      List.of(
          "",
          "when",
          "criterion 5",
          "criterion \"C\" hs",
          "criterion \"C\" when hs starts with \"0901\" lane red",
          "criterion \"C\" when hs starts with \"0901\" then because \"cheap coffee\"",
          "criterion \"C\" when hs starts with \"0901\" then lane red \"x\"",
          "criterion \"C\" when hs starts with \"0901\" then lane red because 5",
          "criterion \"C\" when (hs starts with \"0901\" then lane red because \"cheap coffee\"",
          "criterion \"C\" when hs ~ \"0901\" then lane red because \"cheap coffee\"",
          "criterion \"C\" when hs ! \"0901\" then lane red because \"cheap coffee\"",
          "criterion \"C\" when hs foo \"0901\" then lane red because \"cheap coffee\"",
          "criterion \"C\" when value between x and 3 then lane red because \"cheap coffee\"",
          "criterion \"C\" when value between 1 or 3 then lane red because \"cheap coffee\"",
          "criterion \"C\" when value between 5 and x then lane red because \"cheap coffee\"",
          "criterion \"C\" when hs starts \"0901\" then lane red because \"cheap coffee\"",
          "criterion \"C\" when origin not list \"x\" then lane red because \"cheap coffee\"",
          "criterion \"C\" when origin in list x then lane red because \"cheap coffee\"",
          "criterion \"C\" when origin in (\"TH\" \"CO\") then lane red because \"cheap coffee\"",
          "criterion \"C\" when origin = then lane red because \"cheap coffee\"",
          "criterion \"C\" when "
              + "(".repeat(60)
              + "hs = \"0901\""
              + ")".repeat(60)
              + " then lane red because \"cheap coffee\"",
          "criterion \"C\" when hs = \"0901 then lane red because \"cheap coffee\"",
          "criterion \"\" when hs = \"0901\" then lane red weight 10 weight 5 because \"x\"",
          "criterion \"C\" when hs = \"0901\" then lane purple weight 5000 sample 0 % because \"ok"
              + " fine\"",
          "criterion \"C\" when hs = \"0901\" then lane red because \"" + "x".repeat(501) + "\"",
          "criterion \"C\" when colour = \"red\" then lane red because \"cheap coffee\"",
          "criterion \"C\" when origin < 5 then lane red because \"cheap coffee\"",
          "criterion \"C\" when value between 5 and 1 then lane red because \"cheap coffee\"",
          "criterion \"C\" when origin between 1 and 5 then lane red because \"cheap coffee\"",
          "criterion \"C\" when value starts with \"1\" then lane red because \"cheap coffee\"",
          "criterion \"C\" when origin contains \"T\" then lane red because \"cheap coffee\"",
          "criterion \"C\" when description contains \"\" then lane red because \"cheap coffee\"",
          "criterion \"C\" when origin in list \"nope\" then lane red because \"cheap coffee\"",
          "criterion \"C\" when hs in list \"origins\" then lane red because \"cheap coffee\"",
          "criterion \"C\" when description in list \"origins\" then lane red because \"cheap"
              + " coffee\"",
          "criterion \"C\" when value = \"5\" then lane red because \"cheap coffee\"",
          "criterion \"C\" when origin = \"\" then lane red because \"cheap coffee\"",
          "criterion \"C\" when value < \"cheap\" then lane red because \"cheap coffee\"",
          OK + "\n" + OK);

  private static List<CriteriaProblem> problems() {
    List<CriteriaProblem> out = new ArrayList<>();
    for (String text : BROKEN) {
      List<CriteriaProblem> ps = CriteriaLanguage.compileOne(text, LISTS).problems();
      assertThat(ps).as(text).isNotEmpty();
      out.addAll(ps);
    }
    out.addAll(
        CriteriaLanguage.compileOne(OK + "x".repeat(CriteriaLanguage.MAX_LENGTH), LISTS)
            .problems());
    return out;
  }

  @Test
  void theBundlesEnglishIsWordForWordWhatTheCheckerSays() {
    Messages en = new Messages(Locale.ENGLISH, List.of("i18n.targeting"));
    List<CriteriaProblem> all = problems();
    assertThat(all.stream().filter(p -> !p.text().key().isEmpty()).count()).isGreaterThan(30);
    for (CriteriaProblem p : all) {
      assertThat(CriteriaMessages.text(en, p.text())).as(p.text().key()).isEqualTo(p.message());
      assertThat(CriteriaMessages.line(en, p))
          .isEqualTo("line " + p.line() + ", column " + p.column() + ": " + p.message());
    }
  }

  @Test
  void inJapaneseEveryKeyedProblemIsTranslatedAndKeepsItsLineAndColumn() {
    Messages ja = new Messages(Locale.JAPANESE, List.of("i18n.targeting"));
    for (CriteriaProblem p : problems()) {
      String line = CriteriaMessages.line(ja, p);
      assertThat(line).startsWith(p.line() + " 行 " + p.column() + " 列: ");
      if (!p.text().key().isEmpty()) {
        assertThat(line).as(p.message()).doesNotContain(p.message()).doesNotContain("criteria.");
      }
    }
    CriteriaProblem nested =
        CriteriaLanguage.compileOne(
                "criterion \"C\" when value_per_kg < \"cheap\" then lane red because \"cheap coffee\"",
                LISTS)
            .problems()
            .get(0);
    assertThat(CriteriaMessages.line(ja, nested))
        .isEqualTo("1 行 35 列: 数値が必要ですが、文字列 \"cheap\"があります");
  }

  @Test
  void aDanglingAndBeforeThenIsAMissingConditionAtThenNotAFieldNamedThen() {
    Messages en = new Messages(Locale.ENGLISH, List.of("i18n.targeting"));
    Messages ja = new Messages(Locale.JAPANESE, List.of("i18n.targeting"));
    for (String op : List.of("and", "or")) {
      CriteriaProblem p =
          CriteriaLanguage.compileOne(
                  "criterion \"C\"\n  when origin = \"CN\" "
                      + op
                      + "\n  then lane red weight 10\n  because \"cheap\"",
                  LISTS)
              .problems()
              .get(0);
      assertThat(CriteriaMessages.line(en, p))
          .isEqualTo("line 3, column 3: expected a condition after '" + op + "', found 'then'");
      assertThat(CriteriaMessages.line(ja, p))
          .isEqualTo("3 行 3 列: '" + op + "' の後の条件が必要ですが、'then'があります");
    }
  }
}
