package org.sekisho.targeting.model.adapter.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sekisho.core.Outcome;
import org.sekisho.targeting.model.adapter.xgboost.XgboostJsonModel;
import org.sekisho.targeting.model.application.TrainedRiskModel;
import org.sekisho.targeting.model.domain.Attribute;
import org.sekisho.targeting.model.domain.CategoryStats;
import org.sekisho.targeting.model.domain.EncodingTables;
import org.sekisho.targeting.model.domain.FeatureEncoder;
import org.sekisho.targeting.model.domain.FeatureSet;
import org.sekisho.targeting.model.domain.ModelManifest;
import org.sekisho.targeting.model.domain.RankingFigures;
import org.sekisho.targeting.model.domain.RiskModel;
import org.sekisho.targeting.model.domain.TreeEnsemble;

/**
 * Writes and reads a model directory (layout in {@code docs/formats/risk-model.md}): {@value
 * #MANIFEST}, {@value #ENCODING} and {@value #TREES}. Reading checks that the three agree (format,
 * feature names, tree count) and rejects the directory with the reason otherwise.
 */
public final class ModelDirectory {
  public static final String MANIFEST = "manifest.json";
  public static final String ENCODING = "encoding.json";
  public static final String TREES = "xgboost-model.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ModelDirectory() {}

  /** A model read back from disk. */
  public record Loaded(RiskModel model, ModelManifest manifest, byte[] exportedModel) {}

  /** Writes {@code m} into {@code dir} (created if needed; existing files replaced). */
  public static void write(Path dir, TrainedRiskModel m) throws IOException {
    Files.createDirectories(dir);
    Files.write(dir.resolve(TREES), m.exportedModel());
    Files.write(dir.resolve(ENCODING), JSON.writeValueAsBytes(encoding(m.model().encoder())));
    Files.write(dir.resolve(MANIFEST), JSON.writeValueAsBytes(manifest(m.manifest())));
  }

  /** Reads the directory, or says why it cannot be used. */
  public static Outcome<Loaded> read(Path dir) {
    for (String f : List.of(MANIFEST, ENCODING, TREES)) {
      if (!Files.isRegularFile(dir.resolve(f))) {
        return Outcome.rejected("incomplete-model", f, "missing from model directory " + dir);
      }
    }
    try {
      ModelManifest manifest = manifest(JSON.readTree(dir.resolve(MANIFEST).toFile()));
      if (!manifest.format().equals(ModelManifest.FORMAT)) {
        return Outcome.rejected(
            "unsupported-model",
            MANIFEST,
            "format " + manifest.format() + ", expected " + ModelManifest.FORMAT);
      }
      JsonNode enc = JSON.readTree(dir.resolve(ENCODING).toFile());
      JsonNode fs = enc.get("features");
      FeatureSet features =
          new FeatureSet(
              fs.get("rates").asBoolean(),
              fs.get("counts").asBoolean(),
              fs.get("unseenByRank").asBoolean());
      FeatureEncoder encoder = new FeatureEncoder(tables(enc), features);
      if (!encoder.featureNames().equals(manifest.featureNames())) {
        return Outcome.rejected(
            "unsupported-model", MANIFEST, "feature layout differs from this version's encoder");
      }
      byte[] exported = Files.readAllBytes(dir.resolve(TREES));
      Outcome<TreeEnsemble> trees = XgboostJsonModel.parse(exported);
      if (!trees.isAccepted()) {
        return Outcome.rejected(trees.problems().getFirst());
      }
      if (manifest.trees() > trees.orElseThrow().size()) {
        return Outcome.rejected(
            "invalid-model", MANIFEST, "names more trees than " + TREES + " holds");
      }
      TreeEnsemble used = trees.orElseThrow().firstTrees(manifest.trees());
      return Outcome.accepted(new Loaded(new RiskModel(encoder, used), manifest, exported));
    } catch (IOException | RuntimeException e) {
      return Outcome.rejected("invalid-model", dir.toString(), "cannot read model: " + e);
    }
  }

  private static ObjectNode encoding(FeatureEncoder encoder) {
    EncodingTables t = encoder.tables();
    ObjectNode root = JSON.createObjectNode();
    root.put("prior", t.prior());
    root.put("smoothing", t.smoothing());
    root.put("trainingRows", t.trainingRows());
    ObjectNode fs = root.putObject("features");
    fs.put("rates", encoder.features().rates());
    fs.put("counts", encoder.features().counts());
    fs.put("unseenByRank", encoder.features().unseenByRank());
    ObjectNode attrs = root.putObject("attributes");
    for (Attribute a : Attribute.values()) {
      ArrayNode rows = attrs.putArray(a.name());
      t.tables().get(a).entrySet().stream()
          .sorted(Map.Entry.comparingByValue((x, y) -> Integer.compare(x.code(), y.code())))
          .forEach(
              e -> {
                CategoryStats s = e.getValue();
                ArrayNode r = rows.addArray();
                r.add(e.getKey())
                    .add(s.count())
                    .add(s.frauds())
                    .add(s.logUnitValueSum())
                    .add(s.unitValueCount());
              });
    }
    return root;
  }

