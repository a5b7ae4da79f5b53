package org.sekisho.passenger.screening.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys API travellers without revealing who they are: {@code API/} and an HMAC-SHA256, under a
 * secret kept outside the repository and the database, of name, date of birth, document and
 * nationality. The parts of one list and a re-sent list meet on the same key, yet someone who reads
 * a key in the audit log cannot confirm a guessed name and date of birth without the secret.
 *
 * <p>Immutable and thread-safe; each call makes its own {@link Mac}.
 */
public final class ApiTravellerKeys {
  private static final String ALGORITHM = "HmacSHA256";
  private final SecretKeySpec secret;

  private ApiTravellerKeys(byte[] secret) {
    Objects.requireNonNull(secret, "secret");
    if (secret.length < 16) {
      throw new IllegalArgumentException("a traveller key secret has at least 16 bytes");
    }
    this.secret = new SecretKeySpec(secret.clone(), ALGORITHM);
  }

  /** Keys under {@code secret} (at least 16 bytes). */
  public static ApiTravellerKeys of(byte[] secret) {
    return new ApiTravellerKeys(secret);
  }

  /** Keys under a fresh random secret: for tests and tools whose keys need not outlive them. */
  public static ApiTravellerKeys random() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return new ApiTravellerKeys(b);
  }

  /**
   * The key of one API traveller. Namesakes with one date of birth but another document get another
   * key; a traveller whose data a later list corrects gets a new key, and {@link
   * TravellerFacts#sameApiPassenger} says which earlier traveller it replaces.
   */
  public String key(
      String surname, String given, LocalDate dateOfBirth, String document, String nationality) {
    String identity =
        String.join(
            "/",
            up(surname),
            up(given),
            dateOfBirth == null ? "" : dateOfBirth.toString(),
            up(document),
            up(nationality));
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(secret);
      byte[] d = mac.doFinal(identity.getBytes(StandardCharsets.UTF_8));
      return "API/" + HexFormat.of().formatHex(d, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static String up(String s) {
    return s == null ? "" : s.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
  }
}
