package org.sekisho.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.sekisho.platform.auth.Access;
import org.sekisho.platform.auth.Agencies;
import org.sekisho.platform.auth.Principal;
import org.sekisho.platform.auth.Role;

/**
 * The agency registry over HTTP. The administration's staff see every registered agency (the codes
 * records can belong to or be shared with); a partner agency's accounts see their own agency and
 * the administration, not which other agencies the administration works with; kiosk devices see
 * nothing. The administration's administrators register new agencies.
 */
public final class AgencyWeb implements WebModule {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Agencies agencies;
  private final String administration;

  /**
   * @param administration the agency running this installation ({@code SEKISHO_AGENCY})
   */
  public AgencyWeb(Agencies agencies, String administration) {
    this.agencies = agencies;
    this.administration = administration;
  }

  @Override
  public void routes(Routes r) {
    r.get(
            "/api/agencies",
            AccountWeb.OWN,
            "the registered agencies (codes a record may belong to or be shared with); a partner"
                + " agency's accounts see their own and the administration only",
            this::list)
        .query()
        .post(
            "/api/agencies",
            Access.anyOf(Role.ADMIN),
            "register an agency ({\"code\":\"police-jp\",\"name\":…}; the administration's"
                + " administrators); 201 when new, 200 when registered already (its name"
                + " unchanged)",
            this::register)
        .query()
        .put(
            "/api/agencies/{code}",
            Access.anyOf(Role.ADMIN),
            "rename a registered agency ({\"name\":…}; the administration's administrators; its"
                + " code stays): {code, name, previous}; 404 when no such agency",
            this::rename)
        .query();
  }

  private void list(Context ctx) {
    Principal p = Web.principal(ctx);
    boolean ours = p.agency().equals(administration);
    ctx.json(
        Map.of(
            "agencies",
            agencies.all().stream()
                .filter(a -> ours || a.code().equals(p.agency()) || a.code().equals(administration))
                .map(
                    a -> {
                      Map<String, String> m = new LinkedHashMap<>();
                      m.put("code", a.code());
                      m.put("name", a.name());
                      return m;
                    })
                .toList()));
  }

  private void rename(Context ctx) {
    Principal p = Web.principal(ctx);
    if (!p.agency().equals(administration)) {
      throw HttpProblem.of(
          "forbidden", "", "only administrators of " + administration + " rename agencies");
    }
    JsonNode body;
    try {
      body = JSON.readTree(ctx.body());
    } catch (Exception e) {
      body = null;
    }
    if (body == null || !body.isObject()) {
      throw HttpProblem.of("invalid-json", "body", "expected a JSON object {\"name\":…}");
    }
    java.util.Iterator<String> fields = body.fieldNames();
    while (fields.hasNext()) {
      String f = fields.next();
      if (!f.equals("name")) {
        throw HttpProblem.of(
            "invalid-field", f, "an agency's code stays; only its name is changed, not " + f);
      }
    }
    JsonNode name = body.get("name");
    if (name == null || !name.isTextual()) {
      throw HttpProblem.of("missing-field", "name", "expected the agency's new name as a string");
    }
    String code = ctx.pathParam("code");
    Optional<String> previous;
    try {
      previous = agencies.rename(code, name.asText(), p.username(), p.agency());
    } catch (IllegalArgumentException e) {
      throw HttpProblem.of("invalid-value", "name", e.getMessage());
    }
    if (previous.isEmpty()) {
      throw HttpProblem.of("not-found", "code", "no agency " + code + " is registered");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("code", code);
    out.put("name", name.asText().strip());
    out.put("previous", previous.get());
    ctx.json(out);
  }

  private void register(Context ctx) {
    JsonNode body;
    try {
      body = JSON.readTree(ctx.body());
    } catch (Exception e) {
      body = null;
    }
    if (body == null || !body.isObject()) {
      throw HttpProblem.of(
          "invalid-json", "", "expected a JSON object {\"code\":\"police-jp\",\"name\":…}");
    }
    JsonNode code = body.get("code");
    if (code == null || !code.isTextual()) {
      throw HttpProblem.of(
          "missing-field", "code", "expected the agency's code as a string, such as police-jp");
    }
    JsonNode name = body.get("name");
    if (name != null && !name.isNull() && !name.isTextual()) {
      throw HttpProblem.of("invalid-type", "name", "expected the agency's name as a string");
    }
    Agencies.invalidCode(code.asText())
        .ifPresent(
            why -> {
              throw HttpProblem.of("invalid-value", "code", why);
            });
    String shown = name == null || name.isNull() ? "" : name.asText().strip();
    if (shown.length() > Agencies.MAX_NAME) {
      throw HttpProblem.of(
          "invalid-value",
          "name",
          "expected at most " + Agencies.MAX_NAME + " characters; got " + shown.length());
    }
    Principal p = Web.principal(ctx);
    if (!p.agency().equals(administration)) {
      throw HttpProblem.of(
          "forbidden", "", "only administrators of " + administration + " register agencies");
    }
    Optional<String> registeredAs =
        agencies.all().stream()
            .filter(a -> a.code().equals(code.asText()) && !a.name().equals(a.code()))
            .map(Agencies.Agency::name)
            .findFirst();
    if (registeredAs.isPresent() && !shown.isEmpty() && !registeredAs.get().equals(shown)) {
      // a second registration does not rename silently: it says how the agency is registered
      throw HttpProblem.of(
          "conflict",
          "name",
          "agency "
              + code.asText()
              + " is registered as '"
              + registeredAs.get()
              + "'; rename it with PUT /api/agencies/"
              + code.asText());
    }
    boolean added = agencies.register(code.asText(), shown, p.username(), p.agency());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("code", code.asText());
    out.put(
        "name",
        agencies.all().stream()
            .filter(a -> a.code().equals(code.asText()))
            .findFirst()
            .map(Agencies.Agency::name)
            .orElse(shown));
    out.put("registered", added);
    ctx.status(added ? 201 : 200).json(out);
  }
}
