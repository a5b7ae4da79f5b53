package org.sekisho.passenger.egate.adapter.face;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import javax.imageio.ImageIO;
import org.sekisho.passenger.egate.application.FaceMatcher;

/**
 * A {@link FaceMatcher} backed by an operator-supplied face-embedding model run with ONNX Runtime.
 *
 * <p>Each image is decoded (PNG, JPEG, BMP, GIF), centre-cropped to the model's aspect ratio,
 * resized to its input size, scaled as {@code (pixel - mean) / std} per channel and fed as one
 * image (batch 1); the similarity is the cosine of the two embeddings, in [-1, 1]. An image that
 * cannot be decoded scores -1, the lowest possible, so it never matches.
 *
 * <p>The model must take one float tensor of {@code [1, 3, H, W]} (NCHW) or {@code [1, H, W, 3]}
 * (NHWC) and return the embedding as its first output. Face detection and alignment are the capture
 * device's job: the kiosk camera and the chip portrait (ICAO token image) are already face crops.
 *
 * <p>Thread-safe: ONNX Runtime sessions may run concurrently. Images are never kept. Close it to
 * free the native session.
 */
public final class OnnxFaceMatcher implements FaceMatcher, AutoCloseable {
  private final FaceModelConfig config;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final String inputName;
  private final String modelLabel;

  private OnnxFaceMatcher(FaceModelConfig config, OrtSession session, String modelLabel)
      throws OrtException {
    this.config = config;
    this.env = OrtEnvironment.getEnvironment();
    this.session = session;
    this.inputName = session.getInputNames().iterator().next();
    this.modelLabel = modelLabel;
  }

  /**
   * Loads the configured model.
   *
   * @throws IOException when the model file cannot be read or ONNX Runtime refuses it
   */
  public static OnnxFaceMatcher open(FaceModelConfig config) throws IOException {
    byte[] model = Files.readAllBytes(config.model());
    try {
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      // The gate decides one traveller at a time; one intra-op thread keeps latency steady on
      // small machines and leaves the other cores to the web server.
      options.setIntraOpNumThreads(config.threads());
      OrtSession session = env.createSession(model, options);
      String label = config.name() + " sha256:" + sha256(model).substring(0, 12);
      return new OnnxFaceMatcher(config, session, label);
    } catch (OrtException e) {
      throw new IOException(config.model() + ": ONNX Runtime cannot load the model: " + e, e);
    }
  }

  @Override
  public double similarity(byte[] chipPortrait, byte[] liveCapture) {
    float[] a = embed(chipPortrait);
    float[] b = embed(liveCapture);
    if (a == null || b == null || a.length != b.length) {
      return -1.0;
    }
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    if (na == 0 || nb == 0) {
      return -1.0;
    }
    return dot / Math.sqrt(na * nb);
  }

  @Override
  public String model() {
    return modelLabel;
  }

  /** The embedding of one image, or null when the image cannot be decoded. */
  float[] embed(byte[] image) {
    float[] pixels = pixels(image);
    if (pixels == null) {
      return null;
    }
    int w = config.inputWidth();
    int h = config.inputHeight();
    long[] shape =
        config.layout() == FaceModelConfig.Layout.NCHW
            ? new long[] {1, 3, h, w}
            : new long[] {1, h, w, 3};
    try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(pixels), shape);
        OrtSession.Result out = session.run(Map.of(inputName, input))) {
      if (!(out.get(0) instanceof OnnxTensor t)) {
        return null;
      }
      FloatBuffer fb = t.getFloatBuffer();
      float[] e = new float[fb.remaining()];
      fb.get(e);
      return e;
    } catch (OrtException e) {
      throw new IllegalStateException("face model failed: " + e.getMessage(), e);
    } finally {
      java.util.Arrays.fill(pixels, 0f);
    }
  }

  private float[] pixels(byte[] image) {
    BufferedImage src;
    try {
      src =
          image == null || image.length == 0 ? null : ImageIO.read(new ByteArrayInputStream(image));
    } catch (IOException | RuntimeException e) {
      src = null;
    }
    if (src == null) {
      return null;
    }
    int w = config.inputWidth();
    int h = config.inputHeight();
    // Centre crop to the model's aspect ratio so faces are not stretched.
    int cw = src.getWidth();
    int ch = src.getHeight();
    if ((long) cw * h > (long) ch * w) {
      cw = (int) Math.max(1, (long) ch * w / h);
    } else {
      ch = (int) Math.max(1, (long) cw * h / w);
    }
    int x0 = (src.getWidth() - cw) / 2;
    int y0 = (src.getHeight() - ch) / 2;
    BufferedImage scaled = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = scaled.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(src, 0, 0, w, h, x0, y0, x0 + cw, y0 + ch, null);
    } finally {
      g.dispose();
    }
    int[] rgb = scaled.getRGB(0, 0, w, h, null, 0, w);
    float[] out = new float[3 * w * h];
    float mean = config.mean();
    float std = config.std();
    boolean bgr = config.channels() == FaceModelConfig.Channels.BGR;
    boolean nchw = config.layout() == FaceModelConfig.Layout.NCHW;
    int plane = w * h;
    for (int i = 0; i < plane; i++) {
      int p = rgb[i];
      float r = (((p >> 16) & 0xFF) - mean) / std;
      float gr = (((p >> 8) & 0xFF) - mean) / std;
      float b = ((p & 0xFF) - mean) / std;
      float c0 = bgr ? b : r;
      float c2 = bgr ? r : b;
      if (nchw) {
        out[i] = c0;
        out[plane + i] = gr;
        out[2 * plane + i] = c2;
      } else {
        out[3 * i] = c0;
        out[3 * i + 1] = gr;
        out[3 * i + 2] = c2;
      }
    }
    java.util.Arrays.fill(rgb, 0);
    return out;
  }

  private static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      // Closing a session only frees native memory; nothing left to do.
    }
  }
}
