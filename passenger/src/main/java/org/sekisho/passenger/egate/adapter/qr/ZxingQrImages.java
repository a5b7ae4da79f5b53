package org.sekisho.passenger.egate.adapter.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.sekisho.core.Outcome;
import org.sekisho.passenger.egate.application.QrImages;

/** QR codes with ZXing core: error correction M, 4-module quiet zone, PNG via ImageIO. */
public final class ZxingQrImages implements QrImages {
  private static final Map<DecodeHintType, Object> HINTS =
      Map.of(
          DecodeHintType.TRY_HARDER,
          Boolean.TRUE,
          DecodeHintType.POSSIBLE_FORMATS,
          List.of(BarcodeFormat.QR_CODE));
  private static final Map<DecodeHintType, Object> PURE_HINTS =
      Map.of(
          DecodeHintType.PURE_BARCODE,
          Boolean.TRUE,
          DecodeHintType.POSSIBLE_FORMATS,
          List.of(BarcodeFormat.QR_CODE));
  private final int moduleSize;

  /**
   * @param moduleSize pixels per QR module in generated images
   */
  public ZxingQrImages(int moduleSize) {
    this.moduleSize = moduleSize;
  }

  public ZxingQrImages() {
    this(4);
  }

  @Override
  public byte[] png(String text) {
    try {
      BitMatrix m =
          new QRCodeWriter()
              .encode(
                  text,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.MARGIN,
                      4));
      int w = m.getWidth() * moduleSize;
      int h = m.getHeight() * moduleSize;
      BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY);
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          img.setRGB(x, y, m.get(x / moduleSize, y / moduleSize) ? 0xFF000000 : 0xFFFFFFFF);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (WriterException e) {
      throw new IllegalArgumentException("text does not fit in a QR code: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Outcome<String> read(byte[] image) {
    BufferedImage img;
    try {
      img = image == null ? null : ImageIO.read(new ByteArrayInputStream(image));
    } catch (IOException | RuntimeException e) {
      img = null;
    }
    if (img == null) {
      return Outcome.rejected("qr-image-unreadable", "image", "not a PNG, JPEG, BMP or GIF image");
    }
    int w = img.getWidth();
    int h = img.getHeight();
    // A photographed code that no binarizer reads at full size (JPEG noise on small modules, about
    // 1 frame in 300 of a rotated test code) is tried again at half size, which smooths it.
    String text = decode(img);
    if (text == null) {
      text = decode(half(img));
    }
    if (text != null) {
      return Outcome.accepted(text);
    }
    return Outcome.rejected(
        "qr-not-found", "image", "no readable QR code in the " + w + "x" + h + " image");
  }

  /** The text of the QR code in {@code img}, or null when none is read. */
  private static String decode(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    int[] pixels = img.getRGB(0, 0, w, h, null, 0, w);
    RGBLuminanceSource source = new RGBLuminanceSource(w, h, pixels);
    // Camera frames suit the local-threshold binarizer; clean rendered codes sometimes decode only
    // with the global one or in pure-barcode mode, so try each in turn.
    List<BinaryBitmap> bitmaps =
        List.of(
            new BinaryBitmap(new HybridBinarizer(source)),
            new BinaryBitmap(new GlobalHistogramBinarizer(source)));
    for (Map<DecodeHintType, Object> hints : List.of(HINTS, PURE_HINTS)) {
      for (BinaryBitmap bitmap : bitmaps) {
        try {
          Result r = new QRCodeReader().decode(bitmap, hints);
          return r.getText();
        } catch (ReaderException | RuntimeException e) {
          // try the next binarizer or hint set
        }
      }
    }
    return null;
  }

  private static BufferedImage half(BufferedImage img) {
    int w = Math.max(1, img.getWidth() / 2);
    int h = Math.max(1, img.getHeight() / 2);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        java.awt.RenderingHints.KEY_INTERPOLATION,
        java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(img, 0, 0, w, h, null);
    g.dispose();
    return out;
  }
}
