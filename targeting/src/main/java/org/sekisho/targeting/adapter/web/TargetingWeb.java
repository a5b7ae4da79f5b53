package org.sekisho.targeting.adapter.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.core.audit.AuditEvent;
import org.sekisho.platform.auth.Access;
import org.sekisho.platform.auth.Principal;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.web.HttpProblem;
import org.sekisho.platform.web.Routes;
import org.sekisho.platform.web.Web;
import org.sekisho.platform.web.WebModule;
import org.sekisho.targeting.assessment.application.AssessRecords;
import org.sekisho.targeting.assessment.application.Replay;
import org.sekisho.targeting.assessment.application.StoredAssessment;
import org.sekisho.targeting.assessment.domain.Assessment;
import org.sekisho.targeting.assessment.domain.ConsignmentSelection;
import org.sekisho.targeting.assessment.domain.CriterionHit;
import org.sekisho.targeting.criteria.application.CriteriaCatalogue;
import org.sekisho.targeting.criteria.application.CriterionState;
import org.sekisho.targeting.criteria.application.DryRun;
import org.sekisho.targeting.criteria.application.ListStore;
import org.sekisho.targeting.criteria.application.ReferenceLists;
import org.sekisho.targeting.criteria.application.StoredCriterion;
import org.sekisho.targeting.criteria.domain.CriteriaProblem;
import org.sekisho.targeting.criteria.domain.DeclarationView;
import org.sekisho.targeting.criteria.domain.Field;
import org.sekisho.targeting.criteria.domain.ListText;
import org.sekisho.targeting.criteria.domain.ReferenceList;
import org.sekisho.targeting.selectivity.application.SelectivitySettings;
import org.sekisho.targeting.selectivity.domain.Lane;
import org.sekisho.targeting.selectivity.domain.LaneLabels;
import org.sekisho.targeting.worklist.application.WorkItem;
import org.sekisho.targeting.worklist.application.WorkStatus;
import org.sekisho.targeting.worklist.application.Worklist;
import org.sekisho.targeting.worklist.application.WorklistPage;

/**
 * Targeting pages and API: criteria editor with dry run, reference lists, {@code POST /api/assess},
 * the analysts' worklist (live), lane decisions with a mandatory comment, and the inspectors'
 * referrals with outcome recording. Every read of assessed records and every decision is audited.
 */
public final class TargetingWeb implements WebModule {
  /** Analysts write criteria and lists and work the worklist. */
  public static final Access ANALYSTS = Access.anyOf(Role.ANALYST);

  /**
   * How long a live page's identical polls (same reader, same filter, same number of items) are
   * audited as one read: the first is written at once, repeats within this window are counted into
   * the next entry.
   */
  static final java.time.Duration POLLED_READS = java.time.Duration.ofMinutes(5);

  /** Criteria and lists are read by analysts and administrators (who release criteria). */
  public static final Access CRITERIA_READ = Access.anyOf(Role.ANALYST, Role.ADMIN);

  public static final Access RELEASE = Access.anyOf(Role.ADMIN);
  public static final Access INSPECTORS = Access.anyOf(Role.INSPECTOR);
  public static final Access CASE_READ = Access.anyOf(Role.ANALYST, Role.INSPECTOR);
  public static final Access ASSESS = Access.anyOf(Role.ANALYST, Role.OFFICER, Role.ADMIN);

  /** Reads JSON numbers with a point or exponent as decimals: 1e400 stays 1e400, not Infinity. */
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final AssessRecords assess;
  private final CriteriaCatalogue criteria;
  private final ReferenceLists lists;
  private final Worklist worklist;
  private final SelectivitySettings selectivity;
  private final TemplateEngine templates =
      TemplateEngine.createPrecompiled(
          null,
          ContentType.Html,
          TargetingWeb.class.getClassLoader(),
          "org.sekisho.targeting.adapter.web.jte");

  public TargetingWeb(
      AssessRecords assess,
      CriteriaCatalogue criteria,
      ReferenceLists lists,
      Worklist worklist,
      SelectivitySettings selectivity) {
    this.assess = assess;
    this.criteria = criteria;
    this.lists = lists;
    this.worklist = worklist;
    this.selectivity = selectivity;
  }

  @Override
  public void routes(Routes r) {
    // the worklist page and its rows admit whom GET /api/targeting/worklist admits (README:
    // analysts; inspectors, their office): an inspector reads the same items there already
    r.get(
            "/targeting/worklist",
            CASE_READ,
            "ranked worklist of an office (live)",
            page(this::worklistPage))
        .get(
            "/targeting/worklist/rows", CASE_READ, "worklist rows (htmx)", page(this::worklistRows))
        // analysts too (README), sent on to their worklist of referred items, every office: it
        // lists what this page lists and more, so admitting them shows nothing new
        .get(
            "/targeting/referrals",
            CASE_READ,
            "referrals of my office (live)",
            page(this::referralsPage))
        .get(
            "/targeting/referrals/rows",
            INSPECTORS,
            "referral rows (htmx)",
            page(this::referralRows))
        .get("/targeting/assessments/{id}", CASE_READ, "one assessment", page(this::assessmentPage))
        .post(
            "/targeting/assessments/{id}/lane",
            ANALYSTS,
            "lane decision (form)",
            page(this::laneForm))
        .post(
            "/targeting/assessments/{id}/outcome",
            INSPECTORS,
            "record an inspection outcome (form)",
            page(this::outcomeForm))
        .get("/targeting/criteria", CRITERIA_READ, "criteria", page(this::criteriaPage))
        .get("/targeting/criteria/edit", ANALYSTS, "criterion editor", page(this::editorPage))
        .get(
            "/targeting/criteria/{id}/versions/{version}",
            CRITERIA_READ,
            "one criterion version, read-only, with its history (administrators review it before"
                + " releasing)",
            page(this::versionPage))
        .post(
            "/targeting/criteria/{id}/versions/{version}/dry-run",
            CRITERIA_READ,
            "dry run of a saved criterion version over its offices (form)",
            page(this::versionDryRunForm))
        .post("/targeting/criteria/save", ANALYSTS, "save a criterion (form)", page(this::saveForm))
        .post("/targeting/criteria/dry-run", ANALYSTS, "dry run (form)", page(this::dryRunForm))
        .post(
            "/targeting/criteria/{id}/release",
            RELEASE,
            "release a criterion version (form)",
            page(this::releaseForm))
        .post(
            "/targeting/criteria/{id}/disable",
            CRITERIA_READ,
            "disable a criterion (form)",
            page(this::disableForm))
        .get("/targeting/lists", CRITERIA_READ, "reference lists", page(this::listsPage))
        .post("/targeting/lists", ANALYSTS, "create a list (form)", page(this::createListForm))
        .get("/targeting/lists/{name}", CRITERIA_READ, "one list", page(this::listPage))
        .post(
            "/targeting/lists/{name}/import", ANALYSTS, "import CSV (form)", page(this::importForm))
        .post(
            "/targeting/lists/{name}/remove",
            ANALYSTS,
            "remove an entry (form)",
            page(this::removeForm))
        .post(
            "/api/assess",
            ASSESS,
            "assess a declaration (JSON of docs/formats/intel-records.md, refused where ingest would"
                + " refuse it; ?kind=declaration|postal-item|transport-document)",
            api(this::assessApi))
        .query("kind")
        .get(
            "/api/targeting/assessments/{id}",
            CASE_READ,
            "one assessment",
            api(this::assessmentApi))
        .query()
        .get(
            "/api/targeting/assessments/{id}/replay",
            CASE_READ,
            "recompute an assessment with the versions it used",
            api(this::replayApi))
        .query()
        .get(
            "/api/targeting/worklist",
            CASE_READ,
            "assessments of an office by status (?office=<office code; empty: every office>"
                + "&status=open|referred|released|closed"
                + "|superseded&kind=declaration|postal-item|transport-document&limit=1..1000"
                + "&after=id); a full page answers a Link header (rel=next) to the page after it",
            api(this::worklistApi))
        .query("office", "status", "kind", "limit", "after")
        .post(
            "/api/targeting/assessments/{id}/lane",
            ANALYSTS,
            "confirm, lower or raise a lane {lane, comment, expectedVersion, expectedLane?}: 428"
                + " when expectedVersion (the item's version as read) is missing, 409 when the"
                + " item's lane or version is no longer the one expected",
            api(this::laneApi))
        .query()
        .post(
            "/api/targeting/assessments/{id}/outcome",
            INSPECTORS,
            "record an inspection outcome {result, revenue, seizure, note}; an infraction needs a"
                + " note",
            api(this::outcomeApi))
        .query()
        .post(
            "/api/targeting/assessments/{id}/outcome/correction",
            INSPECTORS,
            "correct a recorded outcome {result, revenue, seizure, note, comment,"
                + " expectedVersion}: the outcome before is kept; 428 without expectedVersion (the"
                + " outcome's version), 409 when it was corrected since",
            api(this::correctionApi))
        .query()
        .get(
            "/api/targeting/criteria",
            CRITERIA_READ,
            "latest criterion versions",
            api(this::criteriaApi))
        .query()
        .post(
            "/api/targeting/criteria",
            ANALYSTS,
            "save a criterion version {id?, source, offices, effectiveFrom, effectiveTo}",
            api(this::saveApi))
        .query()
        .post(
            "/api/targeting/criteria/check",
            ANALYSTS,
            "check a criterion text {source}",
            api(this::checkApi))
        .query()
        .post(
            "/api/targeting/criteria/dry-run",
            ANALYSTS,
            "what a criterion would have selected {source, days (a whole number 1..366, 30 when"
                + " left out), offices}",
            api(this::dryRunApi))
        .query()
        .post(
            "/api/targeting/criteria/{id}/versions/{version}/release",
            RELEASE,
            "release a criterion version",
            api(this::releaseApi))
        .query()
        .post(
            "/api/targeting/criteria/{id}/disable",
            CRITERIA_READ,
            "disable a criterion {reason} (who, when and why are kept)",
            api(this::disableApi))
        .query()
        .get("/api/targeting/lists", CRITERIA_READ, "reference lists", api(this::listsApi))
        .query()
        .post(
            "/api/targeting/lists",
            ANALYSTS,
            "create a list {name, kind, description}",
            api(this::createListApi))
        .query()
        .get(
            "/api/targeting/lists/{name}",
            CRITERIA_READ,
            "one list with a page of its entries (?q=&offset=&limit=, at most 10000; total, next)",
            api(this::listApi))
        .query("q", "offset", "limit")
        .post(
            "/api/targeting/lists/{name}/entries",
            ANALYSTS,
            "import entries (CSV body: value,note; ?mode=add, the default, or replace: the list's"
                + " entries become the file's in one new version, refused as a whole if a row is;"
                + " UTF-8, a byte order mark allowed, unless the Content-Type names another"
                + " charset, e.g. text/csv; charset=Shift_JIS for Excel's CSV in Japan: bytes"
                + " that are not text in it refuse the file, naming the line and byte offset)",
            // checked row by row: a row holding a NUL is refused with its line, the others kept
            Routes.Body.ROWS,
            api(this::importApi))
        .query("mode")
        .delete(
            "/api/targeting/lists/{name}/entries/{value}",
            ANALYSTS,
            "remove an entry, saying why (reason, "
                + MIN_REMOVAL_REASON
                + " to 500 characters); 404 when the list does not hold it",
            api(this::removeApi))
        .query("reason");
  }

  // ---- pages

  /**
   * A page's handler whose refusals (an assessment of another office, a list not found) the error
   * page says in the reader's language; the API's answer the same refusals in English.
   */
  private static io.javalin.http.Handler page(io.javalin.http.Handler h) {
    return ctx -> {
      try {
        h.handle(ctx);
      } catch (HttpProblem e) {
        throw pageProblem(ctx, e);
      }
    };
  }

  /**
   * An API handler whose refusals follow the reader's language ({@code ?lang=}, cookie,
   * Accept-Language) where the refusal names a wording {@link PageProblems} knows: an English
   * reader gets the use case's words byte for byte; code and field never change. Targeting's other
   * web modules (selectivity, models) route their API through it too.
   */
  static io.javalin.http.Handler api(io.javalin.http.Handler h) {
    return ctx -> {
      try {
        h.handle(ctx);
      } catch (HttpProblem e) {
        throw english(ctx) ? e : pageProblem(ctx, e);
      }
    };
  }

  /** Whether the reader reads English, whose refusals are the use cases' own words. */
  private static boolean english(Context ctx) {
    return Web.messages(ctx).english();
  }

  /** A refusal's message for the API's reader: worded in their language, English unchanged. */
  static String apiMessage(Context ctx, Problem p) {
    return english(ctx)
        ? p.message()
        : PageProblems.message(Web.messages(ctx), p).orElse(p.message());
  }

  private String render(String template, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    templates.render(template, params, out);
    return out.toString();
  }

  /**
   * {@code ?office=}: empty for every office. By default an analyst works every office (targeting
   * is national: the demo's analysts sit in the national targeting centre, whose code is no office
   * of lodgement) and an inspector their own.
   */
  /**
   * The lane names a page shows: the administration's when it configured its own (such as Japan's
   * 区分), otherwise ASYCUDA's colours in the reader's language.
   */
  private LaneLabels labels(Context ctx) {
    return SelectivityWeb.labels(selectivity.config().labels(), Web.messages(ctx));
  }

  /** How a list hit is worded ({@code ConditionCompiler}): list, version, field and value. */
  private static final java.util.regex.Pattern LIST_HIT =
      java.util.regex.Pattern.compile("list \"([a-z0-9-]+)\" v(\\d+): (.+)");

  private static final java.util.regex.Pattern CONSIGNMENT_REASON =
      java.util.regex.Pattern.compile(
          "consignment (.+) was selected (red|yellow|blue|green) before arrival \\(assessment (\\d+)\\)");

  private static final java.util.regex.Pattern CONSIGNMENT_LATER =
      java.util.regex.Pattern.compile(
          "its consignment (.+) was selected (red|yellow|blue|green) after this declaration was"
              + " assessed \\(assessment (\\d+)\\)");

