package org.sekisho.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sekisho.core.Problem;
import org.sekisho.platform.auth.Access;
import org.sekisho.platform.auth.Account;
import org.sekisho.platform.auth.AccountAdministration;
import org.sekisho.platform.auth.AccountChange;
import org.sekisho.platform.auth.AccountQuery;
import org.sekisho.platform.auth.AccountRefusal;
import org.sekisho.platform.auth.PasswordChange;
import org.sekisho.platform.auth.Principal;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.auth.SignInThrottle;
import org.sekisho.platform.i18n.Messages;

/**
 * Accounts on the web: administrators of the administration running Sekisho list, create and edit
 * accounts, deactivate and reactivate them and set temporary passwords ({@code /admin/accounts},
 * {@code /api/admin/accounts}); every signed-in person (not a kiosk device) sees their own account
 * and changes their own password ({@code /account}, {@code POST /api/me/password}).
 *
 * <p>Every listing and read of accounts and every change, made or refused, is written to the audit
 * log by user name, naming the fields that changed, never a password. A refusal is a value ({@link
 * AccountChange.Refused}, {@link PasswordChange.Refused}) answered in one place ({@link #problem}):
 * invalid input 400 naming the field, a guard (the last administrator, one's own account) 409, an
 * unknown account 404. Checking the current password is throttled like sign-in.
 *
 * <p>A creation or a change is judged whole: every field's problem is found at once (one per
 * field), shown beside its field on the page with what was typed kept (never a password), and
 * answered by the API as {@link ProblemAnswer} writes it (the first as {@code error}, {@code
 * message}, {@code field}, all under {@code problems}, invalid input before conflicts). Every
 * message, on the pages and in the API, is in the reader's language ({@link Web#messages}).
 */
public final class AccountWeb implements WebModule {
  /** Who administers accounts: administrators (of the administration itself; checked per call). */
  public static final Access ADMIN = Access.anyOf(Role.ADMIN);

  /** Every signed-in person: not a kiosk device, which opens the kiosk and nothing else. */
  public static final Access OWN = new Access.AnyOf(EnumSet.complementOf(EnumSet.of(Role.KIOSK)));

  /** Most accounts one listing shows. */
  static final int MAX_LISTED = 1000;

  private final AccountAdministration admin;
  private final String administration;

  /**
   * @param administration the agency running Sekisho (e.g. {@code customs-jp}): only its
   *     administrators administer accounts; a partner agency's administrator gets 403
   */
  public AccountWeb(AccountAdministration admin, String administration) {
    this.admin = admin;
    this.administration = administration;
  }

  /**
   * The navigation entries of this module: the accounts page (offered to administrators of {@code
   * administration}) and one's own account.
   */
  public static List<NavItem> nav(String administration) {
    return List.of(
        new NavItem(
            "/admin/accounts", "nav.accounts", ADMIN, p -> p.agency().equals(administration)),
        new NavItem("/account", "nav.account", OWN));
  }

  @Override
  public void routes(Routes r) {
    r.get("/admin/accounts", ADMIN, "accounts page: list, filter, create", this::listPage)
        .post("/admin/accounts", ADMIN, "create an account (form)", this::createForm)
        .get(
            "/admin/accounts/{username}",
            ADMIN,
            "one account: edit, deactivate, reset password",
            this::accountPage)
        .post("/admin/accounts/{username}", ADMIN, "change an account (form)", this::updateForm)
        .post(
            "/admin/accounts/{username}/deactivate",
            ADMIN,
            "deactivate an account (form)",
            ctx -> stateForm(ctx, false))
        .post(
            "/admin/accounts/{username}/reactivate",
            ADMIN,
            "reactivate an account (form)",
            ctx -> stateForm(ctx, true))
        .post(
            "/admin/accounts/{username}/password",
            ADMIN,
            "set a temporary password (form)",
            this::resetForm)
        .get(
            "/api/admin/accounts",
            ADMIN,
            "accounts (?q= text in user or display name, agency=, role=, state=active|inactive,"
                + " limit=1..1000, after=<the user name a page ended at>: next and nextUrl give the"
                + " next page); audited",
            this::listApi)
        .query("q", "agency", "role", "state", "limit", "after")
        .post(
            "/api/admin/accounts",
            ADMIN,
            "create an account ({\"username\",\"displayName\",\"roles\":[…],\"agency\",\"office\","
                + "\"password\"}; no password: one is generated and returned once as"
                + " temporaryPassword); 201",
            this::createApi)
        .query()
        .get("/api/admin/accounts/{username}", ADMIN, "one account; audited", this::readApi)
        .query()
        .post(
            "/api/admin/accounts/{username}",
            ADMIN,
            "change an account's displayName, roles, agency or office (fields left out are kept)",
            this::updateApi)
        .query()
        .post(
            "/api/admin/accounts/{username}/deactivate",
            ADMIN,
            "deactivate an account: it cannot sign in, its sessions and API tokens end at once",
            ctx -> stateApi(ctx, false))
        .query()
        .post(
            "/api/admin/accounts/{username}/reactivate",
            ADMIN,
            "reactivate an account",
            ctx -> stateApi(ctx, true))
        .query()
        .post(
            "/api/admin/accounts/{username}/password",
            ADMIN,
            "set a temporary password ({\"password\"} or {} to have one generated, returned once"
                + " as temporaryPassword); the user must change it at the next sign-in; the"
                + " account's sessions and API tokens end",
            this::resetApi)
        .query()
        .get("/account", OWN, "one's own account; change one's password", this::mePage)
        .post("/account/password", OWN, "change one's own password (form)", this::meForm)
        .post(
            "/api/me/password",
            OWN,
            "change one's own password ({\"currentPassword\",\"newPassword\"}); the caller's other"
                + " sessions and API tokens end, this one stays",
            this::meApi)
        .query();
  }

