package org.sekisho.passenger.egate.adapter.qr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.sekisho.passenger.egate.application.DeclarationQrService;

/**
 * The declaration keys of one installation, under a data folder:
 *
 * <ul>
 *   <li>{@code signing/<key-id>.key.pem} and {@code .pub.pem}: the declaration page's key pair;
 *       generated at first start when the folder has none (never in the repository). The newest key
 *       id (by name) signs; older ones stay trusted for QRs issued before a rollover.
 *   <li>{@code trusted/<key-id>.pub.pem}: further public keys the kiosk accepts (another
 *       installation's declaration page).
 * </ul>
 */
public final class DeclarationKeyStore {
  /** What the installation signs with and trusts. */
  public record Keys(
      Optional<DeclarationQrService.SigningKey> signing, Map<String, PublicKey> trusted) {}

  private DeclarationKeyStore() {}

  /**
   * Reads the keys, generating a signing key pair named {@code decl-<yyyyMMdd>} when there is none.
   *
   * @throws IOException when a key file is unreadable
   */
  public static Keys openOrCreate(Path dir, Clock clock) throws IOException {
    Path signing = dir.resolve("signing");
    Path trusted = dir.resolve("trusted");
    Files.createDirectories(signing);
    List<Path> privateKeys = privateKeys(signing);
    if (privateKeys.isEmpty()) {
      String keyId =
          "decl-" + DateTimeFormatter.BASIC_ISO_DATE.format(clock.instant().atZone(ZoneOffset.UTC));
      DeclarationKeyFiles.write(signing, keyId, DeclarationKeyFiles.generate());
      Path key = signing.resolve(keyId + ".key.pem");
      try {
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: the folder's own permissions protect the key.
      }
      privateKeys = privateKeys(signing);
    }
    Path newest = privateKeys.get(privateKeys.size() - 1);
    String name = newest.getFileName().toString();
    String keyId = name.substring(0, name.length() - ".key.pem".length());
    Map<String, PublicKey> keys = new LinkedHashMap<>(DeclarationKeyFiles.readPublicKeys(signing));
    if (Files.isDirectory(trusted)) {
      keys.putAll(DeclarationKeyFiles.readPublicKeys(trusted));
    }
    return new Keys(
        Optional.of(
            new DeclarationQrService.SigningKey(keyId, DeclarationKeyFiles.readPrivate(newest))),
        keys);
  }

  private static List<Path> privateKeys(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".key.pem")).sorted().toList();
    }
  }
}
