package org.sekisho.targeting.selectivity.adapter;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
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
 * Missing file: {@link SelectivityConfig#standard(long)} with seed 1.
 */
public final class SelectivityProperties {
  private SelectivityProperties() {}

  public static Outcome<SelectivityConfig> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Outcome.accepted(SelectivityConfig.standard(1));
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException | IllegalArgumentException e) {
      return Outcome.rejected("unreadable", file.toString(), "cannot read: " + e.getMessage());
    }
    return parse(p);
  }

  public static Outcome<SelectivityConfig> parse(Properties p) {
    List<Problem> problems = new ArrayList<>();
    long seed = 1;
    try {
      seed = Long.parseLong(p.getProperty("seed", "1").strip());
    } catch (NumberFormatException e) {
      problems.add(Problem.of("invalid-setting", "seed", "expected a whole number"));
    }
    LaneLabels labels =
        "japan".equalsIgnoreCase(p.getProperty("labels", "").strip())
            ? LaneLabels.japan()
            : LaneLabels.colours();
    Map<Lane, String> custom = new EnumMap<>(labels.labels());
    for (Lane l : Lane.values()) {
      String s = p.getProperty("label." + l.code());
      if (s != null && !s.isBlank()) {
        custom.put(l, s.strip());
      }
    }
    labels = new LaneLabels(custom);
    Map<String, Map<Lane, double[]>> raw = new HashMap<>();
    for (String key : p.stringPropertyNames()) {
      String[] parts = key.split("\\.");
      String scope;
      int at;
      if (parts.length == 3 && parts[0].equals("default")) {
        scope = "";
        at = 1;
      } else if (parts.length >= 4 && parts[0].equals("office")) {
        scope = String.join(".", java.util.Arrays.copyOfRange(parts, 1, parts.length - 2));
        at = parts.length - 2;
      } else {
        continue;
      }
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
            Problem.of(
                "invalid-setting",
                key,
                "expected <scope>.<red|yellow|blue>.<expected|random|max-hits>"));
        continue;
      }
      double v;
      try {
        v = Double.parseDouble(p.getProperty(key).strip());
      } catch (NumberFormatException e) {
        problems.add(Problem.of("invalid-setting", key, "expected a number"));
        continue;
      }
      if (v < 0 || (slot < 2 && v > 100)) {
        problems.add(Problem.of("invalid-setting", key, "expected a percentage from 0 to 100"));
        continue;
      }
      raw.computeIfAbsent(scope(scope), s -> new EnumMap<>(Lane.class))
              .computeIfAbsent(lane.get(), l -> new double[] {Double.NaN, Double.NaN, Double.NaN})[
              slot] =
          v;
    }
    if (!problems.isEmpty()) {
      return new Outcome.Rejected<>(problems);
    }
    try {
      OfficeProfile defaults = profile(raw.getOrDefault("", Map.of()), null);
      Map<String, OfficeProfile> offices = new HashMap<>();
      raw.forEach(
          (office, lanes) -> {
            if (!office.isEmpty() && office.indexOf('/') < 0) {
              offices.put(office, profile(lanes, defaults));
            }
          });
      // a stream (OFFICE/kind) takes what it does not set from its office
      Map<String, OfficeProfile> streams = new HashMap<>();
      raw.forEach(
          (stream, lanes) -> {
            int slash = stream.indexOf('/');
            if (slash > 0) {
              OfficeProfile office = offices.getOrDefault(stream.substring(0, slash), defaults);
              streams.put(stream, profile(lanes, office));
            }
          });
      offices.putAll(streams);
      return Outcome.accepted(new SelectivityConfig(seed, offices, defaults, labels));
    } catch (IllegalArgumentException e) {
      return Outcome.rejected("invalid-setting", "random", e.getMessage());
    }
  }

  /**
   * An office code in capitals; a stream's record kind ({@code JPYOK/transport-document}) in lower
   * case.
   */
  private static String scope(String scope) {
    int slash = scope.indexOf('/');
    return slash < 0
        ? scope.toUpperCase(Locale.ROOT)
        : scope.substring(0, slash).toUpperCase(Locale.ROOT)
            + "/"
            + scope.substring(slash + 1).toLowerCase(Locale.ROOT);
  }

  private static OfficeProfile profile(Map<Lane, double[]> lanes, OfficeProfile base) {
    OfficeProfile std = SelectivityConfig.standard(1).defaults();
    OfficeProfile from = base == null ? std : base;
    Map<Lane, LaneRates> m = new EnumMap<>(Lane.class);
    for (Lane l : Lane.values()) {
      LaneRates b = from.of(l);
      double[] v = lanes.get(l);
      if (v == null) {
        m.put(l, b);
      } else {
        m.put(
            l,
            new LaneRates(
                Double.isNaN(v[0]) ? b.expectedRate() : v[0] / 100,
                Double.isNaN(v[1]) ? b.minimumRandomRate() : v[1] / 100,
                Double.isNaN(v[2]) ? b.maxHitsWithoutSelection() : (int) v[2]));
      }
    }
    return new OfficeProfile(m);
  }
}
