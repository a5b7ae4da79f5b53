package org.sekisho.targeting.web;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.auth.PasswordHasher;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.db.Database;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.web.WebServer;
import org.sekisho.targeting.adapter.TargetingContext;
import org.sekisho.targeting.assessment.application.RiskScorer;

/**
 * The set-up the targeting web tests share: a database migrated for platform and targeting, a
 * started targeting context, the server on a free loopback port, and an analyst and an inspector
 * (of customs-jp at {@code office}) and an administrator signed in through the API.
 *
 * @param targeting the running context, closed with the server
 * @param web the server
 * @param api a caller of its JSON API
 * @param base the server's address ({@code http://127.0.0.1:PORT})
 * @param analyst the analyst's bearer token
 * @param inspector the inspector's bearer token
 * @param admin the administrator's bearer token
 * @param accounts the accounts the server signs in, for a test that needs more ({@link #signIn})
 * @param password the password of every account the fixture creates
 */
public record TargetingServer(
    TargetingContext targeting,
    WebServer web,
    WebApi api,
    String base,
    String analyst,
    String inspector,
    String admin,
    Accounts accounts,
    String password)
    implements AutoCloseable {

  /** A model that scores every record 0.1 as {@code test-1} and explains nothing. */
  public static final RiskScorer MODEL =
      new RiskScorer() {
        @Override
        public org.sekisho.targeting.assessment.domain.ModelScore score(
            org.sekisho.targeting.criteria.domain.DeclarationView d) {
          return new org.sekisho.targeting.assessment.domain.ModelScore(0.1, "test-1");
        }

        @Override
        public List<String> explain(
            org.sekisho.targeting.criteria.domain.DeclarationView d, int max) {
          return List.of();
        }
      };

  /**
   * Starts targeting with no model over {@code db}, its accounts at JPYOK with a password of their
   * own, and signs the three accounts in.
   */
  public static TargetingServer start(Database db, Path dir) throws Exception {
    return start(db, dir, RiskScorer.NONE, "pw-" + Long.toHexString(System.nanoTime()), "JPYOK");
  }

  /** Starts targeting with {@code model} over {@code db} and signs the three accounts in. */
  public static TargetingServer start(
      Database db, Path dir, RiskScorer model, String password, String office) throws Exception {
    return start(db, dir, model, password, office, Clock.systemUTC(), Duration.ofHours(1));
  }

  /**
   * {@link #start(Database, Path, RiskScorer, String, String)} on {@code clock} (a test's manual
   * clock, which the server, the context and the sessions all read), sessions lasting {@code
   * session} (long enough for a clock moved on by days).
   */
  public static TargetingServer start(
      Database db,
      Path dir,
      RiskScorer model,
      String password,
      String office,
      Clock clock,
      Duration session)
      throws Exception {
    db.migrate(List.of(Migrations.of("platform"), Migrations.of("targeting")));
    AuditLog audit = new AuditLog(db.jdbi());
    Accounts accounts = new Accounts(db.jdbi(), clock, PasswordHasher.standard(), session);
    accounts.upsert(
        "analyst", "Aiko Analyst", password, EnumSet.of(Role.ANALYST), "customs-jp", office);
    accounts.upsert(
        "inspector", "Ken Inspector", password, EnumSet.of(Role.INSPECTOR), "customs-jp", office);
    accounts.upsert("admin", "Ada Admin", password, EnumSet.of(Role.ADMIN), "customs-jp", "");
    TargetingContext targeting = new TargetingContext(db, audit, clock, dir, model);
    targeting.start();
    WebServer web = WebApi.start(targeting, accounts, audit, clock);
    String base = "http://127.0.0.1:" + web.port();
    WebApi api = new WebApi(base);
    return new TargetingServer(
        targeting,
        web,
        api,
        base,
        api.login("analyst", password),
        api.login("inspector", password),
        api.login("admin", password),
        accounts,
        password);
  }

  /**
   * Creates (or updates) an account of customs-jp with {@code role} at {@code office} and the
   * fixture's password, and signs it in: its bearer token.
   */
  public String signIn(String username, String name, Role role, String office) throws Exception {
    accounts.upsert(username, name, password, EnumSet.of(role), "customs-jp", office);
    return api.login(username, password);
  }

  @Override
  public void close() {
    web.close();
    targeting.close();
  }
}
