package org.sekisho.passenger.egate.adapter.chip;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.jmrtd.lds.SODFile;
import org.jmrtd.lds.icao.COMFile;
import org.jmrtd.lds.icao.DG1File;
import org.jmrtd.lds.icao.DG2File;
import org.jmrtd.lds.iso19794.FaceImageInfo;
import org.jmrtd.lds.iso19794.FaceInfo;
import org.sekisho.core.Outcome;
import org.sekisho.passenger.egate.application.PassiveAuthentication;
import org.sekisho.passenger.egate.domain.chip.ChipFiles;
import org.sekisho.passenger.egate.domain.chip.ChipReading;
import org.sekisho.passenger.egate.domain.mrz.MachineReadableZone;
import org.sekisho.passenger.egate.domain.mrz.MrzParser;

/**
 * Passive authentication with JMRTD (LDS parsing) and Bouncy Castle (CMS signature): SOD signature
 * by the document signer, document signer certificate signed by a CSCA from the master list and
 * valid today, every data group read hashed and compared with the SOD. DG1 and DG2 must be present.
 *
 * <p>Each document signer is checked against the master list once and remembered (with its SOD
 * verifier); its validity period is checked on every chip. Thread-safe; the master list is fixed at
 * construction.
 */
public final class JmrtdPassiveAuthentication implements PassiveAuthentication {
  private static final BouncyCastleProvider BC = new BouncyCastleProvider();
  private static final int MAX_SIGNERS = 10_000;

  /** A document signer found to chain to a CSCA, with what verifies the SODs it signs. */
  private record TrustedSigner(
      X509Certificate csca, SignerInformationVerifier verifier, JcaX509CertificateHolder holder) {}

  private final CscaMasterList masterList;
  private final Clock clock;
  private final Map<X509Certificate, TrustedSigner> signers = new ConcurrentHashMap<>();

  /**
   * The Bouncy Castle provider this adapter verifies with (its ECDSA and Ed25519 verify several
   * times faster than the JDK's on this JVM); shared so that other verifiers need not build one.
   */
  public static Provider provider() {
    return BC;
  }

  public JmrtdPassiveAuthentication(CscaMasterList masterList, Clock clock) {
    this.masterList = masterList;
    this.clock = clock;
  }

