package org.sekisho.targeting.model.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A released cargo risk model: encoding tables learnt from training data and the boosted trees.
 * Scores a declaration (probability of fraud) and explains a score by per-factor path contributions
 * (at once, as cheap as scoring) or exact SHAP contributions (after selection). Immutable and
 * thread-safe; the allocation-free {@link #score(KcsDeclaration, float[])} is the fast path for
 * bulk scoring.
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

  /**
   * {@link #scoreBlock(KcsDeclaration[], int, float[][], float[])} that also records the leaf each
   * declaration reaches in each tree into {@code leaves} (at least {@code count × trees().size()}
   * long), from which {@link #pathReasons(KcsDeclaration, int[], int, int, double[])} gives a
   * referral its reasons at once.
   */
  public void scoreBlock(
      KcsDeclaration[] ds, int count, float[][] scratch, float[] out, int[] leaves) {
    for (int i = 0; i < count; i++) {
      encoder.encode(ds[i], scratch[i]);
    }
    trees.margins(scratch, count, out, leaves);
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
   * are added together; they are exact TreeSHAP values ({@link Reason.Kind#EXACT_SHAP}), so all
   * factors plus the bias sum to the margin. Milliseconds per declaration on the released model:
   * for referrals after selection, not on the request path.
   */
  public List<Reason> reasons(KcsDeclaration d, int max) {
    float[] x = encoder.encode(d);
    return reasons(d, trees.contributions(x), max, Reason.Kind.EXACT_SHAP);
  }

  /**
   * {@link #reasons(KcsDeclaration, int)} for several declarations at once (the referrals of a
   * batch), in their order: the exact contributions are computed for blocks of declarations in one
   * pass over the trees, several times faster per declaration than one by one, and equal to the
   * one-by-one values to rounding.
   */
  public List<List<Reason>> reasons(List<KcsDeclaration> ds, int max) {
    return reasons(ds, max, () -> {});
  }

  /**
   * {@link #reasons(List, int)}, calling {@code pausePoint} at every leaf of the pass over the
   * trees (see {@link TreeEnsemble#contributions(float[][], int, Runnable)}).
   */
  public List<List<Reason>> reasons(List<KcsDeclaration> ds, int max, Runnable pausePoint) {
    float[][] xs = new float[ds.size()][];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = encoder.encode(ds.get(i));
    }
    double[][] phi = trees.contributions(xs, xs.length, pausePoint);
    List<List<Reason>> out = new ArrayList<>(xs.length);
    for (int i = 0; i < xs.length; i++) {
      out.add(reasons(ds.get(i), phi[i], max, Reason.Kind.EXACT_SHAP));
    }
    return out;
  }

  /**
   * Path contributions of a declaration per feature of {@link #encoder()}'s layout, then the bias:
   * see {@link TreeEnsemble#pathContributions(float[])}. As cheap as scoring.
   */
  public double[] pathContributions(KcsDeclaration d) {
    return trees.pathContributions(encoder.encode(d));
  }

  /**
   * The factors that raised this declaration's risk most by path contributions ({@link
   * Reason.Kind#PATH}), largest first, at most {@code max}: the reasons a referral gets at once, at
   * about the cost of scoring it; the exact SHAP reasons ({@link #reasons(KcsDeclaration, int)})
   * may follow.
   */
  public List<Reason> pathReasons(KcsDeclaration d, int max) {
    return pathReasons(d, encoder.encode(d), max, new double[encoder.width() + 1]);
  }

  /**
   * {@link #pathReasons(KcsDeclaration, int)} for a declaration already encoded into {@code x} (as
   * {@link #scoreBlock} leaves it in its scratch), with {@code phi} ({@code encoder().width() + 1}
   * long) as working memory: the bulk form, which allocates only the reasons.
   */
  public List<Reason> pathReasons(KcsDeclaration d, float[] x, int max, double[] phi) {
    trees.pathContributions(x, phi);
    return reasons(d, phi, max, Reason.Kind.PATH);
  }

  /**
   * {@link #pathReasons(KcsDeclaration, int)} of the declaration at place {@code row} of a block
   * scored by {@link #scoreBlock(KcsDeclaration[], int, float[][], float[], int[])} with these
   * {@code leaves}: the bulk form, a few microseconds per referral, which allocates only the
   * reasons; {@code phi} ({@code encoder().width() + 1} long) is working memory.
   */
  public List<Reason> pathReasons(KcsDeclaration d, int[] leaves, int row, int max, double[] phi) {
    trees.pathContributionsOfLeaves(leaves, row * trees.size(), phi);
    return reasons(d, phi, max, Reason.Kind.PATH);
  }

  private List<Reason> reasons(KcsDeclaration d, double[] phi, int max, Reason.Kind kind) {
    double[] bySource = new double[FeatureEncoder.sourceCount()];
    for (int i = 0; i < encoder.width(); i++) {
      bySource[encoder.sourceOf(i)] += phi[i];
    }
    // the largest positive factors, picked without sorting them all
    List<Reason> out = new ArrayList<>(Math.min(max, 8));
    boolean[] taken = new boolean[bySource.length];
    for (int k = 0; k < max; k++) {
      int best = -1;
      for (int s = 0; s < bySource.length; s++) {
        if (!taken[s] && bySource[s] > 0 && (best < 0 || bySource[s] > bySource[best])) {
          best = s;
        }
      }
      if (best < 0) {
        break;
      }
      taken[best] = true;
      out.add(new Reason(FeatureEncoder.sourceTitle(best), detail(d, best), bySource[best], kind));
    }
    return List.copyOf(out);
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
      // concatenation, not String.format: reasons are built for every referral in bulk
      return value
          + ": "
          + s.count()
          + " in training, "
          + Math.round(100.0 * s.frauds() / s.count())
          + "% fraud";
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
    return Reason.twoDecimals(v, false);
  }
}
