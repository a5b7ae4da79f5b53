package org.sekisho.targeting.adapter.web;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sekisho.core.Problem;
import org.sekisho.platform.i18n.Messages;

/**
 * Refusals as a targeting page says them, in the reader's language. The use cases word their
 * refusals in English (the API answers that text, which clients match on); a page shows each one it
 * knows through the {@code targeting.problem.*} keys of the bundles, its field named as the page
 * names it and the values the English gives (a number, an assessment id) passed on as arguments.
 * The English bundle repeats the use cases' words, so an English page reads exactly as before; a
 * refusal no wording below recognises is shown as the use case wrote it.
 */
public final class PageProblems {
  private PageProblems() {}

  /**
   * One way a use case words a refusal.
   *
   * @param code the problem's code; null for any code (then {@code field} is the one it names)
   * @param field the field it names; null for any field
   * @param english the whole English message, its groups the arguments
   * @param key the bundle key of the message
   * @param args for each group by index, the key prefix that puts it into words (a status code into
   *     検査済み), or empty to pass it on as written
   */
  private record Wording(
      String code, String field, Pattern english, String key, List<String> args) {
    Wording(String code, String field, String english, String key, String... argKeys) {
      this(code, field, Pattern.compile(english), key, List.of(argKeys));
    }

    boolean fits(Problem p) {
      return (code == null || code.equals(p.code())) && (field == null || field.equals(p.field()));
    }
  }

  /** A date in a message. */
  private static final String DATE = "(\\d{4}-\\d{2}-\\d{2})";

