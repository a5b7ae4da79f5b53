package org.sekisho.targeting.model.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Turns a declaration into the model's feature vector using {@link EncodingTables}. Features, in
 * order: the code of every label-encoded attribute; for every attribute its smoothed fraud rate and
 * its count in training; then tax rate, net mass, item price, unit value, unit value against the HS
 * subheading's usual one, day of week and day of month. A value never seen in training gets a
 * missing code (NaN), count 0 and the prior as rate.
 *
 * <p>Training rows are encoded {@linkplain #encodeTraining out of fold}: their rates come from the
 * other folds only and their counts exclude themselves, so the trees learn from histories that look
 * like those seen on later declarations. Instances are immutable and thread-safe.
 */
public final class FeatureEncoder {

  /** Numeric (non-attribute) features, in vector order after the attribute features. */
  public enum Numeric {
    TAX_RATE("tax rate"),
    NET_MASS("net mass"),
    ITEM_PRICE("item price"),
    UNIT_VALUE("unit value"),
    UNIT_VALUE_VS_HS6("unit value against its HS subheading"),
    DAY_OF_WEEK("day of week"),
    DAY_OF_MONTH("day of month");

    private final String title;

    Numeric(String title) {
      this.title = title;
    }

    /** Words an officer reads in a reason. */
    public String title() {
      return title;
    }
  }

  private static final Attribute[] ATTRIBUTES = Attribute.values();
  private static final List<Attribute> LABEL_ENCODED =
      java.util.Arrays.stream(ATTRIBUTES).filter(Attribute::labelEncoded).toList();

  private final EncodingTables tables;
  private final FeatureSet features;
  private final List<String> names;
  private final int[] sourceOfFeature;
  private final Map<Attribute, String[]> vocabulary = new EnumMap<>(Attribute.class);
  private final ResolvedTables resolved;

  /** An encoder over the given tables producing the given feature groups. */
  public FeatureEncoder(EncodingTables tables, FeatureSet features) {
    this.tables = java.util.Objects.requireNonNull(tables, "tables");
    this.features = java.util.Objects.requireNonNull(features, "features");
    List<String> n = new ArrayList<>();
    List<Integer> src = new ArrayList<>();
    for (Attribute a : LABEL_ENCODED) {
      n.add("code:" + a.name());
      src.add(a.ordinal());
      String[] vocab = new String[tables.tables().get(a).size()];
      tables.tables().get(a).forEach((v, st) -> vocab[st.code()] = v);
      vocabulary.put(a, vocab);
    }
    for (Attribute a : ATTRIBUTES) {
      if (features.rates()) {
        n.add("rate:" + a.name());
        src.add(a.ordinal());
      }
      if (features.counts()) {
        n.add("count:" + a.name());
        src.add(a.ordinal());
      }
    }
    for (Numeric x : Numeric.values()) {
      n.add(x.name().toLowerCase(java.util.Locale.ROOT));
      src.add(ATTRIBUTES.length + x.ordinal());
    }
    for (int i = 0; i < LABEL_ENCODED.size(); i++) {
      if (LABEL_ENCODED.get(i).ordinal() != i) {
        throw new IllegalStateException("declared attributes must come first in Attribute");
      }
    }
    this.resolved = new ResolvedTables(tables);
    this.names = List.copyOf(n);
    this.sourceOfFeature = src.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The tables this encoder applies. */
  public EncodingTables tables() {
    return tables;
  }

  /** The feature groups this encoder produces. */
  public FeatureSet features() {
    return features;
  }

  /** Feature names in vector order (stable; written into the model manifest). */
  public List<String> featureNames() {
    return names;
  }

  /** Length of a feature vector. */
  public int width() {
    return names.size();
  }

  /**
   * The source of feature {@code i} for reasons: an index below {@code Attribute.values().length}
   * is that attribute; above it, {@link Numeric} ordinal plus that length.
   */
  public int sourceOf(int i) {
    return sourceOfFeature[i];
  }

  /** Number of distinct reason sources (attributes and numeric fields). */
  public static int sourceCount() {
    return ATTRIBUTES.length + Numeric.values().length;
  }

  /** Officer-readable name of reason source {@code s}. */
  public static String sourceTitle(int s) {
    return s < ATTRIBUTES.length
        ? ATTRIBUTES[s].title()
        : Numeric.values()[s - ATTRIBUTES.length].title();
  }

  /**
   * Encodes {@code d} into {@code out} (length {@link #width()}); allocation-free unless a part of
   * a derived attribute was never seen in training. Values are found through {@link ResolvedTables}
   * (codes and per-code arrays, pairs by their parts' codes); equal to {@link #encodeByText}.
   */
  public void encode(KcsDeclaration d, float[] out) {
    final ResolvedTables t = resolved;
    final boolean rates = features.rates();
    final boolean counts = features.counts();
    final int group = (rates ? 1 : 0) + (counts ? 1 : 0);
    final int history = LABEL_ENCODED.size();
    final int h = group > 0 ? history : -1;
    int office = code(t, Attribute.OFFICE, d.officeId(), out, h, group);
    code(t, Attribute.PROCESS_TYPE, d.processType(), out, h, group);
    code(t, Attribute.IMPORT_TYPE, d.importType(), out, h, group);
    code(t, Attribute.IMPORT_USE, d.importUse(), out, h, group);
    code(t, Attribute.PAYMENT_TYPE, d.paymentType(), out, h, group);
    code(t, Attribute.TRANSPORT_MODE, d.transportMode(), out, h, group);
    int declarant = code(t, Attribute.DECLARANT, d.declarantId(), out, h, group);
    int importer = code(t, Attribute.IMPORTER, d.importerId(), out, h, group);
    int seller = code(t, Attribute.SELLER, d.sellerId(), out, h, group);
    code(t, Attribute.COURIER, d.courierId(), out, h, group);
    int hs6 = code(t, Attribute.HS6, d.hs6(), out, h, group);
    int departure = code(t, Attribute.DEPARTURE, d.departureCountry(), out, h, group);
    int origin = code(t, Attribute.ORIGIN, d.originCountry(), out, h, group);
    code(t, Attribute.TAX_TYPE, d.taxType(), out, h, group);
    code(t, Attribute.ORIGIN_INDICATOR, d.originIndicator(), out, h, group);
    if (group > 0) {
      int hs4 = hs6 >= 0 ? t.hs4OfHs6[hs6] : t.codeOf(Attribute.HS4, Attribute.HS4.of(d));
      int hs2 = hs6 >= 0 ? t.hs2OfHs6[hs6] : t.codeOf(Attribute.HS2, Attribute.HS2.of(d));
      history(t, Attribute.HS4, hs4, out, h, group);
      history(t, Attribute.HS2, hs2, out, h, group);
      ResolvedTables.Pair[] p = ResolvedTables.PAIRS;
      history(t, Attribute.ROUTE, t.pairCode(p[0], departure, origin, d), out, h, group);
      history(t, Attribute.IMPORTER_HS6, t.pairCode(p[1], importer, hs6, d), out, h, group);
      int declarantImporter = t.pairCode(p[2], declarant, importer, d);
      history(t, Attribute.DECLARANT_IMPORTER, declarantImporter, out, h, group);
      history(t, Attribute.SELLER_IMPORTER, t.pairCode(p[3], seller, importer, d), out, h, group);
      history(t, Attribute.OFFICE_HS6, t.pairCode(p[4], office, hs6, d), out, h, group);
    }
    double hsMean = hs6 >= 0 ? t.hsMeanLogUnitValue[hs6] : Double.NaN;
    numeric(d, hsMean, out, history + ATTRIBUTES.length * group);
  }

  /**
   * Writes a declared attribute's code feature (its slot is its ordinal) and, when {@code history}
   * is not -1, its rate and count; returns its code, -1 when unseen.
   */
  private int code(
      ResolvedTables t, Attribute a, String value, float[] out, int history, int group) {
    int c = t.codeOf(a, value);
    out[a.ordinal()] = c >= 0 ? c : unseenCode(a, value);
    if (history >= 0) {
      history(t, a, c, out, history, group);
    }
    return c;
  }

  private void history(
      ResolvedTables t, Attribute a, int code, float[] out, int history, int group) {
    int i = history + a.ordinal() * group;
    if (features.rates()) {
      out[i++] = code >= 0 ? t.rate[a.ordinal()][code] : t.unseenRate;
    }
    if (features.counts()) {
      out[i] = code >= 0 ? t.count[a.ordinal()][code] : 0;
    }
  }

  /**
   * The reference encoding through the text tables (derived values built as text and looked up);
   * slower, kept to check {@link #encode(KcsDeclaration, float[])} against.
   */
  public void encodeByText(KcsDeclaration d, float[] out) {
    int i = 0;
    for (Attribute a : LABEL_ENCODED) {
      String v = a.of(d);
      CategoryStats s = tables.stats(a, v);
      out[i++] = s != null ? s.code() : unseenCode(a, v);
    }
    if (features.rates() || features.counts()) {
      for (Attribute a : ATTRIBUTES) {
        CategoryStats s = tables.stats(a, a.of(d));
        int count = s == null ? 0 : s.count();
        if (features.rates()) {
          out[i++] = (float) tables.smoothedRate(s == null ? 0 : s.frauds(), count);
        }
        if (features.counts()) {
          out[i++] = count;
        }
      }
    }
    CategoryStats hs = tables.stats(Attribute.HS6, d.hs6());
    double hsMean =
        hs == null || hs.unitValueCount() == 0
            ? Double.NaN
            : hs.logUnitValueSum() / hs.unitValueCount();
    numeric(d, hsMean, out, i);
  }

  private float unseenCode(Attribute a, String value) {
    if (!features.unseenByRank()) {
      return Float.NaN;
    }
    int at = java.util.Arrays.binarySearch(vocabulary.get(a), value);
    return at >= 0 ? at : -at - 1 - 0.5f;
  }

  /** Encodes {@code d} into a new vector. */
  public float[] encode(KcsDeclaration d) {
    float[] out = new float[width()];
    encode(d, out);
    return out;
  }

  private static void numeric(KcsDeclaration d, double hsMeanLogUnitValue, float[] out, int i) {
    double lnUnit = logUnitValue(d);
    out[i++] = (float) d.taxRate();
    out[i++] = (float) d.netMass();
    out[i++] = (float) d.itemPrice();
    out[i++] = Double.isNaN(lnUnit) ? Float.NaN : (float) Math.exp(lnUnit);
    out[i++] = (float) (lnUnit - hsMeanLogUnitValue);
    LocalDate date = d.date();
    out[i++] = date.getDayOfWeek().getValue();
    out[i] = date.getDayOfMonth();
  }

  private static double logUnitValue(KcsDeclaration d) {
    return d.netMass() > 0 && d.itemPrice() > 0
        ? Math.log(d.itemPrice() / d.netMass())
        : Double.NaN;
  }

  /**
   * Learns tables from {@code training} (labels required) and encodes those same rows out of fold.
   *
   * @param folds number of folds for the out-of-fold rates, at least 2
   * @param seed shuffles rows into folds
   */
  public static Fitted fit(
      List<KcsDeclaration> training, FeatureSet features, double smoothing, int folds, long seed) {
    if (folds < 2) {
      throw new IllegalArgumentException("need at least two folds");
    }
    int n = training.size();
    int[] fold = new int[n];
    List<Integer> order = new ArrayList<>(n);
    for (int r = 0; r < n; r++) {
      order.add(r);
    }
    Collections.shuffle(order, new Random(seed));
    for (int p = 0; p < n; p++) {
      fold[order.get(p)] = p % folds;
    }
    int frauds = 0;
    int[] foldRows = new int[folds];
    int[] foldFrauds = new int[folds];
    for (int r = 0; r < n; r++) {
      int y = training.get(r).label().asInt();
      frauds += y;
      foldRows[fold[r]]++;
      foldFrauds[fold[r]] += y;
    }
    double prior = n == 0 ? 0 : (double) frauds / n;
    // a training row's rates are smoothed towards the prior of the other folds, so that not even
    // the overall rate carries its own label
    double[] foldPrior = new double[folds];
    for (int f = 0; f < folds; f++) {
      int rest = n - foldRows[f];
      foldPrior[f] = rest == 0 ? prior : (double) (frauds - foldFrauds[f]) / rest;
    }

    // per attribute value: [count per fold..., frauds per fold..., unit-value count] + log sum
    Map<Attribute, Map<String, FoldCounts>> counts = new EnumMap<>(Attribute.class);
    for (Attribute a : ATTRIBUTES) {
      Map<String, FoldCounts> m = new HashMap<>();
      for (int r = 0; r < n; r++) {
        KcsDeclaration d = training.get(r);
        m.computeIfAbsent(a.of(d), k -> new FoldCounts(folds)).add(fold[r], d);
      }
      counts.put(a, m);
    }
    Map<Attribute, Map<String, CategoryStats>> tables = new EnumMap<>(Attribute.class);
    for (Attribute a : ATTRIBUTES) {
      Map<String, FoldCounts> m = counts.get(a);
      Map<String, CategoryStats> t = new HashMap<>();
      int code = 0;
      for (String v : new TreeSet<>(m.keySet())) {
        FoldCounts c = m.get(v);
        t.put(
            v,
            new CategoryStats(
                code++, c.total(), c.totalFrauds(), c.logUnitValueSum, c.unitValueCount));
      }
      tables.put(a, t);
    }
    EncodingTables full = new EncodingTables(prior, smoothing, n, tables);
    FeatureEncoder encoder = new FeatureEncoder(full, features);

    int w = encoder.width();
    float[] matrix = new float[n * w];
    float[] labels = new float[n];
    for (int r = 0; r < n; r++) {
      KcsDeclaration d = training.get(r);
      int i = r * w;
      for (Attribute a : LABEL_ENCODED) {
        matrix[i++] = full.stats(a, a.of(d)).code();
      }
      for (Attribute a : features.rates() || features.counts() ? ATTRIBUTES : new Attribute[0]) {
        FoldCounts c = counts.get(a).get(a.of(d));
        if (features.rates()) {
          int otherCount = c.total() - c.count[fold[r]];
          int otherFrauds = c.totalFrauds() - c.frauds[fold[r]];
          matrix[i++] = (float) full.smoothedRate(otherFrauds, otherCount, foldPrior[fold[r]]);
        }
        if (features.counts()) {
          matrix[i++] = c.total() - 1; // the other declarations with this value
        }
      }
      FoldCounts hs = counts.get(Attribute.HS6).get(d.hs6());
      double own = logUnitValue(d);
      boolean hasOwn = !Double.isNaN(own);
      int others = hs.unitValueCount - (hasOwn ? 1 : 0);
      double hsMean = others == 0 ? Double.NaN : (hs.logUnitValueSum - (hasOwn ? own : 0)) / others;
      float[] tail = new float[Numeric.values().length];
      numeric(d, hsMean, tail, 0);
      System.arraycopy(tail, 0, matrix, i, tail.length);
      labels[r] = d.label().asInt();
    }
    return new Fitted(encoder, new FeatureMatrix(matrix, n, w, labels));
  }

  /** Encodes later (validation, test) declarations with these tables, keeping their labels. */
  public FeatureMatrix encodeAll(List<KcsDeclaration> rows) {
    int w = width();
    float[] matrix = new float[rows.size() * w];
    float[] labels = new float[rows.size()];
    float[] buf = new float[w];
    for (int r = 0; r < rows.size(); r++) {
      encode(rows.get(r), buf);
      System.arraycopy(buf, 0, matrix, r * w, w);
      labels[r] = rows.get(r).label().asInt();
    }
    return new FeatureMatrix(matrix, rows.size(), w, labels);
  }

  /** An encoder learnt from training rows, and those rows encoded out of fold. */
  public record Fitted(FeatureEncoder encoder, FeatureMatrix training) {}

  private static final class FoldCounts {
    final int[] count;
    final int[] frauds;
    double logUnitValueSum;
    int unitValueCount;

    FoldCounts(int folds) {
      count = new int[folds];
      frauds = new int[folds];
    }

    void add(int fold, KcsDeclaration d) {
      count[fold]++;
      frauds[fold] += d.label().asInt();
      double lu = logUnitValue(d);
      if (!Double.isNaN(lu)) {
        logUnitValueSum += lu;
        unitValueCount++;
      }
    }

    int total() {
      int s = 0;
      for (int c : count) {
        s += c;
      }
      return s;
    }

    int totalFrauds() {
      int s = 0;
      for (int c : frauds) {
        s += c;
      }
      return s;
    }
  }
}
