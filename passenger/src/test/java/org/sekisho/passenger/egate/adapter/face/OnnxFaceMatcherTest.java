package org.sekisho.passenger.egate.adapter.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sekisho.passenger.egate.application.FaceVerifications;
import org.sekisho.passenger.egate.domain.face.FaceVerification;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OnnxFaceMatcherTest {
  @TempDir Path dir;
  private OnnxFaceMatcher matcher;
  private FaceModelConfig config;

  @BeforeEach
  void loadTheTinyModelThroughTheOperatorsConfigurationFile() throws IOException {
    Files.write(dir.resolve("tiny.onnx"), TinyOnnxModel.randomProjection(24, 24, 64, 7));
    Path props = dir.resolve("face-model.properties");
    Files.writeString(
        props,
        "model=tiny.onnx\nname=tiny random projection 1\nthreshold=0.8\n"
            + "input.width=24\ninput.height=24\ninput.layout=NCHW\n",
        StandardCharsets.UTF_8);
    config = FaceModelConfig.load(props);
    matcher = OnnxFaceMatcher.open(config);
  }

  @AfterEach
  void close() {
    matcher.close();
  }

  @Test
  void theSameFaceScoresAboutOneAndAnotherPictureScoresBelowTheThreshold() throws IOException {
    byte[] face = png(face(200, 260, new Color(224, 180, 150), 0));
    byte[] sameFaceRecaptured = png(face(400, 520, new Color(220, 176, 146), 3));
    byte[] other = png(stripes(200, 260));
    double same = matcher.similarity(face, sameFaceRecaptured);
    double different = matcher.similarity(face, other);
    assertThat(same).isGreaterThan(0.95);
    assertThat(different).isLessThan(0.8);
    assertThat(matcher.similarity(face, face.clone())).isCloseTo(1.0, within());
  }

  @Test
  void anUndecodableImageScoresTheLowestSimilarity() throws IOException {
    byte[] face = png(face(100, 130, Color.PINK, 0));
    assertThat(matcher.similarity(face, "not an image".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(-1.0);
    assertThat(matcher.similarity(new byte[0], face)).isEqualTo(-1.0);
  }

  @Test
  void theEmbeddingHasTheModelsWidthAndUnitLength() throws IOException {
    float[] e = matcher.embed(png(face(120, 160, Color.ORANGE, 0)));
    assertThat(e).hasSize(64);
    double n = 0;
    for (float v : e) {
      n += v * v;
    }
    assertThat(n).isCloseTo(1.0, within());
  }

  @Test
  void theVerificationLogsModelThresholdAndDecisionAndErasesBothImages() throws IOException {
    List<String> log = new ArrayList<>();
    byte[] chip = png(face(200, 260, new Color(224, 180, 150), 0));
    byte[] live = png(face(200, 260, new Color(222, 178, 148), 2));
    FaceVerification v =
        new FaceVerifications(matcher, config.threshold(), log::add).verify(chip, live);
    assertThat(v.match()).isTrue();
    assertThat(v.threshold()).isEqualTo(0.8);
    assertThat(v.model()).startsWith("tiny random projection 1 sha256:");
    assertThat(log).hasSize(1);
    assertThat(log.get(0)).startsWith("face match: similarity 0.9").contains("threshold 0.8000");
    assertThat(chip).containsOnly(0);
    assertThat(live).containsOnly(0);
  }

  @Test
  void aConfigurationWithoutThresholdIsRefusedNamingTheKey() throws IOException {
    Path props = dir.resolve("bad.properties");
    Files.writeString(props, "model=tiny.onnx\nname=x\n");
    assertThatThrownBy(() -> FaceModelConfig.load(props)).hasMessageContaining("threshold");
  }

  @Test
  void aFileThatIsNotAnOnnxModelIsRefused() throws IOException {
    Files.writeString(dir.resolve("broken.onnx"), "garbage");
    FaceModelConfig broken =
        new FaceModelConfig(
            dir.resolve("broken.onnx"),
            "broken",
            0.5,
            24,
            24,
            FaceModelConfig.Layout.NCHW,
            FaceModelConfig.Channels.RGB,
            127.5f,
            127.5f,
            1);
    assertThatThrownBy(() -> OnnxFaceMatcher.open(broken))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("ONNX Runtime cannot load");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-4);
  }

  /** A drawn "face": skin-coloured oval, eyes and mouth, slight shift when recaptured. */
  static BufferedImage face(int w, int h, Color skin, int shift) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(90, 110, 140));
    g.fillRect(0, 0, w, h);
    g.setColor(skin);
    g.fillOval(w / 6 + shift, h / 8, w * 2 / 3, h * 3 / 4);
    g.setColor(Color.DARK_GRAY);
    g.fillOval(w / 3 + shift, h * 3 / 8, w / 10, h / 14);
    g.fillOval(w * 17 / 30 + shift, h * 3 / 8, w / 10, h / 14);
    g.setColor(new Color(150, 60, 60));
    g.fillRect(w * 2 / 5 + shift, h * 5 / 8, w / 5, h / 30 + 1);
    g.dispose();
    return img;
  }

  static BufferedImage stripes(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, ((x / 10) % 2 == 0) ? 0xF0F020 : 0x102080);
      }
    }
    return img;
  }

  static byte[] png(BufferedImage img) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }
}
