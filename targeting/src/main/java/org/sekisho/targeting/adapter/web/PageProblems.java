package org.sekisho.targeting.adapter.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sekisho.core.Problem;
import org.sekisho.platform.i18n.Messages;

/**
 * Refusals as a targeting page says them, in the reader's language. The use cases word their
 * refusals in English (the API answers that text, which clients match on) and name each wording
 * they use by its {@link Problem#key() key}, with the values the English quotes as its {@link
 * Problem#args() arguments}; a page says a refusal through the bundle text its key names, its field
 * named as the page names it. The English bundle repeats the use cases' words, so an English page
 * reads exactly as before; a refusal without a key, or with one the table below does not know, is
 * shown as the use case wrote it.
 */
public final class PageProblems {
  private PageProblems() {}

  /**
   * How a page says one wording.
   *
   * @param bundleKey the bundle key of its text
   * @param argKeys for each argument by index, the key prefix that puts it into words (a status
   *     code into 検査済み), {@link #TIME} for an instant written as the reader reads times, or empty
   *     to pass it on as written; arguments beyond the list are passed on as written
   */
  record Wording(String bundleKey, List<String> argKeys) {}

  private static final String STATUS = "targeting.problem.status.";
  private static final String MODEL_STATUS = "targeting.models.status.";
  private static final String LANE = "targeting.problem.lane-name.";

  /**
   * Marks an argument that is an instant ({@code 2026-11-29T15:36:07.147979Z}, as the use case
   * quotes it): written as the reader reads times, in the administration's zone to the minute.
   */
  static final String TIME = "@time";

  /** Prefix of the words for a kind of JSON value (string, number, boolean, array, object). */
  static final String JSON_TYPE = "targeting.problem.json.";

  private static Map.Entry<String, Wording> problem(String key, String... argKeys) {
    return Map.entry(key, new Wording("targeting.problem." + key, List.of(argKeys)));
  }

  /** The wordings of the targeting use cases and web module, by {@link Problem#key()}. */
  static final Map<String, Wording> WORDINGS =
      Map.ofEntries(
          // lane decisions (Worklist.decide)
          problem("lane"),
          problem("comment-required"),
          problem("closed"),
          problem("superseded"),
          problem("random-selection"),
          problem("random-selection-own", LANE),
          problem("item-version-none", "", "", LANE),
          problem("item-not-as-shown", LANE),
          problem("item-changed-meanwhile", LANE),
          // inspection outcomes (Worklist.recordOutcome)
          problem("result"),
          problem("revenue"),
          problem("inconsistent-outcome"),
          problem("note-required"),
          problem("not-referred", STATUS),
          problem("changed"),
          // corrections of an outcome (Worklist.correctOutcome), an amount sent as a JSON number
          problem("correction-comment"),
          problem("correction-no-outcome"),
          problem("correction-version-none"),
          problem("correction-changed"),
          problem("correction-changed-by"),
          problem("amount-number"),
          problem("other-office"),
          problem("other-office-item"),
          problem("no-assessment"),
          problem("criterion-not-found"),
          problem("version-not-found"),
          problem("no-list"),
          // any text over its limit (a comment, a reason)
          problem("longer"),
          // criteria (CriteriaCatalogue): saving, releasing, disabling
          problem("dates"),
          Map.entry(
              "criteria.period-over", new Wording("targeting.criteria.period-over", List.of())),
          problem("no-criterion"),
          problem("no-version"),
          problem("name-taken-rename"),
          problem("name-taken"),
          problem("name-taken-release"),
          problem("office"),
          problem("released-already", "", "", "", TIME),
          problem("released-already-untimed"),
          problem("released-already-unrecorded"),
          problem("release-race"),
          problem("reason-required"),
          problem("disabled-already", "", "", TIME),
          problem("disabled-already-unrecorded"),
          problem("disable-race"),
          // form fields read by the web module itself
          problem("date"),
          problem("days"),
          problem("whole"),
          // reference lists (ReferenceLists, ListCsv, ListKind)
          problem("list-name"),
          problem("list-kind"),
          problem("list-exists"),
          problem("empty-replacement"),
          problem("csv-quote"),
          problem("csv-unclosed"),
          problem("csv-nul"),
          // a list file that is not text in its encoding (ListText), an encoding no one reads
          problem("csv-not-utf8"),
          problem("csv-not-charset"),
          problem("list-charset"),
          problem("csv-cells"),
          problem("entry-empty"),
          problem("header"),
          problem("header-extra"),
          problem("entry-country"),
          problem("entry-hs"),
          problem("entry-phone"),
          problem("entry-note"),
          problem("entry-twice"),
          problem("entry-phone-international"),
          problem("entry-same-number"),
          // risk models (Lifecycle, ModelLifecycle): approving, releasing, restoring
          problem("model-approve", "", MODEL_STATUS),
          problem("model-restore-instead", "", MODEL_STATUS),
          problem("model-release", "", MODEL_STATUS),
          problem("model-restore", "", MODEL_STATUS),
          problem("model-not-released"),
          problem("model-second-person"),
          problem("model-none"),
          problem("model-changed"),
          // selectivity settings (SelectivitySettings): the version changed on, the text's size
          problem("selectivity-version"),
          problem("selectivity-changed"),
          problem("selectivity-changed-by"),
          problem("selectivity-too-large"),
          // the API's change without the version it was made on (SelectivityWeb, 428)
          problem("selectivity-if-match"),
          // selectivity settings (SelectivityProperties): "key: why" on the line at fault
          problem("setting.twice"),
          problem("setting.whole"),
          problem("setting.labels"),
          problem("setting.lane"),
          problem("setting.label-length"),
          problem("setting.unknown"),
          problem("setting.form"),
          problem("setting.green"),
          problem("setting.office"),
          problem("setting.kind"),
          problem("setting.max-hits"),
          problem("setting.percent"),
          problem("setting.below-random"),
          problem("setting.random-defaults"),
          problem("setting.random-sum"),
          // the worklist's filter (page and API), an assessment id, an inspector's office
          problem("worklist-office"),
          problem("worklist-status"),
          problem("worklist-kind"),
          problem("assessment-id"),
          problem("inspector-office"),
          // the API's decision or correction without the version it was made on (428)
          problem("version-required"),
          problem("outcome-version-required"),
          // a JSON body as the API reads it: a field it does not take, a value of the wrong kind
          problem("json-unknown"),
          problem("json-unknown-near"),
          problem("json-unknown-none"),
          problem("json-invalid"),
          problem("json-object"),
          // a record sent for assessment (DeclarationJson) that is no JSON object
          problem("json-nothing"),
          problem("json-syntax"),
          problem("json-string", JSON_TYPE),
          problem("json-boolean", JSON_TYPE),
          problem("json-strings", JSON_TYPE),
          problem("json-whole"),
          problem("json-whole-type", "", "", JSON_TYPE),
          // a list import's ?mode=
          problem("list-mode"));

