package org.sekisho.targeting.adapter.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.auth.PasswordHasher;
import org.sekisho.platform.auth.Principal;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.DatabaseConfig;
import org.sekisho.platform.db.Migrations;
import org.sekisho.targeting.adapter.db.JdbcModelRegistry;
import org.sekisho.targeting.adapter.files.ModelFolders;
import org.sekisho.targeting.assessment.application.RiskScorer;
import org.sekisho.targeting.release.application.ModelLifecycle;
import org.sekisho.targeting.release.application.ReleasedModel;
import picocli.CommandLine.Option;

/**
 * What the registry commands share: the data directory (the same rules as the launcher's {@code
 * --data-dir}), the database (the running Sekisho's when one owns the directory), the audited
 * lifecycle and the check that {@code --by} names an account with the needed role.
 */
final class ModelRegistryCli implements AutoCloseable {
  /** {@code --data-dir} as the launcher reads it. */
  static final class DataDir {
    @Option(
        names = "--data-dir",
        paramLabel = "DIR",
        description = "data directory (default: $SEKISHO_DATA_DIR or ~/.sekisho)")
    Path dataDir;

    Path resolve() {
      if (dataDir != null) {
        return dataDir.toAbsolutePath();
      }
      String env = System.getenv("SEKISHO_DATA_DIR");
      if (env != null && !env.isBlank()) {
        return Path.of(env).toAbsolutePath();
      }
      return Path.of(System.getProperty("user.home"), ".sekisho");
    }
  }

  private final Database db;
  private final ModelLifecycle lifecycle;
  private final Accounts accounts;

  private ModelRegistryCli(Database db, ModelLifecycle lifecycle, Accounts accounts) {
    this.db = db;
    this.lifecycle = lifecycle;
    this.accounts = accounts;
  }

  /** Opens the registry of {@code dataDir}, taking in a legacy {@code model/} directory first. */
  static ModelRegistryCli open(Path dataDir) {
    Database db = Database.open(DatabaseConfig.fromEnvironment(System.getenv(), dataDir));
    try {
      db.migrate(List.of(Migrations.of("platform"), Migrations.of("targeting")));
      Clock clock = Clock.systemUTC();
      Path home = dataDir.resolve("targeting");
      ModelFolders files = new ModelFolders(home.resolve("models"));
      ModelLifecycle lifecycle =
          new ModelLifecycle(
              new JdbcModelRegistry(db.jdbi()),
              files,
              new AuditLog(db.jdbi()),
              clock,
              new ReleasedModel(RiskScorer.NONE));
      Path legacy = home.resolve("model");
      Optional<Path> old = Files.isDirectory(legacy) ? Optional.of(legacy) : Optional.empty();
      lifecycle.adoptLegacy(old, old.flatMap(ModelFolders::manifestFigures));
      Accounts accounts =
          new Accounts(db.jdbi(), clock, PasswordHasher.standard(), Duration.ofMinutes(1));
      return new ModelRegistryCli(db, lifecycle, accounts);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  ModelLifecycle lifecycle() {
    return lifecycle;
  }

  /**
   * The actor for {@code username}: an account of this Sekisho, with {@code role} when given; empty
   * (and the reason printed) otherwise.
   */
  Optional<ModelLifecycle.Actor> actor(
      String username, Optional<Role> role, java.io.PrintWriter err) {
    Optional<Principal> p =
        accounts.all().stream().filter(a -> a.username().equals(username)).findFirst();
    if (p.isEmpty()) {
      err.println("--by: no account '" + username + "' in this Sekisho");
      return Optional.empty();
    }
    if (role.isPresent() && !p.get().has(role.get())) {
      err.println("--by: " + username + " is not an administrator");
      return Optional.empty();
    }
    return Optional.of(new ModelLifecycle.Actor(p.get().username(), p.get().agency()));
  }

  @Override
  public void close() {
    db.close();
  }
}
