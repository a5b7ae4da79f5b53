package org.sekisho.platform.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.core.audit.AuditTrail;
import org.sekisho.platform.audit.AuditLog;
import org.sekisho.platform.i18n.Messages;

/**
 * Local accounts, browser sessions and API bearer tokens. Only hashes of session and API tokens are
 * stored, so a copy of the database does not let anyone sign in. An account whose password an
 * administrator set must have a new one chosen by its user ({@link #mustChangePassword}); the web
 * server lets such a user do nothing else. Changes to accounts are made one at a time across
 * processes (a PostgreSQL advisory lock), so two administrators cannot each remove the other as the
 * last administrator. Thread-safe.
 */
public final class Accounts {
  /** A signed-in browser session: the cookie value and the CSRF token its forms must carry. */
  public record Session(String token, String csrfToken, Principal principal) {}

  private final Jdbi jdbi;
  private final Clock clock;
  private final PasswordHasher hasher;
  private final Duration sessionLifetime;
  private final AuditTrail audit;
  private final SecureRandom random = new SecureRandom();
  // Hashed when the user is unknown, so a wrong user name takes as long as a wrong password.
  private final String dummyHash;
  // Accounts that must choose a new password, as last read from the database by a sign-in, session
  // or token look-up or written through this object: the server asks on every request, and the
  // look-up that authenticated the request has just read the flag.
  private final Set<String> mustChange = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** With account changes made by {@link #upsert} audited in the installation's audit log. */
  public Accounts(Jdbi jdbi, Clock clock, PasswordHasher hasher, Duration sessionLifetime) {
    this(jdbi, clock, hasher, sessionLifetime, new AuditLog(jdbi));
  }

  /**
   * @param audit where {@link #upsert} records what it changed
   */
  public Accounts(
      Jdbi jdbi, Clock clock, PasswordHasher hasher, Duration sessionLifetime, AuditTrail audit) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.hasher = hasher;
    this.sessionLifetime = sessionLifetime;
    this.audit = audit;
    this.dummyHash = hasher.hash("not-a-password");
  }

  /**
   * Creates or replaces an account (the {@code sekisho user} command and demo set-up), active, with
   * {@code password} as its own (not one its user must change). Its agency is registered with it
   * when it is not yet (see {@link Agencies}); the {@code sekisho user} command refuses an agency
   * nobody registered, so that a mistyped code does not create one. Recorded in the audit log as
   * {@code account.saved} by {@code cli:<the machine's user>}, naming the fields that changed.
   *
   * @throws IllegalArgumentException nothing written, when the account would break a rule the web
   *     administration keeps too: a kiosk account holds the role kiosk and no other; an account
   *     holds at least one role; the last active administrator keeps the role admin
   */
  public void upsert(
      String username,
      String displayName,
      String password,
      Set<Role> roles,
      String agency,
      String office) {
    upsert(
        username,
        displayName,
        password,
        roles,
        agency,
        office,
        "cli:" + System.getProperty("user.name", "unknown"));
  }

  /**
   * As {@link #upsert(String, String, String, Set, String, String)}, but only with a password that
   * keeps every rule of {@link PasswordPolicy} for this account: not containing its user name, nor
   * its agency's code or registered name (read here), and the rest. What makes the accounts people
   * sign in with outside the web's administration (the {@code sekisho user} command, the demo's
   * accounts) goes through this; {@code upsert} itself takes any password, for tests and benchmarks
   * that make throwaway accounts.
   *
   * @param field what the password came in ({@code SEKISHO_PASSWORD}), which a refusal names
   * @return the password rule broken, nothing written; empty when the account was saved
   * @throws IllegalArgumentException nothing written, as {@code upsert}
   */
  public Optional<AccountRefusal> upsertKeepingPolicy(
      String field,
      String username,
      String displayName,
      String password,
      Set<Role> roles,
      String agency,
      String office) {
    Optional<AccountRefusal> weak =
        AccountRules.passwordProblem(field, username, agencyNames(agency), password);
    if (weak.isPresent()) {
      return weak;
    }
    upsert(username, displayName, password, roles, agency, office);
    return Optional.empty();
  }

