package org.sekisho.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running database: the connection pool, a {@link Jdbi} over it and, in embedded mode, the
 * PostgreSQL server process this JVM owns. Closing it closes the pool and stops an embedded server
 * cleanly.
 *
 * <p>Each bounded context owns a schema and migrates it with its own Flyway history table (see
 * {@link Migrations}); contexts never read each other's tables.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private final Optional<EmbeddedPostgres> server;
  private final HikariDataSource pool;
  private final Jdbi jdbi;
  private final String jdbcUrl;

  private Database(Optional<EmbeddedPostgres> server, HikariDataSource pool, String jdbcUrl) {
    this.server = server;
    this.pool = pool;
    this.jdbcUrl = jdbcUrl;
    this.jdbi = Jdbi.create(pool);
  }

  /** Starts (embedded) or connects to (external) the database and opens the pool. */
  public static Database open(DatabaseConfig config) {
    if (config.isEmbedded()) {
      Path dir = config.dataDir().resolve("pg");
      Optional<Integer> running = runningServerPort(dir);
      if (running.isPresent()) {
        // Another Sekisho (e.g. the demo) owns this data directory: use its server, do not start
        // one.
        String url = "jdbc:postgresql://localhost:" + running.get() + "/postgres";
        LOG.info(
            "data directory {} is in use by a running Sekisho; connecting to its database", dir);
        return new Database(Optional.empty(), pool(url, "postgres", "", config.poolSize()), url);
      }
      EmbeddedPostgres pg = startEmbedded(dir, 0);
      String url = pg.getJdbcUrl("postgres", "postgres");
      return new Database(Optional.of(pg), pool(url, "postgres", "", config.poolSize()), url);
    }
    String url = config.jdbcUrl().orElseThrow();
    return new Database(
        Optional.empty(), pool(url, config.user(), config.password(), config.poolSize()), url);
  }

  /** Wraps an existing server (tests: one embedded server, one database per test class). */
  public static Database connect(String jdbcUrl, String user, String password, int poolSize) {
    return new Database(Optional.empty(), pool(jdbcUrl, user, password, poolSize), jdbcUrl);
  }

  /**
   * Starts embedded PostgreSQL over {@code dir}, keeping data across restarts. A {@code
   * postmaster.pid} left by a killed JVM is recovered from: the orphaned server, if still running,
   * is stopped first.
   */
  public static EmbeddedPostgres startEmbedded(Path dir, int port) {
    try {
      Files.createDirectories(dir);
      if (runningServerPort(dir).isPresent()) {
        throw new IllegalStateException(
            "data directory "
                + dir
                + " is in use by another running Sekisho; stop it or use another --data-dir");
      }
      recoverStaleLock(dir);
      EmbeddedPostgres.Builder b =
          EmbeddedPostgres.builder()
              .setDataDirectory(dir)
              .setCleanDataDirectory(false)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("max_connections", "100")
              .setServerConfig("shared_buffers", "128MB")
              .setServerConfig("synchronous_commit", "off")
              .setServerConfig("fsync", "on");
      if (port > 0) {
        b.setPort(port);
      }
      return b.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded PostgreSQL in " + dir, e);
    }
  }

  /**
   * The port of the server a live process runs over {@code dir}, found through the embedded
   * server's lock file (held while its owner lives) and {@code postmaster.pid} (line 4 is the
   * port).
   */
  static Optional<Integer> runningServerPort(Path dir) {
    Path lock = dir.resolve("epg-lock");
    Path pidFile = dir.resolve("postmaster.pid");
    if (!Files.exists(lock) || !Files.exists(pidFile)) {
      return Optional.empty();
    }
    try (var ch =
        java.nio.channels.FileChannel.open(
            lock, java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
      var l = ch.tryLock();
      if (l != null) {
        l.release();
        return Optional.empty();
      }
    } catch (java.nio.channels.OverlappingFileLockException e) {
      // locked within this JVM: treat as in use
    } catch (IOException e) {
      return Optional.empty();
    }
    try {
      List<String> lines = Files.readAllLines(pidFile);
      return lines.size() > 3
          ? Optional.of(Integer.parseInt(lines.get(3).strip()))
          : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Called only when no live process holds the data directory's lock. */
  static void recoverStaleLock(Path dir) throws IOException {
    Path pidFile = dir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    long pid;
    try {
      pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).strip());
    } catch (NumberFormatException e) {
      pid = -1;
    }
    Optional<ProcessHandle> proc = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
    if (proc.isPresent() && proc.get().isAlive()) {
      String cmd = proc.get().info().commandLine().orElse("");
      if (cmd.contains("postgres")) {
        LOG.warn("stopping orphaned PostgreSQL (pid {}) left on {}", pid, dir);
        proc.get().destroy();
        try {
          proc.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
          proc.get().destroyForcibly();
        }
      } else {
        LOG.warn("stale postmaster.pid names pid {} which is not PostgreSQL; removing it", pid);
      }
    }
    Files.deleteIfExists(pidFile);
  }

  private static HikariDataSource pool(String url, String user, String password, int size) {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(url);
    c.setUsername(user);
    c.setPassword(password);
    c.setMaximumPoolSize(size);
    c.setMinimumIdle(1);
    c.setPoolName("sekisho");
    c.setConnectionTimeout(30_000);
    return new HikariDataSource(c);
  }

  /** Applies each context's migrations in the order given. Idempotent. */
  public void migrate(List<Migrations> contexts) {
    for (Migrations m : contexts) {
      Flyway.configure()
          .dataSource(pool)
          .schemas(m.schema())
          .createSchemas(true)
          .table("flyway_history")
          .locations(m.location())
          .load()
          .migrate();
    }
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public DataSource dataSource() {
    return pool;
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  public boolean isEmbedded() {
    return server.isPresent();
  }

  /** True when a trivial query answers; used by {@code /ready}. */
  public boolean isReady() {
    try {
      return jdbi.withHandle(h -> h.createQuery("select 1").mapTo(Integer.class).one()) == 1;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    pool.close();
    server.ifPresent(
        s -> {
          try {
            s.close();
          } catch (IOException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly", e);
          }
        });
  }
}
