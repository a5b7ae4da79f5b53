package org.sekisho.targeting.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.targeting.model.domain.FeatureEncoder;
import org.sekisho.targeting.model.domain.FeatureSet;
import org.sekisho.targeting.model.domain.FraudLabel;
import org.sekisho.targeting.model.domain.KcsDeclaration;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class FeatureEncoderTest {
  static final List<KcsDeclaration> TRAIN = TestData.read("train-3000.csv");
  static final FeatureSet ALL = new FeatureSet(true, true, true);

  static KcsDeclaration withLabel(KcsDeclaration d, FraudLabel l) {
    return new KcsDeclaration(
        d.declarationId(),
        d.date(),
        d.officeId(),
        d.processType(),
        d.importType(),
        d.importUse(),
        d.paymentType(),
        d.transportMode(),
        d.declarantId(),
        d.importerId(),
        d.sellerId(),
        d.courierId(),
        d.hs6(),
        d.departureCountry(),
        d.originCountry(),
        d.taxRate(),
        d.taxType(),
        d.originIndicator(),
        d.netMass(),
        d.itemPrice(),
        l);
  }

  @Test
  void aTrainingRowsOwnLabelNeverReachesItsOwnFeatures() {
    List<KcsDeclaration> flipped = new ArrayList<>(TRAIN);
    int r = 17;
    KcsDeclaration d = TRAIN.get(r);
    flipped.set(
        r, withLabel(d, d.label() == FraudLabel.FRAUD ? FraudLabel.NO_FRAUD : FraudLabel.FRAUD));
    float[] a = FeatureEncoder.fit(TRAIN, ALL, 5, 5, 1).training().row(r);
    float[] b = FeatureEncoder.fit(flipped, ALL, 5, 5, 1).training().row(r);
    assertThat(b).containsExactly(a);
  }

  @Test
  void scoringIgnoresTheLabelAndUnseenValuesGetTheirPriorAndNoCode() {
    FeatureEncoder enc =
        FeatureEncoder.fit(TRAIN, new FeatureSet(true, true, false), 5, 5, 1).encoder();
    KcsDeclaration d = TRAIN.getFirst();
    assertThat(enc.encode(withLabel(d, FraudLabel.FRAUD)))
        .containsExactly(enc.encode(withLabel(d, FraudLabel.NO_FRAUD)));
    KcsDeclaration stranger =
        new KcsDeclaration(
            "x",
            d.date(),
            d.officeId(),
            d.processType(),
            d.importType(),
            d.importUse(),
            d.paymentType(),
            d.transportMode(),
            d.declarantId(),
            "NEVER-SEEN",
            d.sellerId(),
            d.courierId(),
            d.hs6(),
            d.departureCountry(),
            d.originCountry(),
            d.taxRate(),
            d.taxType(),
            d.originIndicator(),
            d.netMass(),
            d.itemPrice(),
            FraudLabel.UNLABELLED);
    float[] x = enc.encode(stranger);
    List<String> names = enc.featureNames();
    assertThat(x[names.indexOf("code:IMPORTER")]).isNaN();
    assertThat(x[names.indexOf("count:IMPORTER")]).isZero();
    assertThat((double) x[names.indexOf("rate:IMPORTER")])
        .isCloseTo(enc.tables().prior(), org.assertj.core.api.Assertions.within(1e-6));
    FeatureEncoder byRank = new FeatureEncoder(enc.tables(), ALL);
    float code = byRank.encode(stranger)[byRank.featureNames().indexOf("code:IMPORTER")];
    assertThat(code).isNotNaN();
    assertThat(code - (float) Math.floor(code)).isEqualTo(0.5f);
    assertThat(names).noneMatch(n -> n.toLowerCase(java.util.Locale.ROOT).contains("fraud"));
  }

  /** {@code d} with its importer, seller and HS subheading replaced (pair parts and separators). */
  static KcsDeclaration withParties(KcsDeclaration d, String importer, String seller, String hs6) {
    return new KcsDeclaration(
        d.declarationId(),
        d.date(),
        d.officeId(),
        d.processType(),
        d.importType(),
        d.importUse(),
        d.paymentType(),
        d.transportMode(),
        d.declarantId(),
        importer,
        seller,
        d.courierId(),
        hs6,
        d.departureCountry(),
        d.originCountry(),
        d.taxRate(),
        d.taxType(),
        d.originIndicator(),
        d.netMass(),
        d.itemPrice(),
        d.label());
  }

  @Test
  void theResolvedEncodingEqualsTheTextTablesOnSeenUnseenAndSeparatorValues() {
    List<KcsDeclaration> valid = TestData.read("valid-1000.csv");
    KcsDeclaration a = TRAIN.get(0);
    KcsDeclaration b = TRAIN.get(1);
    List<KcsDeclaration> rows = new ArrayList<>(valid);
    rows.addAll(TRAIN.subList(0, 500));
    // unseen parts, parts that only exist as a prefix, and parts holding the pair separator
    rows.add(withParties(a, "NEW-IMPORTER", b.sellerId(), a.hs6()));
    rows.add(withParties(a, a.importerId(), "", "9999"));
    rows.add(withParties(a, a.importerId() + "|" + a.hs6().substring(0, 3), b.sellerId(), "x"));
    rows.add(withParties(a, a.importerId().substring(0, 2), a.sellerId(), a.hs6() + "|"));
    rows.add(withParties(b, b.importerId(), b.sellerId() + "|", a.hs6()));
    rows.add(withParties(b, "", "", ""));
    for (FeatureSet fs :
        List.of(
            ALL,
            FeatureSet.DEFAULT,
            new FeatureSet(true, false, false),
            new FeatureSet(false, false, true))) {
      FeatureEncoder enc = FeatureEncoder.fit(TRAIN, fs, 5, 5, 1).encoder();
      // a training set whose values carry separators makes the pair maps ambiguous by text
      List<KcsDeclaration> tricky = new ArrayList<>(TRAIN.subList(0, 200));
      tricky.add(withParties(a, "A|B", "S", "C"));
      tricky.add(withParties(a, "A", "S", "B|C"));
      FeatureEncoder trickyEnc = FeatureEncoder.fit(tricky, fs, 5, 5, 1).encoder();
      List<KcsDeclaration> trickyRows = new ArrayList<>(rows);
      trickyRows.add(withParties(a, "A|B", "S", "C"));
      trickyRows.add(withParties(a, "A", "S", "B|C"));
      trickyRows.add(withParties(a, "A|B", "S", "B|C"));
      trickyRows.add(withParties(a, "A", "S|", "C"));
      for (FeatureEncoder e : List.of(enc, trickyEnc)) {
        for (KcsDeclaration d : trickyRows) {
          float[] fast = new float[e.width()];
          float[] text = new float[e.width()];
          e.encode(d, fast);
          e.encodeByText(d, text);
          assertThat(fast).as("%s %s", fs, d.declarationId()).containsExactly(text);
        }
      }
    }
  }
}