  private static EncodingTables tables(JsonNode root) {
    Map<Attribute, Map<String, CategoryStats>> tables = new EnumMap<>(Attribute.class);
    JsonNode attrs = root.get("attributes");
    for (Attribute a : Attribute.values()) {
      Map<String, CategoryStats> m = new HashMap<>();
      int code = 0;
      for (JsonNode r : attrs.get(a.name())) {
        m.put(
            r.get(0).asText(),
            new CategoryStats(
                code++, r.get(1).asInt(), r.get(2).asInt(), r.get(3).asDouble(), r.get(4).asInt()));
      }
      tables.put(a, m);
    }
    return new EncodingTables(
        root.get("prior").asDouble(),
        root.get("smoothing").asDouble(),
        root.get("trainingRows").asInt(),
        tables);
  }

  /** The manifest as JSON. */
  public static ObjectNode manifest(ModelManifest m) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", m.format());
    root.put("versionId", m.versionId());
    root.put("createdAt", m.createdAt().toString());
    root.put("procedure", m.procedure());
    ObjectNode data = root.putObject("trainingData");
    m.trainingData().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              ObjectNode f = data.putObject(e.getKey());
              f.put("name", e.getValue().name());
              f.put("sha256", e.getValue().sha256());
              f.put("rows", e.getValue().rows());
              f.put("skipped", e.getValue().skipped());
            });
    ObjectNode params = root.putObject("parameters");
    m.parameters().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> params.put(e.getKey(), e.getValue()));
    root.put("trees", m.trees());
    ArrayNode names = root.putArray("featureNames");
    m.featureNames().forEach(names::add);
    if (m.validation() != null) {
      root.set("validation", figures(m.validation()));
    }
    return root;
  }

  /** Ranking figures in the JSON shape {@code risk evaluate --json} prints. */
  public static ObjectNode figures(RankingFigures f) {
    ObjectNode o = JSON.createObjectNode();
    o.put("n", f.n());
    o.put("positives", f.positives());
    ObjectNode p = o.putObject("precision");
    ObjectNode r = o.putObject("recall");
    for (int k : org.sekisho.targeting.model.domain.RankingMetrics.PERCENTAGES) {
      p.put(Integer.toString(k), f.precision().get(k));
      r.put(Integer.toString(k), f.recall().get(k));
    }
    o.put("auc", f.auc());
    return o;
  }

  private static RankingFigures figures(JsonNode o) {
    Map<Integer, Double> p = new LinkedHashMap<>();
    Map<Integer, Double> r = new LinkedHashMap<>();
    o.get("precision")
        .properties()
        .forEach(e -> p.put(Integer.parseInt(e.getKey()), e.getValue().asDouble()));
    o.get("recall")
        .properties()
        .forEach(e -> r.put(Integer.parseInt(e.getKey()), e.getValue().asDouble()));
    return new RankingFigures(
        o.get("n").asLong(), o.get("positives").asLong(), p, r, o.get("auc").asDouble());
  }

  /**
   * Reads a manifest as {@link #manifest(ModelManifest)} writes it.
   *
   * @throws IllegalArgumentException when a field is missing or malformed
   */
  public static ModelManifest readManifest(JsonNode root) {
    try {
      return manifest(root);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("malformed " + MANIFEST + ": " + e, e);
    }
  }

  private static ModelManifest manifest(JsonNode root) {
    Map<String, ModelManifest.DataFile> data = new HashMap<>();
    root.get("trainingData")
        .properties()
        .forEach(
            e ->
                data.put(
                    e.getKey(),
                    new ModelManifest.DataFile(
                        e.getValue().get("name").asText(),
                        e.getValue().get("sha256").asText(),
                        e.getValue().get("rows").asLong(),
                        e.getValue().get("skipped").asLong())));
    Map<String, String> params = new HashMap<>();
    root.get("parameters").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
    List<String> names = new java.util.ArrayList<>();
    root.get("featureNames").forEach(n -> names.add(n.asText()));
    JsonNode v = root.get("validation");
    return new ModelManifest(
        root.get("format").asText(),
        root.get("versionId").asText(),
        Instant.parse(root.get("createdAt").asText()),
        root.get("procedure").asText(),
        data,
        params,
        names,
        root.get("trees").asInt(),
        v == null || v.isNull() ? null : figures(v));
  }
}
