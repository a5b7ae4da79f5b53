package org.sekisho.passenger.egate.adapter.face;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * How the operator configures the evaluated face model, read from a properties file (see {@code
 * docs/formats/egate-face-model.md}):
 *
 * <pre>
 * model=models/face.onnx        # relative to the file's folder, or absolute
 * name=vendor-face 2.1 (evaluated 2026-03)
 * threshold=0.42                # cosine similarity at the evaluated false-match rate
 * input.width=112
 * input.height=112
 * input.layout=NCHW             # or NHWC
 * input.channels=RGB            # or BGR
 * input.mean=127.5              # pixel (0-255) minus mean, divided by std
 * input.std=127.5
 * threads=1
 * </pre>
 *
 * @param model the ONNX file
 * @param name model name and version as evaluated, for the decision log
 * @param threshold similarity at or above which faces match
 * @param inputWidth model input width in pixels
 * @param inputHeight model input height in pixels
 * @param layout tensor layout of the input
 * @param channels channel order of the input
 * @param mean subtracted from each 0-255 pixel value
 * @param std divides each pixel value after the mean is subtracted
 * @param threads ONNX Runtime intra-op threads
 */
public record FaceModelConfig(
    Path model,
    String name,
    double threshold,
    int inputWidth,
    int inputHeight,
    Layout layout,
    Channels channels,
    float mean,
    float std,
    int threads) {

  /** Input tensor layout. */
  public enum Layout {
    NCHW,
    NHWC
  }

  /** Input channel order. */
  public enum Channels {
    RGB,
    BGR
  }

  public FaceModelConfig {
    if (inputWidth < 1 || inputHeight < 1 || inputWidth > 4096 || inputHeight > 4096) {
      throw new IllegalArgumentException("input.width and input.height must be 1-4096");
    }
    if (!(std > 0)) {
      throw new IllegalArgumentException("input.std must be positive");
    }
    if (!(threshold >= -1 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be a cosine similarity from -1 to 1");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name the model and its version (name=...)");
    }
  }

  /**
   * Reads a configuration file.
   *
   * @throws IOException when the file cannot be read or a value is missing or malformed (the
   *     message names the key)
   */
  public static FaceModelConfig load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    try {
      Path dir = file.toAbsolutePath().getParent();
      Path model = dir.resolve(required(p, "model"));
      return new FaceModelConfig(
          model,
          required(p, "name"),
          Double.parseDouble(required(p, "threshold")),
          Integer.parseInt(p.getProperty("input.width", "112").strip()),
          Integer.parseInt(p.getProperty("input.height", "112").strip()),
          Layout.valueOf(p.getProperty("input.layout", "NCHW").strip().toUpperCase(Locale.ROOT)),
          Channels.valueOf(p.getProperty("input.channels", "RGB").strip().toUpperCase(Locale.ROOT)),
          Float.parseFloat(p.getProperty("input.mean", "127.5").strip()),
          Float.parseFloat(p.getProperty("input.std", "127.5").strip()),
          Integer.parseInt(p.getProperty("threads", "1").strip()));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  private static String required(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("missing " + key + "=");
    }
    return v.strip();
  }
}
