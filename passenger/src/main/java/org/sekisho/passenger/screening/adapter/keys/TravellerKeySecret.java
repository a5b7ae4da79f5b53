package org.sekisho.passenger.screening.adapter.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.sekisho.passenger.screening.domain.ApiTravellerKeys;

/**
 * Where the secret behind {@link ApiTravellerKeys} comes from: the environment variable {@value
 * #ENV} (hex, at least 32 digits) when set, otherwise the file {@value #FILE} in the data
 * directory, made once with 32 random bytes (owner-only where the file system allows). Never from
 * the repository: whoever deletes the data directory destroys the secret with the data.
 */
public final class TravellerKeySecret {
  /** Environment variable that gives the secret as hex. */
  public static final String ENV = "SEKISHO_TRAVELLER_KEY";

  /** The secret's file, relative to the data directory. */
  public static final String FILE = "secrets/api-traveller-key";

  private TravellerKeySecret() {}

  /**
   * The keys of this installation.
   *
   * @throws IllegalArgumentException when {@value #ENV} is set but is not hex of 16 bytes or more
   * @throws UncheckedIOException when the file can be neither read nor made
   */
  public static ApiTravellerKeys load(Path dataDir, Map<String, String> env) {
    String given = env.get(ENV);
    if (given != null && !given.isBlank()) {
      return ApiTravellerKeys.of(hex(given.strip(), ENV));
    }
    Path file = dataDir.resolve(FILE);
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        try {
          Files.writeString(
              Files.createFile(file), HexFormat.of().formatHex(b), StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException raced) {
          // another process made it first: use theirs
        }
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
          // the data directory's own permissions protect it
        }
      }
      return ApiTravellerKeys.of(
          hex(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or make " + file, e);
    }
  }

  private static byte[] hex(String s, String where) {
    try {
      byte[] b = HexFormat.of().parseHex(s);
      if (b.length < 16) {
        throw new IllegalArgumentException(where + " must hold at least 32 hex digits");
      }
      return b;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + " must hold at least 32 hex digits", e);
    }
  }
}
