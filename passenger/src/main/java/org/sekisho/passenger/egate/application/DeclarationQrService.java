package org.sekisho.passenger.egate.application;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.sekisho.core.Outcome;
import org.sekisho.passenger.egate.domain.declaration.CustomsDeclaration;
import org.sekisho.passenger.egate.domain.declaration.DeclarationQrFormat;
import org.sekisho.passenger.egate.domain.declaration.SealedDeclaration;

/**
 * The declaration QR use cases: the traveller's declaration page issues a signed QR image, the
 * kiosk reads one from a camera image and refuses altered or forged codes.
 *
 * <p>Keys come from configuration (see {@code docs/formats/declaration-qr.md}); a kiosk holds only
 * public keys and has no signing key. Thread-safe.
 */
public final class DeclarationQrService {
  /** The key the declaration page signs with. */
  public record SigningKey(String keyId, PrivateKey key) {}

  private final QrImages images;
  private final Map<String, PublicKey> trustedKeys;
  private final Optional<SigningKey> signingKey;
  private final Clock clock;
  private final Provider verifier;

  /** Verifies with the JDK's default providers. */
  public DeclarationQrService(
      QrImages images,
      Map<String, PublicKey> trustedKeys,
      Optional<SigningKey> signingKey,
      Clock clock) {
    this(images, trustedKeys, signingKey, clock, null);
  }

  /**
   * @param verifier the JCA provider that verifies QR signatures (null: the JDK's); the trusted
   *     keys are converted into that provider's key objects once, here, so that no request pays for
   *     a key factory or a key translation
   * @throws IllegalArgumentException when a trusted key cannot be used by {@code verifier}
   */
  public DeclarationQrService(
      QrImages images,
      Map<String, PublicKey> trustedKeys,
      Optional<SigningKey> signingKey,
      Clock clock,
      Provider verifier) {
    this.images = images;
    this.trustedKeys = verifier == null ? Map.copyOf(trustedKeys) : convert(trustedKeys, verifier);
    this.signingKey = signingKey;
    this.clock = clock;
    this.verifier = verifier;
  }

  private static Map<String, PublicKey> convert(Map<String, PublicKey> keys, Provider provider) {
    Map<String, PublicKey> out = new HashMap<>();
    for (Map.Entry<String, PublicKey> e : keys.entrySet()) {
      PublicKey k = e.getValue();
      try {
        out.put(
            e.getKey(),
            KeyFactory.getInstance(k.getAlgorithm(), provider)
                .generatePublic(new X509EncodedKeySpec(k.getEncoded())));
      } catch (GeneralSecurityException ex) {
        throw new IllegalArgumentException(
            "declaration key '" + e.getKey() + "' (" + k.getAlgorithm() + ") is not usable", ex);
      }
    }
    return Map.copyOf(out);
  }

  /** The signed QR text for a declaration. */
  public String sealText(CustomsDeclaration declaration) {
    SigningKey k =
        signingKey.orElseThrow(() -> new IllegalStateException("this service has no signing key"));
    return DeclarationQrFormat.seal(declaration, k.keyId(), k.key(), clock.instant());
  }

  /** A PNG image of the signed QR for a declaration (the "Visit Japan Web" role). */
  public byte[] issue(CustomsDeclaration declaration) {
    return images.png(sealText(declaration));
  }

  /** Reads and verifies the QR in an image taken at the kiosk. */
  public Outcome<SealedDeclaration> readImage(byte[] image) {
    return switch (images.read(image)) {
      case Outcome.Accepted<String> a -> readText(a.value());
      case Outcome.Rejected<String> r -> new Outcome.Rejected<>(r.problems());
    };
  }

  /** Verifies QR text already decoded (e.g. by a hardware scanner). */
  public Outcome<SealedDeclaration> readText(String text) {
    return DeclarationQrFormat.open(text, trustedKeys, verifier);
  }
}
