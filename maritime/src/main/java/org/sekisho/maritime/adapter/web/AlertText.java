package org.sekisho.maritime.adapter.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.sekisho.maritime.application.MaritimeRecords;
import org.sekisho.platform.i18n.Messages;

/**
 * An alert in the reader's language, made from its fields and facts ({@code maritime.summary.*}
 * messages), never from its stored English summary, which stands only for alerts stored before
 * their facts were kept. The same text on the map (the API's {@code text}) and the vessel page.
 */
final class AlertText {
  private AlertText() {}

  /** Kinds that happen at one time: they have no length. */
  static final java.util.Set<String> INSTANT_KINDS =
      java.util.Set.of("port-call", "dark-vessel", "unusual-grounds");

  /**
   * A length as a reader of {@code t}'s language reads it: "2 h 20 min", "2 時間 20 分" (whole
   * minutes, days beyond a day).
   */
  static String duration(Messages t, Duration d) {
    long min = Math.max(0, d.toMinutes());
    // numbers as text: the messages would format them with separators
    if (min >= 24 * 60) {
      return t.get(
          "maritime.duration.days",
          String.valueOf(min / (24 * 60)),
          String.valueOf((min % (24 * 60)) / 60));
    }
    if (min >= 60) {
      return t.get("maritime.duration.hours", String.valueOf(min / 60), String.valueOf(min % 60));
    }
    return t.get("maritime.duration.minutes", String.valueOf(min));
  }

  /**
   * @param names vessel names by MMSI (a vessel without one is shown by its MMSI)
   * @param asOf the picture's time: an open gap's length runs to it
   */
  static String of(Messages t, MaritimeRecords.Alert a, Map<Integer, String> names, Instant asOf) {
    return of(t, a, names, asOf, a.mmsi() == null ? "" : who(a.mmsi(), names));
  }

  /** Stands for the vessel while its sentence is split around it. */
  private static final String VESSEL = "\uE000";

  /**
   * The alert's sentence split around its vessel, so that a page can put a link to the vessel where
   * the language puts its name ("{@code MMSI 1 と MMSI 2（1 時間）}" has it first, "{@code fishing
   * vessel X met Y}" after the first words); null when the alert names no vessel or its sentence
   * does not name it once (an alert stored before its facts were kept).
   *
   * @return {text before the vessel, the vessel's label, text after it}
   */
  static String[] around(
      Messages t, MaritimeRecords.Alert a, Map<Integer, String> names, Instant asOf) {
    if (a.mmsi() == null) {
      return null;
    }
    String text = of(t, a, names, asOf, VESSEL);
    int at = text.indexOf(VESSEL);
    if (at < 0 || text.indexOf(VESSEL, at + 1) >= 0) {
      return null;
    }
    return new String[] {
      text.substring(0, at), who(a.mmsi(), names), text.substring(at + VESSEL.length())
    };
  }

  private static String of(
      Messages t, MaritimeRecords.Alert a, Map<Integer, String> names, Instant asOf, String v) {
    Map<String, String> f = a.facts();
    return switch (a.kind()) {
      case "gap" ->
          t.get(
              "maritime.summary.gap",
              v,
              t.time(a.time()),
              length(t, a, asOf),
              a.end() == null ? t.get("maritime.summary.gap.open") : "");
      case "encounter", "fishing-meeting" ->
          a.otherMmsi() == null
              ? a.summary()
              : t.get(
                  "fishing-meeting".equals(a.kind())
                      ? "maritime.summary.fishing-meeting"
                      : "maritime.summary.meeting",
                  v,
                  who(a.otherMmsi(), names),
                  length(t, a, asOf));
      case "loitering" -> t.get("maritime.summary.loitering", v, length(t, a, asOf));
      case "unusual-grounds" -> t.get("maritime.summary.unusual-grounds", v);
      case "port-call" ->
          f.containsKey("direction")
              ? t.get(
                  "maritime.summary.port-call",
                  v,
                  t.get("maritime.direction." + f.get("direction")),
                  f.get("port") + " (" + f.get("locode") + ")")
              : a.summary();
      case "dark-vessel" ->
          f.containsKey("site") && f.containsKey("bearingDeg")
              ? t.get(
                  "maritime.summary.dark-vessel.bearing",
                  f.get("site"),
                  f.containsKey("vesselType")
                      ? t.get("maritime.summary.dark-vessel.reported", f.get("vesselType"))
                      : t.get("maritime.summary.dark-vessel.unknown"),
                  f.get("bearingDeg"),
                  f.get("reachNm"))
              : f.containsKey("site")
                  ? f.containsKey("vesselType")
                      // the operator's free text, quoted as what was reported
                      ? t.get(
                          "maritime.summary.dark-vessel.typed",
                          f.get("site"),
                          f.get("vesselType"),
                          f.get("withinNm"))
                      : t.get(
                          "maritime.summary.dark-vessel",
                          f.get("site"),
                          t.get("maritime.summary.dark-vessel.unknown"),
                          f.get("withinNm"))
                  : a.summary();
      default -> a.summary();
    };
  }

  private static String who(int mmsi, Map<Integer, String> names) {
    String name = names.get(mmsi);
    return name == null ? "MMSI " + mmsi : name + " (" + mmsi + ")";
  }

  private static String length(Messages t, MaritimeRecords.Alert a, Instant asOf) {
    Instant until = a.end() != null ? a.end() : asOf;
    return duration(
        t,
        until != null && until.isAfter(a.time())
            ? Duration.between(a.time(), until)
            : Duration.ZERO);
  }
}
