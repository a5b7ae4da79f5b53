package org.sekisho.targeting.selectivity.adapter;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.targeting.criteria.application.CriteriaCatalogue;
import org.sekisho.targeting.selectivity.domain.Lane;
import org.sekisho.targeting.selectivity.domain.LaneLabels;
import org.sekisho.targeting.selectivity.domain.LaneRates;
import org.sekisho.targeting.selectivity.domain.OfficeProfile;
import org.sekisho.targeting.selectivity.domain.SelectivityConfig;

/**
 * Reads selectivity settings from a properties file (UTF-8):
 *
 * <pre>
 * seed=20261127
 * labels=japan                 # or colours; or label.red=…, label.yellow=…
 * default.red.expected=5       # percent
 * default.red.random=1         # percent
 * default.red.max-hits=10
 * office.JPTYO-AIR.red.expected=8
 * office.JPYOK/transport-document.red.expected=3   # consignments at JPYOK; the rest as JPYOK's
 * </pre>
 *
 * <p>The rules, the same at start and for a text saved through the web: keys are {@code seed} (a
 * whole number), {@code labels} ({@code japan} or {@code colours}), {@code label.<lane>} (any lane,
 * up to {@value #MAX_LABEL} characters), and {@code default.<lane>.<setting>} or {@code
 * office.<office>[/<kind>].<lane>.<setting>} with lane {@code red}, {@code yellow} or {@code blue}
 * (green is what is left and takes no settings), setting {@code expected} or {@code random} (a
 * percentage from 0 to 100, decimals allowed) or {@code max-hits} (a whole number, 0 for no limit),
 * office an office code as a criterion's scope takes it ({@link CriteriaCatalogue#isOfficeCode})
 * and kind a record kind ({@code declaration}, {@code postal-item}, {@code transport-document}).
 * After inheritance (a stream takes what it does not set from its office, an office from the
 * defaults) each profile's random rates add up to at most 100 %, and an expected rate is not below
 * its lane's random rate, unless it is 0 (no top-up). Anything else, and a key given twice, is
 * refused; every problem names its line (from a text) or key (from {@link Properties}) and why, and
 * nothing is taken.
 *
 * <p>Missing file: {@link SelectivityConfig#standard(long)} with seed 1.
 */
public final class SelectivityProperties {
  private SelectivityProperties() {}

  /** The longest lane label taken. */
  public static final int MAX_LABEL = 60;

  private static final Pattern PERCENT = Pattern.compile("\\d{1,3}(\\.\\d{1,6})?");
  private static final Pattern WHOLE = Pattern.compile("\\d{1,9}");
  private static final List<String> KINDS =
      List.of("declaration", "postal-item", "transport-document");