  // ---- the administrator's pages

  private void listPage(Context ctx) {
    requireAdministration(ctx);
    renderList(ctx, query(ctx, 200), Map.of(), Set.of(), List.of());
  }

  private void renderList(
      Context ctx,
      AccountQuery q,
      Map<String, String> form,
      Set<String> formRoles,
      List<AccountRefusal> errors) {
    Page page = page(ctx, q);
    List<Account> found = page.accounts();
    int total = page.total();
    auditListing(ctx, q, total, "web");
    Messages t = Web.messages(ctx);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("t", t);
    params.put("csrf", Web.csrf(ctx));
    params.put("accounts", found);
    params.put("total", total);
    params.put(
        "next", page.next().map(n -> listUrl("/admin/accounts", q, Optional.of(n))).orElse(""));
    params.put(
        "first", page.after().isPresent() ? listUrl("/admin/accounts", q, Optional.empty()) : "");
    Map<String, String> filter = new TreeMap<>();
    filter.put("q", q.text().orElse(""));
    filter.put("agency", q.agency().orElse(""));
    filter.put("role", q.role().map(Role::id).orElse(""));
    filter.put("state", q.active().map(a -> a ? "active" : "inactive").orElse(""));
    params.put("filter", filter);
    params.put("agencies", List.copyOf(admin.agencies()));
    params.put("roles", List.of(Role.values()));
    Map<String, String> kept = new TreeMap<>();
    for (String f : List.of("username", "displayName", "office")) {
      kept.put(f, form.getOrDefault(f, ""));
    }
    kept.put("agency", form.getOrDefault("agency", Web.principal(ctx).agency()));
    params.put("form", kept);
    params.put("formRoles", formRoles);
    putErrors(params, t, errors);
    Web.page(ctx, t.get("account.title"), layout(ctx).template("accounts.jte", params));
  }

  /**
   * A form's refusals for its page: {@code errors} (field to message, beside each field), {@code
   * problems} (the list above the form, in order) and {@code errorField} (the first field).
   */
  private static void putErrors(
      Map<String, Object> params, Messages t, List<AccountRefusal> errors) {
    Map<String, String> byField = new LinkedHashMap<>();
    List<FieldProblem> problems = new ArrayList<>();
    for (AccountRefusal r : errors) {
      if (byField.putIfAbsent(r.field(), text(t, r)) == null) {
        problems.add(new FieldProblem(r.field(), t.get(label(r.field())), text(t, r)));
      }
    }
    params.put("errors", byField);
    params.put("problems", problems);
    params.put("errorField", errors.isEmpty() ? "" : errors.get(0).field());
  }

  /**
   * One refused field as the list above a form shows it.
   *
   * @param field the input's name, as the JSON answer's field
   * @param label the field as the form labels it, in the reader's language
   * @param message why it was refused, in the reader's language
   */
  public record FieldProblem(String field, String label, String message) {}

  /** The key of the label a form gives {@code field}. */
  private static String label(String field) {
    return switch (field) {
      case "password" -> "account.create.password";
      case "active" -> "account.state";
      case "newPassword" -> "account.me.new";
      case "currentPassword" -> "account.me.current";
      case "repeatPassword" -> "account.me.repeat";
      default -> "account." + field;
    };
  }

  private void createForm(Context ctx) {
    requireAdministration(ctx);
    Map<String, String> form = new TreeMap<>();
    for (String f : List.of("username", "displayName", "agency", "office")) {
      form.put(f, Optional.ofNullable(ctx.formParam(f)).orElse("").strip());
    }
    List<String> roles = ctx.formParams("roles");
    AccountChange outcome =
        admin.create(
            Web.principal(ctx).username(),
            new AccountAdministration.NewAccount(
                form.get("username"),
                form.get("displayName"),
                roles,
                form.get("agency"),
                form.get("office"),
                Optional.ofNullable(ctx.formParam("password"))));
    auditChange(ctx, "create", form.get("username"), outcome);
    switch (outcome) {
      case AccountChange.Done d -> {
        String notice = Web.messages(ctx).get("account.notice.created", d.account().username());
        renderAccount(ctx, d.account(), notice + " " + passwordNotice(ctx, d), d, Optional.empty());
      }
      case AccountChange.Refused f -> {
        // what was typed stays in the form, but a password is never sent back
        renderList(ctx, query(ctx, 200), form, new TreeSet<>(roles), f.refusals());
        ctx.status(status(outcome));
      }
      case AccountChange.Unknown u -> throw notFound(ctx, u.username());
    }
  }

  private void accountPage(Context ctx) {
    requireAdministration(ctx);
    Account a = found(ctx);
    Web.audit(ctx, "account.read", subject(a.username()), Map.of("channel", "web"));
    renderAccount(ctx, a, notice(ctx, a), null, Optional.empty());
  }

