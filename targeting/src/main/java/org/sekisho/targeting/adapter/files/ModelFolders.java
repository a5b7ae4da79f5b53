package org.sekisho.targeting.adapter.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.sekisho.core.Outcome;
import org.sekisho.targeting.assessment.adapter.model.ReleasedModelScorer;
import org.sekisho.targeting.assessment.application.RiskScorer;
import org.sekisho.targeting.model.adapter.store.ModelDirectory;
import org.sekisho.targeting.model.domain.ModelManifest;
import org.sekisho.targeting.release.application.ModelFiles;

/**
 * Registered model directories under {@code <root>/<version>/} (root is {@code
 * <data-dir>/targeting/models}). A copy is written to a temporary folder, checked against the
 * content hash, made read-only and moved into place in one step; opening a version checks the hash
 * again, so a file changed after registration is refused rather than scored with.
 *
 * <p>The content hash is SHA-256 over, for each of {@code manifest.json}, {@code encoding.json} and
 * {@code xgboost-model.json} in that order, the line {@code <name> <sha256 of its bytes>}.
 */
public final class ModelFolders implements ModelFiles {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> FILES =
      List.of(ModelDirectory.MANIFEST, ModelDirectory.ENCODING, ModelDirectory.TREES);

  private final Path root;

  public ModelFolders(Path root) {
    this.root = root;
  }

  /** The folder of a registered version. */
  public Path folder(int version) {
    return root.resolve(Integer.toString(version));
  }

  @Override
  public Outcome<Inspected> inspect(Path dir) {
    for (String f : FILES) {
      if (!Files.isRegularFile(dir.resolve(f))) {
        return Outcome.rejected("incomplete-model", f, "missing from model directory " + dir);
      }
    }
    try {
      JsonNode m = JSON.readTree(dir.resolve(ModelDirectory.MANIFEST).toFile());
      String format = m.path("format").asText("");
      if (!ModelManifest.FORMAT.equals(format)) {
        return Outcome.rejected(
            "unsupported-model",
            ModelDirectory.MANIFEST + ".format",
            "expected " + ModelManifest.FORMAT + ", got '" + format + "'");
      }
      String id = m.path("versionId").asText("");
      if (id.isBlank() || id.length() > 100) {
        return Outcome.rejected(
            "invalid-model", ModelDirectory.MANIFEST + ".versionId", "expected a model id");
      }
      ModelManifest read;
      try {
        read = ModelDirectory.readManifest(m);
      } catch (IllegalArgumentException e) {
        return Outcome.rejected("invalid-model", ModelDirectory.MANIFEST, e.getMessage());
      }
      return Outcome.accepted(new Inspected(id, hash(dir), read.fittedOn()));
    } catch (IOException e) {
      return Outcome.rejected("invalid-model", dir.toString(), "cannot read model: " + e);
    }
  }

  @Override
  public Outcome<Path> keep(Path dir, int version, String contentHash) {
    Path target = folder(version);
    try {
      if (Files.isDirectory(target)) {
        // left by an earlier attempt that stopped before the registry row was written
        return hash(target).equals(contentHash)
            ? Outcome.accepted(target)
            : Outcome.rejected(
                "conflict", target.toString(), "holds other files than this model; move it away");
      }
      Files.createDirectories(root);
      Path tmp = Files.createTempDirectory(root, "incoming-");
      for (String f : FILES) {
        Files.copy(dir.resolve(f), tmp.resolve(f), StandardCopyOption.COPY_ATTRIBUTES);
      }
      if (!hash(tmp).equals(contentHash)) {
        delete(tmp);
        return Outcome.rejected(
            "changed-during-copy", dir.toString(), "the model files changed while being copied");
      }
      for (String f : FILES) {
        if (!tmp.resolve(f).toFile().setWritable(false, false)) {
          delete(tmp);
          return Outcome.rejected(
              "io", tmp.resolve(f).toString(), "cannot make the copy read-only");
        }
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      return Outcome.accepted(target);
    } catch (IOException e) {
      return Outcome.rejected("io", target.toString(), "cannot store the model: " + e);
    }
  }

  @Override
  public Outcome<RiskScorer> open(int version, String contentHash) {
    Path dir = folder(version);
    if (!Files.isDirectory(dir)) {
      return Outcome.rejected("missing-model", dir.toString(), "the model files are missing");
    }
    try {
      if (!hash(dir).equals(contentHash)) {
        return Outcome.rejected(
            "tampered-model",
            dir.toString(),
            "the files of model version " + version + " no longer match their registered hash");
      }
    } catch (IOException e) {
      return Outcome.rejected("io", dir.toString(), "cannot read model: " + e);
    }
    return ReleasedModelScorer.open(dir);
  }

  /**
   * The validation figures a model directory's manifest records (measured before any refit), read
   * without loading the model; empty when it has none.
   */
  public static java.util.Optional<org.sekisho.targeting.model.domain.RankingFigures>
      manifestFigures(Path dir) {
    try {
      JsonNode v = JSON.readTree(dir.resolve(ModelDirectory.MANIFEST).toFile()).get("validation");
      if (v == null || !v.isObject()) {
        return java.util.Optional.empty();
      }
      java.util.Map<Integer, Double> p = new java.util.LinkedHashMap<>();
      java.util.Map<Integer, Double> r = new java.util.LinkedHashMap<>();
      v.path("precision")
          .properties()
          .forEach(e -> p.put(Integer.parseInt(e.getKey()), e.getValue().asDouble()));
      v.path("recall")
          .properties()
          .forEach(e -> r.put(Integer.parseInt(e.getKey()), e.getValue().asDouble()));
      return java.util.Optional.of(
          new org.sekisho.targeting.model.domain.RankingFigures(
              v.path("n").asLong(),
              v.path("positives").asLong(),
              p,
              r,
              v.path("auc").asDouble(Double.NaN)));
    } catch (IOException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  @Override
  public java.util.Optional<EarlyStopping> earlyStopping(int version) {
    try {
      ModelManifest m =
          ModelDirectory.readManifest(
              JSON.readTree(folder(version).resolve(ModelDirectory.MANIFEST).toFile()));
      ModelManifest.DataFile valid = m.trainingData().get("valid");
      if (m.validation() == null || valid == null) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(
          new EarlyStopping(
              valid.name(),
              m.parameters().containsKey(ModelManifest.REFIT_ROUNDS),
              m.validation()));
    } catch (IOException | IllegalArgumentException e) {
      // a page shows the registered figures without them
      return java.util.Optional.empty();
    }
  }

  /** The content hash of a model directory (see the class comment). */
  public static String hash(Path dir) throws IOException {
    MessageDigest all = sha256();
    for (String f : FILES) {
      MessageDigest one = sha256();
      try (InputStream in = Files.newInputStream(dir.resolve(f))) {
        byte[] buf = new byte[1 << 16];
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
          one.update(buf, 0, n);
        }
      }
      all.update(
          (f + " " + HexFormat.of().formatHex(one.digest()) + "\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(all.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      for (Path p : s.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(dir);
  }
}
