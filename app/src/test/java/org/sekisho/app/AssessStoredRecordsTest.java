package org.sekisho.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.intel.application.StoredRecord;
import org.sekisho.intel.domain.Declaration;
import org.sekisho.intel.domain.IntelRecord;
import org.sekisho.intel.domain.Party;
import org.sekisho.intel.domain.PostalItem;
import org.sekisho.intel.domain.Seizure;
import org.sekisho.intel.domain.TransportDocument;
import org.sekisho.targeting.assessment.adapter.json.DeclarationJson;
import org.sekisho.targeting.assessment.application.AssessmentRequests;
import org.sekisho.targeting.criteria.domain.DeclarationView;
import org.sekisho.targeting.criteria.domain.ItemView;

/**
 * Each stored batch's declarations, postal items and transport documents go to targeting, in
 * targeting's input format; other records do not.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class AssessStoredRecordsTest {
  private static final Instant AT = Instant.parse("2026-11-27T00:00:00Z");

  private static Party party(String name, String country) {
    return new Party("company", name, "", "", "", "", country, "", "");
  }

  @Test
  void declarationsPostalItemsAndTransportDocumentsAreAskedForInTargetingsFormatAndNothingElse() {
    List<AssessmentRequests.Request> asked = Collections.synchronizedList(new ArrayList<>());
    AssessStoredRecords assessing =
        new AssessStoredRecords(
            (kind, id, json) -> asked.add(new AssessmentRequests.Request(kind, id, json)),
            new ObjectMapper(),
            "customs-jp");
    Declaration declaration =
        new Declaration(
            "D1",
            "IM",
            AT,
            "JPTYO",
            "",
            "4",
            party("", ""),
            party("Sakura Bussan KK", "JP"),
            party("", ""),
            "TH",
            "",
            List.of(
                new Declaration.Item(
                    1,
                    "090121",
                    "coffee",
                    "TH",
                    null,
                    "",
                    new BigDecimal("10"),
                    null,
                    new BigDecimal("241.58000000000004"),
                    "JPY",
                    null)),
            "");
    PostalItem parcel =
        new PostalItem(
            "EE123456785JP",
            AT,
            "JPTYO-PO",
            party("Golden Lotus", "HK"),
            party("山田太郎", "JP"),
            "gold bar",
            "7108",
            new BigDecimal("30"),
            "USD",
            new BigDecimal("1.2"),
            "HK",
            "JP",
            "gift");
    Seizure seizure =
        new Seizure(
            "S1", AT, "", "", "gold", "", null, "", "", "", List.of(), List.of(), List.of(), "",
            List.of(), "");
    TransportDocument bill =
        new TransportDocument(
            "HDMU872760780",
            "MBL",
            "",
            AT,
            "JPNAH",
            "Yang Ming",
            party("Golden Lotus", "CN"),
            party("株式会社旭貿易", "JP"),
            party("瑞穂通関株式会社", "JP"),
            "CNTSN",
            "JPNAH",
            List.of("OOLU2015286"),
            "whisky",
            "220830",
            new BigDecimal("24055.6"),
            757,
            "");
    List<StoredRecord> batch = new ArrayList<>();
    for (IntelRecord r : List.of(declaration, seizure, parcel, bill)) {
      batch.add(new StoredRecord(r, "customs-jp", List.of(), List.of(), List.of(), 1));
    }
    // another agency's declaration, shared with customs or not, is intelligence, not a case for
    // the targeting centre
    batch.add(
        new StoredRecord(declaration, "police-jp", List.of("customs-jp"), List.of(), List.of(), 1));

    assessing.stored(batch);
    assessing.close();

    assertThat(asked)
        .extracting(AssessmentRequests.Request::recordKind, AssessmentRequests.Request::sourceId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("declaration", "D1"),
            org.assertj.core.groups.Tuple.tuple("postal-item", "EE123456785JP"),
            org.assertj.core.groups.Tuple.tuple("transport-document", "HDMU872760780"));
    DeclarationJson parser = new DeclarationJson();
    DeclarationView d = parser.parse("declaration", asked.get(0).declarationJson()).orElseThrow();
    assertThat(d.importer().name()).isEqualTo("SAKURA BUSSAN KK");
    assertThat(d.items()).extracting(ItemView::customsValue).containsExactly(241.58000000000004);
    DeclarationView p = parser.parse("postal-item", asked.get(1).declarationJson()).orElseThrow();
    assertThat(p.key()).isEqualTo("postal-item:EE123456785JP");
    assertThat(p.office()).isEqualTo("JPTYO-PO");
    assertThat(p.importer().name()).isEqualTo("山田太郎");
    assertThat(p.exporter().name()).isEqualTo("GOLDEN LOTUS");
    assertThat(p.items())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.hs()).isEqualTo("7108");
              assertThat(i.description()).isEqualTo("gold bar");
              assertThat(i.origin()).isEqualTo("HK");
              assertThat(i.customsValue()).isEqualTo(30.0);
              assertThat(i.netMassKg()).isEqualTo(1.2);
              assertThat(i.currency()).isEqualTo("USD");
            });
    DeclarationView b =
        parser.parse("transport-document", asked.get(2).declarationJson()).orElseThrow();
    assertThat(b.key()).isEqualTo("transport-document:HDMU872760780");
    assertThat(b.importer().name()).isEqualTo("株式会社旭貿易");
    assertThat(b.declarant().name()).isEqualTo("瑞穂通関株式会社");
    assertThat(b.departure()).isEqualTo("CN");
    assertThat(b.mode()).isEqualTo("1");
    assertThat(b.transportDocument()).isEqualTo("HDMU872760780");
    assertThat(b.items())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.hs()).isEqualTo("220830");
              assertThat(i.quantity()).isEqualTo(757.0);
              assertThat(i.netMassKg()).isEqualTo(24055.6);
            });
  }
}