  /**
   * The code of an agency and, when registered, its name: what a password of one of its accounts
   * must not contain.
   */
  private List<String> agencyNames(String code) {
    if (code == null || code.isBlank()) {
      return List.of();
    }
    Optional<String> name =
        jdbi.withHandle(
            h ->
                h.createQuery("select name from platform.agency where code = ?")
                    .bind(0, code)
                    .mapTo(String.class)
                    .findOne());
    return name.map(n -> List.of(code, n)).orElse(List.of(code));
  }

  /**
   * As {@link #upsert(String, String, String, Set, String, String)}, recorded as made by {@code
   * actor}.
   */
  public void upsert(
      String username,
      String displayName,
      String password,
      Set<Role> roles,
      String agency,
      String office,
      String actor) {
    String[] roleIds = roleIds(roles);
    String hash = hasher.hash(password);
    Instant now = clock.instant();
    record Saved(boolean created, List<String> fields) {}
    Saved saved =
        jdbi.inTransaction(
            h -> {
              lockAccounts(h);
              Optional<Account> before = find(h, username);
              Account after =
                  new Account(
                      username,
                      displayName,
                      roles,
                      agency,
                      office,
                      true,
                      false,
                      before.map(Account::createdAt).orElse(now),
                      before.flatMap(Account::lastSignInAt),
                      Optional.empty(),
                      Optional.empty());
              Optional<AccountRefusal> refusal =
                  AccountRules.judge(
                      new AccountRules.Proposal(
                          Optional.empty(), before, after, otherActiveAdmins(h, username)));
              if (refusal.isPresent()) {
                throw new IllegalArgumentException(english(refusal.get()));
              }
              h.createUpdate(
                      "insert into platform.agency(code, name, registered_at, registered_by)"
                          + " values (?,?,?,?) on conflict (code) do nothing")
                  .bind(0, agency)
                  .bind(1, agency)
                  .bind(2, Timestamp.from(now))
                  .bind(3, "account:" + username)
                  .execute();
              h.createUpdate(
                      "insert into platform.account(username, display_name, password_hash, roles,"
                          + " agency, office, active, must_change_password, created_at,"
                          + " updated_at) values (?,?,?,?,?,?,true,false,?,?) on conflict"
                          + " (username) do update set display_name = excluded.display_name,"
                          + " password_hash = excluded.password_hash, roles = excluded.roles,"
                          + " agency = excluded.agency, office = excluded.office, active = true,"
                          + " must_change_password = false, deactivated_at = null,"
                          + " deactivated_by = null, updated_at = excluded.updated_at")
                  .bind(0, username)
                  .bind(1, displayName)
                  .bind(2, hash)
                  .bindArray(3, String.class, (Object[]) roleIds)
                  .bind(4, agency)
                  .bind(5, office)
                  .bind(6, Timestamp.from(now))
                  .bind(7, Timestamp.from(now))
                  .execute();
              if (before.isEmpty()) {
                return new Saved(true, CREATED_FIELDS);
              }
              List<String> fields = new java.util.ArrayList<>(changedFields(before.get(), after));
              // the password is set anew every time; whether it is the same one is not known
              fields.add("password");
              return new Saved(false, fields);
            });
    forget(username, false);
    Map<String, String> details = new TreeMap<>();
    details.put("fields", String.join(",", saved.fields()));
    details.put("created", Boolean.toString(saved.created()));
    details.put("roles", String.join(",", roleIds));
    details.put("agency", agency);
    audit.record(new AuditEvent(now, actor, "", "account.saved", "account:" + username, details));
  }

  private static final List<String> CREATED_FIELDS =
      List.of("username", "displayName", "roles", "agency", "office", "password");

