package org.sekisho.targeting.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.targeting.assessment.adapter.json.DeclarationJson;
import org.sekisho.targeting.criteria.domain.DeclarationView;
import org.sekisho.targeting.criteria.domain.ItemView;

/** A consignment's transport document is read for assessment before the goods are declared. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TransportDocumentJsonTest {
  private final DeclarationJson json = new DeclarationJson();

  private static final String BILL =
      "{\"number\":\"HDMU872760780\",\"documentType\":\"MBL\",\"masterNumber\":\"\","
          + "\"date\":\"2026-11-28T00:09:11+09:00\",\"office\":\"JPNAH\",\"carrier\":\"Yang Ming\","
          + "\"shipper\":{\"kind\":\"company\",\"name\":\"Golden Lotus Import & Export Co., Ltd.\","
          + "\"country\":\"CN\"},"
          + "\"consignee\":{\"kind\":\"company\",\"name\":\"(株)小林物産\",\"id\":\"JP2142171828393\","
          + "\"country\":\"JP\"},"
          + "\"notifyParty\":{\"kind\":\"company\",\"name\":\"瑞穂通関株式会社\"},"
          + "\"portOfLoading\":\"CNTSN\",\"portOfDischarge\":\"JPNAH\",\"containers\":[\"OOLU2015286\"],"
          + "\"goodsDescription\":\"whisky\",\"hsCode\":\"220830\",\"grossMassKg\":\"24055.6\","
          + "\"packages\":757,\"conveyanceRef\":\"PC-JPNAH-20261128-101\"}";

  @Test
  void theConsigneeIsTheImporterAndTheGoodsAreOneItemFromThePortOfLoadingsCountry() {
    DeclarationView v = json.parse("transport-document", BILL).orElseThrow();

    assertThat(v.key()).isEqualTo("transport-document:HDMU872760780");
    assertThat(v.date()).isEqualTo(LocalDate.of(2026, 11, 28));
    assertThat(v.office()).isEqualTo("JPNAH");
    assertThat(v.mode()).isEqualTo("1");
    assertThat(v.departure()).isEqualTo("CN");
    assertThat(v.transportDocument()).isEqualTo("HDMU872760780");
    assertThat(v.importer().id()).isEqualTo("JP2142171828393");
    assertThat(v.importer().name())
        .isEqualTo(
            json.parse("declaration", declarationWithImporter("(株)小林物産"))
                .orElseThrow()
                .importer()
                .name());
    assertThat(v.exporter().country()).isEqualTo("CN");
    assertThat(v.declarant().name()).isNotEmpty();
    ItemView item = v.items().getFirst();
    assertThat(v.items()).hasSize(1);
    assertThat(item.hs()).isEqualTo("220830");
    assertThat(item.origin()).isEqualTo("CN");
    assertThat(item.quantity()).isEqualTo(757.0);
    assertThat(item.netMassKg()).isEqualTo(24055.6);
    assertThat(item.customsValue()).isNaN();
  }

  private static String declarationWithImporter(String name) {
    return "{\"declarationId\":\"X\",\"date\":\"2026-11-28\",\"importer\":{\"name\":\""
        + name
        + "\"},\"items\":[{\"hsCode\":\"220830\"}]}";
  }

  @Test
  void anAirWaybillTravelsByAirAndAMissingPortLeavesTheCountryOpen() {
    DeclarationView v =
        json.parse(
                "transport-documents",
                "{\"number\":\"176-12345675\",\"documentType\":\"AWB\",\"date\":\"2026-11-28\"}")
            .orElseThrow();
    assertThat(v.mode()).isEqualTo("4");
    assertThat(v.departure()).isEmpty();
    assertThat(v.items().getFirst().hs()).isEmpty();
  }

  @Test
  void aBadPortCodeOrHsCodeOrMassIsRefusedNamingEachField() {
    Outcome<DeclarationView> o =
        json.parse(
            "transport-document",
            "{\"number\":\"B1\",\"date\":\"2026-11-28\",\"portOfLoading\":\"Shanghai\","
                + "\"hsCode\":\"22-08\",\"grossMassKg\":\"-3\",\"packages\":\"many\"}");
    assertThat(o.isAccepted()).isFalse();
    assertThat(o.problems())
        .extracting(Problem::field)
        .containsExactlyInAnyOrder("portOfLoading", "hsCode", "grossMassKg", "packages");
    assertThat(o.problems())
        .filteredOn(p -> p.field().equals("portOfLoading"))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("UN/LOCODE").contains("Shanghai"));
  }

  @Test
  void aDocumentWithoutNumberOrDateIsRefused() {
    Outcome<DeclarationView> o = json.parse("transport-document", "{\"documentType\":\"HBL\"}");
    assertThat(o.problems()).extracting(Problem::field).containsExactlyInAnyOrder("number", "date");
  }
}
