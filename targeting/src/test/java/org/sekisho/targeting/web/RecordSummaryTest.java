package org.sekisho.targeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.targeting.adapter.web.RecordSummary;

/** The assessment page shows the record as submitted, for each kind targeting assesses. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RecordSummaryTest {
  @Test
  void aDeclarationShowsItsTransportPartiesAndEveryItemAsWritten() {
    RecordSummary s =
        RecordSummary.of(
            "declaration",
            TargetingWebTest.declaration("D1", "IMP-1", "TH", "241.58000000000004", "10"));
    assertThat(s.facts())
        .containsExactly(
            new RecordSummary.Fact("targeting.field.date", "2026-11-27T08:12:00+09:00"),
            // a code with the key of its meaning: the page says "air (4)", "航空 (4)"
            new RecordSummary.Fact("targeting.field.modeOfTransport", "4", "targeting.mode.4"),
            new RecordSummary.Fact("targeting.field.countryOfDeparture", "TH"));
    assertThat(s.parties())
        .containsExactly(
            new RecordSummary.PartyRow("targeting.field.importer", "株式会社サクラ物産", "IMP-1", "JP", ""),
            new RecordSummary.PartyRow(
                "targeting.field.exporter", "Golden Lotus Trading", "", "TH", ""));
    assertThat(s.goods())
        .containsExactly(
            new RecordSummary.Goods(
                "090121", "roasted coffee", "TH", "", "10", "241.58000000000004", "JPY"));
  }

  @Test
  void aPostalItemShowsSenderAddresseeAndContents() {
    RecordSummary s =
        RecordSummary.of(
            "postal-item",
            "{\"itemId\":\"EE123456785JP\",\"date\":\"2026-11-27\",\"category\":\"gift\","
                + "\"sender\":{\"name\":\"Zhao, Yan\",\"country\":\"CN\"},"
                + "\"addressee\":{\"name\":\"田中 大輔\",\"address\":\"東京都江東区青海3丁目9番4号\"},"
                + "\"contents\":\"phone case\",\"hsCode\":\"392690\",\"declaredValue\":12.5,"
                + "\"weightKg\":\"0.3\",\"currency\":\"USD\",\"originCountry\":\"CN\"}");
    assertThat(s.facts())
        .containsExactly(
            new RecordSummary.Fact("targeting.field.date", "2026-11-27"),
            new RecordSummary.Fact(
                "targeting.field.category", "gift", "targeting.postal-category.gift"));
    assertThat(s.parties())
        .extracting(RecordSummary.PartyRow::role, RecordSummary.PartyRow::name)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("targeting.field.sender", "Zhao, Yan"),
            org.assertj.core.groups.Tuple.tuple("targeting.field.addressee", "田中 大輔"));
    assertThat(s.goods())
        .containsExactly(
            new RecordSummary.Goods("392690", "phone case", "CN", "", "0.3", "12.5", "USD"));
  }

  @Test
  void aTransportDocumentShowsItsPortsContainersAndParties() {
    RecordSummary s =
        RecordSummary.of(
            "transport-document",
            "{\"number\":\"HDMU872760780\",\"documentType\":\"MBL\",\"date\":\"2026-11-28\","
                + "\"carrier\":\"Yang Ming\",\"shipper\":{\"name\":\"Golden Lotus\"},"
                + "\"consignee\":{\"name\":\"(株)小林物産\"},\"notifyParty\":{},"
                + "\"portOfLoading\":\"CNTSN\",\"portOfDischarge\":\"JPNAH\","
                + "\"containers\":[\"OOLU2015286\",\"MSCU5195724\"],\"goodsDescription\":\"whisky\","
                + "\"hsCode\":\"220830\",\"grossMassKg\":\"24055.6\",\"packages\":757}");
    assertThat(s.facts())
        .contains(
            new RecordSummary.Fact("targeting.field.portOfLoading", "CNTSN"),
            new RecordSummary.Fact("targeting.field.containers", "OOLU2015286, MSCU5195724"));
    assertThat(s.parties())
        .extracting(RecordSummary.PartyRow::role)
        .containsExactly("targeting.field.shipper", "targeting.field.consignee");
    assertThat(s.goods())
        .containsExactly(new RecordSummary.Goods("220830", "whisky", "", "757", "24055.6", "", ""));
  }

  @Test
  void aCodedValueIsShownWithItsMeaningInTheReadersLanguageAndAnUnknownOneAsWritten() {
    var en =
        new org.sekisho.platform.i18n.Messages(
            java.util.Locale.ENGLISH, java.util.List.of("i18n.targeting"));
    var ja =
        new org.sekisho.platform.i18n.Messages(
            java.util.Locale.JAPANESE, java.util.List.of("i18n.targeting"));
    RecordSummary s =
        RecordSummary.of(
            "declaration", "{\"date\":\"2026-11-27\",\"type\":\"EX\",\"modeOfTransport\":\"12\"}");
    assertThat(s.facts().stream().map(f -> f.shown(en)).toList())
        .containsExactly("2026-11-27", "export (EX)", "sea (12)");
    assertThat(s.facts().stream().map(f -> f.shown(ja)).toList())
        .containsExactly("2026-11-27", "輸出 (EX)", "海上 (12)");
    RecordSummary odd = RecordSummary.of("declaration", "{\"modeOfTransport\":\"boat\"}");
    assertThat(odd.facts().get(0).shown(ja)).isEqualTo("boat");
  }

  @Test
  void whatCannotBeReadShowsNothingRatherThanFailingThePage() {
    assertThat(RecordSummary.of("declaration", "{broken").isEmpty()).isTrue();
    assertThat(RecordSummary.of("declaration", "[1,2]").isEmpty()).isTrue();
    assertThat(RecordSummary.of("declaration", "{}").isEmpty()).isTrue();
  }
}