  /**
   * The names of the fields in which {@code after} differs from {@code before}: {@code
   * displayName}, {@code roles}, {@code agency}, {@code office}, {@code active}.
   */
  static List<String> changedFields(Account before, Account after) {
    List<String> out = new java.util.ArrayList<>();
    if (!before.displayName().equals(after.displayName())) {
      out.add("displayName");
    }
    if (!before.roles().equals(after.roles())) {
      out.add("roles");
    }
    if (!before.agency().equals(after.agency())) {
      out.add("agency");
    }
    if (!before.office().equals(after.office())) {
      out.add("office");
    }
    if (before.active() != after.active()) {
      out.add("active");
    }
    return out;
  }

  private static final Messages ENGLISH =
      new Messages(java.util.Locale.ENGLISH, List.of("i18n.platform"));

  /** A refusal in English (the command line's language): "roles: …". */
  public static String english(AccountRefusal r) {
    return r.field() + ": " + ENGLISH.get(r.key(), r.args().toArray());
  }

  /**
   * Which of {@code usernames} name an account, active or not (accounts are deactivated, never
   * removed): one query, whatever their number.
   */
  public Set<String> existing(java.util.Collection<String> usernames) {
    if (usernames.isEmpty()) {
      return Set.of();
    }
    return jdbi.withHandle(
        h ->
            Set.copyOf(
                h.createQuery("select username from platform.account where username = any(?)")
                    .bind(0, usernames.stream().distinct().toArray(String[]::new))
                    .mapTo(String.class)
                    .list()));
  }

  public boolean exists(String username) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select count(*) from platform.account where username = ?")
                    .bind(0, username)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  /**
   * The principal when the password is right and the account active; empty otherwise. Not throttled
   * itself: a caller that checks a password a client sent asks a {@link SignInThrottle} first, as
   * the server's sign-in routes do.
   */
  public Optional<Principal> authenticate(String username, String password) {
    return signIn(username, password) instanceof SignIn.SignedIn s
        ? Optional.of(s.principal())
        : Optional.empty();
  }