  /** The notice a form's redirect asked for ({@code ?done=updated&fields=…}). */
  private static String notice(Context ctx, Account a) {
    Messages t = Web.messages(ctx);
    String done = Optional.ofNullable(ctx.queryParam("done")).orElse("");
    return switch (done) {
      case "updated" -> {
        String fields = Optional.ofNullable(ctx.queryParam("fields")).orElse("");
        if (fields.isEmpty()) {
          yield t.get("account.notice.unchanged");
        }
        String ended = ended(ctx);
        yield t.get("account.notice.updated", fieldNames(t, fields))
            + (ended.equals("0") ? "" : " " + t.get("account.notice.kioskChanged", ended));
      }
      case "deactivated" -> t.get("account.notice.deactivated", a.username(), ended(ctx));
      case "reactivated" -> t.get("account.notice.reactivated", a.username());
      default -> "";
    };
  }

  /** How many sessions a change ended, from this page's own redirect; anything else is "0". */
  private static String ended(Context ctx) {
    return Optional.ofNullable(ctx.queryParam("ended"))
        .filter(n -> n.matches("\\d{1,6}"))
        .orElse("0");
  }

  /** Field names as the page labels them, for a notice. */
  private static String fieldNames(Messages t, String fields) {
    List<String> out = new java.util.ArrayList<>();
    for (String f : fields.split(",")) {
      switch (f) {
        case "displayName", "roles", "agency", "office", "username", "state" ->
            out.add(t.get("account." + f));
        default -> {
          // a field this page does not change is not named
        }
      }
    }
    return String.join(", ", out);
  }

  private void renderAccount(
      Context ctx, Account a, String notice, AccountChange.Done done, Optional<FormError> error) {
    Messages t = Web.messages(ctx);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("t", t);
    params.put("csrf", Web.csrf(ctx));
    params.put("a", a);
    params.put("agencies", List.copyOf(admin.agencies()));
    params.put("roles", List.of(Role.values()));
    params.put("notice", notice);
    params.put("generatedPassword", done == null ? "" : done.generatedPassword().orElse(""));
    Map<String, String> form = new TreeMap<>();
    form.put("displayName", a.displayName());
    form.put("agency", a.agency());
    form.put("office", a.office());
    Set<String> formRoles = new TreeSet<>();
    if (error.isPresent() && error.get().form().equals("edit")) {
      form.putAll(error.get().kept());
      formRoles.addAll(error.get().keptRoles());
    } else {
      a.roles().forEach(r -> formRoles.add(r.id()));
    }
    params.put("form", form);
    params.put("formRoles", formRoles);
    putErrors(params, t, error.map(FormError::refusals).orElse(List.of()));
    params.put("error", error.map(e -> text(t, e.refusals().get(0))).orElse(""));
    params.put("errorForm", error.map(FormError::form).orElse(""));
    Web.page(
        ctx,
        t.get("account.edit.title", a.username()),
        layout(ctx).template("account.jte", params));
  }

  /** A refused form, with what was typed into it kept. */
  private record FormError(
      String form,
      List<AccountRefusal> refusals,
      Map<String, String> kept,
      Set<String> keptRoles) {}

  private void updateForm(Context ctx) {
    requireAdministration(ctx);
    String username = ctx.pathParam("username");
    Map<String, String> kept = new TreeMap<>();
    for (String f : List.of("displayName", "agency", "office")) {
      kept.put(f, Optional.ofNullable(ctx.formParam(f)).orElse(""));
    }
    List<String> roles = ctx.formParams("roles");
    AccountChange outcome =
        admin.update(
            Web.principal(ctx).username(),
            username,
            new AccountAdministration.Edit(
                Optional.of(kept.get("displayName")),
                Optional.of(roles),
                Optional.of(kept.get("agency").strip()),
                Optional.of(kept.get("office"))));
    auditChange(ctx, "update", username, outcome);
    switch (outcome) {
      case AccountChange.Done d ->
          ctx.redirect(
              "/admin/accounts/"
                  + path(username)
                  + "?done=updated&fields="
                  + String.join(",", d.changed())
                  + (d.sessionsEnded() > 0 ? "&ended=" + d.sessionsEnded() : ""),
              HttpStatus.SEE_OTHER);
      case AccountChange.Refused f -> {
        Account a = found(ctx);
        renderAccount(
            ctx,
            a,
            "",
            null,
            Optional.of(new FormError("edit", f.refusals(), kept, new TreeSet<>(roles))));
        ctx.status(status(outcome));
      }
      case AccountChange.Unknown u -> throw notFound(ctx, u.username());
    }
  }

  private void stateForm(Context ctx, boolean active) {
    requireAdministration(ctx);
    String username = ctx.pathParam("username");
    String actor = Web.principal(ctx).username();
    AccountChange outcome =
        active ? admin.reactivate(actor, username) : admin.deactivate(actor, username);
    auditChange(ctx, active ? "reactivate" : "deactivate", username, outcome);
    switch (outcome) {
      case AccountChange.Done d ->
          ctx.redirect(
              "/admin/accounts/"
                  + path(username)
                  + "?done="
                  + (d.changed().isEmpty() ? "updated" : active ? "reactivated" : "deactivated")
                  + "&ended="
                  + d.sessionsEnded(),
              HttpStatus.SEE_OTHER);
      case AccountChange.Refused f -> {
        renderAccount(
            ctx,
            found(ctx),
            "",
            null,
            Optional.of(new FormError("state", f.refusals(), Map.of(), Set.of())));
        ctx.status(status(outcome));
      }
      case AccountChange.Unknown u -> throw notFound(ctx, u.username());
    }
  }