  @Override
  public Outcome<ChipReading> verify(ChipFiles files) {
    try {
      return verifyOrThrow(files);
    } catch (IOException | RuntimeException e) {
      // Malformed TLV or ASN.1 surfaces as IOException or a runtime exception inside JMRTD/BC.
      return Outcome.rejected(
          "chip-unreadable",
          "EF.SOD",
          "the chip files cannot be parsed: "
              // Some parsers throw without a message; the exception's type then says what failed.
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
  }

  private Outcome<ChipReading> verifyOrThrow(ChipFiles files) throws IOException {
    byte[] sodBytes = files.sod();
    if (sodBytes.length == 0) {
      return Outcome.rejected("chip-missing-data-group", "EF.SOD", "no document security object");
    }
    SODFile sod = new SODFile(new ByteArrayInputStream(sodBytes));
    X509Certificate signer = sod.getDocSigningCertificate();
    if (signer == null) {
      return Outcome.rejected(
          "chip-signer-invalid", "EF.SOD", "the SOD carries no document signer certificate");
    }
    // 1. The document signer chains to a configured CSCA: checked once per document signer (one
    // signs many passports; the master list is fixed), then remembered with its SOD verifier.
    TrustedSigner trusted = signers.get(signer);
    if (trusted == null) {
      Outcome<TrustedSigner> checked = chain(signer);
      if (!(checked instanceof Outcome.Accepted<TrustedSigner> ok)) {
        return Outcome.rejected(((Outcome.Rejected<TrustedSigner>) checked).problems().get(0));
      }
      trusted = ok.value();
      if (signers.size() >= MAX_SIGNERS) {
        signers.clear(); // far more signers than any master list has: start over
      }
      signers.put(signer, trusted);
    }
    X509Certificate csca = trusted.csca();
    Date now = Date.from(clock.instant());
    try {
      signer.checkValidity(now);
    } catch (GeneralSecurityException e) {
      return Outcome.rejected(
          "chip-signer-invalid",
          "EF.SOD",
          "document signer certificate is not valid on " + clock.instant() + ": " + e.getMessage());
    }
    // 2. The SOD signature verifies with the document signer's key.
    if (!signatureVerifies(sodBytes, trusted)) {
      return Outcome.rejected(
          "chip-signature-invalid",
          "EF.SOD",
          "the SOD signature does not verify with the document signer certificate");
    }
    // 3. Every data group read matches its signed hash.
    Map<Integer, byte[]> signedHashes = sod.getDataGroupHashes();
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance(sod.getDigestAlgorithm(), BC);
    } catch (GeneralSecurityException e) {
      return Outcome.rejected(
          "chip-signature-invalid", "EF.SOD", "unsupported digest " + sod.getDigestAlgorithm());
    }
    List<Integer> verified = new ArrayList<>();
    for (Map.Entry<Integer, byte[]> dg : files.dataGroups().entrySet()) {
      byte[] expected = signedHashes.get(dg.getKey());
      if (expected == null) {
        return Outcome.rejected(
            "chip-unsigned-data-group",
            "DG" + dg.getKey(),
            "DG" + dg.getKey() + " was read but the SOD holds no hash for it");
      }
      byte[] actual = digest.digest(dg.getValue());
      if (!MessageDigest.isEqual(expected, actual)) {
        return Outcome.rejected(
            "chip-hash-mismatch",
            "DG" + dg.getKey(),
            "DG" + dg.getKey() + " does not match the hash signed in the SOD: altered data");
      }
      verified.add(dg.getKey());
    }
    for (int required : new int[] {1, 2}) {
      if (!files.dataGroups().containsKey(required)) {
        return Outcome.rejected(
            "chip-missing-data-group", "DG" + required, "DG" + required + " was not read");
      }
    }
    // 4. Content: MRZ from DG1, face from DG2, LDS version from EF.COM.
    DG1File dg1 = new DG1File(new ByteArrayInputStream(files.dataGroup(1)));
    String mrzText = dg1.getMRZInfo().toString().replace("\n", "").replace("\r", "").strip();
    Outcome<MachineReadableZone> mrz = new MrzParser(clock).parse(split(mrzText));
    if (!mrz.isAccepted()) {
      return Outcome.rejected("chip-unreadable", "DG1", "DG1 holds no readable MRZ: " + mrzText);
    }
    DG2File dg2 = new DG2File(new ByteArrayInputStream(files.dataGroup(2)));
    byte[] face = new byte[0];
    String mime = "";
    for (FaceInfo fi : dg2.getFaceInfos()) {
      for (FaceImageInfo img : fi.getFaceImageInfos()) {
        try (InputStream in = img.getImageInputStream()) {
          face = in.readAllBytes();
        }
        mime = img.getMimeType();
        break;
      }
    }
    String lds = "";
    if (files.com().length > 0) {
      COMFile com = new COMFile(new ByteArrayInputStream(files.com()));
      lds = com.getLDSVersion() == null ? "" : com.getLDSVersion();
    }
    return Outcome.accepted(
        new ChipReading(
            mrz.orElseThrow(),
            face,
            mime == null ? "" : mime,
            signer.getSubjectX500Principal().getName(),
            csca.getSubjectX500Principal().getName(),
            verified,
            lds));
  }

  /** The CSCA that signed {@code signer}, with a reusable verifier for SODs it signs. */
  private Outcome<TrustedSigner> chain(X509Certificate signer) {
    X509Certificate csca = null;
    for (X509Certificate candidate : masterList.issuersOf(signer.getIssuerX500Principal())) {
      try {
        signer.verify(candidate.getPublicKey(), BC);
        csca = candidate;
        break;
      } catch (GeneralSecurityException e) {
        // Try the next CSCA with the same name (key rollover).
      }
    }
    if (csca == null) {
      return Outcome.rejected(
          "chip-unknown-csca",
          "EF.SOD",
          "document signer '"
              + signer.getSubjectX500Principal().getName()
              + "' is not signed by any CSCA in the master list (issuer '"
              + signer.getIssuerX500Principal().getName()
              + "')");
    }
    try {
      return Outcome.accepted(
          new TrustedSigner(
              csca,
              new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(signer),
              new JcaX509CertificateHolder(signer)));
    } catch (OperatorCreationException | CertificateEncodingException e) {
      return Outcome.rejected(
          "chip-signer-invalid",
          "EF.SOD",
          "the document signer certificate cannot verify signatures: " + e.getMessage());
    }
  }

  private static boolean signatureVerifies(byte[] sodBytes, TrustedSigner signer) {
    try {
      CMSSignedData cms = new CMSSignedData(unwrapApplicationTag(sodBytes));
      for (SignerInformation si : cms.getSignerInfos().getSigners()) {
        if (si.getSID().match(signer.holder()) && si.verify(signer.verifier())) {
          return true;
        }
      }
      return false;
    } catch (Exception e) {
      // Any failure to rebuild or check the signature is a failed verification.
      return false;
    }
  }

  /** EF.SOD is the CMS ContentInfo wrapped in an application tag 0x77; strip the tag. */
  static byte[] unwrapApplicationTag(byte[] b) throws IOException {
    if (b.length < 2 || (b[0] & 0xFF) != 0x77) {
      throw new IOException("EF.SOD does not start with tag 0x77");
    }
    int lenByte = b[1] & 0xFF;
    int offset = 2;
    int length = lenByte;
    if (lenByte > 0x80) {
      int n = lenByte & 0x7F;
      if (n > 4 || b.length < 2 + n) {
        throw new IOException("EF.SOD length field is malformed");
      }
      length = 0;
      for (int i = 0; i < n; i++) {
        length = (length << 8) | (b[2 + i] & 0xFF);
      }
      offset = 2 + n;
    }
    if (length < 0 || offset + length > b.length) {
      throw new IOException("EF.SOD is shorter than its declared length");
    }
    return Arrays.copyOfRange(b, offset, offset + length);
  }

  private static List<String> split(String mrz) {
    int width =
        switch (mrz.length()) {
          case 90 -> 30;
          case 72 -> 36;
          case 88 -> 44;
          default -> Math.max(1, mrz.length());
        };
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < mrz.length(); i += width) {
      lines.add(mrz.substring(i, Math.min(mrz.length(), i + width)));
    }
    return lines;
  }
}
