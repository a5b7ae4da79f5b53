package org.sekisho.targeting.adapter.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.platform.auth.Access;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.i18n.Messages;
import org.sekisho.platform.web.HttpProblem;
import org.sekisho.platform.web.Routes;
import org.sekisho.platform.web.Web;
import org.sekisho.platform.web.WebModule;
import org.sekisho.targeting.selectivity.application.SelectivitySettings;
import org.sekisho.targeting.selectivity.domain.Lane;
import org.sekisho.targeting.selectivity.domain.LaneLabels;
import org.sekisho.targeting.selectivity.domain.LaneRates;
import org.sekisho.targeting.selectivity.domain.OfficeProfile;
import org.sekisho.targeting.selectivity.domain.Selectivity;

/**
 * Selectivity settings: per office (and stream) and lane, the expected rate, the minimum random
 * rate and the maximum hits without selection, beside the share each lane actually took over the
 * office's recent window; the defaults; the lane labels. Analysts and administrators read them
 * (page and JSON); administrators change them as one properties text (docs/formats/criteria.md),
 * naming the version they changed ({@code If-Match} / the form's {@code version}): a text with
 * problems is refused with every problem's line, a change made on an older version with 409. A
 * change is audited ({@code targeting.selectivity.change}: who, the versions before and after, and
 * both texts) and in force at once. The API's refusals follow the reader's language as targeting's
 * others do ({@link TargetingWeb#api}): English as the use case wrote it; code, field, line and key
 * unchanged.
 */
public final class SelectivityWeb implements WebModule {
  /** Analysts tune selection through criteria and watch the shares; administrators set rates. */
  public static final Access READ = Access.anyOf(Role.ANALYST, Role.ADMIN);

  /** Only administrators change the rates. */
  public static final Access CHANGE = Access.anyOf(Role.ADMIN);

  /** The lanes that take settings; green is what they leave. */
  static final List<Lane> SET_LANES = List.of(Lane.RED, Lane.YELLOW, Lane.BLUE);

  private final SelectivitySettings settings;
  private final TemplateEngine templates =
      TemplateEngine.createPrecompiled(
          null,
          ContentType.Html,
          SelectivityWeb.class.getClassLoader(),
          "org.sekisho.targeting.adapter.web.jte");

  public SelectivityWeb(SelectivitySettings settings) {
    this.settings = settings;
  }

  @Override
  public void routes(Routes r) {
    r.get(
            "/targeting/selectivity",
            READ,
            "selectivity: rates per office and lane against the recent shares; administrators"
                + " change them",
            this::page)
        .post(
            "/targeting/selectivity",
            CHANGE,
            "change the selectivity settings (form: text, version)",
            this::form)
        .get(
            "/api/targeting/selectivity",
            READ,
            "selectivity settings (text, version, labels, defaults) and per office and stream the"
                + " rates in force with the recent shares; ETag: the version",
            TargetingWeb.api(this::api))
        .query()
        .put(
            "/api/targeting/selectivity",
            CHANGE,
            "replace the selectivity settings (body: the properties text; If-Match: the version"
                + " changed, or ?version=): 428 when neither names it, 400 naming each line at"
                + " fault, 409 when another change came first",
            Routes.Body.TEXT,
            TargetingWeb.api(this::replaceApi))
        .query("version");
  }

  // ---- views shared with the worklist

  /**
   * The lane names a page shows: the administration's when it configured its own (such as Japan's
   * 区分), otherwise ASYCUDA's colours in the reader's language.
   */
  static LaneLabels labels(LaneLabels configured, Messages t) {
    if (!configured.equals(LaneLabels.colours())) {
      return configured;
    }
    Map<Lane, String> m = new EnumMap<>(Lane.class);
    for (Lane l : Lane.values()) {
      m.put(l, t.get("targeting.lane." + l.code()));
    }
    return new LaneLabels(m);
  }

  /** One office or stream with its rates in force and its recent window. */
  static SelectivitySettings.OfficeView officeView(SelectivitySettings s, String office) {
    var c = s.config();
    return new SelectivitySettings.OfficeView(
        office, c.offices().containsKey(office), c.profile(office), s.window(office));
  }