  private void resetForm(Context ctx) {
    requireAdministration(ctx);
    String username = ctx.pathParam("username");
    AccountChange outcome =
        admin.resetPassword(
            Web.principal(ctx).username(),
            username,
            Optional.ofNullable(ctx.formParam("password")));
    auditChange(ctx, "password", username, outcome);
    switch (outcome) {
      case AccountChange.Done d -> {
        String notice =
            Web.messages(ctx)
                .get("account.notice.reset", d.account().username(), d.sessionsEnded());
        renderAccount(ctx, d.account(), notice + " " + passwordNotice(ctx, d), d, Optional.empty());
      }
      case AccountChange.Refused f -> {
        renderAccount(
            ctx,
            found(ctx),
            "",
            null,
            Optional.of(new FormError("password", f.refusals(), Map.of(), Set.of())));
        ctx.status(status(outcome));
      }
      case AccountChange.Unknown u -> throw notFound(ctx, u.username());
    }
  }

  /** What becomes of a password an administrator set, for the notice beside it. */
  private static String passwordNotice(Context ctx, AccountChange.Done d) {
    Messages t = Web.messages(ctx);
    if (d.account().has(Role.KIOSK)) {
      return t.get("account.notice.kiosk");
    }
    return d.generatedPassword().isPresent() ? "" : t.get("account.notice.chosen");
  }

  // ---- the administrator's API

  private void listApi(Context ctx) {
    requireAdministration(ctx);
    AccountQuery q = query(ctx, Web.intParam(ctx, "limit", 500, 1, MAX_LISTED));
    Page page = page(ctx, q);
    auditListing(ctx, q, page.total(), "api");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("accounts", page.accounts().stream().map(AccountWeb::json).toList());
    out.put("total", page.total());
    out.put("truncated", page.next().isPresent());
    out.put("next", page.next().orElse(null));
    out.put(
        "nextUrl",
        page.next()
            .map(
                n ->
                    listUrl("/api/admin/accounts", q, Optional.of(n))
                        + (ctx.queryParam("limit") == null ? "" : "&limit=" + q.limit()))
            .orElse(null));
    ctx.json(out);
  }

  private void readApi(Context ctx) {
    requireAdministration(ctx);
    Account a = found(ctx);
    Web.audit(ctx, "account.read", subject(a.username()), Map.of("channel", "api"));
    ctx.json(json(a));
  }

  private void createApi(Context ctx) {
    requireAdministration(ctx);
    Fields b = new Fields(ctx, "username", "displayName", "roles", "agency", "office", "password");
    String username = b.text("username", true).orElse("");
    AccountAdministration.NewAccount a =
        new AccountAdministration.NewAccount(
            username,
            b.text("displayName", false).orElse(""),
            b.strings("roles", true).orElse(List.of()),
            b.text("agency", true).orElse(""),
            b.text("office", false).orElse(""),
            b.text("password", false));
    if (!b.problems().isEmpty()) {
      // the body's shape and the rules of the fields that could be read, at once
      refuse(ctx, "create", username, b, admin.check(a));
      return;
    }
    AccountChange outcome = admin.create(Web.principal(ctx).username(), a);
    auditChange(ctx, "create", username, outcome);
    answer(ctx, outcome, true);
  }

  private void updateApi(Context ctx) {
    requireAdministration(ctx);
    Fields b = new Fields(ctx, "displayName", "roles", "agency", "office");
    String username = ctx.pathParam("username");
    AccountAdministration.Edit e =
        new AccountAdministration.Edit(
            b.text("displayName", false),
            b.strings("roles", false),
            b.text("agency", false),
            b.text("office", false));
    if (!b.problems().isEmpty()) {
      refuse(ctx, "update", username, b, admin.check(e));
      return;
    }
    AccountChange outcome = admin.update(Web.principal(ctx).username(), username, e);
    auditChange(ctx, "update", username, outcome);
    answer(ctx, outcome, false);
  }

  private void stateApi(Context ctx, boolean active) {
    requireAdministration(ctx);
    String username = ctx.pathParam("username");
    String actor = Web.principal(ctx).username();
    AccountChange outcome =
        active ? admin.reactivate(actor, username) : admin.deactivate(actor, username);
    auditChange(ctx, active ? "reactivate" : "deactivate", username, outcome);
    answer(ctx, outcome, false);
  }

  private void resetApi(Context ctx) {
    requireAdministration(ctx);
    String username = ctx.pathParam("username");
    Optional<String> password = Optional.empty();
    if (!ctx.body().isBlank()) {
      Fields b = new Fields(ctx, "password");
      password = b.text("password", false);
      if (!b.problems().isEmpty()) {
        refuse(ctx, "password", username, b, List.of());
        return;
      }
    }
    AccountChange outcome = admin.resetPassword(Web.principal(ctx).username(), username, password);
    auditChange(ctx, "password", username, outcome);
    answer(ctx, outcome, false);
  }

  /** An administrator's change as JSON: the account, what changed, a generated password once. */
  private static void answer(Context ctx, AccountChange outcome, boolean create) {
    switch (outcome) {
      case AccountChange.Done d -> {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("account", json(d.account()));
        out.put("changed", d.changed());
        out.put("sessionsEnded", d.sessionsEnded());
        d.generatedPassword().ifPresent(p -> out.put("temporaryPassword", p));
        ctx.status(create ? 201 : 200).json(out);
      }
      case AccountChange.Refused f -> ProblemAnswer.send(ctx, problems(ctx, f.refusals()));
      case AccountChange.Unknown u -> throw notFound(ctx, u.username());
    }
  }

