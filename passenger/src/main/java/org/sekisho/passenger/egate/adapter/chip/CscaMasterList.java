package org.sekisho.passenger.egate.adapter.chip;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;

/**
 * The country signing CA certificates the gate trusts, as configured by the operator: PEM or DER
 * certificate files, or an ICAO master list (a CMS SignedData whose content is a CscaMasterList).
 *
 * <p>The operator is responsible for the provenance of the file: the master list's own signature is
 * not checked here. Immutable and thread-safe.
 */
public final class CscaMasterList {
  private final List<X509Certificate> cscas;

  public CscaMasterList(List<X509Certificate> cscas) {
    this.cscas = List.copyOf(cscas);
  }

  public List<X509Certificate> certificates() {
    return cscas;
  }

  /** CSCAs whose subject is {@code issuer} (several during a key rollover). */
  public List<X509Certificate> issuersOf(X500Principal issuer) {
    return cscas.stream().filter(c -> c.getSubjectX500Principal().equals(issuer)).toList();
  }

  /**
   * Loads every certificate under {@code path}: a file or a directory of {@code .pem}, {@code
   * .crt}, {@code .cer}, {@code .der} and {@code .ml} (ICAO master list) files.
   *
   * @throws IOException when a file cannot be read or holds no certificate
   */
  public static CscaMasterList load(Path path) throws IOException {
    List<X509Certificate> out = new ArrayList<>();
    if (Files.isDirectory(path)) {
      try (Stream<Path> files = Files.list(path)) {
        for (Path p : files.sorted().toList()) {
          if (p.getFileName().toString().matches("(?i).*\\.(pem|crt|cer|der|ml)$")) {
            out.addAll(read(p));
          }
        }
      }
    } else {
      out.addAll(read(path));
    }
    return new CscaMasterList(out);
  }

  private static List<X509Certificate> read(Path p) throws IOException {
    byte[] bytes = Files.readAllBytes(p);
    try {
      if (p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ml")) {
        return fromMasterList(bytes);
      }
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      List<X509Certificate> certs = new ArrayList<>();
      try (InputStream in = new ByteArrayInputStream(bytes)) {
        for (var c : cf.generateCertificates(in)) {
          certs.add((X509Certificate) c);
        }
      }
      if (certs.isEmpty()) {
        throw new IOException(p + ": no X.509 certificate found");
      }
      return certs;
    } catch (CertificateException | CMSException | RuntimeException e) {
      throw new IOException(p + ": not a certificate or ICAO master list: " + e.getMessage(), e);
    }
  }

  /** CscaMasterList ::= SEQUENCE { version INTEGER, certList SET OF Certificate }. */
  static List<X509Certificate> fromMasterList(byte[] bytes)
      throws CMSException, IOException, CertificateException {
    CMSSignedData signed = new CMSSignedData(bytes);
    byte[] content = (byte[]) signed.getSignedContent().getContent();
    ASN1Sequence seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(content));
    ASN1Set set = ASN1Set.getInstance(seq.getObjectAt(1));
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    List<X509Certificate> out = new ArrayList<>();
    for (ASN1Encodable e : set) {
      out.add(
          (X509Certificate)
              cf.generateCertificate(new ByteArrayInputStream(e.toASN1Primitive().getEncoded())));
    }
    return out;
  }
}