  private static final java.util.regex.Pattern CONSIGNMENT_LOWERED =
      java.util.regex.Pattern.compile(
          "its consignment (.+) was lowered to (red|yellow|blue|green) \\(assessment (\\d+)\\)");

  private static final java.util.regex.Pattern CONSIGNMENT_NOTHING_FOUND =
      java.util.regex.Pattern.compile(
          "its consignment (.+) was examined and nothing was found \\(assessment (\\d+)\\)");

  /** A lane change's comment as a page shows it: the system's own in the reader's language. */
  private java.util.function.Function<WorkItem.LaneChange, String> comments(Context ctx) {
    var t = Web.messages(ctx);
    LaneLabels names = labels(ctx);
    return c -> {
      if (!c.by().equals(ConsignmentSelection.DECIDED_BY)) {
        return c.comment();
      }
      return consignment(t, names, c.comment()).orElse(c.comment());
    };
  }

  /**
   * A consignment's lane carried to one of its declarations, as {@link ConsignmentSelection} words
   * it in a reason or a lane change's comment (selected before arrival or after the declaration was
   * assessed, lowered, examined with nothing found), in the reader's language; empty for any other
   * text.
   */
  private static Optional<String> consignment(
      org.sekisho.platform.i18n.Messages t, LaneLabels names, String text) {
    var before = CONSIGNMENT_REASON.matcher(text);
    if (before.matches()) {
      return Optional.of(
          t.get(
              "targeting.reason.consignment",
              before.group(1),
              lane(names, before.group(2)),
              before.group(3)));
    }
    var later = CONSIGNMENT_LATER.matcher(text);
    if (later.matches()) {
      return Optional.of(
          t.get(
              "targeting.reason.consignment-later",
              later.group(1),
              lane(names, later.group(2)),
              later.group(3)));
    }
    var lowered = CONSIGNMENT_LOWERED.matcher(text);
    if (lowered.matches()) {
      // a consignment lowered since it was carried over (Assessment#standing)
      return Optional.of(
          t.get(
              "targeting.reason.consignment-lowered",
              lowered.group(1),
              lane(names, lowered.group(2)),
              lowered.group(3)));
    }
    var cleared = CONSIGNMENT_NOTHING_FOUND.matcher(text);
    if (cleared.matches()) {
      return Optional.of(
          t.get("targeting.reason.consignment-nothing-found", cleared.group(1), cleared.group(2)));
    }
    return Optional.empty();
  }

  /** A lane's code as the patterns above capture it, named as the page names lanes. */
  private static String lane(LaneLabels names, String code) {
    return names.of(Lane.ofCode(code).orElseThrow());
  }

  /**
   * An item's reasons as a page shows them: what the system says (random selection, top-up, a
   * consignment's lane) in the reader's language; what analysts wrote, and the model's factors, as
   * written.
   */
  /**
   * What a list hit matched, in the reader's language: {@code importer JP123} is the field's name
   * (輸入者 in Japanese) and the value as matched; the field named as the party it reads is called on
   * a record of {@code kind} (a transport document's importer is its consignee, a postal item's its
   * addressee).
   */
  private static String listHit(org.sekisho.platform.i18n.Messages t, String hit, String kind) {
    int space = hit.indexOf(' ');
    if (space < 0) {
      return hit;
    }
    String field = hit.substring(0, space);
    String own = "targeting.criteria-field." + kind + "." + field;
    String name = t.get(own);
    if (name.equals(own)) {
      String key = "targeting.criteria-field." + field;
      name = t.get(key);
      name = name.equals(key) ? field : name;
    }
    return name + " " + hit.substring(space + 1);
  }

  /**
   * What a dry run's example matched, in the reader's language: a list hit as an assessment's
   * reasons say it ({@code list "x" v2: importer JP123}); a condition's evidence as written.
   */
  private static java.util.function.Function<DryRun.Example, String> evidence(
      org.sekisho.platform.i18n.Messages t) {
    return e -> {
      List<String> out = new ArrayList<>(e.evidence().size());
      String kind = DeclarationView.kindOf(e.recordKey());
      for (String ev : e.evidence()) {
        var l = LIST_HIT.matcher(ev);
        out.add(
            l.matches()
                ? t.get(
                    "targeting.reason.list", l.group(1), l.group(2), listHit(t, l.group(3), kind))
                : ev);
      }
      return String.join("; ", out);
    };
  }

  /** A list's version as an assessment keeps it: the list's name and its version run together. */
  private static final java.util.regex.Pattern LIST_VERSION =
      java.util.regex.Pattern.compile("(.+)v(\\d+)");

  /**
   * The versions an assessment used, in the reader's language; each list's version written apart
   * from its name as its reasons write it (high-risk-origins v2, 第2版), not run into it.
   */
  private static String versions(org.sekisho.platform.i18n.Messages t, WorkItem.Versions v) {
    String none = t.get("targeting.versions.none");
    List<String> lists = new ArrayList<>();
    for (String l : v.lists().split(",")) {
      var m = LIST_VERSION.matcher(l);
      lists.add(m.matches() ? t.get("targeting.versions.list", m.group(1), m.group(2)) : l);
    }
    return t.get(
        "targeting.versions.line",
        v.criteria().isEmpty() ? none : v.criteria(),
        v.lists().isEmpty() ? none : String.join(", ", lists),
        v.model().isEmpty() ? none : v.model());
  }

  /**
   * The intelligence database's page of a record ({@code /records/declaration/D1}), which checks
   * the reader's agency; a dry run's examples link there, as an assessment's page does.
   */
  public static String recordHref(String recordKey) {
    return "/records/"
        + DeclarationView.kindOf(recordKey)
        + "/"
        + java.net.URLEncoder.encode(
                DeclarationView.sourceIdOf(recordKey), java.nio.charset.StandardCharsets.UTF_8)
            .replace("+", "%20");
  }

  /** A record's name as a title: its kind in the reader's language and its id (申告 D1). */
  public static String title(org.sekisho.platform.i18n.Messages t, String recordKey) {
    return t.get(
        "targeting.record-title",
        t.get("targeting.record-kind." + DeclarationView.kindOf(recordKey)),
        DeclarationView.sourceIdOf(recordKey));
  }

  private java.util.function.Function<WorkItem, List<String>> reasons(Context ctx) {
    return reasons(ctx, false);
  }

  /**
   * @param notes whether a list hit says the note of the entry behind it (which seizure named the
   *     trader): for one item's page read by someone who may read the lists (an inspector may not),
   *     never for the polled worklist rows (a look-up per hit)
   */
  private java.util.function.Function<WorkItem, List<String>> reasons(Context ctx, boolean notes) {
    var t = Web.messages(ctx);
    LaneLabels names = labels(ctx);
    return w -> {
      List<String> out = new ArrayList<>(w.reasons().size() + 1);
      // why its consignment holds it, with the consignment's own reasons, before its own
      w.heldBy().ifPresent(by -> out.add(heldBy(t, names, by)));
      String kind = DeclarationView.kindOf(w.recordKey());
      for (String r : w.reasons()) {
        out.add(reason(t, names, kind, r, notes));
      }
      return out;
    };
  }

  /** Why a consignment holds an item ({@link WorkItem.HeldBy}), in the reader's language. */
  private String heldBy(
      org.sekisho.platform.i18n.Messages t, LaneLabels names, WorkItem.HeldBy by) {
    List<String> why = new ArrayList<>();
    String kind = DeclarationView.kindOf(by.recordKey());
    for (String r : by.reasons()) {
      why.add(reason(t, names, kind, r, false));
    }
    by.decision()
        .ifPresent(
            d -> why.add(t.get("targeting.reason.decided", names.of(d.to()), d.by(), d.comment())));
    String id = DeclarationView.sourceIdOf(by.recordKey());
    return why.isEmpty()
        ? t.get("targeting.reason.held-by", names.of(by.lane()), id, by.assessmentId())
        : t.get(
            "targeting.reason.held-by-why",
            names.of(by.lane()),
            id,
            by.assessmentId(),
            String.join(t.get("targeting.reason.separator"), why));
  }

  /**
   * One reason of a record of {@code kind} as a page shows it (see {@link #reasons(Context,
   * boolean)}).
   */
  private String reason(
      org.sekisho.platform.i18n.Messages t,
      LaneLabels names,
      String kind,
      String r,
      boolean notes) {
    var l = LIST_HIT.matcher(r);
    if (r.equals(Assessment.RANDOM_REASON)) {
      return t.get("targeting.reason.random");
    } else if (r.equals(Assessment.TOP_UP_REASON)) {
      return t.get("targeting.reason.top-up");
    } else if (r.equals(Assessment.FORCED_REASON)) {
      return t.get("targeting.reason.forced");
    } else if (l.matches()) {
      Optional<String> note = notes ? hitNote(l) : Optional.empty();
      return note.isPresent()
          ? t.get(
              "targeting.reason.list-note",
              l.group(1),
              l.group(2),
              listHit(t, l.group(3), kind),
              note.get())
          : t.get("targeting.reason.list", l.group(1), l.group(2), listHit(t, l.group(3), kind));
    }
    return consignment(t, names, r).orElse(r);
  }

  /**
   * The note of the entry behind a list hit ({@link #LIST_HIT} matched: list, version, {@code field
   * value}), such as the seizure that named a trader; empty when it has none.
   */
  private Optional<String> hitNote(java.util.regex.Matcher hit) {
    String fieldAndValue = hit.group(3);
    int space = fieldAndValue.indexOf(' ');
    if (space < 0 || hit.group(2).length() > 9) {
      return Optional.empty();
    }
    return lists.hitNote(
        hit.group(1), Integer.parseInt(hit.group(2)), fieldAndValue.substring(space + 1));
  }