  /**
   * Answers a body refused for its shape ({@code b}'s problems: a field missing, of the wrong type,
   * unknown) with the rules the fields it could read break ({@code more}, for the other fields),
   * and records the refusal. Nothing was changed.
   */
  private static void refuse(
      Context ctx, String change, String username, Fields b, List<AccountRefusal> more) {
    List<Problem> all = new ArrayList<>(b.problems());
    for (AccountRefusal r : more) {
      if (!b.refused(r.field())) {
        all.add(problem(Web.messages(ctx), r));
      }
    }
    List<Problem> ordered = ordered(all);
    auditRefused(
        ctx,
        change,
        username,
        ordered.stream().map(Problem::field).toList(),
        ordered.stream().map(Problem::code).toList());
    ProblemAnswer.send(ctx, ordered);
  }

  /** The problems in the order they are answered: 400s before 409s, each as found. */
  private static List<Problem> ordered(List<Problem> problems) {
    return problems.stream()
        .sorted(java.util.Comparator.comparingInt(HttpProblem::status))
        .toList();
  }

  private static List<Problem> problems(Context ctx, List<AccountRefusal> refusals) {
    Messages t = Web.messages(ctx);
    return ordered(refusals.stream().map(r -> problem(t, r)).toList());
  }

  // ---- one's own account

  private void mePage(Context ctx) {
    renderMe(ctx, "", List.of());
  }

  private void renderMe(Context ctx, String notice, List<AccountRefusal> errors) {
    Principal p = Web.principal(ctx);
    Account a = admin.find(p.username()).orElseThrow(() -> notFound(ctx, p.username()));
    Messages t = Web.messages(ctx);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("t", t);
    params.put("csrf", Web.csrf(ctx));
    params.put("a", a);
    params.put("notice", notice);
    putErrors(params, t, errors);
    Web.page(ctx, t.get("account.me.title"), layout(ctx).template("me.jte", params));
  }

  private void meForm(Context ctx) {
    String current = Optional.ofNullable(ctx.formParam("currentPassword")).orElse("");
    String next = Optional.ofNullable(ctx.formParam("newPassword")).orElse("");
    String repeat = Optional.ofNullable(ctx.formParam("repeatPassword")).orElse("");
    if (!next.equals(repeat)) {
      // what is wrong with the new password itself too; the current one is not checked (nor
      // counted as an attempt) until the new one can be set
      List<AccountRefusal> errors = new ArrayList<>();
      admin.newPasswordProblem(Web.principal(ctx).username(), next).ifPresent(errors::add);
      AccountRefusal r =
          new AccountRefusal(
              AccountRefusal.Kind.INVALID,
              "repeatPassword",
              "account.error.password.repeat",
              List.of());
      errors.add(r);
      auditOwnRefusal(ctx, errors, "web");
      renderMe(ctx, "", errors);
      ctx.status(400);
      return;
    }
    switch (changeOwn(ctx, current, next, "web")) {
      case PasswordChange.Changed c ->
          renderMe(ctx, Web.messages(ctx).get("account.me.changed", c.sessionsEnded()), List.of());
      case PasswordChange.Refused f -> {
        renderMe(ctx, "", List.of(f.refusal()));
        ctx.status(status(f.refusal()));
      }
    }
  }

  private void meApi(Context ctx) {
    Fields b = new Fields(ctx, "currentPassword", "newPassword");
    Optional<String> current = b.text("currentPassword", true);
    Optional<String> next = b.text("newPassword", true);
    if (!b.problems().isEmpty()) {
      List<AccountRefusal> more = new ArrayList<>();
      next.flatMap(n -> admin.newPasswordProblem(Web.principal(ctx).username(), n))
          .ifPresent(more::add);
      refuseOwn(ctx, b, more);
      return;
    }
    switch (changeOwn(ctx, current.orElseThrow(), next.orElseThrow(), "api")) {
      case PasswordChange.Changed c ->
          ctx.json(Map.of("changed", true, "sessionsEnded", c.sessionsEnded()));
      case PasswordChange.Refused f ->
          ProblemAnswer.send(ctx, List.of(problem(Web.messages(ctx), f.refusal())));
    }
  }

  /** As {@link #refuse}, for one's own password: audited as a refused change of it. */
  private static void refuseOwn(Context ctx, Fields b, List<AccountRefusal> more) {
    List<Problem> all = new ArrayList<>(b.problems());
    for (AccountRefusal r : more) {
      if (!b.refused(r.field())) {
        all.add(problem(Web.messages(ctx), r));
      }
    }
    List<Problem> ordered = ordered(all);
    Map<String, String> details = new TreeMap<>();
    details.put("channel", "api");
    details.put("field", ordered.get(0).field());
    details.put("reason", ordered.get(0).code());
    if (ordered.size() > 1) {
      details.put("refusedFields", String.join(",", ordered.stream().map(Problem::field).toList()));
    }
    Web.audit(
        ctx, "account.password.change.refused", subject(Web.principal(ctx).username()), details);
    ProblemAnswer.send(ctx, ordered);
  }

