package org.sekisho.passenger.egate.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.core.Outcome;
import org.sekisho.passenger.egate.adapter.chip.JmrtdPassiveAuthentication;
import org.sekisho.passenger.egate.adapter.qr.DeclarationKeyFiles;
import org.sekisho.passenger.egate.adapter.qr.ZxingQrImages;
import org.sekisho.passenger.egate.domain.declaration.Declarations;
import org.sekisho.passenger.egate.domain.declaration.SealedDeclaration;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DeclarationQrServiceTest {
  private static final KeyPair KEYS = DeclarationKeyFiles.generate();
  private final Clock clock = Clock.fixed(Instant.parse("2026-01-14T22:00:00Z"), ZoneOffset.UTC);
  private final DeclarationQrService page =
      new DeclarationQrService(
          new ZxingQrImages(),
          Map.of(),
          Optional.of(new DeclarationQrService.SigningKey("JC1", KEYS.getPrivate())),
          clock);
  private final DeclarationQrService kiosk =
      new DeclarationQrService(
          new ZxingQrImages(), Map.of("JC1", KEYS.getPublic()), Optional.empty(), clock);

  @Test
  void withBouncyCastleVerifyingAGenuineQrIsAcceptedAndAForgedOneRefused() {
    DeclarationQrService bc =
        new DeclarationQrService(
            new ZxingQrImages(),
            Map.of("JC1", KEYS.getPublic()),
            Optional.empty(),
            clock,
            JmrtdPassiveAuthentication.provider());
    Outcome<SealedDeclaration> genuine = bc.readText(page.sealText(Declarations.withCash()));
    assertThat(genuine.problems()).isEmpty();
    assertThat(genuine.orElseThrow().declaration()).isEqualTo(Declarations.withCash());
    KeyPair other = DeclarationKeyFiles.generate();
    String forged =
        new DeclarationQrService(
                new ZxingQrImages(),
                Map.of(),
                Optional.of(new DeclarationQrService.SigningKey("JC1", other.getPrivate())),
                clock)
            .sealText(Declarations.withCash());
    assertThat(bc.readText(forged).problems().get(0).code()).isEqualTo("qr-signature-invalid");
    assertThat(kiosk.readText(forged).problems().get(0).code()).isEqualTo("qr-signature-invalid");
  }

  @Test
  void aQrImageFromTheDeclarationPageIsReadAtTheKiosk() {
    byte[] png = page.issue(Declarations.withCash());
    Outcome<SealedDeclaration> o = kiosk.readImage(png);
    assertThat(o.problems()).isEmpty();
    assertThat(o.orElseThrow().declaration()).isEqualTo(Declarations.withCash());
  }

  @Test
  void qrImagesForManyDifferentSignaturesAreAllRead() {
    for (int i = 0; i < 40; i++) {
      KeyPair k = DeclarationKeyFiles.generate();
      DeclarationQrService p =
          new DeclarationQrService(
              new ZxingQrImages(),
              Map.of(),
              Optional.of(new DeclarationQrService.SigningKey("K" + i, k.getPrivate())),
              clock);
      DeclarationQrService reader =
          new DeclarationQrService(
              new ZxingQrImages(), Map.of("K" + i, k.getPublic()), Optional.empty(), clock);
      assertThat(reader.readImage(p.issue(Declarations.withCash())).problems())
          .as("signature %d", i)
          .isEmpty();
    }
  }

  @Test
  void aQrPhotographedAtAnAngleOnAGreyBackgroundIsStillRead() throws Exception {
    BufferedImage qr = ImageIO.read(new ByteArrayInputStream(page.issue(Declarations.withCash())));
    BufferedImage frame = new BufferedImage(1280, 960, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = frame.createGraphics();
    g.setColor(new java.awt.Color(120, 120, 120));
    g.fillRect(0, 0, 1280, 960);
    g.rotate(Math.toRadians(8), 640, 480);
    g.drawImage(qr, 640 - qr.getWidth() / 2, 480 - qr.getHeight() / 2, null);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(frame, "jpg", out);
    assertThat(kiosk.readImage(out.toByteArray()).isAccepted()).isTrue();
  }

  @Test
  void aQrRedrawnWithAlteredContentIsRefused() {
    String honest = page.sealText(Declarations.withCash());
    // Change one payload character: still valid Base45 most of the time, but never the same bytes.
    char c = honest.charAt(40);
    String altered = honest.substring(0, 40) + (c == '0' ? '1' : '0') + honest.substring(41);
    Outcome<SealedDeclaration> o = kiosk.readImage(new ZxingQrImages().png(altered));
    assertThat(o.isAccepted()).isFalse();
    assertThat(o.problems().get(0).code())
        .isIn("qr-signature-invalid", "qr-encoding", "qr-invalid-field", "qr-unknown-key");
  }

  @Test
  void anImageWithoutAQrCodeIsRefused() throws Exception {
    BufferedImage blank = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(blank, "png", out);
    assertThat(kiosk.readImage(out.toByteArray()).problems().get(0).code())
        .isEqualTo("qr-not-found");
    assertThat(kiosk.readImage(new byte[] {1, 2, 3}).problems().get(0).code())
        .isEqualTo("qr-image-unreadable");
  }
}
