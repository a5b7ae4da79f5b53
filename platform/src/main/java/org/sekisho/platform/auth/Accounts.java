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
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Local accounts, browser sessions and API bearer tokens. Only hashes of session and API tokens are
 * stored, so a copy of the database does not let anyone sign in. Thread-safe.
 */
public final class Accounts {
  /** A signed-in browser session: the cookie value and the CSRF token its forms must carry. */
  public record Session(String token, String csrfToken, Principal principal) {}

  private final Jdbi jdbi;
  private final Clock clock;
  private final PasswordHasher hasher;
  private final Duration sessionLifetime;
  private final SecureRandom random = new SecureRandom();
  // Hashed when the user is unknown, so a wrong user name takes as long as a wrong password.
  private final String dummyHash;

  public Accounts(Jdbi jdbi, Clock clock, PasswordHasher hasher, Duration sessionLifetime) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.hasher = hasher;
    this.sessionLifetime = sessionLifetime;
    this.dummyHash = hasher.hash("not-a-password");
  }

  /**
   * Creates or replaces an account (administration and demo set-up). Its agency is registered with
   * it when it is not yet (see {@link Agencies}); the {@code sekisho user} command refuses an
   * agency nobody registered, so that a mistyped code does not create one.
   */
  public void upsert(
      String username,
      String displayName,
      String password,
      Set<Role> roles,
      String agency,
      String office) {
    String[] roleIds = roles.stream().map(Role::id).sorted().toArray(String[]::new);
    tokenCache.clear();
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  "insert into platform.agency(code, name, registered_at, registered_by)"
                      + " values (?,?,?,?) on conflict (code) do nothing")
              .bind(0, agency)
              .bind(1, agency)
              .bind(2, Timestamp.from(clock.instant()))
              .bind(3, "account:" + username)
              .execute();
          h.createUpdate(
                  "insert into platform.account(username, display_name, password_hash, roles,"
                      + " agency, office, active, created_at) values (?,?,?,?,?,?,true,?)"
                      + " on conflict (username) do update set display_name = excluded.display_name,"
                      + " password_hash = excluded.password_hash, roles = excluded.roles,"
                      + " agency = excluded.agency, office = excluded.office, active = true")
              .bind(0, username)
              .bind(1, displayName)
              .bind(2, hasher.hash(password))
              .bindArray(3, String.class, (Object[]) roleIds)
              .bind(4, agency)
              .bind(5, office)
              .bind(6, Timestamp.from(clock.instant()))
              .execute();
        });
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
    record Row(Principal p, String hash) {}
    Optional<Row> row =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "select username, display_name, roles, agency, office, password_hash"
                            + " from platform.account where username = ? and active")
                    .bind(0, username)
                    .map((rs, ctx) -> new Row(principal(rs), rs.getString(6)))
                    .findOne());
    if (row.isEmpty()) {
      hasher.verify(password, dummyHash);
      return Optional.empty();
    }
    return hasher.verify(password, row.get().hash())
        ? Optional.of(row.get().p())
        : Optional.empty();
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
                    "select a.username, a.display_name, a.roles, a.agency, a.office, s.csrf_token"
                        + " from platform.session s join platform.account a using (username)"
                        + " where s.token_hash = ? and s.expires_at > ? and a.active")
                .bind(0, sha256(token))
                .bind(1, Timestamp.from(clock.instant()))
                .map((rs, ctx) -> new Session(token, rs.getString(6), principal(rs)))
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
                            + " t.expires_at from platform.api_token t join platform.account a"
                            + " using (username) where t.token_hash = ? and (t.expires_at is null"
                            + " or t.expires_at > ?) and a.active")
                    .bind(0, hash)
                    .bind(1, Timestamp.from(now))
                    .map(
                        (rs, ctx) -> {
                          Instant until = now.plus(TOKEN_CACHE_TTL);
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
