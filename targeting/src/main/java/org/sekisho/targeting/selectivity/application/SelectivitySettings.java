package org.sekisho.targeting.selectivity.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.sekisho.core.Outcome;
import org.sekisho.core.Problem;
import org.sekisho.targeting.selectivity.domain.OfficeProfile;
import org.sekisho.targeting.selectivity.domain.Selectivity;
import org.sekisho.targeting.selectivity.domain.SelectivityConfig;

/**
 * The selectivity settings in force: their text, its version, and the rates against the shares the
 * live {@link Selectivity} has seen; and the one way to change them while records are assessed.
 *
 * <p>A change is checked whole ({@link Format}), refused when it was made on another version than
 * the one in force (a second administrator saving at the same moment gets a conflict, never a
 * silent overwrite), kept ({@link Store}, atomically) and then put in force with {@link
 * Selectivity#reconfigure} (windows and counters are kept). A change that is refused, or that
 * cannot be kept, changes nothing. Thread-safe: changes are serialised.
 */
public final class SelectivitySettings {
  /** The most characters a settings text may have. */
  public static final int MAX_TEXT = 64 * 1024;

  /** Reads a settings text, or says what is wrong with it (each problem naming its line). */
  @FunctionalInterface
  public interface Format {
    Outcome<SelectivityConfig> parse(String text);
  }

  /**
   * Where the text in force is kept. {@code replace} is atomic (a reader, or the next start, sees
   * the old text or the new, never part of one) and throws {@link java.io.UncheckedIOException}
   * when the text cannot be kept.
   */
  @FunctionalInterface
  public interface Store {
    void replace(String text);
  }

  /**
   * The settings in force.
   *
   * @param text as written (empty: none written, the standard settings)
   * @param version the SHA-256 of the text's UTF-8 bytes, in hex: what a change must name
   * @param config the settings read from it
   * @param changedBy who put it in force through {@link #replace}; empty when read at start
   * @param changedAt when; empty when read at start
   */
  public record Current(
      String text,
      String version,
      SelectivityConfig config,
      String changedBy,
      Optional<Instant> changedAt) {}

  /** A change put in force: the settings before and after. */
  public record Change(Current before, Current after) {
    /** False when the text saved was the one in force already. */
    public boolean changed() {
      return !before.version().equals(after.version());
    }
  }

  /**
   * One office or stream on the settings page.
   *
   * @param office office code, or stream ({@code JPYOK/transport-document})
   * @param configured whether the settings name it (otherwise it has its office's or the defaults)
   * @param profile its rates in force, inherited ones included
   * @param window its recent window (empty when none of its records was seen since start)
   */
  public record OfficeView(
      String office, boolean configured, OfficeProfile profile, Selectivity.Window window) {}

  private final Selectivity live;
  private final Format format;
  private final Store store;
  private final Clock clock;
  private Current current;

  /**
   * @param text the text the live settings were read from ("" when there is none)
   * @param live the selectivity records are assessed with; its settings are {@code text}'s
   */
  public SelectivitySettings(
      String text, Selectivity live, Format format, Store store, Clock clock) {
    this.live = live;
    this.format = format;
    this.store = store;
    this.clock = clock;
    this.current = new Current(text, version(text), live.config(), "", Optional.empty());
  }

  /** The settings in force. */
  public synchronized Current current() {
    return current;
  }

  /** The settings in force, read by selection: the lane labels, the rates. */
  public SelectivityConfig config() {
    return current().config();
  }

  /** The recent window of one office or stream. */
  public Selectivity.Window window(String office) {
    return live.window(office);
  }

  /**
   * Every office and stream that the settings name or whose records were seen since start, by code.
   */
  public List<OfficeView> offices() {
    SelectivityConfig c = config();
    Map<String, Selectivity.Window> windows = live.windows();
    TreeSet<String> names = new TreeSet<>(c.offices().keySet());
    names.addAll(windows.keySet());
    List<OfficeView> out = new ArrayList<>(names.size());
    for (String o : names) {
      out.add(
          new OfficeView(
              o,
              c.offices().containsKey(o),
              c.profile(o),
              windows.containsKey(o) ? windows.get(o) : live.window(o)));
    }
    return out;
  }

  /**
   * Puts {@code text} in force when {@code expectedVersion} is the version in force. Refused with
   * {@code conflict} (field {@code version}) when another change came first, with {@code
   * invalid-field} when no version is given, {@code too-large} beyond {@value #MAX_TEXT}
   * characters, and with the format's problems ({@code invalid-setting}, one per line at fault)
   * when the text is wrong; nothing is kept or changed then. Saving the text in force again is
   * accepted and changes nothing.
   *
   * @param by who makes the change
   */
  public synchronized Outcome<Change> replace(String text, String expectedVersion, String by) {
    Objects.requireNonNull(text, "text");
    String expected = expectedVersion == null ? "" : expectedVersion.strip();
    if (expected.isEmpty()) {
      return Outcome.rejected(
          Problem.of(
                  "invalid-field",
                  "version",
                  "give the version of the settings the change was made on (the ETag of GET"
                      + " /api/targeting/selectivity)")
              .worded("selectivity-version"));
    }
    if (!expected.equalsIgnoreCase(current.version())) {
      Problem changed =
          Problem.of(
              "conflict",
              "version",
              "the settings were changed since version "
                  + abbreviated(expected)
                  + " was read"
                  + (current.changedBy().isEmpty() ? "" : " (by " + current.changedBy() + ")")
                  + "; now version "
                  + abbreviated(current.version())
                  + ": reload them and make the change again");
      return Outcome.rejected(
          current.changedBy().isEmpty()
              ? changed.worded(
                  "selectivity-changed", abbreviated(expected), abbreviated(current.version()))
              : changed.worded(
                  "selectivity-changed-by",
                  abbreviated(expected),
                  current.changedBy(),
                  abbreviated(current.version())));
    }
    if (text.length() > MAX_TEXT) {
      return Outcome.rejected(
          Problem.of("too-large", "text", "a settings text has at most " + MAX_TEXT + " characters")
              .worded("selectivity-too-large", MAX_TEXT));
    }
    Outcome<SelectivityConfig> parsed = format.parse(text);
    if (parsed instanceof Outcome.Rejected<SelectivityConfig> r) {
      return new Outcome.Rejected<>(r.problems());
    }
    Current before = current;
    if (text.equals(before.text())) {
      return Outcome.accepted(new Change(before, before));
    }
    // kept first: a change that cannot be kept must not be in force only until the next start
    store.replace(text);
    SelectivityConfig next = parsed.orElseThrow();
    live.reconfigure(next);
    current = new Current(text, version(text), next, by, Optional.of(clock.instant()));
    return Outcome.accepted(new Change(before, current));
  }

  /** The version of a settings text: the SHA-256 of its UTF-8 bytes, in lower-case hex. */
  public static String version(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  /** The first 12 hex digits of a version, as pages show it. */
  public static String abbreviated(String version) {
    return version.length() <= 12 ? version : version.substring(0, 12);
  }
}