  /**
   * Changes the caller's password: the new one's rules first (no password checked), then the
   * current password through the sign-in throttle (429 when it refuses), then the change.
   */
  private PasswordChange changeOwn(Context ctx, String current, String next, String channel) {
    Principal p = Web.principal(ctx);
    Optional<AccountRefusal> bad = admin.newPasswordProblem(p.username(), next);
    if (bad.isPresent()) {
      auditOwnRefusal(ctx, bad.get(), channel);
      return new PasswordChange.Refused(bad.get());
    }
    if (current.isEmpty()) {
      AccountRefusal r =
          new AccountRefusal(
              AccountRefusal.Kind.INVALID,
              "currentPassword",
              "account.error.password.currentMissing",
              List.of());
      auditOwnRefusal(ctx, r, channel);
      return new PasswordChange.Refused(r);
    }
    SignInThrottle throttle = server(ctx).signIns();
    Optional<SignInThrottle.Refusal> throttled = throttle.attemptSignedIn(p.username());
    if (throttled.isPresent()) {
      long seconds = PlatformRoutes.retryAfterSeconds(throttled.get().retryAfter());
      Web.audit(
          ctx,
          "account.password.change.refused",
          subject(p.username()),
          Map.of("channel", channel, "reason", "throttled", "retryAfterSeconds", "" + seconds));
      ctx.header("Retry-After", Long.toString(seconds));
      // a refusal like the others: the page shows it beside the field, the API answers 429
      return new PasswordChange.Refused(
          new AccountRefusal(
              AccountRefusal.Kind.THROTTLED,
              "currentPassword",
              "account.error.password.throttled",
              List.of(Long.toString(seconds))));
    }
    PasswordChange outcome =
        admin.changeOwnPassword(
            p.username(), current, next, new AccountAdministration.Current(currentToken(ctx)));
    switch (outcome) {
      case PasswordChange.Changed c -> {
        throttle.succeededSignedIn(p.username());
        Web.audit(
            ctx,
            "account.password.changed",
            subject(p.username()),
            Map.of("channel", channel, "sessionsEnded", Integer.toString(c.sessionsEnded())));
      }
      case PasswordChange.Refused f -> {
        if (!f.refusal().key().equals("account.error.password.wrong")) {
          // what is refused after the throttle let the attempt through had the right current
          // password (the new one is the same); only a wrong one counts as a failed attempt
          throttle.succeededSignedIn(p.username());
        }
        auditOwnRefusal(ctx, f.refusal(), channel);
      }
    }
    return outcome;
  }

  private static void auditOwnRefusal(Context ctx, AccountRefusal r, String channel) {
    auditOwnRefusal(ctx, List.of(r), channel);
  }

  /** A refused change of one's own password: the first field and reason, and every field. */
  private static void auditOwnRefusal(Context ctx, List<AccountRefusal> rs, String channel) {
    Map<String, String> details = new TreeMap<>();
    details.put("channel", channel);
    details.put("field", rs.get(0).field());
    details.put("reason", rs.get(0).key());
    if (rs.size() > 1) {
      details.put(
          "refusedFields", String.join(",", rs.stream().map(AccountRefusal::field).toList()));
    }
    Web.audit(
        ctx, "account.password.change.refused", subject(Web.principal(ctx).username()), details);
  }

  /** The session cookie or bearer token this request came with, which a change keeps open. */
  private static Optional<String> currentToken(Context ctx) {
    String auth = ctx.header("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(auth.substring(7).strip());
    }
    return Optional.ofNullable(ctx.cookie(WebServer.SESSION_COOKIE));
  }

  // ---- shared

  /** Only administrators of the administration itself administer accounts. */
  private void requireAdministration(Context ctx) {
    Principal p = Web.principal(ctx);
    if (!p.agency().equals(administration)) {
      Web.audit(ctx, "access.denied", ctx.method() + " " + ctx.path(), Map.of("reason", "agency"));
      throw HttpProblem.of(
          "forbidden", "", Web.messages(ctx).get("account.error.otherAgency", administration));
    }
  }

  private Account found(Context ctx) {
    String username = ctx.pathParam("username");
    return admin.find(username).orElseThrow(() -> notFound(ctx, username));
  }

  private static HttpProblem notFound(Context ctx, String username) {
    return HttpProblem.of(
        "not-found", "username", Web.messages(ctx).get("account.error.notFound", clip(username)));
  }

  /**
   * The listing's filters from the query ({@code q}, {@code agency}, {@code role}, {@code state});
   * a role or state that does not exist, or an agency nobody registered, is a 400 naming it.
   */
  private AccountQuery query(Context ctx, int limit) {
    Messages t = Web.messages(ctx);
    Optional<String> text = param(ctx, "q");
    if (text.isPresent() && text.get().length() > 200) {
      throw HttpProblem.of("invalid-parameter", "q", t.get("account.error.query.long", "200"));
    }
    Optional<String> agency = param(ctx, "agency");
    if (agency.isPresent() && !admin.agencies().contains(agency.get())) {
      throw HttpProblem.of(
          "invalid-parameter",
          "agency",
          t.get(
              "account.error.agency.unregistered",
              clip(agency.get()),
              String.join(", ", admin.agencies())));
    }
    Optional<Role> role = Optional.empty();
    Optional<String> roleId = param(ctx, "role");
    if (roleId.isPresent()) {
      role = Role.of(roleId.get());
      if (role.isEmpty()) {
        throw HttpProblem.of(
            "invalid-parameter",
            "role",
            t.get(
                "account.error.roles.unknown",
                clip(roleId.get()),
                String.join(", ", Arrays.stream(Role.values()).map(Role::id).toList())));
      }
    }
    Optional<Boolean> active =
        switch (param(ctx, "state").orElse("")) {
          case "" -> Optional.empty();
          case "active" -> Optional.of(true);
          case "inactive" -> Optional.of(false);
          default ->
              throw HttpProblem.of("invalid-parameter", "state", t.get("account.error.state"));
        };
    return new AccountQuery(text, agency, role, active, limit);
  }