  /**
   * The list hits of an item with the notes of their entries, for the API (see {@link #hitNote}).
   */
  private List<Map<String, Object>> listHits(WorkItem w) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String r : w.reasons()) {
      var l = LIST_HIT.matcher(r);
      if (!l.matches()) {
        continue;
      }
      String fieldAndValue = l.group(3);
      int space = fieldAndValue.indexOf(' ');
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("list", l.group(1));
      m.put("version", Integer.parseInt(l.group(2)));
      m.put("field", space < 0 ? "" : fieldAndValue.substring(0, space));
      m.put("value", space < 0 ? fieldAndValue : fieldAndValue.substring(space + 1));
      m.put("note", hitNote(l).orElse(""));
      out.add(m);
    }
    return out;
  }

  private static String office(Context ctx, Principal p) {
    String o = ctx.queryParam("office");
    if (o == null) {
      return p.has(Role.ANALYST) ? "" : p.office().toUpperCase(Locale.ROOT);
    }
    String office = o.strip().toUpperCase(Locale.ROOT);
    if (!office.isEmpty() && !CriteriaCatalogue.isOfficeCode(office)) {
      // the same test as a record's office at /api/assess and a dry run's offices: a typo would
      // otherwise show an empty worklist as if the office had nothing open
      throw new HttpProblem(
          Problem.of(
                  "invalid-parameter",
                  "office",
                  "'"
                      + cut(office)
                      + "' is no office code: expected a UN/LOCODE with an optional unit, like"
                      + " JPYOK or JPNRT-MAIL, or an office number (leave it empty for every"
                      + " office)")
              .worded("worklist-office", cut(office)));
    }
    return office;
  }

  /** {@code ?status=}, open by default (also when left empty), in any case. */
  private static WorkStatus status(Context ctx) {
    String given = Optional.ofNullable(ctx.queryParam("status")).orElse("").strip();
    String code = given.isEmpty() ? "open" : given.toLowerCase(Locale.ROOT);
    return Arrays.stream(WorkStatus.values())
        .filter(s -> s.code().equals(code))
        .findFirst()
        .orElseThrow(
            () ->
                new HttpProblem(
                    Problem.of(
                            "invalid-parameter",
                            "status",
                            "expected open, referred, released, closed or superseded")
                        .worded("worklist-status")));
  }

  /**
   * {@code ?kind=}, the record kind a worklist is kept to (the pre-arrival team works
   * consignments): empty for every kind, else one of {@link DeclarationView#RECORD_KINDS}.
   */
  private static String kind(Context ctx) {
    String k = Optional.ofNullable(ctx.queryParam("kind")).orElse("").strip();
    if (!k.isEmpty() && !DeclarationView.RECORD_KINDS.contains(k)) {
      throw new HttpProblem(
          Problem.of(
                  "invalid-parameter",
                  "kind",
                  "expected declaration, postal-item or transport-document, got '" + k + "'")
              .worded("worklist-kind", k));
    }
    return k;
  }

  /** How many items a worklist or referrals page shows; the page links to the next one. */
  public static final int PAGE = 200;

  /**
   * Where a worklist page stands in everything that matches its filter: items {@code from} to
   * {@code from + shown - 1} of {@code total}, with the page after it ({@code next}, empty on the
   * last page) and the first page ({@code first}, empty on the first page itself).
   *
   * @param total every item matching the filter
   * @param from the position of the page's first item (1-based; 0 when the page is empty)
   * @param shown how many items this page shows
   * @param next the page after this one, or empty
   * @param first the first page, or empty when this is it
   */
  public record Paging(int total, int from, int shown, String next, String first) {
    /** The position of the page's last item. */
    public int to() {
      return from + shown - 1;
    }
  }

  /** A worklist filter as the page and its rows take it in their query. */
  private static String filter(String office, String kind, WorkStatus status) {
    return "office=" + enc(office) + "&kind=" + enc(kind) + "&status=" + status.code();
  }

  /** {@code ?after=}, the last item of the page before (empty: the first page). */
  private static java.util.OptionalLong after(Context ctx) {
    String a = Optional.ofNullable(ctx.queryParam("after")).orElse("").strip();
    return a.isEmpty()
        ? java.util.OptionalLong.empty()
        : java.util.OptionalLong.of(positive(a, "after"));
  }

  /**
   * One page of a filtered worklist and where it stands: how many items match and how many come
   * before the page, read with it in one statement (the rows are polled every 2 s), so an analyst
   * sees "201–400 of 497" and pages on.
   *
   * @param pageUrl the page's own address with its filter, ending where {@code after=} may follow
   */
  private Paging paging(WorklistPage page, java.util.OptionalLong after, String pageUrl) {
    List<WorkItem> items = page.items();
    int from = items.isEmpty() ? 0 : page.before() + 1;
    return new Paging(
        page.total(),
        from,
        items.size(),
        page.more() && !items.isEmpty()
            ? pageUrl + "after=" + items.get(items.size() - 1).id()
            : "",
        after.isEmpty() ? "" : pageUrl.substring(0, pageUrl.length() - 1));
  }

  /** Whether {@code p} reads items of {@code office}: an analyst every office, others their own. */
  private static boolean readsOffice(Principal p, String office) {
    return p.has(Role.ANALYST) || office.equalsIgnoreCase(p.office());
  }

  /**
   * {@link #office}, refused with 403 when an inspector names an office other than their own: an
   * analyst works every office, an inspector theirs.
   */
  private static String readableOffice(Context ctx, Principal p) {
    String office = office(ctx, p);
    if (!readsOffice(p, office)) {
      throw new HttpProblem(
          Problem.of("forbidden", "office", "inspectors see their own office only")
              .worded("inspector-office"));
    }
    return office;
  }

  /**
   * One field of the worklist page's filter, read by {@code read}; a value it refuses as malformed
   * ({@code invalid-parameter}) is put into {@code problems} by field, in the reader's language,
   * and {@code fallback} stands in for it. Other refusals (another office's items) are thrown.
   */
  private static <T> T filterField(
      Context ctx, Map<String, String> problems, java.util.function.Supplier<T> read, T fallback) {
    try {
      return read.get();
    } catch (HttpProblem e) {
      Problem p = e.problem();
      if (!p.code().equals("invalid-parameter")) {
        throw e;
      }
      problems.put(p.field(), PageProblems.message(Web.messages(ctx), p).orElse(p.message()));
      return fallback;
    }
  }

  private void worklistPage(Context ctx) {
    Principal p = Web.principal(ctx);
    // a malformed filter is said beside its field, the filter as typed (README: targeting pages
    // show refusals in the reader's language); nothing is listed until it is corrected
    Map<String, String> problems = new LinkedHashMap<>();
    String office = filterField(ctx, problems, () -> readableOffice(ctx, p), "");
    String kind = filterField(ctx, problems, () -> kind(ctx), "");
    WorkStatus status = filterField(ctx, problems, () -> status(ctx), WorkStatus.OPEN);
    java.util.OptionalLong after =
        filterField(ctx, problems, () -> after(ctx), java.util.OptionalLong.empty());
    Map<String, Object> m = new HashMap<>();
    m.put("problems", problems);
    if (!problems.isEmpty()) {
      ctx.status(400);
      m.put(
          "office",
          problems.containsKey("office")
              ? Optional.ofNullable(ctx.queryParam("office")).orElse("")
              : office);
    } else {
      m.put("office", office);
    }
    m.put("kind", kind);
    m.put("kinds", DeclarationView.RECORD_KINDS);
    m.put("status", status.code());
    m.put("statuses", Arrays.stream(WorkStatus.values()).map(WorkStatus::code).toList());
    m.put(
        "rowsUrl",
        problems.isEmpty()
            ? "/targeting/worklist/rows?"
                + filter(office, kind, status)
                + (after.isPresent() ? "&after=" + after.getAsLong() : "")
            : "");
    m.put("heading", Web.messages(ctx).get("targeting.worklist"));
    m.put("t", Web.messages(ctx));
    // the office's recent shares against its expected rates: held in memory, cheap to show
    // the selectivity figures are the analysts' and administrators' (/targeting/selectivity)
    m.put(
        "selectivity",
        office.isEmpty() || !p.has(Role.ANALYST) || !problems.isEmpty()
            ? null
            : SelectivityWeb.officeView(
                selectivity, kind.equals("transport-document") ? office + "/" + kind : office));
    m.put("labels", labels(ctx));
    m.put("selectivityLink", p.has(Role.ANALYST));
    Web.page(ctx, Web.messages(ctx).get("targeting.worklist"), render("worklist.jte", m));
  }

  private void worklistRows(Context ctx) {
    String office = readableOffice(ctx, Web.principal(ctx));
    WorkStatus status = status(ctx);
    String kind = kind(ctx);
    java.util.OptionalLong after = after(ctx);
    WorklistPage page = worklist.page(office, status, kind, after, PAGE);
    List<WorkItem> items = page.items();
    Paging paging =
        paging(page, after, "/targeting/worklist?" + filter(office, kind, status) + "&");
    // the page polls every 2 s: the same view of the same items is audited once per window
    Web.auditOnce(
        ctx,
        "targeting.worklist.read",
        "office:" + office,
        Map.of(
            "status",
            status.code(),
            "kind",
            kind,
            "after",
            after.isPresent() ? Long.toString(after.getAsLong()) : "",
            "items",
            Integer.toString(items.size()),
            "total",
            Integer.toString(paging.total())),
        POLLED_READS);
    ctx.html(rows(ctx, items, paging));
  }

  private String rows(Context ctx, List<WorkItem> items, Paging paging) {
    Map<String, Object> m = new HashMap<>();
    m.put("items", items);
    m.put("paging", paging);
    m.put("reasons", reasons(ctx));
    m.put("labels", labels(ctx));
    m.put("t", Web.messages(ctx));
    // each record named as its assessment page names it (Declaration D-1, 申告 D-1)
    java.util.function.Function<String, String> named = k -> title(Web.messages(ctx), k);
    m.put("named", named);
    return render("rows.jte", m);
  }

  private void referralsPage(Context ctx) {
    Principal p = Web.principal(ctx);
    if (!p.has(Role.INSPECTOR)) {
      // an analyst's referrals are the worklist's referred items, every office
      ctx.redirect("/targeting/worklist?status=referred", HttpStatus.SEE_OTHER);
      return;
    }
    java.util.OptionalLong after = after(ctx);
    Map<String, Object> m = new HashMap<>();
    m.put("office", p.office());
    // an inspector's referrals are all kinds at once
    m.put("kind", "");
    m.put("kinds", List.of());
    m.put("status", "");
    m.put("statuses", List.of());
    m.put(
        "rowsUrl",
        "/targeting/referrals/rows" + (after.isPresent() ? "?after=" + after.getAsLong() : ""));
    m.put("heading", Web.messages(ctx).get("targeting.referrals", p.office()));
    m.put("t", Web.messages(ctx));
    m.put("selectivity", null);
    m.put("labels", labels(ctx));
    Web.page(
        ctx, Web.messages(ctx).get("targeting.referrals", p.office()), render("worklist.jte", m));
  }

  private void referralRows(Context ctx) {
    Principal p = Web.principal(ctx);
    java.util.OptionalLong after = after(ctx);
    WorklistPage page =
        p.office().isEmpty()
            ? new WorklistPage(List.of(), 0, 0)
            // goods waiting at the border: a blue item's control is a post-clearance audit
            : worklist.inspections(p.office(), after, PAGE);
    List<WorkItem> items = page.items();
    Paging paging =
        p.office().isEmpty()
            ? new Paging(0, 0, 0, "", "")
            : paging(page, after, "/targeting/referrals?");
    Web.auditOnce(
        ctx,
        "targeting.referrals.read",
        "office:" + p.office(),
        Map.of(
            "after",
            after.isPresent() ? Long.toString(after.getAsLong()) : "",
            "items",
            Integer.toString(items.size()),
            "total",
            Integer.toString(paging.total())),
        POLLED_READS);
    ctx.html(rows(ctx, items, paging));
  }

  private WorkItem readItem(Context ctx) {
    long id = longParam(ctx, "id");
    WorkItem w =
        worklist.item(id).orElseThrow(() -> notFound("assessment " + id, "no-assessment", id));
    Principal p = Web.principal(ctx);
    if (!readsOffice(p, w.office())) {
      Web.audit(ctx, "targeting.assessment.read.denied", "assessment:" + id, Map.of());
      throw new HttpProblem(
          Problem.of("forbidden", "", "assessment " + id + " belongs to another office")
              .worded("other-office-item", id));
    }
    Web.audit(
        ctx, "targeting.assessment.read", "assessment:" + id, Map.of("record", w.recordKey()));
    return w;
  }

  /**
   * The earlier assessments of an item's record that the reader may read (an inspector those of
   * their office), each read audited as such: shown with the item as its history, their lane
   * decisions and outcome theirs, not the item's.
   */
  private List<WorkItem> earlier(Context ctx, WorkItem w) {
    Principal p = Web.principal(ctx);
    List<WorkItem> out = new ArrayList<>();
    for (WorkItem e : worklist.earlier(w)) {
      if (readsOffice(p, e.office())) {
        Web.audit(
            ctx,
            "targeting.assessment.read",
            "assessment:" + e.id(),
            Map.of("record", e.recordKey(), "shownWith", "assessment:" + w.id()));
        out.add(e);
      }
    }
    return out;
  }

  private void assessmentPage(Context ctx) {
    showItem(ctx, readItem(ctx), "", Map.of());
  }

  /**
   * @param typed the form fields as submitted, shown again after a refusal (lane, comment, result,
   *     revenue, seizure, note)
   */
  private void showItem(Context ctx, WorkItem w, String error, Map<String, String> typed) {
    Principal p = Web.principal(ctx);
    Map<String, Object> m = new HashMap<>();
    m.put("w", w);
    m.put("labels", labels(ctx));
    // a superseded assessment is no longer in force: the one that replaced it is decided on
    m.put(
        "mayDecide",
        p.has(Role.ANALYST)
            && w.status() != WorkStatus.CLOSED
            && w.status() != WorkStatus.SUPERSEDED);
    m.put(
        "mayRecord",
        p.has(Role.INSPECTOR)
            && w.status() == WorkStatus.REFERRED
            && w.office().equalsIgnoreCase(p.office()));
    m.put("error", error);
    m.put("typed", typed);
    // the entry notes of list hits are the lists' (analysts and administrators read them)
    m.put("reasons", reasons(ctx, CRITERIA_READ.admits(p)));
    m.put("comments", comments(ctx));
    m.put("csrf", Web.csrf(ctx));
    m.put("t", Web.messages(ctx));
    String kind = DeclarationView.kindOf(w.recordKey());
    String sourceId = DeclarationView.sourceIdOf(w.recordKey());
    // the intelligence database's page of the same record (it checks the reader's agency); none
    // for a record sent to /api/assess alone, which that database never stored
    m.put(
        "recordHref",
        w.assessedAlone()
            ? ""
            : "/records/"
                + kind
                + "/"
                + java.net.URLEncoder.encode(sourceId, java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20"));
    Optional<StoredAssessment> stored = assess.stored(w.id());
    RecordSummary summary =
        stored
            .map(s -> RecordSummary.of(kind, s.json()))
            .orElse(new RecordSummary(List.of(), List.of(), List.of()));
    m.put("summary", summary);
    // said in so many words: an empty list could be read as not yet assessed
    m.put("criteriaMatched", stored.map(s -> !s.assessment().hits().isEmpty()).orElse(true));
    // a declaration's consignment may have been assessed before arrival: its lane informs this one
    m.put(
        "consignment",
        kind.equals("declaration")
            ? summary.fact("transportDocument").flatMap(worklist::consignment)
            : Optional.<WorkItem>empty());
    // and a consignment's page lists the declarations of its goods, which follow its lane
    m.put(
        "declarations",
        kind.equals("transport-document")
            ? worklist.declarationsOf(sourceId, 100).stream()
                // an inspector sees the items of their own office only
                .filter(d -> readsOffice(p, d.office()))
                .toList()
            : List.<WorkItem>of());
    m.put("earlier", earlier(ctx, w));
    m.put("title", title(Web.messages(ctx), w.recordKey()));
    // linked records (a consignment, its declarations) named as the title names this one
    java.util.function.Function<String, String> named = k -> title(Web.messages(ctx), k);
    m.put("named", named);
    m.put("versionsLine", versions(Web.messages(ctx), w.versions()));
    Web.page(ctx, title(Web.messages(ctx), w.recordKey()), render("assessment.jte", m));
  }

  private void laneForm(Context ctx) {
    WorkItem w = readItem(ctx);
    Worklist.Shown shown;
    try {
      shown = shown(form(ctx, "expectedLane"), form(ctx, "expectedVersion"));
    } catch (HttpProblem e) {
      shown = Worklist.Shown.UNCHECKED;
    }
    if (shown.version().isEmpty()) {
      // the page always sends the version it showed; a form without one is not applied blindly
      ctx.status(428);
      showItem(
          ctx,
          w,
          Web.messages(ctx).get("targeting.decide.version-required"),
          Map.of("lane", form(ctx, "lane"), "comment", form(ctx, "comment")));
      return;
    }
    Outcome<WorkItem> o = decide(ctx, w, form(ctx, "lane"), form(ctx, "comment"), shown);
    switch (o) {
      case Outcome.Accepted<WorkItem> a ->
          ctx.redirect("/targeting/assessments/" + w.id(), HttpStatus.SEE_OTHER);
      case Outcome.Rejected<WorkItem> r when changedMeanwhile(r) -> {
        // someone decided since the page was opened: show the item as it is now, with the
        // decision as typed, for the analyst to reconsider (submitting again applies it)
        ctx.status(409);
        WorkItem now = worklist.item(w.id()).orElse(w);
        var t = Web.messages(ctx);
        String lane = labels(ctx).of(now.finalLane());
        String message;
        if (shown.version().getAsInt() > now.version()) {
          // a version the item never had: nobody changed it, the form is not this page's
          message =
              t.get(
                  "targeting.decide.no-such-version",
                  shown.version().getAsInt(),
                  now.version(),
                  lane);
        } else if (now.changes().isEmpty()) {
          message = t.get("targeting.decide.not-as-shown", lane, now.version());
        } else {
          message =
              t.get(
                  "targeting.decide.changed",
                  lane,
                  now.changes().get(now.changes().size() - 1).by());
        }
        showItem(
            ctx, now, message, Map.of("lane", form(ctx, "lane"), "comment", form(ctx, "comment")));
      }
      case Outcome.Rejected<WorkItem> r -> {
        ctx.status(400);
        // what was typed comes back with the reason, for correcting
        showItem(
            ctx,
            w,
            PageProblems.text(Web.messages(ctx), r.problems()),
            Map.of("lane", form(ctx, "lane"), "comment", form(ctx, "comment")));
      }
    }
  }

  /** A refusal because the item is no longer what the decider was shown. */
  private static boolean changedMeanwhile(Outcome.Rejected<WorkItem> r) {
    return r.problems().get(0).code().equals("conflict")
        && (r.problems().get(0).field().equals("expectedVersion")
            || r.problems().get(0).field().equals("expectedLane"));
  }

  /**
   * What a decision was taken on: the lane ({@code expectedLane}) and version ({@code
   * expectedVersion}) the decider was shown, each optional.
   */
  private static Worklist.Shown shown(String lane, String version) {
    Optional<Lane> l = Optional.empty();
    if (!lane.isBlank()) {
      l = Lane.ofCode(lane.strip().toLowerCase(Locale.ROOT));
      if (l.isEmpty()) {
        throw HttpProblem.of(
            "invalid-field", "expectedLane", "expected red, yellow, blue or green");
      }
    }
    java.util.OptionalInt v = java.util.OptionalInt.empty();
    if (!version.isBlank()) {
      long n = parseLong(version, "expectedVersion");
      if (n < 0 || n > Integer.MAX_VALUE) {
        throw HttpProblem.of(
            "invalid-field", "expectedVersion", "expected a whole number of 0 or more");
      }
      v = java.util.OptionalInt.of((int) n);
    }
    return new Worklist.Shown(l, v);
  }

  private Outcome<WorkItem> decide(
      Context ctx, WorkItem w, String lane, String comment, Worklist.Shown shown) {
    Principal p = Web.principal(ctx);
    Outcome<WorkItem> o = worklist.decide(w.id(), lane, comment, p.username(), shown);
    if (o instanceof Outcome.Rejected<WorkItem> r) {
      // every decision is audited, one refused too: who asked for which lane, and why not
      Problem first = r.problems().get(0);
      Web.audit(
          ctx,
          "targeting.lane.decide.refused",
          "assessment:" + w.id(),
          Map.of(
              "record", w.recordKey(),
              "from", w.finalLane().code(),
              "asked", cut(lane == null ? "" : lane.strip()),
              "version", Integer.toString(w.version()),
              "reason", first.code(),
              "field", first.field()));
    }
    if (o.isAccepted()) {
      Web.audit(
          ctx,
          "targeting.lane.decide",
          "assessment:" + w.id(),
          Map.of(
              "record", w.recordKey(),
              "from", w.finalLane().code(),
              "to", o.orElseThrow().finalLane().code(),
              // the decision's number: the comment is kept with it, not here (it may name a person)
              "version", Integer.toString(o.orElseThrow().version()),
              "commentChars", Integer.toString(comment.strip().length())));
      Lane to = o.orElseThrow().finalLane();
      if (DeclarationView.kindOf(w.recordKey()).equals("transport-document")
          && w.finalLane().moreSevereThan(to)) {
        // its declarations no longer owe their lane to its selection before arrival: each stands
        // on its own (or on the consignment as lowered), as its worklist item now says
        List<String> follow = new ArrayList<>();
        for (WorkItem d :
            worklist.declarationsOf(DeclarationView.sourceIdOf(w.recordKey()), 1000)) {
          follow.add(d.id() + " " + d.finalLane().code() + " " + d.basis());
        }
        Web.audit(
            ctx,
            "targeting.lane.follow",
            "assessment:" + w.id(),
            Map.of(
                "record", w.recordKey(),
                "to", to.code(),
                // each declaration as id, lane and basis: no content of the records
                "declarations", String.join("; ", follow)));
      }
    }
    return o;
  }

  private Outcome<WorkItem> record(
      Context ctx, WorkItem w, String result, String revenue, boolean seizure, String note) {
    Principal p = Web.principal(ctx);
    if (!w.office().equalsIgnoreCase(p.office())) {
      throw new HttpProblem(
          Problem.of("forbidden", "", "only inspectors of " + w.office() + " record its outcome")
              .worded("other-office", w.office()));
    }
    Outcome<WorkItem> o =
        worklist.recordOutcome(w.id(), result, revenue, seizure, note, p.username());
    if (o.isAccepted()) {
      Web.audit(
          ctx,
          "targeting.outcome.record",
          "assessment:" + w.id(),
          Map.of(
              "record",
              w.recordKey(),
              "result",
              result,
              // as stored (125000.50), not as typed (125,000.50)
              "revenue",
              o.orElseThrow().outcome().map(x -> x.revenue().toPlainString()).orElse(""),
              "seizure",
              Boolean.toString(seizure),
              // that a note was given and how long, never its text: it may name a person
              "noteChars",
              Integer.toString(o.orElseThrow().outcome().map(x -> x.note().length()).orElse(0))));
    }
    return o;
  }

  private void outcomeForm(Context ctx) {
    WorkItem w = readItem(ctx);
    Outcome<WorkItem> o =
        record(
            ctx,
            w,
            form(ctx, "result"),
            form(ctx, "revenue"),
            "true".equals(form(ctx, "seizure")),
            form(ctx, "note"));
    switch (o) {
      case Outcome.Accepted<WorkItem> a ->
          ctx.redirect("/targeting/referrals", HttpStatus.SEE_OTHER);
      case Outcome.Rejected<WorkItem> r -> {
        ctx.status(400);
        showItem(
            ctx,
            w,
            PageProblems.text(Web.messages(ctx), r.problems()),
            Map.of(
                "result", form(ctx, "result"),
                "revenue", form(ctx, "revenue"),
                "seizure", form(ctx, "seizure"),
                "note", form(ctx, "note")));
      }
    }
  }

  private void criteriaPage(Context ctx) {
    criteriaPage(ctx, "");
  }

  private void criteriaPage(Context ctx, String error) {
    Map<String, Object> m = new HashMap<>();
    m.put("criteria", criteria.latest());
    m.put("states", criteria.states());
    m.put("error", error);
    m.put("mayRelease", Web.principal(ctx).has(Role.ADMIN));
    m.put("csrf", Web.csrf(ctx));
    m.put("t", Web.messages(ctx));
    Web.page(ctx, Web.messages(ctx).get("targeting.criteria"), render("criteria.jte", m));
  }

  private void editorPage(Context ctx) {
    Map<String, String> form = new HashMap<>();
    List<StoredCriterion> history = List.of();
    String id = Optional.ofNullable(ctx.queryParam("id")).orElse("").strip();
    if (!id.isEmpty()) {
      long cid = parseLong(id, "id");
      List<StoredCriterion> h = criteria.history(cid);
      if (h.isEmpty()) {
        throw notFound("criterion " + cid, "criterion-not-found", cid);
      }
      StoredCriterion c = h.get(0);
      history = h;
      form.put("source", c.source());
      form.put("offices", String.join(" ", new TreeSet<>(c.offices())));
      c.effectiveFrom().ifPresent(d -> form.put("effectiveFrom", d.toString()));
      c.effectiveTo().ifPresent(d -> form.put("effectiveTo", d.toString()));
    } else {
      form.put(
          "source",
          "criterion \"\"\n  when hs starts with \"\"\n  then lane red weight 10\n  because \"\"\n");
    }
    editor(ctx, id, form, List.of(), "", null, history, Optional.empty());
  }

  private void editor(
      Context ctx,
      String id,
      Map<String, String> form,
      List<String> problems,
      String message,
      DryRun dryRun) {
    List<StoredCriterion> history = List.of();
    if (id.matches("\\d{1,18}")) {
      history = criteria.history(Long.parseLong(id));
    }
    editor(ctx, id, form, problems, message, dryRun, history, Optional.empty());
  }

  /**
   * @param history the criterion's versions, newest first, each with its status (empty for a new
   *     criterion)
   * @param namesake the criterion that already bears the name a new one was saved under, said
   *     beside the text (where the name is written) with a link to open it
   */
  private void editor(
      Context ctx,
      String id,
      Map<String, String> form,
      List<String> problems,
      String message,
      DryRun dryRun,
      List<StoredCriterion> history,
      Optional<StoredCriterion> namesake) {
    Map<String, Object> m = new HashMap<>();
    m.put("namesake", namesake);
    m.put("id", id);
    m.put("history", history);
    m.put(
        "state",
        history.isEmpty()
            ? Optional.<CriterionState>empty()
            : Optional.ofNullable(criteria.states().get(history.get(0).id())));
    m.put("form", form);
    m.put("problems", problems);
    m.put("message", message);
    m.put("dryRun", dryRun);
    m.put("evidence", evidence(Web.messages(ctx)));
    m.put("fields", fields(Web.messages(ctx)));
    m.put("csrf", Web.csrf(ctx));
    m.put("t", Web.messages(ctx));
    Web.page(ctx, Web.messages(ctx).get("targeting.criteria.editor"), render("editor.jte", m));
  }

  /**
   * The fields a criterion may test, one a line: the name as the criteria language spells it, its
   * type and what it means, in the reader's language.
   */
  static String fields(org.sekisho.platform.i18n.Messages t) {
    StringBuilder fields = new StringBuilder();
    for (Field f : Field.values()) {
      String key = "targeting.criteria-meaning." + f.code();
      String meaning = t.get(key);
      fields
          .append(
              String.format(
                  Locale.ROOT,
                  "%-26s %-7s %s",
                  f.code(),
                  t.get("criteria.type." + f.type().title()),
                  meaning.equals(key) ? f.meaning() : meaning))
          .append('\n');
    }
    return fields.toString();
  }

  private Map<String, String> editorForm(Context ctx) {
    Map<String, String> form = new HashMap<>();
    for (String k : List.of("source", "offices", "effectiveFrom", "effectiveTo", "days")) {
      form.put(k, form(ctx, k));
    }
    return form;
  }

  private void saveForm(Context ctx) {
    Map<String, String> form = editorForm(ctx);
    String id = form(ctx, "id").strip();
    Outcome<StoredCriterion> o;
    try {
      o = save(ctx, id.isEmpty() ? Optional.empty() : Optional.of(parseLong(id, "id")), form);
    } catch (HttpProblem e) {
      o = Outcome.rejected(e.problem());
    }
    switch (o) {
      case Outcome.Accepted<StoredCriterion> a ->
          editor(
              ctx,
              Long.toString(a.value().id()),
              form,
              List.of(),
              Web.messages(ctx).get("targeting.criteria.saved", a.value().key()),
              null);
      case Outcome.Rejected<StoredCriterion> r -> {
        Problem first = r.problems().get(0);
        ctx.status(HttpProblem.status(first));
        if (first.code().equals("conflict") && first.field().equals("name")) {
          // the name is taken: said beside the text as typed, which is kept
          Optional<StoredCriterion> same =
              criteria.namesakeOf(
                  form.get("source"),
                  id.isBlank() ? Optional.empty() : Optional.of(Long.parseLong(id.strip())));
          if (same.isPresent()) {
            editor(ctx, id, form, List.of(), "", null, List.of(), same);
            return;
          }
        }
        editor(ctx, id, form, problemLines(ctx, form.get("source"), r.problems()), "", null);
      }
    }
  }

  /**
   * Refusals as a page shows them: the checker's problems of {@code source} in the reader's
   * language with their line and column, when the text was what was refused; others as they are.
   */
  private List<String> problemLines(Context ctx, String source, List<Problem> problems) {
    if (problems.stream().noneMatch(p -> p.code().startsWith("criteria-"))) {
      return problems.stream().map(p -> PageProblems.line(Web.messages(ctx), p)).toList();
    }
    var t = Web.messages(ctx);
    return criteria.check(source).stream().map(p -> CriteriaMessages.line(t, p)).toList();
  }

  /**
   * A refusal thrown while a page's form was handled, worded in the reader's language for the error
   * page (the JSON API keeps the English).
   */
  private static HttpProblem pageProblem(Context ctx, HttpProblem e) {
    Problem p = e.problem();
    Optional<String> words = PageProblems.message(Web.messages(ctx), p);
    return words.isEmpty()
        ? e
        : new HttpProblem(new Problem(p.code(), words.get(), p.field(), p.key(), p.args()));
  }

  /**
   * The offices a criterion is limited to, as the editor and the API give them (space or comma).
   */
  private static Set<String> offices(String text) {
    Set<String> offices = new TreeSet<>();
    for (String s : (text == null ? "" : text).split("[\\s,]+")) {
      if (!s.isBlank()) {
        offices.add(s.strip().toUpperCase(Locale.ROOT));
      }
    }
    return offices;
  }

  private Outcome<StoredCriterion> save(Context ctx, Optional<Long> id, Map<String, String> form) {
    CriteriaCatalogue.Draft d =
        new CriteriaCatalogue.Draft(
            id,
            form.getOrDefault("source", ""),
            offices(form.get("offices")),
            date(form.get("effectiveFrom"), "effectiveFrom"),
            date(form.get("effectiveTo"), "effectiveTo"));
    Outcome<StoredCriterion> o = criteria.save(d, Web.principal(ctx).username());
    if (o.isAccepted()) {
      Web.audit(
          ctx,
          "targeting.criterion.save",
          "criterion:" + o.orElseThrow().key(),
          Map.of(
              "name",
              o.orElseThrow().name(),
              "offices",
              d.offices().isEmpty() ? "all" : String.join(" ", new TreeSet<>(d.offices())),
              // the digest a dry run of the same text was audited with
              "text",
              digest(d.source())));
    }
    return o;
  }

  private void dryRunForm(Context ctx) {
    Map<String, String> form = editorForm(ctx);
    int days;
    try {
      days = days(form.get("days"));
    } catch (HttpProblem e) {
      // the editor comes back with the text as typed and the reason
      ctx.status(400);
      editor(
          ctx,
          form(ctx, "id"),
          form,
          List.of(PageProblems.line(Web.messages(ctx), e.problem())),
          "",
          null);
      return;
    }
    Set<String> offices = offices(form.get("offices"));
    Outcome<DryRun> o = criteria.dryRun(form.get("source"), days, offices);
    String id = form(ctx, "id").strip();
    auditDryRun(
        ctx,
        id.matches("\\d{1,18}") ? Optional.of(Long.parseLong(id)) : Optional.empty(),
        form.get("source"),
        days,
        offices,
        o);
    switch (o) {
      case Outcome.Accepted<DryRun> a ->
          editor(ctx, form(ctx, "id"), form, List.of(), "", a.value());
      case Outcome.Rejected<DryRun> r -> {
        ctx.status(400);
        editor(
            ctx,
            form(ctx, "id"),
            form,
            problemLines(ctx, form.get("source"), r.problems()),
            "",
            null);
      }
    }
  }

  /**
   * Audits a dry run of a text not saved as it is (the editor's, the API's), filed under the
   * criterion it is a new version of: the one the editor had open ({@code id}), else the one whose
   * name the text gives; {@code criterion:unsaved} for a new criterion.
   */
  private void auditDryRun(
      Context ctx,
      Optional<Long> id,
      String source,
      int days,
      Set<String> offices,
      Outcome<DryRun> o) {
    Optional<Long> of =
        id.isPresent()
            ? id
            : criteria
                .namesakeOf(source == null ? "" : source, Optional.empty())
                .map(StoredCriterion::id);
    Map<String, String> details = dryRunDetails(source, days, offices, o);
    details.put("saved", "false");
    Web.audit(
        ctx,
        "targeting.criterion.dry-run",
        of.map(x -> "criterion:c" + x).orElse("criterion:unsaved"),
        details);
  }

  /**
   * What a dry run's audit entry says: the window of assessments it read (days, from, to), the
   * offices, how many records it examined and would have hit (or that the text was refused), and a
   * digest of the text run, which names the version it became once saved. No record's content.
   */
  private static Map<String, String> dryRunDetails(
      String source, int days, Set<String> offices, Outcome<DryRun> o) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("days", Integer.toString(days));
    m.put("offices", offices.isEmpty() ? "all" : String.join(" ", new TreeSet<>(offices)));
    m.put("text", digest(source));
    switch (o) {
      case Outcome.Accepted<DryRun> a -> {
        m.put("from", a.value().from().toString());
        m.put("to", a.value().to().toString());
        m.put("examined", Integer.toString(a.value().examined()));
        m.put("hits", Integer.toString(a.value().hits()));
      }
      case Outcome.Rejected<DryRun> r -> m.put("refused", r.problems().get(0).code());
    }
    return m;
  }

  /** The first 16 hex digits of a text's SHA-256: the same text, the same digest. */
  static String digest(String text) {
    try {
      byte[] h =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest((text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(h, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  private void releaseForm(Context ctx) {
    long id = longParam(ctx, "id");
    int version = (int) parseLong(form(ctx, "version"), "version");
    Outcome<StoredCriterion> o = release(ctx, id, version);
    switch (o) {
      case Outcome.Accepted<StoredCriterion> a ->
          ctx.redirect("/targeting/criteria", HttpStatus.SEE_OTHER);
      case Outcome.Rejected<StoredCriterion> r -> {
        // a conflict (someone else changed it at that moment), a period over, or a text no
        // longer valid
        ctx.status(HttpProblem.status(r.problems().get(0)));
        // a text no longer valid is said with its lines and columns, as the editor says it
        String source =
            criteria.history(id).stream()
                .filter(v -> v.version() == version)
                .map(StoredCriterion::source)
                .findFirst()
                .orElse("");
        criteriaPage(ctx, String.join("; ", problemLines(ctx, source, r.problems())));
      }
    }
  }

  private Outcome<StoredCriterion> release(Context ctx, long id, int version) {
    Outcome<StoredCriterion> o = criteria.release(id, version, Web.principal(ctx).username());
    if (o.isAccepted()) {
      StoredCriterion c = o.orElseThrow();
      Web.audit(
          ctx,
          "targeting.criterion.release",
          "criterion:c" + id + "v" + version,
          Map.of(
              "name",
              c.name(),
              "offices",
              c.offices().isEmpty() ? "all" : String.join(" ", new TreeSet<>(c.offices())),
              "effectiveFrom",
              c.effectiveFrom().map(LocalDate::toString).orElse(""),
              "effectiveTo",
              c.effectiveTo().map(LocalDate::toString).orElse("")));
    }
    return o;
  }

  private void disableForm(Context ctx) {
    long id = longParam(ctx, "id");
    Outcome<StoredCriterion> o = disable(ctx, id, form(ctx, "reason"));
    switch (o) {
      case Outcome.Accepted<StoredCriterion> a ->
          ctx.redirect("/targeting/criteria", HttpStatus.SEE_OTHER);
      case Outcome.Rejected<StoredCriterion> r -> {
        ctx.status(HttpProblem.status(r.problems().get(0)));
        criteriaPage(ctx, PageProblems.text(Web.messages(ctx), r.problems()));
      }
    }
  }

  private Outcome<StoredCriterion> disable(Context ctx, long id, String reason) {
    Outcome<StoredCriterion> o = criteria.disable(id, Web.principal(ctx).username(), reason);
    if (o.isAccepted()) {
      // filed under the version it took out of force (criterion:c9v2), as that version's saving
      // and release are: one subject filter (criterion:c9v*) finds the criterion's whole story
      Web.audit(
          ctx,
          "targeting.criterion.disable",
          "criterion:" + o.orElseThrow().key(),
          Map.of("reason", reason.strip()));
    }
    return o;
  }

  /** A saved version as it would be released, read-only: for the administrators who release. */
  private void versionPage(Context ctx) {
    version(ctx, null, List.of());
  }

  private void version(Context ctx, DryRun dryRun, List<String> problems) {
    long id = longParam(ctx, "id");
    int v = (int) longParam(ctx, "version");
    List<StoredCriterion> history = criteria.history(id);
    StoredCriterion c =
        history.stream()
            .filter(x -> x.version() == v)
            .findFirst()
            .orElseThrow(() -> notFound("criterion c" + id + "v" + v, "version-not-found", id, v));
    Map<String, Object> m = new HashMap<>();
    m.put("c", c);
    m.put("history", history);
    m.put("state", Optional.ofNullable(criteria.states().get(id)));
    m.put("dryRun", dryRun);
    m.put("evidence", evidence(Web.messages(ctx)));
    m.put("problems", problems);
    m.put("days", Optional.ofNullable(ctx.formParam("days")).orElse("30"));
    m.put("mayRelease", Web.principal(ctx).has(Role.ADMIN));
    m.put("mayEdit", Web.principal(ctx).has(Role.ANALYST));
    m.put("csrf", Web.csrf(ctx));
    m.put("t", Web.messages(ctx));
    Web.audit(ctx, "targeting.criterion.read", "criterion:" + c.key(), Map.of());
    Web.page(ctx, c.key(), render("version.jte", m));
  }

  private void versionDryRunForm(Context ctx) {
    long id = longParam(ctx, "id");
    int v = (int) longParam(ctx, "version");
    StoredCriterion c =
        criteria.history(id).stream()
            .filter(x -> x.version() == v)
            .findFirst()
            .orElseThrow(() -> notFound("criterion c" + id + "v" + v, "version-not-found", id, v));
    int days;
    try {
      days = days(form(ctx, "days"));
    } catch (HttpProblem e) {
      ctx.status(400);
      version(ctx, null, List.of(PageProblems.line(Web.messages(ctx), e.problem())));
      return;
    }
    // over the offices the version is limited to, as it would run once released
    Outcome<DryRun> o = criteria.dryRun(c.source(), days, c.offices());
    Map<String, String> details = dryRunDetails(c.source(), days, c.offices(), o);
    Web.audit(ctx, "targeting.criterion.dry-run", "criterion:" + c.key(), details);
    switch (o) {
      case Outcome.Accepted<DryRun> a -> version(ctx, a.value(), List.of());
      case Outcome.Rejected<DryRun> r -> {
        ctx.status(400);
        version(ctx, null, problemLines(ctx, c.source(), r.problems()));
      }
    }
  }

  private void listsPage(Context ctx) {
    listsPage(ctx, "");
  }

  private void listsPage(Context ctx, String error) {
    Map<String, Object> m = new HashMap<>();
    m.put("lists", lists.all().values());
    m.put("error", error);
    m.put("csrf", Web.csrf(ctx));
    m.put("t", Web.messages(ctx));
    Web.page(ctx, Web.messages(ctx).get("targeting.lists"), render("lists.jte", m));
  }

  private void createListForm(Context ctx) {
    Outcome<ReferenceList> o =
        createList(ctx, form(ctx, "name"), form(ctx, "kind"), form(ctx, "description"));
    switch (o) {
      case Outcome.Accepted<ReferenceList> a ->
          ctx.redirect("/targeting/lists/" + a.value().name(), HttpStatus.SEE_OTHER);
      case Outcome.Rejected<ReferenceList> r -> {
        ctx.status(400);
        listsPage(ctx, PageProblems.text(Web.messages(ctx), r.problems()));
      }
    }
  }

  private Outcome<ReferenceList> createList(
      Context ctx, String name, String kind, String description) {
    String n = name == null ? "" : name.strip();
    Outcome<ReferenceList> o = lists.create(n, kind, description, Web.principal(ctx).username());
    if (o.isAccepted()) {
      Web.audit(ctx, "targeting.list.create", "list:" + n, Map.of("kind", kind));
    }
    return o;
  }

  private ReferenceList list(Context ctx) {
    String name = ctx.pathParam("name");
    return lists.find(name).orElseThrow(() -> notFound("list " + name, "no-list", name));
  }

  private void listPage(Context ctx) {
    listPage(ctx, list(ctx), List.of(), "", "", ReferenceLists.Mode.ADD);
  }

  /** Entries a list page shows at once. */
  static final int PAGE_ROWS = 100;

  /**
   * @param typed the CSV as typed, shown again when the file was refused as a whole
   * @param mode the import mode the form shows chosen: the one typed when the file comes back, so
   *     that a corrected replacement is not sent again as an addition
   */
  private void listPage(
      Context ctx,
      ReferenceList l,
      List<String> problems,
      String message,
      String typed,
      ReferenceLists.Mode mode) {
    Map<String, Object> m = new HashMap<>();
    String q = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
    int offset = Web.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    var page = lists.entries(l.name(), q, offset, PAGE_ROWS);
    m.put("list", l);
    m.put("rows", page.rows());
    m.put("total", page.total());
    m.put("q", q);
    m.put("offset", offset);
    String base = "/targeting/lists/" + l.name() + "?q=" + enc(q) + "&offset=";
    m.put("prev", offset > 0 ? base + Math.max(0, offset - PAGE_ROWS) : "");
    m.put("next", offset + PAGE_ROWS < page.total() ? base + (offset + PAGE_ROWS) : "");
    m.put("problems", problems);
    m.put("message", message);
    m.put("typed", typed);
    m.put("mode", mode.name().toLowerCase(Locale.ROOT));
    m.put("csrf", Web.csrf(ctx));
    m.put("t", Web.messages(ctx));
    Web.audit(ctx, "targeting.list.read", "list:" + l.name(), listRead(l, q, offset, page));
    Web.page(ctx, l.name(), render("list.jte", m));
  }

  /**
   * What a list read is audited with: the version and the page of entries shown, and whether it was
   * searched, never what for (a search may be a person's name).
   */
  private static Map<String, String> listRead(
      ReferenceList l, String q, int offset, ListStore.EntryPage page) {
    return Map.of(
        "version",
        Integer.toString(l.version()),
        "offset",
        Integer.toString(offset),
        "shown",
        Integer.toString(page.rows().size()),
        "total",
        Integer.toString(page.total()),
        "searched",
        Boolean.toString(!q.isEmpty()));
  }

  /** {@code mode}: {@code add} (default) or {@code replace}. */
  private static ReferenceLists.Mode mode(String given) {
    if (given == null || given.isBlank()) {
      return ReferenceLists.Mode.ADD;
    }
    return ReferenceLists.Mode.ofCode(given)
        .orElseThrow(
            () ->
                new HttpProblem(
                    Problem.of("invalid-parameter", "mode", "expected add or replace")
                        .worded("list-mode")));
  }

  private ReferenceLists.Imported importCsv(
      Context ctx, String name, String csv, ReferenceLists.Mode mode) {
    Outcome<ReferenceLists.Imported> o =
        lists.importCsv(name, csv, Web.principal(ctx).username(), mode);
    if (!o.isAccepted()) {
      throw new HttpProblem(o.problems().get(0));
    }
    ReferenceLists.Imported im = o.orElseThrow();
    Web.audit(
        ctx,
        "targeting.list.import",
        "list:" + name,
        Map.of(
            "mode",
            mode.name().toLowerCase(Locale.ROOT),
            "added",
            Integer.toString(im.added()),
            "removed",
            Integer.toString(im.removed()),
            "changed",
            Integer.toString(im.changed()),
            "refused",
            Integer.toString(im.refused().size()),
            // the list's version after the import (unchanged when nothing was)
            "version",
            Integer.toString(lists.find(name).map(ReferenceList::version).orElse(0))));
    return im;
  }

  private void importForm(Context ctx) {
    ReferenceList l = list(ctx);
    ReferenceLists.Mode mode = mode(form(ctx, "mode"));
    var t = Web.messages(ctx);
    ReferenceLists.Imported im;
    try {
      im = importCsv(ctx, l.name(), form(ctx, "csv"), mode);
    } catch (HttpProblem e) {
      // refused as a whole (a header not value[,note], a replacement with no entry): the page says
      // why and gives the file back as typed; nothing changed
      ctx.status(HttpProblem.status(e.problem()));
      listPage(ctx, l, List.of(PageProblems.line(t, e.problem())), "", form(ctx, "csv"), mode);
      return;
    }
    // a replacement with a refused row changed nothing: refused as the API refuses it (400), the
    // file and the mode coming back to be corrected
    boolean replaceRefused = mode == ReferenceLists.Mode.REPLACE && !im.refused().isEmpty();
    if (replaceRefused) {
      ctx.status(400);
    }
    listPage(
        ctx,
        lists.find(l.name()).orElseThrow(),
        im.refused().stream().map(p -> PageProblems.line(t, p)).toList(),
        mode == ReferenceLists.Mode.REPLACE
            ? Web.messages(ctx)
                .get(
                    im.refused().isEmpty()
                        ? "targeting.lists.replaced"
                        : "targeting.lists.replace-refused",
                    im.added(),
                    im.removed(),
                    im.refused().size(),
                    im.changed())
            : Web.messages(ctx)
                .get("targeting.lists.imported", im.added(), im.refused().size(), im.changed()),
        replaceRefused ? form(ctx, "csv") : "",
        replaceRefused ? mode : ReferenceLists.Mode.ADD);
  }

  /** Shortest reason accepted for removing a list entry from the page. */
  static final int MIN_REMOVAL_REASON = 5;

  /**
   * Removing an entry from the list page takes two steps: the button asks (the value, the list and
   * a reason, on a page of its own: the pages run no inline script), and only the confirmation with
   * a reason removes it, audited with the value and the reason.
   */
  private void removeForm(Context ctx) {
    ReferenceList l = list(ctx);
    String value = form(ctx, "value");
    String reason = form(ctx, "reason").strip();
    boolean confirmed = "yes".equals(form(ctx, "confirm"));
    if (!confirmed || reason.length() < MIN_REMOVAL_REASON || reason.length() > 500) {
      var t = Web.messages(ctx);
      Map<String, Object> m = new HashMap<>();
      m.put("list", l);
      m.put("value", value);
      m.put("reason", reason);
      m.put(
          "error",
          confirmed ? t.get("targeting.lists.remove.reason-required", MIN_REMOVAL_REASON) : "");
      m.put("csrf", Web.csrf(ctx));
      m.put("t", t);
      Web.page(ctx, t.get("targeting.lists.remove.title"), render("listremove.jte", m));
      ctx.status(confirmed ? 400 : 200);
      return;
    }
    auditRemoval(
        ctx,
        l,
        value,
        Optional.of(reason),
        lists.remove(l.name(), value, Web.principal(ctx).username()));
    ctx.redirect("/targeting/lists/" + l.name(), HttpStatus.SEE_OTHER);
  }

  // ---- API

  private void assessApi(Context ctx) {
    String kind = Optional.ofNullable(ctx.queryParam("kind")).orElse("declaration");
    String body = ctx.body();
    ownAgency(body, Web.principal(ctx));
    // a record sent here alone meets the rules ingest applies to the records it stores
    // a record sent again is answered with the lane in force now, which an analyst may have
    // raised or lowered since: the sender acts on that, not on the lane it was assessed at
    WorkItem[] inForce = new WorkItem[1];
    Outcome<StoredAssessment> o =
        assess.assessSubmitted(
            kind,
            body,
            new AssessRecords.SubmittedEntries() {
              @Override
              public AuditEvent assessed(Assessment a) {
                // appended with the assessment, in one transaction and round trip
                return Web.auditEvent(ctx, "targeting.assess", a.recordKey(), assessedDetails(a));
              }

              @Override
              public AuditEvent answeredAgain(StoredAssessment before) {
                WorkItem w = worklist.item(before.id()).orElseThrow();
                inForce[0] = w;
                Map<String, String> details = assessedDetails(before.assessment());
                // the lane the sender is answered: the one in force now
                details.put("lane", w.finalLane().code());
                details.put("assessment", "assessment:" + before.id());
                details.put("sentAgain", "true");
                return Web.auditEvent(
                    ctx, "targeting.assess", before.assessment().recordKey(), details);
              }
            });
    switch (o) {
      case Outcome.Accepted<StoredAssessment> a -> {
        Map<String, Object> m = assessmentJson(a.value());
        Assessment first = a.value().assessment();
        Lane now = inForce[0] == null ? first.lane() : inForce[0].finalLane();
        m.put("finalLane", now.code());
        m.put("finalLaneLabel", selectivity.config().labels().of(now));
        m.put(
            "status",
            (inForce[0] == null ? WorkStatus.assessedAs(first.lane()) : inForce[0].status())
                .code());
        m.put("version", inForce[0] == null ? 0 : inForce[0].version());
        m.put("sentAgain", inForce[0] != null);
        ctx.json(m);
      }
      case Outcome.Rejected<StoredAssessment> r -> rejectJson(ctx, r.problems());
    }
  }

  /**
   * What the audit entry of an assessment says, by ids and figures, never by the record's content
   * (its parties' names or addresses): the lane and how it was chosen, the score (model and
   * criteria weights together, two decimals), the criteria that hit ({@code c3v2}), and the
   * versions of the criteria, lists and model used, with which a replay gives the same result.
   */
  static Map<String, String> assessedDetails(Assessment a) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("lane", a.lane().code());
    m.put("basis", a.selection().basis().code());
    m.put("score", Double.toString(Math.round(a.score() * 100) / 100.0));
    List<String> hits = new ArrayList<>(a.hits().size());
    for (CriterionHit h : a.hits()) {
      hits.add(h.key());
    }
    m.put("hits", String.join(",", hits));
    m.put("criteria", a.criteriaVersions());
    m.put("lists", a.listVersions());
    m.put("model", a.modelVersion());
    return m;
  }

  /**
   * A record sent for assessment is the caller's agency's: one naming another agency as its owner
   * ({@code "agency":"police-jp"} from a customs officer) is refused, naming the field, rather than
   * assessed as if the caller could speak for that agency.
   */
  private static void ownAgency(String body, Principal p) {
    if (body == null || !body.contains("\"agency\"")) {
      return; // most records name none: no second reading of the body
    }
    JsonNode n;
    try {
      n = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return; // refused, with the reason, where the record is read
    }
    JsonNode a = n == null ? null : n.get("agency");
    if (a == null || a.isNull() || !a.isValueNode()) {
      return; // empty, or of another form: refused where the record is read
    }
    String given = a.asText("").strip();
    if (!given.isEmpty() && !given.equalsIgnoreCase(p.agency())) {
      throw HttpProblem.of(
          "invalid-field",
          "agency",
          "a record sent for assessment is your agency's ("
              + p.agency()
              + "); leave agency out or give "
              + p.agency()
              + ", got '"
              + (given.length() > 64 ? given.substring(0, 64) + "…" : given)
              + "'");
    }
  }

  private void assessmentApi(Context ctx) {
    WorkItem w = readItem(ctx);
    Map<String, Object> m = workJson(ctx, w);
    // the record's earlier assessments, with their decisions and outcome (theirs, not this one's)
    m.put(
        "earlier",
        earlier(ctx, w).stream()
            .map(
                e -> {
                  Map<String, Object> em = workJson(ctx, e);
                  em.put("item", "/api/targeting/assessments/" + e.id());
                  return em;
                })
            .toList());
    if (CRITERIA_READ.admits(Web.principal(ctx))) {
      // which entry each list hit was, with its note (the seizure that named a trader): the
      // lists' notes are for those who may read the lists
      m.put("listHits", listHits(w));
    }
    ctx.json(m);
  }

  private void replayApi(Context ctx) {
    WorkItem w = readItem(ctx);
    Outcome<Replay> o = assess.replay(w.id());
    switch (o) {
      case Outcome.Accepted<Replay> a -> ctx.json(a.value());
      case Outcome.Rejected<Replay> r -> rejectJson(ctx, r.problems());
    }
  }

  private void worklistApi(Context ctx) {
    Principal p = Web.principal(ctx);
    WorkStatus status = status(ctx);
    String office = readableOffice(ctx, p);
    String kind = kind(ctx);
    int limit = Web.intParam(ctx, "limit", 100, 1, 1000);
    String afterText = Optional.ofNullable(ctx.queryParam("after")).orElse("").strip();
    java.util.OptionalLong after =
        afterText.isEmpty()
            ? java.util.OptionalLong.empty()
            : java.util.OptionalLong.of(positive(afterText, "after"));
    List<WorkItem> items = worklist.items(office, status, kind, after, limit);
    Web.audit(
        ctx,
        "targeting.worklist.read",
        "office:" + office,
        Map.of(
            "status",
            status.code(),
            "kind",
            kind,
            "after",
            after.isPresent() ? Long.toString(after.getAsLong()) : "",
            "items",
            Integer.toString(items.size())));
    if (items.size() == limit) {
      // a full page: the next one starts after its last item (RFC 8288 link; the body stays a list)
      ctx.header(
          "Link",
          "</api/targeting/worklist?office="
              + enc(office)
              + "&status="
              + status.code()
              + (kind.isEmpty() ? "" : "&kind=" + kind)
              + "&limit="
              + limit
              + "&after="
              + items.get(items.size() - 1).id()
              + ">; rel=\"next\"");
    }
    ctx.json(items.stream().map(w -> listedJson(ctx, w)).toList());
  }

  /**
   * An item as a list shows it: without the lane decisions, the outcome and the version, which a
   * list does not read (a version 0 there would make the next decision a 409); {@code item} is
   * where they are.
   */
  private Map<String, Object> listedJson(Context ctx, WorkItem w) {
    Map<String, Object> m = workJson(ctx, w);
    m.remove("version");
    m.remove("decisions");
    m.remove("outcome");
    m.put("item", "/api/targeting/assessments/" + w.id());
    return m;
  }

  /** The fields of an outcome as recorded. */
  private static final String[] OUTCOME_FIELDS = {"result", "revenue", "seizure", "note"};

  /** The fields of a correction: the outcome as corrected, why, and the version corrected. */
  private static final String[] CORRECTION_FIELDS = {
    "result", "revenue", "seizure", "note", "comment", "expectedVersion"
  };

  /** Why a lane decision naming no version is refused (428). */
  /** Where a client reads an item's version, as the 428s name it (a value of their wordings). */
  private static final String ASSESSMENT_READ = "GET /api/targeting/assessments/{id}";

  static final String VERSION_REQUIRED =
      "name the version of the item the decision was taken on (expectedVersion: the item's"
          + " version, from GET /api/targeting/assessments/{id}), so that it cannot undo another"
          + " analyst's decision taken meanwhile";

  /** A positive whole number given as a query parameter, or 400 naming it. */
  private static long positive(String s, String name) {
    long n = parseLong(s, name);
    if (n < 1) {
      throw new HttpProblem(
          Problem.of("invalid-parameter", name, "expected an assessment id (1 or more)")
              .worded("assessment-id"));
    }
    return n;
  }

  private void laneApi(Context ctx) {
    WorkItem w = readItem(ctx);
    JsonNode b = body(ctx, "lane", "comment", "expectedVersion", "expectedLane");
    Worklist.Shown shown =
        shown(
            text(b, "expectedLane"),
            wholeNumber(b, "expectedVersion", 0, Integer.MAX_VALUE)
                .map(String::valueOf)
                .orElse(""));
    if (shown.version().isEmpty()) {
      // the last writer must not win silently: a decision says what it was taken on
      Problem missing =
          Problem.of("precondition-required", "expectedVersion", VERSION_REQUIRED)
              .worded("version-required", ASSESSMENT_READ);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("error", missing.code());
      m.put("message", apiMessage(ctx, missing));
      m.put("field", missing.field());
      m.put("version", w.version());
      ctx.status(428);
      ctx.json(m);
      return;
    }
    Outcome<WorkItem> o = decide(ctx, w, text(b, "lane"), text(b, "comment"), shown);
    switch (o) {
      case Outcome.Accepted<WorkItem> a -> ctx.json(workJson(ctx, a.value()));
      case Outcome.Rejected<WorkItem> r -> rejectJson(ctx, r.problems());
    }
  }

  private void outcomeApi(Context ctx) {
    WorkItem w = readItem(ctx);
    JsonNode b = body(ctx, OUTCOME_FIELDS);
    Outcome<WorkItem> o =
        record(
            ctx, w, text(b, "result"), amount(b, "revenue"), bool(b, "seizure"), text(b, "note"));
    switch (o) {
      case Outcome.Accepted<WorkItem> a -> ctx.json(workJson(ctx, a.value()));
      case Outcome.Rejected<WorkItem> r -> rejectJson(ctx, r.problems());
    }
  }

  private void correctionApi(Context ctx) {
    WorkItem w = readItem(ctx);
    Principal p = Web.principal(ctx);
    if (!w.office().equalsIgnoreCase(p.office())) {
      throw HttpProblem.of(
          "forbidden", "", "only inspectors of " + w.office() + " correct its outcome");
    }
    JsonNode b = body(ctx, CORRECTION_FIELDS);
    Optional<Long> v = wholeNumber(b, "expectedVersion", 0, Integer.MAX_VALUE);
    if (v.isEmpty()) {
      Problem missing =
          Problem.of(
                  "precondition-required",
                  "expectedVersion",
                  "name the version of the outcome the correction was made on (expectedVersion:"
                      + " the outcome's version, from GET /api/targeting/assessments/{id})")
              .worded("outcome-version-required", ASSESSMENT_READ);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("error", missing.code());
      m.put("message", apiMessage(ctx, missing));
      m.put("field", missing.field());
      m.put("version", w.outcome().map(WorkItem.Outcome::version).orElse(0));
      ctx.status(428);
      ctx.json(m);
      return;
    }
    String comment = text(b, "comment");
    Outcome<WorkItem> o =
        worklist.correctOutcome(
            w.id(),
            v.get().intValue(),
            text(b, "result"),
            amount(b, "revenue"),
            bool(b, "seizure"),
            text(b, "note"),
            comment,
            p.username());
    switch (o) {
      case Outcome.Accepted<WorkItem> a -> {
        WorkItem.Outcome now = a.value().outcome().orElseThrow();
        Web.audit(
            ctx,
            "targeting.outcome.correct",
            "assessment:" + w.id(),
            Map.of(
                "record", w.recordKey(),
                "from", w.outcome().map(x -> x.result().code()).orElse(""),
                "result", now.result().code(),
                "revenue", now.revenue().toPlainString(),
                "seizure", Boolean.toString(now.seizure()),
                "version", Integer.toString(now.version()),
                // the comment is kept with the correction, not here: it may name a person
                "commentChars", Integer.toString(comment.strip().length()),
                // whether the note changed and how long it is now, never its text
                "noteChanged",
                    Boolean.toString(
                        !w.outcome().map(WorkItem.Outcome::note).orElse("").equals(now.note())),
                "noteChars", Integer.toString(now.note().length())));
        ctx.json(workJson(ctx, a.value()));
      }
      case Outcome.Rejected<WorkItem> r -> rejectJson(ctx, r.problems());
    }
  }

  private void criteriaApi(Context ctx) {
    Map<Long, CriterionState> states = criteria.states();
    ctx.json(
        criteria.latest().stream()
            .map(
                c -> {
                  Map<String, Object> m = criterionJson(c);
                  CriterionState st = states.get(c.id());
                  if (st != null) {
                    // the criterion as a whole: in force, disabled (who, when, why) or not
                    Map<String, Object> sm = new LinkedHashMap<>();
                    sm.put("state", st.code());
                    if (st.code().equals("scheduled")) {
                      sm.put("inForceFrom", st.date());
                    } else if (st.code().equals("ended")) {
                      sm.put("endedOn", st.date());
                    }
                    st.inForce().ifPresent(f -> sm.put("inForce", f.key()));
                    st.disabled()
                        .ifPresent(
                            d -> {
                              sm.put("disabledBy", d.by());
                              sm.put("disabledAt", d.at().map(Object::toString).orElse(""));
                              sm.put("reason", d.reason());
                            });
                    m.put("criterion", sm);
                  }
                  return m;
                })
            .toList());
  }

  private void saveApi(Context ctx) {
    JsonNode b = body(ctx, "id", "source", "offices", "effectiveFrom", "effectiveTo");
    Map<String, String> form = new HashMap<>();
    form.put("source", text(b, "source"));
    form.put("offices", String.join(" ", strings(b, "offices")));
    form.put("effectiveFrom", text(b, "effectiveFrom"));
    form.put("effectiveTo", text(b, "effectiveTo"));
    Optional<Long> id = wholeNumber(b, "id", 1, Long.MAX_VALUE);
    Outcome<StoredCriterion> o = save(ctx, id, form);
    switch (o) {
      case Outcome.Accepted<StoredCriterion> a -> {
        ctx.status(201);
        ctx.json(criterionJson(a.value()));
      }
      case Outcome.Rejected<StoredCriterion> r ->
          criteriaRejected(ctx, form.get("source"), r.problems());
    }
  }

  private void checkApi(Context ctx) {
    List<CriteriaProblem> ps = criteria.check(text(body(ctx, "source"), "source"));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ok", ps.isEmpty());
    Optional<org.sekisho.platform.i18n.Messages> t = asked(ctx);
    m.put("problems", ps.stream().map(p -> problemJson(p, t)).toList());
    ctx.json(m);
  }

  private void dryRunApi(Context ctx) {
    JsonNode b = body(ctx, "source", "days", "offices", "office");
    // a whole JSON number: "7" or 7.5 is refused, not read as 7 (the form's text is parsed apart)
    int days = wholeNumber(b, "days", 1, MAX_DAYS).orElse(30L).intValue();
    // the offices the criterion would be limited to ("office", one, is still read)
    Set<String> offices = new TreeSet<>(offices(String.join(" ", strings(b, "offices"))));
    offices.addAll(offices(text(b, "office")));
    Outcome<DryRun> o = criteria.dryRun(text(b, "source"), days, offices);
    auditDryRun(ctx, Optional.empty(), text(b, "source"), days, offices, o);
    switch (o) {
      case Outcome.Accepted<DryRun> a -> ctx.json(a.value());
      case Outcome.Rejected<DryRun> r -> criteriaRejected(ctx, text(b, "source"), r.problems());
    }
  }

  private void releaseApi(Context ctx) {
    noFields(ctx);
    Outcome<StoredCriterion> o =
        release(ctx, longParam(ctx, "id"), (int) longParam(ctx, "version"));
    switch (o) {
      case Outcome.Accepted<StoredCriterion> a -> ctx.json(criterionJson(a.value()));
      case Outcome.Rejected<StoredCriterion> r -> rejectJson(ctx, r.problems());
    }
  }

  private void disableApi(Context ctx) {
    long id = longParam(ctx, "id");
    Outcome<StoredCriterion> o = disable(ctx, id, text(body(ctx, "reason"), "reason"));
    switch (o) {
      case Outcome.Accepted<StoredCriterion> a -> ctx.json(Map.of("disabled", id));
      case Outcome.Rejected<StoredCriterion> r -> rejectJson(ctx, r.problems());
    }
  }

  private void listsApi(Context ctx) {
    ctx.json(lists.all().values().stream().map(TargetingWeb::listJson).toList());
  }

  private void createListApi(Context ctx) {
    JsonNode b = body(ctx, "name", "kind", "description");
    Outcome<ReferenceList> o =
        createList(ctx, text(b, "name"), text(b, "kind"), text(b, "description"));
    switch (o) {
      case Outcome.Accepted<ReferenceList> a -> {
        ctx.status(201);
        ctx.json(listJson(a.value()));
      }
      case Outcome.Rejected<ReferenceList> r -> rejectJson(ctx, r.problems());
    }
  }

  private void listApi(Context ctx) {
    ReferenceList l = list(ctx);
    Map<String, Object> m = listJson(l);
    String q = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
    int offset = Web.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    int limit = Web.intParam(ctx, "limit", 1000, 1, 10_000);
    var page = lists.entries(l.name(), q, offset, limit);
    // a page at a time: "size" is the list's, "total" those matching q, "next" the following page
    m.put("q", q);
    m.put("total", page.total());
    m.put("offset", offset);
    m.put("limit", limit);
    String base =
        "/api/targeting/lists/" + l.name() + "?q=" + enc(q) + "&limit=" + limit + "&offset=";
    m.put("next", offset + limit < page.total() ? base + (offset + limit) : null);
    m.put("prev", offset > 0 ? base + Math.max(0, offset - limit) : null);
    m.put(
        "entries",
        page.rows().stream().map(r -> Map.of("value", r.value(), "note", r.note())).toList());
    Web.audit(ctx, "targeting.list.read", "list:" + l.name(), listRead(l, q, offset, page));
    ctx.json(m);
  }

  private void importApi(Context ctx) {
    ReferenceList l = list(ctx);
    ReferenceLists.Mode mode = mode(ctx.queryParam("mode"));
    ReferenceLists.Imported im = importCsv(ctx, l.name(), csvText(ctx), mode);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mode", mode.name().toLowerCase(Locale.ROOT));
    m.put("read", im.read());
    m.put("added", im.added());
    m.put("removed", im.removed());
    // entries kept whose note the file changed
    m.put("changed", im.changed());
    if (mode == ReferenceLists.Mode.REPLACE && !im.refused().isEmpty()) {
      // nothing was replaced: the refused rows say why
      ctx.status(400);
    }
    m.put("refused", im.refused().stream().map(p -> coreProblemJson(ctx, p)).toList());
    m.put("version", lists.find(l.name()).orElseThrow().version());
    ctx.json(m);
  }

  /**
   * The body of a list import as text, in the charset its Content-Type names (UTF-8 when none),
   * decoded strictly: a file that is not text in it is refused as a whole, before anything is
   * stored (a Shift_JIS file read as UTF-8 would be stored as garbage that never matches).
   */
  private static String csvText(Context ctx) {
    String named = "";
    // the header as sent: Jetty's own reading of it throws on a charset it does not know
    String type = Optional.ofNullable(ctx.header("Content-Type")).orElse("");
    for (String part : type.split(";")) {
      String p = part.strip();
      if (p.regionMatches(true, 0, "charset=", 0, 8)) {
        named = p.substring(8);
      }
    }
    Outcome<java.nio.charset.Charset> charset = ListText.charset(named);
    if (!charset.isAccepted()) {
      throw new HttpProblem(charset.problems().get(0));
    }
    Outcome<String> text = ListText.decode(ctx.bodyAsBytes(), charset.orElseThrow());
    if (!text.isAccepted()) {
      throw new HttpProblem(text.problems().get(0));
    }
    return text.orElseThrow();
  }

  private void removeApi(Context ctx) {
    ReferenceList l = list(ctx);
    String value = ctx.pathParam("value");
    // as on the page: an entry leaves a list for a reason an auditor can read
    String reason = Optional.ofNullable(ctx.queryParam("reason")).orElse("").strip();
    if (reason.length() < MIN_REMOVAL_REASON || reason.length() > 500) {
      throw HttpProblem.of(
          reason.isEmpty() ? "missing-field" : "invalid-field",
          "reason",
          Web.messages(ctx).get("targeting.lists.remove.reason-required", MIN_REMOVAL_REASON));
    }
    Outcome<Optional<ListStore.Removed>> o =
        lists.remove(l.name(), value, Web.principal(ctx).username());
    auditRemoval(ctx, l, value, Optional.of(reason), o);
    boolean removed = o.isAccepted() && o.orElseThrow().isPresent();
    if (!removed) {
      throw HttpProblem.of(
          "not-found", "value", Web.messages(ctx).get("targeting.lists.remove.absent", l.name()));
    }
    ctx.json(Map.of("removed", true));
  }

  /**
   * A removal is audited with the list, the value removed, the entry's id and the list version
   * without it (and the reason given), so that an auditor reads what went. A value of a list of
   * persons is kept masked (a name whole, a phone or address of 10 characters or more but for its
   * last 4): a watched person's phone or name is not kept in clear in the audit log; the entry's id
   * finds it.
   */
  private static void auditRemoval(
      Context ctx,
      ReferenceList l,
      String value,
      Optional<String> reason,
      Outcome<Optional<ListStore.Removed>> o) {
    Optional<ListStore.Removed> r = o.isAccepted() ? o.orElseThrow() : Optional.empty();
    Map<String, String> d = new LinkedHashMap<>();
    d.put("list", l.name());
    d.put("value", auditedValue(l.kind(), value));
    r.ifPresentOrElse(
        x -> {
          d.put("entry", Long.toString(x.entryId()));
          d.put("version", Integer.toString(x.version()));
        },
        () -> d.put("removed", "false"));
    reason.ifPresent(x -> d.put("reason", x));
    Web.audit(ctx, "targeting.list.remove", "list:" + l.name(), d);
  }

  /** A removed value as the audit log keeps it (see {@link #auditRemoval}). */
  static String auditedValue(org.sekisho.targeting.criteria.domain.ListKind kind, String value) {
    String v = value == null ? "" : value.strip();
    return switch (kind) {
      // a name is masked whole: four characters of 鈴木 美咲 are the person
      case PARTIES -> "*".repeat(v.length());
      // a number or an address keeps its last 4 only when they are a small part of it
      case ADDRESSES, PHONES ->
          v.length() < 10
              ? "*".repeat(v.length())
              : "*".repeat(v.length() - 4) + v.substring(v.length() - 4);
      default -> v;
    };
  }

  // ---- JSON shapes

  private Map<String, Object> assessmentJson(StoredAssessment s) {
    Assessment a = s.assessment();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("record", a.recordKey());
    m.put("office", a.office());
    m.put("score", a.score());
    m.put("modelProbability", a.modelProbability());
    m.put("lane", a.lane().code());
    m.put("laneLabel", selectivity.config().labels().of(a.lane()));
    m.put("basis", a.selection().basis().code());
    m.put("random", a.selection().random());
    m.put("criteriaLane", a.criteriaLane().code());
    // the lane of its consignment (assessed before arrival) that a declaration was given at least
    a.consignment()
        .ifPresent(
            c ->
                m.put(
                    "consignment",
                    Map.of(
                        "record",
                        c.recordKey(),
                        "assessment",
                        c.assessmentId(),
                        "lane",
                        c.lane().code())));
    List<Map<String, Object>> hits = new ArrayList<>();
    for (CriterionHit h : a.hits()) {
      Map<String, Object> hm = new LinkedHashMap<>();
      hm.put("criterion", h.key());
      hm.put("name", h.name());
      hm.put("lane", h.lane().map(l -> l.code()).orElse(""));
      hm.put("weight", h.weight());
      hm.put("reason", h.reason());
      hm.put("listHits", h.listHits());
      hits.add(hm);
    }
    m.put("hits", hits);
    m.put("modelReasons", a.modelReasons());
    // a referral's exact model reasons may follow moments later, replacing the quick ones it has
    // at once (GET /api/targeting/assessments/{id}); as the store says, so that one given up on
    // does not look pending for ever
    m.put("modelReasonsPending", s.modelReasonsPending());
    m.put("reasons", a.reasons());
    m.put(
        "versions",
        Map.of(
            "criteria",
            a.criteriaVersions(),
            "lists",
            a.listVersions(),
            "model",
            a.modelVersion()));
    m.put("assessedAt", s.assessedAt().toString());
    return m;
  }

  private Map<String, Object> workJson(Context ctx, WorkItem w) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", w.id());
    m.put("record", w.recordKey());
    m.put("office", w.office());
    m.put("score", w.score());
    m.put("lane", w.lane().code());
    m.put("basis", w.basis());
    m.put("finalLane", w.finalLane().code());
    m.put("finalLaneLabel", selectivity.config().labels().of(w.finalLane()));
    // what a lane decision names as expectedVersion: the number of lane changes so far
    m.put("version", w.version());
    m.put("status", w.status().code());
    m.put("reasons", w.allReasons());
    // a lane carried over from its consignment after its own assessment: which one, and why it
    // holds it, in the reader's language (reasons[] gives it in English, as the other reasons)
    w.heldBy()
        .ifPresent(
            by -> {
              Map<String, Object> hm = new LinkedHashMap<>();
              hm.put("record", by.recordKey());
              hm.put("assessment", by.assessmentId());
              hm.put("lane", by.lane().code());
              hm.put("reasons", by.reasons());
              by.decision()
                  .ifPresent(
                      d ->
                          hm.put(
                              "decision",
                              Map.of(
                                  "to", d.to().code(),
                                  "comment", d.comment(),
                                  "by", d.by(),
                                  "at", d.at().toString())));
              hm.put("reason", heldBy(Web.messages(ctx), labels(ctx), by));
              m.put("heldBy", hm);
            });
    m.put("modelReasonsPending", w.modelReasonsPending());
    m.put("versions", w.versions().line());
    m.put("assessedAt", w.assessedAt().toString());
    w.supersededBy()
        .ifPresent(
            by -> {
              m.put("supersededBy", by);
              m.put("supersededReason", w.supersededReason());
            });
    w.outcome()
        .ifPresent(
            o ->
                m.put(
                    "outcome",
                    Map.of(
                        "result", o.result().code(),
                        "revenue", o.revenue().toPlainString(),
                        "seizure", o.seizure(),
                        "note", o.note(),
                        "by", o.by(),
                        // what a correction names as expectedVersion, and what came before
                        "version", o.version(),
                        "corrections",
                            o.corrections().stream()
                                .map(
                                    c ->
                                        Map.of(
                                            "fromResult", c.fromResult().code(),
                                            "fromRevenue", c.fromRevenue().toPlainString(),
                                            "fromSeizure", c.fromSeizure(),
                                            "fromNote", c.fromNote(),
                                            "fromBy", c.fromBy(),
                                            "comment", c.comment(),
                                            "by", c.by(),
                                            "at", c.at().toString()))
                                .toList())));
    m.put(
        "decisions",
        w.changes().stream()
            .map(
                c ->
                    Map.of(
                        "from", c.from().code(),
                        "to", c.to().code(),
                        "comment", c.comment(),
                        "by", c.by(),
                        "at", c.at().toString()))
            .toList());
    return m;
  }

  private static Map<String, Object> criterionJson(StoredCriterion c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("version", c.version());
    m.put("key", c.key());
    m.put("name", c.name());
    m.put("status", c.status().code());
    m.put("owner", c.owner());
    m.put("offices", new TreeSet<>(c.offices()));
    m.put("effectiveFrom", c.effectiveFrom().map(LocalDate::toString).orElse(""));
    m.put("effectiveTo", c.effectiveTo().map(LocalDate::toString).orElse(""));
    m.put("source", c.source());
    m.put("savedAt", c.savedAt().toString());
    m.put("releasedBy", c.releasedBy());
    return m;
  }

  private static Map<String, Object> listJson(ReferenceList l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", l.name());
    m.put("kind", l.kind().code());
    m.put("version", l.version());
    m.put("size", l.entries().size());
    return m;
  }

  /**
   * @param t the language the caller asked for with {@code ?lang=}; without it, English
   */
  private static Map<String, Object> problemJson(
      CriteriaProblem p, Optional<org.sekisho.platform.i18n.Messages> t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", p.code());
    m.put("line", p.line());
    m.put("column", p.column());
    m.put("message", t.map(x -> CriteriaMessages.text(x, p.text())).orElse(p.message()));
    return m;
  }

  /**
   * The language an API caller asked its refusals in ({@code ?lang=ja}); empty when it asked for
   * none: the API answers English, which clients match on, unless asked.
   */
  private static Optional<org.sekisho.platform.i18n.Messages> asked(Context ctx) {
    String lang = ctx.queryParam("lang");
    return lang == null || lang.isBlank() ? Optional.empty() : Optional.of(Web.messages(ctx));
  }

  private static Map<String, Object> coreProblemJson(Problem p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", p.code());
    m.put("field", p.field());
    m.put("message", p.message());
    return m;
  }

  /** {@link #coreProblemJson(Problem)} with the message in the API reader's language. */
  private static Map<String, Object> coreProblemJson(Context ctx, Problem p) {
    Map<String, Object> m = coreProblemJson(p);
    m.put("message", apiMessage(ctx, p));
    return m;
  }

  /**
   * 400 with the first problem in the platform's shape, plus every problem with line/column; in the
   * language asked for with {@code ?lang=} (the checker's problems of {@code source} with their
   * line and column), else in English.
   */
  private void criteriaRejected(Context ctx, String source, List<Problem> problems) {
    Optional<org.sekisho.platform.i18n.Messages> t = asked(ctx);
    List<String> messages = problems.stream().map(Problem::message).toList();
    if (t.isPresent()) {
      List<CriteriaProblem> checked =
          problems.stream().anyMatch(p -> p.code().startsWith("criteria-"))
              ? criteria.check(source)
              : List.of();
      List<String> said = new ArrayList<>();
      for (int i = 0; i < problems.size(); i++) {
        Problem p = problems.get(i);
        // the checker finds the same problems of the same text, in the same order
        said.add(
            checked.size() == problems.size() && p.code().startsWith("criteria-")
                ? CriteriaMessages.text(t.get(), checked.get(i).text())
                : PageProblems.message(t.get(), p).orElse(p.message()));
      }
      messages = said;
    }
    Problem first = problems.get(0);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", first.code());
    m.put(
        "message",
        t.isPresent()
            ? (first.field().isEmpty()
                ? messages.get(0)
                : PageProblems.field(t.get(), first.field()) + ": " + messages.get(0))
            : line(first));
    m.put("field", first.field());
    List<Map<String, Object>> all = new ArrayList<>();
    for (int i = 0; i < problems.size(); i++) {
      Problem p = problems.get(i);
      Map<String, Object> pm = coreProblemJson(p);
      pm.put("message", messages.get(i));
      int[] lc = lineColumn(p.field());
      if (lc != null) {
        pm.put("line", lc[0]);
        pm.put("column", lc[1]);
      }
      all.add(pm);
    }
    m.put("problems", all);
    ctx.status(HttpProblem.status(first));
    ctx.json(m);
  }

  private static int[] lineColumn(String field) {
    var mt = java.util.regex.Pattern.compile("line (\\d+), column (\\d+)").matcher(field);
    return mt.matches()
        ? new int[] {Integer.parseInt(mt.group(1)), Integer.parseInt(mt.group(2))}
        : null;
  }

  private static void rejectJson(Context ctx, List<Problem> problems) {
    Problem first = problems.get(0);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", first.code());
    m.put("message", apiMessage(ctx, first));
    m.put("field", first.field());
    m.put("problems", problems.stream().map(p -> coreProblemJson(ctx, p)).toList());
    ctx.status(HttpProblem.status(first));
    ctx.json(m);
  }

  // ---- helpers

  private static String line(Problem p) {
    return p.field().isEmpty() ? p.message() : p.field() + ": " + p.message();
  }

  private static String form(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null ? "" : v;
  }

  /**
   * The request's JSON object, refused (400 {@code invalid-field}, naming the field, the nearest
   * taken one when it looks like a misspelling, and the fields the route takes) when it holds a
   * field other than {@code fields}: a misspelt {@code expectedLane} or {@code seizure} would
   * otherwise be ignored, and the decision taken as if it had not been sent.
   */
  private static JsonNode body(Context ctx, String... fields) {
    JsonNode n = body(ctx);
    List<String> taken = List.of(fields);
    for (var it = n.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!taken.contains(name)) {
        Optional<String> near = org.sekisho.core.Spelling.nearest(name, taken, 2);
        String takes = String.join(", ", taken);
        Problem p =
            Problem.of(
                "invalid-field",
                cut(name),
                "unknown field \""
                    + cut(name)
                    + "\""
                    + near.map(x -> "; did you mean \"" + x + "\"?").orElse("")
                    + (near.isPresent() ? " This route takes " : "; this route takes ")
                    + takes);
        throw new HttpProblem(
            near.isPresent()
                ? p.worded("json-unknown-near", cut(name), near.get(), takes)
                : p.worded("json-unknown", cut(name), takes));
      }
    }
    return n;
  }

  /**
   * Refuses (400 {@code invalid-field}, naming it) a body that holds a field on a route that takes
   * none (a release, a model's step): a tool sending a comment with it would otherwise believe it
   * kept. No body, or an empty object, passes.
   */
  static void noFields(Context ctx) {
    if (ctx.body().isBlank()) {
      return;
    }
    var names = body(ctx).fieldNames();
    if (names.hasNext()) {
      String name = cut(names.next());
      throw new HttpProblem(
          Problem.of(
                  "invalid-field",
                  name,
                  "unknown field \"" + name + "\"; this route takes no fields")
              .worded("json-unknown-none", name));
    }
  }

  private static JsonNode body(Context ctx) {
    JsonNode n;
    try {
      n = JSON.readTree(ctx.body());
    } catch (JsonProcessingException | RuntimeException e) {
      // a number whose exponent does not fit is refused by the number parser, not by Jackson
      throw new HttpProblem(
          Problem.of("invalid-json", "", "the body is not valid JSON").worded("json-invalid"));
    }
    if (n == null || !n.isObject()) {
      throw new HttpProblem(
          Problem.of("invalid-json", "", "expected a JSON object").worded("json-object"));
    }
    return n;
  }

  // ---- typed fields of a JSON body: a field of the wrong type is refused, never coerced (a
  // criterion's "offices":"JPYOK" read as no offices would apply it everywhere)

  /** A string field; "" when absent or null. */
  private static String text(JsonNode b, String field) {
    JsonNode v = b.get(field);
    if (v == null || v.isNull()) {
      return "";
    }
    if (!v.isTextual()) {
      throw new HttpProblem(
          Problem.of("invalid-field", field, "expected a string, got " + type(v))
              .worded("json-string", typeCode(v)));
    }
    return v.asText();
  }

  /**
   * An amount given as a JSON number or a string; "" when absent or null. A number is read exactly
   * (as a decimal, never through a double) and refused, naming the field, when it has more than 18
   * digits before or after the point: {@code 1e400} is no amount, and writing it out in full would
   * cost as much as its exponent says.
   */
  private static String amount(JsonNode b, String field) {
    JsonNode v = b.get(field);
    if (v != null && v.isNumber()) {
      java.math.BigDecimal d;
      try {
        d = v.decimalValue();
      } catch (NumberFormatException e) {
        d = null;
      }
      if (d == null || d.precision() - d.scale() > 18 || d.scale() > 18) {
        throw new HttpProblem(
            Problem.of(
                    "invalid-field",
                    field,
                    "expected a number like 12500.50, at most "
                        + Worklist.MAX_REVENUE.toPlainString()
                        + ", got "
                        + cut(v.asText()))
                .worded("amount-number", Worklist.MAX_REVENUE.toPlainString(), cut(v.asText())));
      }
      return d.toPlainString();
    }
    return text(b, field);
  }

  /** A boolean field; false when absent or null. */
  private static boolean bool(JsonNode b, String field) {
    JsonNode v = b.get(field);
    if (v == null || v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      throw new HttpProblem(
          Problem.of("invalid-field", field, "expected true or false, got " + type(v))
              .worded("json-boolean", typeCode(v)));
    }
    return v.booleanValue();
  }

  /** An array of strings; empty when absent or null. */
  private static List<String> strings(JsonNode b, String field) {
    JsonNode v = b.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new HttpProblem(
          Problem.of(
                  "invalid-field",
                  field,
                  "expected an array of strings, e.g. [\"JPYOK\"], got " + type(v))
              .worded("json-strings", typeCode(v)));
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isTextual()) {
        throw new HttpProblem(
            Problem.of(
                    "invalid-field",
                    field + "[" + i + "]",
                    "expected a string, got " + type(v.get(i)))
                .worded("json-string", typeCode(v.get(i))));
      }
      out.add(v.get(i).asText());
    }
    return out;
  }

  /**
   * A whole JSON number from {@code min} to {@code max}; empty when absent or null. A string ("7"),
   * a fraction (7.5, also 7.0) or a number out of range (1e400) is refused naming the field and the
   * range, never coerced.
   */
  private static Optional<Long> wholeNumber(JsonNode b, String field, long min, long max) {
    JsonNode v = b.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isIntegralNumber()
        || !v.canConvertToLong()
        || v.longValue() < min
        || v.longValue() > max) {
      Problem p =
          Problem.of(
              "invalid-field",
              field,
              "expected a whole JSON number from "
                  + min
                  + " to "
                  + max
                  + ", got "
                  + (v.isNumber() ? cut(v.asText()) : type(v)));
      // the bounds as digits: a message format would group them (2,147,483,647)
      throw new HttpProblem(
          v.isNumber()
              ? p.worded("json-whole", Long.toString(min), Long.toString(max), cut(v.asText()))
              : p.worded("json-whole-type", Long.toString(min), Long.toString(max), typeCode(v)));
    }
    return Optional.of(v.longValue());
  }

  /** A value as a message repeats it: at most 40 characters. */
  private static String cut(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  /**
   * The kind of JSON value {@code v} is, as a refusal's wording takes it ({@code
   * targeting.problem.json.<code>} puts it into words): string, number, boolean, array, object.
   */
  private static String typeCode(JsonNode v) {
    return switch (v.getNodeType()) {
      case BOOLEAN -> "boolean";
      default -> v.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  private static String type(JsonNode v) {
    return switch (v.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "true/false";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      default -> v.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  /**
   * {@link HttpProblem#notFound}'s refusal ({@code what was not found}), worded {@code key} with
   * {@code args} so that a page says it in the reader's language.
   */
  private static HttpProblem notFound(String what, String key, Object... args) {
    return new HttpProblem(HttpProblem.notFound(what).problem().worded(key, args));
  }

  private static long longParam(Context ctx, String name) {
    return parseLong(ctx.pathParam(name), name);
  }

  private static long parseLong(String s, String name) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      throw new HttpProblem(
          Problem.of("invalid-parameter", name, "expected a whole number").worded("whole"));
    }
  }

  /** The longest dry run, in days: a year. */
  private static final int MAX_DAYS = 366;

  private static int days(String s) {
    try {
      int d = Integer.parseInt(s == null || s.isBlank() ? "30" : s.strip());
      if (d >= 1 && d <= MAX_DAYS) {
        return d;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new HttpProblem(
        Problem.of("invalid-parameter", "days", "expected a whole number of days from 1 to 366")
            .worded("days"));
  }

  private static Optional<LocalDate> date(String s, String field) {
    if (s == null || s.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(s.strip()));
    } catch (DateTimeParseException e) {
      throw new HttpProblem(
          Problem.of("invalid-parameter", field, "expected a date like 2026-11-27").worded("date"));
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