  /**
   * {@code field: message} (or the message alone when it names no field) in the reader's language;
   * as the use case wrote it when no wording fits.
   */
  public static String line(Messages t, Problem p) {
    String message = message(t, p).orElse(p.message());
    return p.field().isEmpty() ? message : field(t, p.field()) + ": " + message;
  }

  /** The lines of {@code problems}, joined as a page shows several at once. */
  public static String text(Messages t, List<Problem> problems) {
    return String.join("; ", problems.stream().map(p -> line(t, p)).toList());
  }

  /**
   * The message alone in the reader's language, when the refusal names a wording this module knows
   * and the bundle has a text for it.
   */
  public static Optional<String> message(Messages t, Problem p) {
    Wording w = WORDINGS.get(p.key());
    if (w == null) {
      return Optional.empty();
    }
    Object[] args = new Object[p.args().size()];
    for (int i = 0; i < args.length; i++) {
      String a = p.args().get(i);
      String prefix = i < w.argKeys().size() ? w.argKeys().get(i) : "";
      args[i] = prefix.isEmpty() ? a : prefix.equals(TIME) ? time(t, a) : words(t, prefix + a, a);
    }
    String out = t.get(w.bundleKey(), args);
    return out.equals(w.bundleKey()) ? Optional.empty() : Optional.of(out);
  }

  /** An instant as {@code t}'s reader reads times; as written when it is no instant. */
  private static String time(Messages t, String instant) {
    try {
      return t.time(java.time.Instant.parse(instant));
    } catch (java.time.format.DateTimeParseException e) {
      return instant;
    }
  }

  /** {@code key}'s text, or {@code fallback} when the bundle has none. */
  private static String words(Messages t, String key, String fallback) {
    String s = t.get(key);
    return s.equals(key) ? fallback : s;
  }

  private static final Pattern LINE = Pattern.compile("line (\\d+)");
  private static final Pattern LINE_COLUMN = Pattern.compile("line (\\d+), column (\\d+)");

  /**
   * A field as the page names it: {@code revenue} is 追徴額 in Japanese, {@code line 4} of a CSV file
   * 4 行目; a field the bundle does not name is shown as it is.
   */
  static String field(Messages t, String field) {
    Matcher lc = LINE_COLUMN.matcher(field);
    if (lc.matches()) {
      return t.get("criteria.at", lc.group(1), lc.group(2));
    }
    Matcher l = LINE.matcher(field);
    if (l.matches()) {
      return t.get("targeting.problem.field.line", l.group(1));
    }
    return field.matches("[A-Za-z]+") ? words(t, "targeting.problem.field." + field, field) : field;
  }
}
