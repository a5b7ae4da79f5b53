package org.sekisho.targeting.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.targeting.criteria.domain.CriteriaLanguage;
import org.sekisho.targeting.criteria.domain.CriteriaProblem;
import org.sekisho.targeting.criteria.domain.Criterion;
import org.sekisho.targeting.criteria.domain.ListKind;
import org.sekisho.targeting.criteria.domain.Normal;
import org.sekisho.targeting.criteria.domain.ReferenceList;
import org.sekisho.targeting.selectivity.domain.Lane;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CriteriaLanguageTest {
  private static final Map<String, ReferenceList> LISTS =
      Map.of(
          "high-risk-origins",
          new ReferenceList("high-risk-origins", ListKind.COUNTRIES, 3, Set.of("CO", "TH")),
          "watched-importers",
          new ReferenceList("watched-importers", ListKind.PARTIES, 1, Set.of("株式会社サクラ物産")),
          "drug-hs",
          new ReferenceList("drug-hs", ListKind.HS_CODES, 1, Set.of("2939", "0901")));

  private static final String COFFEE =
      """
      # under-valued coffee
      criterion "Coffee from high-risk origin"
        when hs starts with "0901" and origin in list "high-risk-origins" and value_per_kg < 200
        then lane red weight 40
        because "Coffee declared far below market price from origins with recent seizures"
      """;

  private static Criterion one(String text) {
    CriteriaLanguage.Compiled c = CriteriaLanguage.compileOne(text, LISTS);
    assertThat(c.problems()).isEmpty();
    return c.criteria().get(0);
  }

  private static CriteriaProblem firstProblem(String text) {
    CriteriaLanguage.Compiled c = CriteriaLanguage.compile(text, LISTS);
    assertThat(c.ok()).isFalse();
    assertThat(c.criteria()).isEmpty();
    return c.problems().get(0);
  }

  @Test
  void aConditionNestedTooDeeplyIsRefusedAtTheLevelThatGoesTooFarAndLongChainsStillRun() {
    String head = "criterion \"Deep\" when ";
    String tail = " then lane red because \"deeply nested text\"";
    CriteriaProblem p =
        firstProblem(head + "(".repeat(5000) + "hs = \"0901\"" + ")".repeat(5000) + tail);
    assertThat(p.message()).contains("nested too deeply").contains("50");
    assertThat(p.line()).isEqualTo(1);
    assertThat(p.column()).isEqualTo(head.length() + 51);
    assertThat(firstProblem(head + "not ".repeat(3000) + "hs = \"0901\"" + tail).message())
        .contains("nested too deeply");
    // fifty levels are allowed, and mean what they say
    Criterion fifty =
        one(head + "(".repeat(50) + "hs starts with \"0901\"" + ")".repeat(50) + tail);
    assertThat(fifty.hits(Declarations.coffee("D", "CO", 100, 1))).isTrue();
    Criterion notNot = one(head + "not ".repeat(50) + "hs starts with \"0901\"" + tail);
    assertThat(notNot.hits(Declarations.coffee("D", "CO", 100, 1))).isTrue();
    // a chain thousands of conditions long is no deeper than one
    Criterion chain =
        one(head + "value_per_kg > 1 and ".repeat(4000) + "hs starts with \"0901\"" + tail);
    assertThat(chain.hits(Declarations.coffee("D", "CO", 100, 1))).isTrue();
    Criterion anyOf = one(head + "hs = \"8471\" or ".repeat(4000) + "origin = \"CO\"" + tail);
    assertThat(anyOf.hits(Declarations.coffee("D", "CO", 100, 1))).isTrue();
    assertThat(anyOf.hits(Declarations.coffee("D", "TH", 100, 1))).isFalse();
  }

  @Test
  void fullWidthDigitsAreTheSameDigitsInNumbersHsLiteralsAndListEntries() {
    Criterion c =
        one(
            "criterion \"Coffee\" when hs starts with \"０９０１\" and value_per_kg < １００．５"
                + " then lane red because \"cheap coffee written in full width\"");
    assertThat(c.hits(Declarations.coffee("D", "CO", 100, 1))).isTrue();
    assertThat(c.hits(Declarations.coffee("D", "CO", 101, 1))).isFalse();
    assertThat(
            one(COFFEE.replace("\"0901\"", "\"０９０１\""))
                .hits(Declarations.coffee("D", "CO", 100, 1)))
        .isTrue();
    assertThat(ListKind.HS_CODES.normalise("０９０２").value()).isEqualTo("0902");
    assertThat(ListKind.HS_CODES.normalise("０９０２．１０").value()).isEqualTo("090210");
    assertThat(ListKind.COUNTRIES.normalise("ＴＨ").value()).isEqualTo("TH");
    // a full-width letter is still no digit
    assertThat(firstProblem(COFFEE.replace("\"0901\"", "\"０９Ａ１\"")).message())
        .contains("2 to 10 digits");
  }

  @Test
  void partiesAndAddressesOnAListAreMatchedAsTheIntelligenceDatabaseLinksThem() {
    ReferenceList parties =
        new ReferenceList(
            "seized-traders",
            ListKind.PARTIES,
            1,
            Set.of("株式会社サクラ物産", "株式会社鈴木物産", "YAMADA TARO", "IMP-7"));
    assertThat(parties.match(Normal.code("㈱鈴木物産"))).isEqualTo("株式会社鈴木物産");
    assertThat(parties.match(Normal.code("（株）鈴木物産"))).isEqualTo("株式会社鈴木物産");
    assertThat(parties.match(Normal.code("サクラ物産株式会社"))).isEqualTo("株式会社サクラ物産");
    assertThat(parties.match(Normal.code("Mr Taro Yamada"))).isEqualTo("YAMADA TARO");
    assertThat(parties.match(Normal.code("imp 7"))).isEqualTo("IMP-7");
    assertThat(parties.match(Normal.code("株式会社鈴木商事"))).isNull();
    assertThat(parties.match(Normal.code("株式会社"))).isNull();
    ReferenceList addresses =
        new ReferenceList("watch-addresses", ListKind.ADDRESSES, 1, Set.of("兵庫県神戸市中央区港島1丁目11番4号"));
    assertThat(addresses.match("〒650-0045 兵庫県神戸市中央区港島1-11-4")).isEqualTo("兵庫県神戸市中央区港島1丁目11番4号");
    assertThat(addresses.match("兵庫県神戸市中央区港島1-11-5")).isNull();
  }

  @Test
  void theExampleCriterionCompilesWithItsLaneWeightAndReason() {
    Criterion c = one(COFFEE);
    assertThat(c.name()).isEqualTo("Coffee from high-risk origin");
    assertThat(c.lane()).contains(Lane.RED);
    assertThat(c.weight()).isEqualTo(40);
    assertThat(c.samplePercent()).isEqualTo(100);
    assertThat(c.reason()).startsWith("Coffee declared");
    assertThat(c.line()).isEqualTo(2);
  }

  @Test
  void itHitsCheapCoffeeFromAListedOriginAndSaysWhichListEntryMatched() {
    Criterion c = one(COFFEE);
    var cheap = Declarations.coffee("D1", "TH", 1000, 10); // 100 per kg
    assertThat(c.hits(cheap)).isTrue();
    assertThat(c.evidence(cheap)).containsExactly("list \"high-risk-origins\" v3: origin TH");
  }

  @Test
  void itDoesNotHitExpensiveCoffeeOrAnOriginOffTheList() {
    Criterion c = one(COFFEE);
    assertThat(c.hits(Declarations.coffee("D2", "TH", 100000, 10))).isFalse();
    assertThat(c.hits(Declarations.coffee("D3", "BR", 1000, 10))).isFalse();
  }

  @Test
  void itemConditionsMustHoldForTheSameItem() {
    // the laptop item is from CN and has a high value; the coffee item is from TH: no single item
    // is coffee from CN
    Criterion c =
        one(
            "criterion \"x\" when hs starts with \"0901\" and origin = \"CN\" then weight 5"
                + " because \"mixed items\"");
    assertThat(c.hits(Declarations.coffee("D4", "TH", 1000, 10))).isFalse();
  }

  @Test
  void everyOperatorWorksOnItsType() {
    var d = Declarations.coffee("D5", "TH", 1000, 10);
    String[][] cases = {
      {"description contains (\"COFFEE\", \"tea\")", "true"},
      {"description contains \"whisky\"", "false"},
      {"importer in list \"watched-importers\"", "true"},
      {"importer = \"jp1234567890123\"", "true"},
      {"exporter = \"golden lotus trading co., ltd.\"", "true"},
      {"office in (\"JPTYO-AIR\", \"JPOSA\")", "true"},
      {"office not in (\"JPTYO-AIR\")", "false"},
      {"departure != \"TH\"", "false"},
      {"hs in list \"drug-hs\"", "true"},
      {"net_mass between 5 and 10", "true"},
      {"value >= 90000", "true"},
      {"items = 2", "true"},
      {"importer_infraction_rate > 20", "true"},
      {"declarant_declarations < 10", "false"},
      {"not (origin = \"TH\") and hs starts with \"8471\"", "true"},
      {"origin = \"BR\" or duty_rate = 12", "true"},
      // ZZ: an origin nobody knows, which analysts may target
      {"origin = \"ZZ\"", "false"},
      {"importer_phone = \"0312345678\"", "true"},
      {"transport_document = \"awb17612345675\"", "true"},
      {"currency = \"JPY\" and mode = 4", "true"},
    };
    for (String[] c : cases) {
      Criterion k = one("criterion \"t\" when " + c[0] + " then weight 1 because \"test case\"");
      assertThat(k.hits(d)).as(c[0]).isEqualTo(Boolean.parseBoolean(c[1]));
    }
  }

  @Test
  void anAbsentValueNeverSatisfiesAPositiveCondition() {
    var d = Declarations.coffee("D6", "TH", 1000, 10);
    assertThat(
            one("criterion \"t\" when quantity > 0 and exporter_country = \"TH\" and"
                    + " importer_address contains \"芝浦\" then weight 1 because \"absent ok\"")
                .hits(d))
        .isTrue();
    var noMass = Declarations.coffee("D7", "TH", 1000, 0);
    assertThat(
            one("criterion \"t\" when value_per_kg < 1000 then weight 1 because \"no mass\"")
                .hits(noMass))
        .as("value per kg is unknown without a mass")
        .isFalse();
  }

  @Test
  void aMissingThenIsReportedAtTheTokenFoundWithLineAndColumn() {
    CriteriaProblem p =
        firstProblem(
            "criterion \"x\"\n  when hs starts with \"0901\"\n  lane red because \"why not\"");
    assertThat(p.line()).isEqualTo(3);
    assertThat(p.column()).isEqualTo(3);
    assertThat(p.message()).contains("'then'").contains("found 'lane'");
  }

  @Test
  void anUnknownFieldIsATypeErrorAtTheField() {
    CriteriaProblem p =
        firstProblem(
            "criterion \"x\" when\n   hs_code = \"0901\" then weight 1 because \"reason\"");
    assertThat(p.code()).isEqualTo("criteria-type");
    assertThat(p.line()).isEqualTo(2);
    assertThat(p.column()).isEqualTo(4);
    assertThat(p.message()).contains("unknown field 'hs_code'").contains("value_per_kg");
  }

  @Test
  void comparingTextWithLessThanIsRefused() {
    CriteriaProblem p =
        firstProblem("criterion \"x\" when origin < 5 then weight 1 because \"reason\"");
    assertThat(p.column()).isEqualTo(27);
    assertThat(p.message()).contains("compares numbers").contains("origin is code");
  }

  @Test
  void aListOfTheWrongKindOrAnUnknownListIsRefused() {
    assertThat(
            firstProblem(
                    "criterion \"x\" when hs in list \"high-risk-origins\" then weight 1 because"
                        + " \"reason\"")
                .message())
        .contains("holds countries")
        .contains("hs-codes");
    assertThat(
            firstProblem(
                    "criterion \"x\" when origin in list \"nope\" then weight 1 because \"reason\"")
                .message())
        .contains("no list named 'nope'");
  }

  @Test
  void badCodesLanesWeightsAndReasonsAreRefused() {
    assertThat(
            firstProblem("criterion \"x\" when origin = \"A1\" then weight 1 because \"reason\"")
                .message())
        .contains("ISO 3166");
    assertThat(
            firstProblem(
                    "criterion \"x\" when hs starts with \"09a\" then weight 1 because \"reason\"")
                .message())
        .contains("HS code");
    assertThat(
            firstProblem("criterion \"x\" when items > 1 then lane purple because \"reason\"")
                .message())
        .contains("unknown lane 'purple'");
    assertThat(
            firstProblem("criterion \"x\" when items > 1 then weight 5000 because \"reason\"")
                .message())
        .contains("0 to 1000");
    assertThat(firstProblem("criterion \"x\" when items > 1 then weight 5 because \"\"").message())
        .contains("plain language");
  }

  @Test
  void aCriterionMayBeKeptToOneKindOfRecordSuchAsConsignmentsBeforeArrival() {
    Criterion c =
        one(
            "criterion \"Whisky consignments from China\"\n"
                + "  when kind = \"transport-document\" and hs starts with \"2208\""
                + " and departure = \"CN\"\n"
                + "  then lane red because \"hold before arrival: spirits mis-declared from CN\"");
    var bill =
        new org.sekisho.targeting.assessment.adapter.json.DeclarationJson()
            .parse(
                "transport-document",
                "{\"number\":\"B1\",\"date\":\"2026-11-28\",\"portOfLoading\":\"CNTSN\","
                    + "\"hsCode\":\"220830\"}")
            .orElseThrow();
    var declaration =
        new org.sekisho.targeting.assessment.adapter.json.DeclarationJson()
            .parse(
                "declaration",
                "{\"declarationId\":\"D1\",\"date\":\"2026-11-28\",\"countryOfDeparture\":\"CN\","
                    + "\"items\":[{\"hsCode\":\"220830\"}]}")
            .orElseThrow();
    assertThat(c.hits(bill)).isTrue();
    assertThat(c.hits(declaration)).isFalse();
    assertThat(
            one("criterion \"x\" when kind in (\"Postal-Item\", \"declaration\") then weight 1 because \"parcels and declarations\"")
                .hits(declaration))
        .isTrue();
    CriteriaProblem p =
        firstProblem("criterion \"x\" when kind = \"parcel\" then weight 1 because \"reason\"");
    assertThat(p.message()).contains("postal-item").contains("parcel");
    assertThat(p.line()).isEqualTo(1);
  }

  @Test
  void anUnclosedStringAndAStrayCharacterAreReportedWhereTheyStart() {
    CriteriaProblem p = firstProblem("criterion \"x when items > 1");
    assertThat(p.line()).isEqualTo(1);
    assertThat(p.column()).isEqualTo(11);
    assertThat(p.message()).contains("not closed");
    CriteriaProblem q =
        firstProblem("criterion \"x\" when items > 1 ; then weight 1 because \"r r r\"");
    assertThat(q.column()).isEqualTo(30);
    assertThat(q.message()).contains("unexpected character ';'");
  }

  @Test
  void errorsInOneCriterionDoNotHideErrorsInTheNext() {
    CriteriaLanguage.Compiled c =
        CriteriaLanguage.compile(
            "criterion \"a\" when items > then weight 1 because \"reason\"\n"
                + "criterion \"b\" when colour = \"red\" then weight 1 because \"reason\"\n",
            LISTS);
    assertThat(c.problems()).extracting(CriteriaProblem::line).containsExactly(1, 2);
  }

  @Test
  void sampledCriteriaKeepTheirShareAndKeywordsIgnoreCase() {
    Criterion c =
        one("CRITERION \"s\" WHEN Items >= 1 THEN LANE yellow SAMPLE 25 % BECAUSE \"sampled\"");
    assertThat(c.samplePercent()).isEqualTo(25);
    assertThat(c.lane()).contains(Lane.YELLOW);
  }

  @Test
  void theEditorSavesOneCriterionAtATime() {
    CriteriaLanguage.Compiled c =
        CriteriaLanguage.compileOne(
            COFFEE + "\n" + COFFEE.replace("Coffee from", "Tea from"), LISTS);
    assertThat(c.ok()).isFalse();
    assertThat(c.problems().get(0).message()).contains("one criterion at a time");
  }
}
