package org.sekisho.passenger.egate.adapter.qr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Declaration keys in PEM files, as the operator configures them: the declaration service's private
 * key (PKCS#8, {@code PRIVATE KEY}) and the kiosks' public keys (X.509 {@code PUBLIC KEY}), one
 * file per key named {@code <key-id>.pub.pem}. Ed25519 and EC (P-256) keys are accepted.
 */
public final class DeclarationKeyFiles {
  private DeclarationKeyFiles() {}

  /** A fresh Ed25519 key pair. */
  public static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no Ed25519", e);
    }
  }

  /** Writes {@code <keyId>.key.pem} (private) and {@code <keyId>.pub.pem} (public) into dir. */
  public static void write(Path dir, String keyId, KeyPair pair) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve(keyId + ".key.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    Files.writeString(
        dir.resolve(keyId + ".pub.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
  }

  public static PrivateKey readPrivate(Path file) throws IOException {
    byte[] der = der(file, "PRIVATE KEY");
    for (String alg : new String[] {"Ed25519", "EC"}) {
      try {
        return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new IOException(file + ": not an Ed25519 or EC private key");
  }

  public static PublicKey readPublic(Path file) throws IOException {
    byte[] der = der(file, "PUBLIC KEY");
    for (String alg : new String[] {"Ed25519", "EC"}) {
      try {
        return KeyFactory.getInstance(alg).generatePublic(new X509EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new IOException(file + ": not an Ed25519 or EC public key");
  }

  /** Every {@code <key-id>.pub.pem} in dir, by key id. */
  public static Map<String, PublicKey> readPublicKeys(Path dir) throws IOException {
    Map<String, PublicKey> out = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.endsWith(".pub.pem")) {
          out.put(name.substring(0, name.length() - ".pub.pem".length()), readPublic(p));
        }
      }
    }
    return out;
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static byte[] der(Path file, String type) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    int begin = text.indexOf("-----BEGIN " + type + "-----");
    int end = text.indexOf("-----END " + type + "-----");
    if (begin < 0 || end < begin) {
      throw new IOException(file + ": no PEM block '" + type + "'");
    }
    String b64 = text.substring(begin + type.length() + 16, end).replaceAll("\\s", "");
    try {
      return Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": PEM body is not Base64", e);
    }
  }
}
