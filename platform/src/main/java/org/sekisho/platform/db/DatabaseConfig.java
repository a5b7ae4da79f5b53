package org.sekisho.platform.db;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where Sekisho keeps its data: an embedded PostgreSQL under {@code dataDir} (the default), or an
 * external server named by JDBC URL. Credentials come from the environment, never from the
 * repository.
 *
 * @param jdbcUrl external server, or empty for embedded
 * @param user external user
 * @param password external password
 * @param dataDir embedded data directory (kept across restarts)
 * @param poolSize maximum pooled connections
 */
public record DatabaseConfig(
    Optional<String> jdbcUrl, String user, String password, Path dataDir, int poolSize) {
  public DatabaseConfig {
    Objects.requireNonNull(jdbcUrl);
    Objects.requireNonNull(dataDir);
    user = user == null ? "" : user;
    password = password == null ? "" : password;
  }

  /** Embedded PostgreSQL with its data under {@code dataDir/pg}. */
  public static DatabaseConfig embedded(Path dataDir) {
    return new DatabaseConfig(Optional.empty(), "", "", dataDir, 16);
  }

  /**
   * Reads {@code SEKISHO_DB_URL}, {@code SEKISHO_DB_USER} and {@code SEKISHO_DB_PASSWORD}; without
   * a URL, the embedded server under {@code dataDir} is used.
   */
  public static DatabaseConfig fromEnvironment(Map<String, String> env, Path dataDir) {
    String url = env.getOrDefault("SEKISHO_DB_URL", "").strip();
    if (!url.isEmpty() && !url.startsWith("jdbc:postgresql:")) {
      // a libpq URL (postgres://…) is what most tools take; the driver says only that it has no
      // driver for it
      throw new IllegalArgumentException(
          "SEKISHO_DB_URL: expected a JDBC URL such as jdbc:postgresql://db.example:5432/sekisho,"
              + " not '"
              + (url.length() > 60 ? url.substring(0, 60) + "…" : url)
                  .replaceAll("//[^/@]*@", "//…@")
              + "'");
    }
    return new DatabaseConfig(
        url.isEmpty() ? Optional.empty() : Optional.of(url),
        env.get("SEKISHO_DB_USER"),
        env.get("SEKISHO_DB_PASSWORD"),
        dataDir,
        16);
  }

  public boolean isEmbedded() {
    return jdbcUrl.isEmpty();
  }
}