  /**
   * Checks a password as {@link #authenticate} does, saying why it did not sign in. Every outcome
   * takes the time of one password check, so the answer's timing does not tell whether an account
   * exists. A sign-in is recorded on the account ({@code last_sign_in_at}).
   */
  public SignIn signIn(String username, String password) {
    record Row(Principal p, String hash, boolean mustChange, boolean active) {}
    Optional<Row> row =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "select username, display_name, roles, agency, office, password_hash,"
                            + " must_change_password, active from platform.account"
                            + " where username = ?")
                    .bind(0, username)
                    .map(
                        (rs, ctx) ->
                            new Row(
                                principal(rs), rs.getString(6), rs.getBoolean(7), rs.getBoolean(8)))
                    .findOne());
    if (row.isEmpty()) {
      hasher.verify(password, dummyHash);
      return new SignIn.UnknownAccount();
    }
    if (!hasher.verify(password, row.get().hash())) {
      return new SignIn.WrongPassword();
    }
    if (!row.get().active()) {
      return new SignIn.Deactivated();
    }
    remember(username, row.get().mustChange());
    jdbi.useHandle(
        h ->
            h.createUpdate("update platform.account set last_sign_in_at = ? where username = ?")
                .bind(0, Timestamp.from(clock.instant()))
                .bind(1, username)
                .execute());
    return new SignIn.SignedIn(row.get().p());
  }

  /**
   * Whether {@code password} is {@code username}'s, without signing in (no sign-in recorded): for a
   * user confirming who they are before a change. False for an unknown or inactive account, in the
   * time a wrong password takes.
   */
  public boolean passwordMatches(String username, String password) {
    Optional<String> hash =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "select password_hash from platform.account where username = ? and active")
                    .bind(0, username)
                    .mapTo(String.class)
                    .findOne());
    if (hash.isEmpty()) {
      hasher.verify(password, dummyHash);
      return false;
    }
    return hasher.verify(password, hash.get());
  }

  /**
   * Whether {@code username} must choose a new password before doing anything else: an
   * administrator created the account or reset its password, and its user has not yet chosen their
   * own. Answered from memory: the flag as the last sign-in, session or bearer-token look-up of the
   * account read it (the server's look-up of the request at hand), or as a change through this
   * object left it.
   */
  public boolean mustChangePassword(String username) {
    return mustChange.contains(username);
  }

  private void remember(String username, boolean flagged) {
    if (flagged) {
      mustChange.add(username);
    } else {
      mustChange.remove(username);
    }
  }

  public Session openSession(Principal p) {
    String token = newToken();
    String csrf = newToken();
    Instant now = clock.instant();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into platform.session(token_hash, username, csrf_token, created_at,"
                        + " expires_at) values (?,?,?,?,?)")
                .bind(0, sha256(token))
                .bind(1, p.username())
                .bind(2, csrf)
                .bind(3, Timestamp.from(now))
                .bind(4, Timestamp.from(now.plus(sessionLifetime)))
                .execute());
    return new Session(token, csrf, p);
  }

  /** The live session for a cookie value; expired sessions and inactive accounts give nothing. */
  public Optional<Session> session(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select a.username, a.display_name, a.roles, a.agency, a.office, s.csrf_token,"
                        + " a.must_change_password from platform.session s join platform.account a"
                        + " using (username) where s.token_hash = ? and s.expires_at > ? and"
                        + " a.active")
                .bind(0, sha256(token))
                .bind(1, Timestamp.from(clock.instant()))
                .map(
                    (rs, ctx) -> {
                      remember(rs.getString(1), rs.getBoolean(7));
                      return new Session(token, rs.getString(6), principal(rs));
                    })
                .findOne());
  }

  public void closeSession(String token) {
    jdbi.useHandle(
        h ->
            h.createUpdate("delete from platform.session where token_hash = ?")
                .bind(0, sha256(token))
                .execute());
  }

  /**
   * Ends an API bearer token at once (its holder signing out, or rotating it): it is deleted and
   * forgotten from memory, so the next call with it is refused. Idempotent.
   *
   * @return whether a token was ended
   */
  public boolean revokeApiToken(String token) {
    if (token == null || token.isBlank()) {
      return false;
    }
    byte[] hash = sha256(token);
    tokenCache.remove(HexFormat.of().formatHex(hash));
    return jdbi.withHandle(
            h ->
                h.createUpdate("delete from platform.api_token where token_hash = ?")
                    .bind(0, hash)
                    .execute())
        > 0;
  }

  /**
   * Issues an API bearer token for {@code username}; the token is returned once and never stored.
   */
  public String issueApiToken(String username, String label, Optional<Duration> lifetime) {
    String token = "sk_" + newToken();
    Instant now = clock.instant();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into platform.api_token(token_hash, username, label, created_at,"
                        + " expires_at) values (?,?,?,?,?)")
                .bind(0, sha256(token))
                .bind(1, username)
                .bind(2, label)
                .bind(3, Timestamp.from(now))
                .bind(4, lifetime.map(d -> Timestamp.from(now.plus(d))).orElse(null))
                .execute());
    return token;
  }

  /**
   * The principal a bearer token stands for. A token found valid is remembered for up to {@link
   * #TOKEN_CACHE_TTL} (never past its own expiry), so an API client's calls do not each query the
   * database; account changes made through this object clear that memory at once, changes made by
   * another process take effect within the TTL.
   */
  public Optional<Principal> apiTokenPrincipal(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    byte[] hash = sha256(token);
    String cacheKey = HexFormat.of().formatHex(hash);
    Instant now = clock.instant();
    CachedToken cached = tokenCache.get(cacheKey);
    if (cached != null && now.isBefore(cached.until())) {
      return Optional.of(cached.principal());
    }
    Optional<CachedToken> found =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "select a.username, a.display_name, a.roles, a.agency, a.office,"
                            + " t.expires_at, a.must_change_password from platform.api_token t"
                            + " join platform.account a using (username) where t.token_hash = ?"
                            + " and (t.expires_at is null or t.expires_at > ?) and a.active")
                    .bind(0, hash)
                    .bind(1, Timestamp.from(now))
                    .map(
                        (rs, ctx) -> {
                          Instant until = now.plus(TOKEN_CACHE_TTL);
                          remember(rs.getString(1), rs.getBoolean(7));
                          Timestamp expires = rs.getTimestamp(6);
                          if (expires != null && expires.toInstant().isBefore(until)) {
                            until = expires.toInstant();
                          }
                          return new CachedToken(principal(rs), until);
                        })
                    .findOne());
    if (found.isEmpty()) {
      tokenCache.remove(cacheKey);
      return Optional.empty();
    }
    if (tokenCache.size() >= 10_000) {
      tokenCache.clear();
    }
    tokenCache.put(cacheKey, found.get());
    return Optional.of(found.get().principal());
  }

  /** How long a bearer token found valid is trusted without asking the database again. */
  public static final Duration TOKEN_CACHE_TTL = Duration.ofSeconds(5);

  private record CachedToken(Principal principal, Instant until) {}

  private final java.util.Map<String, CachedToken> tokenCache =
      new java.util.concurrent.ConcurrentHashMap<>();

  public List<Principal> all() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select username, display_name, roles, agency, office from platform.account"
                        + " order by username")
                .map((rs, ctx) -> principal(rs))
                .list());
  }

  /** The account named {@code username}, if there is one. */
  public Optional<Account> find(String username) {
    return jdbi.withHandle(h -> find(h, username));
  }

  /** The accounts {@code q} asks for, by user name; at most {@code q.limit()} of them. */
  public List<Account> list(AccountQuery q) {
    return list(q, Optional.empty());
  }

  /**
   * The accounts {@code q} asks for whose user names come after {@code after}, by user name; at
   * most {@code q.limit()} of them: the next page of a listing that ended at {@code after}.
   */
  public List<Account> list(AccountQuery q, Optional<String> after) {
    Map<String, Object> binds = new TreeMap<>();
    after.ifPresent(a -> binds.put("after", a));
    String sql =
        "select "
            + ACCOUNT_COLUMNS
            + " from platform.account where "
            + where(q, binds)
            + (after.isPresent() ? " and username > :after" : "")
            + " order by username limit :limit";
    binds.put("limit", q.limit());
    return jdbi.withHandle(
        h -> {
          var query = h.createQuery(sql);
          binds.forEach(query::bind);
          return query.map((rs, ctx) -> account(rs)).list();
        });
  }

  /** How many accounts {@code q} matches, whatever its limit. */
  public int count(AccountQuery q) {
    Map<String, Object> binds = new TreeMap<>();
    String sql = "select count(*) from platform.account where " + where(q, binds);
    return jdbi.withHandle(
        h -> {
          var query = h.createQuery(sql);
          binds.forEach(query::bind);
          return query.mapTo(Integer.class).one();
        });
  }

  /** The filters of {@code q} as SQL, their values put in {@code binds}. */
  private static String where(AccountQuery q, Map<String, Object> binds) {
    StringBuilder sql = new StringBuilder("true");
    q.text()
        .ifPresent(
            t -> {
              sql.append(
                  " and (strpos(lower(username), lower(:text)) > 0"
                      + " or strpos(lower(display_name), lower(:text)) > 0)");
              binds.put("text", t);
            });
    q.agency()
        .ifPresent(
            a -> {
              sql.append(" and agency = :agency");
              binds.put("agency", a);
            });
    q.role()
        .ifPresent(
            r -> {
              sql.append(" and :role = any(roles)");
              binds.put("role", r.id());
            });
    q.active()
        .ifPresent(
            a -> {
              sql.append(" and active = :active");
              binds.put("active", a);
            });
    return sql.toString();
  }

  static final String ACCOUNT_COLUMNS =
      "username, display_name, roles, agency, office, active, must_change_password, created_at,"
          + " last_sign_in_at, deactivated_at, deactivated_by";

  static Optional<Account> find(Handle h, String username) {
    return h.createQuery("select " + ACCOUNT_COLUMNS + " from platform.account where username = ?")
        .bind(0, username)
        .map((rs, ctx) -> account(rs))
        .findOne();
  }

  static Account account(ResultSet rs) throws SQLException {
    Principal p = principal(rs);
    return new Account(
        p.username(),
        p.displayName(),
        p.roles(),
        p.agency(),
        p.office(),
        rs.getBoolean(6),
        rs.getBoolean(7),
        rs.getTimestamp(8).toInstant(),
        Optional.ofNullable(rs.getTimestamp(9)).map(Timestamp::toInstant),
        Optional.ofNullable(rs.getTimestamp(10)).map(Timestamp::toInstant),
        Optional.ofNullable(rs.getString(11)));
  }

  // one key for every change of accounts, so that the guards judge what is committed
  private static final long ACCOUNT_CHANGES_LOCK = 0x5345_4b49_5348_4f01L;

  /** Makes changes of accounts one at a time until {@code h}'s transaction ends. */
  static void lockAccounts(Handle h) {
    h.createQuery("select 1 from pg_advisory_xact_lock(?)")
        .bind(0, ACCOUNT_CHANGES_LOCK)
        .mapTo(Integer.class)
        .one();
  }

  /** Active administrators other than {@code username}. */
  /**
   * Active administrators other than {@code username} in {@code agency}: only the administration's
   * administer accounts, so an administrator a partner agency holds from before that rule does not
   * count as one left.
   */
  static long otherActiveAdmins(Handle h, String username, String agency) {
    return h.createQuery(
            "select count(*) from platform.account where active and 'admin' = any(roles)"
                + " and username <> ? and agency = ?")
        .bind(0, username)
        .bind(1, agency)
        .mapTo(Long.class)
        .one();
  }

  static long otherActiveAdmins(Handle h, String username) {
    return h.createQuery(
            "select count(*) from platform.account where active and 'admin' = any(roles)"
                + " and username <> ?")
        .bind(0, username)
        .mapTo(Long.class)
        .one();
  }

  /**
   * Ends {@code username}'s browser sessions and API tokens, except the session or token {@code
   * keep} (a token as the client sent it), and returns how many ended.
   */
  static int endSessions(Handle h, String username, Optional<String> keep) {
    byte[] kept = keep.map(Accounts::sha256).orElse(new byte[0]);
    return h.createUpdate("delete from platform.session where username = ? and token_hash <> ?")
            .bind(0, username)
            .bind(1, kept)
            .execute()
        + h.createUpdate("delete from platform.api_token where username = ? and token_hash <> ?")
            .bind(0, username)
            .bind(1, kept)
            .execute();
  }

  /**
   * Forgets what this object remembers of {@code username}'s tokens (so a change takes effect at
   * once for bearer tokens too) and records whether it must change its password now.
   */
  void forget(String username, boolean mustChangePassword) {
    tokenCache.clear();
    remember(username, mustChangePassword);
  }

  Jdbi jdbi() {
    return jdbi;
  }

  Clock clock() {
    return clock;
  }

  String hash(String password) {
    return hasher.hash(password);
  }

  static String[] roleIds(Set<Role> roles) {
    return roles.stream().map(Role::id).sorted().toArray(String[]::new);
  }

  private static Principal principal(ResultSet rs) throws SQLException {
    Array arr = rs.getArray(3);
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    for (Object o : (Object[]) arr.getArray()) {
      Role.of((String) o).ifPresent(roles::add);
    }
    return new Principal(rs.getString(1), rs.getString(2), roles, rs.getString(4), rs.getString(5));
  }

  private String newToken() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