  /**
   * One page of a listing: the accounts, how many the filters match in all, the user name the page
   * started after, and the one the next page starts after (empty on the last page).
   */
  private record Page(
      List<Account> accounts, int total, Optional<String> after, Optional<String> next) {}

  private Page page(Context ctx, AccountQuery q) {
    Optional<String> after = param(ctx, "after");
    if (after.isPresent() && after.get().length() > 64) {
      throw HttpProblem.of(
          "invalid-parameter", "after", Web.messages(ctx).get("account.error.after", "64"));
    }
    // one more than the page holds tells whether a next page exists
    List<Account> found =
        admin.list(
            new AccountQuery(q.text(), q.agency(), q.role(), q.active(), q.limit() + 1), after);
    boolean more = found.size() > q.limit();
    List<Account> shown = more ? found.subList(0, q.limit()) : found;
    int total = after.isEmpty() && !more ? shown.size() : admin.count(q);
    return new Page(
        shown, total, after, more ? Optional.of(shown.getLast().username()) : Optional.empty());
  }

  /** The listing's address with its filters, starting after {@code after}. */
  private static String listUrl(String path, AccountQuery q, Optional<String> after) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("q", q.text().orElse(null));
    m.put("agency", q.agency().orElse(null));
    m.put("role", q.role().map(Role::id).orElse(null));
    m.put("state", q.active().map(v -> v ? "active" : "inactive").orElse(null));
    m.put("after", after.orElse(null));
    return Web.url(path, m);
  }

  private static Optional<String> param(Context ctx, String name) {
    return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(s -> !s.isEmpty());
  }

  /** A listing of accounts is personal data of staff: audited with its filters and its size. */
  private static void auditListing(Context ctx, AccountQuery q, int total, String channel) {
    Map<String, String> details = new TreeMap<>();
    q.text().ifPresent(s -> details.put("q", s));
    q.agency().ifPresent(s -> details.put("agency", s));
    q.role().ifPresent(r -> details.put("role", r.id()));
    q.active().ifPresent(a -> details.put("state", a ? "active" : "inactive"));
    details.put("total", Integer.toString(total));
    details.put("channel", channel);
    Web.audit(ctx, "accounts.listed", "accounts", details);
  }

  /**
   * Records an administrator's change, made or refused: the fields that changed (names only, never
   * a password or a display name), the roles, agency and office the account holds after it and,
   * where they changed, held before it, and how many sessions and tokens ended. A change that
   * changed nothing is not recorded.
   */
  private static void auditChange(
      Context ctx, String change, String username, AccountChange outcome) {
    Map<String, String> details = new TreeMap<>();
    details.put("channel", ctx.path().startsWith("/api/") ? "api" : "web");
    String action;
    switch (outcome) {
      case AccountChange.Done d -> {
        if (d.changed().isEmpty()) {
          return;
        }
        d.before()
            .ifPresent(
                b -> {
                  if (d.changed().contains("roles")) {
                    details.put("previousRoles", roleIds(b));
                  }
                  if (d.changed().contains("agency")) {
                    details.put("previousAgency", b.agency());
                  }
                  if (d.changed().contains("office")) {
                    details.put("previousOffice", b.office());
                  }
                });
        action =
            switch (change) {
              case "create" -> "account.created";
              case "deactivate" -> "account.deactivated";
              case "reactivate" -> "account.reactivated";
              case "password" -> "account.password.reset";
              default -> "account.updated";
            };
        details.put("fields", String.join(",", d.changed()));
        details.put("roles", roleIds(d.account()));
        details.put("agency", d.account().agency());
        details.put("office", d.account().office());
        details.put("sessionsEnded", Integer.toString(d.sessionsEnded()));
        if (change.equals("password") || change.equals("create")) {
          details.put("passwordGenerated", Boolean.toString(d.generatedPassword().isPresent()));
        }
      }
      case AccountChange.Refused f -> {
        auditRefused(
            ctx,
            change,
            username,
            f.refusals().stream().map(AccountRefusal::field).toList(),
            f.refusals().stream().map(AccountRefusal::key).toList());
        return;
      }
      case AccountChange.Unknown u -> {
        action = "account.change.refused";
        details.put("change", change);
        details.put("reason", "unknown-account");
      }
    }
    Web.audit(ctx, action, subject(username), details);
  }

  /**
   * Records a change refused: the first field and reason as {@code field} and {@code reason}, and
   * when there were several, every field and reason in order ({@code refusedFields}, {@code
   * reasons}); names and codes only, never what was typed.
   */
  private static void auditRefused(
      Context ctx, String change, String username, List<String> fields, List<String> reasons) {
    Map<String, String> details = new TreeMap<>();
    details.put("channel", ctx.path().startsWith("/api/") ? "api" : "web");
    details.put("change", change);
    details.put("field", fields.get(0));
    details.put("reason", reasons.get(0));
    if (fields.size() > 1) {
      details.put("refusedFields", String.join(",", fields));
      details.put("reasons", String.join(",", reasons));
    }
    Web.audit(ctx, "account.change.refused", subject(username), details);
  }

  private static String roleIds(Account a) {
    return String.join(",", a.roles().stream().map(Role::id).sorted().toList());
  }

  private static String subject(String username) {
    return "account:" + clip(username);
  }

  /**
   * The one mapping of an account refusal to the answer: invalid input 400 {@code invalid-value}
   * naming the field, a guard 409 {@code conflict} naming the field, too many attempts 429; the
   * message in the reader's language ({@code t}).
   */
  static Problem problem(Messages t, AccountRefusal r) {
    String message = text(t, r);
    return switch (r.kind()) {
      case INVALID -> Problem.of("invalid-value", r.field(), message);
      case CONFLICT -> Problem.of("conflict", r.field(), message);
      case THROTTLED -> Problem.of("too-many-attempts", r.field(), message);
    };
  }

  /** The status a refusal is answered with. */
  static int status(AccountRefusal r) {
    return switch (r.kind()) {
      case INVALID -> 400;
      case CONFLICT -> 409;
      case THROTTLED -> 429;
    };
  }

  /** The status an outcome is answered with, for a page that shows a refusal beside its form. */
  static int status(AccountChange outcome) {
    return switch (outcome) {
      case AccountChange.Done d -> 200;
      case AccountChange.Refused f ->
          f.refusals().stream().mapToInt(AccountWeb::status).min().orElse(400);
      case AccountChange.Unknown u -> 404;
    };
  }

  private static String text(Messages t, AccountRefusal r) {
    return t.get(r.key(), r.args().toArray());
  }

  /** An account as the API shows it. */
  static Map<String, Object> json(Account a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("username", a.username());
    m.put("displayName", a.displayName());
    m.put("roles", a.roles().stream().map(Role::id).sorted().toList());
    m.put("agency", a.agency());
    m.put("office", a.office());
    m.put("active", a.active());
    m.put("mustChangePassword", a.mustChangePassword());
    m.put("createdAt", a.createdAt().toString());
    m.put("lastSignInAt", a.lastSignInAt().map(Object::toString).orElse(null));
    m.put("deactivatedAt", a.deactivatedAt().map(Object::toString).orElse(null));
    m.put("deactivatedBy", a.deactivatedBy().orElse(null));
    return m;
  }

  private static JsonNode object(Context ctx) {
    JsonNode body;
    try {
      body = server(ctx).json().readTree(ctx.body());
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new HttpProblem(JsonRefusal.of(e, Web.messages(ctx)));
    }
    if (body == null || !body.isObject()) {
      throw new HttpProblem(JsonRefusal.notObject(body, Web.messages(ctx)));
    }
    return body;
  }

  /**
   * A JSON object's fields, read one by one with every problem kept (a field this route does not
   * take, one missing, one of the wrong type) instead of the first thrown, so that one answer names
   * them all. A body that is not a JSON object is refused at once: nothing else can be read of it.
   */
  private static final class Fields {
    private final JsonNode body;
    private final Messages t;
    private final List<Problem> problems = new ArrayList<>();

    /** Reads the body; a field other than {@code taken} is a problem (a typo would be ignored). */
    Fields(Context ctx, String... taken) {
      this.t = Web.messages(ctx);
      this.body = object(ctx);
      Set<String> known = Set.of(taken);
      for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!known.contains(f)) {
          problems.add(
              Problem.of(
                  "unknown-field",
                  clip(f),
                  t.get("api.error.unknownField", String.join(", ", taken), clip(f))));
        }
      }
    }

    List<Problem> problems() {
      return problems;
    }

    /** Whether a problem names {@code field}. */
    boolean refused(String field) {
      return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    /** A string field: empty when absent or null (a problem when required) or not a string. */
    Optional<String> text(String field, boolean required) {
      JsonNode n = body.get(field);
      if (n == null || n.isNull()) {
        if (required) {
          problems.add(missing(field, t.get("api.what.string")));
        }
        return Optional.empty();
      }
      if (!n.isTextual()) {
        problems.add(Problem.of("invalid-type", field, t.get("api.error.string", field)));
        return Optional.empty();
      }
      return Optional.of(n.asText());
    }

    /** A list of strings: empty when absent (a problem when required) or not a list of strings. */
    Optional<List<String>> strings(String field, boolean required) {
      JsonNode n = body.get(field);
      if (n == null || n.isNull()) {
        if (required) {
          problems.add(missing(field, t.get("api.what.roles")));
        }
        return Optional.empty();
      }
      List<String> out = new ArrayList<>();
      if (n.isArray()) {
        for (JsonNode e : n) {
          if (e.isTextual()) {
            out.add(e.asText());
          }
        }
      }
      if (!n.isArray() || out.size() != n.size()) {
        problems.add(Problem.of("invalid-type", field, t.get("api.error.strings", field)));
        return Optional.empty();
      }
      return Optional.of(out);
    }

    private Problem missing(String field, String what) {
      return Problem.of("missing-field", field, t.get("api.error.missing", field, what));
    }
  }

  private static String clip(String s) {
    return s.length() > 64 ? s.substring(0, 64) + "…" : s;
  }

  private static String path(String username) {
    return URLEncoder.encode(username, StandardCharsets.UTF_8);
  }

  private static WebServer server(Context ctx) {
    return ctx.attribute(Web.SERVER);
  }

  private static Layout layout(Context ctx) {
    return server(ctx).layout();
  }
}
