package org.sekisho.passenger.egate.adapter.chip;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import net.sf.scuba.data.Gender;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jmrtd.lds.LDSFile;
import org.jmrtd.lds.SODFile;
import org.jmrtd.lds.icao.COMFile;
import org.jmrtd.lds.icao.DG1File;
import org.jmrtd.lds.icao.DG2File;
import org.jmrtd.lds.icao.MRZInfo;
import org.jmrtd.lds.iso19794.FaceImageInfo;
import org.jmrtd.lds.iso19794.FaceInfo;
import org.sekisho.passenger.egate.domain.chip.ChipFiles;

/**
 * A specimen issuing authority for drills, tests and benchmarks: its own CSCA (self-signed, ECDSA
 * P-256) and one document signer, issuing chips (EF.COM, DG1, DG2, EF.SOD with SHA-256 hashes).
 * Never a production issuer: keys live in memory only.
 */
public final class SpecimenChipIssuer {
  private static final BouncyCastleProvider BC = new BouncyCastleProvider();
  private final X509Certificate csca;
  private final X509Certificate documentSigner;
  private final PrivateKey signerKey;

  private SpecimenChipIssuer(X509Certificate csca, X509Certificate ds, PrivateKey signerKey) {
    this.csca = csca;
    this.documentSigner = ds;
    this.signerKey = signerKey;
  }

  /** A new authority for {@code country} (ISO alpha-2, for the certificate names). */
  public static SpecimenChipIssuer create(String country, Instant now) {
    try {
      KeyPair cscaKeys = ecKeys();
      KeyPair dsKeys = ecKeys();
      X500Name cscaName = new X500Name("C=" + country + ",O=Sekisho specimen,CN=CSCA " + country);
      X500Name dsName = new X500Name("C=" + country + ",O=Sekisho specimen,CN=DS " + country);
      X509Certificate csca =
          certificate(cscaName, cscaName, cscaKeys, cscaKeys.getPrivate(), now, true);
      X509Certificate ds = certificate(cscaName, dsName, dsKeys, cscaKeys.getPrivate(), now, false);
      return new SpecimenChipIssuer(csca, ds, dsKeys.getPrivate());
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot create specimen PKI", e);
    }
  }

  public X509Certificate csca() {
    return csca;
  }

  public X509Certificate documentSigner() {
    return documentSigner;
  }

  /** Issues a chip holding {@code mrz} (the printed lines, concatenated) and a face image. */
  public ChipFiles issue(String mrz, byte[] faceJpeg, int width, int height) {
    try {
      MRZInfo info = new MRZInfo(mrz);
      byte[] dg1 = new DG1File(info).getEncoded();
      FaceImageInfo image =
          new FaceImageInfo(
              info.getGender() == null ? Gender.UNSPECIFIED : info.getGender(),
              FaceImageInfo.EyeColor.UNSPECIFIED,
              0,
              FaceImageInfo.HAIR_COLOR_UNSPECIFIED,
              FaceImageInfo.EXPRESSION_UNSPECIFIED,
              new int[] {0, 0, 0},
              new int[] {0, 0, 0},
              FaceImageInfo.FACE_IMAGE_TYPE_FULL_FRONTAL,
              FaceImageInfo.IMAGE_COLOR_SPACE_RGB24,
              FaceImageInfo.SOURCE_TYPE_STATIC_PHOTO_DIGITAL_CAM,
              0,
              0,
              new FaceImageInfo.FeaturePoint[0],
              width,
              height,
              new ByteArrayInputStream(faceJpeg),
              faceJpeg.length,
              FaceImageInfo.IMAGE_DATA_TYPE_JPEG);
      byte[] dg2 = new DG2File(List.of(new FaceInfo(List.of(image)))).getEncoded();
      byte[] com =
          new COMFile("1.7", "4.0.0", new int[] {LDSFile.EF_DG1_TAG, LDSFile.EF_DG2_TAG})
              .getEncoded();
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      Map<Integer, byte[]> hashes = new TreeMap<>();
      hashes.put(1, sha.digest(dg1));
      hashes.put(2, sha.digest(dg2));
      byte[] sod =
          new SODFile("SHA-256", "SHA256withECDSA", hashes, signerKey, documentSigner).getEncoded();
      Map<Integer, byte[]> dgs = new TreeMap<>();
      dgs.put(1, dg1);
      dgs.put(2, dg2);
      return new ChipFiles(com, dgs, sod);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign specimen chip", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A small grey JPEG portrait placeholder of the given size. */
  public static byte[] placeholderPortrait(int width, int height, int shade) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int v = (shade + x + y) & 0xFF;
        img.setRGB(x, y, (v << 16) | (v << 8) | v);
      }
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(img, "jpg", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static KeyPair ecKeys() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
    return g.generateKeyPair();
  }

  private static X509Certificate certificate(
      X500Name issuer,
      X500Name subject,
      KeyPair subjectKeys,
      PrivateKey issuerKey,
      Instant now,
      boolean ca)
      throws OperatorCreationException, GeneralSecurityException, IOException {
    X509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            issuer,
            BigInteger.valueOf(now.toEpochMilli()).add(BigInteger.valueOf(ca ? 0 : 1)),
            Date.from(now.minus(Duration.ofDays(1))),
            Date.from(now.plus(Duration.ofDays(3650))),
            subject,
            subjectKeys.getPublic());
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    b.addExtension(
        Extension.keyUsage,
        true,
        new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
    var signer = new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BC).build(issuerKey);
    return new JcaX509CertificateConverter().setProvider(BC).getCertificate(b.build(signer));
  }
}