  /** The settings of {@code file}, or the problems of its text; the standard ones when absent. */
  public static Outcome<SelectivityConfig> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Outcome.accepted(SelectivityConfig.standard(1));
    }
    try {
      return parse(text(file));
    } catch (IOException e) {
      return Outcome.rejected("unreadable", file.toString(), "cannot read: " + e.getMessage());
    }
  }

  /**
   * The text of {@code file} as UTF-8 ("" when absent); a file that is not UTF-8 is refused rather
   * than read with replacement characters.
   */
  public static String text(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return "";
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IOException("not UTF-8 text", e);
    }
  }

  /**
   * Parses and checks a settings text. Each problem has the field {@code line N} (the line its key
   * starts on) and a message that begins with the key.
   */
  public static Outcome<SelectivityConfig> parse(String text) {
    List<Entry> entries = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int first = i;
      String line = lines[i];
      String lead = line.stripLeading();
      if (lead.isEmpty() || lead.startsWith("#") || lead.startsWith("!")) {
        continue;
      }
      // a line ending in an odd number of backslashes goes on on the next, as Properties reads it
      StringBuilder logical = new StringBuilder(line);
      while (continues(lines[i]) && i + 1 < lines.length) {
        i++;
        logical.append('\n').append(lines[i]);
      }
      Properties one = new Properties();
      try {
        one.load(new StringReader(logical.toString()));
      } catch (IOException | IllegalArgumentException e) {
        problems.add(
            Problem.of("invalid-setting", "line " + (first + 1), "unreadable: " + e.getMessage()));
        continue;
      }
      for (String key : one.stringPropertyNames()) {
        entries.add(new Entry(first + 1, key, one.getProperty(key)));
      }
    }
    return check(entries, problems);
  }

  /**
   * Checks settings already read into {@link Properties} (no line numbers: each problem's field is
   * its key).
   */
  public static Outcome<SelectivityConfig> parse(Properties p) {
    List<Entry> entries = new ArrayList<>();
    p.stringPropertyNames().stream()
        .sorted()
        .forEach(k -> entries.add(new Entry(0, k, p.getProperty(k))));
    return check(entries, new ArrayList<>());
  }

  private static boolean continues(String line) {
    int n = 0;
    for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
      n++;
    }
    return n % 2 == 1;
  }

  /** One {@code key=value} and the line it starts on (0: not known). */
  private record Entry(int line, String key, String value) {
    /**
     * The refusal of this entry: on its line as {@code key: why}, worded {@code setting.<name>}
     * with the key, then {@code args}; without a line, {@code why} at the key (not worded, since
     * the wording begins with the key the field names already).
     */
    Problem problem(String why, String name, Object... args) {
      if (line == 0) {
        return Problem.of("invalid-setting", key, why);
      }
      Object[] all = new Object[args.length + 1];
      all[0] = key;
      System.arraycopy(args, 0, all, 1, args.length);
      return Problem.of("invalid-setting", "line " + line, key + ": " + why)
          .worded("setting." + name, all);
    }
  }

  /** The rates one scope sets, with the entries that set them (null: inherited). */
  private static final class Scope {
    final Map<Lane, Entry[]> set = new EnumMap<>(Lane.class);
    final Map<Lane, double[]> values = new EnumMap<>(Lane.class);

    void put(Lane lane, int slot, double v, Entry e) {
      set.computeIfAbsent(lane, l -> new Entry[3])[slot] = e;
      values.computeIfAbsent(lane, l -> new double[] {Double.NaN, Double.NaN, Double.NaN})[slot] =
          v;
    }

    Entry first() {
      return set.values().stream()
          .flatMap(Arrays::stream)
          .filter(java.util.Objects::nonNull)
          .min(Comparator.comparingInt(Entry::line).thenComparing(Entry::key))
          .orElseThrow();
    }
  }

  private static Outcome<SelectivityConfig> check(List<Entry> entries, List<Problem> problems) {
    Map<String, Entry> byKey = new HashMap<>();
    long seed = 1;
    String labelSet = "";
    Map<Lane, String> custom = new EnumMap<>(Lane.class);
    Map<String, Scope> scopes = new LinkedHashMap<>();
    for (Entry e : entries) {
      String key = e.key();
      String value = e.value().strip();
      Entry before = byKey.putIfAbsent(key, e);
      if (before != null) {
        problems.add(
            e.problem("given twice (also on line " + before.line() + ")", "twice", before.line()));
        continue;
      }
      String[] parts = key.split("\\.", -1);
      if (key.equals("seed")) {
        try {
          seed = Long.parseLong(value);
        } catch (NumberFormatException x) {
          problems.add(e.problem("expected a whole number, got '" + value + "'", "whole", value));
        }
      } else if (key.equals("labels")) {
        labelSet = value.toLowerCase(Locale.ROOT);
        if (!labelSet.equals("japan") && !labelSet.equals("colours")) {
          problems.add(
              e.problem("expected japan or colours, got '" + value + "'", "labels", value));
        }
      } else if (parts.length == 2 && parts[0].equals("label")) {
        var lane = Lane.ofCode(parts[1]);
        if (lane.isEmpty()) {
          problems.add(
              e.problem(
                  "unknown lane '" + parts[1] + "': red, yellow, blue or green", "lane", parts[1]));
        } else if (value.length() > MAX_LABEL) {
          problems.add(
              e.problem(
                  "a label has at most " + MAX_LABEL + " characters", "label-length", MAX_LABEL));
        } else if (!value.isEmpty()) {
          custom.put(lane.get(), value);
        }
      } else if ((parts.length == 3 && parts[0].equals("default"))
          || (parts.length >= 4 && parts[0].equals("office"))) {
        rate(e, parts, value, scopes, problems);
      } else {
        problems.add(
            e.problem(
                "unknown setting: expected seed, labels, label.<lane>,"
                    + " default.<red|yellow|blue>.<expected|random|max-hits> or"
                    + " office.<office>[/<kind>].<red|yellow|blue>.<expected|random|max-hits>",
                "unknown"));
      }
    }
    // the settings that were readable are checked together too, so that one answer lists every
    // problem of the text
    LaneLabels labels = labelSet.equals("japan") ? LaneLabels.japan() : LaneLabels.colours();
    Map<Lane, String> named = new EnumMap<>(labels.labels());
    named.putAll(custom);
    labels = new LaneLabels(named);
    Scope none = new Scope();
    OfficeProfile std = SelectivityConfig.standard(1).defaults();
    Map<String, OfficeProfile> profiles = new HashMap<>();
    OfficeProfile defaults = profile("", scopes.getOrDefault("", none), std, problems);
    scopes.forEach(
        (office, scope) -> {
          if (!office.isEmpty() && office.indexOf('/') < 0) {
            profiles.put(office, profile(office, scope, defaults, problems));
          }
        });
    // a stream (OFFICE/kind) takes what it does not set from its office
    Map<String, OfficeProfile> streams = new HashMap<>();
    scopes.forEach(
        (stream, scope) -> {
          int slash = stream.indexOf('/');
          if (slash > 0) {
            OfficeProfile office = profiles.getOrDefault(stream.substring(0, slash), defaults);
            streams.put(stream, profile(stream, scope, office, problems));
          }
        });
    if (!problems.isEmpty()) {
      return rejected(problems);
    }
    profiles.putAll(streams);
    return Outcome.accepted(new SelectivityConfig(seed, profiles, defaults, labels));
  }

  private static Outcome<SelectivityConfig> rejected(List<Problem> problems) {
    problems.sort(Comparator.comparingInt(SelectivityProperties::lineOf));
    return new Outcome.Rejected<>(List.copyOf(problems));
  }

  private static int lineOf(Problem p) {
    return p.field().startsWith("line ") ? Integer.parseInt(p.field().substring(5)) : 0;
  }

  /** {@code default.<lane>.<setting>} or {@code office.<scope>.<lane>.<setting>}. */
  private static void rate(
      Entry e, String[] parts, String value, Map<String, Scope> scopes, List<Problem> problems) {
    int at = parts.length - 2;
    String scope =
        parts[0].equals("default") ? "" : String.join(".", Arrays.copyOfRange(parts, 1, at));
    var lane = Lane.ofCode(parts[at]);
    int slot =
        switch (parts[at + 1]) {
          case "expected" -> 0;
          case "random" -> 1;
          case "max-hits" -> 2;
          default -> -1;
        };
    if (lane.isEmpty() || slot < 0) {
      problems.add(
          e.problem("expected <scope>.<red|yellow|blue>.<expected|random|max-hits>", "form"));
      return;
    }
    if (lane.get() == Lane.GREEN) {
      problems.add(e.problem("green takes no settings: it is what the other lanes leave", "green"));
      return;
    }
    if (parts[0].equals("office")) {
      Problem bad = scopeProblem(e, scope);
      if (bad != null) {
        problems.add(bad);
        return;
      }
    }
    double v;
    if (slot == 2) {
      if (!WHOLE.matcher(value).matches()) {
        problems.add(
            e.problem(
                "expected a whole number of hits (0 for no limit), got '" + value + "'",
                "max-hits",
                value));
        return;
      }
      v = Integer.parseInt(value);
    } else {
      if (!PERCENT.matcher(value).matches() || Double.parseDouble(value) > 100) {
        problems.add(
            e.problem(
                "expected a percentage from 0 to 100, got '" + value + "'", "percent", value));
        return;
      }
      v = Double.parseDouble(value);
    }
    scopes.computeIfAbsent(normalised(scope), s -> new Scope()).put(lane.get(), slot, v, e);
  }

  /** Why {@code scope} of {@code e} names no office or stream, or null. */
  private static Problem scopeProblem(Entry e, String scope) {
    int slash = scope.indexOf('/');
    String office = (slash < 0 ? scope : scope.substring(0, slash)).toUpperCase(Locale.ROOT);
    if (!CriteriaCatalogue.isOfficeCode(office)) {
      return e.problem(
          "'"
              + office
              + "' is no office code: expected a UN/LOCODE with an optional unit, like JPYOK or"
              + " JPNRT-MAIL, or an office number",
          "office",
          office);
    }
    String kind = slash < 0 ? "" : scope.substring(slash + 1);
    if (slash >= 0 && !KINDS.contains(kind.toLowerCase(Locale.ROOT))) {
      return e.problem(
          "'"
              + kind
              + "' is no record kind: expected declaration, postal-item or transport-document",
          "kind",
          kind);
    }
    return null;
  }

  /**
   * An office code in capitals; a stream's record kind ({@code JPYOK/transport-document}) in lower
   * case.
   */
  private static String normalised(String scope) {
    int slash = scope.indexOf('/');
    return slash < 0
        ? scope.toUpperCase(Locale.ROOT)
        : scope.substring(0, slash).toUpperCase(Locale.ROOT)
            + "/"
            + scope.substring(slash + 1).toLowerCase(Locale.ROOT);
  }

  /**
   * The profile of one scope over {@code base}, or {@code base} after adding the scope's problems:
   * random rates adding up to more than 100 %, an expected rate below its random rate.
   */
  private static OfficeProfile profile(
      String name, Scope scope, OfficeProfile base, List<Problem> problems) {
    Map<Lane, LaneRates> m = new EnumMap<>(Lane.class);
    boolean ok = true;
    double random = 0;
    for (Lane l : Lane.values()) {
      LaneRates b = base.of(l);
      double[] v = scope.values.get(l);
      LaneRates r =
          v == null
              ? b
              : new LaneRates(
                  Double.isNaN(v[0]) ? b.expectedRate() : v[0] / 100,
                  Double.isNaN(v[1]) ? b.minimumRandomRate() : v[1] / 100,
                  Double.isNaN(v[2]) ? b.maxHitsWithoutSelection() : (int) v[2]);
      m.put(l, r);
      random += r.minimumRandomRate();
      Entry[] set = scope.set.get(l);
      // an expected rate of 0 turns the top-up off; any other below the random rate could never be
      // kept, since random selection alone goes beyond it
      if (set != null
          && r.expectedRate() > 0
          && r.expectedRate() < r.minimumRandomRate()
          && (set[0] != null || set[1] != null)) {
        Entry at = set[0] != null ? set[0] : set[1];
        String expected = percent(r.expectedRate());
        String rand = percent(r.minimumRandomRate());
        problems.add(
            at.problem(
                "the expected rate of "
                    + l.code()
                    + " ("
                    + expected
                    + ") is below its random rate ("
                    + rand
                    + "): random selection alone would exceed it; raise it, or set 0 for no"
                    + " top-up",
                "below-random",
                l.code(),
                expected,
                rand));
        ok = false;
      }
    }
    if (random > 1 && !scope.set.isEmpty()) {
      String sum = percent(random);
      String why =
          "the random rates of "
              + (name.isEmpty() ? "the defaults" : name)
              + " add up to "
              + sum
              + ", more than 100 %";
      problems.add(
          name.isEmpty()
              ? scope.first().problem(why, "random-defaults", sum)
              : scope.first().problem(why, "random-sum", name, sum));
      ok = false;
    }
    return ok ? new OfficeProfile(m) : base;
  }

  private static String percent(double share) {
    return java.math.BigDecimal.valueOf(share * 100)
            .setScale(4, java.math.RoundingMode.HALF_UP)
            .stripTrailingZeros()
            .toPlainString()
        + " %";
  }
}
