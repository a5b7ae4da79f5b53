package org.sekisho.targeting.criteria;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.sekisho.targeting.criteria.domain.DeclarationView;
import org.sekisho.targeting.criteria.domain.ItemView;
import org.sekisho.targeting.criteria.domain.PartyView;
import org.sekisho.targeting.criteria.domain.TraderHistory;

/** Declarations for tests. */
public final class Declarations {
  private Declarations() {}

  public static DeclarationView coffee(String id, String origin, double value, double kg) {
    return new DeclarationView(
        "declaration",
        id,
        LocalDate.of(2026, 11, 27),
        "JPTYO-AIR",
        "IM",
        "4",
        "TH",
        "AWB17612345675",
        new PartyView("BRK-1", "Nippon Broker KK", "JP", "", ""),
        new PartyView("JP1234567890123", "株式会社サクラ物産", "JP", "東京都港区芝浦1丁目2番3号", "03-1234-5678"),
        new PartyView("", "Golden Lotus Trading Co., Ltd.", "TH", "", ""),
        List.of(
            new ItemView("090121", "Roasted coffee beans", origin, 10, kg, value, "JPY", 12),
            new ItemView("847130", "laptop", "CN", 1, 2, 90000, "JPY", 0)),
        new TraderHistory(40, 2, 12, 3),
        Map.of());
  }

  /**
   * A declaration in the input JSON of docs/formats/intel-records.md from Tokyo, whose importer and
   * declarant are named by id ("Importer id", "Broker id"), for tests of trader histories.
   */
  public static String json(String id, String importer, String declarant, String customsValue) {
    return "{\"declarationId\":\""
        + id
        + "\",\"date\":\"2026-11-27T08:12:00+09:00\",\"office\":\"JPTYO\",\"modeOfTransport\":\"4\","
        + "\"importer\":{\"name\":\"Importer "
        + importer
        + "\",\"id\":\""
        + importer
        + "\"},\"declarant\":{\"name\":\"Broker "
        + declarant
        + "\",\"id\":\""
        + declarant
        + "\"},\"exporter\":{\"name\":\"Golden Lotus\",\"country\":\"TH\"},"
        + "\"countryOfDeparture\":\"TH\",\"items\":[{\"hsCode\":\"090121\",\"origin\":\"TH\","
        + "\"netMassKg\":\"10\",\"customsValue\":\""
        + customsValue
        + "\",\"currency\":\"JPY\"}]}";
  }
}
