package org.sekisho.targeting.model.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A released cargo risk model: encoding tables learnt from training data and the boosted trees.
 * Scores a declaration (probability of fraud) and explains a score with exact per-factor SHAP
 * contributions. Immutable and thread-safe; the allocation-free {@link #score(KcsDeclaration,
 * float[])} is the fast path for bulk scoring.
 */
public final class RiskModel {
  private final FeatureEncoder encoder;
  private final TreeEnsemble trees;

  public RiskModel(FeatureEncoder encoder, TreeEnsemble trees) {
    this.encoder = Objects.requireNonNull(encoder, "encoder");
    this.trees = Objects.requireNonNull(trees, "trees");
    if (trees.features() != encoder.width()) {
      throw new IllegalArgumentException(
          "trees expect " + trees.features() + " features, encoder gives " + encoder.width());
    }
  }

  public FeatureEncoder encoder() {
    return encoder;
  }

  public TreeEnsemble trees() {
    return trees;
  }

  /** Probability of fraud; {@code scratch} must have length {@code encoder().width()}. */
  public float score(KcsDeclaration d, float[] scratch) {
    encoder.encode(d, scratch);
    return trees.probability(scratch);
  }

  /**
   * Probabilities of fraud for {@code ds[0..count)} into {@code out}, the bulk path: rows are
   * encoded into {@code scratch} (at least {@code count} vectors of {@code encoder().width()}) and
   * scored tree by tree. Equal to {@link #score(KcsDeclaration, float[])} row by row.
   */
  public void scoreBlock(KcsDeclaration[] ds, int count, float[][] scratch, float[] out) {
    for (int i = 0; i < count; i++) {
      encoder.encode(ds[i], scratch[i]);
    }
    trees.margins(scratch, count, out);
    for (int i = 0; i < count; i++) {
      out[i] = TreeEnsemble.sigmoid(out[i]);
    }
  }

  /** Probability of fraud. */
  public float score(KcsDeclaration d) {
    return score(d, new float[encoder.width()]);
  }

  /**
   * The factors that raised this declaration's risk most, largest first, at most {@code max}.
   * Contributions of the features that come from one factor (an importer's code, rate and count)
   * are added together; they are exact TreeSHAP values, so all factors plus the bias sum to the
   * margin.
   */
  public List<Reason> reasons(KcsDeclaration d, int max) {
    float[] x = encoder.encode(d);
    return reasons(d, trees.contributions(x), max);
  }

  /**
   * {@link #reasons(KcsDeclaration, int)} for several declarations at once (the referrals of a
   * batch), in their order: the exact contributions are computed for blocks of declarations in one
   * pass over the trees' leaves, several times faster per declaration than one by one. The values
   * equal the one-by-one ones up to single-precision rounding (about 1e-6 log-odds).
   */
  public List<List<Reason>> reasons(List<KcsDeclaration> ds, int max) {
    float[][] xs = new float[ds.size()][];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = encoder.encode(ds.get(i));
    }
    double[][] phi = trees.contributions(xs, xs.length);
    List<List<Reason>> out = new ArrayList<>(xs.length);
    for (int i = 0; i < xs.length; i++) {
      out.add(reasons(ds.get(i), phi[i], max));
    }
    return out;
  }

  private List<Reason> reasons(KcsDeclaration d, double[] phi, int max) {
    double[] bySource = new double[FeatureEncoder.sourceCount()];
    for (int i = 0; i < encoder.width(); i++) {
      bySource[encoder.sourceOf(i)] += phi[i];
    }
    List<Reason> out = new ArrayList<>();
    for (int s = 0; s < bySource.length; s++) {
      if (bySource[s] > 0) {
        out.add(new Reason(FeatureEncoder.sourceTitle(s), detail(d, s), bySource[s]));
      }
    }
    out.sort(Comparator.comparingDouble(Reason::logOdds).reversed());
    return List.copyOf(out.subList(0, Math.min(max, out.size())));
  }

  private String detail(KcsDeclaration d, int source) {
    Attribute[] attrs = Attribute.values();
    if (source < attrs.length) {
      Attribute a = attrs[source];
      String value = a.of(d);
      CategoryStats s = encoder.tables().stats(a, value);
      if (s == null) {
        return value + ": not seen in training";
      }
      return String.format(
          Locale.ROOT,
          "%s: %d in training, %.0f%% fraud",
          value,
          s.count(),
          100.0 * s.frauds() / s.count());
    }
    FeatureEncoder.Numeric n = FeatureEncoder.Numeric.values()[source - attrs.length];
    return switch (n) {
      case TAX_RATE -> fmt(d.taxRate()) + "%";
      case NET_MASS -> fmt(d.netMass()) + " kg";
      case ITEM_PRICE -> fmt(d.itemPrice());
      case UNIT_VALUE, UNIT_VALUE_VS_HS6 ->
          d.netMass() > 0 ? fmt(d.itemPrice() / d.netMass()) + " per kg" : "no net mass";
      case DAY_OF_WEEK -> d.date().getDayOfWeek().toString().toLowerCase(Locale.ROOT);
      case DAY_OF_MONTH -> Integer.toString(d.date().getDayOfMonth());
    };
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
