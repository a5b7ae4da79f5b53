package org.sekisho.targeting.adapter.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.platform.auth.Access;
import org.sekisho.platform.auth.Principal;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.web.HttpProblem;
import org.sekisho.platform.web.Routes;
import org.sekisho.platform.web.Web;
import org.sekisho.platform.web.WebModule;
import org.sekisho.targeting.model.domain.RankingFigures;
import org.sekisho.targeting.release.application.ModelLifecycle;
import org.sekisho.targeting.release.domain.ModelVersion;

/**
 * The risk-model registry for administrators: the list with evaluation figures, and approve,
 * release and restore (page with CSRF-protected buttons, and JSON API). Registration is by the
 * command line ({@code sekisho risk register}), which has the model files at hand. Every step is
 * audited by {@link ModelLifecycle}. The API's refusals follow the reader's language as targeting's
 * others do ({@link TargetingWeb#api}): English as the use case wrote it, code and field unchanged.
 */
public final class ModelReleaseWeb implements WebModule {
  /** Only administrators act on models. */
  public static final Access ADMINS = Access.anyOf(Role.ADMIN);

  /** Analysts may see which model is in use and how it was evaluated. */
  public static final Access READ = Access.anyOf(Role.ADMIN, Role.ANALYST);

  private final ModelLifecycle lifecycle;
  private final TemplateEngine templates =
      TemplateEngine.createPrecompiled(
          null,
          ContentType.Html,
          ModelReleaseWeb.class.getClassLoader(),
          "org.sekisho.targeting.adapter.web.jte");

