package org.sekisho.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
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
