package org.sekisho.platform.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.ScratchDirectory;

/**
 * One embedded PostgreSQL per test JVM, and a fresh database for each test class that uses this
 * extension; inject {@link Database} into a constructor, {@code @BeforeAll} or test method.
 */
public final class PostgresExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static volatile EmbeddedPostgres server;

  private static synchronized EmbeddedPostgres server() throws Exception {
    if (server == null) {
      // Deleted when the test JVM exits, after the server has stopped: each test run would
      // otherwise leave a data directory of some 40 MB behind.
      ScratchDirectory dir = ScratchDirectory.create("sekisho-test-pg");
      EmbeddedPostgres pg = Database.startEmbedded(dir.path(), 0);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      pg.close();
                    } catch (Exception e) {
                      // the JVM is exiting; nothing more to do
                    } finally {
                      deleteOnceStopped(dir);
                    }
                  }));
      server = pg;
    }
    return server;
  }

  /**
   * Deletes the data directory once the server has gone: another shutdown hook may have started the
   * stop, and the server writes its last files (the commit log) while it shuts down.
   */
  private static void deleteOnceStopped(ScratchDirectory dir) {
    Path pid = dir.path().resolve("postmaster.pid");
    try {
      for (int i = 0; i < 100 && Files.exists(pid); i++) {
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    dir.close();
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    EmbeddedPostgres pg = server();
    String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create database " + name);
    }
    Database db = Database.connect(pg.getJdbcUrl("postgres", name), "postgres", "", 8);
    store(context).put(Database.class, db);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Database db = store(context).remove(Database.class, Database.class);
    if (db != null) {
      db.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
    return p.getParameter().getType() == Database.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext e) {
    return store(e).get(Database.class, Database.class);
  }

  private static ExtensionContext.Store store(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestClass().isPresent()
        && c.getParent().isPresent()
        && c.getParent().get().getTestClass().isPresent()) {
      c = c.getParent().get();
    }
    return c.getStore(ExtensionContext.Namespace.create(PostgresExtension.class, c.getUniqueId()));
  }
}