  /** A share (0–1) as a page shows it: {@code 5 %}, {@code 0.5 %}, {@code 12.35 %}. */
  public static String percent(double share) {
    return BigDecimal.valueOf(share * 100)
            .setScale(2, RoundingMode.HALF_UP)
            .stripTrailingZeros()
            .toPlainString()
        + " %";
  }

  // ---- page

  private void page(Context ctx) {
    show(ctx, settings.current().text(), settings.current().version(), List.of(), "");
  }

  /**
   * @param text what the form's text area holds (the settings in force, or what was typed)
   * @param version the version the form names (the one in force, or the one typed on)
   */
  private void show(
      Context ctx, String text, String version, List<String> problems, String message) {
    SelectivitySettings.Current now = settings.current();
    Messages t = Web.messages(ctx);
    Map<String, Object> m = new HashMap<>();
    m.put("now", now);
    m.put("offices", settings.offices());
    m.put("lanes", SET_LANES);
    m.put("labels", labels(now.config().labels(), t));
    m.put("text", text);
    m.put("version", version);
    m.put("problems", problems);
    m.put("message", message);
    m.put("mayChange", Web.principal(ctx).has(Role.ADMIN));
    m.put("window", Selectivity.WINDOW);
    m.put("csrf", Web.csrf(ctx));
    m.put("t", t);
    StringOutput out = new StringOutput();
    templates.render("selectivity.jte", m, out);
    Web.page(ctx, t.get("targeting.selectivity"), out.toString());
  }

  private void form(Context ctx) {
    String text = Optional.ofNullable(ctx.formParam("text")).orElse("");
    String version = Optional.ofNullable(ctx.formParam("version")).orElse("");
    Outcome<SelectivitySettings.Change> o = replace(ctx, text, version);
    switch (o) {
      case Outcome.Accepted<SelectivitySettings.Change> a ->
          ctx.redirect("/targeting/selectivity", HttpStatus.SEE_OTHER);
      case Outcome.Rejected<SelectivitySettings.Change> r when conflict(r) -> {
        // someone changed the settings since this page was opened: the page shows theirs, and
        // keeps what was typed for the administrator to reconcile (saving it again replaces them)
        show(
            ctx,
            text,
            settings.current().version(),
            List.of(),
            Web.messages(ctx)
                .get(
                    "targeting.selectivity.changed",
                    settings.current().changedBy().isEmpty()
                        ? "?"
                        : settings.current().changedBy()));
        ctx.status(409);
      }
      case Outcome.Rejected<SelectivitySettings.Change> r -> {
        var t = Web.messages(ctx);
        show(
            ctx,
            text,
            version,
            r.problems().stream().map(p -> PageProblems.line(t, p)).toList(),
            "");
        ctx.status(HttpProblem.status(r.problems().get(0)));
      }
    }
  }

  private static boolean conflict(Outcome.Rejected<?> r) {
    return r.problems().get(0).code().equals("conflict");
  }

  private Outcome<SelectivitySettings.Change> replace(Context ctx, String text, String version) {
    Outcome<SelectivitySettings.Change> o =
        settings.replace(text, version, Web.principal(ctx).username());
    if (o instanceof Outcome.Accepted<SelectivitySettings.Change> a && a.value().changed()) {
      SelectivitySettings.Current before = a.value().before();
      SelectivitySettings.Current after = a.value().after();
      Web.audit(
          ctx,
          "targeting.selectivity.change",
          "selectivity",
          Map.of(
              "from", before.version(),
              "to", after.version(),
              "previous", before.text(),
              "text", after.text()));
    }
    return o;
  }

  // ---- API

  private void api(Context ctx) {
    SelectivitySettings.Current now = settings.current();
    ctx.header("ETag", "\"" + now.version() + "\"");
    ctx.json(json(now, settings.offices()));
  }

