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
import org.sekisho.platform.i18n.Messages;

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
            "register an agency ({\"code\":\"police-jp\",\"name\":…}, both required, the name"
                + " not blank; the administration's administrators); 201 when new, 200 when"
                + " registered already (its name unchanged)",
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
    Messages t = Web.messages(ctx);
    if (!p.agency().equals(administration)) {
      throw HttpProblem.of(
          "forbidden", "", t.get("agency.error.otherAgency.rename", administration));
    }
    JsonNode body;
    try {
      body = JSON.readTree(ctx.body());
    } catch (Exception e) {
      body = null;
    }
    if (body == null || !body.isObject()) {
      throw HttpProblem.of("invalid-json", "body", t.get("agency.error.renameJson"));
    }
    java.util.Iterator<String> fields = body.fieldNames();
    while (fields.hasNext()) {
      String f = fields.next();
      if (!f.equals("name")) {
        throw HttpProblem.of("invalid-field", f, t.get("agency.error.codeStays", f));
      }
    }
    JsonNode name = body.get("name");
    if (name == null || !name.isTextual()) {
      throw HttpProblem.of("missing-field", "name", t.get("agency.error.nameMissing"));
    }
    String shown = name.asText().strip();
    if (shown.isEmpty() || shown.length() > Agencies.MAX_NAME) {
      // as Agencies.rename refuses it, in the reader's language
      throw HttpProblem.of(
          "invalid-value",
          "name",
          t.get("agency.error.nameLength", Integer.toString(Agencies.MAX_NAME)));
    }
    String code = ctx.pathParam("code");
    Optional<String> previous = agencies.rename(code, name.asText(), p.username(), p.agency());
    if (previous.isEmpty()) {
      throw HttpProblem.of("not-found", "code", t.get("agency.error.notFound", code));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("code", code);
    out.put("name", shown);
    out.put("previous", previous.get());
    ctx.json(out);
  }

  private void register(Context ctx) {
    Messages t = Web.messages(ctx);
    JsonNode body;
    try {
      body = JSON.readTree(ctx.body());
    } catch (Exception e) {
      body = null;
    }
    if (body == null || !body.isObject()) {
      throw HttpProblem.of("invalid-json", "", t.get("agency.error.registerJson"));
    }
    JsonNode code = body.get("code");
    if (code == null || !code.isTextual()) {
      throw HttpProblem.of("missing-field", "code", t.get("agency.error.codeMissing"));
    }
    JsonNode name = body.get("name");
    if (name != null && !name.isNull() && !name.isTextual()) {
      throw HttpProblem.of("invalid-type", "name", t.get("agency.error.nameType"));
    }
    if (Agencies.invalidCode(code.asText()).isPresent()) {
      String c = code.asText();
      throw HttpProblem.of(
          "invalid-value",
          "code",
          c.isEmpty()
              ? t.get("agency.error.code.empty")
              : t.get(
                  "agency.error.code.form",
                  Integer.toString(Agencies.MAX_CODE),
                  // quoted back cut, so that a refusal cannot be made to carry a whole body
                  c.length() > 64 ? c.substring(0, 64) + "…" : c));
    }
    // a name is required (as sekisho agency add --name): a blank one would register the agency
    // under its code, which no reader recognises as a name
    if (name == null || name.isNull()) {
      throw HttpProblem.of(
          "missing-field",
          "name",
          t.get("agency.error.name.missing", Integer.toString(Agencies.MAX_NAME)));
    }
    String shown = name.asText().strip();
    if (shown.isEmpty()) {
      throw HttpProblem.of(
          "invalid-value",
          "name",
          t.get("agency.error.name.blank", Integer.toString(Agencies.MAX_NAME)));
    }
    if (shown.length() > Agencies.MAX_NAME) {
      throw HttpProblem.of(
          "invalid-value",
          "name",
          t.get(
              "agency.error.name.long",
              Integer.toString(Agencies.MAX_NAME),
              Integer.toString(shown.length())));
    }
    Principal p = Web.principal(ctx);
    if (!p.agency().equals(administration)) {
      throw HttpProblem.of(
          "forbidden", "", t.get("agency.error.otherAgency.register", administration));
    }
    Optional<String> registeredAs =
        agencies.all().stream()
            .filter(a -> a.code().equals(code.asText()) && !a.name().equals(a.code()))
            .map(Agencies.Agency::name)
            .findFirst();
    if (registeredAs.isPresent() && !registeredAs.get().equals(shown)) {
      // a second registration does not rename silently: it says how the agency is registered
      throw HttpProblem.of(
          "conflict",
          "name",
          t.get("agency.error.registeredAs", code.asText(), registeredAs.get()));
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