  public ModelReleaseWeb(ModelLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void routes(Routes r) {
    r.get("/targeting/models", ADMINS, "risk models: figures and lifecycle", this::page)
        .post(
            "/targeting/models/{version}/approve",
            ADMINS,
            "approve a model version (form; not by its registrar)",
            ctx -> form(ctx, lifecycle::approve))
        .post(
            "/targeting/models/{version}/release",
            ADMINS,
            "release an approved model version (form)",
            ctx -> form(ctx, lifecycle::release))
        .post(
            "/targeting/models/{version}/restore",
            ADMINS,
            "restore a retired model version (form)",
            ctx -> form(ctx, lifecycle::restore))
        .get(
            "/api/targeting/models",
            READ,
            "registered risk models",
            TargetingWeb.api(this::listApi))
        .query()
        .post(
            "/api/targeting/models/{version}/approve",
            ADMINS,
            "approve a model version (not by its registrar)",
            TargetingWeb.api(ctx -> api(ctx, lifecycle::approve)))
        .query()
        .post(
            "/api/targeting/models/{version}/release",
            ADMINS,
            "release an approved model version",
            TargetingWeb.api(ctx -> api(ctx, lifecycle::release)))
        .query()
        .post(
            "/api/targeting/models/{version}/restore",
            ADMINS,
            "restore a retired model version",
            TargetingWeb.api(ctx -> api(ctx, lifecycle::restore)))
        .query();
  }

  private void page(Context ctx) {
    show(ctx, "");
  }

  private void show(Context ctx, String error) {
    Map<String, Object> m = new HashMap<>();
    List<ModelVersion> all = lifecycle.all();
    m.put("models", all);
    Map<Integer, org.sekisho.targeting.release.application.ModelFiles.EarlyStopping> early =
        new HashMap<>();
    for (ModelVersion v : all) {
      lifecycle.earlyStopping(v.version()).ifPresent(e -> early.put(v.version(), e));
    }
    m.put("early", early);
    m.put("inUse", lifecycle.inUse().map(ModelVersion::version).orElse(0));
    m.put("user", Web.principal(ctx).username());
    m.put("error", error);
    m.put("csrf", Web.csrf(ctx));
    m.put("t", Web.messages(ctx));
    StringOutput out = new StringOutput();
    templates.render("models.jte", m, out);
    Web.page(ctx, Web.messages(ctx).get("targeting.models"), out.toString());
  }

  private void form(
      Context ctx, BiFunction<Integer, ModelLifecycle.Actor, Outcome<ModelVersion>> step) {
    Outcome<ModelVersion> o = step.apply(version(ctx), actor(ctx));
    switch (o) {
      case Outcome.Accepted<ModelVersion> a ->
          ctx.redirect("/targeting/models", HttpStatus.SEE_OTHER);
      case Outcome.Rejected<ModelVersion> r -> {
        var t = Web.messages(ctx);
        show(
            ctx,
            String.join(
                "; ",
                r.problems().stream()
                    .map(p -> PageProblems.message(t, p).orElse(p.message()))
                    .toList()));
        ctx.status(HttpProblem.status(r.problems().getFirst()));
      }
    }
  }

  private void api(
      Context ctx, BiFunction<Integer, ModelLifecycle.Actor, Outcome<ModelVersion>> step) {
    TargetingWeb.noFields(ctx);
    Outcome<ModelVersion> o = step.apply(version(ctx), actor(ctx));
    switch (o) {
      case Outcome.Accepted<ModelVersion> a -> {
        // in use only if this step put it in use: an approval (or a release the assessor has not
        // taken up) leaves the model in use as it was
        int inUse = lifecycle.inUse().map(ModelVersion::version).orElse(0);
        ctx.json(json(a.value(), a.value().version() == inUse));
      }
      case Outcome.Rejected<ModelVersion> r -> throw new HttpProblem(r.problems().getFirst());
    }
  }

  private void listApi(Context ctx) {
    int inUse = lifecycle.inUse().map(ModelVersion::version).orElse(0);
    ctx.json(lifecycle.all().stream().map(m -> json(m, m.version() == inUse)).toList());
  }

  private static ModelLifecycle.Actor actor(Context ctx) {
    Principal p = Web.principal(ctx);
    return new ModelLifecycle.Actor(p.username(), p.agency());
  }

  private static int version(Context ctx) {
    try {
      return Integer.parseInt(ctx.pathParam("version").strip());
    } catch (NumberFormatException e) {
      throw new HttpProblem(
          Problem.of("invalid-parameter", "version", "expected a whole number").worded("whole"));
    }
  }

  /**
   * What {@code risk register} names as the evaluation file ({@code name (sha256 HEX, N rows)}) cut
   * where its hash is, so that a page shows the hash shortened with the whole in a title: a
   * 64-digit hash does not wrap and widened the models table beyond the window.
   *
   * @param before the text up to the hash (all of it when there is none)
   * @param hash the hash, empty when there is none
   * @param after the text after it
   */
  public record Evaluated(String before, String hash, String after) {
    /** The first 12 digits of the hash, as the page shows it. */
    public String shortHash() {
      return hash.length() <= 12 ? hash : hash.substring(0, 12) + "…";
    }
  }

  private static final java.util.regex.Pattern HASH =
      java.util.regex.Pattern.compile("[0-9a-fA-F]{64}");

  /** {@code evaluatedOn} cut around its hash (see {@link Evaluated}). */
  public static Evaluated evaluated(String evaluatedOn) {
    var m = HASH.matcher(evaluatedOn);
    return m.find()
        ? new Evaluated(
            evaluatedOn.substring(0, m.start()), m.group(), evaluatedOn.substring(m.end()))
        : new Evaluated(evaluatedOn, "", "");
  }

  /** A model in the API's shape. */
  public static Map<String, Object> json(ModelVersion m, boolean inUse) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("version", m.version());
    o.put("modelId", m.modelId());
    o.put("contentHash", m.contentHash());
    o.put("status", m.status().code());
    o.put("inUse", inUse);
    o.put("figures", figures(m.figures()));
    o.put("evaluatedOn", m.evaluatedOn());
    o.put("registeredBy", m.registeredBy());
    o.put("registeredAt", m.registeredAt().toString());
    o.put("approvedBy", m.approvedBy());
    o.put("approvedAt", m.approvedAt().map(Object::toString).orElse(null));
    o.put("releasedBy", m.releasedBy());
    o.put("releasedAt", m.releasedAt().map(Object::toString).orElse(null));
    return o;
  }

  private static Map<String, Object> figures(RankingFigures f) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("n", f.n());
    o.put("positives", f.positives());
    o.put("precision", stringKeys(f.precision()));
    o.put("recall", stringKeys(f.recall()));
    o.put("auc", Double.isNaN(f.auc()) ? null : f.auc());
    return o;
  }

  private static Map<String, Double> stringKeys(Map<Integer, Double> m) {
    Map<String, Double> o = new LinkedHashMap<>();
    List.copyOf(new java.util.TreeMap<>(m).entrySet())
        .forEach(e -> o.put(Integer.toString(e.getKey()), e.getValue()));
    return o;
  }
}