  private static final List<Wording> WORDINGS =
      List.of(
          // lane decisions (Worklist.decide)
          new Wording(
              "invalid-lane",
              "lane",
              "expected red, yellow, blue or green",
              "targeting.problem.lane"),
          new Wording(
              "comment-required",
              "comment",
              "say why in a comment of at least (\\d+) characters",
              "targeting.problem.comment-required"),
          new Wording(
              "conflict",
              "status",
              "the inspection outcome is recorded already",
              "targeting.problem.closed"),
          new Wording(
              "conflict",
              "status",
              "assessment (\\d+) was superseded by assessment (\\d+|\\?); decide on that one",
              "targeting.problem.superseded"),
          new Wording(
              "random-selection",
              "lane",
              "a random selection measures the true infraction rate and cannot be lowered; record"
                  + " what its control finds instead",
              "targeting.problem.random-selection"),
          // inspection outcomes (Worklist.recordOutcome)
          new Wording(
              "invalid-result",
              "result",
              "expected nothing-found or infraction",
              "targeting.problem.result"),
          new Wording(
              "invalid-revenue",
              "revenue",
              "expected a non-negative amount of at most ([0-9.]+) with at most 2 decimals, like"
                  + " 12500.50 or 12,500.50",
              "targeting.problem.revenue"),
          new Wording(
              "inconsistent-outcome",
              "result",
              "revenue raised or a seizure means an infraction was found",
              "targeting.problem.inconsistent-outcome"),
          new Wording(
              "note-required",
              "note",
              "say what was found in a note of at least (\\d+) characters \\(an infraction counts"
                  + " against the trader\\)",
              "targeting.problem.note-required"),
          new Wording(
              "conflict",
              "status",
              "only referred items take an outcome; this one is ([a-z]+)",
              "targeting.problem.not-referred",
              "targeting.problem.status."),
          new Wording(
              "conflict",
              "status",
              "the item changed meanwhile; reload it",
              "targeting.problem.changed"),
          new Wording(
              "forbidden",
              "",
              "only inspectors of (\\S+) record its outcome",
              "targeting.problem.other-office"),
          new Wording(
              "forbidden",
              "",
              "assessment (\\d+) belongs to another office",
              "targeting.problem.other-office-item"),
          new Wording(
              "not-found",
              "",
              "assessment (\\d+) was not found",
              "targeting.problem.no-assessment"),
          new Wording(
              "not-found",
              "",
              "criterion (\\d+) was not found",
              "targeting.problem.criterion-not-found"),
          new Wording(
              "not-found",
              "",
              "criterion c(\\d+)v(\\d+) was not found",
              "targeting.problem.version-not-found"),
          new Wording("not-found", "", "list (.+) was not found", "targeting.problem.no-list"),
          // any text over its limit (a comment, a reason)
          new Wording(
              "invalid-comment", null, "longer than (\\d+) characters", "targeting.problem.longer"),
          new Wording(
              "invalid-reason", null, "longer than (\\d+) characters", "targeting.problem.longer"),
          // criteria (CriteriaCatalogue): saving, releasing, disabling
          new Wording(
              "invalid-dates",
              "effectiveTo",
              "the end date is before the start date",
              "targeting.problem.dates"),
          // a period that is over, as saving and releasing say it: the last day, then today
          new Wording(
              null,
              "effectiveTo",
              ".*?" + DATE + "\\D.*today is " + DATE + "\\).*",
              "targeting.criteria.period-over"),
          new Wording(
              "not-found",
              "id",
              "criterion (\\d+) does not exist",
              "targeting.problem.no-criterion"),
          new Wording(
              "not-found",
              "version",
              "criterion c(\\d+)v(\\d+) not found",
              "targeting.problem.no-version"),
          new Wording(
              "conflict",
              "name",
              "a criterion named \"(.+)\" exists already \\(c(\\d+), newest version (\\S+)\\); give"
                  + " this version of c(\\d+) a name no other criterion in use bears",
              "targeting.problem.name-taken-rename"),
          new Wording(
              "conflict",
              "name",
              "a criterion named \"(.+)\" exists already \\(c(\\d+), newest version (\\S+)\\); send"
                  + " its id \\((\\d+)\\) to save a new version of it, or give this one another"
                  + " name",
              "targeting.problem.name-taken"),
          new Wording(
              "conflict",
              "name",
              "criterion c(\\d+)v(\\d+) is named \"(.+)\", as c(\\d+) is \\((\\S+)\\); save a"
                  + " version of c\\d+ under another name and release that",
              "targeting.problem.name-taken-release"),
          new Wording(
              "invalid-office",
              "offices",
              "'(.+)' is no office code: expected a UN/LOCODE with an optional unit, like JPYOK or"
                  + " JPNRT-MAIL, or an office number",
              "targeting.problem.office"),
          new Wording(
              "conflict",
              "version",
              "criterion c(\\d+)v(\\d+) is in force already: released by (.+)",
              "targeting.problem.released-already"),
          new Wording(
              "conflict",
              "version",
              "criterion c(\\d+) was being changed by someone else at the same moment; reload it and"
                  + " release again if c\\d+v(\\d+) should still be in force",
              "targeting.problem.release-race"),
          new Wording(
              "reason-required",
              "reason",
              "say why the criterion is disabled, in at least (\\d+) characters",
              "targeting.problem.reason-required"),
          new Wording(
              "conflict",
              "id",
              "criterion c(\\d+) is disabled already: by (.+); releasing a version of it puts it"
                  + " back in force",
              "targeting.problem.disabled-already"),
          new Wording(
              "conflict",
              "id",
              "criterion c(\\d+) was being changed by someone else at the same moment; reload it",
              "targeting.problem.disable-race"),
          // form fields read by the web module itself
          new Wording(
              "invalid-parameter",
              null,
              "expected a date like 2026-11-27",
              "targeting.problem.date"),
          new Wording(
              "invalid-parameter",
              "days",
              "expected a whole number of days from 1 to 366",
              "targeting.problem.days"),
          new Wording(
              "invalid-parameter", null, "expected a whole number", "targeting.problem.whole"),
          // reference lists (ReferenceLists, ListCsv, ListKind)
          new Wording(
              "invalid-name",
              "name",
              "expected lower-case letters, digits and hyphens \\(up to 63\\), e.g."
                  + " high-risk-origins",
              "targeting.problem.list-name"),
          new Wording(
              "invalid-kind",
              "kind",
              "expected parties, countries, hs-codes, documents, addresses or phones",
              "targeting.problem.list-kind"),
          new Wording(
              "conflict",
              "name",
              "a list named (\\S+) exists already",
              "targeting.problem.list-exists"),
          new Wording(
              "empty-replacement",
              "csv",
              "a replacement needs at least one entry; remove entries one by one to empty a list",
              "targeting.problem.empty-replacement"),
          new Wording(
              "invalid-csv",
              null,
              "a '\"' inside an unquoted cell; quote the whole cell",
              "targeting.problem.csv-quote"),
          new Wording(
              "invalid-csv", null, "a quoted cell is not closed", "targeting.problem.csv-unclosed"),
          new Wording(
              "invalid-csv",
              null,
              "contains a NUL character \\(U\\+0000\\), which cannot be stored; remove it",
              "targeting.problem.csv-nul"),
          new Wording(
              "invalid-csv",
              null,
              "expected at most 2 cells \\(value, note\\), got (\\d+)",
              "targeting.problem.csv-cells"),
          new Wording("invalid-entry", null, "empty entry", "targeting.problem.entry-empty"),
          new Wording(
              "invalid-header",
              null,
              "the header's column (\\d+) is '(.*)', expected '(value|note)': the header is value or"
                  + " value,note \\(an entry's value, then an optional note\\); or leave it out and"
                  + " start with the first entry",
              "targeting.problem.header"),
          new Wording(
              "invalid-header",
              null,
              "the header's column (\\d+) is '(.*)', expected no more columns: the header is value"
                  + " or value,note \\(an entry's value, then an optional note\\); or leave it out"
                  + " and start with the first entry",
              "targeting.problem.header-extra"),
          new Wording(
              "invalid-entry",
              null,
              "expected an ISO 3166-1 alpha-2 country code \\(ZZ: unknown\\), got '(.*)'",
              "targeting.problem.entry-country"),
          new Wording(
              "invalid-entry",
              null,
              "expected an HS code or prefix of 2 to 10 digits, got '(.*)'",
              "targeting.problem.entry-hs"),
          new Wording(
              "invalid-entry",
              null,
              "expected a phone number with at least 5 digits, got '(.*)'",
              "targeting.problem.entry-phone"),
          new Wording(
              "invalid-entry",
              null,
              "the note is longer than 500 characters",
              "targeting.problem.entry-note"),
          new Wording(
              "duplicate-entry",
              null,
              "(.+) is on line (\\d+) already; give each value once \\(the row on line \\d+ is the"
                  + " one read\\)",
              "targeting.problem.entry-twice"),
          // risk models (Lifecycle, ModelLifecycle): approving, releasing, restoring
          new Wording(
              "conflict",
              "status",
              "model version (\\d+) is ([a-z]+); only an evaluated model can be approved",
              "targeting.problem.model-approve",
              "",
              "targeting.models.status."),
          new Wording(
              "conflict",
              "status",
              "model version (\\d+) is ([a-z]+); restore it instead",
              "targeting.problem.model-restore-instead",
              "",
              "targeting.models.status."),
          new Wording(
              "conflict",
              "status",
              "model version (\\d+) is ([a-z]+); only an approved model can be released",
              "targeting.problem.model-release",
              "",
              "targeting.models.status."),
          new Wording(
              "conflict",
              "status",
              "model version (\\d+) is ([a-z]+); only a retired model can be restored",
              "targeting.problem.model-restore",
              "",
              "targeting.models.status."),
          new Wording(
              "conflict",
              "status",
              "model version (\\d+) is not released",
              "targeting.problem.model-not-released"),
          new Wording(
              "forbidden",
              "by",
              "(\\S+) registered model version (\\d+); another administrator must approve it",
              "targeting.problem.model-second-person"),
          new Wording(
              "not-found", "version", "no model version (\\d+)", "targeting.problem.model-none"),
          new Wording(
              "conflict",
              "version",
              "model version (\\d+) changed meanwhile; look again",
              "targeting.problem.model-changed"),
          // selectivity settings (SelectivityProperties): "key: why" on the line at fault
          setting("given twice \\(also on line (\\d+)\\)", "twice"),
          setting("expected a whole number, got '(.*)'", "whole"),
          setting("expected japan or colours, got '(.*)'", "labels"),
          setting("unknown lane '(.*)': red, yellow, blue or green", "lane"),
          setting("a label has at most (\\d+) characters", "label-length"),
          setting(
              Pattern.quote(
                  "unknown setting: expected seed, labels, label.<lane>,"
                      + " default.<red|yellow|blue>.<expected|random|max-hits> or"
                      + " office.<office>[/<kind>].<red|yellow|blue>.<expected|random|max-hits>"),
              "unknown"),
          setting(
              Pattern.quote("expected <scope>.<red|yellow|blue>.<expected|random|max-hits>"),
              "form"),
          setting("green takes no settings: it is what the other lanes leave", "green"),
          setting(
              "'(.*)' is no office code: expected a UN/LOCODE with an optional unit, like JPYOK or"
                  + " JPNRT-MAIL, or an office number",
              "office"),
          setting(
              "'(.*)' is no record kind: expected declaration, postal-item or transport-document",
              "kind"),
          setting("expected a whole number of hits \\(0 for no limit\\), got '(.*)'", "max-hits"),
          setting("expected a percentage from 0 to 100, got '(.*)'", "percent"),
          setting(
              "the expected rate of ([a-z]+) \\((.+ %)\\) is below its random rate \\((.+ %)\\):"
                  + " random selection alone would exceed it; raise it, or set 0 for no top-up",
              "below-random"),
          setting(
              "the random rates of the defaults add up to (.+ %), more than 100 %",
              "random-defaults"),
          setting("the random rates of (\\S+) add up to (.+ %), more than 100 %", "random-sum"));

  /** A selectivity setting refused on its line: the key, then why ({@code group} 1 the key). */
  private static Wording setting(String why, String name) {
    return new Wording(
        "invalid-setting", null, "(\\S+): " + why, "targeting.problem.setting." + name);
  }

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

  /** The message alone in the reader's language, when a wording fits it. */
  public static Optional<String> message(Messages t, Problem p) {
    for (Wording w : WORDINGS) {
      if (!w.fits(p)) {
        continue;
      }
      Matcher m = w.english().matcher(p.message());
      if (!m.matches()) {
        continue;
      }
      Object[] args = new Object[m.groupCount()];
      for (int i = 0; i < args.length; i++) {
        String g = m.group(i + 1) == null ? "" : m.group(i + 1);
        String prefix = i < w.args().size() ? w.args().get(i) : "";
        args[i] = prefix.isEmpty() ? g : words(t, prefix + g, g);
      }
      String out = t.get(w.key(), args);
      return out.equals(w.key()) ? Optional.empty() : Optional.of(out);
    }
    return Optional.empty();
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
