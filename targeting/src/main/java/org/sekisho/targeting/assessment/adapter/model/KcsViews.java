package org.sekisho.targeting.assessment.adapter.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sekisho.targeting.criteria.domain.DeclarationView;
import org.sekisho.targeting.criteria.domain.ItemView;
import org.sekisho.targeting.criteria.domain.PartyView;
import org.sekisho.targeting.criteria.domain.TraderHistory;
import org.sekisho.targeting.model.domain.FraudLabel;
import org.sekisho.targeting.model.domain.KcsDeclaration;

/**
 * Translates between the Korea Customs Service layout the risk model was trained on and the
 * criteria view. KCS-only codes travel in {@link DeclarationView#sourceCodes()}.
 */
public final class KcsViews {
  private KcsViews() {}

  /** A KCS row as a declaration view (one item). */
  public static DeclarationView view(KcsDeclaration k) {
    Map<String, String> codes = new HashMap<>();
    codes.put("processType", k.processType());
    codes.put("importUse", k.importUse());
    codes.put("paymentType", k.paymentType());
    codes.put("courier", k.courierId());
    codes.put("taxType", k.taxType());
    codes.put("originIndicator", k.originIndicator());
    return new DeclarationView(
        "declaration",
        k.declarationId(),
        k.date(),
        k.officeId(),
        k.importType(),
        k.transportMode(),
        k.departureCountry(),
        "",
        new PartyView(k.declarantId(), "", "", "", ""),
        new PartyView(k.importerId(), "", "", "", ""),
        new PartyView(k.sellerId(), "", "", "", ""),
        List.of(
            new ItemView(
                k.hs6(),
                "",
                k.originCountry(),
                Double.NaN,
                k.netMass(),
                k.itemPrice(),
                "",
                k.taxRate())),
        TraderHistory.NONE,
        codes);
  }

  /** The view as the model's input: the first item stands for the declaration. */
  public static KcsDeclaration kcs(DeclarationView d) {
    ItemView i = d.items().isEmpty() ? ItemView.NONE : d.items().get(0);
    Map<String, String> c = d.sourceCodes();
    String hs = i.hs();
    return new KcsDeclaration(
        d.sourceId(),
        d.date() == null ? java.time.LocalDate.EPOCH : d.date(),
        d.office(),
        c.getOrDefault("processType", ""),
        d.type(),
        c.getOrDefault("importUse", ""),
        c.getOrDefault("paymentType", ""),
        d.mode(),
        d.declarant().id(),
        d.importer().id(),
        d.exporter().id().isEmpty() ? d.exporter().name() : d.exporter().id(),
        c.getOrDefault("courier", ""),
        hs.length() > 6 ? hs.substring(0, 6) : hs,
        d.departure(),
        i.origin(),
        Double.isNaN(i.dutyRate()) ? 0 : i.dutyRate(),
        c.getOrDefault("taxType", ""),
        c.getOrDefault("originIndicator", ""),
        Double.isNaN(i.netMassKg()) ? 0 : i.netMassKg(),
        Double.isNaN(i.customsValue()) ? 0 : i.customsValue(),
        FraudLabel.UNLABELLED);
  }
}
