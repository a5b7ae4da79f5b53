package org.sekisho.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.sekisho.intel.adapter.db.EntityReadings;
import org.sekisho.intel.domain.NameReading;

/**
 * Whatever the mix of kana, kanji, digits and Latin letters, a name's reading keeps every number of
 * the name, half-width and in order, and numbered companies of one name never share a reading.
 */
class NameReadingProperties {
  private static final NameReading READER = EntityReadings.shared();
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  @Provide
  Arbitrary<String> names() {
    Arbitrary<String> piece =
        Arbitraries.of(
            "サクラ", "物産", "株式会社", "山田", "太郎", "商事", "第", "号", "ｻｸﾗ", "清水", "ー", " ", "・", "-", "7",
            "１２", "571", "ABC", "Ｘ", "Co.", "Ltd", "(株)", "〇");
    return piece.list().ofMinSize(1).ofMaxSize(7).map(l -> String.join("", l));
  }

  @Property(tries = 400)
  void aReadingKeepsEveryNumberOfTheNameInOrder(@ForAll("names") String name) {
    for (String type : List.of("person", "company")) {
      String reading = READER.of(type, name);
      if (reading == null || type.equals("person")) {
        continue; // a person's key sorts its parts; its numbers are all there, in another order
      }
      assertThat(numbers(reading)).as(name).isEqualTo(numbers(nfkc(name)));
      assertThat(reading).as(name).doesNotContainPattern("[０-９Ａ-Ｚａ-ｚ]");
    }
  }

  @Property(tries = 200)
  void numberedCompaniesOfOneNameHaveReadingsOfTheirOwn(
      @ForAll @IntRange(min = 0, max = 99_999) int a,
      @ForAll @IntRange(min = 0, max = 99_999) int b,
      @ForAll boolean fullWidth,
      @ForAll boolean before) {
    String base = "株式会社サクラ物産";
    String ra = READER.of("company", numbered(base, a, fullWidth, before));
    String rb = READER.of("company", numbered(base, b, fullWidth, before));
    assertThat(ra).isEqualTo(before ? a + " SAKURA BUSSAN" : "SAKURA BUSSAN " + a);
    if (a != b) {
      assertThat(ra).isNotEqualTo(rb);
    }
  }

  private static String numbered(String base, int n, boolean fullWidth, boolean before) {
    String digits = Integer.toString(n);
    if (fullWidth) {
      StringBuilder w = new StringBuilder();
      digits.chars().forEach(c -> w.append((char) (c - '0' + '０')));
      digits = w.toString();
    }
    return before ? digits + " " + base : base + " " + digits;
  }

  private static String nfkc(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC);
  }

  private static List<String> numbers(String s) {
    List<String> out = new ArrayList<>();
    Matcher m = DIGITS.matcher(s);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