  private void replaceApi(Context ctx) {
    String version = Optional.ofNullable(ctx.queryParam("version")).orElse("");
    String ifMatch = ctx.header("If-Match");
    if (version.isBlank() && ifMatch != null) {
      // an entity tag, quoted and maybe weak: W/"…"
      version = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
    }
    if (version.isBlank()) {
      // as a lane decision without expectedVersion: the last writer must not win silently, and
      // the condition is missing (428, RFC 6585), not a field of the body at fault
      Problem missing =
          Problem.of(
                  "precondition-required",
                  "If-Match",
                  "send If-Match with the version of the settings the change was made on (the ETag"
                      + " of GET /api/targeting/selectivity), or ?version=")
              .worded("selectivity-if-match");
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("error", missing.code());
      m.put("message", TargetingWeb.apiMessage(ctx, missing));
      m.put("field", missing.field());
      m.put("version", settings.current().version());
      ctx.status(428);
      ctx.json(m);
      return;
    }
    Outcome<SelectivitySettings.Change> o = replace(ctx, ctx.body(), version);
    switch (o) {
      case Outcome.Accepted<SelectivitySettings.Change> a -> {
        SelectivitySettings.Current now = a.value().after();
        ctx.header("ETag", "\"" + now.version() + "\"");
        Map<String, Object> m = json(now, settings.offices());
        m.put("changed", a.value().changed());
        ctx.json(m);
      }
      case Outcome.Rejected<SelectivitySettings.Change> r -> rejected(ctx, r.problems());
    }
  }

  /**
   * Every problem, each with its line where it has one, worded in the reader's language (English as
   * the use case wrote it; code, field, line and key unchanged); the first gives the status.
   */
  private static void rejected(Context ctx, List<Problem> problems) {
    Problem first = problems.get(0);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", first.code());
    m.put("message", TargetingWeb.apiMessage(ctx, first));
    m.put("field", first.field());
    List<Map<String, Object>> all = new ArrayList<>();
    for (Problem p : problems) {
      Map<String, Object> pm = new LinkedHashMap<>();
      pm.put("code", p.code());
      pm.put("field", p.field());
      pm.put("message", TargetingWeb.apiMessage(ctx, p));
      if (p.field().matches("line \\d+")) {
        pm.put("line", Integer.parseInt(p.field().substring(5)));
        // the key the message starts with ("office.JPYOK.red.expected: …")
        int colon = p.message().indexOf(": ");
        if (colon > 0) {
          pm.put("key", p.message().substring(0, colon));
        }
      }
      all.add(pm);
    }
    m.put("problems", all);
    ctx.status(HttpProblem.status(first));
    ctx.json(m);
  }

  private static Map<String, Object> json(
      SelectivitySettings.Current now, List<SelectivitySettings.OfficeView> offices) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", now.version());
    m.put("text", now.text());
    m.put("changedBy", now.changedBy().isEmpty() ? null : now.changedBy());
    m.put("changedAt", now.changedAt().map(Object::toString).orElse(null));
    m.put("seed", now.config().seed());
    m.put("window", Selectivity.WINDOW);
    Map<String, String> labels = new LinkedHashMap<>();
    for (Lane l : Lane.values()) {
      labels.put(l.code(), now.config().labels().of(l));
    }
    m.put("labels", labels);
    m.put("defaults", lanes(now.config().defaults(), null));
    List<Map<String, Object>> os = new ArrayList<>();
    for (SelectivitySettings.OfficeView o : offices) {
      Map<String, Object> om = new LinkedHashMap<>();
      om.put("office", o.office());
      om.put("configured", o.configured());
      om.put("windowSize", o.window().size());
      om.put("lanes", lanes(o.profile(), o.window()));
      om.put("greenShare", o.window().shares().get(Lane.GREEN));
      os.add(om);
    }
    m.put("offices", os);
    return m;
  }

  /** Per lane that takes settings: rates as shares 0–1, and the recent share when known. */
  private static Map<String, Object> lanes(OfficeProfile p, Selectivity.Window w) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Lane l : SET_LANES) {
      LaneRates r = p.of(l);
      Map<String, Object> lm = new LinkedHashMap<>();
      lm.put("expected", r.expectedRate());
      lm.put("random", r.minimumRandomRate());
      lm.put("maxHitsWithoutSelection", r.maxHitsWithoutSelection());
      if (w != null) {
        lm.put("share", w.shares().get(l));
      }
      out.put(l.code(), lm);
    }
    return out;
  }
}
